"""`archive extract`: print what the importer would store, touching no database."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

TEXT_SUFFIXES = (".txt", ".md")


def _files(paths: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES))
        else:
            out.append(p)
    return out


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
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="One JSON record per article (JSON Lines), "
              "in the shape of the evaluation format; `id` is the file stem.")
@click.option("--language", type=click.Choice(["kk", "ru", "en"]), default=None,
              help="Language of articles that do not say (default: detected).")
def extract(paths: tuple[str, ...], as_json: bool, language: str | None) -> None:
    """Extract meetings, participants, quotes and numeric claims from article files.

    PATHS are .txt/.md files (UTF-8, optional YAML front matter) or folders searched for them.
    Nothing is written to the database. A file that cannot be read or extracted is reported on
    stderr with the reason; the others are still extracted, and the exit status is 1.
    """
    from archive.extract.pipeline import extract_article
    from archive.read.text import ReadError, read_text_file

    failed = 0
    for path in _files(paths):
        try:
            raw = read_text_file(path)
            if language and not raw.language:
                from dataclasses import replace

                raw = replace(raw, language=language)
            rec = extract_article(raw)
        except (ReadError, ValueError) as e:
            failed += 1
            click.echo(f"archive extract: {path}: {e}", err=True)
            continue
        except Exception as e:  # a bug must not stop the other articles; say what happened
            failed += 1
            click.echo(f"archive extract: {path}: extraction failed ({type(e).__name__}: {e})", err=True)
            continue
        if as_json:
            sys.stdout.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
        else:
            click.echo(_summary(rec) + "\n")
    if failed:
        sys.exit(1)
