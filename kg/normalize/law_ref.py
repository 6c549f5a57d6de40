"""Law citations in free-text 根拠法令: law names and their 条/項/号. Pure functions; never raise.

``parse_legal_bases("住民基本台帳法第30条の24から第30条の40まで及び第31条")`` ->
``[{"law": "住民基本台帳法", "citations": [{"article": "30の24", "to": "30の40"}, {"article": "31"}]}]``

Conventions (as in the gold records):
- numbers are arabic; branch numbers (枝番) keep の: 第30条の9の2 -> "30の9の2"; 第百三条の二 -> "103の2";
- a citation holds ``article`` / ``paragraph`` (項) / ``item`` (号); ``to`` closes a range and is at the level
  of the deepest key given (第4条第1項第40号～52号 -> item "40", to "52");
- in a list a lower-level element inherits the upper levels: 第4条第59号及び第70号 -> (4, item 59), (4, item 70);
- 附則 gives ``"supplementary": True``; a 章 citation gives ``chapter``; "等" and "抄" are dropped;
- a bare number after 条 is the 項 (第四条 1 第五十九号 -> paragraph 1);
- several laws are separated by new lines, spaces, 、, ・, 及び, 並びに (the last three only when the left part is
  a complete law name: 電子署名及び認証業務に関する法律 stays one name);
- a law name split over a PDF line break is joined (a line that does not end a name or a citation continues);
- 施行令 / 施行規則 are their own laws; a 法令番号 in brackets becomes ``law_number`` of the law before it;
- 同法 / 同令 refer to the law cited just before.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.normalize.era import kanji_to_int

KNUM = "〇零一二三四五六七八九十百千"
_NUM = rf"(?:(?<!\d)\d{{1,6}}(?!\d)|[{KNUM}]{{1,8}})"
_ANUM = r"(?:(?<!\d)\d{1,6}(?!\d))"
_UNITS = {"章": 0, "条": 1, "項": 2, "号": 3}
LEVEL_KEY = ("chapter", "article", "paragraph", "item")
_KEY_LEVEL = {k: i for i, k in enumerate(LEVEL_KEY)}

# a law name is complete when it ends like this (citation-less pieces must, to count as a law): 法 not after 方手用寸製工
# nor 技 (手法, 技法: methods) but after 競技 (自転車競技法, モーターボート競技法)
_LAW_END = re.compile(r"((?<![方手用寸製工])(?<![^競]技)(?<!^技)法|律|令|規則|規程|規約|告示|条例|訓令|憲章|協定|条約)$")
# 法 after 方/手/用/技/寸/製/工 ends a word of method (方法, 手法, 工法, 技法, 利用方法) more often than a law's title
_METHOD_END = re.compile(r"[方手用技寸製工]法$")
# a text chunk (line or space-separated run) is complete when it ends like this: else it continues
_CHUNK_END = re.compile(rf"((?<![方手用寸製工])(?<![^競]技)(?<!^技)法|律|令|規則|規程|規約|告示|条例|訓令|憲章|協定|条約|要綱|要領|通知|通達|決定|"
                        rf"[章条項号等抄)\ue001]|\d|[{KNUM}]号)$")
_CHUNK_CONT = re.compile(rf"^(第|附則|\d|[{KNUM}]+[章条項号]|[~〜]|から|まで|及び|並びに|又は|等|[、,]|の\d|"
                         rf"の[{KNUM}]|施行令|施行規則|施行法|\ue000)")
_ERA = r"(?:明治|大正|昭和|平成|令和)"
_LAW_NUMBER = re.compile(rf"^{_ERA}\s*(?:元|{_NUM})\s*年\s*\S{{1,12}}?第\s*{_NUM}\s*号$")
_PAREN = re.compile(r"\(([^()]*)\)")
_BRACKETS = str.maketrans("", "", "「」『』【】〔〕［］\"“”")
_MARKER = re.compile("\ue000(\\d+)\ue001")
_SEP = re.compile(r"[\n、,。;:_/|]+")
_SOFT_SEP = re.compile(r"・|及び|並びに|又は")
_LEAD = re.compile(rf"^(?:[・\-*※○●◎■□◆◇▼▽>①-⑳]|及び|並びに|又は|等|同じく|{_NUM}[.)]|\d{{1,2}}(?![\d年]))+")
_SAME_LAW = re.compile(r"^同(法|令|規則)(.*)$")
_LAW_PREFIX = re.compile(r"^(.+?(?:法|律|令|規則|規程|規約|告示|条例|訓令|憲章|協定|条約))(?:第|附則|別表)")
_NUMBERED_NAME = re.compile(r"(法律|政令|省令|府令|規則|告示|訓令|通知|通達|条例|勅令|布告)$")

# tokens inside a run of citations
_COMP = re.compile(rf"(附則)?(第)?({_NUM})([章条項号])((?:の{_NUM})*)")
_COMP_START = re.compile(rf"(附則)?(?:第{_NUM}[章条項号]|{_ANUM}条)")
_BARE = re.compile(rf"(?:第({_NUM})|({_ANUM}))(?=$|[\n、,・~〜第]|及び|並びに|又は|から|まで|等)")
_RANGE = re.compile(r"から|[~〜]")
_LIST = re.compile(r"[、,・]|及び|並びに|又は")
_SKIP = re.compile(r"まで|等|など")


def num(text: str) -> str:
    """'百三' -> '103', '３０' -> '30', '30の9の2' -> '30の9の2'; text that is not a number is returned as is."""
    t = unicodedata.normalize("NFKC", text or "")
    parts = t.split("の")
    out = []
    for p in parts:
        try:
            n = kanji_to_int(p)
        except (ValueError, KeyError):
            n = None
        out.append(str(n) if n is not None else p)
    return "の".join(out)


# ---------------------------------------------------------------- preparation


def _prepare(text: str) -> tuple[str, list[str]]:
    """NFKC, brackets off, (法令番号) -> marker, (第N条…) unwrapped, other (notes) dropped, chunks glued."""
    t = unicodedata.normalize("NFKC", text).replace("\r", "\n")
    t = t.replace("\ue000", "").replace("\ue001", "").translate(_BRACKETS)
    numbers: list[str] = []

    def paren(m: re.Match) -> str:
        inner = m.group(1).strip()
        if _LAW_NUMBER.match(re.sub(r"\s+", "", inner)):
            numbers.append(re.sub(r"\s+", "", inner))
            return f"\ue000{len(numbers) - 1}\ue001"
        if _COMP_START.search(inner) or re.search(rf"第{_NUM}[章条項号]", inner):
            return " " + inner + " "
        return " "

    for _ in range(20):  # innermost brackets first
        t2 = _PAREN.sub(paren, t)
        if t2 == t:
            break
        t = t2
    t = t.replace("(", " ").replace(")", " ")
    return _glue(t), numbers


def law_title_end(name: str) -> bool:
    """Does ``name`` end as a law's title does (_LAW_END)? A 法 after 方/手/用… too when Sudachi reads that 法 as a
    word of its own (土地収用法, 小切手法, 農業動産信用法) or the whole as one proper noun ending in it (自転車競技法),
    not as the end of a method word (活用方法, 分析手法, 新工法)."""
    return bool(_LAW_END.search(name)) or (bool(_METHOD_END.search(name)) and _law_word_last(name))


@lru_cache(maxsize=1024)
def _law_word_last(name: str) -> bool:
    from kg.normalize.sudachi import tokenize

    try:
        last = tokenize(name)[-1]
    except Exception:  # noqa: BLE001 - Sudachi failing must not break parsing: the title stays unestablished
        return False
    return last.surface == "法" or (last.pos[1] == "固有名詞" and len(last.surface) > 2)


def _glue(t: str) -> str:
    """Join white-space separated chunks that belong together; the rest are separated by a new line."""
    chunks = [c for c in re.split(r"\s+", t) if c]
    if not chunks:
        return ""
    out = [chunks[0]]
    for c in chunks[1:]:
        left = out[-1]
        if (not _CHUNK_END.search(left) or _CHUNK_CONT.match(c)
                or (left.endswith("法") and c.startswith("律"))):
            out[-1] = left + c
        else:
            out.append(c)
    return "\n".join(out)


# ---------------------------------------------------------------- scanning


def _scan(t: str) -> list[tuple[str, int, int, list[tuple]]]:
    """Split prepared text into ('name', start, end, []) and ('run', start, end, tokens) segments."""
    segs: list[tuple[str, int, int, list[tuple]]] = []
    pos = name_start = 0
    while pos < len(t):
        m = _COMP_START.search(t, pos)
        if not m:
            break
        toks, end = _run(t, m.start())
        if not toks:
            pos = m.end()
            continue
        segs.append(("name", name_start, m.start(), []))
        segs.append(("run", m.start(), end, toks))
        pos = name_start = end
    segs.append(("name", name_start, len(t), []))
    return segs


def _run(t: str, pos: int) -> tuple[list[tuple], int]:
    """Tokens of the citation run starting at pos, and where the run ends (after its last citation)."""
    toks: list[tuple] = []
    end = pos
    last_cite = 0
    while pos < len(t):
        m = _COMP.match(t, pos)
        if m and (m.group(2) or m.group(3)[0].isdigit() or toks):
            toks.append(("comp", _UNITS[m.group(4)], num(m.group(3) + m.group(5)), bool(m.group(1))))
            pos = end = m.end()
            last_cite = len(toks)
            continue
        m = _BARE.match(t, pos)
        if m and toks:
            toks.append(("bare", None, num(m.group(1) or m.group(2)), False))
            pos = end = m.end()
            last_cite = len(toks)
            continue
        for kind, rx in (("range", _RANGE), ("list", _LIST), ("skip", _SKIP)):
            m = rx.match(t, pos)
            if m:
                toks.append((kind, None, m.group(0), False))
                pos = m.end()
                if kind == "skip":
                    end = pos
                break
        else:
            if t[pos] == "\n" and _COMP_START.match(t, pos + 1):
                toks.append(("list", None, "\n", False))
                pos += 1
                continue
            break
    return toks[:last_cite], end


def _citations(toks: list[tuple], context: dict | None = None) -> list[dict]:
    """Interpret run tokens: levels, inheritance in lists, ranges."""
    cites: list[dict] = []
    cur: dict | None = None
    prev: dict = dict(context or {})
    after_list = True
    in_range = False
    range_end: dict = {}

    def close_range() -> None:
        nonlocal in_range
        if in_range and cur is not None and range_end:
            deepest = max((lv for lv in range(4) if LEVEL_KEY[lv] in cur), default=1)
            cur["to"] = range_end.get(deepest) or range_end[max(range_end)]
        in_range = False
        range_end.clear()

    for i, (kind, level, value, suppl) in enumerate(toks):
        if kind == "bare":
            level = _bare_level(toks, i, cur, prev, after_list, in_range)
            kind = "comp"
        if kind == "comp":
            if in_range:
                range_end[level] = value
                continue
            depth = max((lv for lv in range(4) if LEVEL_KEY[lv] in (cur or {})), default=-1)
            if cur is None or after_list or level <= depth:
                if cur is not None:
                    prev = cur
                cur = {LEVEL_KEY[lv]: prev[LEVEL_KEY[lv]] for lv in range(1, level) if LEVEL_KEY[lv] in prev}
                if suppl or (level > 1 and prev.get("supplementary")) or (after_list and prev.get("supplementary")
                                                                            and level >= 1 and cites):
                    cur["supplementary"] = True
                cites.append(cur)
            elif suppl:
                cur["supplementary"] = True
            cur[LEVEL_KEY[level]] = value
            after_list = False
        elif kind == "range":
            in_range = cur is not None
            range_end.clear()
        elif kind == "list":
            close_range()
            after_list = True
        elif kind == "skip" and value == "まで":
            close_range()
    close_range()
    out = []
    for c in cites:
        d = {k: c[k] for k in ("chapter", "article", "paragraph", "item", "to") if k in c}
        if c.get("supplementary"):
            d["supplementary"] = True
        out.append(d)
    return out


def _bare_level(toks, i, cur, prev, after_list, in_range) -> int:
    """Level of a number written without 条/項/号: from the range end, the list, or one below the last."""
    if i + 2 < len(toks) and toks[i + 1][0] == "range" and toks[i + 2][0] == "comp":
        return toks[i + 2][1]
    ref = cur if (cur is not None and not after_list) else (prev if cur is None else cur)
    depth = max((lv for lv in range(4) if LEVEL_KEY[lv] in (ref or {})), default=0)
    if in_range or after_list:
        return max(depth, 1)
    return min(depth + 1, 3)


# ---------------------------------------------------------------- names


def _pieces(text: str) -> list[str]:
    """Split name text into law-name pieces (hard separators always, soft ones after a complete name)."""
    out: list[str] = []
    for part in _SEP.split(text):
        part = part.strip()
        if not part:
            continue
        pieces = [part]
        while True:
            last = pieces[-1]
            cut = None
            for m in _SOFT_SEP.finditer(last):
                left, right = last[:m.start()], last[m.end():]
                if (left and right and _LAW_END.search(_strip_markers(left))
                        and not right.endswith("改正する法律")):
                    cut = (left, right)
                    break
            if not cut:
                break
            pieces[-1:] = list(cut)
        out.extend(pieces)
    return out


def _strip_markers(s: str) -> str:
    return _MARKER.sub("", s)


def clean_name(name: str) -> str:
    """A law name as printed: NFKC, no spaces, no bullets/connectors in front, no 抄 behind, no sentence lead-in."""
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or ""))
    t = _strip_markers(t)
    t = _LEAD.sub("", t)
    t = re.sub(r"(抄|等|など)+$", "", t)
    if "は" in t or "も" in t:
        from kg.normalize.sudachi import clause_start

        try:
            t = t[clause_start(t):]
        except Exception:  # noqa: BLE001 - Sudachi failing must not break parsing
            pass
    return t.strip()


def _law_prefix(name: str) -> str:
    """'地方税法第○条' -> '地方税法': a name followed by an unreadable citation keeps the name."""
    if law_title_end(name):
        return name
    m = _LAW_PREFIX.match(name)
    return m.group(1) if m else name


def _marker_number(s: str, numbers: list[str]) -> str | None:
    m = _MARKER.search(s)
    if m and int(m.group(1)) < len(numbers):
        return numbers[int(m.group(1))]
    return None


def parse_legal_bases(text: str | None) -> list[dict]:
    """Free-text 根拠法令 -> [{"law": name, "citations": [...]}, ...] (gold shape; see the module doc)."""
    try:
        return _parse(text or "")
    except Exception:  # noqa: BLE001 - a normaliser of free text must never raise; keep the text as one name
        name = clean_name(text or "")
        return [{"law": name, "citations": []}] if name else []


def _parse(text: str) -> list[dict]:
    from kg.normalize.text import is_unknown

    if is_unknown(text):
        return []
    t, numbers = _prepare(text)
    segs = _scan(t)
    laws: list[dict] = []
    last: dict | None = None  # the law the previous run belonged to
    prev_run_end = -1
    for si, (kind, start, end, _toks) in enumerate(segs):
        if kind == "run":
            continue
        raw = t[start:end]
        next_run = segs[si + 1] if si + 1 < len(segs) else None
        pieces = _pieces(raw)
        # the run before continues into a title: 〜施行令第五条第一項の総務省令で定める事務を定める省令
        glued = start == prev_run_end and raw and not _SEP.match(raw) and not _LIST.match(raw)
        if glued and pieces and last is not None:
            first = _strip_markers(pieces[0])
            if law_title_end(first) and first[0] in "のにでをが":
                last["law"] = last["law"] + t[segs[si - 1][1]:segs[si - 1][2]] + first
                last["citations"] = last.pop("_prev_citations", [])
                pieces = pieces[1:]
            elif _MARKER.fullmatch(pieces[0]):
                last.setdefault("law_number", _marker_number(pieces[0], numbers))
                pieces = pieces[1:]
            elif not law_title_end(first):
                pieces = pieces[1:]  # trailing words after a citation (第8条に基づく…, 第1号イ)
        name_for_run = pieces.pop() if (next_run is not None and pieces) else None
        for p in pieces:
            name = _law_prefix(clean_name(p))
            if name and (law_title_end(name) or _MARKER.search(p)):  # a 法令番号 in brackets makes it a law
                last = _add(laws, name, [], _marker_number(p, numbers))
        if next_run is None:
            break
        run_text = t[next_run[1]:next_run[2]]
        name = _law_prefix(clean_name(name_for_run)) if name_for_run is not None else ""
        context = None
        if name in ("同条", "同項") and last is not None:  # 同条第二項: the article cited just before
            context = last["citations"][-1] if last["citations"] else None
            name = ""
        same = _SAME_LAW.search(name)
        if same:  # 同法 / 同令 / 同規則 (施行令…): the latest law of that kind cited before
            target = next((law for law in reversed(laws) if law["law"].endswith(same.group(1))
                           or (same.group(1) == "法" and law["law"].endswith("法律"))), None)
            if target is not None and not same.group(2):
                last, name = target, ""
            elif target is not None:
                name = target["law"] + same.group(2)
        cites = _citations(next_run[3], context)
        if name and cites and all(set(c) == {"item"} for c in cites) and _NUMBERED_NAME.search(name):
            # 総務省訓令第17号, 平成14年総務省告示第334号: a numbered instrument, not a citation
            last = _add(laws, name + run_text, [], _marker_number(name_for_run or "", numbers))
        elif name:
            before = [dict(c) for c in _find(laws, name)["citations"]] if _find(laws, name) else []
            last = _add(laws, name, cites, _marker_number(name_for_run or "", numbers))
            last["_prev_citations"] = before
        elif last is not None:
            last["_prev_citations"] = [dict(c) for c in last["citations"]]
            _extend(last, cites)
        prev_run_end = next_run[2]
    for law in laws:
        law.pop("_prev_citations", None)
        if law.get("law_number") is None:
            law.pop("law_number", None)
    return laws


def _find(laws: list[dict], name: str) -> dict | None:
    for law in laws:
        if law["law"] == name:
            return law
    return None


def _add(laws: list[dict], name: str, cites: list[dict], number: str | None) -> dict:
    law = _find(laws, name)
    if law is None:
        law = {"law": name, "citations": []}
        laws.append(law)
    if number and not law.get("law_number"):
        law["law_number"] = number
    _extend(law, cites)
    return law


def _extend(law: dict, cites: list[dict]) -> None:
    for c in cites:
        if c not in law["citations"]:
            law["citations"].append(c)


# ---------------------------------------------------------------- keys


def article_key(citation: dict) -> str:
    """ASCII path of a citation for IRIs: 第30条の24 -> '30_24'; 第4条第1項第28号 -> '4-pr1-it28'.

    附則 -> 'sup-…', 章 -> 'ch…', a range adds '-to…'. Characters other than [0-9A-Za-z_] become their code point.
    """
    parts = []
    if citation.get("supplementary"):
        parts.append("sup")
    for key, prefix in (("chapter", "ch"), ("article", ""), ("paragraph", "pr"), ("item", "it"), ("to", "to")):
        v = citation.get(key)
        if v not in (None, ""):
            parts.append(prefix + _ascii(num(str(v))))
    return "-".join(parts) or "x"


def _ascii(v: str) -> str:
    v = v.replace("の", "_")
    return "".join(c if (c.isascii() and (c.isalnum() or c == "_")) else f"u{ord(c):x}" for c in v)
