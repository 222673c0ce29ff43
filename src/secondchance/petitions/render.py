"""Renderers (adapters) of the document model: plain text (golden files, the CLI), HTML -> PDF with
WeasyPrint, DOCX with python-docx (for a lawyer to edit), and a ZIP of them all.

WeasyPrint and python-docx are imported only here, when a PDF or DOCX is asked for.
"""

from __future__ import annotations

import io
import textwrap
import zipfile
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .model import Document, Heading, Packet, PageBreak, Para, Signature, Table

TEMPLATES = Path(__file__).parent / "templates"
WIDTH = 96


def warning_text(doc: Document) -> str:
    if doc.do_not_file_before is None:
        return ""
    day = doc.do_not_file_before.isoformat()
    if doc.lang == "es":
        return f"NO PRESENTE ESTE DOCUMENTO ANTES DEL {day}."
    return f"DO NOT FILE BEFORE {day}. The court cannot grant it earlier."


def render_text(doc: Document) -> str:
    """The document as plain text: what the golden files hold (words, not layout)."""
    out: list[str] = []
    if doc.court:
        out.append(doc.court)
    if doc.caption:
        out.append(" | ".join(doc.caption.left) + "  ||  " + " | ".join(doc.caption.right))
    out.append("")
    out.append(doc.title)
    if doc.do_not_file_before:
        out.append(warning_text(doc))
    out.append("")
    for block in doc.blocks:
        if isinstance(block, Heading):
            out += ["", block.text.upper()]
        elif isinstance(block, Para):
            prefix = f"{block.number}. " if block.number else ""
            out.append(textwrap.fill(prefix + block.text, WIDTH, subsequent_indent=" " * len(prefix)))
        elif isinstance(block, Table):
            out.append(" | ".join(block.headers))
            out += [" | ".join(row) for row in block.rows]
        elif isinstance(block, Signature):
            out.append(f"{block.value or '_' * 30}  ({block.label})")
        elif isinstance(block, PageBreak):
            out.append("-" * 20)
    return "\n".join(out).rstrip() + "\n"


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


def render_html(doc: Document) -> str:
    return _environment().get_template("paper.html").render(doc=doc, warning=warning_text(doc))


def render_pdf(doc: Document) -> bytes:
    from ..printing import html_to_pdf  # WeasyPrint is heavy: imported only for PDFs

    return html_to_pdf(render_html(doc))


def render_docx(doc: Document) -> bytes:
    import docx  # python-docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    out = docx.Document()
    style = out.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11.5)
    if doc.court:
        p = out.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(doc.court).bold = True
    if doc.caption:
        table = out.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "\n".join(doc.caption.left)
        table.cell(0, 1).text = "\n".join(doc.caption.right)
    out.add_heading(doc.title, level=1)
    if doc.do_not_file_before:
        out.add_paragraph().add_run(warning_text(doc)).bold = True
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.add_heading(block.text, level=2)
        elif isinstance(block, Para):
            run = out.add_paragraph().add_run((f"{block.number}. " if block.number else "") + block.text)
            run.bold = block.bold
        elif isinstance(block, Table):
            table = out.add_table(rows=1 + len(block.rows), cols=len(block.headers))
            table.style = "Table Grid"
            for col, header in enumerate(block.headers):
                table.cell(0, col).text = header
            for r, row in enumerate(block.rows, start=1):
                for col, cell in enumerate(row):
                    table.cell(r, col).text = cell
        elif isinstance(block, Signature):
            out.add_paragraph(f"\n{block.value}\n{'_' * 40}\n{block.label}")
        elif isinstance(block, PageBreak):
            out.add_page_break()  # type: ignore[no-untyped-call]
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def packet_files(packet: Packet, formats: tuple[str, ...] = ("pdf", "docx")) -> dict[str, bytes]:
    """File name -> bytes for every document in each format (``pdf``, ``docx``, ``txt``)."""
    files: dict[str, bytes] = {}
    for doc in packet.documents:
        for fmt in formats:
            if fmt == "pdf":
                files[f"{doc.name}.pdf"] = render_pdf(doc)
            elif fmt == "docx":
                files[f"{doc.name}.docx"] = render_docx(doc)
            elif fmt == "txt":
                files[f"{doc.name}.txt"] = render_text(doc).encode("utf-8")
    return files


def zip_files(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))  # no server time in the archive
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()
