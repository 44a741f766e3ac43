"""Language-independent person keys and name similarity.

`person_key("Смайылов Әлихан Асқарұлы") == person_key("Alikhan Smailov") == "alihan smailov"`:
Cyrillic (Kazakh or Russian) and Latin spellings are transliterated with anyascii, then folded so
that the usual transliteration variants agree (kh→h, zh/dzh/dj→j, gh→g, q→k, x→ks, c→k/s, ts/tz/z→s, w→v, ng→n,
y/iy/yi→i, y between vowels dropped, doubled letters collapsed), patronymics (Асқарұлы, Аскарович,
Kemelevich, qyzy) are dropped, case endings after a surname suffix (Токаева, Бектеновым, Тоқаевтың)
are cut, and the words are sorted, so that "Surname Name" and "Name Surname" give one key.
`name_similarity` compares keys with rapidfuzz, weighting the surname; `surname_key` lets a surname-only
mention ("Tokayev", "Мишустин") match the full name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

# Measured on the pair table in tests/test_names.py (see the test for precision/recall).
MATCH_THRESHOLD: float = 85.0
SURNAME_WEIGHT = 0.6

_PRE = str.maketrans({"ё": "е", "Ё": "Е", "-": " ", "‐": " ", "–": " ", "’": "", "'": "", "`": "", "ʻ": ""})
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"[^a-z ]", ""),
    (r"dzh|dj|zh", "j"),
    (r"sch", "sh"),
    (r"kh", "h"),
    (r"gh", "g"),
    (r"q", "k"),
    (r"\bx", "s"),                                   # pinyin Xi/Си
    (r"x", "ks"),                                     # Alexey/Алексей
    (r"tsz", "j"),                                    # Цзиньпин/Jinping
    (r"c(?![eih])", "k"),                             # Macron/Макрон
    (r"c(?!h)", "s"),
    (r"ts|tz|z", "s"),                                # Шольц/Scholz, Розенблюм/Rosenblum
    (r"w", "v"),
    (r"ng(?![aeiouy])", "n"),
    (r"(?:(?<=\b)|(?<=[aeiou]))y(?=[aeiou])", ""),   # Yerlan/Ерлан, Tokayev/Токаев, Mirziyoyev
    (r"iy|yi|y", "i"),
    (r"(?<=[^aeiou ])iu", "u"),                       # -блюм → blyum/blum
    (r"(.)\1+", r"\1"),
))
# patronymics (after folding): Асқарұлы → askaruli, қызы → kizi, Kyrgyz uulu → ulu, Кемелевич …
_PATRONYMIC = re.compile(r"(?:uli|ulu|kizi|ovich|evich|ovna|evna|ichna|inichna|oglu)$")
_PATRONYMIC_WORD = frozenset({"uli", "ulu", "kizi", "oglu"})
# a surname suffix followed by a Russian or Kazakh case ending (after folding)
_SURNAME_CASE = re.compile(
    r"^(.{3,}?(?:ov|ev|in))(?:a|u|e|om|im|oi|oiu|ih|imi|tin|ti|ka|ke|ga|ge|pen|men|ben|ta|te|tan|ten|"
    r"nan|nen|ni|nin|din|dan|den|mn)$"
)
_SURNAME_LIKE = re.compile(
    r"(?:ov|ev|ova|eva|in|ina|enko|ko|ski|skii|ska|ian|dze|shvili|uli|zoda|zade|bekov|baev|oglu|ic|ich|"
    r"berdi|ulu|li)$"
)


@lru_cache(maxsize=1 << 15)
def _words(name: str) -> tuple[str, ...]:
    """Folded words of a name in their written order, patronymics dropped, case endings cut."""
    text = " " + anyascii(name.translate(_PRE)).lower() + " "
    for pattern, repl in _FOLDS:
        text = pattern.sub(repl, text)
    words = [w for w in text.split() if w]
    if len(words) >= 3:
        words = [w for w in words if not (_PATRONYMIC.search(w) or w in _PATRONYMIC_WORD)] or words
    out = []
    for w in words:
        m = _SURNAME_CASE.match(w)
        out.append(m.group(1) if m else w)
    return tuple(out)


def person_key(name: str) -> str:
    """Language-independent key: folded Latin words, patronymic dropped, sorted.

    "Әлихан Смайылов", "Алихан Смаилов", "Alikhan Smailov", "Смайылов Әлихан Асқарұлы" → "alihan smailov";
    "Қасым-Жомарт Тоқаев", "Касым-Жомарт Токаев", "Kassym-Jomart Tokayev" → "jomart kasim tokaev"."""
    return " ".join(sorted(_words(name)))


def _split(words: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """(surname, given names): the one word that looks like a surname, else the last word."""
    if len(words) == 1:
        return words[0], ()
    like = [i for i, w in enumerate(words) if _SURNAME_LIKE.search(w)]
    i = like[-1] if len(like) == 1 or (like and like[-1] == len(words) - 1) else (like[0] if like else len(words) - 1)
    return words[i], words[:i] + words[i + 1:]


def surname_key(name: str) -> str:
    """The folded surname ("Kassym-Jomart Tokayev" → "tokaev", "Смайылов Әлихан Асқарұлы" → "smailov")."""
    words = _words(name)
    return _split(words)[0] if words else ""


def _given_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 100.0
    if all(len(w) == 1 for w in a) or all(len(w) == 1 for w in b):   # initials: "K. Tokayev"
        return 100.0 if a[0][0] == b[0][0] else 0.0
    return fuzz.token_sort_ratio(" ".join(a), " ".join(b))


def name_similarity(a: str, b: str) -> float:
    """0..100. Surname-weighted; a one-word mention is compared with the other name's surname."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    sa, ga = _split(wa)
    sb, gb = _split(wb)
    if len(wa) == 1 or len(wb) == 1:
        single, other = (wa[0], wb) if len(wa) == 1 else (wb[0], wa)
        score = fuzz.ratio(single, _split(other)[0])
        if score < 100 and not any(_SURNAME_LIKE.search(w) for w in other):
            score = max(score, max(fuzz.ratio(single, w) for w in other))   # no clear surname ("Xi Jinping")
        return float(score)
    weighted = SURNAME_WEIGHT * fuzz.ratio(sa, sb) + (1 - SURNAME_WEIGHT) * _given_similarity(ga, gb)
    return float(max(weighted, fuzz.token_sort_ratio(" ".join(wa), " ".join(wb)) - 15.0))


def same_person(a: str, b: str) -> bool:
    return name_similarity(a, b) >= MATCH_THRESHOLD


@lru_cache(maxsize=1)
def _officials() -> dict[str, tuple[str, str]]:
    """person_key of every known spelling -> (display name, Latin name)."""
    from pathlib import Path

    from archive.extract.lexicon import load_yaml

    data = load_yaml(Path(__file__).resolve().parent / "extract" / "data" / "officials.yaml") or {}
    out: dict[str, tuple[str, str]] = {}
    for entry in data.get("officials") or ():
        for spelling in entry.get("spellings") or ():
            out.setdefault(person_key(spelling), (entry["display"], entry["display"]))
    return out


def known_official(name: str) -> tuple[str, str] | None:
    """(display name, Latin name) of a well-known official this spelling denotes, else None. A help
    for choosing display names only: persons are found and matched without it."""
    return _officials().get(person_key(name))
