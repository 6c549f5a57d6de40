"""Kind 3: 法人番号 that cannot be right for their names.

corporate_number / local_government_number_mismatch: a payee named as a prefecture or municipality whose number is
  not that 地方公共団体's. A 地方公共団体's 法人番号 encodes its 団体コード (kg.normalize.lgcode): for prefectures the
  code follows from the name (JIS numbering) — certain; for municipalities the code ↔ name table is learned from
  the data (payees named like a 市町村/特別区 whose number carries that code consistently across sheets: MIN_SUPPORT
  sheets and RUNNER_UP times any other name), and a
  mismatch is reported only when the name has its own learned code and the number's code is learned for
  another name (confidence from the support), or when the name prints a prefecture the code does not belong to.
corporate_number / name_with_several_numbers: one payee name with different 法人番号 in one sheet.
corporate_number / number_with_different_names: a number printed with a name that, everywhere else, carries
  another number, while the number itself is printed with a clearly different name everywhere else (the
  number of the neighbouring row copied). Only when both sides have support (MIN_SUPPORT sheets, DOMINANCE).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from kg.link.findings import corp_target, finding, payment_target, sources
from kg.normalize import lgcode
from kg.normalize.houjin import is_valid
from kg.normalize.names import corp_key, similarity
from kg.records import Record

MIN_SUPPORT = 3  # sheets showing a name <-> number pair before kg trusts it as the usual one
DOMINANCE = 0.8  # share of the sheets a usual pair must have
RUNNER_UP = 3  # a learned 団体コード name is printed at least 3x as often as any other name with that number
MAX_LISTED = 20
_NOT_A_MUNICIPALITY = re.compile(r"法人|会社|組合|協会|連合|センター|機構|事務所|協議会|委員会|改良区|財産区|地区|[()（）・]")
_GENERIC = re.compile(r"^(その他|他|個人|非公表|-|―|ー)$|ほか\d*[者社件]?$|他\d*[者社件]$|等$")


class Usual:
    """Which numbers each name carries and which names each number is printed with, counted in sheets."""

    def __init__(self, records: list[Record] | None = None):
        self.num_names: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
        self.name_nums: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
        self.display: dict[str, Counter] = defaultdict(Counter)
        if records is not None:
            _scan(records, self)

    def add(self, sid: int, number: str, name_key: str, name: str) -> None:
        """One payee row with a valid number and a name key that is not generic (``sid``: its sheet)."""
        self.num_names[number][name_key].add(sid)
        self.name_nums[name_key][number].add(sid)
        self.display[name_key][name] += 1

    @staticmethod
    def _dominant(counts: dict[str, set]) -> tuple[str | None, int, float]:
        if not counts:
            return None, 0, 0.0
        total = sum(len(s) for s in counts.values())
        best = max(counts, key=lambda x: (len(counts[x]), x))
        return best, len(counts[best]), len(counts[best]) / total

    def number_of(self, name_key: str) -> tuple[str | None, int, float]:
        """The number a name usually carries, its support (sheets) and share."""
        return self._dominant(self.name_nums.get(name_key, {}))

    def name_of(self, number: str) -> tuple[str | None, int, float]:
        return self._dominant(self.num_names.get(number, {}))

    def trusted_number(self, name_key: str, excluding: str | None = None) -> tuple[str | None, int]:
        counts = {n: s for n, s in self.name_nums.get(name_key, {}).items() if n != excluding}
        n, support, share = self._dominant(counts)
        return (n, support) if n and support >= MIN_SUPPORT and share >= DOMINANCE else (None, support)

    def trusted_name(self, number: str, excluding: str | None = None) -> tuple[str | None, int]:
        counts = {k: s for k, s in self.num_names.get(number, {}).items() if k != excluding}
        k, support, share = self._dominant(counts)
        return (k, support) if k and support >= MIN_SUPPORT and share >= DOMINANCE else (None, support)

    def shown(self, name_key: str | None) -> str | None:
        c = self.display.get(name_key or "")
        return c.most_common(1)[0][0] if c else name_key


class Municipalities:
    """団体コード <-> municipality names learned from payees (see the module doc)."""

    def __init__(self, usual: Usual):
        self.code_names: dict[str, Counter] = defaultdict(Counter)
        for number, names in usual.num_names.items():
            code = lgcode.lg_code(number)
            if not code or lgcode.is_prefecture_code(code):
                continue
            for k, sheets in names.items():
                m = lgcode.municipality_name(usual.shown(k))
                if m and not _NOT_A_MUNICIPALITY.search(m[1]):
                    self.code_names[code][m[1]] += len(sheets)
        self.name_codes: dict[str, Counter] = defaultdict(Counter)
        self.learned: dict[str, tuple[str, int]] = {}
        for code, names in self.code_names.items():
            (name, support), *rest = names.most_common(2)
            if support >= MIN_SUPPORT and (not rest or support >= RUNNER_UP * rest[0][1]):
                self.learned[code] = (name, support)
                self.name_codes[name][code] += support

    def codes_of(self, name: str) -> Counter:
        return self.name_codes.get(name, Counter())


def find(records: list[Record], tables: dict) -> list[tuple[Record, dict]]:
    usual = Usual()
    scan = _scan(records, usual)
    towns = Municipalities(usual)
    tables["municipality_codes_learned"] = len(towns.learned)
    out = []
    out += _local_governments(scan, usual, towns)
    out += _several_numbers(scan, usual)
    out += _different_names(scan, usual)
    return out


class _Scan:
    """What the three checks need of the payee rows, gathered in one pass over them (``_scan``)."""

    def __init__(self) -> None:
        # (sheet, payee, name, number, name key, name key generic or empty) of the named rows with a number, in order
        self.rows: list[tuple[Record, dict, str, str, str, bool]] = []
        # (sheet, {name key: its rows with a number or a raw number}) for the name keys with several such rows in a
        # sheet (one row alone never has several numbers)
        self.several: list[tuple[Record, dict[str, list[dict]]]] = []


def _scan(records: list[Record], usual: Usual) -> _Scan:
    """One pass over the payee rows of the review sheets (rows in sheet and row order, as each check read them
    before): fills ``usual`` and returns the rows the checks look at. Per name key, number and name, the tests
    that do not depend on the row are answered once."""
    out = _Scan()
    rows = out.rows
    skip: dict[str, bool] = {}  # name key -> empty or generic (その他, ほか3者, ...)
    valid: dict[str, bool] = {}
    num_names, name_nums, display = usual.num_names, usual.name_nums, usual.display
    for rec in records:
        if rec.get("document_type") != "review_sheet":
            continue
        payees = rec.get("payees")
        if not payees:
            continue
        sid = id(rec)
        first: dict[str, dict] = {}  # name key -> its first row with a number (or a raw number) in this sheet
        several: dict[str, list[dict]] | None = None  # name key -> its rows, for keys with more than one
        for p in payees:
            name = p.get("name")
            k = p.get("name_key") or corp_key(name or "")
            sk = skip.get(k)
            if sk is None:
                sk = skip[k] = not k or bool(_GENERIC.search(k))
            n = p.get("corporate_number")
            if not sk and len(k) >= 2 and (n or p.get("corporate_number_raw")):
                if k in first:
                    if several is None:
                        several = {}
                    several.setdefault(k, [first[k]]).append(p)
                else:
                    first[k] = p
            if not name or not n:
                continue
            rows.append((rec, p, name, n, k, sk))
            if not sk:
                ok = valid.get(n)
                if ok is None:
                    ok = valid[n] = is_valid(n)
                if ok:  # = usual.add(sid, n, k, name)
                    num_names[n][k].add(sid)
                    name_nums[k][n].add(sid)
                    display[k][name] += 1
        if several:
            out.several.append((rec, several))
    return out


# ---------------------------------------------------------------- 地方公共団体


def _lg_verdict(name: str, number: str, usual: Usual, towns: Municipalities) -> tuple | None:
    """(severity, confidence, expected code or None, evidence, suggestion) when ``number`` cannot be ``name``'s."""
    code = lgcode.lg_code(number)
    ev: dict = {"encoded_code": code, "encoded_prefecture": lgcode.prefecture_of(code) if code else None,
                "encoded_name_learned": (towns.learned.get(code, (None,))[0] if code else None)
                or (lgcode.prefecture_of(code) if code and lgcode.is_prefecture_code(code) else None)}
    if lgcode.is_prefecture_name(name):
        want = lgcode.prefecture_code(name)
        if code == want:
            return None
        right = lgcode.corporate_number(want)
        ev.update({"expected_code": want, "expected_number": right, "rule": "prefecture: JIS X 0401 code NN000"})
        if not code:
            other, support = usual.trusted_name(number)
            ev["number_usually_printed_as"] = usual.shown(other) if other else None
            ev["number_usual_support"] = support
        return "high", 0.97, want, ev, f"法人番号 {right} ({lgcode.clean(name)}, 団体コード {want})"
    m = lgcode.municipality_name(name)
    if not m or _NOT_A_MUNICIPALITY.search(m[1]):
        return None
    pref, town = m
    known = towns.codes_of(town)
    if code and pref and lgcode.prefecture_of(code) != pref:
        ev.update({"printed_prefecture": pref, "rule": "the code's first two digits are the prefecture (JIS X 0401)",
                   "name_codes_learned": dict(known)})
        inside = [c for c in known if lgcode.prefecture_of(c) == pref]
        sug = (f"法人番号 {lgcode.corporate_number(inside[0])} (団体コード {inside[0]}, learned)" if len(inside) == 1
               else None)
        return "high", 0.95, inside[0] if len(inside) == 1 else None, ev, sug
    if not known:
        return None  # the name has no consistent number of its own: unknown beats wrong
    if code and code in known:
        return None
    if code:
        learned = towns.learned.get(code)
        if not learned or learned[0] == town:
            return None
        ev.update({"name_codes_learned": dict(known), "code_learned_for": learned[0], "code_support": learned[1]})
        support = max(known.values())
        conf = min(0.95, 0.6 + 0.05 * min(support, learned[1]))
    else:
        # a number that is not a 地方公共団体's at all, for a name that consistently carries one
        other, osupport = usual.trusted_name(number)
        ev.update({"name_codes_learned": dict(known), "number_usually_printed_as": usual.shown(other) if other else None,
                   "number_usual_support": osupport})
        support = max(known.values())
        conf = min(0.9, 0.55 + 0.05 * support)
    if len(known) == 1:
        want = next(iter(known))
        return ("high" if conf >= 0.8 else "medium"), conf, want, ev, \
            f"法人番号 {lgcode.corporate_number(want)} (団体コード {want}, learned from {known[want]} sheets)"
    return "medium", conf * 0.8, None, ev, None


