"""web (see the issue for this capability)."""
