"""Validation stage: SHACL shapes (kg/ontology/shapes.ttl) checked against a built graph."""
from kg.validate.shacl import validate_build, validate_file, validate_graph, validate_store

__all__ = ["validate_build", "validate_file", "validate_graph", "validate_store"]
