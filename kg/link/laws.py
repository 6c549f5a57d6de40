"""Law names -> e-Gov 法令ID over the bundled law list (kg/data/egov_law_list_2020-03.csv.gz).

Order of methods: ``exact`` title, ``normalised`` (NFKC, no spaces/brackets/抄, citations cut off by
kg.normalize.law_ref, a title written as "法令番号（title）" in the list), ``number`` (a 法令番号 in the text),
``abbreviation`` (kg/data/law_abbreviations.tsv: well-known 通称 only), ``fuzzy`` (character-bigram Dice over the
titles, accepted at >= FUZZY_THRESHOLD when the title ends the same way and no rival is as close), else
``unresolved`` (law_id None; the caller keeps the name and warns).

The 法令番号 is the stable key: 法令IDs differ between sources for the same law (議員立法: 430AC0000000074 in the
2020 list, 430AC1000000074 on e-Gov today; 414AC1000000026 vs 414AC0100000026 in RS 1-3). Every ID seen is kept
as an alias of its 法令番号 (``aliases``), and IDs of 法律/政令 decode to their 法令番号 (``number_from_id``).
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import itertools
import json
import logging
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.normalize.era import kanji_to_int
from kg.normalize.law_ref import clean_name, parse_legal_bases
from kg.paths import DATA_DIR
from kg.pickled import read_pickle, write_pickle

DATA = DATA_DIR
LAW_LIST = DATA / "egov_law_list_2020-03.csv.gz"
ABBREVIATIONS = DATA / "law_abbreviations.tsv"
RENAMES = DATA / "law_renames.tsv"  # laws renamed after the 2020 list: new title -> the list's title
log = logging.getLogger(__name__)
FUZZY_THRESHOLD = 0.85
FUZZY_MARGIN = 0.03

_ERA_CODE = {"1": "明治", "2": "大正", "3": "昭和", "4": "平成", "5": "令和"}
_KIND_CODE = {"AC": "法律", "CO": "政令"}
_NUMV = r"(?:元|\d{1,4}|[〇一二三四五六七八九十百千]{1,8})"
_NUMBER_RE = re.compile(rf"(明治|大正|昭和|平成|令和)({_NUMV})年([^\s()第年]{{1,40}}?)第({_NUMV})号")
_ID_RE = re.compile(r"^[1-5]\d{2}[A-Z]{2}[0-9A-Za-z]{10}$")
# e-Gov's ID of one revision of a law: 法令ID _ date the revision takes effect _ ID of the amending law
_REVISION_ID = re.compile(r"^([1-5]\d{2}[A-Z]{2}[0-9A-Za-z]{10})_\d{8}_[1-5]\d{2}[A-Z]{2}[0-9A-Za-z]{10}$")


def law_id_of(text: str | None) -> str:
    """The 法令ID of an ID as RS prints it: '414AC0000000094_20240524_506AC0000000037' (a revision) ->
    '414AC0000000094'; anything else stripped as is."""
    t = (text or "").strip()
    m = _REVISION_ID.match(t)
    return m.group(1) if m else t
_DROP = re.compile(r"[\s「」『』【】〔〕\[\]\"“”]")
_TITLED_NUMBER = re.compile(r"^(.+?号)\((.+)\)$")

# kanji the 2010 常用漢字表 admitted, that renamed laws (覚せい剤取締法 -> 覚醒剤取締法, 2020-04) where the list
# still has the mixed spelling; Sudachi's normalized form keeps the two apart
_MAZEGAKI = (("覚醒剤", "覚せい剤"),)
_LAWID_URL = re.compile(r"lawid=([1-5]\d{2}[A-Z]{2}[0-9A-Za-z]{10})\b", re.I)
_TITLE_ENDS = frozenset("法律令則規程約定書準針画")
_NOT_TITLE = ("第", "(", "その他", "等", "ほか", "他", "附則", "付則", "及び", "並びに", "又は", "、", ",", "・", "http",
              "に基づ", "による", "の規定", "に規定", "別表", "/", "※")
# what follows a title when the whole is another law (施行細則, 一部を改正する法律 …): never cut there
_OTHER_LAW = re.compile(r"改正する|施行|細則|規則|省令|政令|府令|告示")
_LEARNABLE = re.compile(r"^[^()第、,。]+(法|法律|令|規則|規程|条約|協定)$")
_ERA_IN = re.compile(r"(平成|令和)([〇一二三四五六七八九十]+|\d{1,2}|元)年")
_KANJI = "〇一二三四五六七八九"


def _kanji_num(n: int) -> str:
    """1..99 in kanji as law titles write them (三十七, 七, 十)."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _KANJI[tens]) + "十" if tens else "") + (_KANJI[ones] if ones else "")


