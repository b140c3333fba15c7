"""What a row label means: its footnote markers, unit of measure, scale and concept.

These are pure functions of the label text, memoised: a company's labels repeat from one
filing to the next.

The synonyms of :data:`CONCEPTS` (labels as printed, normalised, to canonical concept
names) and the metals come from the vocabulary (:mod:`assay.read.vocabulary`), data a
user extends when a release words a known line differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assay.model import units as u

from .vocabulary import VOCABULARY

METALS = VOCABULARY.metals
_METALS = VOCABULARY.metal_pattern
_METAL = re.compile(rf"\b({_METALS})\b", re.IGNORECASE)
_FOOTNOTE = re.compile(r"\s*\((\d{1,2})\)")
_LEADER = re.compile(r"(?:\s+\.(?: ?\.)+|\.{2,})[\s.]*")  # "........", "  . . . . ."
_UNIT_PAREN = re.compile(
    r"\((\$/oz\.?|\$/pound|\$/lb\.?|oz\.?|tons|oz\./ton|oz/ton|in thousands|g/t|opt|m)\)",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def split_footnotes(label: str) -> tuple[str, tuple[str, ...]]:
    """``"Total cash costs (2)"`` → ``("Total cash costs", ("2",))``."""
    if ".." in label or ". . ." in label:  # dot leaders: "Buildings.........", "Total . . ."
        label = _LEADER.sub(" ", label).strip()
    marks = tuple(_FOOTNOTE.findall(label))
    if not marks:
        return label.strip(), ()
    return re.sub(r"\s+", " ", _FOOTNOTE.sub("", label)).strip(), marks


@lru_cache(maxsize=8192)
def metal_in(text: str | None) -> str | None:
    if not text:
        return None
    m = _METAL.search(text)
    return m.group(1).lower() if m else None


_OUNCES = re.compile(r"\bounces\b|\(oz\.?\)")
_TONS = re.compile(r"\btons\b")
_SHARES = re.compile(r"\bshares\b")
_SHARES_OR_UNITS = re.compile(r"\bshares\b|\bunits\b")
_FOR_A_RATIO = re.compile(r"\bfor (?:the )?(?:adjusted )?[\w-]+ ratio\b")
_WEIGHTED = re.compile(r"^weighted[- ]average\b(?!.*\b(?:price|rate|cost|value|life|term)\b)")
_SHARE_COUNT = re.compile(r"\bshares\b.*\b(?:outstanding|used|issued)\b"
                          r"|^(?:diluted )?share counts?\b"  # "Share count for Adjusted EPS"
                          r"|^(?:effect of )?dilutive (?:[\w-]+ ){0,3}?"
                          r"(?:options|securities|awards|warrants|shares)\b"
                          r"|\b(?:number|weighted)\b.*\bshares\b"
                          # "Fully diluted shares as at March 31", "Weighted average
                          # participating securities": counts of shares
                          r"|^(?:fully |total )?(?:basic|diluted) shares\b"
                          r"|^weighted[- ]average (?:[\w-]+ ){0,2}?participating securities$")
_PER_SHARE = re.compile(r"\bper\b(?:\s+[\w-]+){0,5}?\s+(?:share|rsu|option)\b"
                        r"|\bper-share\b|\beps\b"
                        # an award's price and value are a share's
                        r"|(?<!total )(?<!aggregate )\bgrant[- ]date fair value\b"
                        r"|\b(?:exercise|option|strike) prices?\b")
# a price of the issuer's stock, a share's, named first: "Closing stock price", "Share
# price at end of period" (not its volatility, a percentage, nor "Hypothetical 10%
# decrease in stock prices", dollars)
_STOCK_PRICE = re.compile(r"^(?:closing |opening |period[- ]end |quarter[- ]end |year[- ]end "
                          r"|average |market )?(?:common )?(?:stock|share) prices?\b"
                          r"(?!\s+volatility)")
# a price alone, of what its heading names ("Closing price" under "Stock Performance:")
_PRICE_ALONE = re.compile(r"^(?:closing|close|opening|high|low|market)(?: (?:sales? )?price)?\s*$")
_DAY_RATE = re.compile(r"\bday ?rates?\b")  # a price per day: a rig's, a vessel's
_STOCK_WORD = re.compile(r"\b(?:stock|shares?)\b")
# shares left out of a per-share figure: "Equity awards excluded from diluted net income
# per share because their effect would have been anti-dilutive"
_LEFT_OUT = re.compile(r"\bexcluded from\b|\banti-?dilutive\b")
# a price of a unit of oil, gas or power: "(per Bbl)", "$/Mcf", "per MMBtu"
_PER_COMMODITY = re.compile(r"(?:\bper|\$/)\s*(bbl|barrel|boe|mcf|mcfe|mmbtu|gallon|gal|tonne|mwh"
                            r"|metric ton|mt)\b")
_COMMODITY_UNITS = {"barrel": "bbl", "metric ton": "tonne", "mt": "tonne", "gal": "gallon"}
# a volume of oil, gas or power, said in the label: "(MBbl)", "Bcfe", "(Bbl/d)"
_VOLUME = re.compile(r"\(?\b(m{0,2}bbls?(?:/d)?|m?boe(?:/d)?|[mb]?mcfe?(?:/d)?|bcfe?(?:/d)?|mwh"
                     r"|gwh)\b\)?")
# a tonnage said in parentheses, its multiple in the unit: "Production (mdmt)", "(kmt)"
_TONNAGE = re.compile(r"\(((?:k|m|mm)d?mt|dmt)\)")  # (not "(MT)" alone: a state, or tons)
# things counted, and tons, in the table's scale when its note is general ("in
# thousands"): "Units in service", "LTL tonnage", "LTL shipments"
_COUNTED_IN_NOTE = re.compile(r"\bunits in service\b|\btonnage\b|^(?:[\w-]+ )?shipments$")
# a rate the label states: "$.48 per common share", "$0.01 par value per share"
_RATE_SAID = re.compile(r"\$\s?\d*\.?\d+\s+(?:(?:par|stated|liquidation)\s+value\s+)?per\b")
# rows that count days, ratios, rates and things rather than dollars; days after a
# number class what the row counts ("Loans 30-89 days past due", "Over 90 days"), they are
# no unit of its figures
_DAYS = re.compile(r"(?<!\d )(?<!\+ )(?<!\d-)\bdays\b")
_RATIO = re.compile(r"\bratio\b|^(?:average |foreign |year-end )?exchange rates?\b"
                    # times a year, and a multiple of earnings: "Inventory turns", "Net
                    # debt/EBITDA", "Adjusted market capitalization/LTM Adjusted EBITDA"
                    r"|\bturns\b|\b(?:debt|capitalization|value|price)/(?:(?:ltm|ttm|adjusted"
                    r"|trailing) )*(?:ebitda|earnings)[\s*]*$")
_PERCENT_WORDS = re.compile(r"\((?:in )?%\)|\bpercent(?:age)?\b|\b(?:tax|interest|growth) rate\b"
                            # a rate that heads the label ("Secured borrowing rates"), not
                            # one a dollar amount is about ("Effect of changes in prepayment
                            # rates", "Actuarial loss due to change in discount rate")
                            r"|^(?!.*\b(?:change|changes|effect|impact|due|from|on)\b)"
                            r"(?:[\w-]+ ){0,3}(?:borrowing|prepayment|default|vacancy"
                            r"|occupancy|utilization|discount) rates?\b"
                            r"|\bmargin %|\bas a % of\b"
                            # "Return on average tangible common equity", "Return on assets"
                            r"|^(?:annualized )?return on (?:average )?(?:[a-z]+ ){0,3}"
                            r"(?:assets|equity|capital)\b"
                            # the returns' abbreviations: "ROACE", "ROAA", "ROTCE"
                            r"|\bro(?:a|e|aa|ae|ace|tce|atce|ic|te)\b"
                            # a bank's margins and ratios of one balance to another: "Net
                            # interest margin", "Tier 1 capital to average assets"
                            r"|\bnet interest (?:margin|spread)\b|\binterest rate spread\b"
                            r"|^(?:average )?yields? on\b"  # "Yields on residential mortgages"
                            r"|\bto (?:average |total |risk[- ]weighted )(?:[a-z-]+ ){0,2}"
                            r"(?:assets|loans|deposits|equity|capital)\b")
# things counted, as the head of a label: before any preposition ("Payables to
# customers", "Revenue from new customers" are dollars; "Customers at end of period" and
# "Number of stores" are counts)
_COUNTED = re.compile(r"^number of\b|^(?:(?!\b(?:to|from|for|with|by|on|in|of|at|per)\b)"
                      r".)*\b(?:" + ("|".join(map(re.escape, VOCABULARY.counted)) or "(?!)")
                      + r")\b(?!['\u2019])"  # (not their possessive: "Employees' taxes paid")
                      # units sold, not an average unit's sales in dollars or their growth
                      r"|^(?!average\b|same\b|comparable\b)(?:(?!and\b)[\w-]+ ){0,2}unit sales"
                      r"(?: \([^)]*\))?$"
                      r"|^units (?:sold|shipped)$")
_SAID_SCALE = re.compile(r"\((?:in )?(thousands?|millions?|000'?s?)\)")  # "(000)", "(million)"
_PRODUCED = re.compile(rf"^({_METALS}) (produced|- ounces|- tons)$")
_PRICE = re.compile(rf"^({_METALS}) - (london|lme|comex)")
_DIVIDED = re.compile(rf"^divided by ({_METALS}) ounces produced$")


@dataclass(frozen=True, slots=True)
class ScaleNote:
    """What a table's scale line says: which quantities are printed in thousands."""

    text: str = ""
    scale: int = 0
    quantities: frozenset[str] = field(default_factory=frozenset)
    # quantities the note scales apart: "shares, which are reflected in thousands"
    apart: tuple[tuple[str, int], ...] = ()
    _hash: int = field(default=0, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash((self.text, self.scale, self.quantities,
                                                self.apart)))

    def __hash__(self) -> int:  # worked out once: row_unit's memo hashes the note per row
        return self._hash

    def scale_of(self, quantity: str) -> int:
        for name, scale in self.apart:
            if name == quantity:
                return scale
        return self.scale if quantity in self.quantities else 0


