"""`archive report NAME`: canned reports built on the SQL views (see docs/schema.md)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import click

from archive.cli.lookup import day, parse_period, period_option, resolve_person, run, since_until
from archive.output import emit, output_options

# name -> one-line description; kept here so `archive report --help` imports no query code.
REPORTS: dict[str, str] = {
    "country-pairs": "Meetings per country pair per year (--country, --between).",
    "topics": "Topic codes discussed per country pair and year.",
    "most-quoted": "Officials by number of quotes, direct and reported.",
    "claim-timeline": "Claims about one metric over time; needs --metric.",
    "claim-consistency": "Values per period, speakers, spread; --metric --between.",
    "counterparts": "One official's meetings by counterpart country; --person.",
}


def _epilog() -> str:
    # \b keeps click from rewrapping the list: one report per line
    return "\b\nReports:\n" + "\n".join(f"  {name:17} {text}" for name, text in REPORTS.items())


@click.command(epilog=_epilog())
@click.argument("name", type=click.Choice(list(REPORTS)), metavar="NAME")
@click.option("--person", metavar="NAME", help="The official (counterparts, claim-timeline, claim-consistency).")
@click.option("--country", metavar="XX", help="A country (country-pairs, topics, claims).")
@click.option("--between", nargs=2, metavar="XX YY", help="A country pair (country-pairs, topics, claims).")
@click.option("--metric", metavar="TEXT", help="Metric code or words contain TEXT (claim reports).")
@period_option
@since_until
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@click.option("--plot", "plot", metavar="FILE.png|svg", type=click.Path(dir_okay=False, writable=True),
              help="Draw the report to FILE (.png or .svg) instead of printing it; needs matplotlib "
                   "(pip install 'archive[plot]').")
@output_options
@click.pass_context
def report(ctx: click.Context, name: str, person: str | None, country: str | None,
           between: tuple[str, str] | None, metric: str | None, period: str | None,
           since: dt.datetime | None, until: dt.datetime | None, limit: int | None, plot: str | None,
           fmt: str | None, header: bool) -> None:
    """Run the canned report NAME (listed below)."""
    span = parse_period(period)
    if plot:
        from archive.reports.plot import figure_format

        try:
            figure_format(plot)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="'--plot'") from error

    def body(conn: Any) -> Any:
        from archive.reports.canned import REPORTS as FUNCTIONS
        from archive.reports.canned import Params

        pid = resolve_person(conn, person, "Give a fuller name for --person") if person else None
        params = Params(person_id=pid, country=country, between=between or None, metric=metric, period=span,
                        since=day(since), until=day(until), limit=limit)
        try:
            return FUNCTIONS[name](conn, params)
        except ValueError as error:
            raise click.UsageError(str(error)) from error

    cols, rows = run(ctx, body)
    if plot:
        draw(name, cols, rows, plot, title=_title(name, country, between, metric, period))
        return
    emit(rows, cols, fmt, header=header, empty=f"report {name}: no rows")


def _title(name: str, country: str | None, between: tuple[str, str] | None, metric: str | None,
           period: str | None) -> str:
    parts = [name]
    if metric:
        parts.append(metric)
    if between:
        parts.append("–".join(c.upper() for c in between))
    elif country:
        parts.append(country.upper())
    if period:
        parts.append(period)
    return ": ".join(parts[:1]) + (" — " + ", ".join(parts[1:]) if len(parts) > 1 else "")


def draw(name: str, cols: list[str], rows: list[dict[str, Any]], path: str, title: str) -> None:
    from archive.reports.plot import PlotUnavailable
    from archive.reports.plot import draw as draw_report

    if not rows:
        click.echo(f"report {name}: no rows, nothing drawn", err=True)
        return
    try:
        draw_report(name, cols, rows, path, title=title)
    except PlotUnavailable as error:
        raise click.ClickException(str(error)) from error
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {error.strerror or error}") from error
    click.echo(f"report {name}: {len(rows)} rows drawn to {path}", err=True)
