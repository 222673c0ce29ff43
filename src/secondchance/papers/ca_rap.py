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
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from ..records.model import Case, Charge, Person, Sentence
from ..relief.jurisdictions import read_citation
from ..relief.semantics import add_years_days
from .reading import DocumentRefused, Place, Reading, Seen, Unread

KIND: Final = "ca-rap-sheet"
LAYOUT: Final = "ca-doj-rap-text-v1"
#: Limits on work: bytes of a file, pages of a PDF, lines of text.
MAX_BYTES: Final = 8_000_000
MAX_PAGES: Final = 300
MAX_LINES: Final = 30_000

#: The grammar of a line: (kind, pattern). The first pattern that matches the whole line decides.
LINES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("blank", r"\s*"),
        ("restricted", r"RESTRICTED - DO NOT USE FOR EMPLOYMENT, LICENSING OR CERTIFICATION PURPOSES"),
        ("attn", r"ATTN: .*DATE:(?P<date>\d{8}) TIME:\d\d:\d\d"),
        ("source", r"\*\* III CALIFORNIA ONLY SOURCE RECORD"),
        ("cii", r"CII/(?P<cii>[A-Z]?\d{6,10})"),
        ("dob", r"DOB/(?P<dob>\d{8})?\s+SEX/\S*\s+RAC/.*"),
        ("name", r"NAM/(?P<n>\d{2,3})\s+(?P<name>\S.*)"),
        ("end", r"\* \* \* END OF MESSAGE \* \* \*"),
        ("cycle", r"\* \* \* \*"),
        ("event", r"- - - -"),
        ("arrest", r"ARR/DET/CITE:(?:\s+NAM:\d{2,3})?(?:\s+DOB:\d{8})?"),
        ("court", r"COURT:(?:\s+NAM:\d{2,3})?"),
        ("when", r"(?P<date>\d{8})\s+(?P<agency>CA[A-Z]{2})\s+(?P<place>\S.*)"),
        ("count", r"CNT:\s?(?P<n>\d{1,3})(?:\s+#(?P<number>\S+))?"),
        ("toc", r"\s+TOC:(?P<toc>[FMI])"),
        ("dispo", r"\s*\*?DISPO:(?P<text>\S.*)"),
        ("status", r"\s+CONV STATUS:(?P<status>FELONY|MISDEMEANOR|INFRACTION)"),
        ("sentence", r"\s+SEN:\s*(?P<text>\S.*)"),
        ("offense", r"\s{1,3}(?P<section>[0-9][0-9A-Z().\-]*)\s+(?P<code>PC|HS|VC|BP|WI)-(?P<desc>\S.*)"),
        ("more", r"\s{4,}(?P<text>\S.*)"),
    )
)
#: Relief a later court event records: the DISPO phrase, and the citation when the phrase has none.
RELIEF: Final[tuple[tuple[re.Pattern[str], str | None], ...]] = tuple(
    (re.compile(pattern), default)
    for pattern, default in (
        (r"CONV(?:ICTION)? SET ASIDE (?:&|AND) DISM(?:ISSED)? PER (?P<cite>.+)", None),
        (r"DISM(?:ISSED)? PER (?P<cite>1203\.4.*)", None),
        (r"REDUCED TO MISD(?:EMEANOR)? PER (?P<cite>.+)", None),
        (r"(?:RESENTENCED|REDESIGNATED(?: AS)? MISD(?:EMEANOR)?) PER (?P<cite>1170\.18.*)", None),
        (r"SEALED PER (?P<cite>.+)", None),
        (r"ARREST DEEMED NOT TO HAVE OCCURRED(?: PER)? (?P<cite>.+)", "PC"),
        (r"RELIEF GRANTED PER (?P<cite>.+)", None),
    )
)
#: Reductions: the offense is "a misdemeanor for all purposes" afterwards (§ 17(b); § 1170.18(k)).
REDUCTIONS: Final = ("PC-17(B)", "PC-1170.18")
DISPOSITIONS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"CONVICTED"), "convicted"),
    (re.compile(r"DISMISSED(?:/.*)?"), "dismissed"),
    (re.compile(r"(?:ACQUITTED|NOT GUILTY)(?:/.*)?"), "not_guilty"),
    (re.compile(r"PROS REJ(?:-.*)?"), "withdrawn"),
)
TERM: Final = re.compile(r"(?P<n>\d{1,3}) (?P<unit>DAYS|MONTHS|YEARS) (?P<what>PROBATION|JAIL|PRISON)")
GRADES: Final = {"F": "felony", "M": "misdemeanor", "I": "infraction"}
#: Why a count's sentence is left unknown after a later court event (a revocation reads more favourably
#: as the probation first imposed: it never ended in prison and parole).
RESENTENCED: Final = (
    "a later court event changed or may have changed this sentence (probation revoked?): "
    "when did your custody and your supervision end?"
)


