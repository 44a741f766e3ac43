"""`archive extract`: print what the importer would store, touching no database."""
from __future__ import annotations

import json
import sys

import click


def _summary(rec) -> str:
    lines = [f"== {rec.id} [{rec.language}] outlet={rec.outlet or '-'} via={rec.via or '-'} "
             f"published={rec.published or '-'}"]
    for m in rec.meetings:
        where = ", ".join(x for x in (m.city, m.country) if x) or "-"
        lines.append(f"meeting: {m.kind} date={m.date or '-'} place={where} occasion={m.occasion or '-'}")
        for p in m.participants:
            lines.append(f"  participant: {p.name} | {p.position or '-'} | {p.role or '-'} | {p.country or '-'}")
        if m.topics:
            lines.append("  topics: " + "; ".join(m.topics))
    for q in rec.quotes:
        kind = "quote" if q.direct else "reported"
        lines.append(f"{kind} [{q.start}:{q.end}] {q.speaker or '?'}: {q.text[:100]}{'…' if len(q.text) > 100 else ''}")
    for c in rec.claims:
        extra = ", ".join(f"{k}={v}" for k, v in (("qualifier", c.qualifier), ("change", c.change),
                                                  ("metric", c.metric), ("object", c.object),
                                                  ("period", c.period)) if v)
        lines.append(f"claim [{c.start}:{c.end}] {c.value} {c.unit or ''} by {c.speaker or '-'}"
                     + (f" ({extra})" if extra else ""))
    return "\n".join(lines)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON record per article (JSON Lines), "
              "in the shape of the evaluation format; `id` is the file stem.")
@click.option("--language", type=click.Choice(["kk", "ru", "en"]), default=None,
              help="Language of articles that do not say (default: detected).")
@click.option("--glob", "glob", metavar="PATTERN", help="In folders, only files matching PATTERN (e.g. '*.txt').")
@click.option("--explain", is_flag=True, help="After each article's summary, which rule decided each field "
              "and on which words of the text (page chrome, outlet, home country, publication date, people, "
              "participants, meetings, quotes, claims, topics and codes).")
def extract(paths: tuple[str, ...], as_json: bool, language: str | None, glob: str | None, explain: bool) -> None:
    """Extract meetings, participants, quotes and numeric claims from articles.

    PATHS are files or folders, as for `archive import`: .txt/.md (UTF-8, optional YAML front
    matter), saved .html pages, .jsonl (one article per line), or - for standard input. Nothing is
    written to the database. An article that cannot be read or extracted is reported on stderr with
    the reason; the others are still extracted, and the exit status is 1.
    """
    from archive.extract.pipeline import extract_article
    from archive.read.sources import ReadFailure, ReadOptions, read_sources

    failed = 0
    options = ReadOptions(glob=glob, meta={"language": language})
    for item in read_sources(paths, options):
        if isinstance(item, ReadFailure):
            failed += 1
            click.echo(f"archive extract: {item.where}: {item.reason}", err=True)
            continue
        notes: list = []
        try:
            if explain:
                from archive.extract.trace import explaining

                with explaining() as notes:
                    rec = extract_article(item)
            else:
                rec = extract_article(item)
        except ValueError as e:
            failed += 1
            click.echo(f"archive extract: {item.source}: {e}", err=True)
            continue
        except Exception as e:  # a bug must not stop the other articles; say what happened
            failed += 1
            click.echo(f"archive extract: {item.source}: extraction failed ({type(e).__name__}: {e})", err=True)
            continue
        if as_json:
            sys.stdout.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
        else:
            click.echo(_summary(rec))
            if explain:
                from archive.extract.trace import render

                click.echo("explain:\n" + "\n".join(render(notes, item.body)))
            click.echo()
    if failed:
        sys.exit(1)
