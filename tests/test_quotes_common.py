"""Shared helper for the quote tests, plus language-independent checks of find_quotes."""
from __future__ import annotations

import re

import pytest

from archive.extract.mentions import Mention
from archive.extract.quotes import QuoteFinding, find_quotes, grammar
from archive.extract.segment import sentences

Expected = tuple[str, bool, str | None]   # (quote text, direct, cue text or None)


def mentions_for(body: str, surfaces: list[tuple[str, str]]) -> list[Mention]:
    """Every whole-word occurrence of each (surface, kind) as a Mention, as the people stage would give."""
    out = []
    for surface, kind in surfaces:
        for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", body):
            if not any(x.start < m.end() and m.start() < x.end for x in out):
                out.append(Mention(m.start(), m.end(), kind))   # type: ignore[arg-type]
    return sorted(out, key=lambda m: m.start)


def run(body: str, lang: str, surfaces: list[tuple[str, str]]) -> list[Expected]:
    found = find_quotes(body, sentences(body), lang, mentions_for(body, surfaces))
    for q in found:
        assert body[q.sentence.start:q.sentence.end].strip(), q
    return [(body[q.start:q.end], q.direct, body[q.cue.start:q.cue.end] if q.cue else None) for q in found]


def test_finding_offsets_and_sentence():
    body = "Кездесу өтті.\n«Біз серіктестікті дамытамыз», деді Министр."
    found = find_quotes(body, sentences(body), "kk", mentions_for(body, [("Министр", "title")]))
    assert len(found) == 1
    q = found[0]
    assert isinstance(q, QuoteFinding)
    assert body[q.start:q.end] == "Біз серіктестікті дамытамыз"
    assert body[q.sentence.start:q.sentence.end] == "«Біз серіктестікті дамытамыз», деді Министр."
    assert q.cue is not None and body[q.cue.start:q.cue.end] == "Министр"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_empty_and_plain_text(lang: str):
    assert find_quotes("", [], lang, []) == []
    body = "2024. 12. 3."
    assert find_quotes(body, sentences(body), lang, []) == []


def test_unknown_language_fails_clearly():
    with pytest.raises(ValueError):
        grammar("xx")