def _lg_name(name: str) -> bool:
    """Whether ``_lg_verdict`` can say anything of a payee of this name: a prefecture, or shaped like a 市町村."""
    if lgcode.is_prefecture_name(name):
        return True
    m = lgcode.municipality_name(name)
    return bool(m) and not _NOT_A_MUNICIPALITY.search(m[1])


def _local_governments(scan: _Scan, usual: Usual, towns: Municipalities) -> list[tuple[Record, dict]]:
    groups: dict[tuple, list[tuple[Record, dict, tuple]]] = defaultdict(list)
    names: dict[str, bool] = {}
    verdicts: dict[tuple[str, str], tuple | None] = {}  # (name, number) -> _lg_verdict: the same for every row
    for rec, p, name, n, _k, _skip in scan.rows:
        can = names.get(name)
        if can is None:
            can = names[name] = _lg_name(name)
        if not can:
            continue
        key = (name, n)
        if key in verdicts:
            v = verdicts[key]
        else:
            v = verdicts[key] = _lg_verdict(name, n, usual, towns)
        if v:
            groups[(lgcode.clean(name), n)].append((rec, p, v))
    out = []
    for (name, number), rows in sorted(groups.items()):
        rec0, _p0, (severity, conf, _want, ev, suggestion) = rows[0]
        ev = dict(ev, rows=len(rows), number=number)
        tgts = [corp_target(number, name)] + [payment_target(r, p) for r, p, _ in rows[:MAX_LISTED]]
        srcs = [s for r, p, _ in rows[:MAX_LISTED] for s in sources(r, f"payees[{p.get('block')}|{p.get('rank')}]")]
        who = ev.get("encoded_name_learned") or ev.get("number_usually_printed_as")
        msg = (f"payee 「{name}」 carries 法人番号 {number}" + (f", which is 「{who}」's" if who else "")
               + (f" (団体コード {ev['encoded_code']})" if ev.get("encoded_code") else ", not a 地方公共団体's number")
               + f"; {len(rows)} row(s)")
        out.append((rec0, finding("corporate_number", "local_government_number_mismatch", severity, conf, msg, tgts,
                                  srcs, ev, suggestion)))
    return out


