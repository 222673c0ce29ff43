"""Pennsylvania: 18 Pa.C.S. Chapter 91 (Criminal History Record Information).

One module per section: ``s9122`` expungement, ``s9122_1`` petition for limited access,
``s9122_2`` clean slate limited access (whose conditions include the ``s9122_3`` exceptions).
Notes on sources, judgment calls and what is unverified: docs/jurisdictions/pa.md.
"""

from __future__ import annotations

from pathlib import Path

from ...lang import RemainingPath, Rule
from ..state import State
from . import citations, links, records, s9122, s9122_1, s9122_2

RULES: tuple[Rule, ...] = (*s9122.RULES, *s9122_1.RULES, *s9122_2.RULES)

#: Paths the record cannot decide. A pardon is the Governor's discretion on the Board of Pardons'
#: recommendation (Pa. Const. art. IV, § 9(a)), not an entitlement, so it is never a rule with an
#: "eligible" status: a rule would report every conviction "eligible now" and hide the record relief
#: that can actually be decided. Juvenile adjudications (§ 9123) are not in the record format.
REMAINING_PATHS: tuple[RemainingPath, ...] = (
    RemainingPath(
        id="PA-pardon",
        jurisdiction="PA",
        name="Pardon from the Governor (apply to the Board of Pardons)",
        section="Pa. Const. art. IV, § 9(a); 18 Pa.C.S. §§ 9122(a)(2.1), 9122.2(a)(4)",
        text=(
            "Anyone with a Pennsylvania conviction may apply; the Governor may pardon only on the written "
            "recommendation of a majority of the Board of Pardons after a public hearing (Pa. Const. art. IV, "
            "§ 9(a)). No law sets a waiting period; the Board weighs, among other things, how long ago the "
            "offense and the sentence were. The application asks for the criminal complaint, affidavit of "
            "probable cause, information, final plea or verdict, "
            "sentencing order and proof of the fines-and-costs status; a decision usually takes years. Older "
            "non-violent convictions may get the Board's expedited review (firearms offenses, homicide and "
            "other listed offenses are excluded). If a pardon is granted, the conviction is sealed "
            "automatically (§ 9122.2(a)(4), since 2020-12-29) and expunged automatically (§ 9122(a)(2.1), "
            "since 2024-06-11)."
        ),
        where_to_start=(
            "Apply to the Pennsylvania Board of Pardons online or on paper (pa.gov/agencies/bop); there is no "
            "application fee since 2019-03-18. Free help: the Pennsylvania Pardon Project and local legal aid "
            "(palegalaid.net)."
        ),
    ),
    RemainingPath(
        id="PA-juvenile-expungement",
        jurisdiction="PA",
        name="Expungement of a juvenile record",
        section="18 Pa.C.S. § 9123; Pa.R.J.C.P. 170",
        text=(
            "Juvenile court records are not in this record, so they are not screened. The juvenile court "
            "expunges them on motion: a dismissed or unsubstantiated allegation; a consent decree or informal "
            "adjustment six months after discharge from supervision with nothing pending; an adjudication of "
            "delinquency five years after discharge, with no felony or misdemeanor conviction or adjudication "
            "since and nothing pending, unless the act is one § 9123(a.1) excludes; or with the district "
            "attorney's consent."
        ),
        where_to_start=(
            "Ask the juvenile probation office or the public defender in the county of the juvenile case; the "
            "Juvenile Law Center publishes a guide."
        ),
    ),
)

_HERE = Path(__file__).parent

STATE = State(
    code="PA",
    name="Pennsylvania",
    rules=RULES,
    remaining_paths=REMAINING_PATHS,
    read_citation=citations.read,
    grades=records.GRADES,
    grade_case="upper",
    supervision=records.SUPERVISION,
    grade_options=records.GRADE_OPTIONS,
    synth=records.SYNTH,
    cases=_HERE / "cases",
    params=_HERE / "params.yaml",
    courts=_HERE / "courts.csv",
    docs="docs/jurisdictions/pa.md",
    official_url=links.official_url,
)
