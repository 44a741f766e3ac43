"""English name morphology: English names do not inflect, only the possessive 's / ’s goes
(Kazakhstan’s -> Kazakhstan, Tokayev's -> Tokayev). Same public functions as kk/ru."""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_SURNAME_ENDINGS = ("ov", "ev", "yev", "in", "ova", "eva", "ina", "enko", "yan", "ian", "dze", "shvili",
                    "uly", "kyzy", "ich", "sky", "ski")
_NOT_SURNAMES = frozenset({"berlin", "dublin", "turin", "harbin", "kremlin", "kyiv", "kiev", "rostov", "lviv",
                           "kharkiv", "kharkov", "vatican", "latin", "bahrain", "britain", "spain", "again"})


def _strip(word: str) -> str:
    m = _POSSESSIVE.search(word)
    if not m or m.start() == 0:
        return word
    if m.group().startswith("s"):               # the Presidents' -> the Presidents
        return word[: m.start() + 1]
    return word[: m.start()]


def stems(word: str) -> list[str]:
    """The word without a possessive ending (if any), then the word itself."""
    base = _strip(word)
    return [base, word] if base != word else [word]


def nominative(word: str, known: Collection[str] = ()) -> str:
    """The name without its possessive ending."""
    return _strip(word)


def nominative_phrase(words: Sequence[str], known: Collection[str] = ()) -> list[str]:
    """Only the last word of an English name can carry the possessive."""
    words = list(words)
    if not words:
        return []
    return [*words[:-1], _strip(words[-1])]


@lru_cache(maxsize=1 << 16)
def is_surname_like(word: str) -> bool:
    """Transliterated post-Soviet surname shapes (Tokayev, Mishustin, Pashinyan, Lukashenko …)."""
    base = _strip(word)
    if not base[:1].isupper():
        return False
    lower = base.lower()
    if lower in _NOT_SURNAMES:
        return False
    return any(lower.endswith(e) and len(lower) >= len(e) + 3 for e in _SURNAME_ENDINGS)


def is_plural(word: str) -> bool:
    """A title in the plural ("Ministers", "Presidents", "PMs")."""
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "'s", "’s"))


def singular(word: str) -> str:
    return word[:-1] if is_plural(word) else word


def title_head(words: Sequence[str]) -> int:
    """The index of a title's head noun: the word before its first "of"/"for" ("Chairman of the
    Cabinet of Ministers"), else the last word ("Foreign Ministers")."""
    for i, w in enumerate(words):
        if i and w.lower() in ("of", "for"):
            return i - 1
    return len(words) - 1
