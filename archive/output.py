"""One renderer for every listing command: table, csv, tsv, json, jsonl.

``@output_options`` gives a command ``--format/-f`` (and ``--no-header`` for csv/tsv/table, ``--wide``
for table); the default is ``table`` when standard output is a terminal and ``jsonl`` when it is piped
or redirected (the convention of sqlite-utils' ``--nl``: one JSON object a line, easy for jq and pandas).

A table on a terminal fits the terminal's width (:func:`fit_table`): columns with nothing in them go
first, then the widest text columns are narrowed and their long cells cut with "…" (numbers and
dates are never cut), and when even that is too wide the last columns are left out, named in a note
on standard error. ``--wide`` shows every column and cell whole. A table written elsewhere cuts cells
at ``TABLE_CELL_MAX`` characters, and other formats never cut anything.

Values are rendered the same way on both backends: dates ISO 8601 (YYYY-MM-DD), exact decimals
(integral ones without a fraction), booleans true/false, NULL as empty (csv/tsv/table) or null
(json/jsonl). Column names come from the query and are stable. An empty result prints nothing to
standard output (csv/tsv: the header; json: ``[]``), a one-line note to standard error, and exits 0.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, TextIO, TypeVar

import click

FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "jsonl")
TABLE_CELL_MAX = 80          # table cells longer than this are cut with "…" (other formats: full)
TABLE_COLUMN_FLOOR = 8       # fitting a terminal: no text column is narrowed below this (or its width)
_ATOMIC = re.compile(r"[-+]?[\d.,:%]+(?:[-T ][\d.:]+)*")   # numbers, dates, times, ids: never cut
WIDE_KEY = "archive.output.wide"
F = TypeVar("F", bound=Callable[..., Any])


def default_format(stream: TextIO | None = None) -> str:
    """``table`` on a terminal, ``jsonl`` when piped."""
    stream = stream if stream is not None else sys.stdout
    try:
        return "table" if stream.isatty() else "jsonl"
    except (AttributeError, ValueError):
        return "jsonl"


def json_value(value: Any) -> Any:
    """A value as JSON sees it: ISO dates, decimals as numbers, bytes as text."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", "replace")
    return value


