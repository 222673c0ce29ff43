"""The criminal-history record model and its validation (pure; no I/O beyond reading a file)."""

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