_SCALE_WORDS = {"thousands": 3, "thousand": 3, "000s": 3, "000's": 3, "000": 3,
                "millions": 6, "million": 6, "billions": 9, "billion": 9}
_QUANTITIES = ("dollars", "shares", "ounces", "tons", "pounds")
# "dollars, shares and ounces in thousands"; "($ in millions)"; "in thousands of dollars"
_NAMED_SCALE = re.compile(
    r"((?:dollars|shares|ounces|tons|pounds|\$)(?:(?:,| and|,? and) "
    r"(?:dollars|shares|ounces|tons|pounds))*),? in (thousands|millions|billions)")
_ANY_SCALE = re.compile(
    r"(?:^|[\s(\[$])(?:in |amounts in |figures in )?(thousands|millions|billions)\b"
    r"|\(\$?\s?(000'?s?)(?: omitted)?\)|\$\s?(000'?s?)\b|\b(000'?s?) omitted"
    r"|\bin \$?(000'?s)\b")
_EXCEPT = re.compile(r"\bexcept\b(.*)")
# the quantities after "thousands of": "of dollars", "of U.S. dollars and shares"
_OF_QUANTITIES = re.compile(r" of (?:u\.s\. )?((?:dollars|shares|ounces|tons|pounds)"
                            r"(?:(?:,| and|,? and) (?:dollars|shares|ounces|tons|pounds))*)")
