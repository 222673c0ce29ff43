"""Record relief: statutes as rules, evaluated charge by charge with a trace."""

from .evaluate import Check, Evaluator, Result
from .jurisdictions import JURISDICTIONS, RULES, find_rule, rules_for
from .lang import Relief, RemainingPath, Rule, Status
from .screening import Screening, screen, to_json

__all__ = [
    "JURISDICTIONS",
    "RULES",
    "Check",
    "Evaluator",
    "Relief",
    "RemainingPath",
    "Result",
    "Rule",
    "Screening",
    "Status",
    "find_rule",
    "rules_for",
    "screen",
    "to_json",
]
