"""The kind of supervision a sentence carried, as both engines read it (docs/record-format.md).

The record's ``supervision`` field names the kind: probation, parole, PRCS (postrelease
community supervision), mandatory supervision, or none; ``probation_start``/``probation_end``/
``probation_completed`` hold that supervision's dates and outcome. Records written before the
field existed keep their meaning: without ``supervision``, ``probation_granted: true`` means
probation and ``probation_granted: false`` means no supervision at all (the parser refuses
``probation_granted`` beside a kind that contradicts it). Otherwise the kind is unknown, and a
rule that needs it answers "needs review" naming ``supervision``.

Why one expression: every rule must read the kind it means ("granted probation" is not
"released on parole"), and the reading of old records must be the same everywhere.
"""

from __future__ import annotations

from ..lang import Expr, Fact, IfElse, Known, Latest, OneOf, Other


def supervision_kind(of: type[Fact] | type[Other] = Fact) -> Expr:
    """The kind of supervision of a charge's sentence (unknown if the record does not say).

    An older record's ``probation_granted`` is read into ``supervision`` by the parsers
    (``records.parse.derive_supervision`` and its Polars twin in ``bulk.read``), so a rule
    reads one fact and "needs review" names just ``supervision``. Recorded probation dates
    alone do not say the kind (parole has dates too): reading them as probation would let a
    forgotten ``supervision: parole`` turn into probation, a more favourable answer from knowing less.
    """
    return of("supervision")


def kind_is(*kinds: str, of: type[Fact] | type[Other] = Fact) -> Expr:
    """The charge's supervision is one of ``kinds`` (unknown if its kind is unknown)."""
    return OneOf(supervision_kind(of), kinds)


#: The sentence had probation (not parole, PRCS or mandatory supervision).
PROBATION: Expr = kind_is("probation")
#: The sentence had no supervision of any kind.
NO_SUPERVISION: Expr = kind_is("none")


def supervision_ended(of: type[Fact] | type[Other] = Fact) -> Expr:
    """When the sentence's supervision ended: its recorded end, or the sentencing date if there was none."""
    return IfElse(
        Known(of("probation_end")),
        of("probation_end"),
        IfElse(kind_is("none", of=of), of("disposition_date"), of("probation_end")),
    )


def completion_date(of: type[Fact] | type[Other] = Fact) -> Expr:
    """The date the whole sentence was completed: release from custody and the end of any supervision.

    Without supervision it is the release date; with it, the later of release and its end. A
    recorded end of supervision settles it whatever the kind (``none`` has no dates).
    """
    both = Latest((of("incarceration_end"), of("probation_end")))
    return IfElse(
        Known(of("probation_end")),
        both,
        IfElse(kind_is("none", of=of), of("incarceration_end"), both),
    )
