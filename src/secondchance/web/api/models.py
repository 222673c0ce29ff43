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


class Assumption(BaseModel):
    fact: str
    value: Fact
    text: str


class ScheduledDate(BaseModel):
    case_id: str
    charge_id: str
    field: str = Field(description="`incarceration_end` (release) or `probation_end` (end of supervision).")
    date: str = Field(description="The scheduled date (YYYY-MM-DD).")
    scheduled: bool = True


class ReliefResult(BaseModel):
    relief: str
    status: str = Field(description="eligible_now, eligible_on, needs_review or not_eligible.")
    eligible_on: str | None
    rule: str
    section: str
    automatic: bool
    missing: list[str] = Field(
        description="What leaves the answer open (needs review): fact names, or `question.<condition id>` for a "
        "point a lawyer must settle although every fact it reads is known. Never empty for needs_review."
    )
    missing_text: list[str] = Field(
        description="The same in the person's words: each fact naming its case or charge, each question as its point."
    )
    open_question: bool = Field(description="needs_review and the missing facts could change what is possible today.")
    not_before: str | None = Field(description="needs_review only: the rule cannot apply before this day.")
    cannot_improve: bool = Field(description="needs_review that cannot beat a decided result of the same relief.")
    concerns: bool = Field(description="false when the rule is about another kind of charge (no 'why not').")
    assumptions: list[Assumption] = Field(description="Facts absent from the record that this result assumed.")
    summary: str = Field(description="The result in one plain-English sentence.")
    depends_on: list[ScheduledDate] | None = Field(
        None, description="Scheduled dates the status rests on: it holds only if they happen as scheduled."
    )
    trace: list[TraceCheck] | None = Field(None, description="Every condition checked; omitted with trace=false.")


class ChargeResults(BaseModel):
    case_id: str | None
    charge_id: str | None
    jurisdiction: str | None
    statute: str | None
    description: str | None
    note: str | None = Field(description="Why no rule ran for this charge, if none did.")
    headline: str | None = Field(description="The sentence a person reads first about this charge.")
    best: str | None = Field(description="The rule id of the most helpful result.")
    results: list[ReliefResult]


class ChargeRef(BaseModel):
    case_id: str
    charge_id: str


class Unlock(BaseModel):
    case_id: str
    charge_id: str
    fact: str
    rule: str
    relief: str
    section: str
    status: str
    eligible_on: str | None
    text: str


class RemainingPathOut(BaseModel):
    id: str
    jurisdiction: str
    name: str
    section: str
    text: str
    where_to_start: str
    charges: list[ChargeRef]
    unlocks: list[Unlock] = Field(description="What this path would open, e.g. expungement if a pardon is granted.")


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
