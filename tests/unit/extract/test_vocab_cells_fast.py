"""review_pdf._vocab_cells looks only at the lines that can be its cells (speed17): the 会計区分, 実施方法, 主要経費
and 主要政策・施策 it reads, and their spans in the lines' order, are those of the plain pass over every line it
replaced — on lines shaped as PDF text writes these cells (label and cell on one line, the cell alone, a label
cut, the same words in running text) and on random mixes of them. A vocabulary word without its label is a cell
only as a paragraph of its own, on one line or wrapped (wrong20: 「防災」 among the 施策 cell's wrapped lines is not)."""
from __future__ import annotations

import random

from kg.extract import fields
from kg.extract import review_pdf as rp
from kg.records import new_record, span, warn


def plain(rec, L, hi):
    """The pass over lines 1..hi that _vocab_cells replaced."""
    methods_hi = rp._first_in(L, "予算額・執行額") or hi
    for i in range(1, hi + 1):
        t = L[i - 1]
        if not rec["accounts"]:
            m = rp._ACCOUNT_CELL.match(t) if "会計" in t else None
            if m:
                rec["accounts"] = fields.split_list(m.group(1).replace(" ", "、"))
                span(rec, "accounts", i)
        if not rec["implementation_methods"] and i < methods_hi and rp._ANY_METHOD.search(t):
            parts = fields.split_list(rp._METHODS_LABEL.sub("", t))
            if parts and all(p in rp._METHODS for p in parts):
                rec["implementation_methods"] = parts
                span(rec, "implementation_methods", i)
        for key, vocab, label, word in rp._VOCAB_FIELDS:
            if rec[key] is None:
                v = label.sub("", t) if t.startswith(word) else alone(L[:hi], i - 1, vocab, word)
                if v in vocab:
                    rec[key] = v
                    span(rec, key, i)
    for key in ("accounts", "implementation_methods"):
        if not rec[key]:
            warn(rec, f"{key}_missing", f"no {key} cell found", field=key)


def alone(head, k, vocab, word):
    """The vocabulary word line ``k`` (0-based) starts as a cell of its own: a blank-separated paragraph that is the
    word, on one line (maybe right after a line closing its text with 「)」 or 「。」) or wrapped over up to three (not
    one starting with the label's word); else None."""
    end = next((j for j in range(k + 1, len(head)) if not head[j].strip()), len(head))
    if end - k == 1 and head[k] in vocab and (not k or not head[k - 1].strip() or head[k - 1].endswith((")", "。"))):
        v = head[k]
    elif k and head[k - 1].strip():
        return None
    elif end - k <= 3 and head[k] in rp._vocab_heads(vocab):
        v = fields.join_wrapped(head[k:end])
    else:
        return None
    return v if v in vocab and not v.startswith(word) else None


def both(L, hi=None):
    hi = len(L) if hi is None else hi
    rp._squashed.clear()
    rp._joined.clear()
    a, b = new_record("review_sheet", "x"), new_record("review_sheet", "x")
    rp._vocab_cells(a, L, hi)
    plain(b, L, hi)
    assert list(a["provenance"]["spans"].items()) == list(b["provenance"]["spans"].items())
    assert a == b
    return a


PIECES = ["会計区分 一般会計", "一般会計", "東日本大震災復興特別会計", "会計区分", "会計検査院の指摘を踏まえ",
          "実施方法 直接実施、委託・請負", "委託・請負", "補助", "その他", "実施方 補助", "直接実施 補助金の交付",
          "主要経費 社会保障", "社会保障", "主要経費", "主要経費 国債費", "主要政策・施策 地方創生", "地方創生",
          "主要政策・施策", "IT戦略", "主要経費の内訳", "予算額・執行額(単位:百万円)", "", "事業名 地方創生推進交付金",
          "科学技術振興", "主要政策・施策 科学技術・イノベーション", "計 一般会計 12", "地球温暖化対策計画(令和2年10月16日閣議決定)"]


def test_cells_read_as_the_plain_pass():
    rec = both(["事業名 x", "会計区分 一般会計", "実施方法 委託・請負", "社会保障", "主要経費 国債費",
                "主要政策・施策 地方創生", "予算額・執行額(単位:百万円)", "補助"])
    assert rec["accounts"] == ["一般会計"] and rec["implementation_methods"] == ["委託・請負"]
    # (the first line that reads: 「社会保障」 between two lines is no cell of its own, 「主要経費 国債費」 is)
    assert rec["major_expense"] == "国債費" and rec["major_policy"] == "地方創生"
    assert list(rec["provenance"]["spans"]) == ["accounts", "implementation_methods", "major_expense", "major_policy"]
    rec = both(["事業名 x", "", "社会保障", "", "主要経費 国債費"])
    assert rec["major_expense"] == "社会保障"  # (a paragraph of its own: a cell)
    rec = both(["予算額・執行額(単位:百万円)", "補助", "主要政策・施策 IT戦略", "主要経費 国債費", "一般会計"])
    assert rec["implementation_methods"] == [] and rec["major_policy"] == "IT戦略" and rec["major_expense"] == "国債費"
    assert [w["code"] for w in rec["warnings"]] == ["implementation_methods_missing"]


def test_random_mixes_read_as_the_plain_pass():
    rng = random.Random(17)
    for _ in range(3000):
        L = [rng.choice(PIECES) for _ in range(rng.randint(0, 14))]
        both(L, rng.randint(0, len(L)))