def _variants(key: str) -> list[str]:
    """Other ways the same title may be written (see LawIndex._more)."""
    out = []
    t = re.sub(r"https?://\S+$", "", key)
    if t != key:
        out.append(t)
    for a, b in (("(", ")"), ("「", "」"), ("『", "』")):
        if t.startswith(a) and t.endswith(b):
            out.append(t[1:-1])
    inner = re.findall(r"[「『]([^」』]{4,})[」』]", t)
    out.extend(inner)
    m = re.match(r"^(.+?)\(.*\)$", t)  # a note in brackets after the title: 法律(2025年夏頃施行予定)
    if m:
        out.append(m.group(1))
    for v in [t, *out]:
        e = _ERA_IN.search(v)
        if e:
            n = 1 if e.group(2) == "元" else kanji_to_int(e.group(2))
            if n is not None:
                if e.group(1) == "令和":
                    out.append(v[:e.start()] + f"平成{_kanji_num(n + 30)}年" + v[e.end():])
                elif n > 31:
                    out.append(v[:e.start()] + f"令和{_kanji_num(n - 30)}年" + v[e.end():])
    for kanji, mixed in _MAZEGAKI:  # titles of the 2020 list kept the older mixed spelling
        if kanji in t:
            out.append(t.replace(kanji, mixed))
    if t and t[-1] not in _TITLE_ENDS:
        out.append(t + "法")
    return [v for v in out if v and v != key]


_LOCK = threading.Lock()
_CACHE: dict[str, LawIndex] = {}


@dataclass(frozen=True)
class Resolution:
    law_id: str | None
    law_number: str | None
    title: str | None
    method: str  # exact | normalised | abbreviation | number | fuzzy | unresolved
    score: float


@dataclass(frozen=True)
class Law:
    law_id: str
    law_number: str
    title: str
    kind: str


def _key(title: str) -> str:
    """Title key: NFKC, no white space or quotes, trailing 抄 dropped."""
    t = _DROP.sub("", unicodedata.normalize("NFKC", title or ""))
    return re.sub(r"抄$", "", t)


def canonical_number(text: str | None) -> str | None:
    """'平成三十年法律第七十四号' / '平成30年法律第74号' -> '平成30年法律第74号' (arabic), else None."""
    m = _NUMBER_RE.search(_DROP.sub("", unicodedata.normalize("NFKC", text or "")))
    if not m:
        return None
    year, n = kanji_to_int(m.group(2)), kanji_to_int(m.group(4))
    if year is None or n is None:
        return None
    return f"{m.group(1)}{year}年{m.group(3)}第{n}号"


def number_from_id(law_id: str | None) -> str | None:
    """法令ID of a 法律/政令 -> its canonical 法令番号: '430AC1000000074' -> '平成30年法律第74号'."""
    t = (law_id or "").strip()
    if not _ID_RE.match(t) or t[0] not in _ERA_CODE or t[3:5] not in _KIND_CODE or not t[9:].isdigit():
        return None
    return f"{_ERA_CODE[t[0]]}{int(t[1:3])}年{_KIND_CODE[t[3:5]]}第{int(t[9:])}号"


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} if len(s) > 1 else {s}


