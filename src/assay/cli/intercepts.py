"""``assay intercepts``: significant drill intercepts from collar, survey and assay tables."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from assay.errors import InputError, InputErrors
from assay.explore.detection import number
from assay.explore.drillholes import DrillData, load_folder
from assay.explore.intercepts import check_rules, find_intercepts
from assay.explore.rules import Cutoff, Price, Rules, include_not_above, ratio_problem

from .app import app
from .common import (
    check_distinct,
    check_output_path,
    err_console,
    input_errors_exit,
    to_file,
    working,
    write_text_output,
    writing,
    written,
)
from .options import Indent, Output, Quiet, format_option, formats, json_indent

InterceptsFormat = formats("InterceptsFormat", "text", "csv", "md", "xlsx", "json")


def _pairs(items: list[str], option: str, errors: list[InputError]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            errors.append(InputError(option, f"cannot read {item!r}: write KEY=VALUE"))
            continue
        out[key.strip()] = value.strip()
    return out


def _decimal(text: str | None, option: str, errors: list[InputError],
             positive: bool = False, percent: bool = False) -> Decimal | None:
    """A number; a trailing "%" only where the option is a percentage (``percent``)."""
    if text is None:
        return None
    t = text.strip()
    if t.endswith("%") and not percent:
        errors.append(InputError(option, f"{text!r}: '%' is not a unit here; write a plain "
                                 "number"))
        return None
    value = number(t[:-1] if percent and t.endswith("%") else t)
    if value is None:
        errors.append(InputError(option, f"not a number: {text!r}"))
    elif value < 0 or (positive and value == 0):
        errors.append(InputError(option, f"{text!r}: must be {'above' if positive else 'at least'}"
                                 " 0"))
    else:
        return value
    return None


def _element(key: str, option: str, errors: list[InputError]) -> str | None:
    from assay.explore.columns import ELEMENTS
    e = ELEMENTS.get(key.lower())
    if e is None:
        errors.append(InputError(option, f"not an element symbol: {key!r}"))
    return e


@app.command()
def intercepts(
    folder: Annotated[Path, typer.Argument(
        metavar="DATABASE",
        help="The drilling database: a folder with collar.csv, survey.csv and assays.csv (or "
             ".xlsx files), an xlsx workbook with sheets collar, survey and assays, or a "
             "SQLite or DuckDB file with tables of those names.")],
    cutoff: Annotated[str, typer.Option("--cutoff", metavar="CUTOFF", help=(
        "The cut-off: 'Ag>=50' (in the column's unit), 'Ag>=1.5 oz/ton', 'Cu>=0.5%', or on "
        "an equivalent, 'AgEq>=100'."))],
    max_waste: Annotated[str, typer.Option("--max-waste", metavar="METRES", help=(
        "The longest run of internal waste an intercept may include."))] = "0",
    min_length: Annotated[str | None, typer.Option("--min-length", metavar="METRES", help=(
        "The shortest intercept reported."))] = None,
    min_gxt: Annotated[str | None, typer.Option("--min-gxt", metavar="GRADE_X_METRES", help=(
        "The least grade x length reported (cut-off unit x m); meeting either minimum "
        "suffices."))] = None,
    include: Annotated[str | None, typer.Option("--include", metavar="CUTOFF", help=(
        "A higher cut-off for 'including' sub-intervals, such as 'Ag>=500'."))] = None,
    top_cut: Annotated[list[str] | None, typer.Option("--top-cut", metavar="EL=VALUE", help=(
        "A top-cut applied to a copy of the assays, such as Ag=3000; repeat for several."))
    ] = None,
    price: Annotated[list[str] | None, typer.Option("--price", metavar="EL=USD", help=(
        "A metal price for equivalents: USD per oz for g/t metals, per lb for % metals."))
    ] = None,
    recovery: Annotated[list[str] | None, typer.Option("--recovery", metavar="EL=PERCENT", help=(
        "A metallurgical recovery for equivalents (default 100)."))] = None,
    true_width_ratio: Annotated[str | None, typer.Option(
        "--true-width-ratio", metavar="RATIO", help=(
        "True width = RATIO x down-hole length, RATIO above 0 and at most 1."))] = None,
    vein_orientation: Annotated[list[str] | None, typer.Option(
        "--vein-orientation", metavar="[VEIN=]DIP/DIPDIR", help=(
            "A vein's orientation, such as 70/045 for every vein or Sacramento=70/045 for "
            "one (repeatable): true widths square to the vein from the desurveyed holes."))
    ] = None,
    desurvey: Annotated[str, typer.Option("--desurvey", metavar="METHOD", help=(
        "How holes run between survey stations: minimum-curvature, balanced-tangential "
        "or tangent."))] = "minimum-curvature",
    length_unit: Annotated[str, typer.Option("--length-unit", metavar="UNIT", help=(
        "Report lengths in m or ft."))] = "m",
    depth_unit: Annotated[str, typer.Option("--depth-unit", metavar="UNIT", help=(
        "The unit of the depths in the tables: m or ft."))] = "m",
    dip_convention: Annotated[str, typer.Option("--dip-convention", metavar="SIGN", help=(
        "Which dips point down: auto (read from the data), negative-down or "
        "positive-down."))] = "auto",
    bdl: Annotated[str, typer.Option("--bdl", metavar="POLICY", help=(
        "What a below-detection value stands for: half (of the limit), zero or limit."))
    ] = "half",
    detection_limit: Annotated[list[str] | None, typer.Option(
        "--detection-limit", metavar="EL=VALUE", help=(
            "The detection limit of codes without one (BDL, ND)."))] = None,
    column: Annotated[list[str] | None, typer.Option("--column", metavar="FIELD=HEADER", help=(
        "Which column holds a field (hole, from, to, depth, azimuth, dip, vein, ...)."))
    ] = None,
    grade_unit: Annotated[list[str] | None, typer.Option("--grade-unit", metavar="EL=UNIT", help=(
        "The grade unit of a column without a suffix: g/t, ppm, ppb or %."))] = None,
    collar: Annotated[str, typer.Option("--collar", metavar="NAME", help=(
        "The collar file in DATABASE (in a workbook or database: the sheet or table named "
        "by its stem)."))] = "collar.csv",
    survey: Annotated[str, typer.Option("--survey", metavar="NAME", help=(
        "The survey file, sheet or table."))] = "survey.csv",
    assays: Annotated[str, typer.Option("--assays", metavar="NAME", help=(
        "The assay file, sheet or table."))] = "assays.csv",
    fmt: Annotated[InterceptsFormat, format_option(InterceptsFormat)] = InterceptsFormat.text,
    output: Output = None,
    indent: Indent = None,
    plot: Annotated[str | None, typer.Option("--plot", metavar="FILE", help=(
        "Also draw strip logs per hole to FILE (.png or .svg)."))] = None,
    plot_hole: Annotated[list[str] | None, typer.Option("--plot-hole", metavar="HOLE", help=(
        "A hole to draw in the strip log (repeatable; default: the holes with "
        "intercepts)."))] = None,
    plan: Annotated[str | None, typer.Option("--plan", metavar="FILE", help=(
        "Also draw a plan of collars, hole traces and intercept pierce points to FILE "
        "(.png or .svg)."))] = None,
    section: Annotated[str | None, typer.Option("--section", metavar="FILE", help=(
        "Also draw a cross-section of the desurveyed holes and their intercepts to FILE "
        "(.png or .svg)."))] = None,
    section_azimuth: Annotated[str | None, typer.Option(
        "--section-azimuth", metavar="DEGREES", help=(
        "The direction of the section line (default: the holes' mean azimuth)."))] = None,
    section_origin: Annotated[str | None, typer.Option(
        "--section-origin", metavar="EAST,NORTH", help=(
        "A point of the section line (default: the collars' centroid)."))] = None,
    section_width: Annotated[str | None, typer.Option("--section-width", metavar="METRES", help=(
        "Show only the holes within half this distance of the section plane."))] = None,
    title: Annotated[str, typer.Option("--title", metavar="TEXT", help="The table's title.")
                     ] = "Drill Intercepts",
    quiet: Quiet = False,
) -> None:
    """Significant intercepts under stated rules, as a release prints them.

    Prints the table (grouped by vein, then hole), one line of prose per intercept, and
    the rules; or writes CSV, Markdown, xlsx or JSON. Bad input: one line per error,
    exit code 2.
    """
    with input_errors_exit():
        errors: list[InputError] = []
        rules = _rules(cutoff, max_waste, min_length, min_gxt, include, top_cut or [],
                       price or [], recovery or [], true_width_ratio, vein_orientation or [],
                       desurvey, length_unit, errors)
        try:
            spaces = json_indent(fmt, indent)
        except InputError as e:
            errors.append(e)
        if fmt is InterceptsFormat.xlsx and not to_file(output):
            errors.append(InputError("--format", "xlsx needs --output FILE.xlsx"))
        if plot and Path(plot).suffix.lower() not in (".png", ".svg"):
            errors.append(InputError("--plot", f"{plot}: write .png or .svg"))
        if plot_hole and not plot:
            errors.append(InputError("--plot-hole", "draws into --plot OUT.png; give --plot"))
        for option, path in (("--plan", plan), ("--section", section)):
            if path and Path(path).suffix.lower() not in (".png", ".svg"):
                errors.append(InputError(option, f"{path}: write .png or .svg"))
        try:
            check_distinct(**{"--output": output, "--plot": plot, "--plan": plan,
                              "--section": section})
        except InputError as e:
            errors.append(e)
        view = _section_view(section, section_azimuth, section_origin, section_width, errors)
        for path in (output, plot, plan, section):
            try:
                check_output_path(path)  # before any work is done
            except InputError as e:
                errors.append(e)
        limits = {}
        for k, v in _pairs(detection_limit or [], "--detection-limit", errors).items():
            e = _element(k, "--detection-limit", errors)
            d = _decimal(v, "--detection-limit", errors, positive=True)
            if e and d is not None:
                limits[e] = d
        units = {}
        for k, v in _pairs(grade_unit or [], "--grade-unit", errors).items():
            e = _element(k, "--grade-unit", errors)
            u = {"g/t": "g/t", "ppm": "g/t", "gpt": "g/t", "ppb": "ppb", "%": "%",
                 "pct": "%"}.get(v.lower())
            if u is None:
                errors.append(InputError("--grade-unit", f"unknown grade unit {v!r}"))
            elif e:
                units[e] = u
        columns = _pairs(column or [], "--column", errors)
        # the folder is read even when an option is wrong, so that one run lists every error
        data: DrillData | None = None
        try:
            with working(f"reading {folder}", quiet):
                data = load_folder(folder, collar_file=collar, survey_file=survey,
                                   assay_file=assays, columns=columns, depth_unit=depth_unit,
                                   dip_convention=dip_convention, bdl_policy=bdl,
                                   detection_limits=limits, grade_units=units)
        except InputErrors as e:
            errors.extend(e.errors)
        except InputError as e:
            errors.append(e)
        if data is not None:
            if rules is not None:
                errors.extend(check_rules(data, rules))
            if plot_hole:
                from assay.explore.striplog import unknown_holes
                errors.extend(unknown_holes(data, plot_hole))
        if errors:
            raise InputErrors(errors)
        assert rules is not None and data is not None
        with working("compositing", quiet):
            result = find_intercepts(data, rules)
        from assay.explore import report

        what = f"{len(result.intercepts)} intercepts"
        if fmt is InterceptsFormat.xlsx:
            from assay.explore.workbook import write_xlsx
            writing(output, lambda: write_xlsx(result, output, title))
            written(what, output)
        else:
            text = (report.to_csv(result) if fmt is InterceptsFormat.csv else
                    report.to_markdown(result, title) if fmt is InterceptsFormat.md else
                    report.to_json(result, spaces) if fmt is InterceptsFormat.json else
                    report.text_report(result, title))
            write_text_output(text, output, what)
        sys.stdout.flush()
        for note in [] if quiet else data.notes:
            if note.severity != "info" or note.code == "below-detection":
                err_console.print(f"note: {note.location}: {note.message}", highlight=False,
                                  soft_wrap=True)
        if plot:
            from assay.explore.striplog import MAX_PANELS
            from assay.explore.striplog import plot as draw
            drawn = writing(plot, lambda: draw(result, plot, plot_hole, title))
            asked = len(set(plot_hole)) if plot_hole else (
                len({ic.hole for ic in result.intercepts}) or len(data.holes))
            more = (f" (of {asked} asked; at most {MAX_PANELS} per figure)"
                    if asked > len(drawn) else "")
            written(f"strip log of {len(drawn)} hole(s){more}", plot)
        if plan or section:
            from assay.explore import sections
        if plan:
            n = writing(plan, lambda: sections.plan(result, plan, title))
            written(f"plan of {n} hole(s)", plan)
        if section:
            n = writing(section, lambda: sections.section(result, section, title=title, **view))
            written(f"section of {n} hole(s)", section)


def _section_view(section: str | None, azimuth: str | None, origin: str | None,
                  width: str | None, errors: list[InputError]) -> dict:
    """The section plane's options, checked; they need ``--section``."""
    view: dict = {}
    given = [o for o, v in (("--section-azimuth", azimuth), ("--section-origin", origin),
                            ("--section-width", width)) if v is not None]
    if given and not section:
        errors.append(InputError(given[0], "places the --section plane; give --section "
                                 "OUT.png"))
    a = _decimal(azimuth, "--section-azimuth", errors)
    if a is not None and a > 360:
        errors.append(InputError("--section-azimuth", f"{azimuth!r}: degrees 0 to 360"))
    elif a is not None:
        view["azimuth"] = float(a)
    w = _decimal(width, "--section-width", errors, positive=True)
    if w is not None:
        view["width"] = float(w)
    if origin is not None:
        parts = origin.split(",")
        values = [number(p) for p in parts] if len(parts) == 2 else []
        if len(values) != 2 or any(v is None for v in values):
            errors.append(InputError("--section-origin", f"cannot read {origin!r}: write "
                                     "EAST,NORTH such as 560500,2695600"))
        else:
            view["origin"] = (float(values[0]), float(values[1]))
    return view


