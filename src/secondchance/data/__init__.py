"""Data files shipped with secondchance."""
