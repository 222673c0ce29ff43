"""California: Penal Code §§ 17(b), 851.93, 1203.4, 1203.4a, 1203.41, 1203.42, 1203.425; H&S § 11361.8."""

from __future__ import annotations

from ...lang import RemainingPath, Rule

RULES: tuple[Rule, ...] = ()

REMAINING_PATHS: tuple[RemainingPath, ...] = ()
