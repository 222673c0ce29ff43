"""'Upload my court papers': documents read into a record, reviewed by the person, then screened.

Upload (PA dockets and court summaries, CA RAP sheets) → a review page that lists each charge with
the values that decide relief, each editable, and each value the reader could not read asked for in
words → the results, kept as the interview's are (``/check/<ref>``). The record read travels signed
in the review form; the files uploaded are not kept after the response.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from ...papers.merge import Merged, merge, reading_json
from ...papers.pdf import MAX_BYTES
from ...papers.reading import DocumentRefused
from ...papers.registry import read_document_bytes
from ...records import InvalidRecord, people_from_json
from ...records.model import DISPOSITIONS, GRADES_BY_JURISDICTION
from ..security import sign, unsign
from .budget import within_budget
from .i18n import N_
from .interview import from_record
from .pages import checked_form, keep, see_other, text_fields
from .render import render, settings_of

router = APIRouter(include_in_schema=False)
REVIEW_PURPOSE = "papers-review"
MAX_DOCUMENTS = 10
FIELD_PREFIX = "f:"

#: The values that decide relief, as the review page asks them: record path (under a charge) -> label.
CHARGE_QUESTIONS = {
    "statute": N_("The law (statute section)"),
    "grade": N_("The grade"),
    "disposition": N_("How it ended"),
    "disposition_date": N_("The date it ended"),
    "sentence.incarceration_end": N_("The date you were released"),
    "sentence.probation_end": N_("The date your probation or parole ended"),
}
DATE_FIELDS = ("disposition_date", "sentence.incarceration_end", "sentence.probation_end")


@dataclass(frozen=True)
class Question:
    """One editable value on the review page: its record path, label, current value and choices."""

    path: str
    label: str
    value: str
    choices: tuple[str, ...] = ()
    unread_text: str | None = None  # what the document printed, where the reader could not read it
    unread_reason: str | None = None
    is_date: bool = False


@router.get("/upload")
async def papers_upload(request: Request) -> Response:
    return render(request, "upload.html", {"mode": "upload"})


@router.post("/upload/read")
async def papers_read(request: Request) -> Response:
    form = await checked_form(request, max_files=MAX_DOCUMENTS)
    documents: list[tuple[bytes, str]] = []
    try:
        for item in form.getlist("document"):
            if isinstance(item, UploadFile) and item.filename:
                data = await item.read(MAX_BYTES + 1)
                documents.append((data, item.filename))
    finally:
        await form.close()
    if not documents:
        return _upload_error(request, N_("Choose at least one file: a docket sheet, court summary or RAP sheet."))
    return await within_budget(request, _read_and_review, request, documents)


@router.post("/upload/review")
async def papers_review(request: Request) -> Response:
    form = text_fields(await checked_form(request))
    record = unsign(settings_of(request).secret_key, REVIEW_PURPOSE, form.get("record", ""))
    if not isinstance(record, dict) or not isinstance(record.get("cases"), list):
        return _upload_error(request, N_("That review expired. Upload your papers again."))
    unread = form.get("unread_token", "")
    notes = unsign(settings_of(request).secret_key, REVIEW_PURPOSE, unread)
    notes = notes if isinstance(notes, dict) else {"unread": [], "disagreements": []}
    allowed = {q.path for q in questions(record, notes.get("unread", []))}
    for name, value in form.items():
        path = name.removeprefix(FIELD_PREFIX)
        if name.startswith(FIELD_PREFIX) and path in allowed:
            set_path(record, path, value.strip())
    try:
        people_from_json(record, as_of=date.today())
    except InvalidRecord as error:
        return _review_page(request, record, notes, [str(p) for p in error.problems], status=422)
    state = from_record(record)
    if state is None:  # more charges than one person may have screened (issue 16's limit)
        return _review_page(request, record, notes, [str(N_("Too many charges for one check."))], status=422)
    return see_other(f"/check/{keep(request, state)}")  # the results, kept like the interview's: Back works


def _read_and_review(request: Request, documents: list[tuple[bytes, str]]) -> Response:
    try:
        merged: Merged = merge([read_document_bytes(data, name) for data, name in documents])
    except DocumentRefused as error:
        message = N_("We could not read %(file)s: %(reason)s")
        return _upload_error(request, message, file=error.file, reason=error.reason)
    found = reading_json(merged)
    notes = {"unread": found["unread"], "disagreements": found["disagreements"]}
    return _review_page(request, found["record"], notes)


def _upload_error(request: Request, message: str, **values: str) -> Response:
    return render(request, "upload.html", {"mode": "upload", "error": message, "error_values": values}, status=422)


def _review_page(
    request: Request,
    record: dict[str, Any],
    notes: dict[str, Any],
    problems: list[str] | None = None,
    status: int = 200,
) -> Response:
    secret = settings_of(request).secret_key
    asked = questions(record, notes.get("unread", []))
    by_charge: dict[tuple[int, int], list[Question]] = {}
    for question in asked:
        found = re.match(r"cases\[(\d+)\]\.charges\[(\d+)\]\.", question.path)
        if found:
            by_charge.setdefault((int(found[1]), int(found[2])), []).append(question)
    cases = [
        {
            "docket": case.get("docket_number") or case.get("id"),
            "county": case.get("county"),
            "charges": [
                {"description": charge.get("description") or charge.get("statute"), "questions": by_charge[(c, h)]}
                for h, charge in enumerate(case.get("charges") or [])
                if (c, h) in by_charge
            ],
        }
        for c, case in enumerate(record.get("cases") or [])
    ]
    shown = {q.path for q in asked}
    other_unread = [u for u in notes.get("unread", []) if u.get("field") not in shown]
    context = {
        "mode": "review",
        "record_token": sign(secret, REVIEW_PURPOSE, record),
        "unread_token": sign(secret, REVIEW_PURPOSE, notes),
        "birth": next((q for q in asked if q.path == "birth_date"), None),
        "cases": cases,
        "other_unread": other_unread,
        "disagreements": notes.get("disagreements", []),
        "problems": problems or [],
        "field_prefix": FIELD_PREFIX,
    }
    return render(request, "upload.html", context, status=status)


def questions(record: dict[str, Any], unread: list[dict[str, Any]]) -> list[Question]:
    """Every value the review page asks: the date of birth and, per charge, the values that decide relief."""
    missing = {u.get("field"): u for u in unread if isinstance(u, dict)}
    out = [_question("birth_date", N_("Your date of birth"), record.get("birth_date"), missing, is_date=True)]
    for c, case in enumerate(record.get("cases") or []):
        grades = GRADES_BY_JURISDICTION.get(str(case.get("jurisdiction") or "").upper(), ())
        for h, charge in enumerate(case.get("charges") or []):
            sentence = charge.get("sentence") or {}
            for name, label in CHARGE_QUESTIONS.items():
                path = f"cases[{c}].charges[{h}].{name}"
                value = get_path(record, path)
                if name == "sentence.incarceration_end" and not sentence.get("incarcerated") and path not in missing:
                    continue
                if name == "sentence.probation_end" and not sentence.get("supervision") and path not in missing:
                    continue
                choices = grades if name == "grade" else DISPOSITIONS if name == "disposition" else ()
                out.append(_question(path, label, value, missing, choices, name in DATE_FIELDS))
    return out


def _question(
    path: str,
    label: str,
    value: Any,
    missing: dict[Any, dict[str, Any]],
    choices: tuple[str, ...] = (),
    is_date: bool = False,
) -> Question:
    unread = missing.get(path)
    return Question(
        path,
        label,
        "" if value is None else str(value),
        choices,
        unread.get("text") if unread else None,
        unread.get("reason") if unread else None,
        is_date,
    )


_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for part in path.split("."):
        found = _STEP.fullmatch(part)
        if found is None:
            raise ValueError(path)
        steps.append(found[1])
        if found[2] is not None:
            steps.append(int(found[2]))
    return steps


def get_path(record: dict[str, Any], path: str) -> Any:
    node: Any = record
    for step in _steps(path):
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def set_path(record: dict[str, Any], path: str, value: str) -> None:
    """Set ``path`` to ``value``; an empty value removes it (unknown: the rules ask, never assume)."""
    steps = _steps(path)
    node: Any = record
    for step in steps[:-1]:
        if isinstance(step, str) and isinstance(node, dict) and not isinstance(node.get(step), dict | list):
            node[step] = {}
        node = node[step]
    last = steps[-1]
    if value:
        node[last] = value
    elif isinstance(node, dict):
        node.pop(last, None)
