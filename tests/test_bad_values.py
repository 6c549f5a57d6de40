"""Issue 8, values: impossible years, amounts like "1,2,3" / "約5", 法人番号 of 12/14 digits or failing the check
digit, negative totals — flagged with the raw text kept, never coerced silently. Each case edits one cell of a real
sheet (seed 000) and extracts it."""
from __future__ import annotations

import pytest

from kg.build.pipeline import BuildOptions, build
from kg.extract.dispatch import extract_path
from tests.conftest import SEEDS

SEED0 = SEEDS / "000_38c8df3bc6a1d4a3.txt"


def _edit(tmp_path, label: str, old: str, new: str):
    """Replace ``old`` by ``new`` in the first line that starts a row labelled ``label`` (found, not numbered)."""
    lines = SEED0.read_text(encoding="utf-8").split("\n")
    i = next(i for i, line in enumerate(lines) if label in line and old in line)
    lines[i] = lines[i].replace(old, new, 1)
    p = tmp_path / "edited.txt"
    p.write_text("\n".join(lines), encoding="utf-8")
    return extract_path(p), i + 1


def _codes(rec):
    return {w["code"] for w in rec["warnings"]}


def _payee(rec, block, rank):
    return next(p for p in rec["payees"] if (p["block"], p["rank"]) == (block, rank))


@pytest.mark.parametrize("raw,why", [("601000100181", "12 digits"), ("60100010018170", "14 digits"),
                                     ("7010001001817", "check digit 7 != 6")])
def test_bad_corporate_numbers_are_kept_raw_and_never_used(tmp_path, raw, why):
    rec, line = _edit(tmp_path, "株式会社柏屋本店", "6010001001817", raw)
    p = _payee(rec, "C", 3)
    assert p["corporate_number"] is None and p["corporate_number_raw"] == raw
    w = next(w for w in rec["warnings"] if w["code"] == "invalid_corporate_number")
    assert why in w["message"] and raw in w["message"]
    assert p["amount"] == 0 and p["name"] == "株式会社柏屋本店"  # the rest of the row is still read


@pytest.mark.parametrize("raw", ["約5", "1,2,3"])
def test_unparseable_amounts_are_unknown_and_flagged(tmp_path, raw):
    rec, _ = _edit(tmp_path, "当初予算", "\t4\t4\t4", f"\t{raw}\t4\t4")
    b2019 = next(b for b in rec["budget"] if b["fiscal_year"] == 2019)
    assert b2019["initial"] is None  # not 5, not 123
    w = next(w for w in rec["warnings"] if w["code"] == "bad_number")
    assert raw in w["message"]
    assert "budget_total_mismatch" in _codes(rec)  # and 計 no longer adds up: said, not hidden


def test_negative_total_is_flagged(tmp_path):
    rec, _ = _edit(tmp_path, "計", "\t4\t", "\t▲4\t")
    b2019 = next(b for b in rec["budget"] if b["fiscal_year"] == 2019)
    assert b2019["total"] is None  # issue 17: a 計 its parts do not add up to is withheld, not emitted
    assert {"withheld": -4} == {"withheld": next(w["value"] for w in rec["extra"]["withheld"]
                                                 if w["field"] == "budget[2019].total")}
    assert {"negative_amount", "budget_total_mismatch", "budget_total_withheld"} <= _codes(rec)


@pytest.mark.parametrize("raw,code,kept", [("令和99年度", "bad_fiscal_year", None),
                                           ("令和9年度", "start_after_sheet_year", 2027)])
def test_impossible_years_are_flagged(tmp_path, raw, code, kept):
    rec, _ = _edit(tmp_path, "事業開始年度", "平成15年度", raw)
    assert rec["start_fiscal_year"] == kept
    w = next(w for w in rec["warnings"] if w["code"] == code)
    assert w.get("field") == "start_fiscal_year"


def test_bad_values_do_not_stop_the_build(tmp_path):
    rec, _ = _edit(tmp_path, "株式会社柏屋本店", "6010001001817", "601000100181")
    src = tmp_path / "in"
    src.mkdir()
    (tmp_path / "edited.txt").rename(src / "edited.txt")
    (src / "good.txt").write_bytes((SEEDS / "003_dbf95f44c3587854.txt").read_bytes())
    report = build([str(src)], tmp_path / "out", BuildOptions(quiet=True, validate=False))
    status = {i["input"].rsplit("/", 1)[-1]: i["status"] for i in report["inputs"]}
    assert status == {"edited.txt": "warnings", "good.txt": "ok"}
    assert report["summary"]["malformed_corporate_numbers"] == {"wrong_length": 1}
    nt = (tmp_path / "out" / "graph.nt").read_text(encoding="utf-8")
    assert "corp/601000100181>" not in nt  # an invalid number never becomes a corporation
