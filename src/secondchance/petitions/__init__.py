"""Court papers OUT: the petitions, orders, fee waiver, cover letter and checklist a person files.

(``secondchance.papers`` reads court papers IN.) The core (``decide``, ``pa``, ``ca``, ``checklist``,
``make``) is pure: a record and its screening in, a document model out. Renderers lay the model out
as text, HTML/PDF (WeasyPrint) and DOCX (python-docx). The petitioner's name and address are given
only when the papers are made and are never stored.
"""

from .courts import Court, court_for, courts
from .decide import Decision, Plan, decide
from .make import make_packet
from .model import Document, Packet, PaperSummary, Petitioner

__all__ = [
    "Court",
    "Decision",
    "Document",
    "Packet",
    "PaperSummary",
    "Petitioner",
    "Plan",
    "court_for",
    "courts",
    "decide",
    "make_packet",
]
