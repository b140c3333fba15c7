"""Mining cost standards as declarative relations, and the engine that applies them."""

from assay.operating.company import CORPORATE

from .derive import Derived, derive
from .nodes import Node
from .relations import Relation, aggregate_relations, unit_relations

__all__ = [
    "CORPORATE", "Derived", "Node", "Relation", "aggregate_relations", "derive",
    "unit_relations",
]
