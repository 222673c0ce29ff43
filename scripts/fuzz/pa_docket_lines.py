"""Fuzz the Pennsylvania docket and court summary grammars (papers/pa_docket.py, pa_summary.py) on their
input: the PDF's positioned lines.

Mutating PDF bytes mostly breaks their compressed streams before the grammar sees a line, so this
harness fuzzes a plain-text form of the lines the PDF layer gives (``papers_pdf.py`` fuzzes the bytes):
a first line ``producer<TAB>creator``, then one line per printed line,
``page top page_height<TAB>x0 x1 text<TAB>x0 x1 text...``.
"""

from __future__ import annotations

from dataclasses import replace

from papers_common import check_read

from secondchance.papers import pa_docket, pa_summary
from secondchance.papers.pdf import Cell, Line, PdfText, read_pdf
from secondchance.papers.synth_pa import docket_pdf, random_person
from secondchance.papers.synth_pa_summary import summary_pdf


def dump(text: PdfText) -> bytes:
    out = [f"{text.producer or ''}\t{text.creator or ''}"]
    for line in text.lines:
        cells = "\t".join(f"{c.x0:g} {c.x1:g} {c.text}" for c in line.cells)
        out.append(f"{line.page} {line.top:g} {line.page_height:g}\t{cells}")
    return "\n".join(out).encode()


def load(data: bytes) -> PdfText | None:
    """The lines back, or None where the bytes are not this form (not a docket's problem)."""
    try:
        head, *rows = data.decode("utf-8").split("\n")
        producer, creator = [*head.split("\t"), ""][:2]
        lines: list[Line] = []
        numbers: dict[int, int] = {}
        for row in rows:
            where, *cells = row.split("\t")
            page_text, top_text, height_text = where.split(" ")
            page = int(page_text)
            if not 1 <= page <= 60:
                return None
            numbers[page] = numbers.get(page, 0) + 1
            parsed = []
            for cell in cells:
                x0, x1, text = cell.split(" ", 2)
                parsed.append(Cell(float(x0), float(x1), text))
            lines.append(Line(page, numbers[page], float(top_text), float(height_text), tuple(parsed)))
    except ValueError:
        return None
    if not lines:
        return None
    return PdfText(producer or None, creator or None, max(line.page for line in lines), tuple(lines))


def seeds() -> dict[str, bytes]:
    out = {}
    for seed in (1, 2, 5):
        person = random_person(seed)
        for n, case in enumerate(person.cases[:2]):
            pdf = docket_pdf(replace(person, cases=(case,)), case)
            out[f"docket{seed}-{n}"] = dump(read_pdf(pdf, "seed.pdf"))
        out[f"summary{seed}"] = dump(read_pdf(summary_pdf(person), "seed.pdf"))
    return out


def one_input(data: bytes) -> None:
    text = load(data)
    if text is None:
        return
    summary = pa_summary.recognise(text.lines[0].text, text.producer)
    parser = pa_summary._Parser if summary else pa_docket._Parser
    check_read(lambda: parser("fuzz.pdf", text).parse())
