"""Data files shipped with secondchance: the fictional sample services directory.

Nothing here is code; it is read with ``importlib.resources``.
"""

__all__: list[str] = []
