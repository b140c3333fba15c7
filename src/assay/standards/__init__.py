"""Mining cost standards as declarative relations, and the engine that applies them."""

from .derive import Derived, derive, evaluate
from .nodes import CORPORATE, Node, build_nodes
from .relations import Relation, aggregate_relations, unit_relations

__all__ = [
    "CORPORATE", "Derived", "Node", "Relation", "aggregate_relations", "build_nodes",
    "derive", "evaluate", "unit_relations",
]
