"""The rule compiler: every node type, the date and statute primitives, and the frame contract."""

from __future__ import annotations

import typing
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.bulk.compile import HANDLED_NODES, compile_rules
from secondchance.bulk.evaluate import evaluate_frame
from secondchance.bulk.schema import CHARGE_SCHEMA, RESULT_SCHEMA
from secondchance.bulk.schema import with_defaults as with_defaults_frame
from secondchance.bulk.synth import synth_charges
from secondchance.records.defaults import with_defaults
from secondchance.relief import lang
from secondchance.relief.citations import Inchoate
from secondchance.relief.evaluate import Evaluator
from secondchance.relief.jurisdictions import RULES, rules_for, states
from secondchance.relief.lang import (
    And,
    AsOf,
    CitesAny,
    Compare,
    Condition,
    Const,
    Exists,
    Fact,
    IfElse,
    Known,
    Latest,
    LatestOf,
    Not,
    OneOf,
    Or,
    Other,
    Param,
    Relief,
    Rule,
    Shift,
    StatuteIn,
    Wait,
)
from secondchance.relief.params import all_parameters
from secondchance.relief.semantics import add_years_days

AS_OF = date(2026, 11, 23)

#: Every registered state with a synthetic-record profile.
SYNTH_STATES = [s.code for s in states() if s.synth is not None]


def test_every_expression_node_is_handled() -> None:
    """Fails when lang.Expr gains a node type the compiler does not know."""
    assert set(typing.get_args(lang.Expr)) == set(HANDLED_NODES)


def test_every_node_type_appears_in_the_test_rules() -> None:
    seen: set[type] = set()

    def walk(node: lang.Expr) -> None:
        seen.add(type(node))
        for part in vars(node).values():  # parameters sit in OneOf/StatuteIn/Shift fields, not children
            if isinstance(part, Param):
                seen.add(Param)
        for child in lang.children(node):
            walk(child)

    for rule in TEST_RULES:
        for condition in rule.conditions:
            walk(condition.test)
        for wait in rule.waits:
            walk(wait.ends)
            for part in (wait.years, wait.days):
                if isinstance(part, Param):
                    seen.add(Param)
    assert seen >= set(HANDLED_NODES)


# ---------------------------------------------------------------------------- primitives


@pytest.mark.parametrize("years", [0, 1, 2, 3, 4, 5, 7, 10, 70, -1])
def test_shift_matches_add_years_days_on_every_day(years: int) -> None:
    """dt.offset_by + days equals add_years_days on every day 1992-2032 (leap days included)."""
    start = date(1992, 1, 1)
    days = [start + timedelta(days=n) for n in range((date(2032, 12, 31) - start).days + 1)]
    frame = pl.DataFrame({"birth_date": days}, schema={"birth_date": pl.Date})
    for extra in (0, 1, -1, 30):
        rule = _wait_rule(Shift(Fact("birth_date"), years, extra))
        compiled = compile_rules(AS_OF, [rule])
        got = frame.select(compiled.compiled[0].ends[0]).to_series().to_list()
        assert got == [add_years_days(d, years, extra) for d in days]


@pytest.mark.parametrize("months", [1, 6, 18, 23, -18])
def test_shift_by_months_matches_add_years_days_on_every_day(months: int) -> None:
    """Months (18 Pa.C.S. § 9122(a)(1): "18 months after the date of arrest") clamp to the month's end alike."""
    start = date(1992, 1, 1)
    days = [start + timedelta(days=n) for n in range((date(2032, 12, 31) - start).days + 1)]
    frame = pl.DataFrame({"birth_date": days}, schema={"birth_date": pl.Date})
    for years, extra in ((0, 0), (1, 0), (0, 1), (2, -1)):
        rule = _wait_rule(Shift(Fact("birth_date"), years, extra, months))
        compiled = compile_rules(AS_OF, [rule])
        got = frame.select(compiled.compiled[0].ends[0]).to_series().to_list()
        assert got == [add_years_days(d, years, extra, months) for d in days]


