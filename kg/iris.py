"""All IRI minting: pure functions, ASCII only, deterministic (DESIGN.md "IRIs").

IRIs are built from keys, never from free text alone: Japanese names become a short SHA-256 prefix of
their normalised form (``text_key``) and keep a readable rdfs:label on the node; codes that are mostly
ASCII (事業番号, 条番号) are kept readable. ``base`` always ends with "/" (``norm_base`` adds it).

    corp(base, "1010001143390")            -> {base}corp/1010001143390
    sheet(base, 2021, "総務省", "2021-総務-20-0095") -> {base}sheet/2021/soumu/2021-%E7%B7%8F%E5%8B%99-20-0095
    law(base, "総務省設置法", "411AC0000000091") -> {base}law/411AC0000000091
    article(law_iri, {"article": "4", "paragraph": "1", "item": "28"}) -> {law}/at/4-pr1-it28
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from kg.normalize.houjin import validate as validate_houjin
from kg.normalize.names import corp_key
from kg.normalize.project_number import match_key
from kg.normalize.text import nfkc

DEFAULT_BASE = "https://kg.example.org/"  # placeholder; set yours with --base
GBIZINFO = "http://hojin-info.go.jp/data/basic/"
EGOV_LAW = "https://laws.e-gov.go.jp/law/"

# 府省庁 -> ASCII key (Hepburn without macrons, the spelling the ministries use in their own domains).
# Names not listed get "m-" + hash of the normalised name.
MINISTRY_KEYS = {
    "国会": "kokkai", "裁判所": "saibansho", "会計検査院": "jbaudit", "内閣": "naikaku", "内閣官房": "cas",
    "内閣法制局": "clb", "内閣府": "cao", "宮内庁": "kunaicho", "公正取引委員会": "jftc", "警察庁": "npa",
    "個人情報保護委員会": "ppc", "カジノ管理委員会": "jcrc", "金融庁": "fsa", "消費者庁": "caa",
    "こども家庭庁": "cfa", "デジタル庁": "digital", "復興庁": "reconstruction", "総務省": "soumu",
    "法務省": "moj", "外務省": "mofa", "財務省": "mof", "文部科学省": "mext", "厚生労働省": "mhlw",
    "農林水産省": "maff", "経済産業省": "meti", "国土交通省": "mlit", "環境省": "env", "防衛省": "mod",
    "原子力規制委員会": "nra", "人事院": "jinji", "スポーツ庁": "mext-sports", "文化庁": "bunka",
    "林野庁": "rinya", "水産庁": "jfa", "資源エネルギー庁": "enecho", "特許庁": "jpo", "中小企業庁": "chusho",
    "観光庁": "mlit-kanko", "気象庁": "jma", "海上保安庁": "jcg", "国税庁": "nta", "消防庁": "fdma",
    "出入国在留管理庁": "isa", "公安調査庁": "psia", "防衛装備庁": "atla", "運輸安全委員会": "jtsb",
}


def norm_base(base: str) -> str:
    if not base.isascii():
        raise ValueError(f"base IRI must be ASCII: {base!r}")
    return base if base.endswith("/") else base + "/"


def text_key(text: str | None, n: int = 16) -> str:
    """Hex key of a free-text name: SHA-256 of its NFKC, white-space-folded form (first ``n`` hex digits)."""
    return hashlib.sha256(nfkc(text).encode("utf-8")).hexdigest()[:n]


def _nospace(text: str | None) -> str:
    return re.sub(r"\s", "", nfkc(text))


@lru_cache(maxsize=65536, typed=True)
def code_key(code: str) -> str:
    """A short code (事業番号, 法令ID, field key) as an IRI path segment: ASCII kept, the rest percent-encoded.
    Cached (a pure function): emission asks it for every payee row's block and every field's derivation."""
    return quote(unicodedata.normalize("NFKC", str(code)).strip(), safe="-._~")


# ---------------------------------------------------------------- organisations


def ministry_key(ministry: str) -> str:
    name = nfkc(ministry)
    return MINISTRY_KEYS.get(name) or f"m-{text_key(name)}"


def ministry(base: str, name: str) -> str:
    return f"{norm_base(base)}org/{ministry_key(name)}"


def bureau(base: str, ministry_name: str, bureau_name: str) -> str:
    return f"{ministry(base, ministry_name)}/{text_key(bureau_name)}"


def division(base: str, ministry_name: str, bureau_name: str | None, division_name: str) -> str:
    parent = bureau(base, ministry_name, bureau_name) if bureau_name else ministry(base, ministry_name) + "/-"
    return f"{parent}/{text_key(division_name)}"


# ---------------------------------------------------------------- payees


def corp(base: str, number: str) -> str:
    """A corporation by its valid 法人番号 (printed spellings folded); refuses invalid numbers."""
    valid = validate_houjin(number).number
    if valid is None:
        raise ValueError(f"not a valid 法人番号: {number!r}")
    return f"{norm_base(base)}corp/{valid}"


def gbizinfo(number: str) -> str:
    return GBIZINFO + number


def payee(sheet_iri: str, name: str, raw_number: str | None = None) -> str:
    """A payee without a valid 法人番号, scoped to its sheet (never merged across sheets). A printed but invalid
    number is part of the key: one name with two different bad numbers is not silently one payee."""
    key = corp_key(name) or name
    return f"{sheet_iri}/payee/{text_key(f'{key}|{raw_number}' if raw_number else key)}"


def payment(sheet_iri: str, block: str | None, rank: int | None) -> str:
    return f"{sheet_iri}/payment/{code_key(block or '-')}/{'-' if rank is None else int(rank)}"


# ---------------------------------------------------------------- laws


def law(base: str, name: str | None, law_id: str | None = None) -> str:
    if law_id:
        return f"{norm_base(base)}law/{code_key(law_id)}"
    return f"{norm_base(base)}law/x-{text_key(_nospace(name))}"


def egov_law(law_id: str) -> str:
    return EGOV_LAW + code_key(law_id)


def article_key(citation: dict) -> str | None:
    """Key of a citation {article, paragraph?, item?, to?, supplementary?, chapter?} (kg.normalize.law_ref):
    第30条の24 -> '30_24'; 第4条第1項第28号 -> '4-pr1-it28'; 第30条の24〜第30条の40 -> '30_24-to30_40'.
    None when the citation names nothing (then no IRI)."""
    from kg.normalize.law_ref import article_key as law_ref_key

    if not any(citation.get(k) not in (None, "") for k in ("article", "paragraph", "item", "chapter")):
        return None
    key = law_ref_key(citation)
    return None if key == "x" else key


def article(law_iri: str, citation: dict) -> str | None:
    k = article_key(citation)
    return f"{law_iri}/at/{k}" if k else None


# ---------------------------------------------------------------- sheets, programs, years


def number_key(number: str) -> str:
    """事業番号 as a path segment: ministry spellings folded (match_key), 新 -> 'new', rest percent-encoded."""
    return code_key(match_key(nfkc(number)).replace("新", "new"))


def sheet(base: str, year: int, ministry_name: str, number: str | None, project_name: str | None = None) -> str:
    """One program in one review year. Sheets without a printed 事業番号 are keyed by their name's hash."""
    tail = number_key(number) if number else f"x-{text_key(_nospace(project_name))}"
    return f"{norm_base(base)}sheet/{int(year)}/{ministry_key(ministry_name)}/{tail}"


