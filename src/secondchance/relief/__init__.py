"""Record relief: statutes encoded as rules, screened charge by charge with a trace of every condition.

``screen`` is the one call most users need; the rule language (``lang``), the states' rules
(``jurisdictions``), their dated numbers (``params``) and the semantics both engines share
(``semantics``) are the public modules the bulk engine builds on.
"""

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
