"""The fields of the hand-checked golden file of the seed's facts."""

GOLDEN_FIELDS = (
    "line", "col_start", "table", "label", "period", "operating_unit", "segment", "share",
    "metal", "concept", "unit", "scale", "decimals", "value", "printed", "footnotes", "dims",
)