# a quantity the note scales apart from the rest: "number of shares, which are reflected
# in thousands", "shares in thousands"
# amounts and a quantity under one scale: "Amounts and shares in thousands"
_JOINED_APART = re.compile(r"\b(?:amounts|dollars) and (?:shares?|ounces|tons|pounds) in "
                           r"(thousands|millions|billions)\b")
_APART = re.compile(r"\b(shares?|ounces|tons|pounds)\b(?: (?:amounts|data|counts))?"
                    r"(?:,? which are (?:reflected|presented|stated|shown))? in "
                    r"(thousands|millions|billions)\b")


@lru_cache(maxsize=1024)
def parse_scale_note(text: str) -> ScaleNote | None:
    """The scale a table's note gives, and which quantities it applies to:
    ``(dollars in thousands, except per share, per ounce and per pound amounts)``,
    ``(in millions, except share and per share amounts)``, ``($000's omitted)``,
    ``$000``, ``(millions, except earnings per common share)``.

    A note that names its quantities scales those; a note that names none scales
    dollars, shares and the metal quantities, except those its "except" clause names
    (per-unit figures are never scaled: see row_unit). (Memoised, so that tables under
    the same note share one note, which row_unit's memo then finds by identity.)"""
    low = re.sub(r"\s+", " ", text.lower())
    named = _NAMED_SCALE.search(low)
    listed = named is not None and sum(q in named.group(1) for q in _QUANTITIES) > 1
    apart = () if listed else tuple((q if q.endswith("s") else q + "s", _SCALE_WORDS[w])
                                    for q, w in _APART.findall(low))
    if apart:  # "(net income in millions and shares in thousands)": the rest, apart
        rest = parse_scale_note(_APART.sub("", low)) if _APART.sub("", low) != low else None
        if rest is not None:
            return ScaleNote(text.strip(), rest.scale, rest.quantities, apart)
        joined = _JOINED_APART.search(low)
        if joined is None:
            return ScaleNote(text.strip(), 0, frozenset(), apart)
        # "Amounts and shares in thousands": one scale for all but what it excepts
        return ScaleNote(text.strip(), _SCALE_WORDS[joined.group(1)],
                         _not_excepted(low[joined.end():]))
    m = _NAMED_SCALE.search(low)
    if m:
        named = m.group(1).replace("$", "dollars")
        quantities = frozenset(q for q in _QUANTITIES if q in named)
        return ScaleNote(text.strip(), _SCALE_WORDS[m.group(2)], quantities)
    m = _ANY_SCALE.search(low)
    if not m:
        return None
    word = next(g for g in m.groups() if g)
    of = _OF_QUANTITIES.match(low, m.end())
    if of:  # "thousands of dollars", "(Thousands of Dollars and Shares, Except ...)"
        return ScaleNote(text.strip(), _SCALE_WORDS[word],
                         frozenset(q for q in _QUANTITIES if q in of.group(1)))
    return ScaleNote(text.strip(), _SCALE_WORDS[word], _not_excepted(low[m.end():]))