def program(base: str, key: list | tuple) -> str:
    """A program across years, named after its earliest sheet key [year, ministry, number]."""
    year, ministry_name, number = key
    return f"{norm_base(base)}program/{int(year)}/{ministry_key(ministry_name)}/{number_key(number)}"


def fiscal_year(base: str, year: int) -> str:
    return f"{norm_base(base)}fy/{int(year)}"


def budget_obs(subject_iri: str, year: int) -> str:
    return f"{subject_iri}/budget/{int(year)}"


def lineage_link(sheet_iri: str, target_iri: str) -> str:
    return f"{sheet_iri}/lineage/{hashlib.sha256(target_iri.encode()).hexdigest()[:16]}"


def past_number(sheet_iri: str, year: int | None, number: str) -> str:
    return f"{sheet_iri}/past/{'-' if year is None else int(year)}/{number_key(number)}"


def related_project(sheet_iri: str, ministry_name: str | None, number: str | None, name: str | None) -> str:
    return f"{sheet_iri}/related/{text_key('|'.join([nfkc(ministry_name), nfkc(number), nfkc(name)]))}"


def plan(base: str, title: str, date: str | None = None) -> str:
    """A plan/strategy (関係する計画、通知等), shared across sheets: key = title (no spaces) + date."""
    return f"{norm_base(base)}plan/{text_key(_nospace(title) + '|' + (date or ''))}"


# ---------------------------------------------------------------- policies (政策/施策)

_LEADING_NUMBERING = re.compile(
    r"^\s*(?:"
    r"(?:政策|施策|基本目標|目標)\s*\d+\s*[:.、]?"     # 政策8: / 施策1
    r"|[IVX]+(?:\s*[.、:]|\s+|(?=[^\x00-\x7f]))"  # IV. / Ⅳ (NFKC "IV") before Japanese text
    r"|\d+\s*[.．、)]"                              # 2. / 2)
    r"|\(\s*\d+\s*\)"                               # (1)
    r"|[①-⑳]"
    r")\s*"
)


def policy_norm(text: str | None) -> str:
    """Normalised 政策/施策 name: NFKC, leading numbering ('IV.', 'Ⅳ', '政策8:', '2.') stripped, spaces folded."""
    t = nfkc(text)
    prev = None
    while prev != t:
        prev = t
        t = _LEADING_NUMBERING.sub("", t, count=1).strip() or t
    return t


def concept_scheme(base: str, ministry_name: str) -> str:
    return f"{norm_base(base)}policy/{ministry_key(ministry_name)}"


def concept_label(text: str | None) -> str:
    """The one preferred label of a 政策/施策 concept, and its key: ``policy_norm`` without spaces, so every
    variant that meets in the concept gives the same label."""
    return _nospace(policy_norm(text))