# ---------------------------------------------------------------- one name, several numbers in one sheet


def _several_numbers(scan: _Scan, usual: Usual) -> list[tuple[Record, dict]]:
    out = []
    for rec, by_name in scan.several:
        for k, ps in sorted(by_name.items()):
            nums = sorted({p.get("corporate_number") or str(p.get("corporate_number_raw")) for p in ps})
            if len(nums) < 2:
                continue
            usual_n, support = usual.trusted_number(k)
            valid = [n for n in nums if is_valid(n)]
            sug = None
            if usual_n and usual_n in nums:
                wrong = [n for n in nums if n != usual_n]
                sug = f"法人番号 {usual_n} (printed for this name in {support} sheets), not {', '.join(wrong)}"
            ev = {"name": ps[0]["name"], "numbers": nums, "valid": valid,
                  "rows": [{"block": p.get("block"), "rank": p.get("rank"),
                            "number": p.get("corporate_number") or p.get("corporate_number_raw"),
                            "amount": p.get("amount")} for p in ps],
                  "usual_number": usual_n, "usual_support": support}
            if sug or len(valid) < len(nums):
                severity, conf = ("high", 0.9) if sug else ("medium", 0.7)  # an invalid number among them
            else:
                severity, conf = "low", 0.4  # two valid numbers: two bodies may share a name
            msg = f"payee 「{ps[0]['name']}」 appears in one sheet with {len(nums)} different 法人番号: {', '.join(nums)}"
            tgts = [payment_target(rec, p) for p in ps] + [corp_target(n) for n in valid]
            srcs = [s for p in ps for s in sources(rec, f"payees[{p.get('block')}|{p.get('rank')}]")]
            out.append((rec, finding("corporate_number", "name_with_several_numbers", severity, conf, msg, tgts, srcs,
                                     ev, sug)))
    return out