def _rules(cutoff: str, max_waste: str, min_length: str | None, min_gxt: str | None,
           include: str | None, top_cut: list[str], price: list[str], recovery: list[str],
           ratio: str | None, veins: list[str], method: str, length_unit: str,
           errors: list[InputError]) -> Rules | None:
    """The rules, every option parsed and every problem added to ``errors``; None when
    any option is wrong."""
    before = len(errors)
    cut = inc = None
    try:
        cut = Cutoff.parse(cutoff)
    except InputError as e:
        errors.append(e)
    if include:
        try:
            inc = Cutoff.parse(include, "--include")
        except InputError as e:
            errors.append(e)
        if cut and inc and include_not_above(cut, inc, None):
            errors.append(InputError("--include", f"{include!r} is not above the cut-off "
                                     f"{cutoff!r}"))
    waste = _decimal(max_waste, "--max-waste", errors)
    min_len = _decimal(min_length, "--min-length", errors)
    min_gxt_value = _decimal(min_gxt, "--min-gxt", errors)
    width_ratio = _decimal(ratio, "--true-width-ratio", errors, positive=True)
    if (bad_ratio := ratio_problem(width_ratio)) is not None:
        errors.append(bad_ratio)
    tops = {}
    for k, v in _pairs(top_cut, "--top-cut", errors).items():
        e = _element(k, "--top-cut", errors)
        d = _decimal(v, "--top-cut", errors, positive=True)
        if e and d is not None:
            tops[e] = d
    recs = {}
    for k, v in _pairs(recovery, "--recovery", errors).items():
        e = _element(k, "--recovery", errors)
        d = _decimal(v, "--recovery", errors, positive=True, percent=True)
        if d is not None and d > 100:
            errors.append(InputError("--recovery", f"{k}={v}: a percentage up to 100"))
        elif e and d is not None:
            recs[e] = d / 100
    prices = {}
    for k, v in _pairs(price, "--price", errors).items():
        e = _element(k, "--price", errors)
        d = _decimal(v.lstrip("$"), "--price", errors, positive=True)
        if e and d is not None:
            prices[e] = Price(e, d, recs.get(e, Decimal(1)))
    for e in recs:
        if e not in prices:
            errors.append(InputError("--recovery", f"recovery for {e} without --price {e}=USD"))
    orientation, by_vein = None, {}
    for item in veins:
        name, sep, plane = item.rpartition("=")
        got = _plane(plane, item, errors)
        if got is None:
            continue
        if not sep:
            if orientation is not None:
                errors.append(InputError("--vein-orientation", f"{item!r}: a second "
                                         "orientation for every vein; name the vein: "
                                         "VEIN=DIP/DIPDIRECTION"))
            orientation = got
        elif not name.strip():
            errors.append(InputError("--vein-orientation", f"cannot read {item!r}: write "
                                     "VEIN=DIP/DIPDIRECTION"))
        else:
            by_vein[name.strip()] = got
    if (orientation or by_vein) and width_ratio is not None:
        errors.append(InputError("--vein-orientation", "true widths come from a ratio or "
                                 "from vein orientations, not both"))
    from assay.explore.desurvey import METHODS
    if method not in METHODS:
        errors.append(InputError("--desurvey", f"unknown method {method!r}; use one of "
                                 f"{', '.join(METHODS)}"))
    if length_unit not in ("m", "ft"):
        errors.append(InputError("--length-unit", f"unknown unit {length_unit!r}; use m or ft"))
    if len(errors) > before or cut is None or waste is None:
        return None
    return Rules(cut, waste, min_len, min_gxt_value, inc, tops, prices, width_ratio,
                 orientation, length_unit, by_vein, method)


def _plane(text: str, item: str, errors: list[InputError]) -> tuple[Decimal, Decimal] | None:
    """A vein's 'DIP/DIPDIRECTION': dip 0 to 90 degrees, dip direction 0 to 360."""
    a, sep, b = text.partition("/")
    before = len(errors)
    dip = _decimal(a, "--vein-orientation", errors) if sep else None
    direction = _decimal(b, "--vein-orientation", errors) if sep else None
    if len(errors) > before:
        return None
    if not sep or dip is None or direction is None:
        errors.append(InputError("--vein-orientation", f"cannot read {item!r}: write "
                                 "DIP/DIPDIRECTION such as 70/045"))
    elif dip > 90 or direction > 360:
        errors.append(InputError("--vein-orientation", f"{item!r}: a dip is 0 to 90 degrees "
                                 "and a dip direction 0 to 360"))
    else:
        return dip, direction
    return None