def classify(line: str) -> tuple[str, re.Match[str] | None]:
    """The kind of a line in this layout's grammar, with its parts; ``("other", None)`` if none."""
    for kind, pattern in LINES:
        found = pattern.fullmatch(line)
        if found is not None:
            return kind, found
    return "other", None


def recognise(first_text: str, producer: str | None = None) -> bool:
    """Whether a document's first page looks like a California DOJ RAP sheet (for the reader registry)."""
    head = first_text[:4000]
    return "CII/" in head and ("ARR/DET/CITE" in head or "COURT:" in head or "RECORD REVIEW" in head)


@dataclass
class _Count:
    number: int
    place: Place
    seen: list[Seen] = field(default_factory=list)
    statute: str | None = None
    description: str | None = None
    toc: str | None = None
    status: str | None = None
    disposition: str | None = None
    disposition_date: date | None = None
    sentence: dict[str, object] = field(default_factory=dict)
    granted: list[str] = field(default_factory=list)
    reduced: Seen | None = None
    sentenced_on: date | None = None
    #: A later court event this reader cannot weigh (an unknown DISPO, a second sentence): what it printed.
    doubt: Unread | None = None


@dataclass
class _Cycle:
    number: int
    arrest_date: date | None = None
    county: str | None = None
    case_id: str | None = None
    counts: dict[int, _Count] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)