def _statute_values() -> list[str]:
    values: set[str] = set()
    for jurisdiction in SYNTH_STATES:
        values |= set(synth_charges(3000, jurisdiction, seed=9)["statute"].drop_nulls().unique())
    for parameter in all_parameters().values():
        for version in parameter.history:
            if isinstance(version.value, tuple):
                values |= set(version.value)
    values |= {
        "18 Pa.C.S. § 2702.1(a)",
        "18 pa.c.s.a. §§ 3929",
        "Penal Code section 1203.4",
        "Pen. C. 459",
        "P.C. 459",
        "H&S 11350(a)",
        "Health and Safety Code § 11357",
        "Veh. Code 23152(b)",
        "B&P 25662",
        "--§§--",
        "",
        "straße 12",
        "§ 1 ½ (a)",
        "  75 PA.C.S. 3802 (c) ",
    }
    return sorted(values)


def _section_lists() -> list[tuple[tuple[str, ...], Inchoate]]:
    """Every (sections, inchoate) a registered rule's ``StatuteIn`` reads, for every date it has."""
    found: set[tuple[tuple[str, ...], Inchoate]] = set()

    def walk(node: lang.Expr) -> None:
        if isinstance(node, StatuteIn):
            if isinstance(node.sections, Param):
                for version in all_parameters()[node.sections.key].history:
                    assert isinstance(version.value, tuple)
                    found.add((version.value, node.inchoate))
            else:
                found.add((node.sections, node.inchoate))
        for child in lang.children(node):
            walk(child)

    for rule in RULES:
        for condition in rule.conditions:
            walk(condition.test)
    return [*sorted(found), (("18 Pa.C.S. § 2702",), "review"), (("PC 211", "HS 11350"), "listed")]


@pytest.mark.slow
def test_statute_columns_agree_with_the_explainer() -> None:
    """Every citation, read by each state's grammar, matches every rule's section list as in the explainer."""
    values = [*_statute_values(), "664/211 PC", "PC 664/288(a)", "18 § 901 §§ A", "288(A) PC", "18 § 2701 §§ A1"]
    frame = pl.DataFrame(
        [
            {
                **dict.fromkeys(CHARGE_SCHEMA),
                "person_id": f"p{n}",
                "case_id": "c",
                "charge_id": "1",
                "jurisdiction": state,
                "statute": value,
            }
            for n, (state, value) in enumerate((s, v) for s in ("PA", "CA") for v in values)
        ],
        schema=CHARGE_SCHEMA,
    )
    for n, (sections, inchoate) in enumerate(_section_lists()):
        rules = tuple(
            Rule(
                f"t-s{n}-{state}",
                state,
                Relief.SEALING,
                "test",
                "t",
                "",
                (Condition("c", "", "", StatuteIn(Fact("statute"), sections, inchoate)),),
            )
            for state in ("PA", "CA")
        )
        assert bulk(frame, AS_OF, rules) == explain(frame, AS_OF, rules), sections


# ---------------------------------------------------------------------------- hand-made rules over every node

J = "PA"
CONVICTED_OTHER = Compare("==", Other("disposition"), Const("convicted"))
GRADES = ("F1", "F2", "F3", "F", "M1", "M2", "M3", "M", "S")
_first_list = next(
    (k for k, p in all_parameters().items() if k.startswith("pa.") and isinstance(p.history[-1].value, tuple)), None
)
_first_int = next(
    (k for k, p in all_parameters().items() if k.startswith("pa.") and isinstance(p.history[-1].value, int)), None
)


def _rule(rule_id: str, conditions: tuple[lang.Expr, ...], waits: tuple[lang.Expr, ...] = ()) -> Rule:
    return Rule(
        id=rule_id,
        jurisdiction=J,
        relief=Relief.SEALING,
        section="test",
        title=rule_id,
        statute_text="",
        conditions=tuple(Condition(f"c{n}", "", "", t) for n, t in enumerate(conditions)),
        waits=tuple(Wait(f"w{n}", "", "", start=w, years=n, days=n % 2) for n, w in enumerate(waits)),
    )


