"""`archive import PATH…`: read, extract and store articles in the archive."""
from __future__ import annotations

import sys

import click

from archive.read.sources import DEFAULT_MAX_BYTES

LANGUAGES = ("kk", "ru", "en")


@click.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option("--glob", "glob", metavar="PATTERN",
              help="In folders, import only files matching PATTERN (e.g. '*.html', '2024/*.txt'). "
                   "Default: every .txt, .md, .html, .htm and .jsonl file.")
@click.option("--replace", is_flag=True,
              help="Re-extract articles already in the archive and replace their rows "
                   "(person corrections are applied again afterwards).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None,
              help="Extract in N parallel processes (one process writes). Default: one per core when the "
                   "input holds more than 300 articles, else 1.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line and no 'skipped' lines; errors "
              "and the summary are still printed.")
@click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse articles larger than this (for JSON Lines: longer lines).")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for articles that give none.")
@click.option("--outlet", metavar="NAME", help="Outlet for articles that name none.")
@click.option("--language", type=click.Choice(LANGUAGES), help="Language for articles that give none "
              "(default: detected).")
@click.option("--force-meta", is_flag=True,
              help="--published/--outlet/--language override what the files say.")
@click.pass_context
def import_command(ctx: click.Context, paths: tuple[str, ...], glob: str | None, replace: bool, jobs: int | None,
                   quiet: bool, max_bytes: int, published: str | None, outlet: str | None,
                   language: str | None, force_meta: bool) -> None:
    """Import articles into the archive.

    PATHS are files, folders (searched recursively, in sorted order) or - for standard input.
    Files are read by suffix: .txt/.md (UTF-8, optional YAML front matter with url, published,
    outlet, title, language), .html/.htm (saved web pages: main text, title, date and site name),
    .jsonl (one JSON object per line with `text` or `body` and the same optional keys).

    Each article is stored in its own transaction. Articles already in the archive (same URL or
    same text) are skipped. An article that cannot be read or extracted is reported on stderr as
    `archive import: PATH[:LINE]: reason` and the others still import. The summary
    `imported N, skipped M, failed K` ends the run; the exit status is 1 if anything failed.
    The archive's schema is created or upgraded first when needed.
    """
    from archive import db as archive_db
    from archive.config import database_url
    from archive.importer import Feedback, ImportOptions, run_import
    from archive.read.sources import ReadOptions
    from archive.read.text import ReadError, iso_date

    url = database_url((ctx.find_root().obj or {}).get("database"))
    try:
        published = iso_date(published) if published else None
    except ReadError as e:
        raise click.BadParameter(str(e), param_hint="--published") from None
    meta = {"published": published, "outlet": outlet, "language": language}
    read = ReadOptions(glob=glob, max_bytes=max_bytes, meta=meta, force_meta=force_meta)
    if jobs is None:
        from archive.importer import auto_jobs

        jobs = auto_jobs(paths, read)
    options = ImportOptions(jobs=jobs, replace=replace, read=read)
    feedback = Feedback(sys.stderr, quiet=quiet)
    try:
        summary = run_import(url, paths, options, feedback)
    except archive_db.DatabaseError as e:
        raise click.ClickException(str(e)) from e
    except KeyboardInterrupt:
        click.echo("archive import: interrupted; every article stored so far is complete", err=True)
        sys.exit(130)
    click.echo(summary.line(), err=True)
    if summary.failed:
        sys.exit(1)
