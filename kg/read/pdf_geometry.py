"""Page geometry of a PDF with PDFium (pypdfium2, a C library pdfplumber already depends on): every
character with its box, font size and orientation, and every straight ruling segment of the drawn paths
(lines, rectangles, thin filled bars), in pdfplumber's coordinate convention (points, ``top`` measured
from the top of the page). PDFium reads a page in milliseconds where pdfminer's interpreter needs
most of a second for a printed spreadsheet page.
"""
from __future__ import annotations

from pathlib import Path

MIN_EDGE = 3.0  # points: shorter segments (ticks, the ends of a thin bar) are not ruling lines


class GeometryError(Exception):
    """PDFium could not open the file (encrypted, damaged); ``encrypted`` tells which."""

    def __init__(self, message: str, encrypted: bool = False):
        super().__init__(message)
        self.encrypted = encrypted


def _edges_of_path(obj, height: float, raw) -> list[dict]:
    import ctypes

    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        m.a, m.b, m.c, m.d, m.e, m.f = 1, 0, 0, 1, 0, 0
    x, y = ctypes.c_float(), ctypes.c_float()
    pts: list[tuple[float, float, int, bool]] = []
    for k in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, k)
        raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        px, py = m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f
        pts.append((px, py, raw.FPDFPathSegment_GetType(seg), bool(raw.FPDFPathSegment_GetClose(seg))))
    edges: list[dict] = []
    start = cur = None
    for px, py, kind, close in pts:
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = cur = (px, py)
            continue
        if cur is not None and kind == raw.FPDF_SEGMENT_LINETO:
            _add_edge(edges, cur, (px, py), height)
        cur = (px, py)
        if close and start is not None:
            _add_edge(edges, cur, start, height)
            cur = start
    return edges


def _add_edge(edges: list[dict], a: tuple[float, float], b: tuple[float, float], height: float) -> None:
    (x0, y0), (x1, y1) = a, b
    if abs(y0 - y1) < 1.0 and abs(x1 - x0) >= MIN_EDGE:
        top = height - (y0 + y1) / 2
        lo, hi = sorted((x0, x1))
        edges.append({"x0": lo, "x1": hi, "top": top, "bottom": top, "width": hi - lo, "height": 0,
                      "orientation": "h", "object_type": "line"})
    elif abs(x0 - x1) < 1.0 and abs(y1 - y0) >= MIN_EDGE:
        x = (x0 + x1) / 2
        top, bottom = sorted((height - y0, height - y1))
        edges.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0, "height": bottom - top,
                      "orientation": "v", "object_type": "line"})


def _blank_glyphs(page, tp, height: float, raw) -> list[tuple[float, float]]:
    """Origins (x, top) of the text objects that draw no character PDFium reports and have no extent: a space
    glyph. PDFium leaves out a space a line of a wrapped cell ends with (LibreOffice writes it as an object of
    its own), where pdfminer reads it: 「一般競争契約 」 over 「(総合評価)」 is the cell 「一般競争契約 (総合評価)」."""
    import ctypes

    lo, bo, ro, to = (ctypes.c_float() for _ in range(4))
    out: list[tuple[float, float]] = []
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_TEXT,), max_depth=8):
        if not raw.FPDFPageObj_GetBounds(obj.raw, ctypes.byref(lo), ctypes.byref(bo), ctypes.byref(ro),
                                         ctypes.byref(to)):
            continue
        if ro.value - lo.value > 0.01 or to.value - bo.value > 0.01:
            continue
        if raw.FPDFTextObj_GetText(obj.raw, tp.raw, None, 0) <= 2:  # the terminator alone: no text
            out.append((lo.value, height - to.value))
    return sorted(out)


def _blank_at(blanks: list[tuple[float, float]], x: float, top: float) -> bool:
    """A blank glyph's origin at (x, top), within half a point: right after a character on its baseline."""
    import bisect

    k = bisect.bisect_left(blanks, (x - 0.5, -1e9))
    while k < len(blanks) and blanks[k][0] <= x + 0.5:
        if abs(blanks[k][1] - top) <= 0.5:
            return True
        k += 1
    return False


def _next_below(tp, raw, i: int, ch: dict, height: float, nxt) -> bool:
    """The character after the ``i``-th (``ch``: its box from the page's top) starts below the middle of its line:
    the line ended there, though PDFium put no line break between the two lines of the wrapped cell (「契約」
    then 「(その」 run on). ``nxt`` gets that character's box (read_geometry reuses it as the next one's)."""
    import ctypes

    raw.FPDFText_GetLooseCharBox(tp.raw, i + 1, ctypes.byref(nxt))
    return height - nxt.top > (ch["top"] + ch["bottom"]) / 2


def read_geometry(path: str | Path) -> list[tuple[list[dict], list[dict]]]:
    """[(chars, edges)] per page. Raises GeometryError when PDFium cannot open the file."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        msg = str(e)
        raise GeometryError(msg, encrypted="password" in msg.lower() or "security" in msg.lower()) from None
    pages: list[tuple[list[dict], list[dict]]] = []
    ox, oy = ctypes.c_double(), ctypes.c_double()
    try:
        for page in pdf:
            _w, h = page.get_size()
            tp = page.get_textpage()
            chars: list[dict] = []
            box, nxt = raw.FS_RECTF(), raw.FS_RECTF()
            have = -1  # the character whose box nxt holds (_next_below read it already)
            blanks = _blank_glyphs(page, tp, h, raw)
            count = tp.count_chars()
            for i in range(count):
                code = raw.FPDFText_GetUnicode(tp.raw, i)
                if code in (0, 0xFFFE, 0xFFFF) or code in (0x0D, 0x0A, 0x09):
                    continue
                if raw.FPDFText_IsGenerated(tp.raw, i) == 1:
                    continue
                if code == 0x02:  # PDFium's mark for a hyphen that ends a line (「Wi-」「Fi」): the hyphen itself
                    code = 0x2D
                if have == i:
                    box, nxt = nxt, box
                else:
                    raw.FPDFText_GetLooseCharBox(tp.raw, i, ctypes.byref(box))  # the font's box: even line heights
                angle = raw.FPDFText_GetCharAngle(tp.raw, i)
                size = raw.FPDFText_GetFontSize(tp.raw, i)
                chars.append({"text": chr(code), "x0": box.left, "x1": box.right, "top": h - box.top,
                              "bottom": h - box.bottom, "size": size or (box.top - box.bottom),
                              "upright": not (0.5 < angle < 5.8)})
                end = False  # the line's end
                if blanks and i + 1 < count:
                    end = raw.FPDFText_GetUnicode(tp.raw, i + 1) in (0x0D, 0x0A) \
                        or raw.FPDFText_IsGenerated(tp.raw, i + 1) == 1
                    if not end:
                        have = i + 1
                        end = _next_below(tp, raw, i, chars[-1], h, nxt)
                if end:
                    raw.FPDFText_GetCharOrigin(tp.raw, i, ctypes.byref(ox), ctypes.byref(oy))
                    if _blank_at(blanks, box.right, h - oy.value):  # the space this line broke at, at the
                        mid = (box.left + box.right) / 2 + 0.001  # character's centre: in its cell, after it
                        chars.append({**chars[-1], "text": " ", "x0": mid, "x1": mid})
            edges: list[dict] = []
            for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=8):
                edges += _edges_of_path(obj.raw, h, raw)
            tp.close()
            page.close()
            pages.append((chars, edges))
    finally:
        pdf.close()
    return pages


__all__ = ["read_geometry", "GeometryError"]
