"""The example people ``secondchance demo`` screens, all fictional.

Nothing here is code; ``people.json`` is read with ``importlib.resources``.
"""

__all__: list[str] = []
