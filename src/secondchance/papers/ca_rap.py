"""California DOJ RAP sheets (record review), as text or a text-layer PDF, read into a record.

A grammar, not slicing: every line is classified by one table of line patterns (``LINES``), and a
small state machine walks the classified lines (header, then cycles separated by ``* * * *``, events
separated by ``- - - -``, counts inside events). A cycle is one case; a count is one charge.

What becomes of what the sheet prints (docs/record-format.md for the fields):

* ``CII/`` -> the person's id; ``DOB/`` -> ``birth_date``; ``NAM/`` names -> ``name`` (seen, not a field
  of today's record).
* ``ARR/DET/CITE:`` date -> ``arrest_date``; ``CASO <COUNTY>`` -> ``county``; the first count's ``#number``
  -> the case id (the cycle number if none).
* ``CNT:01`` + ``459 PC-BURGLARY`` -> ``statute`` (as printed, read by the CA citation grammar; ``664-211 PC``
  is the attempt ``664/211 PC``) and ``description`` (a wrapped description is joined); ``TOC:F``/``M``/``I``
  -> ``grade`` unless ``CONV STATUS:`` says otherwise.
* ``DISPO:CONVICTED`` -> ``convicted`` on the court event's date; ``DISMISSED...`` -> ``dismissed``;
  ``ACQUITTED``/``NOT GUILTY`` -> ``not_guilty``; ``PROS REJ-...`` -> ``withdrawn`` (no charges filed).
* ``SEN:`` ``036 MONTHS PROBATION`` -> probation from the court date for the term; ``180 DAYS JAIL`` ->
  custody from the court date (county jail); ``002 YEARS PRISON`` -> state prison. Ends are the end of the
  term *imposed* (``sure`` 0.7: credits, early termination or revocation are not printed). ``FINE`` is
  unread: whether it is paid is not on the sheet.
* A later court event's ``DISPO:CONV SET ASIDE & DISM PER 1203.4 PC`` (and the other relief phrases in
  ``RELIEF``) -> ``relief_granted``; a § 17(b) or § 1170.18 reduction also makes ``grade`` misdemeanor.

Anything else inside a cycle is listed in ``unread`` with its text. A document without the layout's
fingerprint (restriction notice, ``ATTN:`` line, ``CII/``, cycles, end of message) is refused.

One job a module: the line grammar and phrases (``ca_rap_grammar``), the walk (here), the record the
walk's drafts make (``ca_rap_record``), a PDF's lines (``ca_rap_pdf``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ..relief.jurisdictions import read_citation
from ..relief.semantics import add_years_days
from .ca_rap_grammar import (
    DISPOSITIONS,
    GRADES,
    KIND,
    LAYOUT,
    LINES,
    MAX_BYTES,
    MAX_LINES,
    REDUCTIONS,
    RELIEF,
    RESENTENCED,
    TERM,
    classify,
    read_date,
)
from .ca_rap_pdf import pdf_lines
from .ca_rap_record import CountDraft, CycleDraft, record_reading
from .reading import DocumentRefused, Place, Reading, Seen, Unread

#: The grammar's names, read here by ``bulk.doj`` (the DOJ extract speaks the same phrases).
__all__ = [
    "DISPOSITIONS",
    "GRADES",
    "KIND",
    "LAYOUT",
    "LINES",
    "REDUCTIONS",
    "RELIEF",
    "classify",
    "read_rap_sheet",
    "read_text",
    "recognise",
]


def recognise(first_text: str, producer: str | None = None) -> bool:
    """Whether a document's first page looks like a California DOJ RAP sheet (for the reader registry)."""
    head = first_text[:4000]
    return "CII/" in head and ("ARR/DET/CITE" in head or "COURT:" in head or "RECORD REVIEW" in head)


def read_text(
    text: str, file: str = "rap-sheet.txt", pages: list[int] | None = None, today: date | None = None
) -> Reading:
    """Read a RAP sheet's text. ``pages`` gives each line's page (a PDF); refuses other documents.

    A term's end after ``today`` (default: the real today) has not happened: it is marked scheduled
    (``*_end_scheduled``), as docs/record-format.md asks of a release or supervision end still to come.
    """
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise DocumentRefused(file, f"{len(lines):,} lines; at most {MAX_LINES:,} are read")
    return _Reader(file, lines, pages, today).read()


