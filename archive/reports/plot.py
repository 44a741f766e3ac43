"""Pictures of the canned reports (``archive report NAME --plot FILE.png|svg``).

matplotlib is an optional extra (``pip install 'archive[plot]'``): it is imported only when a picture
is drawn, with its ``Figure`` class alone (no pyplot, no window, no display needed), and its absence
is :class:`PlotUnavailable` with the command that installs it.

What each report becomes:

- country-pairs: meetings per country pair per year, as grouped bars (the busiest pairs);
- topics: meetings per topic code, bars grouped by country pair;
- claim-timeline, claim-consistency: each claim (or distinct value) a point at the end of its
  period, the period drawn as a line from its first to its last day, one colour per speaker, one
  panel per unit;
- most-quoted, counterparts: horizontal bars.

The data for each picture is prepared by plain functions (:func:`year_bars`, :func:`topic_bars`,
:func:`timeline`, :func:`ranking`), so that it is tested without matplotlib.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

FORMATS = ("png", "svg")
TOP_SERIES = 8          # bars: the pairs with most meetings; the rest are one "other" series
TOP_RANKS = 20          # horizontal bars: at most this many
INSTALL = "pip install 'archive[plot]'"

Row = Mapping[str, Any]


class PlotUnavailable(Exception):
    """matplotlib is not installed; the message says how to install it."""


def figure_format(path: str | Path) -> str:
    """``png`` or ``svg`` from the file name; ValueError for any other."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"--plot FILE must end in .png or .svg, not {Path(path).name!r}")
    return suffix


# -- the data of each picture -----------------------------------------------------------------------

def _pair(row: Row) -> str:
    return f"{row['country_a']}–{row['country_b']}"


def _top(totals: Mapping[str, int], top: int) -> list[str]:
    return sorted(totals, key=lambda k: (-totals[k], k))[:top]


def year_bars(rows: Sequence[Row], top: int = TOP_SERIES) -> tuple[list[str], dict[str, list[int]]]:
    """country-pairs rows -> (years, {pair: meetings per year}); beyond ``top`` pairs, one "other"."""
    years = sorted({str(r["year"]) if r["year"] is not None else "undated" for r in rows})
    totals: dict[str, int] = {}
    for r in rows:
        totals[_pair(r)] = totals.get(_pair(r), 0) + int(r["meetings"])
    shown = _top(totals, top)
    series: dict[str, list[int]] = {p: [0] * len(years) for p in shown}
    for r in rows:
        label = _pair(r) if _pair(r) in series else "other"
        series.setdefault(label, [0] * len(years))
        year = str(r["year"]) if r["year"] is not None else "undated"
        series[label][years.index(year)] += int(r["meetings"])
    return years, series


def topic_bars(rows: Sequence[Row], top: int = TOP_SERIES) -> tuple[list[str], dict[str, list[int]]]:
    """topics rows -> (codes, {pair: meetings per code}), all years added up."""
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["topic_code"]] = totals.get(r["topic_code"], 0) + int(r["meetings"])
    codes = _top(totals, len(totals))
    pair_totals: dict[str, int] = {}
    for r in rows:
        pair_totals[_pair(r)] = pair_totals.get(_pair(r), 0) + int(r["meetings"])
    shown = _top(pair_totals, top)
    series: dict[str, list[int]] = {p: [0] * len(codes) for p in shown}
    for r in rows:
        label = _pair(r) if _pair(r) in series else "other"
        series.setdefault(label, [0] * len(codes))
        series[label][codes.index(r["topic_code"])] += int(r["meetings"])
    return codes, series