# ---------------------------------------------------------------- one number, clearly different names


def _common(a: str, b: str) -> int:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _different_names(scan: _Scan, usual: Usual) -> list[tuple[Record, dict]]:
    groups: dict[tuple[str, str], list[tuple[Record, dict]]] = defaultdict(list)
    prefectures: dict[str, bool] = {}
    for rec, p, name, n, k, skip in scan.rows:
        if skip or len(usual.num_names.get(n, ())) < 2:
            continue  # only a number printed with another name too can have a usual name other than this one
        pref = prefectures.get(name)
        if pref is None:
            pref = prefectures[name] = lgcode.is_prefecture_name(name)
        if pref:
            continue
        groups[(n, k)].append((rec, p))
    out = []
    for (number, k), rows in sorted(groups.items()):
        sheets = {id(r) for r, _ in rows}
        if len(sheets) > 2:
            continue  # printed this way often: a usual pair, not a slip
        usual_name, name_support = usual.trusted_name(number, excluding=k)
        if not usual_name:
            continue
        own_number, own_support = usual.trusted_number(k, excluding=number)
        if not own_number:
            continue
        sim = similarity(k, usual_name)
        if sim >= 0.5 or k in usual_name or usual_name in k:
            continue
        m = lgcode.municipality_name(rows[0][1]["name"])
        if m and lgcode.lg_code(number):
            continue  # reported as local_government_number_mismatch when the evidence is clear
        shown = usual.shown(usual_name)
        related = _common(k, usual_name) >= 3  # エヌ・ティ・ティ・データ / NTTデータ: perhaps one body renamed
        ev = {"number": number, "printed_name": rows[0][1]["name"], "rows": len(rows),
              "number_usually_printed_as": shown, "number_usual_support": name_support,
              "name_usually_carries": own_number, "name_usual_support": own_support,
              "name_similarity": round(sim, 3)}
        msg = (f"法人番号 {number} is printed for 「{rows[0][1]['name']}」, but in {name_support} other sheets it is "
               f"「{shown}」's, and 「{rows[0][1]['name']}」 carries {own_number} in {own_support} sheets")
        conf = 0.4 if related else min(0.95, 0.6 + 0.03 * min(name_support, own_support))
        ev["names_share"] = related
        tgts = [corp_target(number, shown), corp_target(own_number, rows[0][1]["name"])] + \
            [payment_target(r, p) for r, p in rows[:MAX_LISTED]]
        srcs = [s for r, p in rows[:MAX_LISTED] for s in sources(r, f"payees[{p.get('block')}|{p.get('rank')}]")]
        out.append((rows[0][0], finding("corporate_number", "number_with_different_names",
                                        "high" if conf >= 0.8 else "medium" if not related else "low", conf, msg,
                                        tgts, srcs, ev, ("perhaps " if related else "") + f"法人番号 {own_number}")))
    return out
