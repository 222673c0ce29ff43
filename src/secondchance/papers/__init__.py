"""Court papers in: dockets, court summaries and RAP sheets read into reviewed records.

Each reader turns one document into a ``Reading``: the record it found, where every value came
from, and every value it saw but could not read. Nothing is guessed and nothing is dropped.
"""

from secondchance.papers.reading import DocumentRefused, Place, Reading, Seen, Unread

__all__ = ["DocumentRefused", "Place", "Reading", "Seen", "Unread"]
