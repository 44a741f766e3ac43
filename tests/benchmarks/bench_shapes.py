"""Extraction time on pathological shapes (tests/benchmarks/shapes.py), per 100 KB.

    .venv/bin/python tests/benchmarks/bench_shapes.py [--size 100000] [--limit 2.0] [--big]

Prints the seconds each shape takes at --size characters and marks those over --limit (the
hardening issue's bar: every shape under 2 s per 100 KB); exits 1 if any is over. --big adds the
issue's large probes: a 200,000-character line, a 120 KB Kazakh sentence with one dash, a 2 MB
article without punctuation (their bar is scaled by their size).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shapes import _examples, _fill, shapes  # noqa: E402

from archive.extract.pipeline import extract_article  # noqa: E402
from archive.read.text import RawArticle  # noqa: E402


def timed(lang: str, text: str) -> float:
    t0 = time.perf_counter()
    extract_article(RawArticle(id="shape", body=text, language=lang))
    return time.perf_counter() - t0


def big() -> list[tuple[str, str, str]]:
    kk, ru = (next(body for _, lang, body in _examples() if lang == want) for want in ("kk", "ru"))
    return [
        ("kk-200k-line", "kk", _fill(kk.replace("\n", " ") + " ", 200_000)),
        ("ru-200k-line", "ru", _fill(ru.replace("\n", " ") + " ", 200_000)),
        ("kk-120k-one-dash", "kk", _fill("кездесу барысында тараптар ", 120_000, prefix="Тоқаев – ")),
        ("kk-2mb-no-punctuation", "kk", _fill(kk.replace(".", " ").replace(",", " ") + "\n", 2_000_000)),
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--limit", type=float, default=2.0, help="seconds per 100 KB")
    ap.add_argument("--big", action="store_true")
    args = ap.parse_args()
    extract_article(RawArticle(id="warm", body="Тоқаев кездесті.", language="kk"))
    cases = list(shapes(args.size)) + (big() if args.big else [])
    over = 0
    for name, lang, text in cases:
        seconds = timed(lang, text)
        per_100k = seconds * 100_000 / len(text)
        bad = per_100k > args.limit
        over += bad
        print(f"{name:48} {lang}  {len(text):>9,} chars  {seconds:7.2f} s  {per_100k:5.2f} s/100 KB"
              + ("  OVER" if bad else ""), flush=True)
    print(f"{len(cases)} shapes, {over} over {args.limit} s per 100 KB")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
