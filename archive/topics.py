"""Topics in their base form, so that inflected duplicates are one topic.

The extractor keeps a topic as the article writes it, in whatever case the sentence put it:
"энергетику", "энергетики" and "энергетика" are one subject, and so are Kazakh "көлік-транзит
әлеуетін" (accusative) and "көлік-транзит әлеуеті". Two functions, both pure:

- :func:`topic_base` — the phrase in its base form, for people to read: Russian puts the head noun
  and the adjectives agreeing with it in the nominative (pymorphy3), the rest of the phrase stays
  ("совместного использования водных ресурсов" -> "совместное использование водных ресурсов");
  Kazakh takes the case ending off the last word only (a Kazakh noun phrase inflects only there,
  with the project's own morphology, :mod:`archive.extract.kk.morph`); English drops a possessive
  's and a leading article.
- :func:`topic_key` — what makes two topics one (``topics.key``, unique): Russian words each
  reduced to their dictionary form, Kazakh and English the folded base form.

Both look at the letters of each word, not only at the article's language, so a Russian phrase in a
Kazakh article still gets Russian morphology.
"""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[\w’'-]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_PUNCT = re.compile(r"[\"'«»“”„`’.,;:()\[\]!?]+")
_EN_ARTICLES = ("the ", "a ", "an ")
# Kazakh: case endings that may end a topic phrase. A locative (-да, -дағы …) is taken off only a
# stem of at least this many letters: сауда ("trade") is no locative of сау.
_KK_LOCATIVE_MIN_STEM = 5
_KK_SHORT_STEM = 3               # shorter stems only lose an accusative or dative (суды -> су)
_KK_KEY_MAX = 200


def _fold(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.replace("ё", "е").replace("Ё", "Е")).casefold().split())


def script_language(phrase: str, language: str | None = None) -> str:
    """"kk", "ru" or "en" for the phrase: its letters first (Kazakh-only letters mean kk), then the
    article's language for Cyrillic (kk or ru), else "ru" for Cyrillic and "en" for Latin."""
    if not _CYRILLIC.search(phrase):
        return "en"
    if _KAZAKH_ONLY.search(phrase):
        return "kk"
    return language if language in ("kk", "ru") else "ru"


# -- Russian ----------------------------------------------------------------------------------------

def _analyzer():  # noqa: ANN202 - pymorphy3 has no types
    from archive.extract.ru.morph import _analyzer as shared  # one dictionary in memory, not two

    return shared()


@lru_cache(maxsize=65536)
def _ru_parses(word: str) -> tuple:
    return tuple(_analyzer().parse(word))


def _ru_lemma(word: str) -> str:
    parses = _ru_parses(word.lower())
    return parses[0].normal_form if parses else word.lower()


def _ru_noun(word: str):  # noqa: ANN202
    """The best noun reading of ``word`` (None when pymorphy3 sees no noun in it)."""
    parses = _ru_parses(word.lower())
    if parses and parses[0].tag.POS == "NOUN":
        return parses[0]
    return None


def _inflect(parse, grammemes: set[str]) -> str | None:  # noqa: ANN001
    form = parse.inflect(grammemes)
    return form.word if form is not None else None


def _ru_base(words: list[str]) -> list[str]:
    head = next((i for i, w in enumerate(words) if _ru_noun(w) is not None), None)
    out = list(words)
    if head is None:                      # adjectives only ("торгово-экономического")
        for i, w in enumerate(words):
            parses = _ru_parses(w.lower())
            if parses and parses[0].tag.POS in ("ADJF", "PRTF") and parses[0].tag.case != "nomn":
                out[i] = _inflect(parses[0], {"nomn"} | ({parses[0].tag.number} if parses[0].tag.number
                                                        else set())) or w
        return out
    noun = _ru_noun(words[head])
    case, number, gender = noun.tag.case, noun.tag.number, noun.tag.gender
    if case in ("nomn", None):
        return out
    out[head] = _inflect(noun, {"nomn", number} if number else {"nomn"}) or words[head]
    for i in range(head):                 # adjectives agreeing with the head
        parse = next((p for p in _ru_parses(words[i].lower()) if p.tag.POS in ("ADJF", "PRTF")
                      and p.tag.case == case and (p.tag.number == number or number is None)), None)
        if parse is None:
            continue
        wanted = {"nomn", number or "sing"}
        if number == "sing" and gender:
            wanted.add(gender)
        out[i] = _inflect(parse, wanted) or words[i]
    return out


# -- Kazakh -----------------------------------------------------------------------------------------

def _kk_base_word(word: str) -> str:
    """The last word of a Kazakh phrase without its case ending (possessives stay)."""
    from archive.extract.kk import morph

    for analysis in morph._analyses(word):
        if analysis.layers != (0,) or len(analysis.stem) < 2:
            continue
        if len(analysis.stem) < _KK_SHORT_STEM and analysis.tags[0] not in ("acc", "dat"):
            continue                      # кеден ("customs") is no ablative of ке
        if analysis.tags[0].startswith("loc") and len(analysis.stem) < _KK_LOCATIVE_MIN_STEM:
            continue
        return analysis.stem
    return word


# -- both -------------------------------------------------------------------------------------------

def _split(phrase: str) -> list[str]:
    return _WORD.findall(" ".join(phrase.split()))


@lru_cache(maxsize=16384)
def topic_base(phrase: str, language: str | None = None) -> str:
    """The phrase in its base form (see the module docstring); the phrase itself when nothing
    applies. Case is kept as written except for the words changed."""
    text = " ".join(phrase.split()).strip(" .,;:")
    if not text:
        return ""
    lang = script_language(text, language)
    words = _split(text)
    if not words:
        return text
    if lang == "ru":
        return " ".join(_match_case(w, b) for w, b in zip(words, _ru_base(words), strict=True))
    if lang == "kk":
        return " ".join([*words[:-1], _match_case(words[-1], _kk_base_word(words[-1].lower()))])
    from archive.extract.en import morph as en

    lower = " ".join(en.nominative(w) for w in words)
    for article in _EN_ARTICLES:
        if lower.lower().startswith(article) and len(lower) > len(article):
            lower = lower[len(article):]
            break
    return lower


def topic_key(phrase: str, language: str | None = None) -> str:
    """The key two inflected spellings of one topic share (at most 200 characters; "" for none)."""
    base = topic_base(phrase, language)
    if not base:
        return ""
    if script_language(base, language) == "ru":
        return _fold(" ".join(_ru_lemma(w) for w in _split(base)))[:_KK_KEY_MAX]
    return _fold(base)[:_KK_KEY_MAX]


def _match_case(src: str, out: str) -> str:
    if src.lower() == out.lower():
        return src
    if len(src) > 1 and src.isupper():
        return out.upper()
    if src[:1].isupper():
        return out[:1].upper() + out[1:]
    return out
