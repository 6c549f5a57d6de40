"""Kind 2: 法令ID variants for one law, and a 法令番号 written in a 法令ID column (RS 1-3).

law_id / law_id_variant: a source gives a 法令ID that is not the e-Gov list's ID of the law its name resolves to
  (kg.link.statutes noted each). One finding per (law, variant ID) with every sheet that printed it. The severity
  says what kind of variant it is: the ID decodes to another law's 法令番号 (high: the ID column names another
  law), the same 法令番号 with another 法令ID (議員立法 flag or a transposed digit: low when it is the known
  2020 → today 議員立法 recoding, else medium).
law_id / law_number_in_id_column: RS 1-3 writes a 法令番号 where the 法令ID belongs (kg.sources.rs noted it); the
  ID that number has in the e-Gov list is the suggested correction.
"""
from __future__ import annotations

from collections import defaultdict

from kg.link.findings import finding, law_target, sheet_target, sources
from kg.link.laws import _ERA_CODE, _ID_RE, LawIndex, canonical_number, number_from_id
from kg.records import Record

MAX_LISTED = 20
LIST_YEAR = 2020  # the bundled e-Gov list is of 2020-03
_ERA_START = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}


def _id_year(law_id: str) -> int:
    """The western year of a 法令ID's era year ('504M60000020010' -> 2022)."""
    return _ERA_START[_ERA_CODE[law_id[0]]] + int(law_id[1:3])  # sheets listed per finding (targets/sources); the evidence counts them all


def _giin_recoding(a: str, b: str) -> bool:
    """430AC0000000074 vs 430AC1000000074: the e-Gov 議員立法 flag (6th character) recoded, nothing else."""
    return len(a) == len(b) == 15 and a[:5] == b[:5] and a[6:] == b[6:] and {a[5], b[5]} <= {"0", "1"}


def find(records: list[Record], tables: dict) -> list[tuple[Record, dict]]:
    variants: dict[tuple, list[tuple[Record, dict]]] = defaultdict(list)
    in_id: dict[tuple, list[tuple[Record, dict]]] = defaultdict(list)
    for rec in records:
        for n in rec.get("finding_notes") or []:
            if n["code"] == "law_id_variant":
                variants[(n["canonical"], n["given"])].append((rec, n))
            elif n["code"] == "law_number_in_id_column":
                in_id[(canonical_number(n["text"]) or n["text"], n["law"])].append((rec, n))
    out = []
    idx = LawIndex.load()
    for (canonical, given), hits in sorted(variants.items()):
        n0 = hits[0][1]
        if not _ID_RE.match(given) or _id_year(given) > LIST_YEAR:
            continue  # not an ID ("IDなし"), or a law/revision newer than the bundled list: no contradiction
        recs = _distinct(hits)
        given_number = number_from_id(given)
        law_number = canonical_number(n0.get("law_number"))
        if given_number and law_number and given_number != law_number:
            other = idx.resolve_number(given_number)
            code, severity, conf = "law_id_names_another_law", "high", 0.85
            msg = (f"法令ID {given} is given for 「{n0['law']}」 ({law_number}, e-Gov ID {canonical}) but decodes to "
                   f"{given_number}" + (f" 「{other.title}」" if other.title else ""))
            suggestion = f"法令ID {canonical}"
        else:
            code = "law_id_variant"
            recoded = _giin_recoding(given, canonical)
            severity, conf = ("low", 0.3) if recoded else ("medium", 0.6)
            msg = (f"「{n0.get('title') or n0['law']}」 ({law_number or '?'}) appears under 法令ID {given} as well as "
                   f"{canonical} (e-Gov list 2020-03)" + (" — the 議員立法 flag recoded" if recoded else ""))
            suggestion = None if recoded else f"法令ID {canonical} (e-Gov list 2020-03; aliases {idx.aliases(law_number or '')})"
        evidence = {"given_id": given, "canonical_id": canonical, "law_number": law_number,
                    "given_id_decodes_to": given_number, "sheets": len(recs),
                    "resolved_by": n0.get("method")}
        tgts = [law_target(canonical, n0.get("title") or n0["law"])] + [sheet_target(r) for r, _ in recs[:MAX_LISTED]]
        srcs = [s for r, n in recs[:MAX_LISTED] for s in sources(r, n["field"])]
        out.append((recs[0][0], finding("law_id", code, severity, conf, msg, tgts, srcs, evidence, suggestion)))
    for (number, law), hits in sorted(in_id.items()):
        recs = _distinct(hits)
        res = idx.resolve_number(number)
        evidence = {"printed_in_id_column": hits[0][1]["text"], "law_number": number, "sheets": len(recs),
                    "egov_id": res.law_id}
        tgts = [law_target(res.law_id, res.title or law)] + [sheet_target(r) for r, _ in recs[:MAX_LISTED]]
        srcs = [s for r, n in recs[:MAX_LISTED] for s in sources(r, n["field"])]
        msg = f"the 法令ID column of 「{law}」 holds the 法令番号 {hits[0][1]['text']!r}, not an ID"
        suggestion = f"法令ID {res.law_id}" if res.law_id else None
        out.append((recs[0][0], finding("law_id", "law_number_in_id_column", "medium", 0.95, msg, tgts, srcs,
                                        evidence, suggestion)))
    return out


def _distinct(hits: list[tuple[Record, dict]]) -> list[tuple[Record, dict]]:
    seen, out = set(), []
    for r, n in hits:
        if id(r) not in seen:
            seen.add(id(r))
            out.append((r, n))
    return sorted(out, key=lambda rn: (str(rn[0].get("sheet_fiscal_year")), rn[0].get("ministry") or "",
                                       rn[0].get("project_number") or rn[0].get("sheet_number") or ""))
