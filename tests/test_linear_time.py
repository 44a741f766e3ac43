"""Extraction is linear in the text: on every pathological shape (tests/benchmarks/shapes.py), four
times the text takes about four times as long — never the 16 times of a quadratic pass or the 64 of
a cubic one. (Absolute speed is measured by tests/benchmarks/bench_shapes.py, not here.)"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
from shapes import shapes  # noqa: E402

from archive.extract.pipeline import extract_article  # noqa: E402
from archive.read.text import RawArticle  # noqa: E402

SMALL, LARGE = 5_000, 20_000
SHAPES = {name: lang for name, lang, _ in shapes(SMALL)}


def seconds(lang: str, text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        extract_article(RawArticle(id="shape", body=text, language=lang))
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_four_times_the_text_takes_about_four_times_as_long(name: str) -> None:
    small = next(text for n, _, text in shapes(SMALL) if n == name)
    large = next(text for n, _, text in shapes(LARGE) if n == name)
    lang = SHAPES[name]
    seconds(lang, small)                      # warm the caches
    t_small, t_large = seconds(lang, small), seconds(lang, large)
    # linear: ratio ≈ 4 (a quadratic pass gives 16); slack for timer noise on tiny times
    assert t_large <= 7 * t_small + 0.15, f"{name}: {t_small:.3f} s at {SMALL:,}, {t_large:.3f} s at {LARGE:,}"
