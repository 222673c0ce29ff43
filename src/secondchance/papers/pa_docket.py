"""Pennsylvania UJS docket sheets (Common Pleas CP-…, Magisterial District MJ-…) read into a record.

The grammar, in two layers:

* each printed line is classified (page furniture, a section heading, a column heading, a
  ``Label: value`` line, a table row, a continuation of a wrapped cell) by its cells' text and
  positions (``pdf.Line``);
* a state machine over the sections (CASE INFORMATION … CASE FINANCIAL INFORMATION) gives each
  line its meaning: a table row's cells are assigned to the columns whose headings printed above them.

Every value read is a ``Seen`` with its page and line; a line or cell the grammar does not know is
``Unread`` with its text, never guessed and never dropped. A document whose page headers, footer
form number or column headings differ from the known layout is refused (a layout change must fail
loudly, not read wrong).

The layout's words and patterns (sections, labels, column headings, dispositions, dates, money,
citations) are in ``pa_docket_grammar``; this module is the reader that walks a docket with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from ..records.model import GRADES_BY_JURISDICTION, Case, Charge, Person, Sentence
from .pa_docket_grammar import (
    BAIL_HEADINGS,
    CHARGE_HEADINGS,
    DISPOSITION_HEADINGS,
    DISPOSITIONS,
    EVENT_HEADINGS,
    FINANCE_HEADINGS,
    LABEL,
    LABELS,
    MONEY,
    PARTICIPANT_HEADINGS,
    SECTIONS,
    SENTENCE_HEADINGS,
    UNREAD_DISPOSITIONS,
    read_money,
    read_us_date,
    record_statute,
)
from .pa_docket_grammar import recognise as recognise  # the registry's test of a docket
from .pa_docket_layout import Columns, docket_pages
from .pdf import Line, PdfText, read_pdf
from .reading import DocumentRefused, Place, Reading, Seen, Unread


def read_pa_docket(path: str) -> Reading:
    with open(path, "rb") as handle:
        data = handle.read()
    return read_pa_docket_bytes(data, path)


def read_pa_docket_bytes(data: bytes, file: str) -> Reading:
    text = read_pdf(data, file)
    return _Parser(file, text).parse()


@dataclass
class _ChargeDraft:
    id: str
    values: dict[str, object] = field(default_factory=dict)
    sentence: dict[str, object] = field(default_factory=dict)


class _Parser:
    """The section state machine over one docket's lines."""

    def __init__(self, file: str, text: PdfText) -> None:
        self.file = file
        self.text = text
        self.seen: list[Seen] = []
        self.unread: list[Unread] = []
        self.notes: list[str] = []
        self.person: dict[str, object] = {}
        self.case: dict[str, object] = {"jurisdiction": "PA"}
        self.charges: dict[str, _ChargeDraft] = {}
        self.aliases: list[str] = []
        self.section: str | None = None
        self.table = Columns()
        self.in_aliases = False
        self.event_date: date | None = None
        self.last_charge: _ChargeDraft | None = None
        self.last_description: str | None = None

    # -- the page furniture and the fingerprint --------------------------------------------------

    def parse(self) -> Reading:
        body = self._body()
        for line in body:
            self._line(line)
        return self._reading()

    def _body(self) -> list[Line]:
        """The lines between each page's header and footer (checked against the layout); the docket
        number and the caption's name are read from the first page."""
        pages = docket_pages(self.file, self.text)
        self.docket, self.kind, self.layout = pages.docket, pages.kind, pages.layout
        first = pages.first
        self._see("cases[0].docket_number", self.docket, first[2])
        caption = next((line for line in first[:6] if line.text.startswith("Commonwealth of Pennsylvania v. ")), None)
        if caption is not None:
            name = caption.cells[0].text.removeprefix("Commonwealth of Pennsylvania v. ").strip()
            self._set("person.name", name, caption)
        return pages.body

    # -- the sections ----------------------------------------------------------------------------

    def _line(self, line: Line) -> None:
        cells = [cell.text for cell in line.cells]
        if len(cells) == 1 and cells[0] in SECTIONS:
            self.section = cells[0]
            return
        handler = {
            "CASE INFORMATION": self._labels,
            "STATUS INFORMATION": self._labels,
            "DEFENDANT INFORMATION": self._defendant,
            "CASE PARTICIPANTS": self._participants,
            "BAIL INFORMATION": self._bail,
            "CHARGES": self._charge_row,
            "DISPOSITION SENTENCING/PENALTIES": self._disposition_row,
            "CASE FINANCIAL INFORMATION": self._finance_row,
        }.get(self.section or "")
        if handler is None or not handler(line):
            self._unread(
                self.section or "(before the first section)", line.text, line, "a line this layout does not have"
            )

    def _labels(self, line: Line) -> bool:
        for cell in line.cells:
            found = LABEL.fullmatch(cell.text)
            if found is None or found[1] not in LABELS:
                self._unread(self.section or "", cell.text, line, "a label this layout does not have")
                continue
            target = LABELS[found[1]]
            value = found[2].strip()
            if target is None or not value:
                continue
            path, kind = target
            if kind == "date":
                self._date(path, value, line)
            else:
                self._set(path, value, line)
        return True

    def _defendant(self, line: Line) -> bool:
        if line.text == "Alias Name":
            self.in_aliases = True
            return True
        if self.in_aliases and len(line.cells) == 1 and ":" not in line.text:
            self.aliases.append(line.text)
            self._see(f"aliases[{len(self.aliases) - 1}]", line.text, line)
            return True
        return self._labels(line)

    def _participants(self, line: Line) -> bool:
        if self.table.headings(line, PARTICIPANT_HEADINGS, "participants"):
            return True
        cells = self.table.cells(line, "participants")
        if cells is None:
            return False
        if cells.get("Participant Type") == "Defendant" and cells.get("Name"):
            if self.person.get("name") not in (None, cells["Name"]):
                self.notes.append(f"the caption names {self.person.get('name')!r}, the participants {cells['Name']!r}")
            return True
        return bool(cells.get("Participant Type"))

    def _bail(self, line: Line) -> bool:
        return self.table.headings(line, BAIL_HEADINGS, "bail") or self.table.cells(line, "bail") is not None

    def _charge_row(self, line: Line) -> bool:
        if self.table.headings(line, CHARGE_HEADINGS, "charges"):
            return True
        cells = self.table.cells(line, "charges")
        if cells is None:
            raise DocumentRefused(self.file, "unknown docket layout: the CHARGES table has no column headings")
        seq = cells.get("Seq.")
        if seq is None:
            more = cells.get("Statute Description")
            if more is not None and len(cells) == 1 and self.last_charge is not None:
                self.last_description = f"{self.last_description} {more}".strip()
                self.last_charge.values["description"] = self.last_description
                self._see(self._path(self.last_charge, "description"), self.last_description, line, sure=0.9)
                return True
            return False
        if not seq.isdigit():
            return False
        draft = self.charges.setdefault(seq, _ChargeDraft(seq))
        self.last_charge = draft
        grade = cells.get("Grade")
        if grade:
            if grade in GRADES_BY_JURISDICTION["PA"]:  # a docket is a Pennsylvania court's
                self._charge(draft, "grade", grade, line)
            else:
                self._unread(self._path(draft, "grade"), grade, line, "not a Pennsylvania grade")
        statute = cells.get("Statute")
        if statute:
            self._statute(draft, statute, line)
        self.last_description = cells.get("Statute Description")
        if self.last_description:
            self._charge(draft, "description", self.last_description, line)
        offense = cells.get("Offense Dt.")
        if offense:
            parsed = read_us_date(offense)
            if parsed is None:
                self._unread(self._path(draft, "offense_date"), offense, line, "not a date")
            else:
                self._charge(draft, "offense_date", parsed, line, offense)
        otn = cells.get("OTN")
        if otn and self.case.get("otn") not in (None, otn):
            self.notes.append(f"charge {seq} has OTN {otn}, the case {self.case.get('otn')}")
        return True

    def _disposition_row(self, line: Line) -> bool:
        for name, headings in (("events", EVENT_HEADINGS), ("dispositions", DISPOSITION_HEADINGS)):
            if self.table.headings(line, headings, name):
                return True
        if self.table.headings(line, SENTENCE_HEADINGS, "sentences"):
            return True
        first = line.cells[0]
        sentence_x = self.table.first_x("sentences")
        if sentence_x is not None and abs(first.x0 - sentence_x) < 3:
            return self._sentence(line)
        seq = re.match(r"(\d+) / ", first.text)
        if seq is None:
            cells = self.table.cells(line, "events")
            if cells is None or "Case Event" not in cells:
                return False
            when = cells.get("Disposition Date")
            self.event_date = read_us_date(when) if when else None
            return True
        cells = self.table.cells(line, "dispositions")
        if cells is None:
            return False
        draft = self.charges.get(seq[1])
        if draft is None:
            self._unread(
                f"charge {seq[1]}", line.text, line, "a disposition of a charge the CHARGES table does not list"
            )
            return True
        self.last_charge = draft
        printed = cells.get("Offense Disposition", "")
        key = printed.lower()
        if key not in DISPOSITIONS:
            self._unread(self._path(draft, "disposition"), printed, line, "a disposition this reader does not know")
            return True
        value = DISPOSITIONS[key]
        if value is None:
            self._unread(self._path(draft, "disposition"), printed, line, UNREAD_DISPOSITIONS[key])
            return True
        self._charge(draft, "disposition", value, line, printed)
        if self.event_date is not None:
            self._charge(draft, "disposition_date", self.event_date, line, self.event_date.strftime("%m/%d/%Y"))
        for heading, name in (("Grade", "grade"), ("Section", "statute")):
            shown = cells.get(heading)
            known = draft.values.get(name)
            if shown and name == "statute":
                shown = record_statute(shown)
            if shown and known is not None and shown != known:
                self.notes.append(f"charge {draft.id}: the disposition shows {name} {shown}, the charges {known}")
        return True

    def _sentence(self, line: Line) -> bool:
        cells = self.table.cells(line, "sentences")
        draft = self.last_charge
        if cells is None or draft is None:
            return False
        kind = cells.get("Sentence/Diversion Program Type", "")
        start_text = cells.get("Start Date")
        start = read_us_date(start_text) if start_text else None
        period = cells.get("Incarceration/Diversionary Period")
        if kind == "Confinement":
            self._sentence_value(draft, "incarcerated", True, line, kind)
            if start is not None:
                self._sentence_value(draft, "incarceration_start", start, line, start_text or "")
            if period:
                self._unread(
                    self._path(draft, "sentence.incarceration_end"),
                    period,
                    line,
                    "the docket prints the length, not the release date: when were you released?",
                )
        elif kind == "Probation":
            self._sentence_value(draft, "supervision", "probation", line, kind)
            self._sentence_value(draft, "probation_granted", True, line, kind)
            if start is not None:
                self._sentence_value(draft, "probation_start", start, line, start_text or "")
            if period:
                self._unread(
                    self._path(draft, "sentence.probation_end"),
                    period,
                    line,
                    "the docket prints the length, not the end date: when did probation end?",
                )
        elif kind == "No Further Penalty":
            self._sentence_value(draft, "incarcerated", False, line, kind)
        else:
            self._unread(self._path(draft, "sentence"), line.text, line, "a sentence this reader does not know")
        return True

    def _finance_row(self, line: Line) -> bool:
        if self.table.headings(line, FINANCE_HEADINGS, "finance", first_blank=True):
            return True
        cells = self.table.cells(line, "finance")
        if cells is None:
            return False
        label = cells.get("", "")
        prefix = {"Grand Totals:": "amount", "Restitution": "restitution"}.get(label)
        if prefix is None:
            return label != "" and all(MONEY.fullmatch(v) for k, v in cells.items() if k)  # a fee line: known
        amounts = {k: read_money(v) for k, v in cells.items() if k}
        if any(v is None for v in amounts.values()):
            return False
        assessed, paid, adjusted, total = (amounts.get(k) for k in ("Assessment", "Payments", "Adjustments", "Total"))
        fields = [("assessed", assessed, cells.get("Assessment")), ("balance", total, cells.get("Total"))]
        if paid is not None:
            fields.append(("paid", -paid if paid <= 0 else None, cells.get("Payments")))
        if adjusted is not None and prefix == "amount":
            fields.append(("adjusted", -adjusted if adjusted <= 0 else None, cells.get("Adjustments")))
        for name, value, printed in fields:
            path = f"case.{prefix}_{name}"
            if value is None:
                self._unread(path, printed or "", line, "a positive payment or adjustment: ask what it was")
            else:
                self._set(path, abs(value) + 0.0, line, printed)
        return True

    # -- cells and columns -----------------------------------------------------------------------

    # -- values ----------------------------------------------------------------------------------

    def _statute(self, draft: _ChargeDraft, printed: str, line: Line) -> None:
        value = record_statute(printed)
        if value is None:
            self._unread(self._path(draft, "statute"), printed, line, "not a Pennsylvania citation this reader knows")
        else:
            self._charge(draft, "statute", value, line, printed)

    def _path(self, draft: _ChargeDraft, name: str) -> str:
        index = list(self.charges).index(draft.id)
        return f"cases[0].charges[{index}].{name}"

    def _charge(self, draft: _ChargeDraft, name: str, value: object, line: Line, printed: str | None = None) -> None:
        draft.values[name] = value
        self._see(self._path(draft, name), printed if printed is not None else str(value), line)

    def _sentence_value(self, draft: _ChargeDraft, name: str, value: object, line: Line, printed: str) -> None:
        draft.sentence[name] = value
        self._see(self._path(draft, f"sentence.{name}"), printed, line)

    def _date(self, path: str, printed: str, line: Line) -> None:
        parsed = read_us_date(printed)
        if parsed is None:
            self._unread(path, printed, line, "not a date")
        else:
            self._set(path, parsed, line, printed)

    def _set(self, path: str, value: object, line: Line, printed: str | None = None) -> None:
        level, name = path.split(".", 1)
        target = self.person if level == "person" else self.case
        target[name] = value
        where = name if level == "person" else f"cases[0].{name}"
        self._see(where, printed if printed is not None else str(value), line)

    def _see(self, path: str, text: str, line: Line, sure: float = 1.0) -> None:
        self.seen.append(Seen(path.removeprefix("case.").removeprefix("person."), text, self._place(line), sure))

    def _unread(self, path: str, text: str, line: Line, reason: str) -> None:
        self.unread.append(Unread(path, text, self._place(line), reason))

    def _place(self, line: Line) -> Place:
        return Place(self.file, page=line.page, line=line.number)

    def _reading(self) -> Reading:
        charges = tuple(
            Charge(id=d.id, sentence=Sentence(**d.sentence), **d.values)  # type: ignore[arg-type]
            for d in self.charges.values()
        )
        case = Case(id=self.docket, docket_number=self.docket, charges=charges, **self.case)  # type: ignore[arg-type]
        person = Person(
            id=str(self.person.get("name") or "person"),
            cases=(case,),
            aliases=tuple(self.aliases),
            **self.person,  # type: ignore[arg-type]
        )
        if not charges:
            self.notes.append("no charges were read from this docket")
        return Reading(
            self.file,
            self.kind,
            self.layout,
            replace(person),
            tuple(self.seen),
            tuple(self.unread),
            tuple(self.notes),
            self.text.pages,
        )
