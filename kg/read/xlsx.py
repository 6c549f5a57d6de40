""".xlsx / .xlsm workbooks -> RawDoc with the same TAB grid an Excel text export gives.

One line per sheet row, cells joined by TAB; a merged range keeps its value in the top-left cell only
(the other cells are blank, as Excel's text export writes them). Numbers are written as Excel displays
them for the common formats of the sheets (whole numbers without ".0", thousands separators for
'#,##0' formats, percentages for '%' formats). Worksheets are concatenated in workbook order with one
blank line between them (sheets without values are skipped); locators are "Sheet!R12".
"""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from kg.read.base import RawDoc, ReadError, read_bytes, sha256_bytes


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


def _extent(ws) -> tuple[int, int]:
    """Last row/column holding a value: sheets often style whole rows/columns (max_column 16384)."""
    cells = getattr(ws, "_cells", None)
    if cells is None:  # pragma: no cover - other openpyxl internals
        return ws.max_row, ws.max_column
    used = [k for k, c in cells.items() if c.value is not None and c.value != ""]
    if not used:
        return 0, 0
    return max(r for r, _ in used), max(c for _, c in used)


def read_xlsx(path: str | Path) -> RawDoc:
    """Read every worksheet of a workbook into one RawDoc (fmt 'xlsx'). Raises ReadError naming the file."""
    p, data = read_bytes(path)
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise ReadError(p, "openpyxl is not installed") from None
    try:
        wb = openpyxl.load_workbook(p, read_only=False, data_only=True)
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
            max_row, max_col = _extent(ws)
            if not max_row:
                continue  # a sheet with no values
            if lines:
                lines.append("")
                locators.append(f"{ws.title}!R0")
            for r, row in enumerate(ws.iter_rows(min_row=1, max_row=max_row, min_col=1, max_col=max_col), start=1):
                cells = [cell_text(c.value, getattr(c, "number_format", "General")) for c in row]
                while cells and not cells[-1]:
                    cells.pop()
                lines.append("\t".join(cells))
                locators.append(f"{ws.title}!R{r}")
    finally:
        wb.close()
    if not any(x.strip() for x in lines):
        raise ReadError(p, "workbook has no cell values")
    return RawDoc(path=str(p), lines=lines, encoding="xlsx", fmt="xlsx", sha256=sha256_bytes(data),
                  locators=locators)


__all__ = ["read_xlsx", "cell_text"]