def _date(text: str) -> date | None:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


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
    def __init__(self, file: str, lines: list[str], pages: list[int] | None, today: date | None = None) -> None:
        self.today = today or date.today()
        self.file = file
        self.lines = lines
        self.pages = pages
        self.seen: list[Seen] = []
        self.unread: list[Unread] = []
        self.cycles: list[_Cycle] = []
        self.cii: str | None = None
        self.dob: date | None = None
        self.names: tuple[str, ...] = ()

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
        cycle: _Cycle | None = None
        event: str | None = None
        event_date: date | None = None
        count: _Count | None = None
        last = ""
        names: list[Seen] = []
        for index, ((kind, found), line) in enumerate(zip(classified, self.lines, strict=True)):
            if kind == "blank":
                continue
            at = self.place(index, cycle.number if cycle else None, count.number if count else None)
            if kind == "end":
                break
            if cycle is None:  # the header
                if kind == "cii" and found:
                    self.cii = found["cii"]
                    self.seen.append(Seen("id", line, at))
                elif kind == "dob" and found:
                    if found["dob"]:
                        self.dob = _date(found["dob"])
                        if self.dob is None:
                            self.unread.append(Unread("birth_date", line, at, "not a date"))
                        else:
                            self.seen.append(Seen("birth_date", found["dob"], at))
                elif kind == "name" and found:
                    names.append(Seen("name" if not names else f"aliases[{len(names) - 1}]", found["name"], at))
                elif kind == "cycle":
                    cycle = self._new_cycle()
                elif kind not in ("restricted", "attn", "source"):
                    self.unread.append(Unread("(header)", line.strip(), at, "not a header line this reader knows"))
                last = kind
                continue
            if kind == "cycle":
                cycle, event, count = self._new_cycle(), None, None
            elif kind == "event":
                event, count = None, None
            elif kind in ("arrest", "court"):
                event, event_date, count = kind, None, None
            elif kind == "when" and found and event is not None and last in ("arrest", "court"):
                event_date = _date(found["date"])
                if event_date is None and found["date"] != "00000000":
                    self.unread.append(Unread(self._case_field(cycle, "arrest_date"), line.strip(), at, "not a date"))
                if event == "arrest" and cycle.arrest_date is None and event_date is not None:
                    cycle.arrest_date = event_date
                    cycle.seen.append(Seen(self._case_field(cycle, "arrest_date"), found["date"], at))
                if event == "arrest" and found["agency"] == "CASO" and found["place"] != "UNKNOWN":
                    cycle.county = found["place"].strip().title()
                    cycle.seen.append(Seen(self._case_field(cycle, "county"), found["place"], at, sure=0.8))
            elif kind == "count" and found and event is not None:
                number = int(found["n"])
                count = cycle.counts.get(number)
                if count is None:
                    count = cycle.counts[number] = _Count(number, at)
                if found["number"] and cycle.case_id is None:
                    cycle.case_id = found["number"]
                    cycle.seen.append(Seen(self._case_field(cycle, "id"), found["number"], at))
            elif count is not None and kind in ("offense", "more", "toc", "dispo", "status", "sentence") and found:
                at = self.place(index, cycle.number, count.number)
                if not self._count_line(cycle, count, kind, found, line, at, event, event_date, last):
                    self.unread.append(
                        Unread(self._charge_field(cycle, count, "(count)"), line.strip(), at, "not read in this place")
                    )
            else:
                field_name = self._case_field(cycle, "(cycle)") if cycle else "(document)"
                self.unread.append(Unread(field_name, line.strip(), at, "not a line this reader knows"))
            last = kind if kind != "more" else last
        self.seen.extend(names)
        self.names = tuple(seen.text for seen in names)
        return self._reading()

    def _new_cycle(self) -> _Cycle:
        cycle = _Cycle(len(self.cycles) + 1)
        self.cycles.append(cycle)
        return cycle

    @staticmethod
    def _case_field(cycle: _Cycle, name: str) -> str:
        return f"cases[{cycle.number - 1}].{name}"

    @staticmethod
    def _charge_field(cycle: _Cycle, count: _Count, name: str) -> str:
        return f"cases[{cycle.number - 1}].charges[#{count.number}].{name}"

    def _count_line(
        self,
        cycle: _Cycle,
        count: _Count,
        kind: str,
        found: re.Match[str],
        line: str,
        at: Place,
        event: str | None,
        event_date: date | None,
        last: str,
    ) -> bool:
        path: Callable[[str], str] = lambda name: self._charge_field(cycle, count, name)  # noqa: E731
        if kind == "offense":
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
                count.seen.append(
                    Seen(path("statute"), f"{section} {found['code']}", at, sure=0.9 if inchoate else 1.0)
                )
            count.description = found["desc"].strip()
            count.seen.append(Seen(path("description"), found["desc"].strip(), at))
            return True
        if kind == "more":
            if last not in ("offense",) or count.description is None:
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
            return self._sentence(count, found["text"], at, event_date, path)
        # dispo
        text = found["text"].strip()
        for pattern, default in RELIEF:
            relief = pattern.fullmatch(text)
            if relief is not None:
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
        for pattern, disposition in DISPOSITIONS:
            if pattern.fullmatch(text):
                count.disposition = disposition
                count.seen.append(Seen(path("disposition"), text, at))
                if event == "court" and disposition != "withdrawn" and event_date is not None:
                    count.disposition_date = event_date
                    count.seen.append(Seen(path("disposition_date"), event_date.strftime("%Y%m%d"), at))
                return True
        self.unread.append(Unread(path("disposition"), text, at, "a disposition this reader does not know"))
        if count.disposition == "convicted":  # e.g. PROBATION REVOKED: the sentence read may no longer hold
            count.doubt = Unread(path("sentence"), text, at, RESENTENCED)
        return True

    def _sentence(self, count: _Count, text: str, at: Place, start: date | None, path: Callable[[str], str]) -> bool:
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

    def _reading(self) -> Reading:
        if self.cii is None:
            raise DocumentRefused(self.file, "no CII number in the header")
        cases = []
        for cycle in self.cycles:
            index = cycle.number - 1
            case_id = cycle.case_id or f"cycle-{cycle.number}"
            charges = []
            for position, number in enumerate(sorted(cycle.counts)):
                count = cycle.counts[number]
                grade = count.status or count.toc
                if count.reduced is not None:
                    grade = "misdemeanor"
                    count.seen.append(count.reduced)
                sentence = Sentence(**count.sentence)  # type: ignore[arg-type]
                if count.doubt is not None:
                    sentence = Sentence()
                    count.seen = [s for s in count.seen if ".sentence." not in s.field]
                    self.unread.append(count.doubt)
                charges.append(
                    Charge(
                        id=str(number),
                        statute=count.statute,
                        description=count.description,
                        grade=grade,
                        disposition=count.disposition,
                        disposition_date=count.disposition_date,
                        sentence=sentence,
                        relief_granted=";".join(count.granted) or None,
                    )
                )
                prefix = f"cases[{index}].charges[#{number}]."
                for seen in count.seen:
                    self.seen.append(
                        Seen(
                            seen.field.replace(prefix, f"cases[{index}].charges[{position}]."),
                            seen.text,
                            seen.place,
                            seen.sure,
                        )
                    )
            self.seen.extend(cycle.seen)
            cases.append(
                Case(
                    id=case_id,
                    jurisdiction="CA",
                    county=cycle.county,
                    arrest_date=cycle.arrest_date,
                    charges=tuple(charges),
                )
            )
        unread = []
        for item in self.unread:
            found = re.match(r"cases\[(\d+)\]\.charges\[#(\d+)\]\.", item.field)
            if found:
                cycle = self.cycles[int(found[1])]
                position = sorted(cycle.counts).index(int(found[2])) if int(found[2]) in cycle.counts else 0
                item = Unread(
                    item.field.replace(found[0], f"cases[{found[1]}].charges[{position}]."),
                    item.text,
                    item.place,
                    item.reason,
                )
            unread.append(item)
        person = Person(
            id=self.cii,
            birth_date=self.dob,
            cases=tuple(cases),
            name=self.names[0] if self.names else None,
            aliases=self.names[1:],
        )
        return Reading(self.file, KIND, LAYOUT, person, tuple(self.seen), tuple(unread))


