""".xlsx / .xlsm workbooks -> RawDoc with the same TAB grid an Excel text export gives.

One line per sheet row, cells joined by TAB; a merged range keeps its value in the top-left cell only
(the other cells are blank, as Excel's text export writes them). Numbers are written as Excel displays
them for the common formats of the sheets (whole numbers without ".0", thousands separators for
'#,##0' formats, percentages for '%' formats). Worksheets are concatenated in workbook order with one
blank line between them (sheets without values are skipped); locators are "Sheet!R12".

Reading is bounded: the zip's directory gives every part's unpacked size, and a workbook whose parts unpack to
more than MAX_XLSX_XML_BYTES (a zip bomb: a few hundred KB holding a 400 MB sheet) is refused before any XML is
parsed; zipfile never inflates a part beyond its declared size. A sheet's grid is built from the cells that hold
values (never from the styled extent, and at most MAX_XLSX_CELLS cells).
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from kg.read.base import MAX_XLSX_CELLS, MAX_XLSX_XML_BYTES, RawDoc, ReadError, read_bytes, sha256_bytes


def _fmt_number(v: float | int, number_format: str) -> str:
    nf = number_format or "General"
    if "%" in nf:
        decimals = 0
        if "." in nf:
            decimals = len(nf.split(".", 1)[1].split("%", 1)[0].rstrip("_)"))
        return f"{v * 100:.{decimals}f}%"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if "," in nf and "#" in nf:
        if isinstance(v, int):
            return f"{v:,}"
        decimals = len(nf.split(".", 1)[1]) if "." in nf else 0
        return f"{v:,.{decimals}f}" if decimals else f"{round(v):,}"
    if isinstance(v, float):
        return repr(round(v, 10)).rstrip("0").rstrip(".") if "e" not in repr(v) else repr(v)
    return str(v)


def cell_text(value: object, number_format: str = "General") -> str:
    """One cell as text (the grid's cell string)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return _fmt_number(value, number_format)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return f"{value.year}/{value.month}/{value.day}"
        return f"{value.year}/{value.month}/{value.day} {value.hour}:{value.minute:02d}"
    if isinstance(value, dt.date):
        return f"{value.year}/{value.month}/{value.day}"
    s = str(value)
    return s.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


def check_unpacked_size(p: Path, z: zipfile.ZipFile, limit: int = MAX_XLSX_XML_BYTES) -> None:
    """Refuse a workbook whose parts unpack to more than ``limit`` bytes (the zip directory's sizes, which zipfile
    also enforces while inflating), naming the largest part."""
    infos = z.infolist()
    total = sum(i.file_size for i in infos)
    if total > limit:
        big = max(infos, key=lambda i: i.file_size)
        raise ReadError(p, f"workbook too large when unpacked: {total:,} bytes of parts > the limit of {limit:,} "
                           f"({big.filename}: {big.file_size:,} bytes from {big.compress_size:,} compressed); not read")


def _grid(ws, p: Path) -> list[tuple[int, list[str]]]:
    """(row number, cell texts) of the rows up to the last holding a value, built from the value cells only: sheets
    often style whole rows/columns (max_column 16384), which must not become a grid."""
    cells = getattr(ws, "_cells", None)
    if cells is None:  # pragma: no cover - other openpyxl internals
        cells = {(c.row, c.column): c for row in ws.iter_rows() for c in row}
    if len(cells) > MAX_XLSX_CELLS:
        raise ReadError(p, f"sheet {ws.title!r} has {len(cells):,} cells > the limit of {MAX_XLSX_CELLS:,}; not read")
    by_row: dict[int, dict[int, str]] = {}
    for (r, c), cell in cells.items():
        if cell.value is None or cell.value == "":
            continue
        text = cell_text(cell.value, getattr(cell, "number_format", "General"))
        if text:
            by_row.setdefault(r, {})[c] = text
    if not by_row:
        return []
    rows = []
    for r in range(1, max(by_row) + 1):
        vals = by_row.get(r, {})
        rows.append((r, [vals.get(c, "") for c in range(1, max(vals) + 1)] if vals else []))
    return rows


def read_xlsx(path: str | Path) -> RawDoc:
    """Read every worksheet of a workbook into one RawDoc (fmt 'xlsx'). Raises ReadError naming the file."""
    p, data = read_bytes(path)
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise ReadError(p, "openpyxl is not installed") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            check_unpacked_size(p, z)
    except zipfile.BadZipFile as e:
        raise ReadError(p, f"not an Excel workbook ({e})") from None
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException) as e:
        raise ReadError(p, f"not an Excel workbook ({e})") from None
    except KeyError as e:
        raise ReadError(p, f"corrupt workbook: missing part {e}") from None
    except Exception as e:  # openpyxl raises many kinds on malformed XML
        raise ReadError(p, f"corrupt workbook: {type(e).__name__}: {e}") from None
    lines: list[str] = []
    locators: list[str] = []
    try:
        for ws in wb.worksheets:
            rows = _grid(ws, p)
            if not rows:
                continue  # a sheet with no values
            if lines:
                lines.append("")
                locators.append(f"{ws.title}!R0")
            for r, cells in rows:
                lines.append("\t".join(cells))
                locators.append(f"{ws.title}!R{r}")
    finally:
        wb.close()
    if not any(x.strip() for x in lines):
        raise ReadError(p, "workbook has no cell values")
    return RawDoc(path=str(p), lines=lines, encoding="xlsx", fmt="xlsx", sha256=sha256_bytes(data),
                  locators=locators)


__all__ = ["read_xlsx", "cell_text"]