def _wait_rule(end: lang.Expr) -> Rule:
    return Rule("t-wait", J, Relief.SEALING, "test", "t", "", (), (Wait("w", "", "", start=end),))


TEST_RULES: tuple[Rule, ...] = (
    _rule(
        "t-basic",
        (
            OneOf(Fact("grade"), ("M2", "M3", "S"), ("M",)),
            Not(Compare(">", Fact("fines_costs_owed"), Const(0))),
            Or((Compare("==", Fact("pardoned"), Const(True)), Compare("!=", Fact("disposition"), Const("pending")))),
            Compare("<=", Fact("disposition_date"), AsOf()),
            Known(Fact("death_date")),
        ),
        (Fact("disposition_date"), Latest((Fact("incarceration_end"), Fact("probation_end")))),
    ),
    _rule(
        "t-exists",
        (
            Not(Exists(And((CONVICTED_OTHER, OneOf(Other("grade"), ("F1", "F2", "F3"), ("F",)))))),
            # a this-row fact inside the aggregate, and other_charges scope
            Not(
                Exists(
                    And((CONVICTED_OTHER, Compare(">", Other("disposition_date"), Fact("disposition_date")))),
                    scope="other_charges",
                )
            ),
            Or((Compare(">=", Fact("birth_date"), Const(date(1960, 2, 29))), Known(Exists(CONVICTED_OTHER)))),
        ),
    ),
    _rule(
        "t-span",
        (
            # another charge dated between two dates of this one (sorted searches): unknown bounds open a side
            Not(
                Exists(
                    And(
                        (
                            Compare(">=", Other("arrest_date"), Fact("disposition_date")),
                            Compare("<", Other("arrest_date"), Shift(Fact("disposition_date"), 5, 0)),
                        )
                    )
                )
            ),
            # bounds from two different facts, flipped operands, a strict low and an inclusive high
            Not(
                Exists(
                    And(
                        (
                            Compare("<", Fact("offense_date"), Other("disposition_date")),
                            Compare(">=", Shift(Fact("arrest_date"), 2, 1), Other("disposition_date")),
                        )
                    ),
                    scope="other_charges",
                )
            ),
        ),
    ),
    _rule(
        "t-count",
        (
            # "two or more", "four or more": counts over each aggregate strategy (windows, the same case,
            # a date span, the self-join)
            Not(Exists(And((CONVICTED_OTHER, OneOf(Other("grade"), ("M1", "M2", "M3"), ("M",)))), count=2)),
            Not(
                Exists(
                    And((Compare("==", Other("case_id"), Fact("case_id")), CONVICTED_OTHER)), "other_charges", count=2
                )
            ),
            Not(
                Exists(
                    And(
                        (
                            Compare(">=", Other("arrest_date"), Fact("disposition_date")),
                            Compare("<", Other("arrest_date"), Shift(Fact("disposition_date"), 5, 0)),
                        )
                    ),
                    count=2,
                )
            ),
            Exists(
                And((CONVICTED_OTHER, Compare(">", Other("disposition_date"), Fact("disposition_date")))),
                "other_charges",
                count=3,
            ),
        ),
    ),
    _rule(
        "t-latest",
        (Compare("<", Fact("restitution_owed"), Const(500.5)),),
        (
            LatestOf(Other("disposition_date"), CONVICTED_OTHER, Fact("disposition_date"), scope="other_charges"),
            LatestOf(
                Other("arrest_date"),
                Const(True),
                LatestOf(
                    Latest((Other("disposition_date"), Other("probation_end"))),
                    CONVICTED_OTHER,
                    Latest((Fact("disposition_date"), Fact("probation_end"))),
                    scope="other_charges",
                ),
            ),
            # the same case only (windows within the case)
            LatestOf(
                Other("disposition_date"),
                And((Compare("==", Fact("case_id"), Other("case_id")), CONVICTED_OTHER)),
                Fact("arrest_date"),
                scope="other_charges",
            ),
            # nested: an aggregate inside another aggregate's where (evaluated for this charge)
            LatestOf(
                Other("offense_date"),
                And((Not(Exists(Compare("==", Other("grade"), Const("F1")))), CONVICTED_OTHER)),
                Shift(Fact("arrest_date"), 1, 1),
            ),
        ),
    ),
    _rule(
        "t-ifelse",
        (
            IfElse(
                Compare("==", Fact("grade"), Const("S")),
                Not(Exists(CONVICTED_OTHER)),
                Not(Exists(And((CONVICTED_OTHER, OneOf(Other("grade"), ("F1", "F2"), ("F",)))))),
            ),
        ),
        (
            IfElse(Known(Fact("incarceration_end")), Fact("incarceration_end"), Fact("disposition_date")),
            IfElse(
                Compare("==", Fact("pardoned"), Const(True)),
                Fact("disposition_date"),
                LatestOf(Other("disposition_date"), CONVICTED_OTHER, Fact("probation_end"), scope="other_charges"),
            ),
        ),
    ),
    _rule(
        "t-statute",
        (
            Not(StatuteIn(Fact("statute"), ("18 Pa.C.S. § 2702", "18 Pa.C.S. § 3502", "35 P.S. § 780-113"))),
            Not(Exists(And((CONVICTED_OTHER, StatuteIn(Other("statute"), ("18 Pa.C.S. § 2701",)))))),
            Not(StatuteIn(Const("18 Pa.C.S. § 2702(a)"), ("18 Pa.C.S. § 2702",))),
            Or((Not(StatuteIn(Fact("description"), ("18 Pa.C.S. § 3929",))), Compare("==", Fact("grade"), Const("S")))),
            Not(StatuteIn(Fact("statute"), ("18 Pa.C.S. § 901", "18 Pa.C.S. § 2701"), "listed")),
        ),
    ),
)
#: ``relief_granted`` values: canonical, a RAP sheet's spelling, one unreadable item beside a listed one, unreadable.
GRANTS = (None, None, "PC-1203.4", "PC-17(B);PC-1203.4", "PC-1203.4A", "1203.41 PC", "PC-1203.4;NO SUCH", "NO SUCH")
TEST_RULES += (
    _rule(
        "t-cites",
        (
            Not(And((Known(Fact("relief_granted")), CitesAny(Fact("relief_granted"), ("PC 1203.4", "PC 1203.41"))))),
            Not(CitesAny(Fact("relief_granted"), ("PC 17(b)",))),
            Not(Exists(And((CONVICTED_OTHER, CitesAny(Other("relief_granted"), ("PC 1203.4",)))))),
            Not(CitesAny(Const("PC-1203.4;PC-17(B)"), ("PC 17",))),
        ),
    ),
)
if _first_list is not None and _first_int is not None:
    TEST_RULES += (
        _rule(
            "t-params",
            (OneOf(Fact("grade"), GRADES, Param(_first_list)), Not(StatuteIn(Fact("statute"), Param(_first_list)))),
            (Shift(Fact("probation_end"), Param(_first_int), 0),),
        ),
    )


