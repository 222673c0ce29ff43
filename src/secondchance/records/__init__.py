"""The criminal-history record: people, cases and charges, and the validation every reader shares.

It is pure (no I/O beyond reading a file) and knows no law: what a record means is ``relief``'s job.
"""

from .model import (
    COLUMNS,
    DISPOSITIONS,
    GRADES_BY_JURISDICTION,
    Case,
    Charge,
    Person,
    Row,
    Sentence,
    Value,
)
from .parse import InvalidRecord, Problem, load_people, people_from_csv, people_from_json

__all__ = [
    "COLUMNS",
    "DISPOSITIONS",
    "GRADES_BY_JURISDICTION",
    "Case",
    "Charge",
    "InvalidRecord",
    "Person",
    "Problem",
    "Row",
    "Sentence",
    "Value",
    "load_people",
    "people_from_csv",
    "people_from_json",
]
