"""Rule trees compiled to vectorized Polars expressions with exactly the explainer's semantics.

``compile_rules`` compiles once per (rules, as-of date); ``CompiledRules.evaluate`` runs them over a
partition. ``expressions`` translates nodes, ``aggregates`` chooses a strategy for each ``Exists``/
``LatestOf`` (``windows``, ``spans``, ``selfjoin``), ``rules`` turns checks into status and masks.
"""

from .expressions import HANDLED_NODES, CompileError
from .rules import CompiledRules, compile_rules

__all__ = ["HANDLED_NODES", "CompileError", "CompiledRules", "compile_rules"]
