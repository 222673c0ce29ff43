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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Final

from ..records.model import GRADES_BY_JURISDICTION, Case, Charge, Person, Sentence
from ..relief.jurisdictions.pa.citations import read as read_citation
from .pdf import Line, PdfText, read_pdf
from .reading import DocumentRefused, Place, Reading, Seen, Unread

KIND_CP: Final = "pa-docket-cp"
KIND_MJ: Final = "pa-docket-mj"
#: The layouts known: the footer form number, and the layout name a Reading records.
FORMS: Final = {"CPCMS 9082": "ujs-cpcms-9082", "MDJS 1200": "ujs-mdjs-1200"}

SECTIONS: Final = (
    "CASE INFORMATION",
    "STATUS INFORMATION",
    "DEFENDANT INFORMATION",
    "CASE PARTICIPANTS",
    "BAIL INFORMATION",
    "CHARGES",
    "DISPOSITION SENTENCING/PENALTIES",
    "CASE FINANCIAL INFORMATION",
)
DOCKET_NUMBER: Final = re.compile(r"(?:CP|MJ)-\d{2}(?:\d{3})?-(?:CR|SU|NT)-\d{7}-\d{4}")
PAGE_OF: Final = re.compile(r"Page (\d+) of (\d+)")
US_DATE: Final = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
MONEY: Final = re.compile(r"(-)?\$([0-9,]+\.\d{2})|\((\$[0-9,]+\.\d{2})\)")
LABEL: Final = re.compile(r"([A-Z][A-Za-z/ .]*?):\s*(.*)")

#: ``Label:`` -> (record field path relative to its level, kind); None: printed but not a record field.
LABELS: Final[dict[str, tuple[str, str] | None]] = {
    "Judge Assigned": ("case.judge", "text"),
    "OTN": ("case.otn", "text"),
    "County": ("case.county", "text"),
    "Arresting Agency": ("case.arresting_agency", "text"),
    "Arrest Date": ("case.arrest_date", "date"),
    "Complaint Date": ("case.complaint_date", "date"),
    "Date Of Birth": ("person.birth_date", "date"),
    "City/State/Zip": ("person.address", "text"),
    "Date Filed": None,
    "Originating Docket No": None,
    "Case Status": None,
    "Status Date": None,
}

CHARGE_HEADINGS: Final = ("Seq.", "Orig Seq.", "Grade", "Statute", "Statute Description", "Offense Dt.", "OTN")
EVENT_HEADINGS: Final = ("Case Event", "Disposition Date", "Final Disposition")
DISPOSITION_HEADINGS: Final = ("Sequence/Description", "Offense Disposition", "Grade", "Section")
SENTENCE_HEADINGS: Final = ("Sentence/Diversion Program Type", "Incarceration/Diversionary Period", "Start Date")
FINANCE_HEADINGS: Final = ("Assessment", "Payments", "Adjustments", "Non Monetary Payments", "Total")
BAIL_HEADINGS: Final = ("Bail Action", "Date", "Bail Type", "Amount")
PARTICIPANT_HEADINGS: Final = ("Participant Type", "Name")

#: Offense dispositions as printed -> the record's disposition. None: printed, but the outcome is
#: not final or not said (ARD entered, held for court), so it is asked, never guessed.
DISPOSITIONS: Final[dict[str, str | None]] = {
    "guilty": "convicted",
    "guilty plea": "convicted",
    "guilty plea - negotiated": "convicted",
    "guilty plea - non-negotiated": "convicted",
    "nolo contendere": "convicted",
    "not guilty": "not_guilty",
    "dismissed": "dismissed",
    "quashed": "dismissed",
    "dismissed - rule 600 (speedy trial)": "dismissed",
    "dismissed - loe": "dismissed",
    "dismissed - lack of evidence": "dismissed",
    "judgment of acquittal (prior to deliberation)": "not_guilty",
    "withdrawn": "withdrawn",
    "nolle prossed": "nolle_prossed",
    "ard - county": None,
    "held for court": None,
    "waived for court": None,
}
UNREAD_DISPOSITIONS: Final = {
    "ard - county": "ARD was entered; the docket does not say whether it was completed",
    "held for court": "held for court: the Common Pleas docket has the outcome",
    "waived for court": "waived for court: the Common Pleas docket has the outcome",
}


