"""資金の流れ -> RDF (issue 18): spending blocks, money flows, 費目・使途 items, indirect costs, 5-4 contracts.

Called by kg.emit.rdf for every review-sheet record (review sheets, JUDGIT, RS) once its payees are emitted:

  sheet kg:spendingBlock block ; block a kg:SpendingBlock ; kg:blockCode "B" ; kg:blockName ; kg:role ;
        kg:largestPayee ; kg:payeeCount ; kg:blockAmount ; kg:chainDepth ; kg:expenseItem item ;
        kg:commitmentContract contract (pc:Contract, kg:contractor payee)
  payment kg:inBlock block                     (every payee-list row with a block letter)
  sheet kg:moneyFlow flow ; flow a kg:MoneyFlow ; kg:flowFrom block | ministry/bureau ; kg:flowTo block ;
        kg:flowKind ; kg:flowLabel ; kg:flowAmount ; kg:chainStatus ; kg:flowEvidence
  sheet kg:indirectCost cost (kg:IndirectCost, rdfs:label, kg:itemAmount)

Every node carries prov:wasDerivedFrom its document and, where the record has them, its source lines.
No payee-to-payee edge is ever made: money runs between blocks (kg.link.flows says when the payer is ambiguous).
"""
from __future__ import annotations

from kg import iris
from kg import namespaces as ns
from kg.emit.out import PlainTerms
from kg.link.flows import annotate

DCTERMS, KG, PC, PROV, RDFS = (PlainTerms(v) for v in (ns.DCTERMS, ns.KG, ns.PC, ns.PROV, ns.RDFS))  # str (kg.emit.out)


def emit_flows(out, base: str, s: str, doc: str, spans: dict, rec: dict) -> None:
    from kg.emit import rdf as R  # the literal helpers and provenance of the record emitter

    payees = rec.get("payees") or []
    blocks = {b["code"]: b for b in rec.get("blocks") or [] if b.get("code")}
    for p in payees:
        if p.get("block") and p["block"] not in blocks:
            blocks[p["block"]] = {"code": p["block"]}
    if not blocks and not rec.get("indirect_costs"):
        return
    annotate(rec)
    for code in sorted(blocks):
        b = blocks[code]
        node = iris.spending_block(s, code)
        out.type(node, KG.SpendingBlock)
        out.add(s, KG.spendingBlock, node)
        out.add(node, KG.blockCode, R.plain(code))
        label = b.get("name") or b.get("largest_payee")
        out.add(node, RDFS.label, R.ja(f"{code}. {label}" if label else code))
        out.add(node, KG.blockName, R.ja(b.get("name")))
        out.add(node, KG.role, R.ja(b.get("role")))
        out.add(node, KG.largestPayee, R.ja(b.get("largest_payee")))
        if b.get("payee_count_given"):
            out.add(node, KG.payeeCount, R.integer(b.get("payee_count")))
        out.add(node, KG.blockAmount, R.decimal(b.get("amount")))
        out.add(node, KG.chainDepth, R.integer(b.get("depth")))
        if f"blocks[{code}]" in spans:
            R.derived(out, node, doc, spans, f"blocks[{code}]")
        for i, item in enumerate(b.get("expense_items") or [], start=1):
            it = iris.expense_item(node, i)
            out.type(it, KG.ExpenseItem)
            out.add(node, KG.expenseItem, it)
            out.add(it, KG.expenseCategory, R.ja(item.get("expense")))
            out.add(it, KG.use, R.ja(item.get("use")))
            out.add(it, KG.itemAmount, R.decimal(item.get("amount")))
            out.add(it, PROV.wasDerivedFrom, doc)
        for i, c in enumerate(b.get("contracts") or [], start=1):
            cn = iris.commitment_contract(node, i)
            out.type(cn, PC.Contract)
            out.add(node, KG.commitmentContract, cn)
            out.add(cn, DCTERMS.description, R.ja(c.get("description")))
            out.add(cn, KG.itemAmount, R.decimal(c.get("amount")))
            out.add(cn, KG.contractMethod, R.ja(c.get("contract_method")))
            out.add(cn, PC.numberOfTenders, R.integer(c.get("bidders")))
            out.add(cn, KG.winningBidRatio, R.decimal(c.get("award_rate")))
            if c.get("name"):
                out.add(cn, KG.contractor, R.payee_entity(out, base, s, c))
            out.add(cn, PROV.wasDerivedFrom, doc)
    for p in payees:
        if p.get("block"):
            out.add(iris.payment(s, p.get("block"), p.get("rank")), KG.inBlock, iris.spending_block(s, p["block"]))
    org = _organisation(base, rec)
    for i, f in enumerate(rec.get("flows") or []):
        if not f.get("to"):
            continue
        source = None if f.get("from_organisation") else f.get("from")
        if source is None and org is None:
            continue
        fl = iris.money_flow(s, source, f["to"])
        out.type(fl, KG.MoneyFlow)
        out.add(s, KG.moneyFlow, fl)
        out.add(fl, KG.flowFrom, iris.spending_block(s, source) if source else org)
        out.add(fl, KG.flowTo, iris.spending_block(s, f["to"]))
        out.add(fl, KG.flowKind, R.plain(f.get("kind")))
        out.add(fl, KG.flowLabel, R.ja(f.get("kind_raw")))
        out.add(fl, KG.flowAmount, R.decimal(f.get("amount")))
        out.add(fl, KG.chainStatus, R.plain(f.get("chain_status")))
        out.add(fl, KG.flowEvidence, R.ja(f.get("evidence")))
        R.derived(out, fl, doc, spans, f"flows[{i}]")
    for i, c in enumerate(rec.get("indirect_costs") or [], start=1):
        node = iris.indirect_cost(s, i)
        out.type(node, KG.IndirectCost)
        out.add(s, KG.indirectCost, node)
        out.add(node, RDFS.label, R.ja(c.get("item") or c.get("kind")))
        out.add(node, KG.itemAmount, R.decimal(c.get("amount")))
        out.add(node, PROV.wasDerivedFrom, doc)


def _organisation(base: str, rec: dict) -> str | None:
    """The paying organisation of first-level blocks: the bureau when known, else the ministry."""
    ministry = rec.get("ministry")
    if not ministry:
        return None
    if rec.get("bureau"):
        return iris.bureau(base, ministry, rec["bureau"])
    return iris.ministry(base, ministry)


__all__ = ["emit_flows"]
