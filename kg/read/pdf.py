"""PDF reader: page geometry or text layer -> RawDoc, pages in order (pdfplumber).

A PDF whose pages hold a ruled form (the review sheet printed from Excel by any producer) is read as a cell
grid (kg.read.pdf_grid: cells from the ruling lines, one TAB-separated line per form row, as an Excel text
export gives), so the same field mapping reads .xlsx, Excel text and such PDFs. A PDF without a ruled form
is read as text lines, as follows.

A form printed without ruling lines (its text lines hold cells side by side, a wide gap inside a line, in a
ROWS share of lines or more) is read one line per row, as pdfplumber's text gives it, for the row readers.
Otherwise (text whose cells stand apart: seed 002's kind) a vertical gap between two text lines (more than GAP
line heights) becomes a blank line, as pdftotext does, so that wrapped cells stay together. Pages are separated by one blank line (extractors treat blank lines as cell boundaries). Locators are
"p3:L12" (page 3, 12th text line of that page; "p3" for the separator). A PDF with no text at all is
refused as probably scanned; encrypted or corrupt files are refused naming the file.
"""
from __future__ import annotations

from pathlib import Path

from kg.read.base import RawDoc, ReadError, read_bytes, sha256_bytes
from kg.read.pdf_geometry import GeometryError, read_geometry
from kg.read.pdf_grid import MIN_CELLS, Cut, grid_lines, page_grid

GAP = 0.8  # a vertical gap wider than this many line heights ends a paragraph (like pdftotext)
ROWS = 0.2  # this share of text lines with cells side by side: a form laid out in rows (no paragraphs)
WIDE = 1.5  # a gap wider than this many character sizes between two characters of a line: cells side by side


def _laid_out_in_rows(text_lines: list[dict]) -> bool:
    """True when the text lines hold cells side by side (a wide gap inside a line) often enough to be a form's rows
    printed without ruling lines: each line is then a row of cells, as pdfplumber's text writes it, and a vertical
    gap is no paragraph's end (a taller row)."""
    wide = 0
    for tl in text_lines:
        ch = [c for c in tl["chars"] if c["text"].strip()]
        wide += any(b["x0"] - a["x1"] > WIDE * a["size"] for a, b in zip(ch, ch[1:], strict=False))
    return wide >= ROWS * max(len(text_lines), 1)


def read_pdf(path: str | Path, text_only: bool = False) -> RawDoc:
    """The PDF as a cell grid when its pages hold a ruled form, else (or with ``text_only``) as text lines."""
    p, data = read_bytes(path)
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError as e:  # pragma: no cover - dependency declared in pyproject
        raise ReadError(p, f"PDF support missing ({e.name}); install pdfplumber") from None
    lines: list[str] = []
    locators: list[str] = []
    try:
        geometry = [] if text_only else read_geometry(p)
    except GeometryError:
        geometry = []  # pdfplumber below says why (encrypted, damaged)
    grids = [page_grid(chars, edges, n) for n, (chars, edges) in enumerate(geometry, 1)]
    if any(g.cells >= MIN_CELLS for g in grids):  # a ruled form: the cell grid
        cut: dict[int, dict[int, tuple[Cut, ...]]] = {}
        lines, locators = grid_lines(grids, cut)
        if any(x.strip() for x in lines):
            return RawDoc(path=str(p), lines=lines, encoding="pdf", fmt="pdf", sha256=sha256_bytes(data),
                          locators=locators, cut_cells=cut)
        lines, locators = [], []
    try:
        with pdfplumber.open(p) as pdf:
            pages = [page.extract_text_lines(return_chars=True) for page in pdf.pages]
        rows = _laid_out_in_rows([tl for page in pages for tl in page])
        for n, page in enumerate(pages, 1):
            if lines:
                lines.append("")
                locators.append(f"p{n}")
            prev = None
            for k, tl in enumerate(page, 1):
                if not rows and prev is not None and tl["top"] - prev["bottom"] > GAP * (prev["bottom"] - prev["top"]):
                    lines.append("")  # a vertical gap: the next text belongs to another cell
                    locators.append(f"p{n}:L{k}")
                lines.append(tl["text"].rstrip())
                locators.append(f"p{n}:L{k}")
                prev = tl
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ReadError(p, "encrypted PDF (password required)") from None
    except ReadError:
        raise
    except Exception as e:  # pdfminer raises many types for damaged files
        inner = e.args[0] if e.args and isinstance(e.args[0], Exception) else e  # pdfplumber wraps pdfminer's
        name = type(inner).__name__
        if "Password" in name or "Encrypt" in name:
            raise ReadError(p, "encrypted PDF (password required)") from None
        raise ReadError(p, f"corrupt or unreadable PDF ({name}: {inner})") from None
    if not any(x.strip() for x in lines):
        raise ReadError(p, "no text layer (scanned PDF?)")
    return RawDoc(path=str(p), lines=lines, encoding="pdf", fmt="pdf", sha256=sha256_bytes(data),
                  locators=locators)


__all__ = ["read_pdf"]
