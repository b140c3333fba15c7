"""Operating data: a company folder (TOML plus CSV or XLSX line items) loaded into facts."""

from .company import Company, ExtraCost, PriceDeck, Segment, Unit, parse_period
from .load import OperatingData, load_company
from .schema import ITEMS, METALS, Item

__all__ = [
    "ITEMS", "METALS", "Company", "ExtraCost", "Item", "OperatingData", "PriceDeck", "Segment",
    "Unit", "load_company", "parse_period",
]
