"""Facts with a stated default when the record is silent, applied once to the evaluation rows.

Every other fact that a record leaves out is *unknown* and leads to "needs review". A few facts
are different: their absence is how a record says "no", and asking about them for every charge
would hide the true answer behind "needs review". ``death_date`` was the first (a record without
one describes a living person: ``Known(Fact("death_date"))`` in 18 Pa.C.S. § 9122(b)(2)). This
module adds the ones that need a value:

* ``pardoned``: absent means no pardon has been granted. A pardon is rare, is granted by name by
  the Governor, and is known to the person who received it; the interview asks for it. Without
  this default every Pennsylvania conviction was "needs review" for § 9122(a)(2.1) expungement and
  § 9122.2(a)(4) sealing.

An assumed value is never silent: each result that the assumption decided lists it
(``Result.assumptions``; JSON ``assumptions``), and the screening says what would change if the
assumption were wrong ("if you receive a pardon: expungement under § 9122(a)(2.1)"). So knowing
less still never gives a *more favourable* answer than the truth, and a less favourable one is
always shown with the fact it rests on.

Both engines read rows through ``with_defaults`` (the explainer in ``relief.screen``) or
``DEFAULTS`` (the bulk engine's ``bulk.schema.with_defaults``), so they make the same assumption.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .model import Row, Value


@dataclass(frozen=True)
class Default:
    """A fact's value when the record does not give it, and how to say so to the person."""

    fact: str
    value: Value
    #: The assumption in the person's words, e.g. "You have not been pardoned for this conviction."
    assumed: str
    #: The condition under which the assumption fails, e.g. "if you receive a pardon".
    otherwise: str
    #: The value to try for "what if the assumption is wrong".
    opposite: Value


DEFAULTS: Final[dict[str, Default]] = {
    "pardoned": Default(
        fact="pardoned",
        value=False,
        assumed="We assumed no pardon has been granted for this conviction (the record does not say one was).",
        otherwise="if you receive a pardon",
        opposite=True,
    ),
}


def with_defaults(rows: list[Row]) -> tuple[list[Row], list[frozenset[str]]]:
    """The rows with every defaulted fact filled in, and for each row the facts that were assumed."""
    filled: list[Row] = []
    assumed: list[frozenset[str]] = []
    for row in rows:
        missing = frozenset(name for name in DEFAULTS if name in row and row[name] is None)
        if missing:
            row = {**row, **{name: DEFAULTS[name].value for name in missing}}
        filled.append(row)
        assumed.append(missing)
    return filled, assumed
