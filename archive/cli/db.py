"""`archive db …`: create, upgrade, inspect or roll back the archive's schema (Alembic)."""
from __future__ import annotations

import click

from archive import db as archive_db
from archive.config import database_url


def target(ctx: click.Context) -> str:
    """The database URL chosen on the root command (--database / $ARCHIVE_DATABASE_URL / default)."""
    obj = ctx.find_root().obj or {}
    return database_url(obj.get("database"))


def fail(error: archive_db.DatabaseError) -> click.ClickException:
    return click.ClickException(str(error))


@click.group()
def db() -> None:
    """Create, upgrade or inspect the archive's database schema.

    The database is the one given by `archive --database URL`, else $ARCHIVE_DATABASE_URL, else
    the SQLite file in the per-user data folder.
    """


@db.command()
@click.argument("revision", default="head")
@click.pass_context
def upgrade(ctx: click.Context, revision: str) -> None:
    """Create the archive, or bring its schema up to REVISION (default: the newest)."""
    url = target(ctx)
    try:
        archive_db.upgrade(url, revision)
        now = archive_db.current(url)
    except archive_db.DatabaseError as error:
        raise fail(error) from error
    click.echo(f"{archive_db.safe_url(url)}: schema at revision {now}")


@db.command()
@click.pass_context
def current(ctx: click.Context) -> None:
    """Show the database URL and the schema revision it is at."""
    url = target(ctx)
    try:
        now = archive_db.current(url)
        newest = archive_db.head()
    except archive_db.DatabaseError as error:
        raise fail(error) from error
    if now is None:
        state = "empty (run `archive db upgrade`)"
    elif now == newest:
        state = f"{now} (newest)"
    else:
        state = f"{now} (newest is {newest}; run `archive db upgrade`)"
    click.echo(f"{archive_db.safe_url(url)}: {state}")


@db.command()
@click.argument("revision")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def downgrade(ctx: click.Context, revision: str, yes: bool) -> None:
    """Take the schema back to REVISION ("base" removes every table and all data)."""
    url = target(ctx)
    if not yes:
        click.confirm(f"Downgrade {archive_db.safe_url(url)} to {revision}? Tables dropped on the way "
                      "lose their data", abort=True)
    try:
        archive_db.downgrade(url, revision)
        now = archive_db.current(url)
    except archive_db.DatabaseError as error:
        raise fail(error) from error
    click.echo(f"{archive_db.safe_url(url)}: schema at revision {now or 'base (empty)'}")
