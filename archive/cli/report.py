"""`archive report NAME`: canned reports built on the SQL views (see docs/schema.md)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import click

from archive.cli.lookup import day, resolve_person, run, since_until
from archive.output import emit, output_options

# name -> one-line description; kept here so `archive report --help` imports no query code.
REPORTS: dict[str, str] = {
    "country-pairs": "Meetings per country pair per year (v_country_pairs). --country XX narrows.",
    "most-quoted": "Officials by number of quotes, direct and reported (v_quotes).",
    "claim-timeline": "Claims about one metric over time (v_claims). Needs --metric TEXT.",
    "counterparts": "Meetings of one official by counterpart country (v_participation). Needs --person NAME.",
}


def _epilog() -> str:
    return "Reports:\n\n" + "\n".join(f"  {name:15} {text}" for name, text in REPORTS.items())


@click.command(epilog=_epilog())
@click.argument("name", type=click.Choice(list(REPORTS)), metavar="NAME")
@click.option("--person", metavar="NAME", help="The official (counterparts, claim-timeline).")
@click.option("--country", metavar="XX", help="A country (country-pairs).")
@click.option("--metric", metavar="TEXT", help="Metric contains TEXT (claim-timeline).")
@since_until
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@output_options
@click.pass_context
def report(ctx: click.Context, name: str, person: str | None, country: str | None, metric: str | None,
           since: dt.datetime | None, until: dt.datetime | None, limit: int | None, fmt: str | None,
           header: bool) -> None:
    """Run the canned report NAME (listed below)."""
    def body(conn: Any) -> Any:
        from archive.reports.canned import REPORTS as FUNCTIONS
        from archive.reports.canned import Params

        pid = resolve_person(conn, person, "Give a fuller name for --person") if person else None
        params = Params(person_id=pid, country=country, metric=metric, since=day(since),
                        until=day(until), limit=limit)
        try:
            return FUNCTIONS[name](conn, params)
        except ValueError as error:
            raise click.UsageError(str(error)) from error

    cols, rows = run(ctx, body)
    emit(rows, cols, fmt, header=header, empty=f"report {name}: no rows")
