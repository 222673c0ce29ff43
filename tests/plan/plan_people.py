"""Made-up records for the plan's tests (no real person): one CA and one PA date ahead, supervision."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.records import Person, people_from_json

AS_OF = date(2026, 11, 23)
RELEASE = date(2026, 11, 2)  # three weeks before the as-of date

#: A misdemeanor without probation, judgment 2026-06-01: Cal. Penal Code § 1203.425(a)(1)(B)(v)(II).
CA_MISDEMEANOR: dict[str, Any] = {
    "id": "ana",
    "birth_date": "1990-01-01",
    "cases": [
        {
            "id": "SF-26-0001",
            "jurisdiction": "CA",
            "county": "San Francisco",
            "charges": [
                {
                    "id": "1",
                    "statute": "PC 484",
                    "description": "Petty theft",
                    "grade": "misdemeanor",
                    "offense_date": "2026-03-01",
                    "disposition": "convicted",
                    "disposition_date": "2026-06-01",
                    "sentence": {
                        "incarcerated": False,
                        "probation_granted": False,
                        "supervision": "none",
                        "fines_costs_owed": 0,
                        "restitution_owed": 0,
                        "state_prison": False,
                    },
                }
            ],
        }
    ],
}

#: An M3 conviction of 2020-01-10: Clean Slate, 18 Pa.C.S. § 9122.2(a)(1), after the free period.
PA_MISDEMEANOR: dict[str, Any] = {
    "id": "pat",
    "birth_date": "1980-01-01",
    "cases": [
        {
            "id": "CP-51-CR-0000001-2019",
            "jurisdiction": "PA",
            "county": "Philadelphia",
            "charges": [
                {
                    "id": "1",
                    "statute": "18 Pa.C.S. § 3503(b)",
                    "description": "Defiant trespass",
                    "grade": "M3",
                    "offense_date": "2019-05-01",
                    "disposition": "convicted",
                    "disposition_date": "2020-01-10",
                    "pardoned": False,
                    "sentence": {
                        "incarcerated": False,
                        "probation_granted": False,
                        "fines_costs_owed": 0,
                        "restitution_owed": 0,
                    },
                }
            ],
        }
    ],
}

#: Released on 2026-11-02 to parole running until 2028-11-02: the plan says to report.
PA_PAROLE: dict[str, Any] = {
    "id": "paz",
    "birth_date": "1985-01-01",
    "cases": [
        {
            "id": "CP-02-CR-0000002-2024",
            "jurisdiction": "PA",
            "county": "Allegheny",
            "charges": [
                {
                    "id": "1",
                    "statute": "18 Pa.C.S. § 3921(a)",
                    "description": "Theft by unlawful taking",
                    "grade": "F3",
                    "offense_date": "2024-01-05",
                    "disposition": "convicted",
                    "disposition_date": "2024-06-01",
                    "pardoned": False,
                    "sentence": {
                        "incarcerated": True,
                        "incarceration_start": "2024-06-01",
                        "incarceration_end": "2026-11-02",
                        "state_prison": True,
                        "supervision": "parole",
                        "probation_start": "2026-11-02",
                        "probation_end": "2028-11-02",
                        "probation_end_scheduled": True,
                        "fines_costs_owed": 0,
                        "restitution_owed": 0,
                    },
                }
            ],
        }
    ],
}


def person(raw: dict[str, Any], as_of: date = AS_OF) -> Person:
    return people_from_json(raw, as_of=as_of)[0]
