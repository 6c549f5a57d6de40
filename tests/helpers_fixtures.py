"""Test fixtures built at test time (no binary blobs in the repository).

``make_xlsx(seed_path, out_path, merge=True)`` writes the TAB grid of an Excel-text review sheet into a
real .xlsx workbook with openpyxl: numeric-looking cells become numbers with the matching number format
('3,209' -> 3209 '#,##0', '50%' -> 0.5 '0%', '0.2' -> 0.2), codes with leading zeros ('0038') and 法人番号
stay text, and (merge=True) every non-empty cell is merged with the blank cells to its right (up to 3),
as the printed forms do, so the reader must cope with merged ranges.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

_INT = re.compile(r"^-?(?:0|[1-9]\d{0,11})$")
_FLOAT = re.compile(r"^-?(?:0|[1-9]\d*)\.\d+$")
_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(?:,\d{3})+$")
_PERCENT = re.compile(r"^(\d+)%$")


def _typed(text: str) -> tuple[object, str]:
    if _INT.match(text):
        return int(text), "General"
    if _FLOAT.match(text):
        return float(text), "General"
    if _THOUSANDS.match(text):
        return int(text.replace(",", "")), "#,##0"
    m = _PERCENT.match(text)
    if m:
        return int(m[1]) / 100, "0%"
    return text, "General"


def write_grid(ws, lines: list[str], merge: bool = True) -> None:
    """Write TAB-separated ``lines`` into worksheet ``ws`` (row n = line n)."""
    for r, line in enumerate(lines, start=1):
        cells = line.split("\t")
        for c, text in enumerate(cells, start=1):
            if text == "":
                continue
            value, fmt = _typed(text)
            cell = ws.cell(row=r, column=c, value=value)
            cell.number_format = fmt
        if merge:
            c = 0
            while c < len(cells):
                if cells[c] != "":
                    k = c + 1
                    while k < len(cells) and cells[k] == "" and k - c <= 3:
                        k += 1
                    if k - 1 > c:
                        ws.merge_cells(start_row=r, start_column=c + 1, end_row=r, end_column=k)
                    c = k
                else:
                    c += 1


def make_xlsx(seed_path: str | Path, out_path: str | Path, merge: bool = True,
              extra_sheets: dict[str, list[str]] | None = None) -> Path:
    """Write the seed's TAB grid into a workbook at ``out_path`` (first sheet 'Sheet1')."""
    import openpyxl

    lines = Path(seed_path).read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    write_grid(ws, lines, merge=merge)
    for name, more in (extra_sheets or {}).items():
        write_grid(wb.create_sheet(name), more, merge=merge)
    out = Path(out_path)
    wb.save(out)
    return out


def load_gold_score() -> ModuleType:
    """../shared/tools/gold_score.py as a module (its facts() is the gold comparison rule)."""
    from tests.conftest import shared_path

    spec = importlib.util.spec_from_file_location("gold_score", shared_path("tools", "gold_score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
