"""`archive person …`: editor corrections to persons. Each is stored in the `corrections` table and
applied again after every import (so it survives `archive import --replace`)."""
from __future__ import annotations

from collections.abc import Callable

import click
import sqlalchemy as sa

from archive import db as archive_db
from archive.config import database_url


def _url(ctx: click.Context) -> str:
    return database_url((ctx.find_root().obj or {}).get("database"))


def find_person(conn: sa.Connection, ref: str) -> tuple[int, str]:
    """(id, name) for a person given by id ("12", "#12") or by any spelling, found as every command
    finds people (archive.reports.people.resolve: spelling, key, surname, inflection, fuzzily); a
    ClickException when nothing or more than one person matches."""
    from archive.reports.people import Ambiguous, NotFound, resolve
    from archive.resolve import PERSONS

    text = ref.strip().lstrip("#")
    if text.isdigit():
        row = conn.execute(sa.select(PERSONS.c.id, PERSONS.c.name).where(PERSONS.c.id == int(text))).first()
        if row is None:
            raise click.ClickException(f"no person with id {text}")
        return row.id, row.name
    try:
        found = resolve(conn, ref)
    except NotFound as error:
        raise click.ClickException(str(error)) from error
    except Ambiguous as error:
        listed = "; ".join(f"{c.id} {c.name}" for c in error.candidates[:10])
        raise click.ClickException(f"{ref!r} matches several persons ({listed}); give the id") from error
    return found.id, found.name


def _apply(ctx: click.Context, action: Callable[[sa.Connection], str]) -> None:
    from archive.importer import ensure_schema

    url = _url(ctx)
    try:
        ensure_schema(url)
        engine = archive_db.make_engine(url)
        try:
            with archive_db.translate_errors(url), engine.begin() as conn:
                message = action(conn)
        finally:
            engine.dispose()
    except archive_db.DatabaseError as e:
        raise click.ClickException(str(e)) from e
    click.echo(message)


@click.group()
def person() -> None:
    """Correct persons: merge duplicates, rename, add or remove spellings.

    PERSON is an id (as shown by `archive official`) or any spelling of the name. Corrections are
    kept in the database and applied again after imports, so re-extracting articles with
    `archive import --replace` does not undo them.
    """


@person.command()
@click.argument("source")
@click.argument("target")
@click.pass_context
def merge(ctx: click.Context, source: str, target: str) -> None:
    """Merge person SOURCE into TARGET: its spellings, positions, meetings, quotes and claims move
    to TARGET, and SOURCE is deleted."""
    from archive.store import merge_correction

    def action(conn: sa.Connection) -> str:
        sid, sname = find_person(conn, source)
        tid, tname = find_person(conn, target)
        if sid == tid:
            raise click.ClickException(f"{source!r} and {target!r} are the same person ({tid} {tname})")
        merge_correction(conn, sid, tid)
        return f"merged {sid} {sname} into {tid} {tname}"

    _apply(ctx, action)


@person.command()
@click.argument("who", metavar="PERSON")
@click.argument("name")
@click.pass_context
def rename(ctx: click.Context, who: str, name: str) -> None:
    """Give PERSON the display name NAME (kept as a spelling too)."""
    from archive.store import rename_person

    name = " ".join(name.split())
    if not name:
        raise click.BadParameter("the new name is empty", param_hint="NAME")

    def action(conn: sa.Connection) -> str:
        pid, old = find_person(conn, who)
        rename_person(conn, pid, name)
        return f"renamed {pid} {old} to {name}"

    _apply(ctx, action)


@person.group()
def alias() -> None:
    """Add or remove a spelling of a person's name."""


@alias.command("add")
@click.argument("who", metavar="PERSON")
@click.argument("spelling")
@click.option("--language", type=click.Choice(["kk", "ru", "en"]), help="Language of the spelling.")
@click.pass_context
def alias_add(ctx: click.Context, who: str, spelling: str, language: str | None) -> None:
    """Make SPELLING a name of PERSON: articles that use it are matched to PERSON."""
    from archive.store import add_alias_correction

    spelling = " ".join(spelling.split())

    def action(conn: sa.Connection) -> str:
        pid, name = find_person(conn, who)
        add_alias_correction(conn, pid, spelling, language)
        return f"{pid} {name}: added spelling {spelling!r}"

    _apply(ctx, action)


@alias.command("remove")
@click.argument("who", metavar="PERSON")
@click.argument("spelling")
@click.pass_context
def alias_remove(ctx: click.Context, who: str, spelling: str) -> None:
    """Remove SPELLING from PERSON; it will not be matched to PERSON again."""
    from archive.store import remove_alias_correction

    def action(conn: sa.Connection) -> str:
        pid, name = find_person(conn, who)
        if not remove_alias_correction(conn, pid, spelling):
            raise click.ClickException(f"{pid} {name} has no spelling {spelling!r}")
        return f"{pid} {name}: removed spelling {spelling!r}"

    _apply(ctx, action)
