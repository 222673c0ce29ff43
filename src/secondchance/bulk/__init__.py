"""bulk (see the issue for this capability)."""
