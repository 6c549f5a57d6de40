"""HTML of the entity pages and /search. No script, no external resource (the server's CSP allows none); every
value from the store or the request goes through ``e()`` (html.escape, quotes too) or ``href()``."""
from __future__ import annotations

import html
from urllib.parse import quote

from kg.publish.findings_page import link_for as findings_link
from kg.publish.pages import resolve

GBIZINFO_PAGE = "https://info.gbiz.go.jp/hojin/ichiran?hojinBango="
NTA_PAGE = "https://www.houjin-bangou.nta.go.jp/henkorireki-johoto.html?selHouzinNo="
EGOV_PAGE = "https://laws.e-gov.go.jp/law/"
PAYEE_ROWS_CAP = 300
STYLE = """body{font:14px/1.45 sans-serif;margin:1.2em;max-width:1300px}nav{margin-bottom:.6em}
table{border-collapse:collapse;margin:.4em 0}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}code{font-size:90%}
h2{margin-top:1.4em;border-bottom:1px solid #ddd}.muted{color:#666}.warn{color:#a00}pre{background:#f6f6f6;
padding:.5em;overflow:auto}svg{max-width:100%}"""


def e(v) -> str:
    return html.escape("" if v is None else str(v), quote=True)


def amount(v) -> str:
    """百万円 as printed; None (unknown) is '—', never 0."""
    if v is None:
        return "—"
    if isinstance(v, float) and not v.is_integer():
        return f"{v:,.3f}".rstrip("0").rstrip(".")
    return f"{int(v):,}"


class Ctx:
    """What links need: the base the IRIs are served under."""

    def __init__(self, base: str):
        self.base = base

    def href(self, iri: str | None) -> str | None:
        """Where a link to ``iri`` goes: its own path on this server when it is under the base (it dereferences),
        an http(s) IRI as it is, else nothing (no other scheme becomes a link)."""
        if not iri:
            return None
        lp = resolve.local_path(self.base, iri)
        if lp is not None:
            return lp
        return iri if iri.startswith(("http://", "https://")) else None

    def a(self, iri: str | None, text=None, cls: str = "") -> str:
        h = self.href(iri)
        t = e(text if text not in (None, "") else iri)
        c = f' class="{e(cls)}"' if cls else ""
        return f'<a href="{e(h)}"{c}>{t}</a>' if h else t


def page(title: str, body: list[str], ctx: Ctx, iri: str | None = None, findings: int | None = None) -> bytes:
    head = [f'<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{e(title)}</title>',
            f"<style>{STYLE}</style>"]
    if iri:
        for fmt, mt in (("ttl", "text/turtle"), ("jsonld", "application/ld+json")):
            head.append(f'<link rel="alternate" type="{mt}" href="{e(resolve.data_path(ctx.base, iri, fmt))}">')
    head.append("</head><body>")
    nav = ('<nav><a href="/">SPARQL</a> · <a href="/search">検索 search</a> · <a href="/findings">findings</a> · '
           '<a href="/flow">資金の流れ</a></nav>')
    out = head + [nav, f'<h1 id="title">{e(title)}</h1>']
    if iri:
        data = " · ".join(f'<a class="data" href="{e(resolve.data_path(ctx.base, iri, f))}">{n}</a>'
                          for f, n in (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("nt", "N-Triples")))
        out.append(f'<p class="muted">IRI <code id="iri">{e(iri)}</code> · {data}</p>')
    if findings is not None and iri:
        out.append(f'<p id="findings">Findings about this: <a id="findings-link" href="{e(findings_link(iri))}">'
                   f'<span id="findings-count">{findings}</span></a></p>')
    out += body
    out.append("</body></html>")
    return "\n".join(out).encode("utf-8")


