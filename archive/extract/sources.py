"""Who reports an article (outlet) and whom it cites (via), from phrases like "деп хабарлайды X … сілтеме
жасап", "сообщает X со ссылкой на Y", "reports X citing Y" (patterns in `<lang>/data/sources.yaml`)."""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from archive.extract import linear
from archive.extract.lexicon import lexicon
from archive.extract.segment import Span


@cache
def _patterns(lang: str) -> list[Any]:
    """The patterns, run by RE2: "the words before 'хабарлауынша'" cannot cost a scan per position."""
    return [linear.compile(p) for p in lexicon(lang, "sources")["patterns"]]


@cache
def _trigger(lang: str) -> re.Pattern[str] | None:
    """Words without which no pattern can match: sentences lacking them are skipped cheaply."""
    t = lexicon(lang, "sources").get("trigger")
    return re.compile(t, re.I) if t else None


def _nominative(phrase: str, lang: str) -> str:
    from archive.extract.people import morphology

    words = phrase.split()
    # the head word that carries the case ending: the last in Kazakh, the first in Russian
    at = -1 if lexicon(lang, "sources").get("head") == "last" else 0
    if words and words[at][:1].islower():
        try:
            words[at] = morphology(lang).nominative_phrase([words[at]], ())[-1]
        except Exception:  # a reporter name is still usable as written
            pass
    return " ".join(words).strip(" «»\"")


@cache
def _outlets() -> dict[str, str]:
    """Folded spelling -> usual name of the outlets in data/outlets.yaml."""
    import yaml

    from archive.extract.lexicon import DATA

    with (DATA / "data" / "outlets.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return {_fold(sp): o["name"] for o in data.get("outlets") or () for sp in o.get("spellings") or ()}


def _fold(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def usual_name(name: str | None) -> str | None:
    """An outlet written in capitals (a headline dateline) by its usual name when it is a known spelling
    ("КАЗИНФОРМ" → "Kazinform"); any other spelling stays as the text writes it."""
    if not name or not name.isupper():
        return name
    return _outlets().get(_fold(name), name)


def find_sources(body: str, sentences: list[Span], lang: str) -> tuple[str | None, str | None]:
    """(reporter, cited source) named in the text, or None."""
    trigger = _trigger(lang)
    for sent in sentences:
        if trigger is not None and not trigger.search(body, sent.start, sent.end):
            continue
        text = body[sent.start:sent.end]
        for pat in _patterns(lang):
            m = pat.search(text)
            if not m:
                continue
            groups = m.groupdict()
            s = groups.get("s")
            c = groups.get("c")
            return (usual_name(_nominative(s.strip(), lang)) if s else None,
                    usual_name(_nominative(c.strip(), lang)) if c else None)
    return None, None
