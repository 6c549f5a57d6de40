"""Where kg's own files are: one home for the paths inside the package (kg reads nothing outside it).

The ontology (kg.ttl, shapes.ttl, queries/*.rq) lives in ``kg/ontology``; the top-level ``ontology/`` of the
repository is a link to it, kept for readers of the source tree.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ONTOLOGY_DIR = PACKAGE_DIR / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
QUERY_DIR = ONTOLOGY_DIR / "queries"
DATA_DIR = PACKAGE_DIR / "data"
WEB_DIR = PACKAGE_DIR / "web"
DCAT_SHAPES = ONTOLOGY_DIR / "dcat-shapes.ttl"  # what kg export checks its DCAT description against
