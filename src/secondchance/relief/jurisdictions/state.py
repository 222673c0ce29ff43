"""One state's descriptor: everything the rest of secondchance knows about a state, in one value.

Why: a state used to be spread over about eight files (grades in the record model, their case
folding in two parsers, interview options, synthetic-data profiles, test strategies). Now a state is
one folder, ``relief/jurisdictions/<state>/``, whose ``__init__.py`` exports ``STATE``; the
registry (``relief.jurisdictions``) finds it, and every other module reads the state through it.
A folder outside the package registers the same way (``relief.jurisdictions.register``).
See CONTRIBUTING.md, "Add a state".

Pure data and plain callables: no I/O framework, so the record model, the web interview and the
bulk engine can all read it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..citations import Reader
from ..lang import RemainingPath, Rule


@dataclass(frozen=True)
class GradeOption:
    """One grade as the web interview offers it: the record's spelling, a label and a hint in the state's words.

    Labels and hints are English msgids; the web app translates those its catalogue holds
    (web/locale) and shows the others as written.
    """

    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class SynthProfile:
    """What the synthetic-record generator (``bulk.synth``) and the test strategies draw for a state.

    Only the shape of a docket: no real person's data. Weights are relative (they need not sum to 1).
    """

    #: (canonical statute, description, grades it is charged at, weight)
    statutes: tuple[tuple[str, str, tuple[str, ...], float], ...]
    #: (county name, county code: a number is written with two digits, weight)
    counties: tuple[tuple[str, int | str, float], ...]
    #: Weight of each way a charge ends: convicted, dismissed, withdrawn, nolle_prossed, not_guilty,
    #: diversion_completed (missing ones weigh 0).
    dispositions: tuple[tuple[str, float], ...]
    #: Grades given (in turn) to the statutes the state's dated parameters list.
    listed_grades: tuple[str, ...]
    #: Grades that are felonies (longer sentences, state prison) and the least serious ones (fines).
    felony_grades: tuple[str, ...]
    summary_grades: tuple[str, ...]
    #: A felony custody at least this long is served in state prison (``state_prison``).
    state_prison_days: int
    #: The case number, a ``str.format`` pattern over ``county_code``, ``seq`` (``{seq:07d}``: zero-padded) and
    #: ``year`` (of the arrest); e.g. ``CP-{county_code}-CR-{seq:07d}-{year}``.
    case_id: str
    #: The ways dockets cite one canonical statute (the first is the statute itself).
    spellings: Callable[[str], Sequence[str]] = lambda statute: (statute,)
    #: Supervision after state prison: (kind, share), shares in order summing to 1.
    after_prison: tuple[tuple[str, float], ...] = (("parole", 1.0),)
    #: Supervision that may follow a county-jail felony term instead of probation, with its share, if the state has one.
    after_jail_felony: tuple[str, float] | None = None
    #: Citations for the hypothesis strategies (``testing.strategies``), as records write them.
    sample_statutes: tuple[str, ...] = ()
    #: ``relief_granted`` values for the strategies (``None``: a record without one), if its records hold them.
    sample_relief_granted: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class State:
    """A state (or any jurisdiction with its own criminal law): its law, how its records are written, how it is asked.

    ``code`` is the record's ``jurisdiction`` (upper case); every rule and remaining path of the state
    carries it.
    """

    code: str
    name: str
    #: The rules (one module per statute section) and the paths the record cannot decide, in display order.
    rules: tuple[Rule, ...]
    remaining_paths: tuple[RemainingPath, ...]
    #: The citation grammar (``<state>/citations.py``): a cleaned spelling in, the canonical form or ``None`` out.
    read_citation: Reader
    #: Grades as the state writes them, canonical spellings (read case-insensitively, folded by ``grade_case``).
    grades: tuple[str, ...]
    grade_case: Literal["upper", "lower"]
    #: Kinds of supervision the state's sentences carry (a subset of ``records.model.SUPERVISION_KINDS``).
    supervision: tuple[str, ...]
    #: The grades as the web interview offers them, least serious first.
    grade_options: tuple[GradeOption, ...]
    #: Whole codes a rule's list may name (``VC``: every Vehicle Code offense); a record must cite a section.
    whole_codes: tuple[str, ...] = ()
    #: Whether sentences distinguish state prison from county jail (the record's ``state_prison``): then the
    #: interview asks which it was, and the parser checks the supervision kind against it.
    prison_or_jail: bool = False
    #: The synthetic-record profile (``synth``, the bulk benchmarks, the test strategies), if the state has one.
    synth: SynthProfile | None = None
    #: The folder of the state's YAML legislation cases (testing/cases.py format).
    cases: Path | None = None
    #: The state's dated parameters (relief/params format), if any.
    params: Path | None = None
    #: The state's courts (CSV, for court papers); may not exist yet.
    courts: Path | None = None
    #: The state's documentation page (sources, judgment calls), a path from the repository root.
    docs: str = ""
    #: The legislature's page for a cited section (``"18 Pa.C.S. § 9122.2(a)"``), or ``None`` if it has none.
    official_url: Callable[[str], str | None] | None = None

    def __post_init__(self) -> None:
        if self.code != self.code.upper() or not self.code.isalnum():
            raise ValueError(f"a state's code is upper-case letters or digits: {self.code!r}")
        for item in (
            *(r.id for r in self.rules if r.jurisdiction != self.code),
            *(p.id for p in self.remaining_paths if p.jurisdiction != self.code),
        ):
            raise ValueError(f"{item} does not carry the state's code {self.code}")
        if {o.value for o in self.grade_options} - set(self.grades):
            raise ValueError(f"{self.code}: an interview grade option is not one of the state's grades")
        if any(self.fold_grade(g) != g for g in self.grades):
            raise ValueError(f"{self.code}: grades must be written in their canonical ({self.grade_case}) case")

    def fold_grade(self, value: str) -> str:
        """A grade as written (any case) in the state's canonical case."""
        return value.lower() if self.grade_case == "lower" else value.upper()
