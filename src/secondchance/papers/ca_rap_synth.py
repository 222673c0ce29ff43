"""Synthetic California DOJ RAP sheets: seeded people, printed as text or as a text-layer PDF.

No real person: names, CII numbers and case numbers are drawn from small made-up pools. The layout
follows the DOJ record review as clinics describe it and Code for America's parser reads it: a header
(restriction notice, CII, DOB, names), cycles separated by ``* * * *``, events inside a cycle separated
by ``- - - -`` (``ARR/DET/CITE:`` arrests, ``COURT:`` dispositions), ``CNT:01`` counts with the section
before its code (``459 PC-BURGLARY``), ``DISPO:``/``CONV STATUS:``/``SEN:`` lines, later court events
that record relief (``DISPO:CONV SET ASIDE & DISM PER 1203.4 PC``), and descriptions wrapped onto an
indented next line.

A person is drawn in what a RAP sheet can print (``printable``), so that record -> sheet -> record is
exact: sentence ends are the sentencing date plus the term printed (``SEN: 036 MONTHS PROBATION``).
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass, field, replace
from datetime import date

from ..records.model import Case, Charge, Person, Sentence
from ..relief.semantics import add_years_days

LAYOUT = "ca-doj-rap-text-v1"
HEADER = "RESTRICTED - DO NOT USE FOR EMPLOYMENT, LICENSING OR CERTIFICATION PURPOSES"
CYCLE_RULE = "* * * *"
EVENT_RULE = "- - - -"
END = "* * * END OF MESSAGE * * *"
#: Width at which a count's description wraps onto the next line (as the DOJ printout does).
WRAP = 44

#: (printed section and code, description, type of charge): made-up pools of common offenses.
OFFENSES: tuple[tuple[str, str, str], ...] = (
    ("459 PC", "BURGLARY", "F"),
    ("484(A) PC", "THEFT OF PERSONAL PROPERTY", "M"),
    ("487(A) PC", "GRAND THEFT:MONEY/LABOR/PROPERTY OVER $950", "F"),
    ("496(A) PC", "RECEIVE/ETC KNOWN STOLEN PROPERTY", "F"),
    ("11350(A) HS", "POSSESS NARCOTIC CONTROLLED SUBSTANCE", "F"),
    ("11377(A) HS", "POSSESS CONTROLLED SUBSTANCE", "M"),
    ("11359 HS", "POSSESS MARIJUANA FOR SALE", "F"),
    ("23152(A) VC", "DUI ALCOHOL/DRUGS", "M"),
    ("23152(B) VC", "DUI 0.08 ALCOHOL", "M"),
    ("242 PC", "BATTERY", "M"),
    ("273.5(A) PC", "INFLICT CORPORAL INJURY ON SPOUSE/COHABITANT", "F"),
    ("211 PC", "ROBBERY", "F"),
    ("664-211 PC", "ATTEMPTED ROBBERY", "F"),
    ("288(A) PC", "LEWD OR LASCIVIOUS ACTS WITH CHILD UNDER 14 YEARS OF AGE", "F"),
    ("602 PC", "TRESPASSING", "M"),
    ("647(F) PC", "DISORDERLY CONDUCT:INTOXICATED DRUG/ALCOHOL", "M"),
    ("10851(A) VC", "TAKE VEHICLE WITHOUT OWNER'S CONSENT/VEHICLE THEFT", "F"),
    ("148(A)(1) PC", "OBSTRUCT/RESIST PUBLIC OFFICER/ETC", "M"),
)
COUNTIES = ("SAN FRANCISCO", "LOS ANGELES", "ALAMEDA", "SACRAMENTO", "SAN DIEGO", "FRESNO", "KERN", "CONTRA COSTA")
SURNAMES = ("RIVERA", "NGUYEN", "OKAFOR", "LINDQVIST", "MORALES", "PATEL", "KOWALSKI", "TANAKA", "BROOKS", "HADDAD")
GIVEN = ("ALEX", "JORDAN", "SAM", "TAYLOR", "CASEY", "MORGAN", "RILEY", "JAMIE", "AVERY", "QUINN")
#: Relief a later court event records, by canonical citation: the DISPO text the DOJ prints.
RELIEF_TEXT: dict[str, str] = {
    "PC-1203.4": "CONV SET ASIDE & DISM PER 1203.4 PC",
    "PC-1203.4A": "DISM PER 1203.4A PC",
    "PC-1203.41": "CONV SET ASIDE & DISM PER 1203.41 PC",
    "PC-1203.42": "CONV SET ASIDE & DISM PER 1203.42 PC",
    "PC-17(B)": "REDUCED TO MISD PER 17(B) PC",
    "PC-1170.18": "RESENTENCED PER 1170.18 PC",
    "PC-1203.425": "RELIEF GRANTED PER 1203.425 PC",
    "PC-851.91": "SEALED PER 851.91 PC",
    "PC-851.87": "ARREST DEEMED NOT TO HAVE OCCURRED PER 851.87 PC",
    "HS-11361.8": "RELIEF GRANTED PER 11361.8 HS",
}
#: The reductions: the offense is "a misdemeanor for all purposes" afterwards (§ 17(b); § 1170.18(k)).
REDUCTIONS = ("PC-17(B)", "PC-1170.18")


@dataclass
class Printed:
    """A generated sheet: its lines, the person it prints (with the name printed), and that name."""

    person: Person
    name: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _ymd(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _term(start: date, end: date) -> str | None:
    """The printed term (``036 MONTHS``, ``002 YEARS``, ``045 DAYS``) from ``start`` to ``end``, exactly."""
    for years in range(1, 30):
        if add_years_days(start, years, 0) == end:
            return f"{years:03d} YEARS"
    for months in range(1, 120):
        if add_years_days(start, 0, 0, months) == end:
            return f"{months:03d} MONTHS"
    days = (end - start).days
    return f"{days:03d} DAYS" if 0 < days < 1000 else None


def sentence_text(sentence: Sentence) -> str | None:
    """The ``SEN:`` line's text for a sentence the layout can print, or None if there is nothing to print."""
    parts = []
    if sentence.supervision == "probation" and sentence.probation_start and sentence.probation_end:
        term = _term(sentence.probation_start, sentence.probation_end)
        if term is None:
            raise ValueError("a probation term this layout cannot print")
        parts.append(f"{term} PROBATION")
    if sentence.incarcerated and sentence.incarceration_start and sentence.incarceration_end:
        term = _term(sentence.incarceration_start, sentence.incarceration_end)
        if term is None:
            raise ValueError("a custody term this layout cannot print")
        parts.append(f"{term} {'PRISON' if sentence.state_prison else 'JAIL'}")
    return ", ".join(parts) or None