class LawIndex:
    """Titles, 法令番号 and 法令IDs of the bundled e-Gov list, with aliases; see the module doc."""

    def __init__(self, laws: Iterable[Law], abbreviations: dict[str, str] | None = None):
        self.by_id: dict[str, Law] = {}
        self.by_title: dict[str, list[Law]] = defaultdict(list)
        self.by_number: dict[str, Law] = {}
        self._aliases: dict[str, set[str]] = defaultdict(set)
        for law in laws:
            self._add(law)
        self.abbreviations = {_key(k): v for k, v in (abbreviations or {}).items()}
        # bigram and Sudachi indexes of the titles, filled on first use and extended as titles are learned (by_title
        # only grows, in insertion order: the first _grams_n / _sudachi_n keys are indexed)
        self._grams: dict[str, list[str]] = defaultdict(list)
        self._gram_counts: dict[str, int] = {}
        self._grams_n = 0
        self._sudachi: dict[str, list[str]] = defaultdict(list)
        self._sudachi_n = 0
        self.conflicts: list[dict] = []  # IDs register_alias refused: their title names another law
        self.errors: list[dict] = []  # internal errors resolve() met (name, error), for report.json

    def _add(self, law: Law) -> None:
        self.by_id[law.law_id] = law
        keys = {_key(law.title)}
        m = _TITLED_NUMBER.match(_key(law.title))  # 昭和二十二年法律第五十四号(私的独占の禁止及び…)
        if m:
            keys.add(m.group(2))
        for k in keys:
            if k:
                self.by_title[k].append(law)
        num = canonical_number(law.law_number)
        if num:
            self._aliases[num].add(law.law_id)
            old = self.by_number.get(num)
            if old is None or law.law_id < old.law_id:
                self.by_number[num] = law

    # ------------------------------------------------------------ loading

    @classmethod
    def load(cls, path: str | Path | None = None, cache_dir: str | Path | None = None) -> LawIndex:
        """The index over ``path`` (default: the bundled list), cached per process. With ``cache_dir`` (a build's
        DIR/cache: `kg add`), the fresh index is also kept there pickled, under the digest of the lists and of the
        code that builds it, and read back by the next process (~0.05 s instead of ~0.7 s to build it)."""
        p = Path(path) if path else LAW_LIST
        with _LOCK:
            idx = _CACHE.get(str(p))
            if idx is None:
                pickled = Path(cache_dir) / f"law-index-{_index_digest(p)}.pickle" if cache_dir else None
                idx = read_pickle(pickled, LawIndex) if pickled else None
                if idx is None:
                    idx = cls(read_law_list(p), read_abbreviations(ABBREVIATIONS))
                    idx.add_renames(read_abbreviations(RENAMES))
                    if pickled:
                        # before any use changes it (aliases, learned titles)
                        write_pickle(pickled, idx, "law-index-*.pickle")
                _CACHE[str(p)] = idx
        return idx

    def add_renames(self, renames: dict[str, str]) -> int:
        """Titles of laws renamed after the list (kg/data/law_renames.tsv: new title -> the list's title) become
        titles of those laws; a row whose old title the list does not hold is skipped. Returns how many."""
        n = 0
        for new, old in renames.items():
            law = self._title(_key(old))
            if law is not None and self._title(_key(new)) is None:
                self.by_title[_key(new)].append(law)
                n += 1
        return n

    # ------------------------------------------------------------ aliases

    def aliases(self, law_number: str) -> list[str]:
        """Every 法令ID seen for the law with this 法令番号 (sorted)."""
        num = canonical_number(law_number)
        return sorted(self._aliases.get(num, ())) if num else []

    def register_alias(self, law_id: str, law_number: str | None = None, title: str | None = None) -> Resolution:
        """Record an ID seen elsewhere (RS 1-3) as an alias of the law with that 法令番号 (given or decoded from
        the ID). A law missing from the list is added when its 法令番号 and title are known. Returns the law."""
        law_id = law_id_of(law_id)
        num = canonical_number(law_number) or number_from_id(law_id) or canonical_number(law_id)
        if not _ID_RE.match(law_id):  # RS 1-3 sometimes writes a 法令番号 in its 法令ID column
            return self.resolve_number(num) if num else _unresolved()
        listed = self.by_id.get(law_id)
        if listed is not None:  # an ID of the list: the list's law, whatever 法令番号 is printed beside it
            if title:              # (RS prints 「平成11年法率第91号」 beside 411AC0000000091)
                self.learn_title(title, listed)
            return Resolution(listed.law_id, listed.law_number, listed.title, "exact", 1.0)
        if num:
            self._aliases[num].add(law_id)
            known = self.by_number.get(num)
            if known is not None:
                self.by_id.setdefault(law_id, known)
                if title:
                    self.learn_title(title, known)
                return Resolution(known.law_id, known.law_number, known.title, "number", 1.0)
            if title:
                owner = self.resolve(title)
                if owner.law_id and owner.method != "fuzzy" and canonical_number(owner.law_number) != num:
                    # the title names a law of the list with another 法令番号 (412AC0000000091 printed for
                    # 総務省設置法, 平成11年法律第91号): the ID is doubtful, it takes over no title (counted)
                    self.conflicts.append({"law_id": law_id, "law_number": num, "title": title,
                                           "title_law_id": owner.law_id})
                    return _unresolved()
                law = Law(law_id, law_number or num, clean_name(title), law_id[3:5])
                self._add(law)
                return Resolution(law.law_id, law.law_number, law.title, "number", 1.0)
        known = self.by_id.get(law_id)
        if known is not None:
            return Resolution(known.law_id, known.law_number, known.title, "exact", 1.0)
        return _unresolved()

    def learn_title(self, title: str, law: Law) -> bool:
        """A title a source prints beside the law's ID (RS 1-3), e.g. the law's name after a renaming
        (農業法人に対する… -> 農林漁業法人等に対する…), becomes one more title of that law. Only a clean title
        (ends like a law title, no citation) that does not already name another law is learned."""
        key = _key(clean_name(title))
        m = _LEARNABLE.match(key)
        if not m or len(key) < 4:
            return False
        known = self._title(key)
        if known is not None:
            return known.law_id == law.law_id
        other = self.resolve(key)
        if other.law_id and other.law_id != law.law_id:
            return False
        self.by_title[key].append(law)
        return True

    def canonical_id(self, law_id: str) -> str | None:
        """The list's 法令ID for an ID or one of its aliases (None when unknown)."""
        law_id = law_id_of(law_id)
        law = self.by_id.get(law_id)
        if law is not None:
            return law.law_id
        num = number_from_id(law_id) or canonical_number(law_id)
        law = self.by_number.get(num) if num else None
        return law.law_id if law else None

    # ------------------------------------------------------------ resolving

    def resolve_number(self, law_number: str) -> Resolution:
        """法令番号 (kanji or arabic numerals) -> the law."""
        num = canonical_number(law_number)
        law = self.by_number.get(num) if num else None
        if law is None:
            return _unresolved()
        return Resolution(law.law_id, law.law_number, law.title, "number", 1.0)

    def resolve(self, name: str) -> Resolution:
        """Law name (possibly with citations, a 法令番号 in brackets, PDF spaces) -> Resolution."""
        try:
            return self._resolve(name or "")
        except ImportError:
            raise  # a missing dependency (sudachipy) is not a property of the text: fail loudly
        except Exception as e:  # noqa: BLE001 - logged and counted below
            # a bug met on some free text: the law stays unresolved (the caller warns), and the error is logged
            # and counted (report.json "laws"."internal_errors"), never hidden
            with _LOCK:
                self.errors.append({"name": name, "error": f"{type(e).__name__}: {e}"})
            log.warning("law resolution failed on %r: %s: %s", name, type(e).__name__, e)
            return _unresolved()

    def _resolve(self, name: str) -> Resolution:
        key = _key(name)
        if not key:
            return _unresolved()
        hit = self._title(key)
        if hit:
            return _res(hit, "exact", 1.0)
        parsed = parse_legal_bases(name)
        cands = [_key(p["law"]) for p in parsed[:1]] + [_key(clean_name(name))]
        m = _TITLED_NUMBER.match(key)
        if m:
            cands.append(m.group(2))
        for c in cands:
            hit = self._title(c)
            if hit:
                return _res(hit, "normalised", 1.0)
        for num in [p.get("law_number") for p in parsed[:1]] + [name]:
            if num and canonical_number(num):
                r = self.resolve_number(num)
                if r.law_id:
                    return r
        for c in [key, *cands]:
            title = self.abbreviations.get(c)
            if title:
                hit = self._title(_key(title))
                if hit:
                    return _res(hit, "abbreviation", 1.0)
        hit = self._more(name, key, cands)
        if hit is not None:
            return hit
        best = cands[0] if cands and cands[0] else key
        return self._fuzzy(best)

    # ------------------------------------------------------------ more ways a title is written (issue 19)

    def _more(self, name: str, key: str, cands: list[str]) -> Resolution | None:
        """A 法令ID in an e-Gov URL; the title inside 「」 or () ; a title followed by anything that is not part
        of it (citations holding 、, その他…, a URL, a note in brackets); the era rewritten (平成三十七年 =
        令和七年); 法 missing at the end; Sudachi-normalised spelling (覚醒剤 = 覚せい剤)."""
        m = _LAWID_URL.search(unicodedata.normalize("NFKC", name))
        if m:
            law = self.by_id.get(m.group(1))
            if law is not None:
                return _res(law, "number", 1.0)
        raw = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
        variants = list(dict.fromkeys(_key(v) for c in [raw, key, *cands] if c for v in _variants(c)))
        for v in variants:
            hit = self._title(v)
            if hit:
                return _res(hit, "normalised", 1.0)
        for v in [key, *variants]:
            hit = self._prefix_title(v)
            if hit:
                return _res(hit, "normalised", 1.0)
        for v in [key, *variants]:
            hit = self._sudachi_title(v)
            if hit:
                return _res(hit, "sudachi", 1.0)
        return None

    def _prefix_title(self, key: str) -> Law | None:
        """The longest known title that starts ``key`` and is followed by something no title continues with."""
        for i in range(len(key) - 1, 3, -1):
            if key[i - 1] not in _TITLE_ENDS:
                continue
            rest = key[i:]
            if not rest.startswith(_NOT_TITLE) or _OTHER_LAW.search(rest):
                continue
            if "第" not in rest and rest.endswith(("法", "法律", "令")):
                continue
            hit = self._title(key[:i])
            if hit:
                return hit
        return None

    def _sudachi_title(self, key: str) -> Law | None:
        from kg.normalize.sudachi import normalized

        if self._sudachi_n < len(self.by_title):  # titles learned since: indexed in the order they came
            for k in itertools.islice(self.by_title, self._sudachi_n, None):
                if len(k) <= 60:
                    self._sudachi[normalized(k)].append(k)
            self._sudachi_n = len(self.by_title)
        keys = self._sudachi.get(normalized(key)) if len(key) <= 60 else None
        if not keys:
            return None
        laws = {law.law_id: law for law in (self._title(k) for k in keys) if law is not None}
        return next(iter(laws.values())) if len(laws) == 1 else None

    def _title(self, key: str) -> Law | None:
        laws = self.by_title.get(key)
        if not laws:
            return None
        return max(laws, key=lambda law: (law.kind == "AC", law.law_id))  # a 法律 first, then the newest

    def _fuzzy(self, key: str) -> Resolution:
        if len(key) < 4:
            return _unresolved()
        if self._grams_n < len(self.by_title):  # titles learned since: indexed in the order they came
            for k in itertools.islice(self.by_title, self._grams_n, None):
                grams = _bigrams(k)
                self._gram_counts[k] = len(grams)
                for g in grams:
                    self._grams[g].append(k)
            self._grams_n = len(self.by_title)
        q = _bigrams(key)
        counts: Counter[str] = Counter()
        for g in q:
            counts.update(self._grams.get(g, ()))
        scored = []
        years = _era_years(key)
        for k, n in counts.most_common(200):
            dice = 2 * n / (len(q) + self._gram_counts[k])
            if k[-2:] == key[-2:] and not (years and _era_years(k) and _era_years(k) != years):
                # (a title naming another year is another law: 令和九年…国際園芸博覧会 is not 令和七年…国際博覧会)
                scored.append((dice, k))
        scored.sort(key=lambda x: (-x[0], x[1]))
        if not scored or scored[0][0] < FUZZY_THRESHOLD:
            return _unresolved(scored[0][0] if scored else 0.0)
        if len(scored) > 1 and scored[0][0] - scored[1][0] < FUZZY_MARGIN:
            a, b = self._title(scored[0][1]), self._title(scored[1][1])
            if a is None or b is None or a.law_id != b.law_id:
                return _unresolved(scored[0][0])
        return _res(self._title(scored[0][1]), "fuzzy", scored[0][0])

    def resolve_text(self, text: str) -> list[dict]:
        """Free-text 根拠法令 -> [{law, law_id, citations}] (law_id None when unresolved)."""
        out = []
        for lb in parse_legal_bases(text):
            r = self.resolve(lb["law"])
            if not r.law_id and lb.get("law_number"):
                r = self.resolve_number(lb["law_number"])
            out.append({"law": lb["law"], "law_id": r.law_id, "citations": lb["citations"]})
        return out