def _day(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def timeline(rows: Sequence[Row]) -> dict[str, dict[str, list[tuple[dt.date, float, dt.date | None, dt.date | None]]]]:
    """claim-timeline or claim-consistency rows -> {unit: {speaker: [(x, value, span start, span end)]}}:
    x is the period's last day, else its first, else the day the claim was made; the span is the
    period when both ends are known. Rows with no day at all are left out."""
    out: dict[str, dict[str, list[tuple[dt.date, float, dt.date | None, dt.date | None]]]] = {}
    for r in rows:
        start, end = _day(r.get("period_start")), _day(r.get("period_end"))
        x = end or start or _day(r.get("date"))
        if x is None or r.get("value") is None:
            continue
        speaker = r.get("speaker") or r.get("speakers") or "unknown speaker"
        unit = r.get("unit") or "count"
        if r.get("change"):
            unit = f"{unit} ({r['change']})"
        span = (start, end) if start and end else (None, None)
        out.setdefault(unit, {}).setdefault(speaker, []).append((x, float(Decimal(r["value"])), *span))
    return out


def ranking(rows: Sequence[Row], label: str, value: str, top: int = TOP_RANKS) -> list[tuple[str, int]]:
    """(label, value) of the first ``top`` rows, largest first (rows come sorted by the report)."""
    return [(str(r[label]), int(r[value] or 0)) for r in rows[:top]]


# -- drawing ----------------------------------------------------------------------------------------

def _figure(width: float = 10.0, height: float = 5.5) -> Any:
    try:
        from matplotlib.figure import Figure
    except ImportError as error:
        raise PlotUnavailable(f"--plot needs matplotlib, an optional extra: {INSTALL}") from error
    return Figure(figsize=(width, height), layout="constrained")


def _grouped(ax: Any, labels: list[str], series: dict[str, list[int]], horizontal: bool = False) -> None:
    from matplotlib.ticker import MaxNLocator

    (ax.xaxis if horizontal else ax.yaxis).set_major_locator(MaxNLocator(integer=True))   # counts
    n = max(1, len(series))
    width = 0.8 / n
    for i, (name, values) in enumerate(series.items()):
        offsets = [x - 0.4 + width * (i + 0.5) for x in range(len(labels))]
        (ax.barh if horizontal else ax.bar)(offsets, values, width, label=name)
    if horizontal:
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
    else:
        ax.set_xticks(range(len(labels)), labels, rotation=45 if len(labels) > 8 else 0)
    if len(series) > 1:
        ax.legend(fontsize="small", ncols=2 if len(series) > 6 else 1)


def _short_number(value: float, _pos: Any = None) -> str:
    """Axis labels people read: 4.6 bn, 350 M, 12 k, 21."""
    for scale, name in ((1e12, " tn"), (1e9, " bn"), (1e6, " M"), (1e3, " k")):
        if abs(value) >= scale:
            return f"{value / scale:g}{name}"
    return f"{value:g}"


def _timeline(fig: Any, data: dict, title: str) -> None:
    from matplotlib.ticker import FuncFormatter

    units = sorted(data)[:4]
    axes = fig.subplots(len(units), 1, squeeze=False, sharex=True)[:, 0]
    colours = {}
    palette = [f"C{i}" for i in range(10)]
    for ax, unit in zip(axes, units, strict=False):
        for speaker, points in sorted(data[unit].items()):
            colour = colours.setdefault(speaker, palette[len(colours) % len(palette)])
            for _x, y, start, end in points:
                if start and end:
                    ax.hlines(y, start, end, colors=colour, alpha=0.35, linewidth=4)
            ax.plot([p[0] for p in points], [p[1] for p in points], "o", color=colour, label=speaker)
        ax.set_ylabel(unit)
        ax.yaxis.set_major_formatter(FuncFormatter(_short_number))
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize="small")
    axes[0].set_title(title)
    axes[-1].set_xlabel("period (line) and its last day (point)")


def draw(report: str, columns: Sequence[str], rows: Sequence[Row], path: str | Path, title: str | None = None) -> None:
    """Draw ``report``'s rows to ``path`` (.png or .svg). ValueError for a bad file name or a
    report without a picture; PlotUnavailable without matplotlib."""
    fmt = figure_format(path)
    title = title or report
    if report in ("claim-timeline", "claim-consistency"):
        data = timeline(rows)
        fig = _figure(height=3.2 * max(1, min(4, len(data))) + 0.8)
        if data:
            _timeline(fig, data, title)
        else:
            fig.subplots().set_title(f"{title}: no claim with a period or date")
    elif report == "country-pairs":
        fig = _figure()
        ax = fig.subplots()
        years, series = year_bars(rows)
        _grouped(ax, years, series)
        ax.set_ylabel("meetings")
        ax.set_title(title)
    elif report == "topics":
        codes, series = topic_bars(rows)
        fig = _figure(height=max(4.0, 0.35 * len(codes) * max(1, min(3, len(series))) + 1.5))
        ax = fig.subplots()
        _grouped(ax, codes, series, horizontal=True)
        ax.set_xlabel("meetings")
        ax.set_title(title)
    elif report in ("most-quoted", "counterparts"):
        label, value = ("speaker", "quotes") if report == "most-quoted" else ("country_name", "meetings")
        ranks = ranking(rows, label, value)
        fig = _figure(height=max(3.0, 0.35 * len(ranks) + 1.5))
        ax = fig.subplots()
        _grouped(ax, [r[0] for r in ranks], {value: [r[1] for r in ranks]}, horizontal=True)
        ax.set_xlabel(value)
        ax.set_title(title)
    else:
        raise ValueError(f"the {report} report has no picture")
    fig.savefig(path, format=fmt)
