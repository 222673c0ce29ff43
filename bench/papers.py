"""Reading court papers: record -> synthetic PA docket (and court summary) PDF -> read -> record, field by field.

Precision: of the values read, the share the generator printed (1.0 means nothing invented).
Recall: of the values the generator printed, the share read back (goal 1.0). Speed: pages per second
of reading alone (generation is not timed).
"""

from __future__ import annotations

import time
from typing import Any

from secondchance.papers.pa_docket import read_pa_docket_bytes
from secondchance.papers.pa_summary import read_pa_summary_bytes
from secondchance.papers.synth_pa import docket_pdf, random_person
from secondchance.papers.synth_pa_summary import printed_record, summary_pdf
from secondchance.records.parse import person_to_json


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """A record's JSON form as ``path -> value`` (ids of person and case left out: the docket is the id)."""
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            if prefix == "" and key == "id":
                continue
            name = f"{prefix}.{key}" if prefix else key
            out.update(flatten(item, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out.update(flatten(item, f"{prefix}[{index}]"))
    else:
        out[prefix] = value
    return out


def compare(expected: dict[str, Any], read: dict[str, Any]) -> tuple[int, int, int, list[str]]:
    """(values printed, values read, values read right, the paths that differ)."""
    right = sum(1 for path, value in read.items() if expected.get(path) == value)
    wrong = sorted(set(expected.items()) ^ set(read.items()))
    return len(expected), len(read), right, [f"{path}={value!r}" for path, value in wrong][:6]


def round_trip(seed: int) -> tuple[int, int, int, int, float, list[str]]:
    person = random_person(seed)
    printed = read = right = pages = 0
    seconds = 0.0
    problems: list[str] = []
    for case in person.cases:
        one = type(person)(
            person.id, person.birth_date, person.death_date, (case,), person.name, person.aliases, person.address
        )
        data = docket_pdf(one, case)
        started = time.perf_counter()
        reading = read_pa_docket_bytes(data, f"{case.id}.pdf")
        seconds += time.perf_counter() - started
        pages += reading.pages or 0
        a, b, c, wrong = compare(flatten(person_to_json(one)), flatten(person_to_json(reading.person)))
        printed, read, right = printed + a, read + b, right + c
        problems += wrong
    return printed, read, right, pages, seconds, problems


def by_docket(record: dict[str, Any]) -> dict[str, Any]:
    """The record with its cases in docket order (a summary groups them by status and county)."""
    return {**record, "cases": sorted(record.get("cases", []), key=lambda case: case["id"])}


def summary_round_trip(seed: int) -> tuple[int, int, int, int, float, list[str]]:
    """One person's court summary: what it prints (``printed_record``) against what is read."""
    person = random_person(seed)
    data = summary_pdf(person)
    started = time.perf_counter()
    reading = read_pa_summary_bytes(data, "summary.pdf")
    seconds = time.perf_counter() - started
    expected = flatten(by_docket(person_to_json(printed_record(person))))
    printed, read, right, wrong = compare(expected, flatten(by_docket(person_to_json(reading.person))))
    return printed, read, right, reading.pages or 0, seconds, wrong


def summaries(people: int) -> dict[str, Any]:
    printed = read = right = pages = 0
    seconds = 0.0
    examples: list[str] = []
    for seed in range(people):
        a, b, c, n, s, wrong = summary_round_trip(seed)
        printed, read, right, pages, seconds = printed + a, read + b, right + c, pages + n, seconds + s
        if wrong and len(examples) < 10:
            examples.append(f"seed {seed}: {wrong}")
    return {
        "pa_summary_people": people,
        "pa_summary_pages": pages,
        "pa_summary_fields_printed": printed,
        "pa_summary_fields_read": read,
        "pa_summary_precision": round(right / read, 5) if read else None,
        "pa_summary_recall": round(right / printed, 5) if printed else None,
        "pa_summary_pages_per_second": round(pages / seconds, 1) if seconds else None,
        "pa_summary_mismatches": examples,
    }


def run(quick: bool = False) -> dict[str, Any]:
    people = 100 if quick else 1000
    printed = read = right = documents = 0
    pages = 0
    seconds = 0.0
    examples: list[str] = []
    for seed in range(people):
        person = random_person(seed)
        documents += len(person.cases)
        a, b, c, n, s, wrong = round_trip(seed)
        printed, read, right, pages, seconds = printed + a, read + b, right + c, pages + n, seconds + s
        if wrong and len(examples) < 10:
            examples.append(f"seed {seed}: {wrong}")
    return {
        "pa_docket_people": people,
        "pa_docket_documents": documents,
        "pa_docket_pages": pages,
        "pa_docket_fields_printed": printed,
        "pa_docket_fields_read": read,
        "pa_docket_precision": round(right / read, 5) if read else None,
        "pa_docket_recall": round(right / printed, 5) if printed else None,
        "pa_docket_pages_per_second": round(pages / seconds, 1) if seconds else None,
        "pa_docket_mismatches": examples,
        **summaries(people),
    }