def text_value(value: Any) -> str:
    """A value as text for csv, tsv and table cells."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(value.quantize(Decimal(1)))
        return format(value.normalize(), "f")
    if isinstance(value, float):
        return repr(value) if value != int(value) else str(int(value))
    value = json_value(value)
    return value if isinstance(value, str) else str(value)


def _cut(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    if width is None or len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + "…" if width > 0 else ""


def fit_widths(widths: Sequence[int], total: int, floors: Sequence[int] | None = None) -> list[int]:
    """Column widths narrowed, widest first, until the columns and the two spaces between them fit
    in ``total`` characters; no column goes below its floor (``TABLE_COLUMN_FLOOR`` or its own
    width when narrower, unless ``floors`` says otherwise)."""
    out = list(widths)
    floor = list(floors) if floors is not None else [min(w, TABLE_COLUMN_FLOOR) for w in out]
    used = sum(out) + 2 * max(len(out) - 1, 0)
    while used > total:
        movable = [k for k in range(len(out)) if out[k] > floor[k]]
        if not movable:
            break
        i = max(movable, key=lambda k: out[k])
        others = [out[k] for k in movable if k != i]
        step = min(used - total, out[i] - floor[i], max(1, out[i] - max(others, default=0)))
        out[i] -= step
        used -= step
    return out


def fit_table(columns: Sequence[str], cells: Sequence[Sequence[str]], total: int,
              header: bool = True) -> tuple[list[int], list[int]]:
    """Which columns to show and how wide, to fit ``total`` characters: all of them at their width
    when they fit; else columns with no value are left out, text columns narrowed to
    ``TABLE_COLUMN_FLOOR`` (numbers and dates keep their width), and the last columns left out
    while it is still too wide (the first always stays). (kept column indexes, their widths)."""
    def width(i: int) -> int:
        return max([len(columns[i]) if header else 0] + [len(row[i]) for row in cells])

    def line(kept: list[int], widths: Sequence[int]) -> int:
        return sum(widths) + 2 * max(len(kept) - 1, 0)

    kept = list(range(len(columns)))
    widths = [width(i) for i in kept]
    if line(kept, widths) <= total:
        return kept, widths
    kept = [i for i in kept if any(row[i] for row in cells)] or [0]
    atomic = {i for i in kept if all(not row[i] or _ATOMIC.fullmatch(row[i]) for row in cells)}
    natural = {i: width(i) for i in kept}
    floors = {i: natural[i] if i in atomic else min(natural[i], TABLE_COLUMN_FLOOR) for i in kept}
    while True:
        widths = fit_widths([natural[i] for i in kept], total, [floors[i] for i in kept])
        if line(kept, widths) <= total or len(kept) == 1:
            return kept, widths
        kept = kept[:-1]


def render(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str, out: TextIO,
           *, header: bool = True, width: int | None = None, cell_max: int | None = TABLE_CELL_MAX,
           note: Callable[[str], Any] | None = None) -> int:
    """Write ``rows`` (mappings with at least ``columns``) to ``out`` in ``fmt``; the row count.
    Tables: cells longer than ``cell_max`` are cut with "…", and with ``width`` the table is fitted
    into that many characters (:func:`fit_table`); None for either means no limit. ``note`` is
    told which columns a fitted table left out."""
    rows = list(rows)
    if fmt == "json":
        out.write(json.dumps([{c: json_value(r.get(c)) for c in columns} for r in rows],
                             ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps({c: json_value(r.get(c)) for c in columns}, ensure_ascii=False) + "\n")
    elif fmt in ("csv", "tsv"):
        writer = (csv.writer(out, lineterminator="\n") if fmt == "csv"
                  else csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL))
        if header:
            writer.writerow(columns)
        for r in rows:
            writer.writerow([text_value(r.get(c)) for c in columns])
    elif fmt == "table":
        if rows:
            cells = [[_cut(text_value(r.get(c)), cell_max) for c in columns] for r in rows]
            widths = [max([len(c) if header else 0] + [len(row[i]) for row in cells])
                      for i, c in enumerate(columns)]
            names = list(columns)
            if width is not None:
                kept, widths = fit_table(columns, cells, width, header)
                left_out = [c for i, c in enumerate(columns) if i not in kept and any(row[i] for row in cells)]
                cells = [[_cut(row[i], w) for i, w in zip(kept, widths, strict=True)] for row in cells]
                names = [columns[i] for i in kept]
                if left_out and note is not None:
                    note(f"{len(left_out)} column(s) left out to fit the terminal: {', '.join(left_out)} "
                         "(--wide shows them, -f csv or json gives everything)")
            names = [_cut(c, w) for c, w in zip(names, widths, strict=True)]
            lines = []
            if header:
                lines.append("  ".join(c.ljust(w) for c, w in zip(names, widths, strict=True)).rstrip())
                lines.append("  ".join("-" * w for w in widths))
            lines.extend("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
                         for row in cells)
            out.write("\n".join(lines) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return len(rows)


def terminal_width(stream: TextIO) -> int | None:
    """The terminal's width in characters when ``stream`` is a terminal, else None."""
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return shutil.get_terminal_size().columns


def table_layout(stream: TextIO | None = None) -> dict[str, int | None]:
    """``render`` keywords for a table on ``stream``: fitted to a terminal, cut at TABLE_CELL_MAX
    elsewhere, nothing cut with ``--wide``."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get(WIDE_KEY):
        return {"width": None, "cell_max": None}
    return {"width": terminal_width(stream if stream is not None else sys.stdout), "cell_max": TABLE_CELL_MAX}


def emit(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str | None = None, *,
         header: bool = True, empty: str = "no rows") -> int:
    """Render to standard output; on an empty result, a one-line note on standard error."""
    fmt = fmt or default_format()
    count = render(rows, columns, fmt, sys.stdout, header=header, **table_layout(sys.stdout),
                   note=lambda text: click.echo(text, err=True))
    if count == 0:
        click.echo(f"{empty}", err=True)
    return count


def _wide(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.meta[WIDE_KEY] = True


def output_options(command: F) -> F:
    """Add ``--format/-f``, ``--no-header`` and ``--wide`` to a click command (params ``fmt`` and
    ``header``; ``--wide`` is read by :func:`table_layout`)."""
    command = click.option(
        "--wide", is_flag=True, expose_value=False, callback=_wide,
        help="table: show every cell whole (by default a table fits the terminal's width, long cells "
             "cut with …).")(command)
    command = click.option(
        "--no-header", "header", is_flag=True, default=True, flag_value=False,
        help="csv, tsv, table: leave out the header line.")(command)
    return click.option(
        "--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
        help="Output format. Default: table on a terminal, jsonl when piped.")(command)
