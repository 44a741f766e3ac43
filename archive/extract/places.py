"""Countries, cities and landmarks in kk/ru/en text, in any case form.

Country names for every ISO 3166-1 country come from CLDR (babel) and pycountry; short forms,
abbreviations, demonyms, words of a state's formal name and a gazetteer of cities and landmarks come
from `archive/extract/data/places.yaml`. Matching is dictionary look-ups: every word is reduced to
the name forms it can be an inflection of (a known stem followed by one of the language's suffixes,
or a base from `archive.extract.<lang>.morph.stems` when that module exists), then multi-word names
are matched token by token.
"""
from __future__ import annotations

import importlib
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

DATA_FILE = Path(__file__).resolve().parent / "data" / "places.yaml"
LANGS: tuple[str, ...] = ("kk", "ru", "en")

# A word: letters with inner hyphens/apostrophes, or a dotted abbreviation ("U.S.", "D.C.").
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*(?:['’]s?)?")
_GAP_OK = re.compile(r"[ \t\u00a0]*\Z")  # tokens of one name are separated by spaces only


@dataclass(frozen=True, slots=True)
class Place:
    name: str            # nominative, in the article's language
    country: str | None  # ISO 3166-1 alpha-2
    kind: str            # "country" | "city" | "landmark"


@dataclass(frozen=True, slots=True, eq=False)
class _Entry:
    tokens: tuple[str, ...]        # folded tokens of the name form
    country: str | None
    kind: str                      # country | adjective | state | city | landmark
    names: Mapping[str, str]       # lang -> nominative name (country/city/landmark)
    original: tuple[str, ...]      # the tokens as written in the data (for the case rule)


@dataclass(frozen=True, slots=True)
class _Form:
    folded: str     # the folded full token this stem belongs to
    case: str       # "abbr" (exact case), "cap" (capital initial) or "any"
    surface: str    # the token as written in the data (for "abbr")


def _fold(s: str) -> str:
    return s.replace("ё", "е").replace("Ё", "Е").replace("’", "'")


def _case_class(token: str) -> str:
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "abbr"
    return "cap" if token[:1].isupper() else "any"


def _tokens(text: str) -> list[str]:
    return [m.group() for m in _WORD.finditer(text)]


class _Index:
    """Everything the matcher needs for one language; built once."""

    def __init__(self, lang: str, data: dict, entries: list[_Entry], morph: Callable | None) -> None:
        rules = data["morphology"][lang]
        self.lang = lang
        sufs: set[str] = {""}
        for combo in itertools.product(*[[""] + list(slot) for slot in rules["slots"]]):
            sufs.add("".join(combo))
        if rules.get("hyphen"):
            sufs |= {"-" + s for s in sufs if s}
        self.suffixes = frozenset(sufs)
        self.max_suffix = max(map(len, sufs))
        self.min_stem = int(rules.get("min_stem", 2))
        truncate = sorted(rules.get("truncate") or [], key=len, reverse=True)
        self.stems: dict[str, list[_Form]] = {}
        self.first: dict[str, list[_Entry]] = {}
        for entry in entries:
            self.first.setdefault(entry.tokens[0], []).append(entry)
        for lst in self.first.values():
            lst.sort(key=lambda e: len(e.tokens), reverse=True)
        seen: set[tuple[str, str, str]] = set()
        for entry in entries:
            for surface in entry.original:
                folded = surface.lower()
                case = _case_class(surface)
                if (folded, case, surface) in seen:
                    continue
                seen.add((folded, case, surface))
                form = _Form(folded, case, surface)
                self._add_stem(folded, form)
                if case != "abbr":
                    for end in truncate:
                        if folded.endswith(end) and len(folded) - len(end) >= self.min_stem:
                            self._add_stem(folded[: -len(end)], form)
        # the morphology module is asked only about words that could begin a known form
        self.prefixes = frozenset(k[:3] for k in self.stems)
        self.preps = frozenset(_fold(p).lower() for p in data["prepositions"].get(lang) or [])
        self.morph = morph

    def _add_stem(self, stem: str, form: _Form) -> None:
        forms = self.stems.setdefault(stem, [])
        if form not in forms:
            forms.append(form)

    def keys(self, word: str) -> frozenset[str]:
        return _keys(self, word)


def _ok(form: _Form, written: str) -> bool:
    if form.case == "abbr":
        return written == form.surface
    if form.case == "cap":
        return written[:1].isupper()
    return True


@lru_cache(maxsize=1 << 16)
def _keys(idx: _Index, word: str) -> frozenset[str]:
    """The folded name tokens `word` can be a form of (longest stem wins)."""
    written = _fold(word)
    low = written.lower()
    n = len(low)
    for i in range(n, 0, -1):
        if n - i > idx.max_suffix:
            break
        if i < n and (i < idx.min_stem or low[i:] not in idx.suffixes):
            continue
        forms = idx.stems.get(low[:i])
        if forms:
            hit = frozenset(f.folded for f in forms if _ok(f, written[:i]))
            if hit:
                return hit
    if idx.morph is not None and low[:3] in idx.prefixes:
        try:
            bases = idx.morph(word)
        except Exception:  # a colleague's analyser must never break place matching
            bases = []
        for base in bases:
            b = _fold(base)
            forms = idx.stems.get(b.lower())
            if forms:
                hit = frozenset(f.folded for f in forms if _ok(f, written[:1] + b[1:]))
                if hit:
                    return hit
    return frozenset()


# ------------------------------------------------------------------------------------------ data
@cache
def _data() -> dict:
    from archive.extract.lexicon import load_yaml

    return load_yaml(DATA_FILE)


def _strip_parens(name: str) -> list[str]:
    m = re.match(r"\s*(.*?)\s*\((.*?)\)\s*$", name)
    if not m:
        return [name]
    return [m.group(1)]  # "Мьянма (Бирма)"; the inner part may name another country ("… (США)")


def _country_names() -> dict[str, dict[str, list[str]]]:
    """ISO -> lang -> nominative names, CLDR first (not typed by hand)."""
    import babel
    import pycountry

    iso = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    out: dict[str, dict[str, list[str]]] = {}
    for lang in LANGS:
        for code, name in babel.Locale.parse(lang).territories.items():
            if code in iso:
                out.setdefault(code, {}).setdefault(lang, []).extend(_strip_parens(name))
    for c in pycountry.countries:
        en = out.setdefault(c.alpha_2, {}).setdefault("en", [])
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v and v not in en:
                en.append(v)
    for code, per_lang in (_data().get("countries") or {}).items():
        for lang, names in per_lang.items():
            out.setdefault(code, {}).setdefault(lang, []).extend(names)
    return out


def _mk(text: str, country: str | None, kind: str, names: Mapping[str, str]) -> _Entry | None:
    original = tuple(_fold(t) for t in _tokens(text))
    if not original:
        return None
    return _Entry(tuple(t.lower() for t in original), country, kind, names, original)


@cache
def _entries() -> tuple[_Entry, ...]:
    data = _data()
    out: list[_Entry | None] = []
    countries = _country_names()
    for code, per_lang in countries.items():
        names = MappingProxyType({lang: per_lang.get(lang, [code])[0] for lang in LANGS})
        for forms in per_lang.values():
            out.extend(_mk(f, code, "country", names) for f in forms)
    for per_lang in (data.get("demonyms") or {}).values():
        for code, forms in per_lang.items():
            names = MappingProxyType({lang: countries.get(code, {}).get(lang, [code])[0] for lang in LANGS})
            out.extend(_mk(f, code, "adjective", names) for f in forms)
    for words in (data.get("state_words") or {}).values():
        out.extend(_mk(w, None, "state", MappingProxyType({})) for w in words)
    for row in data.get("regions") or []:
        names = MappingProxyType({lang: row[lang] for lang in LANGS})
        forms = [row[lang] for lang in LANGS] + list(row.get("alt") or [])
        out.extend(_mk(f, row["cc"], "region", names) for f in dict.fromkeys(forms))
    by_en: dict[str, Mapping[str, str]] = {}
    for kind in ("cities", "landmarks"):
        for row in data.get(kind) or []:
            names = MappingProxyType({lang: row[lang] for lang in LANGS})
            if kind == "cities":
                by_en[row["en"]] = names
                place_names = names
            else:
                place_names = by_en[row["city"]]
            k = "city" if kind == "cities" else "landmark"
            forms = [row[lang] for lang in LANGS] + list(row.get("alt") or [])
            out.extend(_mk(f, row["cc"], k, place_names) for f in dict.fromkeys(forms))
    return tuple(e for e in out if e is not None)


def _morph_stems(lang: str) -> Callable | None:
    try:
        mod = importlib.import_module(f"archive.extract.{lang}.morph")
    except ImportError:
        return None
    return getattr(mod, "stems", None)


@cache
def _index(lang: str) -> _Index:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}")
    return _Index(lang, _data(), list(_entries()), _morph_stems(lang))


# ------------------------------------------------------------------------------------ matching
_Tok = tuple[int, int, str]


def _split_tokens(idx: _Index, text: str, start: int, end: int) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _WORD.finditer(text, start, end):
        w = m.group()
        if "-" in w and not _keys(idx, w):
            pos = m.start()
            for part in w.split("-"):
                if part:
                    toks.append((pos, pos + len(part), part))
                pos += len(part) + 1
        else:
            toks.append((m.start(), m.end(), w))
    return toks


def _match(idx: _Index, text: str, toks: list[_Tok], kinds: frozenset[str]) -> list[tuple[int, int, _Entry]]:
    """Longest, left-to-right, non-overlapping name matches of the given kinds."""
    out: list[tuple[int, int, _Entry]] = []
    i, n = 0, len(toks)
    while i < n:
        best: _Entry | None = None
        for key in _keys(idx, toks[i][2]):
            for entry in idx.first.get(key, ()):
                if entry.kind not in kinds or (best is not None and len(entry.tokens) <= len(best.tokens)):
                    continue
                k = len(entry.tokens)
                if i + k > n:
                    continue
                if all(
                    _adjacent(text, toks[i + j - 1][1], toks[i + j][0])
                    and entry.tokens[j] in _keys(idx, toks[i + j][2])
                    for j in range(1, k)
                ):
                    best = entry
        if best is None:
            i += 1
            continue
        k = len(best.tokens)
        out.append((toks[i][0], toks[i + k - 1][1], best))
        i += k
    return out


_COUNTRY_KINDS = frozenset({"country", "adjective", "state"})
_PLACE_KINDS = frozenset({"country", "city", "landmark"})


def _adjacent(text: str, a: int, b: int) -> bool:
    return a <= b and _GAP_OK.match(text, a, b) is not None


def _countries(idx: _Index, text: str, toks: list[_Tok]) -> list[tuple[int, int, str]]:
    """Country spans; words of a formal state name next to a country word join its span
    ("Қазақстан Республикасының", "Российской Федерации", "Republic of Kazakhstan")."""
    out: list[list] = []                    # [start, end, iso]
    prev: _Entry | None = None
    prev_end = -1
    pending: int | None = None              # start of a state-word phrase waiting for its country
    for s, e, entry in _match(idx, text, toks, _COUNTRY_KINDS):
        if entry.kind == "state":
            if prev is not None and prev.kind != "state" and _adjacent(text, prev_end, s):
                out[-1][1] = e
            else:
                pending = s
        else:
            if pending is not None and prev is not None and prev.kind == "state" and _adjacent(text, prev_end, s):
                s = pending
            pending = None
            out.append([s, e, entry.country])
        prev, prev_end = entry, e
    return [(s, e, c) for s, e, c in out]


def find_countries(body: str, lang: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, ISO) of country names/adjectives/abbreviations inside body[start:end]."""
    idx = _index(lang)
    end = len(body) if end is None else end
    return _countries(idx, body, _split_tokens(idx, body, start, end))


def find_places(body: str, lang: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Place]]:
    """(start, end, Place) of cities and landmarks inside body[start:end] (countries: find_countries)."""
    idx = _index(lang)
    end = len(body) if end is None else end
    kinds = frozenset({"city", "landmark"})
    return [(s, e, _place(entry, lang)) for s, e, entry in _match(idx, body, _split_tokens(idx, body, start, end), kinds)]


_REGION_KINDS = frozenset({"region", "city"})


def find_regions(body: str, lang: str, start: int = 0, end: int | None = None,
                 cities: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, ISO) of the regions (and cities) named inside body[start:end] ("Омбы облысының",
    "Амурской области", "Ningxia"): where a governor or a mayor comes from."""
    idx = _index(lang)
    end = len(body) if end is None else end
    kinds = _REGION_KINDS if cities else frozenset({"region"})
    return [(s, e, entry.country) for s, e, entry in _match(idx, body, _split_tokens(idx, body, start, end),
                                                             kinds) if entry.country]


def _place(entry: _Entry, lang: str) -> Place:
    return Place(entry.names.get(lang) or next(iter(entry.names.values())), entry.country, entry.kind)


def _content(idx: _Index, text: str) -> list[_Tok]:
    toks = _split_tokens(idx, text, 0, len(text))
    while toks and _fold(toks[0][2]).lower() in idx.preps:
        toks = toks[1:]
    return toks


@lru_cache(maxsize=1 << 16)
def country_code(text: str, lang: str) -> str | None:
    """ISO alpha-2 for a country word or phrase in any case form or adjective ("Ресейдің", "ресейлік",
    "РФ", "Қазақстан Республикасының", "Российской Федерации", "казахстанского", "Kazakhstan's",
    "the US" …); None when it is not one."""
    idx = _index(lang)
    toks = _content(idx, text)
    if not toks:
        return None
    spans = _countries(idx, text, toks)
    if len(spans) == 1 and spans[0][0] <= toks[0][0] and spans[0][1] >= toks[-1][1]:
        return spans[0][2]
    return None


@lru_cache(maxsize=1 << 16)
def place(word_or_phrase: str, lang: str) -> Place | None:
    """A city, landmark or country in any case form → nominative name in `lang` + country ("Сочиде" →
    Place("Сочи", "RU", "city"), "Ақордада" → Place("Астана", "KZ", "landmark"), "Кремле" → Москва)."""
    idx = _index(lang)
    toks = _content(idx, word_or_phrase)
    if not toks:
        return None
    spans = _match(idx, word_or_phrase, toks, _PLACE_KINDS)
    if len(spans) == 1 and spans[0][0] <= toks[0][0] and spans[0][1] >= toks[-1][1]:
        return _place(spans[0][2], lang)
    return None
