"""The public API is what ``__all__`` says; changing it is a decision, so it is pinned here."""

import secondchance
import secondchance.records
import secondchance.relief


def test_package_exports() -> None:
    assert sorted(secondchance.__all__) == [
        "InvalidRecord",
        "Person",
        "Relief",
        "Status",
        "load_people",
        "screen",
        "to_json",
    ]


def test_relief_exports() -> None:
    assert sorted(secondchance.relief.__all__) == sorted(
        [
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
    )


def test_records_exports() -> None:
    assert "people_from_json" in secondchance.records.__all__
    assert "people_from_csv" in secondchance.records.__all__
    for name in secondchance.records.__all__:
        assert hasattr(secondchance.records, name)
