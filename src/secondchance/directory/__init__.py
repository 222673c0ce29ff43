"""The services directory: Open Referral HSDS listings read, checked, enriched and searched.

Listings come in from files (``sources``), needs and eligibility are read from their words, and
``search`` ranks what fits a person near a place; storing them is ``secondchance.store``'s job.
"""

from .facts import PersonFacts
from .model import Directory
from .search import Query, Result, search
from .sources import Source, read_input_report
from .validate import InvalidDirectory, Problem

__all__ = [
    "Directory",
    "InvalidDirectory",
    "PersonFacts",
    "Problem",
    "Query",
    "Result",
    "Source",
    "read_input_report",
    "search",
]