def _not_excepted(after: str) -> frozenset[str]:
    """The quantities a note scales, but those its "except" clause (in ``after``, the
    note's words after its scale) names: "except share and per share amounts": shares
    are not scaled; "except per share" names per-share figures only."""
    excepted = _EXCEPT.search(after)
    named = re.sub(r"per (?:common )?share", "", excepted.group(1)) if excepted else ""
    return frozenset(q for q in _QUANTITIES if q.rstrip("s") not in named)


@dataclass(frozen=True, slots=True)
class RowUnit:
    unit: str
    scale: int


_NOTE_IN_HEADING = re.compile(r"\([^)]*\)|\bexcept\b.*")


@lru_cache(maxsize=8192)
def row_unit(label: str, group: str | None, note: ScaleNote) -> RowUnit:
    """The unit and scale of a row's figures, from its label, its group and the table note."""
    low = label.lower()
    grp = (group or "").lower()
    if "oz./ton" in low or "oz/ton" in low or "ounces per ton" in low or "(opt)" in low:
        return RowUnit(u.OZ_PER_TON, 0)
    if "g/t" in low or "grams per tonne" in low:
        return RowUnit(u.G_PER_T, 0)
    if "per ton" in low:
        return RowUnit(u.USD_PER_TON, 0)
    if "$/oz" in low or "per ounce" in low or ("per ounce" in grp and "ounces" not in low):
        return RowUnit(u.USD_PER_OZ, 0)
    if (per := _PER_COMMODITY.search(low)) is not None:  # "C2 Ethane (per Bbl)"
        return RowUnit("USD/" + _COMMODITY_UNITS.get(per.group(1), per.group(1)), 0)
    if (volume := _VOLUME.search(low) or _TONNAGE.search(low)) is not None and "$" not in low:
        return RowUnit(volume.group(1), 0)  # "Oil (MBbl)", "Production (mdmt)"
    if "$/pound" in low or "$/lb" in low or "per pound" in low or (
            "per pound" in grp and "pounds" not in low and "tons" not in low):
        return RowUnit(u.USD_PER_LB, 0)
    head = low.split(",")[0].split(";")[0]  # "Common stock, no par value; ... shares" is $
    if _SHARE_COUNT.search(head):  # "Shares used in computing earnings per share"
        return RowUnit(u.SHARES, _said_scale(low) or note.scale_of("shares"))
    said = _said_scale(low)
    if _LEFT_OUT.search(low) and _PER_SHARE.search(low):
        return RowUnit(u.SHARES, said or note.scale_of("shares"))
    if _PER_SHARE.search(low) and not _RATE_SAID.search(low) and not said:
        # ("Cash dividends of $.48 per common share" states the rate, "Numerator for
        # earnings per share - Net income (in millions)" its scale: their figures are $)
        return RowUnit(u.USD_PER_SHARE, 0)
    if _DAY_RATE.search(low) or _DAY_RATE.search(grp) and not said:
        # ("Average Day Rates" over "Floaters": dollars a day)
        return RowUnit(u.USD + "/day", 0)
    if _STOCK_PRICE.search(low) or _PRICE_ALONE.match(low) and _STOCK_WORD.search(grp):
        # ("Closing stock price", "Closing price" under "Stock Performance Indicators:")
        return RowUnit(u.USD_PER_SHARE, 0)
    if _DAYS.search(low):
        return RowUnit(u.DAYS, 0)
    if _RATIO.search(low) and not _FOR_A_RATIO.search(low):  # ("Adjusted total revenues
        # for adjusted efficiency ratio": an amount that goes into one)
        return RowUnit(u.RATIO, 0)
    if _PERCENT_WORDS.search(low):
        return RowUnit(u.PERCENT, 0)
    if _COUNTED.search(head):
        return RowUnit(u.COUNT, said)
    if _COUNTED_IN_NOTE.search(low):  # (a general note, "in thousands", scales them too)
        general = len(note.quantities) > 1
        return RowUnit(u.TONS if "tonnage" in low else u.COUNT,  # ("LTL tonnage": tons)
                       said or (note.scale if general else 0))
    if _OUNCES.search(low):  # ("Ounces produced (thousand)": its own scale)
        return RowUnit(u.OUNCES, said or note.scale_of("ounces"))
    if _TONS.search(low):
        return RowUnit(u.TONS, said or note.scale_of("tons"))
    if _SHARES_OR_UNITS.search(low) and _WEIGHTED.search(grp):  # "Total common and
        # dilutive shares", "Operating partnership units" under "Weighted average outstanding"
        return RowUnit(u.SHARES, said or note.scale_of("shares"))
    if said:
        return RowUnit(u.USD, said)
    if grp and not _SHARES.search(low):  # "Earnings per share:" over "Basic", "Diluted"
        if _SHARE_COUNT.search(grp):
            return RowUnit(u.SHARES, _said_scale(grp) or note.scale_of("shares"))
        heading = _NOTE_IN_HEADING.sub(" ", grp)  # (a scale note read as a heading, "(In
        # thousands, except per share data)", says nothing of the rows under it)
        if _PER_SHARE.search(heading):
            return RowUnit(u.USD_PER_SHARE, 0)
        if _RATIO.search(heading):  # "Losses and loss adjustment expense ratio" over
            return RowUnit(u.RATIO, 0)  # "Current accident year before catastrophes"
        if "except" not in grp and (per := _PER_COMMODITY.search(grp)) is not None:
            # "Average costs (per Mcfe):", not a scale note's "except per Mcfe amounts"
            return RowUnit("USD/" + _COMMODITY_UNITS.get(per.group(1), per.group(1)), 0)
        if _COUNTED_IN_NOTE.search(heading):  # "Paging units in service" over "Net change"
            return RowUnit(u.COUNT, note.scale if len(note.quantities) > 1 else 0)
    return RowUnit(u.USD, note.scale_of("dollars"))