def explain(frame: pl.DataFrame, as_of: date, rules: tuple[Rule, ...]) -> list[tuple[Any, ...]]:
    """The explainer's answers, in the bulk engine's order (charge order, then rule order).

    Rows get the stated defaults (records/defaults.py) as ``relief.screen`` gives them.
    """
    rows, _ = with_defaults(frame.to_dicts())
    by_person: dict[object, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_person[row["person_id"]].append(row)
    evaluator = Evaluator(as_of)
    out = []
    for row in rows:
        for rule in rules:
            if rule.jurisdiction != row["jurisdiction"] or not rule.in_force(as_of):
                continue
            r = evaluator.apply(rule, row, by_person[row["person_id"]])
            out.append(
                (
                    row["person_id"],
                    row["case_id"],
                    row["charge_id"],
                    rule.id,
                    rule.relief.value,
                    rule.section,
                    rule.automatic,
                    r.status.value,
                    r.eligible_on,
                    list(r.missing),
                    [c.id for c in r.trace if c.holds is False],
                )
            )
    return out


def bulk(frame: pl.DataFrame, as_of: date, rules: tuple[Rule, ...]) -> list[tuple[Any, ...]]:
    result = evaluate_frame(frame, as_of, rules)
    assert result.schema == pl.Schema(RESULT_SCHEMA)
    return [tuple(row) for row in result.iter_rows()]


@pytest.mark.slow
def test_hand_rules_on_synthetic_people() -> None:
    frame = synth_charges(800, "PA", seed=4)
    for as_of in (date(2023, 6, 1), AS_OF):
        got = bulk(frame, as_of, TEST_RULES)
        assert got == explain(frame, as_of, TEST_RULES)
        assert {row[7] for row in got} == {"eligible_now", "eligible_on", "needs_review", "not_eligible"}
        assert any(m.startswith("other_charges.") for row in got for m in row[9])


_DAY = st.one_of(st.none(), st.dates(date(1955, 1, 1), date(2027, 12, 31)), st.just(date(2020, 2, 29)))


@st.composite
def tiny_people(draw: st.DrawFn) -> pl.DataFrame:
    """One or two people, a few charges each, facts drawn from small pools so that ties and nulls are common."""
    dates = draw(st.lists(_DAY, min_size=1, max_size=4))
    day = st.sampled_from(dates)
    rows = []
    for p in range(draw(st.integers(1, 2))):
        birth, death = draw(day), draw(st.one_of(st.none(), day))
        for c in range(draw(st.integers(1, 3))):
            arrest = draw(day)
            for h in range(draw(st.integers(1, 3))):
                rows.append(
                    {
                        "person_id": f"p{p}",
                        "birth_date": birth,
                        "death_date": death,
                        "case_id": f"c{c}",
                        "jurisdiction": draw(st.sampled_from([J, J, J, "CA", None])),
                        "county": None,
                        "arrest_date": arrest,
                        "charge_id": str(h),
                        "statute": draw(
                            st.sampled_from([None, "18 Pa.C.S. § 2701", "18 § 2702(a)(1)", "35 P.S. § 780-113(a)(16)"])
                        ),
                        "description": draw(st.sampled_from([None, "Retail theft", "retail theft"])),
                        "grade": draw(st.one_of(st.none(), st.sampled_from(GRADES))),
                        "offense_date": draw(day),
                        "disposition": draw(st.sampled_from([None, "convicted", "convicted", "dismissed", "pending"])),
                        "disposition_date": draw(day),
                        "incarceration_start": None,
                        "incarceration_end": draw(day),
                        "probation_start": None,
                        "probation_end": draw(day),
                        "probation_completed": draw(st.one_of(st.none(), st.booleans())),
                        "fines_costs_owed": draw(st.sampled_from([None, 0.0, 20.0])),
                        "restitution_owed": draw(st.sampled_from([None, 0.0, 500.5, 900.0])),
                        "state_prison": None,
                        "pardoned": draw(st.one_of(st.none(), st.booleans())),
                        "relief_granted": draw(st.sampled_from(GRANTS)),
                    }
                )
    return pl.DataFrame(rows, schema=CHARGE_SCHEMA)


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frame=tiny_people(), as_of=st.sampled_from([date(2020, 2, 29), date(2023, 6, 1), AS_OF]))
def test_hand_rules_agree_on_random_people(frame: pl.DataFrame, as_of: date) -> None:
    assert bulk(frame, as_of, TEST_RULES) == explain(frame, as_of, TEST_RULES)