def recognise(first_page: str, producer: str | None) -> bool:
    """Whether a document looks like a UJS docket sheet (its first page's header)."""
    del producer
    return "CRIMINAL DOCKET" in first_page and bool(DOCKET_NUMBER.search(first_page))


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
        self.columns: dict[str, tuple[float, ...]] = {}
        self._names: dict[str, tuple[str, ...]] = {}
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
        """The lines between each page's header and footer, after checking both against the layout."""
        by_page: dict[int, list[Line]] = {}
        for line in self.text.lines:
            by_page.setdefault(line.page, []).append(line)
        first = by_page.get(1, [])
        first_text = "\n".join(line.text for line in first[:6])
        if not recognise(first_text, self.text.producer):
            raise DocumentRefused(self.file, "not a Pennsylvania court docket sheet (no docket header on page 1)")
        docket = DOCKET_NUMBER.search(first_text)
        assert docket is not None
        self.docket = docket.group(0)
        self.kind = KIND_MJ if self.docket.startswith("MJ-") else KIND_CP
        body: list[Line] = []
        total: int | None = None
        form: str | None = None
        for number in range(1, self.text.pages + 1):
            lines = by_page.get(number, [])
            header, rest = lines[:5], lines[5:]
            header_text = "\n".join(line.text for line in header)
            page_of = PAGE_OF.search(header_text)
            if docket.group(0) not in header_text or page_of is None or int(page_of[1]) != number:
                raise DocumentRefused(
                    self.file, f"unknown docket layout: page {number}'s header is not the UJS docket header"
                )
            total = int(page_of[2]) if total is None else total
            if int(page_of[2]) != total:
                raise DocumentRefused(self.file, "the pages come from different dockets")
            footer = [line for line in rest if line.top > line.page_height - 70]
            footer_text = " ".join(line.text for line in footer)
            page_form = next((name for name in FORMS if footer_text.startswith(name)), None)
            if page_form is None or (form is not None and page_form != form):
                raise DocumentRefused(
                    self.file, f"unknown docket layout version (footer {footer_text[:40]!r}); it cannot be read safely"
                )
            form = page_form
            body.extend(line for line in rest if line not in footer)
        if total != self.text.pages:
            raise DocumentRefused(
                self.file, f"the docket has {self.text.pages} of its {total} pages; download it again"
            )
        assert form is not None
        self.layout = FORMS[form]
        if (self.kind == KIND_MJ) != (form == "MDJS 1200"):
            raise DocumentRefused(self.file, "unknown docket layout: the docket number and the form do not match")
        self._see("cases[0].docket_number", self.docket, first[2])
        caption = next((line for line in first[:6] if line.text.startswith("Commonwealth of Pennsylvania v. ")), None)
        if caption is not None:
            name = caption.cells[0].text.removeprefix("Commonwealth of Pennsylvania v. ").strip()
            self._set("person.name", name, caption)
        return body

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
            self.columns["alias"] = ()
            return True
        if "alias" in self.columns and len(line.cells) == 1 and ":" not in line.text:
            self.aliases.append(line.text)
            self._see(f"aliases[{len(self.aliases) - 1}]", line.text, line)
            return True
        return self._labels(line)

    def _participants(self, line: Line) -> bool:
        if self._headings(line, PARTICIPANT_HEADINGS, "participants"):
            return True
        cells = self._columns(line, "participants")
        if cells is None:
            return False
        if cells.get("Participant Type") == "Defendant" and cells.get("Name"):
            if self.person.get("name") not in (None, cells["Name"]):
                self.notes.append(f"the caption names {self.person.get('name')!r}, the participants {cells['Name']!r}")
            return True
        return bool(cells.get("Participant Type"))

    def _bail(self, line: Line) -> bool:
        return self._headings(line, BAIL_HEADINGS, "bail") or self._columns(line, "bail") is not None

    def _charge_row(self, line: Line) -> bool:
        if self._headings(line, CHARGE_HEADINGS, "charges"):
            return True
        cells = self._columns(line, "charges")
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
            parsed = _date(offense)
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
            if self._headings(line, headings, name):
                return True
        if self._headings(line, SENTENCE_HEADINGS, "sentences"):
            return True
        first = line.cells[0]
        sentence_x = self.columns.get("sentences", (None,))[0]
        if sentence_x is not None and abs(first.x0 - sentence_x) < 3:
            return self._sentence(line)
        seq = re.match(r"(\d+) / ", first.text)
        if seq is None:
            cells = self._columns(line, "events")
            if cells is None or "Case Event" not in cells:
                return False
            when = cells.get("Disposition Date")
            self.event_date = _date(when) if when else None
            return True
        cells = self._columns(line, "dispositions")
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
                shown = _statute_text(shown)
            if shown and known is not None and shown != known:
                self.notes.append(f"charge {draft.id}: the disposition shows {name} {shown}, the charges {known}")
        return True

    def _sentence(self, line: Line) -> bool:
        cells = self._columns(line, "sentences")
        draft = self.last_charge
        if cells is None or draft is None:
            return False
        kind = cells.get("Sentence/Diversion Program Type", "")
        start_text = cells.get("Start Date")
        start = _date(start_text) if start_text else None
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
        if self._headings(line, FINANCE_HEADINGS, "finance", first_blank=True):
            return True
        cells = self._columns(line, "finance")
        if cells is None:
            return False
        label = cells.get("", "")
        prefix = {"Grand Totals:": "amount", "Restitution": "restitution"}.get(label)
        if prefix is None:
            return label != "" and all(MONEY.fullmatch(v) for k, v in cells.items() if k)  # a fee line: known
        amounts = {k: _money(v) for k, v in cells.items() if k}
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

    def _headings(self, line: Line, headings: tuple[str, ...], name: str, first_blank: bool = False) -> bool:
        texts = tuple(cell.text for cell in line.cells)
        if texts != headings:
            return False
        xs = tuple(cell.x0 for cell in line.cells)
        self.columns[name] = (line.cells[0].x0 - 200, *xs) if first_blank else xs
        self._names[name] = ("", *headings) if first_blank else headings
        return True

    def _columns(self, line: Line, name: str) -> dict[str, str] | None:
        """The line's cells by the column each starts in (the heading at or just left of it)."""
        xs = self.columns.get(name)
        names = self._names.get(name)
        if xs is None or names is None:
            return None
        out: dict[str, str] = {}
        for cell in line.cells:
            index = max((i for i, x in enumerate(xs) if x <= cell.x0 + 3), default=None)
            if index is None or names[index] in out:
                return None
            out[names[index]] = cell.text
        return out

    # -- values ----------------------------------------------------------------------------------

    def _statute(self, draft: _ChargeDraft, printed: str, line: Line) -> None:
        value = _statute_text(printed)
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
        parsed = _date(printed)
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


def _date(text: str) -> date | None:
    found = US_DATE.fullmatch(text.strip())
    if found is None:
        return None
    try:
        return date(int(found[3]), int(found[1]), int(found[2]))
    except ValueError:
        return None


def _money(text: str) -> float | None:
    found = MONEY.fullmatch(text.strip())
    if found is None:
        return None
    if found[3]:
        return -float(found[3].lstrip("$").replace(",", ""))
    amount = float(found[2].replace(",", ""))
    return -amount if found[1] else amount


def _statute_text(printed: str) -> str | None:
    """A docket citation (``18 § 3929 §§ A1``) in the record's form (``18 Pa.C.S. § 3929(a)(1)``)."""
    canonical = read_citation(" ".join(printed.upper().split()))
    if canonical is None:
        return None
    found = re.fullmatch(r"(\d+)-(PS-)?([0-9.\-]+?)((?:\([0-9A-Z]+\))*)", canonical)
    if found is None:
        return None
    subs = re.sub(r"\(([A-Z]+)\)", lambda m: f"({m[1].lower()})", found[4])
    code = "P.S." if found[2] else "Pa.C.S."
    return f"{found[1]} {code} § {found[3]}{subs}"