def counts(title: str) -> bool:
    """Whether a table's title names things counted ("Domestic Retail Stores:",
    "Number of employees")."""
    return bool(_COUNTED.search(title.lower()))


def _said_scale(low: str) -> int:
    """The scale a label says of itself: ``(in thousands)``, ``(000)``, ``(in
    millions)``; or 0."""
    m = _SAID_SCALE.search(low)
    return 0 if m is None else 6 if m.group(1).startswith("million") else 3


def normalise(label: str) -> str:
    low = label.lower()
    if "(" in low:
        low = _UNIT_PAREN.sub("", low)
    low = low.replace("$", "").rstrip(":")
    return " ".join(low.split()).strip(" -")


CONCEPTS = VOCABULARY.concepts  # labels as printed (normalised) -> concepts
_PER_OUNCE_CONCEPTS = VOCABULARY.per_ounce
_DOLLAR_CONCEPTS = VOCABULARY.dollars
_CASH_FLOW_CONCEPTS = VOCABULARY.cash_flow
_SEGMENT_ROW = re.compile(rf"^({_METALS}) operations$")


@lru_cache(maxsize=8192)
def concept_of(label: str, unit: str, group: str | None, table: str = "") -> str | None:
    """The canonical concept of a row, or None when the label is not known."""
    key = normalise(label)
    if "cash flows" in table.lower():
        if key in _CASH_FLOW_CONCEPTS:
            return _CASH_FLOW_CONCEPTS[key]
        concept = CONCEPTS.get(key)
        return concept if concept and concept.startswith(
            ("net_change_in_cash", "cash_", "investing_", "financing_")) else None
    if unit == u.USD_PER_OZ and key in _PER_OUNCE_CONCEPTS:
        return _PER_OUNCE_CONCEPTS[key]
    if unit == u.USD and key in _DOLLAR_CONCEPTS:
        return _DOLLAR_CONCEPTS[key]
    if key in CONCEPTS:
        return CONCEPTS[key]
    if _SEGMENT_ROW.match(key) and group:
        return CONCEPTS.get(normalise(group))
    if _PRODUCED.match(key):
        return "metal_produced"
    if _PRICE.match(key):
        return "metal_price"
    if key.startswith("ore grade milled - ") or key.startswith("head grade"):
        return "head_grade"
    if _DIVIDED.match(key):
        return "ounces_produced"
    return None


@lru_cache(maxsize=8192)
def segment_of(label: str) -> str | None:
    """``Silver operations`` → ``silver``: a row that is one segment's figure."""
    if "operations" not in label.lower():
        return None
    m = _SEGMENT_ROW.match(normalise(label))
    return m.group(1) if m else None
