"""Government organisations: 外局 (agencies, commissions) -> the 府省庁 that review sheets file them under.

The RS system names a 外局 as its own 府省庁 ("消防庁", "国土交通省　観光庁"); review sheets and JUDGIT file
its programs under the parent ministry with the agency as 担当部局庁. ``parent_ministry`` maps either
spelling to (ministry, agency). The table follows what JUDGIT uses as 府省庁 (公開年度 2015-2023): bodies
that JUDGIT keeps as their own 府省庁 (金融庁, 消費者庁, 警察庁, 原子力規制委員会, 公正取引委員会, ...) map to
themselves. Pure functions.
"""
from __future__ import annotations

import re
import unicodedata

# 府省庁 as JUDGIT names them (the keys review sheets are filed under).
MINISTRIES = (
    "内閣官房", "内閣府", "内閣法制局", "人事院", "会計検査院", "公正取引委員会", "国家公安委員会", "警察庁",
    "個人情報保護委員会", "カジノ管理委員会", "金融庁", "消費者庁", "こども家庭庁", "デジタル庁", "復興庁", "総務省",
    "法務省", "外務省", "財務省", "文部科学省", "厚生労働省", "農林水産省", "経済産業省", "国土交通省", "環境省",
    "原子力規制委員会", "防衛省",
)

# 外局 (and bodies filed like them) -> parent 府省庁, as JUDGIT files their sheets.
AGENCY_PARENT = {
    "宮内庁": "内閣府",
    "消防庁": "総務省",
    "公害等調整委員会": "総務省",
    "公安調査庁": "法務省",
    "出入国在留管理庁": "法務省",
    "公安審査委員会": "法務省",
    "国税庁": "財務省",
    "文化庁": "文部科学省",
    "スポーツ庁": "文部科学省",
    "中央労働委員会": "厚生労働省",
    "林野庁": "農林水産省",
    "水産庁": "農林水産省",
    "資源エネルギー庁": "経済産業省",
    "特許庁": "経済産業省",
    "中小企業庁": "経済産業省",
    "観光庁": "国土交通省",
    "気象庁": "国土交通省",
    "海上保安庁": "国土交通省",
    "運輸安全委員会": "国土交通省",
    "防衛装備庁": "防衛省",
    "原子力規制庁": "原子力規制委員会",  # the commission's secretariat; JUDGIT files it under the commission
}

# older or informal spellings -> the name used above
ALIASES = {
    "入国管理局": "出入国在留管理庁",
    "内閣府本府": "内閣府",
    "総務本省": "総務省",
}

_SPACE = re.compile(r"[\s\u3000]+")


def _clean(name: str | None) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", name or "")).strip()


def ministry_key(name: str | None) -> str:
    """Stable key for a 府省庁 name: NFKC, no white space ('国土交通省　観光庁' -> '国土交通省観光庁')."""
    return _clean(name).replace(" ", "")


def _canon(part: str) -> str:
    p = part.replace(" ", "")
    return ALIASES.get(p, p)


def parent_ministry(name: str | None) -> tuple[str, str | None]:
    """(府省庁 the sheets file it under, the 外局 or None).

    '消防庁' -> ('総務省', '消防庁'); '国土交通省　観光庁' -> ('国土交通省', '観光庁');
    '総務省' -> ('総務省', None); '総務省消防庁' -> ('総務省', '消防庁'); unknown names are kept:
    'XX委員会' -> ('XX委員会', None). Blank -> ('', None).
    """
    t = _clean(name)
    if not t:
        return "", None
    parts = [_canon(p) for p in t.split(" ") if p]
    if len(parts) >= 2:
        head, tail = parts[0], "".join(parts[1:])
        if head in MINISTRIES or head in AGENCY_PARENT.values():
            return head, tail
    whole = _canon(t)
    if whole in AGENCY_PARENT:
        return AGENCY_PARENT[whole], whole
    if whole in MINISTRIES:
        return whole, None
    for m in sorted(MINISTRIES, key=len, reverse=True):  # '総務省消防庁' written without a space
        if whole.startswith(m) and len(whole) > len(m):
            rest = _canon(whole[len(m):])
            if rest in AGENCY_PARENT:
                return AGENCY_PARENT[rest], rest
    return whole, None


def is_known(name: str | None) -> bool:
    """True when ``name`` is a 府省庁 or a 外局 in the table (after splitting/aliases)."""
    m, a = parent_ministry(name)
    return m in MINISTRIES and (a is None or a in AGENCY_PARENT)
