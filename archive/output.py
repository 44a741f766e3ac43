"""One renderer for every listing command: table, csv, tsv, json, jsonl.

``@output_options`` gives a command ``--format/-f`` (and ``--no-header`` for csv/tsv/table); the
default is ``table`` when standard output is a terminal and ``jsonl`` when it is piped or redirected
(the convention of sqlite-utils' ``--nl``: one JSON object a line, easy for jq and pandas).

Values are rendered the same way on both backends: dates ISO 8601 (YYYY-MM-DD), exact decimals
(integral ones without a fraction), booleans true/false, NULL as empty (csv/tsv/table) or null
(json/jsonl). Column names come from the query and are stable. An empty result prints nothing to
standard output (csv/tsv: the header; json: ``[]``), a one-line note to standard error, and exits 0.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, TextIO, TypeVar

import click

FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "jsonl")
TABLE_CELL_MAX = 80          # table cells longer than this are cut with "…" (other formats: full)
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


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str, out: TextIO,
           *, header: bool = True) -> int:
    """Write ``rows`` (mappings with at least ``columns``) to ``out`` in ``fmt``; the row count."""
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
            cells = [[_cut(text_value(r.get(c)), TABLE_CELL_MAX) for c in columns] for r in rows]
            widths = [max([len(c) if header else 0] + [len(row[i]) for row in cells])
                      for i, c in enumerate(columns)]
            lines = []
            if header:
                lines.append("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
                lines.append("  ".join("-" * w for w in widths))
            lines.extend("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
                         for row in cells)
            out.write("\n".join(lines) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return len(rows)


def emit(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str | None = None, *,
         header: bool = True, empty: str = "no rows") -> int:
    """Render to standard output; on an empty result, a one-line note on standard error."""
    fmt = fmt or default_format()
    count = render(rows, columns, fmt, sys.stdout, header=header)
    if count == 0:
        click.echo(f"{empty}", err=True)
    return count


def output_options(command: F) -> F:
    """Add ``--format/-f`` and ``--no-header`` to a click command (params ``fmt`` and ``header``)."""
    command = click.option(
        "--no-header", "header", is_flag=True, default=True, flag_value=False,
        help="csv, tsv, table: leave out the header line.")(command)
    return click.option(
        "--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
        help="Output format. Default: table on a terminal, jsonl when piped.")(command)
