"""Drill-hole intercepts: load collar/survey/assay tables, composite, report.

``load_folder`` validates a folder in one pass; ``find_intercepts`` applies stated
:class:`Rules` (cut-off, internal waste, minimums, top-cut, "including", metal
equivalents, true width); the writers render the release table, prose, CSV, Markdown,
JSON, xlsx and strip logs.
"""

from .drillholes import Collar, DrillData, GradeArray, Station, load_folder
from .intercepts import Composite, Intercept, Result, find_intercepts, rounded
from .rules import Cutoff, Price, Rules

__all__ = [
    "Collar", "Composite", "Cutoff", "DrillData", "GradeArray", "Intercept", "Price",
    "Result", "Rules", "Station", "find_intercepts", "load_folder", "rounded",
]