# ---------------------------------------------------------------------------- the frame contract


def test_rows_in_input_order_then_registry_order() -> None:
    frame = synth_charges(200, "PA", seed=3).reverse()  # not sorted by anything
    result = evaluate_frame(frame, AS_OF)
    rules = [r.id for r in rules_for("PA", AS_OF)]
    assert result.height == frame.height * len(rules)
    keys = frame.select(pl.concat_str("person_id", "case_id", "charge_id", separator="/")).to_series().to_list()
    got = result.select(pl.concat_str("person_id", "case_id", "charge_id", separator="/")).to_series().to_list()
    assert got == [k for k in keys for _ in rules]
    assert result["rule"].to_list() == rules * frame.height


def test_charges_without_rules_give_no_rows() -> None:
    frame = synth_charges(50, "PA", seed=3).with_columns(
        jurisdiction=pl.when(pl.col("charge_id") == "1").then(None).otherwise(pl.lit("NJ"))
    )
    result = evaluate_frame(frame, AS_OF)
    assert result.height == 0
    assert result.schema == pl.Schema(RESULT_SCHEMA)


def test_empty_input() -> None:
    empty = pl.DataFrame(schema=CHARGE_SCHEMA)
    assert evaluate_frame(empty, AS_OF).schema == pl.Schema(RESULT_SCHEMA)
    assert evaluate_frame(empty, AS_OF).height == 0