def _pdf_lines(path: str) -> tuple[list[str], list[int]]:
    """The PDF's text lines with their indentation (pypdf's layout mode keeps the monospaced columns).

    pypdf rather than pdfplumber: four times faster on these pages and as strict; nothing in the file is
    run (no JavaScript, no forms: only the text layer is read).
    """
    import pypdf

    try:
        document = pypdf.PdfReader(path, strict=False)
        if document.is_encrypted:
            raise DocumentRefused(path, "the PDF is encrypted; download an unprotected copy")
        count = len(document.pages)
    except DocumentRefused:
        raise
    except Exception as error:  # as above: any exception of the PDF layer is a damaged file here
        raise DocumentRefused(path, f"not a readable PDF ({type(error).__name__})") from None
    if count > MAX_PAGES:
        raise DocumentRefused(path, f"{count} pages; at most {MAX_PAGES} are read")
    lines: list[str] = []
    pages: list[int] = []
    for number in range(1, count + 1):
        try:
            text = document.pages[number - 1].extract_text(extraction_mode="layout")
        except Exception as error:  # pypdf raises many kinds on hostile pages (an AssertionError among them)
            raise DocumentRefused(path, f"page {number} cannot be read ({type(error).__name__})") from None
        texts = [line.rstrip() for line in text.splitlines()]
        if number == 1 and not any(texts):
            raise DocumentRefused(path, "the PDF has no text layer (a scan?); type the record instead")
        # the page header (CII/... RECORD REVIEW) and footer (Page n of m) belong to the printout, not the sheet
        body = [t for t in texts if not re.fullmatch(r"\s*(?:CII/\S+\s+RECORD REVIEW|Page \d+ of \d+)", t)]
        lines.extend(body)
        pages.extend([number] * len(body))
        if len(lines) > MAX_LINES:
            raise DocumentRefused(path, f"more than {MAX_LINES:,} lines; at most {MAX_LINES:,} are read")
    return lines, pages


def read_rap_sheet(path: str, today: date | None = None) -> Reading:
    """Read one RAP sheet file: ``.pdf`` (text layer) or text (UTF-8 or ASCII). Refuses other documents."""
    import os

    size = os.path.getsize(path)
    if size > MAX_BYTES:
        raise DocumentRefused(path, f"{size:,} bytes; at most {MAX_BYTES:,} are read")
    with open(path, "rb") as handle:
        head = handle.read(5)
    if head == b"%PDF-":
        lines, pages = _pdf_lines(path)
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
