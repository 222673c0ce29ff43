"""Response shapes of the API, for the OpenAPI document (and schemathesis, which checks every answer)."""

from __future__ import annotations

from pydantic import BaseModel, Field

Fact = str | float | bool | None


class TraceCheck(BaseModel):
    id: str
    kind: str = Field(description="`condition` or `wait`.")
    text: str
    cite: str
    holds: bool | None = Field(description="true, false, or null when a fact it needs is unknown.")
    facts: dict[str, Fact]
    ends_on: str | None = Field(description="For a waiting period: the day it ends (YYYY-MM-DD).")


class ReliefResult(BaseModel):
    relief: str
    status: str = Field(description="eligible_now, eligible_on, needs_review or not_eligible.")
    eligible_on: str | None
    rule: str
    section: str
    automatic: bool
    missing: list[str] = Field(description="Facts whose absence leaves the answer open (needs review).")
    summary: str = Field(description="The result in one plain-English sentence.")
    trace: list[TraceCheck] | None = Field(None, description="Every condition checked; omitted with trace=false.")


class ChargeResults(BaseModel):
    case_id: str | None
    charge_id: str | None
    jurisdiction: str | None
    statute: str | None
    description: str | None
    note: str | None = Field(description="Why no rule ran for this charge, if none did.")
    results: list[ReliefResult]


class ChargeRef(BaseModel):
    case_id: str
    charge_id: str


class RemainingPathOut(BaseModel):
    id: str
    jurisdiction: str
    name: str
    section: str
    text: str
    where_to_start: str
    charges: list[ChargeRef]


class PersonScreening(BaseModel):
    person_id: str
    as_of: str
    charges: list[ChargeResults]
    remaining_paths: list[RemainingPathOut]


class ScreenResponse(BaseModel):
    """One screening per person in the record, in record order (docs/relief-results.md)."""

    as_of: str
    people: list[PersonScreening]


class Jurisdiction(BaseModel):
    code: str
    name: str
    rules: int = Field(description="How many rules are encoded for it.")


class RuleSummary(BaseModel):
    id: str
    jurisdiction: str
    relief: str
    section: str
    title: str
    automatic: bool
    effective: str
    repealed: str | None


class ConditionOut(BaseModel):
    id: str
    text: str
    cite: str


class WaitOut(BaseModel):
    id: str
    text: str
    cite: str
    years: int | str = Field(description="Whole years, or the name of the dated parameter that sets them.")
    days: int | str
    months: int | str = Field(0, description="Whole months (e.g. 18 Pa.C.S. § 9122(a)(1)'s 18), or their parameter.")


class RuleDetail(RuleSummary):
    statute_text: str = Field(description="The statute text the rule implements, quoted.")
    conditions: list[ConditionOut]
    waits: list[WaitOut]
    note: str
