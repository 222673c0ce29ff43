"""directory (see the issue for this capability)."""
