"""The `archive` command. Subcommands live in their own modules and are imported only when
run, so `archive --help` starts fast."""
from __future__ import annotations

import importlib

import click

from archive import __version__
from archive.config import ENV_DATABASE_URL

# name -> "module:attribute"; help texts are kept here so `--help` imports nothing else.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("archive.cli.extract:extract", "Extract meetings, quotes and claims from articles (no database)."),
    "db": ("archive.cli.db:db", "Create, upgrade or inspect the archive's database schema."),
    "import": ("archive.cli.importing:import_command", "Import articles (files, folders, HTML, JSON Lines, stdin) into the archive."),
    "person": ("archive.cli.person:person", "Correct persons: merge, rename, add or remove aliases (corrections survive re-imports)."),
    "official": ("archive.cli.lookup:official", "Profile of an official: names, positions, meetings, quotes, claims."),
    "meetings": ("archive.cli.lookup:meetings", "List meetings, filtered by participants, countries, kind, dates, occasion."),
    "quotes": ("archive.cli.lookup:quotes", "List or full-text search quotes and reported statements."),
    "claims": ("archive.cli.lookup:claims", "List numeric claims by speaker, metric, unit, countries, period, dates."),
    "report": ("archive.cli.report:report", "Run a canned report built on the SQL views."),
    "sql": ("archive.cli.sql:sql", "Run your own read-only SQL query against the archive."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr = COMMANDS[name][0].split(":")
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--database", "database", metavar="URL", envvar=ENV_DATABASE_URL, show_envvar=True,
              help="SQLAlchemy URL of the archive, e.g. sqlite:///archive.sqlite or "
                   "postgresql+psycopg://user@host/db. Default: an SQLite file in the per-user data "
                   "folder ($XDG_DATA_HOME/archive/archive.sqlite, usually ~/.local/share/archive/).")
@click.version_option(__version__, prog_name="archive")
@click.pass_context
def cli(ctx: click.Context, database: str | None) -> None:
    """Turn news articles about diplomatic meetings (Kazakh, Russian, English) into a
    relational archive you can query with SQL."""
    ctx.ensure_object(dict)
    ctx.obj["database"] = database


def main() -> None:
    cli(prog_name="archive")
