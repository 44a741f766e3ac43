"""archive.output: one renderer for table, csv, tsv, json, jsonl; defaults; the click options."""
from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import click
import pytest
from click.testing import CliRunner

from archive.output import default_format, emit, output_options, render

COLUMNS = ["id", "date", "value", "direct", "text"]
ROWS = [
    {"id": 1, "date": dt.date(2024, 3, 14), "value": Decimal("28000000000.000000"), "direct": True,
     "text": 'Он сказал: "да, конечно"'},
    {"id": 2, "date": "2024-06-20", "value": Decimal("12.500000"), "direct": False, "text": None},
]


@pytest.mark.parametrize(("fmt", "expected"), [
    ("csv", 'id,date,value,direct,text\n1,2024-03-14,28000000000,true,"Он сказал: ""да, конечно"""\n'
            "2,2024-06-20,12.5,false,\n"),
    ("tsv", 'id\tdate\tvalue\tdirect\ttext\n1\t2024-03-14\t28000000000\ttrue\t"Он сказал: ""да, конечно"""\n'
            "2\t2024-06-20\t12.5\tfalse\t\n"),
    ("jsonl", '{"id": 1, "date": "2024-03-14", "value": 28000000000, "direct": true, '
              '"text": "Он сказал: \\"да, конечно\\""}\n'
              '{"id": 2, "date": "2024-06-20", "value": 12.5, "direct": false, "text": null}\n'),
    ("json", '[\n  {\n    "id": 1,\n    "date": "2024-03-14",\n    "value": 28000000000,\n    "direct": true,\n'
             '    "text": "Он сказал: \\"да, конечно\\""\n  },\n  {\n    "id": 2,\n    "date": "2024-06-20",\n'
             '    "value": 12.5,\n    "direct": false,\n    "text": null\n  }\n]\n'),
    ("table", "id  date        value        direct  text\n"
              "--  ----------  -----------  ------  ------------------------\n"
              '1   2024-03-14  28000000000  true    Он сказал: "да, конечно"\n'
              "2   2024-06-20  12.5         false\n"),
])
def test_render_every_format(fmt: str, expected: str) -> None:
    out = io.StringIO()
    assert render(ROWS, COLUMNS, fmt, out) == 2
    assert out.getvalue() == expected


@pytest.mark.parametrize(("fmt", "expected"), [
    ("csv", "id,date,value,direct,text\n"), ("tsv", "id\tdate\tvalue\tdirect\ttext\n"),
    ("json", "[]\n"), ("jsonl", ""), ("table", ""),
])
def test_render_empty(fmt: str, expected: str) -> None:
    out = io.StringIO()
    assert render([], COLUMNS, fmt, out) == 0
    assert out.getvalue() == expected


def test_no_header_and_long_table_cells() -> None:
    out = io.StringIO()
    render([{"a": "x" * 200}], ["a"], "table", out, header=False)
    assert out.getvalue() == "x" * 79 + "…\n"
    out = io.StringIO()
    render([{"a": 1}], ["a"], "csv", out, header=False)
    assert out.getvalue() == "1\n"


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render([], ["a"], "xml", io.StringIO())


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_default_format_is_table_on_a_terminal_and_jsonl_when_piped() -> None:
    assert default_format(Tty()) == "table"
    assert default_format(io.StringIO()) == "jsonl"


@click.command()
@output_options
def listing(fmt: str | None, header: bool) -> None:
    emit([{"n": 1}] if header else [], ["n"], fmt, header=header, empty="nothing here")


def test_output_options_on_a_command() -> None:
    runner = CliRunner()
    assert runner.invoke(listing, []).stdout == '{"n": 1}\n'          # piped: jsonl
    assert runner.invoke(listing, ["-f", "csv"]).stdout == "n\n1\n"
    assert runner.invoke(listing, ["--format", "tsv"]).stdout == "n\n1\n"
    empty = runner.invoke(listing, ["--no-header", "-f", "csv"])
    assert (empty.exit_code, empty.stdout, empty.stderr) == (0, "", "nothing here\n")
    bad = runner.invoke(listing, ["-f", "xml"])
    assert bad.exit_code == 2 and "'xml' is not one of" in bad.stderr
