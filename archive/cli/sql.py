"""`archive sql QUERY`: the user's own SQL, read-only, with a timeout and the usual output formats."""
from __future__ import annotations

import click

from archive.cli.lookup import fail, target
from archive.output import emit, output_options


@click.command()
@click.argument("query")
@click.option("--param", "-p", "params", nargs=2, multiple=True, metavar="NAME VALUE",
              help="Bind :NAME in the query to VALUE (repeatable); values are never pasted into SQL.")
@click.option("--timeout", type=click.FloatRange(min=0.001, max=300), default=30.0, show_default=True,
              help="Stop the query after this many seconds (at most 300).")
@output_options
@click.pass_context
def sql(ctx: click.Context, query: str, params: tuple[tuple[str, str], ...], timeout: float,
        fmt: str | None, header: bool) -> None:
    """Run QUERY read-only against the archive (views v_meetings, v_participation, v_quotes,
    v_claims, v_claim_sources, v_country_pairs, v_meeting_topics, v_topic_pairs are described in
    docs/schema.md).

    One SELECT (or VALUES, TABLE, EXPLAIN) at a time. Writes, COPY, DO, SET and server functions
    that touch files, other sessions or other databases are refused; on PostgreSQL the query runs
    as the read-only role archive_reader (see README, "Reporting with SQL")."""
    from archive.reports.readonly import QueryError, run_sql

    try:
        columns, rows = run_sql(target(ctx), query, dict(params), timeout=timeout)
    except QueryError as error:
        raise fail(str(error)) from error
    emit(rows, columns, fmt, header=header, empty="no rows")