def test_rules_not_in_force_are_skipped() -> None:
    later = Rule("t-later", J, Relief.SEALING, "test", "t", "", (), effective=date(2030, 1, 1))
    frame = synth_charges(10, "PA", seed=3)
    assert evaluate_frame(frame, AS_OF, [later]).height == 0
    assert evaluate_frame(frame, date(2030, 1, 1), [later])["status"].unique().to_list() == ["eligible_now"]


def test_compiled_once_runs_on_many_partitions() -> None:
    compiled = compile_rules(AS_OF, RULES)
    frame = with_defaults_frame(synth_charges(300, "PA", seed=12))  # as evaluate_frame gives the compiled rules
    people = frame["person_id"].unique(maintain_order=True)
    halves = [frame.filter(pl.col("person_id").is_in(part.implode())) for part in (people[:150], people[150:])]
    together = compiled.codes.decode(compiled.evaluate(frame), frame)
    assert (
        pl.concat([compiled.codes.decode(compiled.evaluate(h), h) for h in halves])
        .sort("person_id", maintain_order=True)
        .equals(together.sort("person_id", maintain_order=True))
    )
    assert together.equals(evaluate_frame(frame, AS_OF))


def test_unknown_fact_is_a_compile_error() -> None:
    from secondchance.bulk.compile import CompileError

    bad = _rule("t-bad", (Compare("==", Fact("no_such_column"), Const(1)),))
    compiled = compile_rules(AS_OF, [bad])
    with pytest.raises(CompileError):
        compiled.evaluate(synth_charges(5, "PA", seed=1))


@pytest.mark.parametrize("jurisdiction", SYNTH_STATES)
def test_window_aggregates_equal_the_self_join(jurisdiction: str) -> None:
    """The fast path (window sums over the person) gives what the general self-join gives."""
    frame = synth_charges(1500, jurisdiction, seed=21)
    for rules in (RULES, TEST_RULES):
        joined = compile_rules(AS_OF, rules)
        joined.windows = False
        assert compile_rules(AS_OF, rules).evaluate(frame).equals(joined.evaluate(frame))


def test_a_null_pardoned_is_no_pardon_in_the_bulk_engine_too() -> None:
    """records/defaults.py: both engines read an absent ``pardoned`` as false."""
    frame = synth_charges(30, "PA", seed=5).with_columns(
        pardoned=pl.lit(None, pl.Boolean), disposition=pl.lit("convicted"), grade=pl.lit("M2")
    )
    result = evaluate_frame(frame, AS_OF).filter(pl.col("rule") == "PA-9122-a2.1-pardon")
    assert result.height == frame.height
    assert result["status"].unique().to_list() == ["not_eligible"]
    assert all("pardoned" not in missing for missing in result["missing"].to_list())
