"""Extraction throughput per language, on one core (not collected by the test run).

    .venv/bin/python tests/benchmarks/bench_extract.py [--count 600] [--corpus ../shared/corpus]

Prints articles per second for each language on a synthetic corpus of seed-sized articles (about
2,700 characters, like the user's example), and on the shared corpus when it is given.
Target: ≥ 200 articles/s per language on one core.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import articles  # noqa: E402

from archive.extract.pipeline import extract_article  # noqa: E402
from archive.read.text import article_from_text, read_text_file  # noqa: E402


def rate(raws: list) -> tuple[float, int]:
    extract_article(raws[0])  # warm caches (lexicons, morphology)
    t0 = time.perf_counter()
    for raw in raws:
        extract_article(raw)
    dt = time.perf_counter() - t0
    return len(raws) / dt, sum(len(r.body) for r in raws) // len(raws)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=600, help="synthetic articles per language")
    ap.add_argument("--corpus", type=Path, help="also time the .txt files of this folder, 20 rounds")
    args = ap.parse_args()
    for lang in ("kk", "ru", "en"):
        raws = [article_from_text(a.text, a.id) for a in articles(args.count, (lang,), seed_sized=True)]
        r, size = rate(raws)
        print(f"synthetic {lang}: {r:8.1f} articles/s  (mean body {size} chars, {len(raws)} articles)")
    if args.corpus:
        for lang in ("kk", "ru", "en"):
            raws = [read_text_file(p) for p in sorted(args.corpus.glob(f"{lang}-*.txt"))] * 20
            if raws:
                r, size = rate(raws)
                print(f"corpus    {lang}: {r:8.1f} articles/s  (mean body {size} chars)")


if __name__ == "__main__":
    main()