class _Reader:
    """The walk: a header, then cycles of events of counts. Where the walk is (``cycle``, ``event`` and
    its date, ``count``, the ``last`` kind of line) decides what a line means."""

    def __init__(self, file: str, lines: list[str], pages: list[int] | None, today: date | None = None) -> None:
        self.today = today or date.today()
        self.file = file
        self.lines = lines
        self.pages = pages
        self.seen: list[Seen] = []
        self.unread: list[Unread] = []
        self.cycles: list[CycleDraft] = []
        self.cii: str | None = None
        self.dob: date | None = None
        self.names: tuple[str, ...] = ()
        self.name_lines: list[Seen] = []
        self.cycle: CycleDraft | None = None
        self.event: str | None = None
        self.event_date: date | None = None
        self.count: CountDraft | None = None
        self.last = ""

    def place(self, index: int, cycle: int | None = None, count: int | None = None) -> Place:
        if self.pages is not None:
            page = self.pages[index]
            first = self.pages.index(page)
            return Place(self.file, page=page, line=index - first + 1, cycle=cycle, count=count)
        return Place(self.file, line=index + 1, cycle=cycle, count=count)

    def fingerprint(self, kinds: list[str]) -> None:
        body = [k for k in kinds if k != "blank"]
        if "cii" not in body or not ({"arrest", "court"} & set(body)):
            raise DocumentRefused(
                self.file, "not a California DOJ RAP sheet (no CII number and no arrest or court event)"
            )
        expected = ["restricted", "attn", "source", "cii"]
        if body[:4] != expected or "end" not in body or "cycle" not in body:
            raise DocumentRefused(
                self.file,
                f"a RAP sheet in a layout this reader does not know (expected {LAYOUT}: restriction notice, ATTN line, "
                "source line, CII, cycles separated by '* * * *', END OF MESSAGE); refusing rather than misreading it",
            )

    def read(self) -> Reading:
        classified = [classify(line) for line in self.lines]
        self.fingerprint([kind for kind, _ in classified])
        for index, ((kind, found), line) in enumerate(zip(classified, self.lines, strict=True)):
            if kind == "blank":
                continue
            at = self.place(index, self.cycle.number if self.cycle else None, self.count.number if self.count else None)
            if kind == "end":
                break
            if self.cycle is None:
                self._header(kind, found, line, at)
                self.last = kind
                continue
            self._body(self.cycle, index, kind, found, line, at)
            self.last = kind if kind != "more" else self.last
        self.seen.extend(self.name_lines)
        self.names = tuple(seen.text for seen in self.name_lines)
        return record_reading(self.file, self.cii, self.dob, self.names, self.cycles, self.seen, self.unread)

    def _header(self, kind: str, found: re.Match[str] | None, line: str, at: Place) -> None:
        """A line before the first cycle: the CII number, birth date and names."""
        if kind == "cii" and found:
            self.cii = found["cii"]
            self.seen.append(Seen("id", line, at))
        elif kind == "dob" and found:
            if found["dob"]:
                self.dob = read_date(found["dob"])
                if self.dob is None:
                    self.unread.append(Unread("birth_date", line, at, "not a date"))
                else:
                    self.seen.append(Seen("birth_date", found["dob"], at))
        elif kind == "name" and found:
            names = self.name_lines
            names.append(Seen("name" if not names else f"aliases[{len(names) - 1}]", found["name"], at))
        elif kind == "cycle":
            self.cycle = self._new_cycle()
        elif kind not in ("restricted", "attn", "source"):
            self.unread.append(Unread("(header)", line.strip(), at, "not a header line this reader knows"))

    def _body(
        self, cycle: CycleDraft, index: int, kind: str, found: re.Match[str] | None, line: str, at: Place
    ) -> None:
        """A line inside a cycle: a rule or event starts, an event's date, a count, or a count's line."""
        if kind == "cycle":
            self.cycle, self.event, self.count = self._new_cycle(), None, None
        elif kind == "event":
            self.event, self.count = None, None
        elif kind in ("arrest", "court"):
            self.event, self.event_date, self.count = kind, None, None
        elif kind == "when" and found and self.event is not None and self.last in ("arrest", "court"):
            self._when(cycle, found, line, at)
        elif kind == "count" and found and self.event is not None:
            number = int(found["n"])
            count = cycle.counts.get(number)
            if count is None:
                count = cycle.counts[number] = CountDraft(number, at)
            self.count = count
            if found["number"] and cycle.case_id is None:
                cycle.case_id = found["number"]
                cycle.seen.append(Seen(self._case_field(cycle, "id"), found["number"], at))
        elif self.count is not None and kind in ("offense", "more", "toc", "dispo", "status", "sentence") and found:
            count = self.count
            at = self.place(index, cycle.number, count.number)
            if not self._count_line(cycle, count, kind, found, line, at):
                self.unread.append(
                    Unread(self._charge_field(cycle, count, "(count)"), line.strip(), at, "not read in this place")
                )
        else:
            field_name = self._case_field(cycle, "(cycle)") if cycle else "(document)"
            self.unread.append(Unread(field_name, line.strip(), at, "not a line this reader knows"))

    def _when(self, cycle: CycleDraft, found: re.Match[str], line: str, at: Place) -> None:
        """An event's date line: the arrest date and county (``CASO <COUNTY>``) come from the arrest's."""
        self.event_date = read_date(found["date"])
        if self.event_date is None and found["date"] != "00000000":
            self.unread.append(Unread(self._case_field(cycle, "arrest_date"), line.strip(), at, "not a date"))
        if self.event == "arrest" and cycle.arrest_date is None and self.event_date is not None:
            cycle.arrest_date = self.event_date
            cycle.seen.append(Seen(self._case_field(cycle, "arrest_date"), found["date"], at))
        if self.event == "arrest" and found["agency"] == "CASO" and found["place"] != "UNKNOWN":
            cycle.county = found["place"].strip().title()
            cycle.seen.append(Seen(self._case_field(cycle, "county"), found["place"], at, sure=0.8))

    def _new_cycle(self) -> CycleDraft:
        cycle = CycleDraft(len(self.cycles) + 1)
        self.cycles.append(cycle)
        return cycle

    @staticmethod
    def _case_field(cycle: CycleDraft, name: str) -> str:
        return f"cases[{cycle.number - 1}].{name}"

    @staticmethod
    def _charge_field(cycle: CycleDraft, count: CountDraft, name: str) -> str:
        return f"cases[{cycle.number - 1}].charges[#{count.number}].{name}"

    def _count_line(
        self, cycle: CycleDraft, count: CountDraft, kind: str, found: re.Match[str], line: str, at: Place
    ) -> bool:
        """A line of a count; False when it is not read in this place (a wrapped line not after an offense)."""
        path: Callable[[str], str] = lambda name: self._charge_field(cycle, count, name)  # noqa: E731
        if kind == "offense":
            self._offense(count, found, line, at, path)
            return True
        if kind == "more":
            if self.last not in ("offense",) or count.description is None:
                return False
            count.description += " " + found["text"].strip()
            count.seen.append(Seen(path("description"), found["text"].strip(), at, sure=0.9))
            return True
        if kind == "toc":
            count.toc = GRADES[found["toc"]]
            count.seen.append(Seen(path("grade"), line.strip(), at))
            return True
        if kind == "status":
            count.status = found["status"].lower()
            count.seen.append(Seen(path("grade"), found["status"], at))
            return True
        if kind == "sentence":
            return self._sentence(count, found["text"], at, self.event_date, path)
        self._dispo(count, found["text"].strip(), at, path)
        return True

    def _offense(
        self, count: CountDraft, found: re.Match[str], line: str, at: Place, path: Callable[[str], str]
    ) -> None:
        """``459 PC-BURGLARY``: the statute (read by the CA citation grammar) and the description."""
        section = found["section"]
        inchoate = re.fullmatch(r"(664|182|653F)-(\S+)", section)
        printed = f"{inchoate[1]}/{inchoate[2]}" if inchoate else section
        statute = f"{printed} {found['code']}"
        if read_citation(statute, "CA") is None:
            self.unread.append(
                Unread(path("statute"), line.strip(), at, "a section the CA citation grammar cannot read")
            )
        else:
            count.statute = statute
            count.seen = [s for s in count.seen if not s.field.endswith((".statute", ".description"))]
            count.seen.append(Seen(path("statute"), f"{section} {found['code']}", at, sure=0.9 if inchoate else 1.0))
        count.description = found["desc"].strip()
        count.seen.append(Seen(path("description"), found["desc"].strip(), at))

    def _dispo(self, count: CountDraft, text: str, at: Place, path: Callable[[str], str]) -> None:
        """A ``DISPO:`` line: relief granted later, else the count's disposition, else unread."""
        if self._relief(count, text, at, path):
            return
        for pattern, disposition in DISPOSITIONS:
            if pattern.fullmatch(text):
                count.disposition = disposition
                count.seen.append(Seen(path("disposition"), text, at))
                if self.event == "court" and disposition != "withdrawn" and self.event_date is not None:
                    count.disposition_date = self.event_date
                    count.seen.append(Seen(path("disposition_date"), self.event_date.strftime("%Y%m%d"), at))
                return
        self.unread.append(Unread(path("disposition"), text, at, "a disposition this reader does not know"))
        if count.disposition == "convicted":  # e.g. PROBATION REVOKED: the sentence read may no longer hold
            count.doubt = Unread(path("sentence"), text, at, RESENTENCED)

    def _relief(self, count: CountDraft, text: str, at: Place, path: Callable[[str], str]) -> bool:
        """Whether ``text`` records relief (``RELIEF``); if so it is read into the count."""
        for pattern, default in RELIEF:
            relief = pattern.fullmatch(text)
            if relief is None:
                continue
            cite = relief["cite"].strip()
            canonical = read_citation(cite if default is None or " " in cite else f"{cite} {default}", "CA")
            if canonical is None:
                self.unread.append(
                    Unread(path("relief_granted"), text, at, "relief under a section that cannot be read")
                )
                return True
            if canonical not in count.granted:
                count.granted.append(canonical)
            count.seen.append(Seen(path("relief_granted"), text, at, sure=1.0 if default is None else 0.9))
            if canonical in REDUCTIONS:
                count.reduced = Seen(path("grade"), text, at, sure=0.9)
            return True
        return False

    def _sentence(
        self, count: CountDraft, text: str, at: Place, start: date | None, path: Callable[[str], str]
    ) -> bool:
        if count.sentenced_on is not None and start != count.sentenced_on:
            count.doubt = Unread(path("sentence"), text, at, RESENTENCED)  # sentenced again: revoked or modified
        count.sentenced_on = start
        for part in (p.strip() for p in text.split(",")):
            term = TERM.fullmatch(part)
            if term is None or start is None:
                reason = (
                    "a fine was imposed; whether it is paid is not on the RAP sheet"
                    if part == "FINE"
                    else "a sentence term this reader does not know"
                )
                name = "sentence.fines_costs_owed" if part == "FINE" else "sentence"
                self.unread.append(Unread(path(name), part, at, reason))
                continue
            n, unit = int(term["n"]), term["unit"]
            years, months, days = (n, 0, 0) if unit == "YEARS" else (0, n, 0) if unit == "MONTHS" else (0, 0, n)
            end = add_years_days(start, years, days, months)
            if term["what"] == "PROBATION":
                values: dict[str, object] = {
                    "supervision": "probation",
                    "probation_granted": True,
                    "probation_start": start,
                    "probation_end": end,
                }
            else:
                values = {
                    "incarcerated": True,
                    "incarceration_start": start,
                    "incarceration_end": end,
                    "state_prison": term["what"] == "PRISON",
                }
            if end > self.today:
                values["probation_end_scheduled" if term["what"] == "PROBATION" else "incarceration_end_scheduled"] = (
                    True
                )
            for name, value in values.items():
                count.sentence[name] = value
                sure = 0.7 if name.endswith("_end") else 0.9 if name.endswith("_start") else 1.0
                count.seen.append(Seen(path(f"sentence.{name}"), part, at, sure=sure))
        return True


def read_rap_sheet(path: str, today: date | None = None) -> Reading:
    """Read one RAP sheet file: ``.pdf`` (text layer) or text (UTF-8 or ASCII). Refuses other documents."""
    import os

    size = os.path.getsize(path)
    if size > MAX_BYTES:
        raise DocumentRefused(path, f"{size:,} bytes; at most {MAX_BYTES:,} are read")
    with open(path, "rb") as handle:
        head = handle.read(5)
    if head == b"%PDF-":
        lines, pages = pdf_lines(path)
        if len(lines) > MAX_LINES:
            raise DocumentRefused(path, f"{len(lines):,} lines; at most {MAX_LINES:,} are read")
        return _Reader(path, lines, pages, today).read()
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentRefused(path, "not text (and not a PDF)") from None
    if "\x00" in text:
        raise DocumentRefused(path, "not text (and not a PDF)")
    return read_text(text, path, today=today)
