"""Document -> record: read, detect the layout from content, run the matching extractor."""
from __future__ import annotations

from pathlib import Path

from kg.read import RawDoc, read_document
from kg.records import Record


class ExtractError(Exception):
    """A document that was read but cannot be extracted (unknown layout, ...); names file and reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


def extract_doc(doc: RawDoc) -> Record:
    from kg.extract.detect import detect

    doc_type, layout = detect(doc.lines)
    grid = False
    if doc_type == "policy_evaluation" and layout == "excel":
        from kg.extract.policy_grid import is_grid

        grid = is_grid(doc.lines)  # the form's cell grid (.xlsx, ruled PDF): kg.extract.policy_grid
        if not grid and doc.fmt == "pdf":
            # a ruled 事前分析表 whose grid lacks the 達成手段 table: the text-line reader
            from kg.read.pdf import read_pdf

            doc = read_pdf(doc.path, text_only=True)
            doc_type, layout = detect(doc.lines)
    if grid:
        from kg.extract.policy_grid import extract
    elif doc_type == "review_sheet" and layout == "pdf":
        from kg.extract.review_pdf import extract
    elif doc_type == "review_sheet":
        from kg.extract.review_excel import extract
    elif doc_type == "policy_evaluation":
        from kg.extract.policy_eval import extract
    else:
        raise ExtractError(doc.path, "unknown layout: neither a 行政事業レビューシート nor a 政策評価 事前分析表")
    rec = extract(doc)
    from kg.extract.checks import check_record

    check_record(rec)
    prov = rec.setdefault("provenance", {"source": doc.name, "spans": {}})
    prov.update({"source": doc.name, "path": doc.path, "sha256": doc.sha256, "format": doc.fmt,
                 "encoding": doc.encoding, "layout": layout})
    for w in doc.warnings:
        rec.setdefault("warnings", []).append(w)
    return rec


def extract_path(path: str | Path) -> Record:
    """Read and extract one document file. Raises ReadError / ExtractError with file and reason."""
    return extract_doc(read_document(path))
