"""secondchance: a reentry navigator — record relief as code, bulk Clean Slate, services."""

from .records import InvalidRecord, Person, load_people
from .relief import Relief, Status, screen, to_json

__all__ = ["InvalidRecord", "Person", "Relief", "Status", "load_people", "screen", "to_json"]
__version__ = "0.2.2"