def _count_lines(number: int, offense: str, description: str) -> list[str]:
    """The offense line, its description wrapped at a word onto indented lines (the reader joins with a space)."""
    parts = textwrap.wrap(description, WRAP, break_long_words=False, break_on_hyphens=False) or [description]
    return [f"  {offense}-{parts[0]}", *(f"      {part}" for part in parts[1:])]


def print_sheet(person: Person, name: str | None = None, requested: date = date(2026, 11, 23)) -> Printed:
    """The RAP sheet text for ``person`` (``printable`` people round-trip exactly through the reader).

    One ``NAM/`` line is printed: ``name``, else the person's own, else a made-up one; aliases are not.
    """
    name = name or person.name or "DOE, SAM"
    out = Printed(replace(person, name=name, aliases=()), name)
    add = out.lines.append
    add(HEADER)
    add(f"ATTN: RECORD REVIEW                          DATE:{_ymd(requested)} TIME:09:15")
    add("** III CALIFORNIA ONLY SOURCE RECORD")
    add("")
    add(f"CII/{person.id}")
    dob = f"DOB/{_ymd(person.birth_date)}" if person.birth_date else "DOB/"
    add(f"{dob}   SEX/X  RAC/UNKNOWN")
    add(f"NAM/01 {name}")
    for cycle in person.cases:
        county = cycle.county.upper() if cycle.county else "UNKNOWN"
        out.lines.extend(_arrest_event(cycle, county))
        out.lines.extend(_court_event(cycle, county))
        out.lines.extend(_relief_events(cycle, county, requested))
    add(END)
    return out


def _arrest_event(cycle: Case, county: str) -> list[str]:
    """The cycle's rule and its ``ARR/DET/CITE:`` event: every count, and ``PROS REJ`` for one not filed."""
    lines = [CYCLE_RULE, "ARR/DET/CITE:         NAM:01"]
    lines.append(f"{_ymd(cycle.arrest_date) if cycle.arrest_date else '00000000'}  CASO {county}")
    for number, charge in enumerate(cycle.charges, start=1):
        offense, description, toc = _offense(charge)
        lines.append(f"CNT:{number:02d}     #{cycle.id}" if number == 1 else f"CNT:{number:02d}")
        lines.extend(_count_lines(number, offense, description))
        lines.append(f"  TOC:{toc}")
        if charge.disposition == "withdrawn":
            lines.append("  DISPO:PROS REJ-INSUFFICIENT EVIDENCE")
    return lines


