"""`archive official | meetings | quotes | claims`: look officials up and list what the archive holds.

No SQLAlchemy at import time: the query modules are imported when a command runs.
"""
from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import click

from archive.config import database_url
from archive.output import default_format, emit, output_options, render, table_layout

DATE = click.DateTime(formats=["%Y-%m-%d"])


def since_until(command: Any) -> Any:
    command = click.option("--until", type=DATE, metavar="YYYY-MM-DD", help="On or before this date.")(command)
    return click.option("--since", type=DATE, metavar="YYYY-MM-DD", help="On or after this date.")(command)


def day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def target(ctx: click.Context) -> str:
    return database_url((ctx.find_root().obj or {}).get("database"))


def fail(message: str) -> click.ClickException:
    return click.ClickException(message)


def candidates_text(query: str, candidates: list[Any]) -> str:
    lines = [f"{query!r} matches {len(candidates)} persons:"]
    for n, c in enumerate(candidates[:10], 1):
        about = ", ".join(x for x in (c.position, c.country) if x)
        lines.append(f"  {n}. {c.name} (id {c.id}){' — ' + about if about else ''}; {c.meetings} meeting(s)")
    if len(candidates) > 10:
        lines.append(f"  … and {len(candidates) - 10} more")
    return "\n".join(lines)


def resolve_person(conn: Any, query: str, hint: str) -> int:
    """The one person ``query`` names, else a ClickException with the candidates and a hint."""
    from archive.reports.people import Ambiguous, NotFound, resolve

    try:
        return resolve(conn, query).id
    except NotFound as error:
        raise fail(str(error)) from error
    except Ambiguous as error:
        raise fail(candidates_text(query, error.candidates) + "\n" + hint) from error


def run(ctx: click.Context, body: Any) -> Any:
    """Open the archive, run ``body(conn)``, turn database errors into one-line messages."""
    from archive import db as archive_db
    from archive.reports.queries import connect

    url = target(ctx)
    try:
        with connect(url) as conn:
            return body(conn)
    except archive_db.DatabaseError as error:
        raise fail(str(error)) from error


# -- official ---------------------------------------------------------------------------------------

@click.command()
@click.argument("name", required=False)
@click.option("--id", "person_id", type=int, help="The person's id (from a list of candidates).")
@since_until
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="Rows per section (meetings, quotes, claims).")
@output_options
@click.pass_context
def official(ctx: click.Context, name: str | None, person_id: int | None, since: dt.datetime | None,
             until: dt.datetime | None, limit: int, fmt: str | None, header: bool) -> None:
    """Profile of an official: names, positions, meetings, quotes, claims.

    NAME may be written in any script, case, word order or grammatical case ("Smailov", "Смаилов",
    "смайыловтың", "Әлихан Смайылов"). When several persons match, they are listed (exit status 1):
    repeat with a fuller name or with --id.
    """
    if not name and person_id is None:
        raise click.UsageError("give a NAME or --id")

    def body(conn: Any) -> Any:
        from archive.reports.queries import profile

        pid = person_id if person_id is not None else resolve_person(
            conn, name or "", "Give a fuller name, or pick one: archive official --id ID")
        try:
            return profile(conn, pid, since=day(since), until=day(until), limit=limit)
        except Exception as error:
            if type(error).__name__ == "NoResultFound":
                raise fail(f"no person with id {pid}") from error
            raise

    show_profile(run(ctx, body), fmt or default_format(), header)


def show_profile(p: Any, fmt: str, header: bool) -> None:
    import json

    from archive.output import json_value

    out = sys.stdout
    sections = p.sections()
    if fmt == "json":
        doc = {"person": p.person, **{name: [{c: json_value(r[c]) for c in cols} for r in rows]
                                      for name, (cols, rows) in sections}}
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "jsonl":
        out.write(json.dumps({"section": "person", **p.person}, ensure_ascii=False) + "\n")
        for name, (cols, rows) in sections:
            for r in rows:
                out.write(json.dumps({"section": name, **{c: json_value(r[c]) for c in cols}},
                                     ensure_ascii=False) + "\n")
        return
    if fmt == "table":
        latin = p.person.get("name_latin")
        latin = f" / {latin}" if latin and latin != p.person["name"] else ""
        out.write(f"{p.person['name']}{latin} (id {p.person['person_id']})\n")
    else:
        out.write("# person\n")
        render([p.person], list(p.person), fmt, out, header=header)
    for name, (cols, rows) in sections:
        out.write(f"\n# {name}\n" if fmt != "table" else f"\n{name.capitalize()} ({len(rows)})\n")
        render(rows, cols, fmt, out, header=header, **table_layout(out))


