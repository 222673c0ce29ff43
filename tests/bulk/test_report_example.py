"""The bulk report on a record small enough to work out by hand (as_of 2026-11-23, Pennsylvania).

Five people, six rows:

* ``p1`` (Allegheny): retail theft, dismissed 2015-03-02. § 9122(a)(2) expunges a charge that did not
  end in a conviction: **eligible now** (the charge's best result), so one person can clear a charge now.
* ``p2`` (Erie): M2 conviction of 2024-01-15, restitution paid. Clean Slate (§ 9122.2(a)(1)) seals a
  misdemeanor after 7 conviction-free years: 2031-01-15, **more than 12 months away**.
* ``p3`` (Erie): M3 conviction of 2019-12-20: seven years end 2026-12-20, **in the first month** of the
  outlook (December 2026).
* ``p4`` (Erie): M3 conviction of 2019-11-30: seven years end 2026-11-30, **later this month**.
* ``p5``: a row whose grade is ``Q7`` (no PA grade): **rejected**, counted under ``grade``.
* ``p6``: a California charge: accepted, but no PA rule applies (**unscreened**).

So: 6 input rows, 1 rejected, 5 charges, 4 screened; best statuses 1 eligible now, 3 eligible on;
by county Allegheny 1, Erie 3; by year of disposition 2015: 1, 2019: 2, 2024: 1.
"""

from __future__ import annotations

import csv
from pathlib import Path

from bulk_support import AS_OF

from secondchance.bulk.report import summarize
from secondchance.bulk.run import Plan, run

CONVICTED = {"disposition": "convicted", "restitution_owed": "0", "fines_costs_owed": "0"}
ROWS = [
    {"person_id": "p1", "county": "Allegheny", "statute": "18 Pa.C.S. § 3929(a)(1)", "grade": "M2",
     "disposition": "dismissed", "disposition_date": "2015-03-02", "arrest_date": "2015-01-05"},
    {"person_id": "p2", "county": "Erie", "statute": "18 Pa.C.S. § 3925", "grade": "M2",
     "disposition_date": "2024-01-15", **CONVICTED},
    {"person_id": "p3", "county": "Erie", "statute": "18 Pa.C.S. § 3925", "grade": "M3",
     "disposition_date": "2019-12-20", **CONVICTED},
    {"person_id": "p4", "county": "Erie", "statute": "18 Pa.C.S. § 3925", "grade": "M3",
     "disposition_date": "2019-11-30", **CONVICTED},
    {"person_id": "p5", "county": "Erie", "grade": "Q7"},
    {"person_id": "p6", "county": "Los Angeles", "jurisdiction": "CA", "grade": "misdemeanor",
     "disposition": "dismissed"},
]  # fmt: skip


def test_the_report_of_a_record_worked_out_by_hand(tmp_path: Path) -> None:
    source = tmp_path / "charges.csv"
    fixed = ["person_id", "case_id", "charge_id", "jurisdiction"]
    columns = fixed + sorted({k for r in ROWS for k in r} - set(fixed))
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, restval="")
        writer.writeheader()
        writer.writerows({"case_id": "c1", "charge_id": "1", "jurisdiction": "PA", **row} for row in ROWS)
    run(Plan(source, tmp_path / "out", AS_OF, "PA", 1), workers=1)
    summary = summarize(tmp_path / "out")

    counts = summary["counts"]
    assert (counts["input_rows"], counts["rejected_rows"], counts["charges"]) == (6, 1, 5)
    assert (counts["screened_charges"], counts["unscreened_charges"]) == (4, 1)
    assert summary["charges_by_best_status"] == {
        "eligible_now": 1,
        "eligible_on": 3,
        "needs_review": 0,
        "not_eligible": 0,
    }
    assert summary["people_with_a_charge_clearable_now"] == 1
    assert summary["eligible_later_this_month"] == 1  # p4, 2026-11-30
    outlook = {e["month"]: e["charges"] for e in summary["eligible_next_12_months"]}
    assert outlook == {
        f"{y}-{m:02d}": int((y, m) == (2026, 12)) for y, m in [(2026, 12)] + [(2027, m) for m in range(1, 12)]
    }
    assert summary["eligible_after_12_months"] == 1  # p2, 2031-01-15
    assert {r["county"]: r["total"] for r in summary["by_county"]} == {"Allegheny": 1, "Erie": 3}
    assert {r["year"]: r["total"] for r in summary["by_disposition_year"]} == {2015: 1, 2019: 2, 2024: 1}
    assert {r["county"]: r["eligible_now"] for r in summary["by_county"]} == {"Allegheny": 1, "Erie": 0}
    assert summary["rejects_by_field"] == [{"field": "grade", "rows": 1}]
    rules = {r["rule"]: r for r in summary["by_section"]}
    assert rules["PA-9122-a2-nonconviction"]["eligible_now"] == 1  # p1 only
    assert rules["PA-9122.2-a1-misdemeanor"]["eligible_on"] == 3  # p2, p3, p4
