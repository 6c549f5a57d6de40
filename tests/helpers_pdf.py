"""Write small real PDFs for tests (reportlab, Japanese CID font); no binary fixtures are committed."""
from __future__ import annotations

from pathlib import Path

FONT = "HeiseiKakuGo-W5"


def _canvas(path: Path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(str(path), pagesize=A4), A4


def write_text_pdf(path: Path, pages: list[list[str]], size: int = 9) -> Path:
    """One text line per entry, top to bottom; an empty entry leaves a gap (a blank line when read)."""
    c, (_w, h) = _canvas(path)
    for lines in pages:
        c.setFont(FONT, size)
        y = h - 40
        for line in lines:
            if line:
                c.drawString(36, y, line)
            y -= size * (2.4 if not line else 1.3)
        c.showPage()
    c.save()
    return path


def write_blank_pdf(path: Path) -> Path:
    """A page with a drawn rectangle and no text at all (like a scan without OCR)."""
    c, _ = _canvas(path)
    c.rect(50, 50, 200, 100, fill=1)
    c.showPage()
    c.save()
    return path


def write_encrypted_pdf(path: Path, lines: list[str]) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", canPrint=0)
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=enc)
    c.setFont(FONT, 9)
    for k, line in enumerate(lines):
        c.drawString(36, 800 - 12 * k, line)
    c.showPage()
    c.save()
    return path