# -- meetings ---------------------------------------------------------------------------------------

@click.command()
@click.option("--with", "with_", multiple=True, metavar="NAME",
              help="A participant (repeatable: meetings where all of them took part).")
@click.option("--country", metavar="XX", help="A participant represents this country (ISO alpha-2).")
@click.option("--between", nargs=2, metavar="XX YY", help="Participants represent both countries.")
@click.option("--kind", type=click.Choice(["meeting", "talks", "phone_call", "video_call", "visit",
                                           "summit", "session"]), help="Meeting kind.")
@since_until
@click.option("--occasion", metavar="TEXT", help="Occasion contains TEXT (any case).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@output_options
@click.pass_context
def meetings(ctx: click.Context, with_: tuple[str, ...], country: str | None,
             between: tuple[str, str] | None, kind: str | None, since: dt.datetime | None,
             until: dt.datetime | None, occasion: str | None, limit: int | None, fmt: str | None,
             header: bool) -> None:
    """List meetings, newest first, filtered by participants, countries, kind, dates, occasion."""
    def body(conn: Any) -> Any:
        from archive.reports.queries import meetings as query

        ids = [resolve_person(conn, n, "Give a fuller name, e.g. --with 'Alikhan Smailov'") for n in with_]
        return query(conn, person_ids=ids, country=country, between=between or None, kind=kind,
                     since=day(since), until=day(until), occasion=occasion, limit=limit)

    cols, rows = run(ctx, body)
    emit(rows, cols, fmt, header=header, empty="no meetings match")


# -- quotes -----------------------------------------------------------------------------------------

@click.command()
@click.option("--by", metavar="NAME", help="The speaker.")
@click.option("--search", metavar="TEXT", help="Full-text search (every word, any inflection).")
@click.option("--direct/--reported", default=None, help="Only direct quotes / only reported speech.")
@since_until
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@output_options
@click.pass_context
def quotes(ctx: click.Context, by: str | None, search: str | None, direct: bool | None,
           since: dt.datetime | None, until: dt.datetime | None, limit: int | None, fmt: str | None,
           header: bool) -> None:
    """List or full-text search quotes and reported statements, newest first."""
    def body(conn: Any) -> Any:
        from archive.reports.queries import quotes as query

        pid = resolve_person(conn, by, "Give a fuller name for --by") if by else None
        return query(conn, person_id=pid, search=search, direct=direct, since=day(since),
                     until=day(until), limit=limit)

    cols, rows = run(ctx, body)
    emit(rows, cols, fmt, header=header, empty="no quotes match")


# -- claims -----------------------------------------------------------------------------------------

def period_option(command: Any) -> Any:
    return click.option("--period", metavar="YYYY[-MM][..YYYY[-MM]]",
                        help="Claims whose period overlaps this year, month or range (2023, 2023-04, "
                             "2022..2023-06).")(command)


def parse_period(value: str | None) -> Any:
    """``--period`` as (first day, last day), else a usage error."""
    if not value:
        return None
    from archive.reports.queries import parse_period as parse

    try:
        return parse(value)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--period'") from error


@click.command()
@click.option("--by", metavar="NAME", help="The speaker.")
@click.option("--metric", metavar="TEXT",
              help="Metric code (trade, exports, investment …) or words as any source writes them contain "
                   "TEXT (any case).")
@click.option("--unit", metavar="UNIT", help="Unit exactly: USD, KZT, %, t …")
@click.option("--country", metavar="XX", help="Claims made at a meeting where XX took part.")
@click.option("--between", nargs=2, metavar="XX YY", help="Claims made at a meeting where both took part.")
@period_option
@since_until
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@output_options
@click.pass_context
def claims(ctx: click.Context, by: str | None, metric: str | None, unit: str | None,
           country: str | None, between: tuple[str, str] | None, period: str | None,
           since: dt.datetime | None, until: dt.datetime | None, limit: int | None, fmt: str | None,
           header: bool) -> None:
    """List numeric claims: value, unit, qualifier, change, metric and its code, period, speaker,
    date, number of sources and their languages. A claim reported by several articles is one row.

    --since/--until select by the date a claim was made; --period by the period it is about."""
    span = parse_period(period)

    def body(conn: Any) -> Any:
        from archive.reports.queries import claims as query

        pid = resolve_person(conn, by, "Give a fuller name for --by") if by else None
        return query(conn, person_id=pid, metric=metric, unit=unit, country=country, between=between or None,
                     period=span, since=day(since), until=day(until), limit=limit)

    cols, rows = run(ctx, body)
    emit(rows, cols, fmt, header=header, empty="no claims match")