def _court_event(cycle: Case, county: str) -> list[str]:
    """The ``COURT:`` event of the counts decided in court (none if no count was)."""
    court = [c for c in cycle.charges if c.disposition in ("convicted", "dismissed", "not_guilty")]
    if not court:
        return []
    day = court[0].disposition_date
    lines = [EVENT_RULE, "COURT:                NAM:01", f"{_ymd(day) if day else '00000000'}  CASC {county}"]
    for number, charge in enumerate(cycle.charges, start=1):
        if charge.disposition not in ("convicted", "dismissed", "not_guilty"):
            continue
        offense, description, _ = _offense(charge)
        lines.append("")
        lines.append(f"CNT:{number:02d}     #{cycle.id}")
        lines.extend(_count_lines(number, offense, description))
        if charge.disposition == "convicted":
            lines.append("*DISPO:CONVICTED")
            grade = charge.grade
            if charge.relief_granted and any(r in charge.relief_granted.split(";") for r in REDUCTIONS):
                grade = "felony"  # printed as convicted; the later event reduces it
            lines.append(f"  CONV STATUS:{(grade or 'unknown').upper()}")
            sen = sentence_text(charge.sentence)
            if sen:
                lines.append(f"  SEN: {sen}")
        elif charge.disposition == "dismissed":
            lines.append("  DISPO:DISMISSED/FURTHERANCE OF JUSTICE")
        else:
            lines.append("  DISPO:ACQUITTED")
    return lines


def _relief_events(cycle: Case, county: str, requested: date) -> list[str]:
    """One later ``COURT:`` event for each relief granted to a count (``DISPO:`` the relief's phrase)."""
    lines: list[str] = []
    for number, charge in enumerate(cycle.charges, start=1):
        for grant in (charge.relief_granted or "").split(";"):
            if not grant:
                continue
            offense, description, _ = _offense(charge)
            lines += [EVENT_RULE, "COURT:                NAM:01", f"{_ymd(requested)}  CASC {county}", ""]
            lines.append(f"CNT:{number:02d}     #{cycle.id}")
            lines.extend(_count_lines(number, offense, description))
            lines.append(f"  DISPO:{RELIEF_TEXT[grant]}")
    return lines


def _offense(charge: Charge) -> tuple[str, str, str]:
    """The count's printed section and code, description and type of charge (``664/211 PC`` prints ``664-211 PC``)."""
    toc = {"felony": "F", "misdemeanor": "M", "infraction": "I"}.get(charge.grade or "", "M")
    printed = (charge.statute or "UNKNOWN").replace("/", "-")
    return printed, charge.description or "UNKNOWN", toc


#: Generated terms end by this day, before any real "today", so no generated end is a scheduled one.
LAST_END = date(2026, 11, 1)


def _convicted_sentence(rng: random.Random, day: date, felony: bool) -> Sentence:
    sentence = _drawn_sentence(rng, day, felony)
    if sentence.incarceration_end and sentence.incarceration_end > LAST_END:
        sentence = replace(
            sentence, incarcerated=None, incarceration_start=None, incarceration_end=None, state_prison=None
        )
    if sentence.probation_end and sentence.probation_end > LAST_END:
        sentence = replace(sentence, probation_granted=None, supervision=None, probation_start=None, probation_end=None)
    return sentence


def _drawn_sentence(rng: random.Random, day: date, felony: bool) -> Sentence:
    kind = rng.random()
    if felony and kind < 0.25:
        years = rng.randint(1, 6)
        return Sentence(
            incarcerated=True,
            incarceration_start=day,
            incarceration_end=add_years_days(day, years, 0),
            state_prison=True,
        )
    probation = kind < 0.85
    jail = rng.random() < 0.5
    months = rng.choice((12, 24, 36, 60))
    jail_days = rng.choice((10, 30, 45, 90, 180, 365))
    return Sentence(
        incarcerated=True if jail else None,
        incarceration_start=day if jail else None,
        incarceration_end=date.fromordinal(day.toordinal() + jail_days) if jail else None,
        state_prison=False if jail else None,
        probation_granted=True if probation else None,
        supervision="probation" if probation else None,
        probation_start=day if probation else None,
        probation_end=add_years_days(day, 0, 0, months) if probation else None,
    )