def _era_years(key: str) -> set[int]:
    """Western years of the era dates in a title (平成三十七年 and 令和七年 are both 2025)."""
    out = set()
    for era, n in _ERA_IN.findall(key):
        v = 1 if n == "元" else kanji_to_int(n)
        if v is not None:
            out.add(v + (1988 if era == "平成" else 2018))
    return out


def _res(law: Law | None, method: str, score: float) -> Resolution:
    if law is None:
        return _unresolved()
    return Resolution(law.law_id, law.law_number, law.title, method, score)


def _unresolved(score: float = 0.0) -> Resolution:
    return Resolution(None, None, None, "unresolved", score)


def _index_digest(path: Path) -> str:
    """What a pickled LawIndex depends on: the lists it reads and the modules that build its keys."""
    from kg.normalize import era, law_ref

    h = hashlib.sha256()
    for f in (path, ABBREVIATIONS, RENAMES, Path(__file__), Path(era.__file__), Path(law_ref.__file__)):
        h.update(f.read_bytes() if f.exists() else b"-")
        h.update(b"\0")
    return h.hexdigest()[:24]


def read_law_list(path: str | Path) -> list[Law]:
    """Rows of the e-Gov list CSV (gzip or plain): 法令ID,法令番号,法令名,法令種別コード,revision_id."""
    p = Path(path)
    raw = p.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    rows = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    return [Law(r["法令ID"].strip(), r["法令番号"].strip(), r["法令名"].strip(), r.get("法令種別コード", "").strip())
            for r in rows if r.get("法令ID")]


def read_abbreviations(path: str | Path) -> dict[str, str]:
    """abbreviation<TAB>official title<TAB>justification; '#' lines are comments."""
    p = Path(path)
    if not p.exists():
        return {}
    out = {}
    for line in p.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= 2 and cols[0] != "abbreviation":
            out[cols[0].strip()] = cols[1].strip()
    return out


def resolve_text(text: str) -> list[dict]:
    """Free-text 根拠法令 -> [{law, law_id, citations}] over the bundled list."""
    return LawIndex.load().resolve_text(text)


def resolve_lines(lines: Iterable[str]) -> Iterator[str]:
    """One JSON line (a list of {law, law_id, citations}) per input text; for `kg laws resolve`."""
    idx = LawIndex.load()
    for line in lines:
        yield json.dumps(idx.resolve_text(line), ensure_ascii=False)