def concept(base: str, ministry_name: str, text: str) -> str:
    """政策/施策 concept of a ministry, keyed by ``concept_label`` (variants across years meet here)."""
    return f"{concept_scheme(base, ministry_name)}/{text_key(concept_label(text))}"


def evaluation(base: str, year: int, ministry_name: str, policy_number: str | None, policy_name: str | None) -> str:
    """An 事前分析表 (policy evaluation) of one policy in one year."""
    tail = code_key(nfkc(policy_number)) if policy_number else f"x-{text_key(policy_norm(policy_name))}"
    return f"{norm_base(base)}evaluation/{int(year)}/{ministry_key(ministry_name)}/{tail}"


def indicator(eval_iri: str, number: str) -> str:
    return f"{eval_iri}/indicator/{code_key(number)}"


def means(eval_iri: str, index: int | str) -> str:
    return f"{eval_iri}/means/{code_key(str(index))}"


# ---------------------------------------------------------------- sources and provenance


def source_key(source: str | None, sha256: str | None) -> str:
    return hashlib.sha256(f"{source or ''}|{sha256 or ''}".encode()).hexdigest()[:24]


def source(base: str, source_name: str | None, sha256: str | None = None) -> str:
    """The source document (or data file) a record came from."""
    return f"{norm_base(base)}source/{source_key(source_name, sha256)}"


def graph(base: str, source_name: str | None, sha256: str | None = None) -> str:
    """The named graph holding everything derived from one source."""
    return f"{norm_base(base)}graph/{source_key(source_name, sha256)}"


def line_span(source_iri: str, first: int, last: int) -> str:
    return f"{source_iri}/lines/{int(first)}-{int(last)}"


def derivation(subject_iri: str, field_key: str) -> str:
    return f"{subject_iri}/derivation/{code_key(field_key)}"


def warning(subject_iri: str, w: dict) -> str:
    parts = [str(w.get(k) or "") for k in ("code", "message", "line", "field", "source")]
    return f"{subject_iri}/warning/{hashlib.sha256('|'.join(parts).encode()).hexdigest()[:16]}"


def budget_dataset(base: str) -> str:
    return f"{norm_base(base)}dataset/budget"


def shared_node_prefixes(base: str) -> tuple[str, ...]:
    """Where the IRIs of nodes many records describe begin (organisations, corporations, laws, plans, fiscal years,
    policy concepts, datasets, source documents and their line spans): emission de-duplicates lines about them
    across the records of one worker (kg.build.parallel)."""
    b = norm_base(base)
    return tuple(f"{b}{p}/" for p in ("org", "corp", "law", "plan", "fy", "policy", "dataset", "source"))


# ---------------------------------------------------------------- derived at build time


def derived_graph(base: str, name: str) -> str:
    """The named graph of a view the build derives from the whole corpus (not from one source)."""
    return f"{norm_base(base)}graph/derived/{code_key(name)}"


def payee_ranking(base: str, year: int | str | None, ministry_iri: str | None) -> str:
    """A payee ranking's scope: one review year or all ('all'), one ministry (its org key) or all."""
    m = ministry_iri.rstrip("/").rsplit("/", 1)[-1] if ministry_iri else "all"
    return f"{norm_base(base)}ranking/payees/{int(year) if year else 'all'}/{m}"


def finding(base: str, finding_id: str) -> str:
    """A finding about the official data (kg.link.findings): a digest of its kind, code and targets."""
    return f"{norm_base(base)}finding/{code_key(finding_id)}"

# ---------------------------------------------------------------- text, indicators, data cube structure (issue 19)

def indicator_dataset(base: str) -> str:
    return f"{norm_base(base)}dataset/indicators"


def dataset_structure(dataset_iri: str) -> str:
    """The qb:DataStructureDefinition of a dataset."""
    return f"{dataset_iri}/structure"


def dataset_component(dataset_iri: str, prop_local: str) -> str:
    return f"{dataset_iri}/structure/{code_key(prop_local)}"


def indicator_obs(indicator_iri: str, measure: str, year: int) -> str:
    return f"{indicator_iri}/obs/{code_key(measure)}/{int(year)}"

# ---------------------------------------------------------------- 資金の流れ (issue 18)


def spending_block(sheet_iri: str, code: str) -> str:
    return f"{sheet_iri}/block/{code_key(code)}"


def money_flow(sheet_iri: str, source: str | None, target: str) -> str:
    """A flow into block ``target`` from block ``source`` (None: from the organisation)."""
    return f"{sheet_iri}/flow/{code_key(source) if source else 'org'}-{code_key(target)}"


def expense_item(block_iri: str, index: int) -> str:
    return f"{block_iri}/item/{int(index)}"


def indirect_cost(sheet_iri: str, index: int) -> str:
    return f"{sheet_iri}/indirect-cost/{int(index)}"


def commitment_contract(block_iri: str, index: int) -> str:
    return f"{block_iri}/contract/{int(index)}"