def person(seed: int) -> tuple[Person, str]:
    """One made-up person with 1-5 cycles, in what a RAP sheet prints; and the name printed."""
    rng = random.Random(seed)
    birth = date(rng.randint(1950, 2002), rng.randint(1, 12), rng.randint(1, 28))
    cases = []
    day = add_years_days(birth, 18, rng.randint(0, 2000))
    for n in range(rng.randint(1, 5)):
        day = date.fromordinal(min(day.toordinal() + rng.randint(30, 2500), date(2026, 6, 1).toordinal()))
        cases.append(_cycle(rng, day, n))
    cii = f"A{seed % 100_000_000:08d}"  # unique for consecutive seeds (an extract's people)
    name = f"{rng.choice(SURNAMES)}, {rng.choice(GIVEN)}"
    return Person(id=cii, birth_date=birth, cases=tuple(cases)), name


def _cycle(rng: random.Random, day: date, n: int) -> Case:
    """Cycle ``n`` (from 0), arrested on ``day``: one to three counts decided on one day."""
    county = rng.choice(COUNTIES)
    decided = min(date.fromordinal(day.toordinal() + rng.randint(20, 300)), LAST_END)
    charges = [_count(rng, h, decided) for h in range(rng.randint(1, 3))]
    return Case(
        id=f"{county[:2]}{day.year % 100:02d}{rng.randint(0, 999999):06d}-{n + 1}",
        jurisdiction="CA",
        county=county.title(),
        arrest_date=day,
        charges=tuple(charges),
    )


def _count(rng: random.Random, h: int, decided: date) -> Charge:
    """Count ``h`` (from 0): its offense, disposition, sentence and any relief granted since."""
    offense, description, toc = rng.choice(OFFENSES)
    roll = rng.random()
    disposition = (
        "convicted" if roll < 0.55 else "dismissed" if roll < 0.8 else "withdrawn" if roll < 0.93 else "not_guilty"
    )
    felony = toc == "F"
    grade = "felony" if felony else "misdemeanor"
    sentence = Sentence()
    granted: list[str] = []
    if disposition == "convicted":
        if felony and rng.random() < 0.2:
            grade = "misdemeanor"  # sentenced as a misdemeanor (e.g. a wobbler)
        sentence = _convicted_sentence(rng, decided, felony)
        if felony and rng.random() < 0.15:
            granted.append(rng.choice(REDUCTIONS))
            grade = "misdemeanor"
        if rng.random() < 0.2:
            granted.append(rng.choice(("PC-1203.4", "PC-1203.4A", "PC-1203.41", "PC-1203.425", "HS-11361.8")))
    elif disposition in ("dismissed", "withdrawn") and rng.random() < 0.1:
        granted.append(rng.choice(("PC-851.91", "PC-851.87")))
    return Charge(
        id=str(h + 1),
        statute=offense.replace("-", "/"),
        description=description,
        grade=grade,
        disposition=disposition,
        disposition_date=decided if disposition != "withdrawn" else None,
        sentence=sentence,
        relief_granted=";".join(granted) or None,
    )


def sheet(seed: int) -> Printed:
    """The RAP sheet of the made-up person ``seed``."""
    who, name = person(seed)
    return print_sheet(who, name)


#: Lines per PDF page (the DOJ printout is a monospaced listing).
PAGE_LINES = 56


def to_pdf(printed: Printed, path: str) -> int:
    """Write the sheet as a text-layer PDF (Courier, page header and footer); returns the page count."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    pages = [printed.lines[i : i + PAGE_LINES] for i in range(0, len(printed.lines), PAGE_LINES)] or [[]]
    pdf = canvas.Canvas(path, pagesize=letter, pageCompression=0)
    pdf.setTitle("California Department of Justice - Record Review")
    pdf.setAuthor("CA DOJ (synthetic test document)")
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Courier", 9)
        top = letter[1] - 40
        pdf.drawString(40, top, f"CII/{printed.person.id}   RECORD REVIEW")
        for n, line in enumerate(lines):
            pdf.drawString(40, top - 16 - 12 * n, line)
        pdf.drawString(40, 30, f"Page {number} of {len(pages)}")
        pdf.showPage()
    pdf.save()
    return len(pages)