def table(head: list[str], rows: list[list[str]], tid: str = "", num_cols: tuple[int, ...] = ()) -> str:
    """Cells are HTML already (escaped by the caller); ``num_cols`` right-aligned."""
    t = [f'<table{f" id={chr(34)}{e(tid)}{chr(34)}" if tid else ""}><thead><tr>'
         + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr></thead><tbody>"]
    for r in rows:
        t.append("<tr>" + "".join(f'<td class="num">{c}</td>' if i in num_cols else f"<td>{c}</td>"
                                  for i, c in enumerate(r)) + "</tr>")
    t.append("</tbody></table>")
    return "".join(t)


# ---------------------------------------------------------------- budget chart


def budget_svg(rows: list[dict]) -> str:
    """Bars per fiscal year: 予算 (total, else initial, else requested) and 執行 (executed); unknown values draw
    no bar and say 不明. Inline SVG, no script."""
    years = [r for r in rows if any(r.get(k) is not None for k in ("total", "initial", "requested", "executed"))]
    if not years:
        return ""
    vals = [v for r in years for v in (r.get("total"), r.get("initial"), r.get("requested"), r.get("executed"))
            if isinstance(v, int | float)]
    top = max([v for v in vals if v > 0] or [1])
    bw, gap, h, pad = 22, 18, 160, 30
    width = pad + len(years) * (2 * bw + gap) + 10
    parts = [f'<svg id="budget-chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h + 50}" '
             f'role="img" aria-label="予算と執行額 (百万円)">',
             f'<line x1="{pad - 4}" y1="{h + 10}" x2="{width}" y2="{h + 10}" stroke="#999"/>']
    for i, r in enumerate(years):
        x = pad + i * (2 * bw + gap)
        budget = next((r[k] for k in ("total", "initial", "requested") if r.get(k) is not None), None)
        for j, (v, colour, what) in enumerate(((budget, "#9ab", "予算"), (r.get("executed"), "#357", "執行"))):
            bx = x + j * bw
            if v is None:
                parts.append(f'<text x="{bx + bw / 2:.1f}" y="{h + 6}" font-size="9" text-anchor="middle" '
                             f'fill="#999">?</text>')
                continue
            bh = max(0.0, h * float(v) / top) if top else 0.0
            parts.append(f'<rect class="bar" data-year="{e(r["fiscal_year"])}" data-kind="{what}" x="{bx}" '
                         f'y="{h + 10 - bh:.1f}" width="{bw - 2}" height="{bh:.1f}" fill="{colour}">'
                         f'<title>{e(r["fiscal_year"])}年度 {what} {e(amount(v))} 百万円</title></rect>')
        parts.append(f'<text x="{x + bw:.1f}" y="{h + 26}" font-size="11" text-anchor="middle">'
                     f'{e(r["fiscal_year"])}</text>')
    parts.append(f'<text x="{pad}" y="{h + 44}" font-size="11"><tspan fill="#9ab">■</tspan> 予算 (計) '
                 f'<tspan fill="#357">■</tspan> 執行額 — 百万円; ? = 不明</text></svg>')
    return "".join(parts)


# ---------------------------------------------------------------- program


def program_page(d: dict, ctx: Ctx, findings: dict[str, int], flows_html: str, sheet: str | None = None) -> bytes:
    latest = d["latest"]
    title = latest.get("title") or d["program"]
    body: list[str] = []
    if sheet:
        body.append(f'<p>One review sheet ({e(latest.get("year"))}) of the program {ctx.a(d["program"])}.</p>')
    orgs = " / ".join(ctx.a(o, d["orgs"].get(o)) for o in (latest.get("ministry"), latest.get("bureau"),
                                                           latest.get("division")) if o)
    body.append(f'<p id="org">{orgs}</p>')
    if latest.get("purpose"):
        body.append(f'<p id="purpose"><b>事業目的</b> {e(latest["purpose"])}</p>')
    # sheets by year
    rows = []
    for s in d["sheets"]:
        n = findings.get(s["iri"], 0)
        rows.append([e(s["year"]), e(s["number"] or s.get("rs_id") or "—"), ctx.a(s["iri"], s["title"]),
                     " / ".join(ctx.a(o, d["orgs"].get(o)) for o in (s["ministry"], s["bureau"], s["division"]) if o),
                     f'<a href="{e(findings_link(s["iri"]))}">{n}</a>' if n else "0"])
    body += ['<h2 id="sheets">レビューシート (review sheets by year)</h2>',
             table(["年度", "事業番号", "事業名", "府省庁 / 局 / 課", "findings"], rows, "sheets-table")]
    # budgets
    body.append('<h2 id="budget">予算・執行 (百万円)</h2>')
    if d["budgets"]:
        body.append(budget_svg(d["budgets"]))
        brow = [[e(b["fiscal_year"]), amount(b["initial"]), amount(b["supplementary"]), amount(b["total"]),
                 amount(b["executed"]), amount(b["requested"]), e(b["review_year"])] for b in d["budgets"]]
        body.append(table(["年度", "当初予算", "補正予算", "計", "執行額", "要求額", "シート年度"], brow, "budget-table",
                          (1, 2, 3, 4, 5)))
        body.append('<p class="muted">Each year as given by the newest sheet reporting it; — = unknown.</p>')
    else:
        body.append("<p>No budget rows.</p>")
    # payees
    body.append('<h2 id="payees">支出先 (payees, 百万円)</h2>')
    pays = d["payments"]
    if pays:
        prow = []
        for r in pays[:PAYEE_ROWS_CAP]:
            prow.append([e(r["year"]), e(r["block"]), e(r["rank"]), ctx.a(r["payee"], r["name"]),
                         f'<span class="houjin">{e(r["number"])}</span>' if r["number"] else "—",
                         amount(r["amount"]), e(r["description"]), e(r["contract"])])
        body.append(table(["年度", "ブロック", "順位", "支出先", "法人番号", "金額", "業務概要", "契約方式"], prow,
                          "payees-table", (5,)))
        if len(pays) > PAYEE_ROWS_CAP:
            body.append(f"<p>{len(pays) - PAYEE_ROWS_CAP} more payee-list rows: "
                        f"<code>kg query contractor-programs</code> or the data document.</p>")
    else:
        body.append("<p>No payee list.</p>")
    # flows
    body.append('<h2 id="flows">資金の流れ (money flows)</h2>')
    body.append(flows_html or "<p>No spending blocks.</p>")
    # laws
    body.append('<h2 id="laws">根拠法令 (laws)</h2>')
    if d["laws"]:
        lrow = []
        for lw in d["laws"]:
            egov = next((x for x in lw["links"] if x.startswith(EGOV_PAGE)), None)
            if egov is None and lw["law_id"] and not lw["iri"].rsplit("/", 1)[-1].startswith("x-"):
                egov = EGOV_PAGE + quote(lw["law_id"])
            lrow.append([ctx.a(lw["iri"], lw["label"]), e(lw["law_id"] or "—"),
                         f'<a class="egov" href="{e(egov)}">e-Gov</a>' if egov else "—",
                         ", ".join(ctx.a(a, lab) for a, lab in lw["articles"]) or "—",
                         e(", ".join(map(str, lw["years"])))])
        body.append(table(["法令", "法令ID", "e-Gov", "条項", "年度"], lrow, "laws-table"))
    else:
        body.append("<p>No 根拠法令.</p>")
    # policy position
    body.append('<h2 id="policy">政策体系 (policy position: 政策 / 施策 / 達成手段)</h2>')
    items = []
    for c in d["concepts"]:
        items.append(f'<li>{e(c["role"])}: {ctx.a(c["iri"], c["label"])}'
                     + (f' <span class="muted">(上位 {ctx.a(c["broader"], c.get("broader_label"))})</span>' if c["broader"] else "") + "</li>")
    for m in d["means"]:
        via = f' <span class="muted">(シート {e(m["via"])} の事業番号で)</span>' if m.get("via") else ""
        items.append(f'<li class="means">達成手段: {ctx.a(m["iri"], m["label"])} — 事前分析表 '
                     f'{ctx.a(m["evaluation"], m["evaluation_label"])}'
                     + (f' — 政策 {ctx.a(m["policy"], m.get("policy_label"))}' if m.get("policy") else "") + f"{via}</li>")
    body.append(f'<ul id="policy-list">{"".join(items)}</ul>' if items else "<p>No 政策/施策 given.</p>")
    # related: its own document in a frame (kg.query.related can take seconds on a national store)
    body.append('<h2 id="related">関連 (related programs and entities)</h2>')
    rel = resolve.page_path(ctx.base, d["program"])
    if rel:
        body.append(f'<iframe id="related-frame" title="related" src="{e(rel)}?section=related" '
                    'style="width:100%;height:32em;border:1px solid #ddd"></iframe>')
        body.append(f'<p class="muted">Similar texts: <code>kg similar {e(d["program"])}</code></p>')
    total = sum(findings.values())
    return page(title, body, ctx, sheet or d["program"], total)


def related_document(program: str, related: list[dict] | None, note: str, ctx: Ctx) -> bytes:
    """The related section (kg.query.related rows, each with the path connecting it), links opening in the page
    that frames it."""
    body: list[str] = []
    if related:
        rrow = []
        for r in related:
            path = " → ".join(ctx.a(hop[0], hop[1] if len(hop) > 1 else None) for hop in r.get("path") or []
                              if isinstance(hop, list | tuple) and hop)
            detail = r.get("detail") or {}
            how = detail.get("how") if isinstance(detail, dict) else None
            rest = {k: v for k, v in detail.items() if k != "how"} if isinstance(detail, dict) else detail
            rrow.append([ctx.a(r.get("iri"), r.get("label")), e(r.get("kind")), e(r.get("relation")), path,
                         e(how or "") + (f' <span class="muted">{e(_short(rest))}</span>' if rest else ""),
                         e(r.get("score"))])
        body.append(table(["関連先", "種別", "関係", "経路", "詳細", "score"], rrow, "related-table", (5,)))
    else:
        body.append(f'<p id="related-none">{e(note or "Nothing related found.")}</p>')
    out = [f'<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>related {e(program)}</title>'
           f'<base target="_top"><style>{STYLE}</style></head><body>'] + body + ["</body></html>"]
    return "\n".join(out).encode("utf-8")


def _short(v) -> str:
    import json

    return json.dumps(v, ensure_ascii=False, sort_keys=True)[:300]


# ---------------------------------------------------------------- corporation


def corp_page(d: dict, ctx: Ctx, findings: int) -> bytes:
    num = d["number"] or ""
    body = [f'<p>法人番号 <b id="houjin">{e(num)}</b> · '
            f'<a id="gbizinfo" href="{e(GBIZINFO_PAGE + quote(num))}">gBizINFO</a> · '
            f'<a id="nta" href="{e(NTA_PAGE + quote(num))}">国税庁 法人番号公表サイト</a></p>']
    r = d["reach"]
    if r:
        body.append('<h2 id="reach">到達範囲 (reach)</h2>')
        body.append(table(["sheets", "programs", "府省庁", "支出先行", "blocks", "合計 (百万円)", "年度"],
                          [[e(r.get("sheets")), e(r.get("programs")), e(r.get("ministries")), e(r.get("rows")),
                            e(r.get("blocks")), amount(r.get("total")),
                            e(f'{r.get("first_year") or "?"}–{r.get("last_year") or "?"}')]], "reach-table",
                          (0, 1, 2, 3, 4, 5)))
    if d["unknown_amounts"]:
        body.append(f'<p class="muted">{d["unknown_amounts"]} row(s) without an amount (unknown) are left out of '
                    "the totals.</p>")
    if d["ministries"]:
        body.append('<h2 id="ministries">府省庁別 (by ministry, 百万円)</h2>')
        body.append(table(["府省庁", "合計", "行", "年度"],
                          [[ctx.a(m["iri"], m["ministry"]) if m["iri"] else "—", amount(m["total"]), e(m["rows"]),
                            e(", ".join(map(str, m["years"])))] for m in d["ministries"]], "ministries-table", (1, 2)))
    if d["years"]:
        body.append('<h2 id="years">年度別 (by review year, 百万円)</h2>')
        body.append(table(["年度", "合計"], [[e(y), amount(v)] for y, v in d["years"]], "years-table", (1,)))
    body.append('<h2 id="programs">事業と支出 (programs and payments; depth 2+ = 再委託)</h2>')
    if d["rows"]:
        rows = []
        for x in d["rows"][:PAYEE_ROWS_CAP]:
            rows.append([e(x.get("year")), ctx.a(x.get("ministry_iri"), x.get("ministry")),
                         ctx.a(x.get("program") or x.get("sheet"), x.get("title")),
                         ctx.a(x.get("sheet"), "シート"), ctx.a(x.get("block"), x.get("block_label")),
                         e(x.get("depth") if x.get("depth") is not None else "?"), amount(x.get("amount")),
                         e(x.get("chain") or "")])
        body.append(table(["年度", "府省庁", "事業", "シート", "ブロック", "深さ", "金額", "資金の経路 (上流)"], rows,
                          "payments-table", (6,)))
        if len(d["rows"]) > PAYEE_ROWS_CAP:
            body.append(f"<p>{len(d['rows']) - PAYEE_ROWS_CAP} more rows: <code>kg query contractor-programs "
                        f"--param corp={e(num)}</code></p>")
    else:
        body.append("<p>No payee-list row names this corporation.</p>")
    return page(d["name"] or num, body, ctx, d["iri"], findings)


def _n(v):
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() else f


# ---------------------------------------------------------------- law


def law_page(d: dict, ctx: Ctx, findings: int) -> bytes:
    egov = next((x for x in d["links"] if x.startswith(EGOV_PAGE)), None)
    body = [f'<p>法令ID <b id="law-id">{e(d["law_id"] or "—")}</b> · 法令番号 {e(d["law_number"] or "—")}'
            + (f' · <a id="egov" class="egov" href="{e(egov)}">e-Gov 法令検索</a>' if egov else "") + "</p>"]
    body.append('<h2 id="programs">この法令を根拠とする事業 (programs citing it)</h2>')
    rows = [[e(p.get("review_year")), e(p.get("ministry_name")), ctx.a(p.get("program_iri"), d["sheet_titles"].get(
        p.get("sheet_iri")) or p.get("sheet_iri")), ctx.a(p.get("sheet_iri"), "シート"), amount(_n(p.get("budget")))]
            for p in sorted(d["programs"], key=lambda p: (-(int(p.get("review_year") or 0)), p.get("sheet_iri") or ""))]
    body.append(table(["年度", "府省庁", "事業", "シート", "予算 (計, 百万円)"], rows, "programs-table", (4,))
                if rows else "<p>None.</p>")
    body.append('<h2 id="articles">引用された条項 (articles cited)</h2>')
    arows = [[ctx.a(a["iri"], a["label"]), ", ".join(ctx.a(s, d["sheet_titles"].get(s)) for s in a["sheets"]) or "—"]
             for a in d["articles"]]
    body.append(table(["条項", "引用するシート"], arows, "articles-table") if arows else "<p>None.</p>")
    return page(d["label"] or d["iri"], body, ctx, d["iri"], findings)


# ---------------------------------------------------------------- concept, organisation


def concept_page(d: dict, ctx: Ctx, findings: int) -> bytes:
    body = []
    if d["alt"]:
        body.append(f'<p class="muted">表記: {e(" / ".join(d["alt"]))}</p>')
    if d["broader"]:
        body.append(f'<p>上位 (broader): {ctx.a(*d["broader"])}</p>')
    if d["narrower"]:
        body.append("<p>下位 (narrower): " + ", ".join(ctx.a(i, lab) for i, lab in d["narrower"]) + "</p>")
    if d["evaluations"]:
        body.append("<p>事前分析表: " + ", ".join(ctx.a(i, lab) for i, lab in d["evaluations"]) + "</p>")
    body.append('<h2 id="programs">事業 (programs under it)</h2>')
    rows = [[e(r["year"]), e(r["number"] or "—"), ctx.a(r["program"] or r["iri"], r["title"]), ctx.a(r["iri"], "シート")]
            for r in d["sheets"]]
    body.append(table(["年度", "事業番号", "事業", "シート"], rows, "programs-table") if rows else "<p>None.</p>")
    return page(d["label"] or d["iri"], body, ctx, d["iri"], findings)


def org_page(d: dict, ctx: Ctx, findings: int) -> bytes:
    body = []
    if d["parent"]:
        body.append(f'<p>上位組織: {ctx.a(*d["parent"])}</p>')
    if d["units"]:
        body.append('<h2 id="units">組織 (units)</h2><ul id="units-list">'
                    + "".join(f"<li>{ctx.a(u, lab)}</li>" for u, lab in d["units"]) + "</ul>")
    if d["years"]:
        body.append('<h2 id="years">年度別シート数 (sheets per review year)</h2>')
        body.append(table(["年度", "シート"], [[e(y), e(n)] for y, n in d["years"]], "years-table", (1,)))
        y = d["years"][0][0]
        body.append(f'<h2 id="programs">{e(y)}年度の事業 (programs of the latest year)</h2>')
        rows = [[e(r["number"] or "—"), ctx.a(r["program"] or r["iri"], r["title"]), ctx.a(r["iri"], "シート")]
                for r in d["latest"][:300]]
        body.append(table(["事業番号", "事業", "シート"], rows, "programs-table"))
        if len(d["latest"]) > 300:
            body.append("<p>More: <code>kg query sheets --param ministry=…</code></p>")
    return page(d["label"] or d["iri"], body, ctx, d["iri"], findings)


# ---------------------------------------------------------------- named graph


def graph_page(d: dict, ctx: Ctx) -> bytes:
    store_link = "/store?graph=" + quote(d["iri"], safe="")
    body = [f'<p>A named graph of the store: <span id="graph-quads">{d["quads"]:,}{"+" if d["capped"] else ""}'
            f'</span> triples · its triples: <a id="graph-data" href="{e(store_link)}">{e(store_link)}</a> '
            "(Graph Store Protocol; Turtle, N-Triples, RDF/XML or JSON-LD by Accept)</p>"]
    if d["sources"]:
        body.append("<p>Derived from: " + ", ".join(ctx.a(i, lab) for i, lab in d["sources"]) + "</p>")
    for t, title in (("ReviewSheet", "レビューシート"), ("PolicyEvaluation", "事前分析表"), ("Finding", "findings")):
        if d["held"][t]:
            body.append(f"<h2>{title}</h2><ul>" + "".join(
                f"<li>{ctx.a(i, lab) if i != '…' else '…'}</li>" for i, lab in d["held"][t]) + "</ul>")
    return page(d["iri"], body, ctx)


# ---------------------------------------------------------------- generic


def generic_page(iri: str, title: str | None, out: list, inc: list, cut: bool, labels: dict[str, str], ctx: Ctx,
                 findings: int, program: str | None = None) -> bytes:
    def term(t) -> str:
        v = getattr(t, "value", str(t))
        if type(t).__name__ == "NamedNode":
            return ctx.a(v, labels.get(v) or v)
        if type(t).__name__ == "Literal":
            extra = f'<span class="muted">@{e(t.language)}</span>' if t.language else ""
            return f"{e(v)}{extra}"
        return e(v)

    body = []
    if program:
        body.append(f'<p>Program page: {ctx.a(program, labels.get(program))}</p>')
    body.append('<h2 id="out">この節点について (triples about it)</h2>')
    body.append(table(["predicate", "object"], [[term(p), term(o)] for p, o in out], "out-table"))
    if inc:
        body.append('<h2 id="in">この節点を指すもの (pointing at it)</h2>')
        body.append(table(["subject", "predicate"], [[term(s), term(p)] for s, p in inc], "in-table"))
        if cut:
            body.append(f"<p>Cut at {len(inc)}: query <code>/query</code> for the rest.</p>")
    return page(title or iri, body, ctx, iri, findings)


# ---------------------------------------------------------------- search

SEARCH_KINDS = ("program", "policy", "law", "payee", "evaluation")


def search_page(text: str, kind: str | None, results: list[dict], error: str | None, ctx: Ctx) -> bytes:
    opts = "".join(f'<option value="{k}"{" selected" if k == kind else ""}>{k}</option>' for k in SEARCH_KINDS)
    body = [f'<form id="search-form" method="get" action="/search"><input id="search-text" name="q" size="50" '
            f'value="{e(text)}"> <select id="search-kind" name="kind"><option value="">all</option>{opts}</select> '
            '<button id="search-go" type="submit">検索</button></form>']
    if error:
        body.append(f'<p class="warn" id="search-error">{e(error)}</p>')
    elif text:
        rows = []
        for i, r in enumerate(results, 1):
            years = r.get("years") or ([r["year"]] if r.get("year") else [])
            target = r.get("program") if r.get("kind") == "program" and r.get("program") else r["iri"]
            rows.append([e(i), e(r.get("kind")), ctx.a(target, r.get("label")), e(",".join(map(str, years))),
                         e(r.get("ministry")), e(r.get("number")), e(" ".join(r.get("matched") or [])), e(r.get("score"))])
        body.append(f'<p id="search-summary">{len(results)} result(s)</p>')
        body.append(table(["#", "kind", "label", "years", "府省庁", "番号", "matched terms", "score"], rows,
                          "search-results", (7,)))
    return page(f"検索 {text}".strip(), body, ctx)
