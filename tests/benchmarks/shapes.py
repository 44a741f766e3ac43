"""Pathological article shapes: texts built to make an extractor slower than linear.

    for name, lang, text in shapes(100_000): ...

Two families, each about `size` characters:
- the probes of the hardening issue (a phrase repeated with no full stop, "x" * N followed by
  initials, "N млрд" in a row, quotes nested deep, a hyphenated name, one Kazakh sentence with one
  dash, a very long line, a page without punctuation, lists of digit groups …);
- every example article of `examples/` in every language, transformed: punctuation and line breaks
  removed (one endless sentence that carries every cue word of the genre), sentences glued without
  spaces, each word repeated, each sentence repeated.

A linear extractor takes time proportional to `size` on each of them
(tests/test_linear_time.py, tests/benchmarks/bench_shapes.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def _fill(unit: str, size: int, prefix: str = "", suffix: str = "") -> str:
    n = max(1, (size - len(prefix) - len(suffix)) // max(1, len(unit)))
    return prefix + unit * n + suffix


def probes(size: int) -> Iterator[tuple[str, str, str]]:
    yield "en-press-service", "en", _fill("press service ", size)
    yield "en-x-then-initials", "en", _fill(" A.", size, prefix="x" * (size // 2))
    yield "kk-before-source-word", "kk", _fill("сөз ", size, suffix="хабарлауынша")
    yield "ru-before-source-word", "ru", _fill("слово ", size, suffix="сообщает")
    yield "en-before-source-word", "en", _fill("word ", size, suffix="reported")
    for lang, unit in (("ru", "5 млрд "), ("kk", "5 млрд "), ("en", "$5 billion ")):
        yield f"{lang}-scaled-numbers", lang, _fill(unit, size)
    yield "ru-digit-groups", "ru", _fill("100 200 300 ", size)
    depth = size // 4
    yield "kk-nested-quotes", "kk", "«" * depth + "сөз" + "»" * depth
    yield "en-nested-quotes", "en", "“" * depth + "word" + "”" * depth
    yield "kk-hyphenated-name", "kk", _fill("Қасым-", size, suffix="Жомарт Тоқаев кездесті.")
    yield "ru-hyphenated-name", "ru", _fill("Иван-", size, suffix="Петров встретился.")
    yield "kk-one-dash-sentence", "kk", _fill("кездесу барысында тараптар ", size, prefix="Тоқаев – ")
    for lang, unit in (("kk", "Президент Тоқаев "), ("ru", "Президент Токаев "), ("en", "President Tokayev ")):
        yield f"{lang}-titles-and-names", lang, _fill(unit, size)
    for lang, unit in (("kk", "«Сөз», – деді ол. "), ("ru", "«Слово», – сказал он. "), ("en", '"Word," he said. ')):
        yield f"{lang}-many-quotes", lang, _fill(unit, size)
    yield "ru-initials", "ru", _fill("А.", size)
    yield "ru-capitalised-words", "ru", _fill("Ааа ", size)
    yield "en-parentheses", "en", _fill("(", size)
    yield "en-straight-quotes", "en", _fill('"', size)
    yield "kk-dashes", "kk", _fill("– ", size)
    yield "kk-dates", "kk", _fill("2024 жылғы 12 наурызда ", size)
    yield "en-short-lines", "en", _fill("x" * 79 + "\n", size)


def _examples() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        body = FRONT.sub("", path.read_text(encoding="utf-8"))
        out.append((path.stem, path.stem[:2], body))
    return out


def transformed(size: int) -> Iterator[tuple[str, str, str]]:
    for stem, lang, body in _examples():
        flat = re.sub(r"[.!?…;:\n]+", " ", body)
        yield f"{stem}/no-punctuation", lang, _fill(flat + " ", size)
        yield f"{stem}/one-line", lang, _fill(body.replace("\n", " ") + " ", size)
        yield f"{stem}/glued-sentences", lang, _fill(re.sub(r"(?<=[.!?])\s+", "", body), size)
        words = body.split()
        yield f"{stem}/words-repeated", lang, _fill(" ".join(w for w in words for _ in range(20)) + " ", size)
        first = re.split(r"(?<=[.!?])\s+", body.strip(), maxsplit=1)[0]
        yield f"{stem}/sentence-repeated", lang, _fill(first + " ", size)


def shapes(size: int) -> Iterator[tuple[str, str, str]]:
    yield from probes(size)
    yield from transformed(size)
