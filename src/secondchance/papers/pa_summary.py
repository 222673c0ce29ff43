"""Pennsylvania UJS court summaries read into a record: every docket of a person in one document.

The same two layers as the docket reader (``pa_docket.py``): each printed line is classified by its
cells' text and positions; a state machine gives it meaning (the aliases, a status heading such as
``Closed``, a county, a case's docket line, its ``Label: value`` line, its charges table, a charge's
sentences). A summary prints less than a docket: no offense dates, no amounts, and one disposition
date per case, which each disposed charge takes with ``sure`` 0.8 (a charge withdrawn earlier than
the case ended shows the case's later date; read beside the docket, the two disagree and the merge
shows it). Sentence lengths are not end dates: they are listed as unread, with the question to ask.
What the grammar does not know is unread with its text; a page that is not this layout is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from ..records.model import GRADES_BY_JURISDICTION, Case, Charge, Person, Sentence
from .pa_docket_grammar import (
    DISPOSITIONS,
    DOCKET_NUMBER,
    LABEL,
    PAGE_OF,
    UNREAD_DISPOSITIONS,
    read_us_date,
    record_statute,
)
from .pa_docket_layout import Columns
from .pdf import Line, PdfText, read_pdf
from .reading import DocumentRefused, Place, Reading, Seen, Unread

KIND: Final = "pa-court-summary"
#: The footer form number of the layout known, and the layout name a Reading records.
FORMS: Final = {"CPCMS 3541": "ujs-cpcms-3541"}
STATUSES: Final = ("Closed", "Active", "Inactive", "Adjudicated")
HEADING_X: Final = 40.0  # status and county headings start at the left margin; table cells do not
CHARGE_HEADINGS: Final = ("Seq No", "Statute", "Grade", "Description", "Disposition")
SENTENCE_HEADINGS: Final = ("Sentence Dt.", "Sentence Type", "Program Period", "Sentence Length")
#: ``Label:`` on a case's lines -> the case field it fills and its kind; None: printed, not a record fact.
CASE_LABELS: Final[dict[str, tuple[str, str] | None]] = {
    "Processing Status": None,
    "Arrest Dt": ("arrest_date", "date"),
    "OTN": ("otn", "text"),
    "Disp Date": ("disposition_date", "date"),
    "Disp Judge": None,  # who disposed of the case, not always the judge assigned (the docket's ``judge``)
    "Def Atty": None,
}


def recognise(first_page: str, producer: str | None) -> bool:
    del producer
    return first_page.lstrip().startswith("COURT SUMMARY")


def read_pa_summary(path: str) -> Reading:
    with open(path, "rb") as handle:
        return read_pa_summary_bytes(handle.read(), path)


def read_pa_summary_bytes(data: bytes, file: str) -> Reading:
    return _Parser(file, read_pdf(data, file)).parse()


@dataclass
class _CaseDraft:
    docket: str
    values: dict[str, object] = field(default_factory=dict)
    charges: dict[str, dict[str, object]] = field(default_factory=dict)
    sentences: dict[str, dict[str, object]] = field(default_factory=dict)


class _Parser:
    def __init__(self, file: str, text: PdfText) -> None:
        self.file = file
        self.text = text
        self.seen: list[Seen] = []
        self.unread: list[Unread] = []
        self.notes: list[str] = []
        self.person: dict[str, object] = {}
        self.aliases: list[str] = []
        self.cases: list[_CaseDraft] = []
        self.section = "aliases"
        self.county: str | None = None
        self.table: str | None = None  # "charges" or "sentences": the last column headings printed
        self.columns = Columns()
        self.charge: str | None = None  # the last charge's sequence number in the current case

    def parse(self) -> Reading:
        for line in self._body():
            self._line(line)
        return self._reading()

    # -- the page furniture and the fingerprint --------------------------------------------------

    def _body(self) -> list[Line]:
        by_page: dict[int, list[Line]] = {}
        for line in self.text.lines:
            by_page.setdefault(line.page, []).append(line)
        first = by_page.get(1, [])
        if not first or not recognise(first[0].text, self.text.producer):
            raise DocumentRefused(self.file, "not a Pennsylvania court summary (no summary header on page 1)")
        caption = first[1] if len(first) > 1 else None
        body: list[Line] = []
        for number in range(1, self.text.pages + 1):
            lines = by_page.get(number, [])
            header, rest = lines[:2], lines[2:]
            page_of = PAGE_OF.fullmatch(header[1].cells[-1].text) if len(header) == 2 else None
            if page_of is None or int(page_of[1]) != number or header[0].text != "COURT SUMMARY":
                raise DocumentRefused(self.file, f"unknown summary layout: page {number}'s header is not the summary's")
            if int(page_of[2]) != self.text.pages:
                raise DocumentRefused(
                    self.file, f"the summary has {self.text.pages} of its {page_of[2]} pages; download it again"
                )
            if caption is None or header[1].cells[:-1] != caption.cells[:-1]:
                raise DocumentRefused(self.file, f"page {number} is about another person or another layout")
            footer = [line for line in rest if line.top > line.page_height - 70]
            footer_text = " ".join(line.text for line in footer)
            form = next((form for form in FORMS if footer_text.startswith(form)), None)
            if form is None:
                raise DocumentRefused(
                    self.file, f"unknown summary layout version (footer {footer_text[:40]!r}); it cannot be read safely"
                )
            self.layout = FORMS[form]
            body.extend(line for line in rest if line not in footer)
        assert caption is not None
        self._caption(caption)
        return body

    def _caption(self, line: Line) -> None:
        name = line.cells[0].text
        last, _, first = name.partition(", ")
        self.person["name"] = f"{first.title()} {last.title()}".strip() if first else name.title()
        self._see("name", name, line, sure=0.9)  # the case of the letters is the reader's
        for cell in line.cells[1:-1]:  # the last is "Page x of y"
            found = LABEL.fullmatch(cell.text)
            if found is not None and found[1] == "DOB" and found[2]:
                birth = read_us_date(found[2])
                if birth is None:
                    self._unread("birth_date", found[2], line, "not a date")
                else:
                    self.person["birth_date"] = birth
                    self._see("birth_date", found[2], line)

    # -- the lines -------------------------------------------------------------------------------

    def _line(self, line: Line) -> None:
        texts = [cell.text for cell in line.cells]
        if len(texts) == 1 and texts[0] in STATUSES and line.cells[0].x0 < HEADING_X:
            self.section, self.county, self.table = texts[0], None, None
            return
        if texts == ["Aliases:"] and self.section == "aliases":
            return
        if self.section == "aliases":
            if len(texts) == 1:
                self.aliases.append(texts[0])
                self._see(f"aliases[{len(self.aliases) - 1}]", texts[0], line)
                return
        elif len(texts) == 1 and texts[0].endswith(" County") and line.cells[0].x0 < HEADING_X:
            self.county = texts[0].removesuffix(" County")
            return
        elif DOCKET_NUMBER.fullmatch(texts[0]):
            self._case_line(line)
            return
        elif self.cases and self._in_case(line):
            return
        self._unread(self.section, line.text, line, "a line this layout does not have")

    def _case_line(self, line: Line) -> None:
        docket = line.cells[0].text
        if any(c.docket == docket for c in self.cases):
            self.notes.append(f"{docket} is printed twice; its second printing was not read")
            self.cases.append(_CaseDraft(f"{docket} (again)"))
        else:
            self.cases.append(_CaseDraft(docket))
        self.table, self.charge = None, None
        case = self.cases[-1]
        case.values["jurisdiction"] = "PA"
        self._see(f"cases[{len(self.cases) - 1}].docket_number", docket, line)
        if self.county is not None:
            case.values["county"] = self.county
            self._see(f"cases[{len(self.cases) - 1}].county", self.county, line)
        self._labels(line.cells[1:], line)

    def _in_case(self, line: Line) -> bool:
        texts = tuple(cell.text for cell in line.cells)
        for name, headings in (("charges", CHARGE_HEADINGS), ("sentences", SENTENCE_HEADINGS)):
            if self.columns.headings(line, headings, name):
                self.table = name
                return True
        if self.table is None:
            return all(LABEL.fullmatch(text) for text in texts) and self._labels(line.cells, line)
        cells = self.columns.cells(line, "charges")
        if cells is not None and "Seq No" in cells:
            return self._charge_row(cells, line)
        if cells is not None and set(cells) == {"Description"} and self.charge is not None:
            return self._more_description(cells["Description"], line)
        sentence = self.columns.cells(line, "sentences")
        if self.table == "sentences" and sentence is not None and "Sentence Type" in sentence:
            return self._sentence_row(sentence, line)
        return False

    def _labels(self, cells: tuple[object, ...] | list[object], line: Line) -> bool:
        index = len(self.cases) - 1
        case = self.cases[index]
        for cell in cells:
            text = getattr(cell, "text", "")
            found = LABEL.fullmatch(text)
            if found is None or found[1] not in CASE_LABELS:
                self._unread(f"cases[{index}]", text, line, "a label this layout does not have")
                continue
            target, value = CASE_LABELS[found[1]], found[2].strip()
            if target is None or not value:
                continue
            name, kind = target
            if kind == "date":
                parsed = read_us_date(value)
                if parsed is None:
                    self._unread(f"cases[{index}].{name}", value, line, "not a date")
                    continue
                case.values[name] = parsed
            else:
                case.values[name] = value
            if name != "disposition_date":  # not a case field: each disposed charge takes it
                self._see(f"cases[{index}].{name}", value, line)
        return True

    def _charge_row(self, cells: dict[str, str], line: Line) -> bool:
        seq = cells["Seq No"]
        if not seq.isdigit():
            return False
        index = len(self.cases) - 1
        case = self.cases[index]
        if seq in case.charges:
            self._unread(f"cases[{index}]", line.text, line, f"charge {seq} is printed twice")
            return True
        charge: dict[str, object] = {}
        case.charges[seq] = charge
        self.charge = seq
        path = f"cases[{index}].charges[{len(case.charges) - 1}]"
        statute = cells.get("Statute")
        if statute:
            value = record_statute(statute)
            if value is None:
                self._unread(f"{path}.statute", statute, line, "not a Pennsylvania citation this reader knows")
            else:
                charge["statute"] = value
                self._see(f"{path}.statute", statute, line)
        grade = cells.get("Grade")
        if grade:
            if grade in GRADES_BY_JURISDICTION["PA"]:  # a summary is a Pennsylvania court's
                charge["grade"] = grade
                self._see(f"{path}.grade", grade, line)
            else:
                self._unread(f"{path}.grade", grade, line, "not a Pennsylvania grade")
        if cells.get("Description"):
            charge["description"] = cells["Description"]
            self._see(f"{path}.description", cells["Description"], line)
        printed = cells.get("Disposition", "")
        self._disposition(charge, path, printed, line)
        return True

    def _disposition(self, charge: dict[str, object], path: str, printed: str, line: Line) -> None:
        key = printed.lower()
        if not printed:
            self._unread(f"{path}.disposition", "", line, "no disposition printed: is the case still open?")
        elif key not in DISPOSITIONS:
            self._unread(f"{path}.disposition", printed, line, "a disposition this reader does not know")
        elif DISPOSITIONS[key] is None:
            self._unread(f"{path}.disposition", printed, line, UNREAD_DISPOSITIONS[key])
        else:
            charge["disposition"] = DISPOSITIONS[key]
            self._see(f"{path}.disposition", printed, line)
            disposed = self.cases[-1].values.get("disposition_date")
            if disposed is not None:
                charge["disposition_date"] = disposed
                self._see(f"{path}.disposition_date", f"Disp Date {disposed}", line, sure=0.8)

    def _more_description(self, text: str, line: Line) -> bool:
        index = len(self.cases) - 1
        charges = self.cases[index].charges
        assert self.charge is not None
        charge = charges[self.charge]
        charge["description"] = f"{charge.get('description', '')} {text}".strip()
        path = f"cases[{index}].charges[{list(charges).index(self.charge)}].description"
        self._see(path, str(charge["description"]), line, sure=0.9)
        return True

    def _sentence_row(self, cells: dict[str, str], line: Line) -> bool:
        if self.charge is None:
            return False
        index = len(self.cases) - 1
        case = self.cases[index]
        sentence = case.sentences.setdefault(self.charge, {})
        path = f"cases[{index}].charges[{list(case.charges).index(self.charge)}].sentence"
        kind = cells.get("Sentence Type", "")
        length = cells.get("Sentence Length")
        if kind == "Confinement":
            sentence["incarcerated"] = True
            self._see(f"{path}.incarcerated", kind, line)
            end, question = (
                "incarceration_end",
                "the summary prints the length, not the release date: when were you released?",
            )
        elif kind == "Probation":
            sentence["supervision"], sentence["probation_granted"] = "probation", True
            self._see(f"{path}.supervision", kind, line)
            self._see(f"{path}.probation_granted", kind, line)
            end, question = (
                "probation_end",
                "the summary prints the length, not the end date: when did probation end?",
            )
        elif kind == "No Further Penalty":
            sentence["incarcerated"] = False
            self._see(f"{path}.incarcerated", kind, line)
            return True
        else:
            self._unread(path, line.text, line, "a sentence this reader does not know")
            return True
        if length:
            self._unread(f"{path}.{end}", length, line, question)
        return True

    # -- values ----------------------------------------------------------------------------------

    def _see(self, path: str, text: str, line: Line, sure: float = 1.0) -> None:
        self.seen.append(Seen(path, text, Place(self.file, page=line.page, line=line.number), sure))

    def _unread(self, path: str, text: str, line: Line, reason: str) -> None:
        self.unread.append(Unread(path, text, Place(self.file, page=line.page, line=line.number), reason))

    def _reading(self) -> Reading:
        cases = []
        for draft in self.cases:
            values = {k: v for k, v in draft.values.items() if k != "disposition_date"}
            charges = tuple(
                Charge(id=seq, sentence=Sentence(**draft.sentences.get(seq, {})), **values_)  # type: ignore[arg-type]
                for seq, values_ in draft.charges.items()
            )
            cases.append(Case(id=draft.docket, docket_number=draft.docket, charges=charges, **values))  # type: ignore[arg-type]
        if not cases:
            self.notes.append("no cases were read from this summary")
        person = Person(
            id=str(self.person.get("name") or "person"),
            cases=tuple(cases),
            aliases=tuple(self.aliases),
            **self.person,  # type: ignore[arg-type]
        )
        return Reading(
            self.file,
            KIND,
            self.layout,
            person,
            tuple(self.seen),
            tuple(self.unread),
            tuple(self.notes),
            self.text.pages,
        )
