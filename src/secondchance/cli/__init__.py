"""The ``secondchance`` command line: one module per command group, each a thin layer over a package.

Exit codes: 0 success, 1 an unexpected error (a bug), 2 the input is invalid (each problem listed),
3 the environment failed (disk full, permission denied, output closed), in one line.
"""

from .entry import build_app as _build_app
from .entry import run as _run

__all__ = ["app", "main"]

app = _build_app()


def main() -> None:
    """The console script ``secondchance``: ``app`` with one line and exit 3 for what the environment broke."""
    _run(app)
