"""Who reports an article (outlet) and whom it cites (via), from phrases like "деп хабарлайды X … сілтеме
жасап", "сообщает X со ссылкой на Y", "reports X citing Y" (patterns in `<lang>/data/sources.yaml`)."""
from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import urlsplit

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
def _outlet_data() -> dict[str, Any]:
    from archive.extract.lexicon import DATA, load_yaml

    return load_yaml(DATA / "data" / "outlets.yaml") or {}


@cache
def _outlets(local: bool = False) -> dict[str, tuple[str, str | None]]:
    """Folded spelling or name -> (usual name, country) of the outlets in data/outlets.yaml. Only the
    usual name and the spellings name an outlet in a text; with `local`, so do its names in each
    language (`names`), which the outlet's own records use: a paper called "Атырау" is an outlet
    when its site names it, not when a text names the region."""
    out: dict[str, tuple[str, str | None]] = {}
    for o in _outlet_data().get("outlets") or ():
        names = (o.get("names") or {}).values() if local else ()
        for sp in [o["name"], *(o.get("spellings") or ()), *names]:
            out.setdefault(_fold(sp), (o["name"], o.get("country")))
    return out


@cache
def _local_names() -> dict[tuple[str, str], str]:
    return {(o["name"], lang): local for o in _outlet_data().get("outlets") or ()
            for lang, local in (o.get("names") or {}).items()}


def canonical_outlet(name: str) -> str:
    """A known outlet's usual name, whatever spelling or language names it; any other name as it is."""
    return _outlets(local=True).get(_fold(name), (name, None))[0]


def local_name(name: str | None, lang: str) -> str | None:
    """A known outlet by the name it goes by in `lang` (ТАСС, Российская газета); others as they are."""
    if not name:
        return name
    return _local_names().get((canonical_outlet(name), lang), name)


@cache
def _domains() -> dict[str, tuple[str, str | None]]:
    return {d.lower(): (o["name"], o.get("country"))
            for o in _outlet_data().get("outlets") or () for d in o.get("domains") or ()}


def _fold(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def usual_name(name: str | None) -> str | None:
    """An outlet written in capitals (a headline dateline) by its usual name when it is a known spelling
    ("КАЗИНФОРМ" → "Kazinform"); any other spelling stays as the text writes it."""
    if not name or not name.isupper():
        return name
    return _outlets().get(_fold(name), (name, None))[0]


def outlet_country(name: str | None) -> str | None:
    """The country of a known outlet, by any of its spellings; None for others."""
    return _outlets().get(_fold(name), (None, None))[1] if name else None


def site(url: str | None) -> tuple[str | None, str | None]:
    """(outlet, country) named by a page's URL: a known site by its usual name and country, any other
    by its registered domain ("https://kaz.baq.kz/…" → "Baq.kz") and the country of its country-code
    domain. (None, None) without a URL."""
    if not url:
        return None, None
    host = urlsplit(url.strip() if "//" in url else f"//{url.strip()}").hostname or ""
    labels = [x for x in host.lower().rstrip(".").split(".") if x]
    if len(labels) < 2:
        return None, None
    data = _outlet_data()
    known = _domains()
    for k in range(len(labels) - 1):
        hit = known.get(".".join(labels[k:]))
        if hit:
            return hit
    keep = 3 if len(labels) >= 3 and labels[-2] in set(data.get("public_second_levels") or ()) else 2
    prefixes = set(data.get("site_prefixes") or ())
    while len(labels) > keep and labels[0] in prefixes:
        labels = labels[1:]
    domain = ".".join(labels)
    country = (data.get("country_domains") or {}).get(labels[-1])
    return domain[:1].upper() + domain[1:], country


def language_press(lang: str) -> str | None:
    """The country whose press the articles of a language are, unless their site says otherwise."""
    return (_outlet_data().get("language_press") or {}).get(lang)


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
