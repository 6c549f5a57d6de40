"""主要な政策に係る政策評価の事前分析表 (PDF-text layout) -> policy_evaluation record.

PDF text extraction of this form scrambles the order of table cells, wraps every cell one short line
at a time and keeps full-width digits. Nothing here keys on the text of a particular document: the
extractor keys on the form's own labels (事前分析表, 実施政策, 予算額（執行額）, 政策の予算額・執行額,
＜…指標＞ tags, the "(N) 名称（平成16年度）" shape of a 達成手段) and on consistency checks:

- evaluation year: "（平成29年度実施政策）"; ministry: the monitoring mark "（総務省29－⑧）", else a
  ministry name in the 担当部局/作成責任者 cells, else the most frequent ministry name (warned).
- policy: "政策８：名称" (also 施策).
- goals: narrow-column paragraphs ending in こと/である before the 達成手段 table.
- indicators: number line ("1", "③" = main indicator) + name paragraph ending in a ＜…指標＞ tag;
  numbers and names that PDF order separated are paired in order, checked against 1..N.
- means: "(N) 名称（平成16年度）" blocks (a bare "(N)" whose name sits elsewhere is paired, in order,
  with an unnumbered name block); amount cells (予算額 / (執行額), ―, then 関連する指標 on the line of
  the last year's cell) fill the block's year slots, cells that arrive after the block is full go to
  the nearest earlier incomplete block; 行政事業レビュー事業番号 cells are assigned in means order
  when that agrees with every unambiguous nearest-block reading, else by nearest block (warned).

Everything not settled is a warning (kg.records.warn); every field gets a span.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.normalize.era import ERAS, guess_era
from kg.normalize.numbers import as_int_if_whole, parse_money
from kg.normalize.text import is_unknown, nfkc, squash
from kg.read.base import RawDoc
from kg.records import Record, new_record, span, warn

# 1府12省庁 (+ 内閣官房, 復興庁, デジタル庁, こども家庭庁, 委員会) and their 外局: name -> parent ministry.
MINISTRY_PARENT: dict[str, str] = {
    "内閣官房": "内閣官房", "内閣法制局": "内閣法制局", "人事院": "人事院", "内閣府": "内閣府",
    "宮内庁": "内閣府", "公正取引委員会": "内閣府", "国家公安委員会": "内閣府", "警察庁": "内閣府",
    "個人情報保護委員会": "内閣府", "カジノ管理委員会": "内閣府", "金融庁": "内閣府", "消費者庁": "内閣府",
    "こども家庭庁": "内閣府", "復興庁": "復興庁", "デジタル庁": "デジタル庁",
    "総務省": "総務省", "公害等調整委員会": "総務省", "消防庁": "総務省",
    "法務省": "法務省", "出入国在留管理庁": "法務省", "公安審査委員会": "法務省", "公安調査庁": "法務省",
    "外務省": "外務省", "財務省": "財務省", "国税庁": "財務省",
    "文部科学省": "文部科学省", "スポーツ庁": "文部科学省", "文化庁": "文部科学省",
    "厚生労働省": "厚生労働省", "中央労働委員会": "厚生労働省",
    "農林水産省": "農林水産省", "林野庁": "農林水産省", "水産庁": "農林水産省",
    "経済産業省": "経済産業省", "資源エネルギー庁": "経済産業省", "特許庁": "経済産業省", "中小企業庁": "経済産業省",
    "国土交通省": "国土交通省", "観光庁": "国土交通省", "気象庁": "国土交通省", "運輸安全委員会": "国土交通省",
    "海上保安庁": "国土交通省", "環境省": "環境省", "原子力規制委員会": "環境省",
    "防衛省": "防衛省", "防衛装備庁": "防衛省",
}
_MINISTRY_ALT = "|".join(sorted(map(re.escape, MINISTRY_PARENT), key=len, reverse=True))
_MINISTRY_RE = re.compile(_MINISTRY_ALT)
# monitoring mark "（総務省29－⑧）" (NFKC: "(総務省29-8)")
_MARK_RE = re.compile(rf"[(（]\s*({_MINISTRY_ALT})\s*(?:[RH令平]?\s*(?:元|\d{{1,2}}))\s*[-－―‐ー]\s*[^()（）\s]{{1,6}}\s*[)）]")
_EVAL_YEAR_RE = re.compile(r"(令和|平成)\s*(元|\d{1,2})\s*年度\s*実施\s*(?:政策|施策)")
_POLICY_RE = re.compile(r"^(?:名\s*)?(政策|施策)\s*([0-9０-９A-Za-zⅠ-Ⅻ.\-－‐()]{1,12}?)\s*[:：]\s*(.*)$")
_YEAR_SUFFIX = re.compile(r"[(（]\s*(令和|平成|昭和)\s*(元|\d{1,2})\s*年\s*度?\s*[)）]")
_MARKER = re.compile(r"^\((\d{1,3})\)\s*(.*)$")
_IND_NUM_LINE = re.compile(r"^(\d{1,2})$")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TAG_RE = re.compile(r"<[^<>]{0,20}指標>")
_REVIEW_RE = re.compile(r"^(?:新(?:\d{2}|元|R\d{1,2})-\d{3,4}|\d{4}|\d{4}-[^\s\d]{1,6}-\d{2}-\d{4}(?:-\d+)?)$")
_MONEY_RE = re.compile(r"^[▲△]?\d[\d,]*(?:\.\d+)?(?:百万円|千円|億円|万円)$")
_IND_LIST_RE = re.compile(r"^\d{1,2}(?:[,、・]\d{1,2})*$")
_YEAR_TOKEN = re.compile(r"^(令和|平成|昭和)?(元|\d{1,2})年度$")
_DATE_RE = re.compile(r"^(令和|平成|昭和)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_REVISION_RE = re.compile(r"\(\s*(令和|平成|昭和)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*改定\s*\)")
_END_LABELS = ("政策の予算額・執行額", "施策の予算額・執行額", "施政方針演説等の名称", "政策に関係する内閣の重要政策",
               "施策に関係する内閣の重要政策")
_LEAD_REJECT = tuple("【・※○◎●■□◆◇(")
_FIELD_LABELS = {"担当部局課室名": "bureaus", "作成責任者名": "responsible", "政策評価実施予定時期": "evaluation_schedule",
                 "政策の概要": "overview", "分野【政策体系上の位置付け】": "field", "基本目標【達成すべき目標及び目標設定の考え方・根拠】":
                 "basic_goal"}


# ------------------------------------------------------------------ small text helpers

def _join(parts: list[str]) -> str:
    from kg.extract.fields import join_wrapped

    return join_wrapped(parts)


def _era_year(era: str, n: str) -> int:
    return ERAS[era] + (1 if n == "元" else int(n))


def paragraphs(lines: list[str], lo: int = 1, hi: int | None = None) -> list[tuple[int, int]]:
    """(first, last) 1-based line ranges of blank-separated runs within lo..hi (also kg.extract.pdf_layout's)."""
    hi = len(lines) if hi is None else hi
    if 1 <= lo and 0 <= hi <= len(lines):  # the same runs from the positions of the blank lines
        out = []
        start = lo
        for i in [k for k, x in enumerate(lines[lo - 1:hi], lo) if not x]:
            if i > start:
                out.append((start, i - 1))
            start = i + 1
        if start <= hi:
            out.append((start, hi))
        return out
    out, start = [], None
    for i in range(lo, hi + 1):
        if lines[i - 1]:
            if start is None:
                start = i
        elif start is not None:
            out.append((start, i - 1))
            start = None
    if start is not None:
        out.append((start, hi))
    return out


_paragraphs = paragraphs  # this module's own name for it


# ------------------------------------------------------------------ amount lines

@dataclass
class _AmtLine:
    cells: list[dict]  # {"amount": v, "line": n, "executed"?: v}
    lead_exec: list[float | None]  # executed values before any amount on the line
    ind: list[str] | None  # 関連する指標 cell when the line ends with it
    units: list[str]


def _money(tok: str) -> float | None:
    return as_int_if_whole(parse_money(tok).value)


# Characters no token of an amount line has: a token is an amount with its unit, a (執行額), an unknown marker
# (blank or dashes, kg.normalize.text.UNKNOWN_MARKS) or a list of indicator numbers, matched as printed.
_NOT_IN_AMOUNT_LINE = re.compile(r"[^\s\d,.▲△()百千万億円、・\-－―‐—–−ー…/／]")
_UNITS = re.compile(r"百万円|千円|億円|万円")
_UNIT_SPACE, _MARK_SPACE, _SPACE_PAREN = (re.compile(r"([\d,.])\s+(百万円|千円|億円|万円)"), re.compile(r"([▲△(])\s+"),
                                          re.compile(r"\s+\)"))


def _amount_line(text: str, line: int) -> _AmtLine | None:
    """Classify an NFKC line made only of 予算額 / (執行額) / ― / 関連する指標 cells; None otherwise."""
    if _NOT_IN_AMOUNT_LINE.search(text):
        return None  # a token holding that character is none of the four kinds
    # each substitution only where its pattern's literal is (every unit ends in 円)
    t = _UNIT_SPACE.sub(r"\1\2", text) if "円" in text else text
    t = _MARK_SPACE.sub(r"\1", t) if "(" in t or "▲" in t or "△" in t else t
    t = _SPACE_PAREN.sub(")", t) if ")" in t else t
    toks = t.split()
    if not toks:
        return None
    kinds = []
    for tok in toks:
        if _MONEY_RE.match(tok):
            kinds.append("amt")
        elif tok.startswith("(") and tok.endswith(")") and (_MONEY_RE.match(tok[1:-1]) or is_unknown(tok[1:-1])):
            kinds.append("exe")
        elif is_unknown(tok):
            kinds.append("dash")
        elif _IND_LIST_RE.match(tok):
            kinds.append("ind")
        else:
            return None
    if not any(k in ("amt", "exe") for k in kinds) and not (len(kinds) >= 2 and kinds[0] == "dash"):
        return None  # a bare "―" or "3" line is not an amount line on its own
    ind = None
    if kinds[-1] == "ind" or (kinds[-1] == "dash" and len(kinds) >= 2 and kinds[-2] in ("amt", "dash")):
        last = toks[-1]
        ind = [] if kinds[-1] == "dash" else [x for x in re.split(r"[,、・]", last) if x]
        toks, kinds = toks[:-1], kinds[:-1]
    if "ind" in kinds:
        return None
    cells: list[dict] = []
    lead: list[float | None] = []
    units = [u for tok in toks if "円" in tok for u in _UNITS.findall(tok)]
    for tok, kind in zip(toks, kinds, strict=True):
        if kind == "amt":
            cells.append({"amount": _money(tok), "line": line})
        elif kind == "dash":
            cells.append({"amount": None, "line": line})
        else:
            inner = tok[1:-1]
            v = None if is_unknown(inner) else _money(inner)
            if cells and "executed" not in cells[-1]:
                cells[-1]["executed"] = v
            else:
                lead.append(v)
    return _AmtLine(cells, lead, ind, units)


# ------------------------------------------------------------------ 達成手段 blocks

@dataclass
class _Means:
    first: int  # first line of the name (or of the marker)
    name: str
    start_fy: int | None
    index: int | None = None
    name_lines: tuple[int, int] = (0, 0)
    marker_line: int | None = None
    slots: list[dict | None] = field(default_factory=list)
    ind: list[str] | None = None
    ind_line: int | None = None
    review: str | None = None
    review_line: int | None = None
    lines: list[int] = field(default_factory=list)

    def free_front(self) -> int:
        return sum(1 for s in self.slots if s is None)

    def can_take(self, al: _AmtLine) -> bool:
        c = len(al.cells)
        if al.ind is not None:
            if self.ind is not None:
                return False
            return c <= len(self.slots) and all(s is None for s in self.slots[len(self.slots) - c:])
        return 0 < c <= self.free_front()

    def take(self, al: _AmtLine) -> tuple[_Means, int] | None:
        """Fill slots; returns (self, slot) of the last cell filled."""
        k, last = len(self.slots), None
        if al.ind is not None:
            c = len(al.cells)
            for j, cell in enumerate(al.cells):
                self.slots[k - c + j] = cell
                last = k - c + j
            self.ind, self.ind_line = al.ind, al.cells[-1]["line"] if al.cells else None
        else:
            for cell in al.cells:
                j = self.slots.index(None)
                self.slots[j] = cell
                last = j
        return (self, last) if last is not None else None


def _name_with_suffix(parts: list[str]) -> tuple[str, int | None, str] | None:
    if not any("年" in p for p in parts) or not any("(" in p or "（" in p for p in parts):
        return None  # no （平成N年度）: the parts are NFKC text (pieces of extract's lines), so joining adds no 年, (
    if not _YEAR_SUFFIX.search("".join(parts)):
        # joining adds only a space between two ASCII letters or digits, which no match of _YEAR_SUFFIX holds
        # (its only ASCII run is \d{1,2}): a suffix in the joined text is one in the parts put together
        return None
    joined = _join(parts)
    for m in reversed(list(_YEAR_SUFFIX.finditer(joined))):
        rest = joined[m.end():].strip()
        if rest == "" or _amount_line(rest, 0) is not None or re.fullmatch(r"[―\-－ー\s]+", rest):
            name = joined[:m.start()].strip()
            if name:
                return name, _era_year(m.group(1), m.group(2)), rest
    return None


def _plausible_name(name: str) -> bool:
    return bool(name) and not name.startswith(_LEAD_REJECT) and not re.search(r"[:：。]", name)


def _find_blocks(L: list[str]) -> tuple[list[_Means], list[tuple[int, int]], list[str]]:
    """Named blocks (with or without marker), lone markers (N, line), rest text per block."""
    n = len(L)
    blocks: list[_Means] = []
    rests: list[str] = []
    lone: list[tuple[int, int]] = []
    used: set[int] = set()
    i = 1
    for k in [k for k, t in enumerate(L, 1) if t.startswith("(")]:  # a marker line starts with (
        if k < i:
            continue  # within a name found above
        i = k
        t = L[i - 1]
        m = _MARKER.match(t)
        if m:
            num, rest = int(m.group(1)), m.group(2).strip()
            parts, found, j = [rest], None, i
            while True:
                found = _name_with_suffix(parts)
                if found or j >= n or j - i >= 6 or not L[j]:
                    break
                if _MARKER.match(L[j]) or _amount_line(L[j], j + 1):
                    break
                j += 1
                parts.append(L[j - 1])
            if found and _plausible_name(found[0]):
                b = _Means(first=i, name=found[0], start_fy=found[1], index=num, name_lines=(i, j), marker_line=i)
                blocks.append(b)
                rests.append(found[2])
                used.update(range(i, j + 1))
                i = j + 1
                continue
            if not rest:
                lone.append((num, i))
                used.add(i)
        i += 1
    # unnumbered name blocks: a short paragraph ending in （平成N年度） followed by amount cells
    for a, b in _paragraphs(L):
        if a in used or b - a > 4:
            continue
        found = _name_with_suffix(L[a - 1:b])
        if not found or not _plausible_name(found[0]):
            continue
        nxt = next((k for k in range(b + 1, min(n, b + 4) + 1) if L[k - 1]), None)
        if not found[2] and (nxt is None or _amount_line(L[nxt - 1], nxt) is None):
            continue
        blk = _Means(first=a, name=found[0], start_fy=found[1], name_lines=(a, b))
        blocks.append(blk)
        rests.append(found[2])
        used.update(range(a, b + 1))
    order = sorted(range(len(blocks)), key=lambda k: blocks[k].first)
    return [blocks[k] for k in order], lone, [rests[k] for k in order]


def _assign_reviews(rec: Record, blocks: list[_Means], nums: list[tuple[str, int]]) -> None:
    """Give each block at most one 事業番号: means order when it agrees with proximity, else proximity."""
    if not nums:
        return
    prox: dict[int, list[str]] = {}
    num_line = {}
    for num, line in nums:
        num_line[num] = line
        owner = None
        for k, b in enumerate(blocks):
            if b.first <= line:
                owner = k if owner is None or b.first >= blocks[owner].first else owner
        if owner is not None:
            prox.setdefault(owner, []).append(num)
    confident = {k: v[0] for k, v in prox.items() if len(v) == 1}
    by_index = sorted(range(len(blocks)), key=lambda k: (blocks[k].index is None, blocks[k].index or 0, blocks[k].first))
    new = [x for x, _ in nums if x.startswith("新")]
    regular = sorted(x for x, _ in nums if not x.startswith("新"))
    assign: dict[int, str] = {}
    for x in new:
        owner = next((k for k, v in prox.items() if x in v), None)
        if owner is not None and owner not in assign:
            assign[owner] = x
    cands = [k for k in by_index if k not in assign]
    order: dict[int, str] | None = None
    if len(regular) <= len(cands):
        order = _monotone_match(cands, regular, prox)
    ok = order is not None and all(order.get(k, v) == v for k, v in confident.items() if k not in assign)
    if ok and order is not None:
        assign.update(order)
    else:
        warn(rec, "review_number_order", "行政事業レビュー事業番号 do not follow the means order; assigned each "
             "to the nearest preceding 達成手段 where unambiguous")
        taken = set(assign.values())
        for k, v in confident.items():
            if k not in assign and v not in taken:
                assign[k] = v
                taken.add(v)
        rest_b = [k for k in by_index if k not in assign]
        rest_n = [x for x in regular if x not in taken]
        if len(rest_b) == len(rest_n):
            assign.update(zip(rest_b, rest_n, strict=True))
    for k, x in assign.items():
        blocks[k].review, blocks[k].review_line = x, num_line[x]
    for x in sorted(set(num_line) - set(assign.values())):
        warn(rec, "review_number_unassigned", f"行政事業レビュー事業番号 {x} could not be tied to a 達成手段",
             line=num_line[x], field="means")


def _monotone_match(cands: list[int], nums: list[str], prox: dict[int, list[str]]) -> dict[int, str]:
    """Assign every number (ascending) to candidates (means order) monotonically, agreeing with prox most."""
    m, r = len(cands), len(nums)
    neg = -10 ** 9
    # best[i][j]: best score using first i candidates and first j numbers
    best = [[neg] * (r + 1) for _ in range(m + 1)]
    best[0][0] = 0
    for i in range(1, m + 1):
        for j in range(0, r + 1):
            v = best[i - 1][j]  # candidate i-1 gets no number
            if j and best[i - 1][j - 1] > neg:
                v = max(v, best[i - 1][j - 1] + (1 if nums[j - 1] in prox.get(cands[i - 1], []) else 0))
            best[i][j] = v
    out: dict[int, str] = {}
    i, j = m, r
    while i > 0 and j > 0:
        gain = 1 if nums[j - 1] in prox.get(cands[i - 1], []) else 0
        if best[i - 1][j - 1] > neg and best[i][j] == best[i - 1][j - 1] + gain:
            out[cands[i - 1]] = nums[j - 1]
            j -= 1
        i -= 1
    return out


def _standalone(L: list[str], i: int) -> bool:
    return (i == 1 or not L[i - 2]) and (i == len(L) or not L[i])


def _means(rec: Record, L: list[str], years: list[int], eval_year: int | None) -> tuple[int, int]:
    """Extract 達成手段 into rec['means']; returns the (first, last) lines of the 達成手段 region."""
    blocks, lone, rests = _find_blocks(L)
    if not blocks:
        warn(rec, "means_missing", "no 達成手段 \"(N) 名称（平成N年度）\" found", field="means")
        return len(L) + 1, len(L)
    region_lo = min([b.first for b in blocks] + [ln for _, ln in lone])
    region_hi = len(L)
    last_start = max(b.first for b in blocks)
    for i in range(last_start, len(L) + 1):
        s = squash(L[i - 1])
        if any(lab in s for lab in _END_LABELS):
            region_hi = i - 1
            break
    k = len(years)
    for b in blocks:
        b.slots = [None] * k
    # index: numbered blocks keep theirs; bare markers are paired in order with unnumbered blocks
    named = {b.index for b in blocks if b.index is not None}
    lone = [(num, ln) for num, ln in lone if num not in named]
    unnumbered = [b for b in blocks if b.index is None]
    for (num, ln), b in zip(sorted(lone, key=lambda x: x[1]), unnumbered, strict=False):
        b.index, b.marker_line = num, ln
    if len(lone) != len(unnumbered):
        warn(rec, "means_marker_mismatch", f"{len(lone)} bare (N) markers but {len(unnumbered)} unnumbered "
             "達成手段 names; pairing incomplete", field="means")
        nxt = max([b.index or 0 for b in blocks] + [0])
        for b in blocks:
            if b.index is None:
                nxt += 1
                b.index = nxt
                warn(rec, "means_index_guessed", f"達成手段 {b.name!r} has no (N) marker; numbered {nxt}",
                     line=b.first, field=f"means[{nxt}]")
    # walk the region: amount cells and 事業番号 cells
    starts = {b.name_lines[1]: (b, r) for b, r in zip(blocks, rests, strict=True)}
    name_line_set = {i for b in blocks for i in range(b.name_lines[0], b.name_lines[1] + 1)}
    nums: list[tuple[str, int]] = []
    cur: _Means | None = None
    last_target: tuple[_Means, int] | None = None

    def route(al: _AmtLine, line: int) -> None:
        nonlocal last_target
        for v in al.lead_exec:
            if last_target and "executed" not in (last_target[0].slots[last_target[1]] or {}):
                last_target[0].slots[last_target[1]]["executed"] = v
                last_target[0].lines.append(line)
            else:
                warn(rec, "means_executed_orphan", f"執行額 {v} not attributable to a 予算額 cell", line=line,
                     field="means")
        if not al.cells and al.ind is None:
            return
        target = cur if cur is not None and cur.can_take(al) else None
        if target is None:
            for b in sorted(blocks, key=lambda x: -x.first):
                if b.first <= line and b.can_take(al):
                    target = b
                    break
        if target is None:
            warn(rec, "means_amounts_orphan", f"amount cells not attributable to a 達成手段: {L[line - 1]!r}",
                 line=line, field="means")
            return
        got = target.take(al)
        target.lines.append(line)
        if got:
            last_target = got

    for i in range(region_lo, region_hi + 1):
        t = L[i - 1]
        if i in starts:
            cur = starts[i][0]
            cur.lines.extend(range(cur.name_lines[0], i + 1))
            if starts[i][1]:
                al = _amount_line(starts[i][1], i)
                if al:
                    route(al, i)
                elif is_unknown(starts[i][1].replace(" ", "")):
                    cur.ind, cur.ind_line = [], i
            continue
        if i in name_line_set or not t:
            continue
        c0 = t.lstrip(" ")[:1]  # a 事業番号 starts with 新 or a digit (\d's characters are all digits)
        if (c0 == "新" or c0.isdigit()) and _REVIEW_RE.match(t.replace(" ", "")) and _standalone(L, i):
            nums.append((t.replace(" ", ""), i))
            continue
        al = _amount_line(t, i)
        if al is not None:
            route(al, i)
            continue
        if cur is not None and _IND_LIST_RE.match(t) and _standalone(L, i) and cur.ind is None \
                and cur.free_front() == 0:
            cur.ind, cur.ind_line = [x for x in re.split(r"[,、・]", t) if x], i
    dup = [x for x, c in Counter(x for x, _ in nums).items() if c > 1]
    for x in dup:
        warn(rec, "review_number_duplicate", f"行政事業レビュー事業番号 {x} printed more than once", field="means")
    seen: set[str] = set()
    _assign_reviews(rec, blocks, [(x, ln) for x, ln in nums if not (x in seen or seen.add(x))])
    # output
    idx_count = Counter(b.index for b in blocks)
    for b in sorted(blocks, key=lambda x: (x.index, x.first)):
        key = f"means[{b.index}]"
        if idx_count[b.index] > 1:
            warn(rec, "means_index_duplicate", f"達成手段 ({b.index}) appears more than once", line=b.first, field=key)
        budget = []
        for y, s in zip(years, b.slots, strict=True):
            entry: dict = {"fiscal_year": y, "amount": None if s is None else s["amount"]}
            if s is None:
                warn(rec, "means_amount_missing", f"達成手段 ({b.index}) has no 予算額 cell for {y}", line=b.first,
                     field=key)
            elif "executed" in s:
                entry["executed"] = s["executed"]
            budget.append(entry)
        if b.ind is None:
            warn(rec, "means_indicators_missing", f"達成手段 ({b.index}) has no 関連する指標 cell", line=b.first,
                 field=key)
        if b.review is None:
            warn(rec, "means_review_number_missing", f"達成手段 ({b.index}) has no 行政事業レビュー事業番号",
                 line=b.first, field=key)
        if b.start_fy is not None and eval_year is not None and b.start_fy > eval_year:
            warn(rec, "means_start_after_evaluation", f"達成手段 ({b.index}) starts {b.start_fy} after the "
                 f"evaluation year {eval_year}", line=b.first, field=key)
        rec["means"].append({"index": b.index, "name": b.name, "start_fiscal_year": b.start_fy, "budget": budget,
                             "indicators": list(b.ind or []), "review_project_number": b.review})
        for ln in b.lines + [x for x in (b.marker_line, b.review_line, b.ind_line) if x]:
            span(rec, key, ln)
    idx = sorted(i for i in idx_count if i is not None)
    if idx and idx != list(range(1, len(idx) + 1)):
        warn(rec, "means_index_gap", f"達成手段 numbers are not 1..{len(idx)}: {idx}", field="means")
    return region_lo, region_hi


# ------------------------------------------------------------------ header fields

def _eval_year(rec: Record, L: list[str]) -> int | None:
    for i, t in enumerate(L, 1):
        m = _EVAL_YEAR_RE.search(t.replace(" ", ""))
        if m:
            rec["evaluation_fiscal_year"] = _era_year(m.group(1), m.group(2))
            span(rec, "evaluation_fiscal_year", i)
            return rec["evaluation_fiscal_year"]
    warn(rec, "evaluation_year_missing", "no \"（平成N年度実施政策）\" in the title", field="evaluation_fiscal_year")
    return None


def _ministry(rec: Record, L: list[str]) -> None:
    for i, t in enumerate(L, 1):
        m = _MARK_RE.search(t.replace(" ", ""))
        if m:
            rec["ministry"] = m.group(1)
            span(rec, "ministry", i)
            rec["extra"]["monitoring_mark"] = m.group(0)
            return
    for i, t in enumerate(L, 1):
        if squash(t).startswith(("担当部局課室名", "作成責任者名")):
            for j in range(i, min(len(L), i + 12) + 1):
                m = _MINISTRY_RE.search(L[j - 1])
                if m:
                    rec["ministry"] = m.group(0)
                    span(rec, "ministry", j)
                    return
    counts = Counter((m.group(0), i) for i, t in enumerate(L, 1) for m in _MINISTRY_RE.finditer(t))
    by_name = Counter()
    first: dict[str, int] = {}
    for (name, line), c in counts.items():
        by_name[name] += c
        first[name] = min(first.get(name, line), line)
    if by_name:
        name = sorted(by_name.items(), key=lambda x: (-x[1], first[x[0]]))[0][0]
        rec["ministry"] = name
        span(rec, "ministry", first[name])
        warn(rec, "ministry_guessed", f"no monitoring mark like （{name}29－⑧）; ministry taken as the most "
             f"frequent ministry name {name!r}", line=first[name], field="ministry")
    else:
        warn(rec, "ministry_missing", "no ministry name found", field="ministry")


def _policy(rec: Record, L: list[str]) -> None:
    for i, t in enumerate(L, 1):
        m = _POLICY_RE.match(t)
        if not m:
            continue
        number, name, last = nfkc(m.group(2)), m.group(3).strip(), i
        if not name and i < len(L) and L[i]:
            name, last = L[i], i + 1
        rec["policy"] = {"number": number, "name": name}
        span(rec, "policy", i, last)
        return
    warn(rec, "policy_missing", "no \"政策N：名称\" line found", field="policy")


def _years(rec: Record, L: list[str], eval_year: int | None) -> list[int]:
    # only 額 itself holds 額 under NFKC (checked over every code point), and no composition makes it
    label_lines = [i for i, t in enumerate(L, 1) if "額" in t and "予算額" in (s := squash(t)) and "執行額" in s]
    for lab in label_lines:
        for i in range(lab, min(len(L), lab + 15) + 1):
            toks = L[i - 1].replace("年 度", "年度").split()
            if len(toks) >= 2 and all(_YEAR_TOKEN.match(x) for x in toks):
                out = []
                for x in toks:
                    m = _YEAR_TOKEN.match(x)
                    if m.group(1):
                        out.append(_era_year(m.group(1), m.group(2)))
                    else:
                        n = 1 if m.group(2) == "元" else int(m.group(2))
                        out.append(guess_era(n, eval_year) if eval_year else _era_year("令和" if n < 10 else "平成",
                                                                                      m.group(2)))
                rec["extra"]["budget_years"] = out
                rec["provenance"]["spans"].setdefault("extra.budget_years", [i, i])
                return out
    if eval_year is None:
        warn(rec, "budget_years_missing", "no 予算額 year header and no evaluation year; means budgets unplaced",
             field="means")
        return []
    out = [eval_year - 2, eval_year - 1, eval_year]
    warn(rec, "budget_years_assumed", f"no 予算額（執行額） year header found; assumed {out}", field="means")
    return out


# ------------------------------------------------------------------ goals and indicators

def _goals(rec: Record, L: list[str], hi: int) -> None:
    for a, b in _paragraphs(L, 1, hi):
        parts = L[a - 1:b]
        if max(len(x) for x in parts) > 24:
            continue  # a line too long for the 施策目標 cell (checked before joining: the same test)
        text = _join(parts)
        if (re.search(r"(こと|である)。?$", text)
                and not text.startswith(_LEAD_REJECT) and not _TAG_RE.search(text)):
            span(rec, f"goals[{len(rec['goals'])}]", a, b)
            span(rec, "goals", a, b)
            rec["goals"].append(text)
    if not rec["goals"]:
        warn(rec, "goals_missing", "no 施策目標 cell (a paragraph ending in こと/である) found", field="goals")


def _ind_number(t: str) -> str | None:
    t = t.strip()
    if len(t) == 1 and t in _CIRCLED:
        return str(_CIRCLED.index(t) + 1)
    m = _IND_NUM_LINE.match(nfkc(t))
    return m.group(1) if m else None


def _indicators(rec: Record, raw: list[str], L: list[str], hi: int) -> None:
    paras = _paragraphs(L, 1, hi)
    tagged_doc = any(_TAG_RE.search(x) for x in L[:hi])
    main: list[str] = []
    found: list[tuple[str, str, int, int, int]] = []  # number, name, number line, name first, name last
    orphan_nums: list[tuple[str, int]] = []
    orphan_names: list[tuple[str, int, int]] = []
    consumed: set[int] = set()

    def name_of(a: int, b: int) -> tuple[str, list[str]] | None:
        parts, notes, tag = [], [], False
        for x in L[a - 1:b]:
            if tag:
                notes.append(x)
                continue
            m = _TAG_RE.search(x)
            if m:
                tag = True
                if x[:m.start()].strip():
                    parts.append(x[:m.start()])
                continue
            parts.append(x)
        if tagged_doc and not tag:
            return None
        return (_join(parts), notes) if parts else None

    notes_by: dict[str, list[str]] = {}
    for pi, (a, b) in enumerate(paras):
        if pi in consumed:
            continue
        num = _ind_number(raw[a - 1])
        if num is None:
            continue
        if raw[a - 1].strip() in _CIRCLED:
            main.append(num)
        if b > a:
            got = name_of(a + 1, b)
            if got:
                found.append((num, got[0], a, a + 1, b))
                notes_by[num] = got[1]
                continue
        # bare number: following paragraph(s) hold the name (bullet items joined)
        got, names, q = None, [], pi + 1
        while q < len(paras) and q - pi <= 3:
            qa, qb = paras[q]
            if _ind_number(raw[qa - 1]) is not None:
                break
            got = name_of(qa, qb)
            if got:
                break
            if not (L[qa - 1].startswith("・") and qb - qa <= 3):
                break
            names.append((_join(L[qa - 1:qb]), qa))
            q += 1
        if got and (not names or paras[q][0] and L[paras[q][0] - 1].startswith("・")):
            full = " ".join([x for x, _ in names] + [got[0]])
            first = names[0][1] if names else paras[q][0]
            found.append((num, full, a, first, paras[q][1]))
            notes_by[num] = got[1]
            consumed.update(range(pi + 1, q + 1))
        else:
            orphan_nums.append((num, a))
    taken_lines = {ln for f in found for ln in range(f[3], f[4] + 1)}
    for a, b in paras:
        if a in taken_lines or _ind_number(raw[a - 1]) is not None:
            continue
        if any(_TAG_RE.search(x) for x in L[a - 1:b]):
            got = name_of(a, b)
            if got:
                orphan_names.append((got[0], a, b))
                notes_by.setdefault(f"@{a}", got[1])
    have = {f[0] for f in found}
    gap_nums = [x for x in orphan_nums if x[0] not in have]
    for (num, nl), (name, a, b) in zip(sorted(gap_nums, key=lambda x: int(x[0])), orphan_names,
                                       strict=False):
        found.append((num, name, nl, a, b))
        notes_by[num] = notes_by.pop(f"@{a}", [])
        have.add(num)
    paired = {f[2] for f in found}
    for num, nl in orphan_nums:
        if nl not in paired:
            warn(rec, "indicator_number_orphan", f"測定指標 number {num} without a name", line=nl, field="indicators")
    for name, a, _b in orphan_names[len(gap_nums):]:
        warn(rec, "indicator_name_orphan", f"測定指標 name without a number: {name!r}", line=a, field="indicators")
    counts = Counter(f[0] for f in found)
    for f in sorted(found, key=lambda x: (int(x[0]), x[2])):
        if counts[f[0]] > 1 and any(i["number"] == f[0] for i in rec["indicators"]):
            warn(rec, "indicator_duplicate", f"測定指標 {f[0]} appears more than once", line=f[2], field="indicators")
            continue
        rec["indicators"].append({"number": f[0], "name": f[1]})
        span(rec, f"indicators[{f[0]}]", f[2])
        span(rec, f"indicators[{f[0]}]", f[3], f[4])
    nums = sorted(int(f["number"]) for f in rec["indicators"])
    if nums and nums != list(range(1, len(nums) + 1)):
        warn(rec, "indicator_gap", f"測定指標 numbers are not 1..{len(nums)}: {nums}", field="indicators")
    if not nums:
        warn(rec, "indicators_missing", "no 測定指標 found", field="indicators")
    rec["extra"]["main_indicators"] = sorted(set(main), key=int)
    notes = {k: v for k, v in notes_by.items() if v and not k.startswith("@")}
    if notes:
        rec["extra"]["indicator_notes"] = {k: _join(v) for k, v in sorted(notes.items(), key=lambda x: int(x[0]))}
    _indicator_values(rec, L, found, hi)


_BASE_TARGET = re.compile(r"^(.+?)\s*((?:令和|平成)?\s*(?:元|\d{1,2})年度)\s+(.+?)\s*((?:令和|平成)?\s*(?:元|\d{1,2})年度)$")


def _indicator_values(rec: Record, L: list[str], found: list, hi: int) -> None:
    """基準値/目標値 where the cell line "値 N年度 値 N年度" follows the indicator's name."""
    out: dict[str, dict] = {}
    for num, _name, _nl, _a, b in found:
        for i in range(b + 1, min(hi, b + 6) + 1):
            m = _BASE_TARGET.match(L[i - 1])
            if m and not _TAG_RE.search(L[i - 1]):
                out[num] = {"base": m.group(1), "base_year": m.group(2), "target": m.group(3),
                            "target_year": m.group(4), "line": i}
                nxt = next((k for k in range(i + 1, min(hi, i + 3) + 1) if L[k - 1]), None)
                if nxt and not _BASE_TARGET.match(L[nxt - 1]) and _ind_number(L[nxt - 1]) is None \
                        and len(L[nxt - 1]) <= 40 and not _TAG_RE.search(L[nxt - 1]):
                    out[num]["yearly_targets_raw"] = L[nxt - 1]
                break
    if out:
        rec["extra"]["indicator_values"] = {k: out[k] for k in sorted(out, key=int)}


# ------------------------------------------------------------------ extras

def _policy_budget(rec: Record, L: list[str], years: list[int]) -> None:
    for i, t in enumerate(L, 1):
        if "額" not in t:
            continue  # L is NFKC text: squash only drops its white space
        s = squash(t)
        if not any(s.startswith(lab) for lab in ("政策の予算額・執行額", "施策の予算額・執行額")):
            continue
        cells: list[dict] = []
        units: list[str] = []
        j = i + 1
        while j <= len(L) and j - i <= 12:
            if L[j - 1]:
                al = _amount_line(L[j - 1], j)
                if al is None:
                    break
                for v in al.lead_exec:
                    if cells and "executed" not in cells[-1]:
                        cells[-1]["executed"] = v
                cells.extend(al.cells)
                units.extend(al.units)
            j += 1
        out = []
        for y, c in zip(years, cells, strict=False):
            e = {"fiscal_year": y, "amount": c["amount"]}
            if "executed" in c:
                e["executed"] = c["executed"]
            out.append(e)
        if out:
            rec["extra"]["policy_budget"] = out
            span(rec, "extra.policy_budget", i, j - 1)
        if len(cells) != len(years):
            warn(rec, "policy_budget_cells", f"政策の予算額・執行額: {len(cells)} cells for {len(years)} years",
                 line=i, field="extra.policy_budget")
        odd = sorted(set(u for u in units if u != "百万円"))
        if odd:
            warn(rec, "policy_budget_unit", f"政策の予算額・執行額 printed with unit(s) {odd}; values converted to "
                 "百万円 as printed (likely a misprint of 百万円)", line=i, field="extra.policy_budget")
        # cross-check: sum of the means' amounts per year
        check = {}
        for e in out:
            vals = [b["amount"] for m in rec["means"] for b in m["budget"] if b["fiscal_year"] == e["fiscal_year"]]
            if vals and e["amount"] is not None:
                check[str(e["fiscal_year"])] = {"means_sum": as_int_if_whole(round(sum(v or 0 for v in vals), 6)),
                                                "total": e["amount"]}
        if check:
            rec["extra"]["policy_budget_check"] = check
        return


def _cabinet_policies(rec: Record, L: list[str], lo: int) -> None:
    """政策に関係する内閣の重要政策: (title, date) where a date cell follows a short title cell."""
    paras = _paragraphs(L, max(1, lo), len(L))
    out = []
    for q, (a, b) in enumerate(paras):
        text = _join(L[a - 1:b])
        m = _DATE_RE.match(text)
        if not m or q == 0:
            continue
        pa, pb = paras[q - 1]
        title = _join(L[pa - 1:pb])
        if (pb - pa > 4 or "。" in title or _DATE_RE.match(title) or _REVIEW_RE.match(title)
                or _amount_line(title, pa) or title.startswith(_LEAD_REJECT)):
            continue
        d = f"{_era_year(m.group(1), m.group(2)):04d}-{int(m.group(3)):02d}-{int(m.group(4)):02d}"
        item = {"title": title, "date": d}
        rev = [f"{_era_year(r.group(1), r.group(2)):04d}-{int(r.group(3)):02d}-{int(r.group(4)):02d}"
               for r in _REVISION_RE.finditer(text)]
        if rev:
            item["revised"] = rev
        span(rec, f"extra.cabinet_policies[{len(out)}]", pa, b)
        out.append(item)
    if out:
        rec["extra"]["cabinet_policies"] = out


# the labels' patterns, compiled once; a paragraph not starting with a label's first character holds none
_FIELD_RES = [(label, key, re.compile(r"\s*".join(map(re.escape, label)))) for label, key in _FIELD_LABELS.items()]
_FIELD_FIRST = frozenset(label[0] for label in _FIELD_LABELS)
assert all(label and not label[0].isspace() for label in _FIELD_LABELS)


def _labelled_fields(rec: Record, L: list[str]) -> None:
    """Form cells whose label starts a paragraph: the rest of that paragraph, else the next paragraph."""
    paras = _paragraphs(L)
    for q, (a, b) in enumerate(paras):
        if L[a - 1][:1] not in _FIELD_FIRST:  # a label's pattern starts with its first character
            continue
        text = "\n".join(L[a - 1:b])
        for _label, key, pat in _FIELD_RES:
            if key in rec["extra"]:
                continue
            m = pat.match(text)
            if not m:
                continue
            rest = _join(text[m.end():].split("\n"))
            first = a + text[:m.end()].count("\n")
            lines = (first, b)
            if not rest and q + 1 < len(paras):
                na, nb = paras[q + 1]
                rest, lines = _join(L[na - 1:nb]), (na, nb)
            if rest:
                rec["extra"][key] = rest
                span(rec, f"extra.{key}", *lines)


# ------------------------------------------------------------------ entry point

def extract(doc: RawDoc) -> Record:
    """Extract one 事前分析表 (PDF text) into a policy_evaluation record (see ../shared/gold/SCHEMA.md)."""
    rec = new_record("policy_evaluation", doc.name)
    raw = [x.rstrip("\n") for x in doc.lines]
    L = [nfkc(x) for x in raw]
    if "事前分析表" not in squash("".join(L[: min(len(L), 400)])) and not any("事前分析表" in squash(x) for x in L):
        warn(rec, "not_pre_analysis_table", "no 事前分析表 title; extraction may be wrong")
    eval_year = _eval_year(rec, L)
    _ministry(rec, L)
    _policy(rec, L)
    years = _years(rec, L, eval_year)
    lo, hi = _means(rec, L, years, eval_year)
    _indicators(rec, raw, L, lo - 1)
    _goals(rec, L, lo - 1)
    _labelled_fields(rec, L)
    if years:
        _policy_budget(rec, L, years)
    spans = rec["provenance"]["spans"]
    means_last = max((v[1] for k, v in spans.items() if k.startswith("means[")), default=hi)
    _cabinet_policies(rec, L, means_last + 1)
    __import__("kg.extract.indicators").extract.indicators.add_policy_values(rec)
    return rec


__all__ = ["extract", "MINISTRY_PARENT"]
