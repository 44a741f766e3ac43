"""Russian name/place normalisation on top of pymorphy3.

pymorphy3's top parse is wrong for surnames it does not know ("Смаиловым" -> "смаиловый"), so every
word gets a set of *readings* (nominative, case, gender, score): from -ов/-ев/-ин surname rules
(`data/morph.yaml`), from the dictionary (names, surnames, places, common nouns), from a rule for
foreign masculine names, and "as is". A multiword name picks the case and gender on which its
words agree best ("Олжасу Бектенову" -> dative masculine -> "Олжас Бектенов"); a title phrase
("Председателем Правительства …") puts only its head in the nominative.

Public functions: `stems`, `nominative`, `nominative_phrase`, `is_surname_like` (same as kk/en).
"""
from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from archive.extract.lexicon import lexicon

_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})
_VOWELS = frozenset("аеёиоуыэюя")
_HISSING = frozenset("цжшчщ")


@dataclass(frozen=True, slots=True)
class Reading:
    nom: str                  # nominative, lower case
    case: str | None          # None: any case (indeclinable)
    gender: str | None        # "masc", "femn" or None (any)
    score: float
    kind: str                 # "name", "surname", "place", "common", "adj", "fixed", "asis"


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data = dict(lexicon("ru", "morph"))
    s = data["surname"]
    data["surname_stems"] = tuple(s["stems"])
    data["surname_endings"] = sorted(s["endings"].items(), key=lambda kv: -len(kv[0]))
    data["not_surnames_set"] = frozenset(w.lower() for w in data["not_surnames"])
    data["nominatives_map"] = {w.lower(): w for w in data["nominatives"]}
    return data


def _match_case(src: str, out: str) -> str:
    """`out` (lower case) written with the capitalisation of `src`, hyphen part by hyphen part."""
    if "ё" not in src.lower():
        out = out.replace("ё", "е")
    if len(src) > 1 and src.isupper():
        return out.upper()
    src_parts, out_parts = src.split("-"), out.split("-")
    if len(src_parts) != len(out_parts):
        return out[:1].upper() + out[1:] if src[:1].isupper() else out
    return "-".join(o[:1].upper() + o[1:] if s[:1].isupper() else o for s, o in zip(src_parts, out_parts, strict=True))


def _surname_readings(lower: str) -> list[Reading]:
    d = _data()
    out: list[Reading] = []
    for ending, forms in d["surname_endings"]:
        if ending and not lower.endswith(ending):
            continue
        stem = lower[: len(lower) - len(ending)] if ending else lower
        if len(stem) < d["surname"]["min_stem"] or not stem.endswith(d["surname_stems"]):
            continue
        if stem in d["not_surnames_set"]:
            continue
        for case, gender, add in forms:
            out.append(Reading(stem + add, case, gender, 2.5, "surname"))
    return out


def _foreign_masc_readings(lower: str) -> list[Reading]:
    """Endings of an unknown (foreign) man's name: second declension (Макроном, Шольцем, Эммануэлем)
    and first declension in -а (Асакавой)."""
    out: list[Reading] = []
    rules = (("ом", "ablt", ("",)), ("ем", "ablt", ("ь", "й", "")), ("а", "gent", ("",)),
             ("а", "accs", ("",)), ("у", "datv", ("",)), ("е", "loct", ("",)), ("я", "gent", ("ь", "й")),
             ("ю", "datv", ("ь", "й")), ("ой", "ablt", ("а",)), ("ою", "ablt", ("а",)))
    for ending, case, adds in rules:
        if not lower.endswith(ending) or len(lower) - len(ending) < 2:
            continue
        stem = lower[: -len(ending)]
        if stem[-1] in _VOWELS:
            continue
        for add in adds:
            if ending == "ем" and (add == "") != (stem[-1] in _HISSING):
                continue
            if add == "й" and stem[-1] not in _VOWELS:
                continue
            # -ом/-ем are unambiguous instrumentals; -а/-у/-е may end a nominative (Гульнара)
            # -ом/-ем and the first-declension -ой (Асакавой → Асакава) are unambiguous instrumentals;
            # -а/-у/-е may end a nominative (Гульнара)
            out.append(Reading(stem + add, case, "masc", 1.0 if ending in ("ом", "ем", "ой", "ою") else 0.6, "name"))
    return out


def _dictionary_readings(word: str) -> list[Reading]:
    out: list[Reading] = []
    for p in _analyzer().parse(word):
        tag = p.tag
        if tag.POS not in ("NOUN", "ADJF"):
            continue
        grammemes = set(tag.grammemes)
        if "Fixd" in grammemes:
            out.append(Reading(word.lower(), None, None, 1.0 + p.score, "fixed"))
            continue
        if tag.number == "plur" and "Pltm" not in grammemes and tag.POS == "NOUN":
            continue
        if "Pltm" in grammemes and "Surn" in grammemes:
            continue
        form = p.inflect({"nomn", "sing"} if tag.POS == "ADJF" and tag.gender else {"nomn"})
        nom = form.word if form is not None else p.normal_form
        proper = grammemes & _PROPER
        if tag.POS == "ADJF":
            kind, weight = "adj", (1.0 if p.is_known else 0.1)
        elif proper:
            kind = "place" if "Geox" in proper else "name"
            weight = 2.0 if p.is_known else 0.6
        else:
            kind, weight = "common", (1.0 if p.is_known else 0.5)
        score = weight + p.score
        if not p.is_known and len(os.path.commonprefix([nom, word.lower()])) < len(nom) - 1:
            score *= 0.2                      # a guessed fleeting vowel (Шольцем -> "шолец")
        gender = tag.gender if tag.gender in ("masc", "femn", "neut") else None
        out.append(Reading(nom, tag.case, gender, score, kind))
    return out


@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[Reading, ...]:
    """Every reading of `word`, best first."""
    lower = word.lower()
    d = _data()
    if "-" in word and not _analyzer().word_is_known(lower):
        head, _, last = word.rpartition("-")
        if head and last:
            return tuple(Reading(f"{head.lower()}-{r.nom}", r.case, r.gender, r.score, r.kind)
                         for r in _readings(last))
    if word[:1].isupper() and lower.endswith(tuple(d.get("indeclinable_endings") or ())):
        return (Reading(lower, None, None, 5.0, "fixed"),)      # Расулзода, Гусейнзаде: never declined
    readings = [*_surname_readings(lower), *_dictionary_readings(word)]
    if word[:1].isupper() and not _analyzer().word_is_known(lower):
        readings += _foreign_masc_readings(lower)
    if lower in d["nominatives_map"]:
        indeclinable = lower[-1:] in _VOWELS and lower[-1:] not in "ая"
        readings.append(Reading(lower, None if indeclinable else "nomn", None, 5.0, "name"))
    if lower[-1:] in _VOWELS and lower[-1:] not in "ая" and not any(r.score >= 2.0 for r in readings):
        # Нуртлеу, Кокшетау, Токио, Тлеуберди stay; after a consonant -у/-е/-ю are more often case endings
        after_vowel = lower[-2:-1] in _VOWELS or lower[-1] in "оиэ"
        readings.append(Reading(lower, None, None, 0.9 if after_vowel else 0.4, "fixed"))
    readings.append(Reading(lower, "nomn", None, 0.3, "asis"))
    readings.sort(key=lambda r: (-r.score, r.case != "nomn"))
    return tuple(readings)


def _in_known(form: str, known: Collection[str]) -> str | None:
    if not known:
        return None
    for variant in (form, form[:1].upper() + form[1:], form.lower()):
        if variant in known:
            return variant
    return None


def _gazetteer(nom: str) -> str | None:
    return _data()["nominatives_map"].get(nom.lower())


@lru_cache(maxsize=65536)
def _best(word: str) -> str:
    readings = _readings(word)
    for r in readings:
        hit = _gazetteer(r.nom)
        if hit is not None and r.score >= 0.5:
            return hit
    top = readings[0]
    # equal scores: the reading that leaves the word as it is (Смаилова may be a nominative)
    same = [r for r in readings if abs(r.score - top.score) < 1e-9]
    best = next((r for r in same if r.nom == word.lower()), top)
    return _match_case(word, best.nom)


def stems(word: str) -> list[str]:
    """Every plausible base form of an inflected word, most likely first, the word itself last."""
    if not word:
        return [word]
    out: list[str] = []
    first = _best(word)
    if first != word:
        out.append(first)
    for r in _readings(word):
        form = _match_case(word, r.nom)
        if form not in out and form != word:
            out.append(form)
    out.append(word)
    return out


def nominative(word: str, known: Collection[str] = ()) -> str:
    """Best nominative of a proper noun (surname, first name, place); `known` = nominative forms
    already seen (in the article or a gazetteer): a form found there wins."""
    if not word:
        return word
    if known:
        hit = _in_known(word, known)
        if hit is not None:
            return hit
        for r in _readings(word):
            hit = _in_known(_match_case(word, r.nom), known)
            if hit is not None:
                return hit
    return _best(word)


def _is_title_head(word: str) -> bool:
    """A dictionary common noun that is not a name (Председателем, Премьер-министром, Президентом)."""
    readings = _readings(word)
    top = readings[0]
    return top.kind == "common" and not any(r.kind in ("name", "surname") and r.score >= 2.0 for r in readings)


def _title_phrase(words: Sequence[str]) -> list[str]:
    """Head noun (and adjectives before it) in the nominative, its genitive complement as it is."""
    out = list(words)
    for i, w in enumerate(words):
        head = next((r for r in _readings(w) if r.kind in ("common", "name", "place")), None)
        if head is None or head.kind == "adj":
            continue
        out[i] = _match_case(w, head.nom)
        for j in range(i):
            adj = next((r for r in _readings(words[j]) if r.kind == "adj" and r.case == head.case
                        and (r.gender in (None, head.gender))), None)
            if adj is not None:
                out[j] = _match_case(words[j], adj.nom)
        break
    return out


def _fits(r: Reading, case: str | None, gender: str | None) -> bool:
    if r.case is not None and case is not None and r.case != case:
        return False
    return r.gender is None or gender is None or r.gender == gender


def nominative_phrase(words: Sequence[str], known: Collection[str] = ()) -> list[str]:
    """See :func:`_nominative_phrase`. The result depends on `known` only through the forms of these
    words that it holds, so it is memoised on the words and those forms: names repeat in an article."""
    words = tuple(words)
    relevant = frozenset(x for w in words for x in _known_keys(w) if x in known) if known else frozenset()
    return list(_phrase_memo(words, relevant))


@lru_cache(maxsize=1 << 16)
def _known_keys(word: str) -> tuple[str, ...]:
    """Every string `_in_known` may look up for `word` or one of its readings."""
    forms = {word} | {_match_case(word, r.nom) for r in _readings(word)}
    return tuple({v for f in forms for v in (f, f[:1].upper() + f[1:], f.lower())})


@lru_cache(maxsize=1 << 16)
def _phrase_memo(words: tuple[str, ...], relevant: frozenset[str]) -> tuple[str, ...]:
    return tuple(_nominative_phrase(words, relevant))


def _nominative_phrase(words: Sequence[str], known: Collection[str] = ()) -> list[str]:
    """A multiword name in the nominative; Russian inflects every word, so the words must agree in
    case and gender ("Михаилом Мишустиным" -> ["Михаил", "Мишустин"], "Олжасу Бектенову" ->
    ["Олжас", "Бектенов"]). A phrase opened by a common noun is a title: its head goes to the
    nominative, its complement stays ("Премьер-министром Республики Казахстан" ->
    ["Премьер-министр", "Республики", "Казахстан"])."""
    words = list(words)
    if not words:
        return []
    if len(words) == 1:
        return [nominative(words[0], known)]
    first_adj = next((i for i, w in enumerate(words) if _readings(w)[0].kind != "adj"), 0)
    if _is_title_head(words[first_adj]) and not (known and _in_known(words[first_adj], known)):
        return _title_phrase(words)
    per_word = [_readings(w) for w in words]
    options = {(r.case, r.gender) for rs in per_word for r in rs if r.case is not None}
    options |= {(c, None) for c, _ in list(options)}
    best_total, best_choice = -1.0, ("nomn", None)
    # ties: nominative first, then masculine (Токаеву: dative masculine rather than accusative feminine)
    for case, gender in sorted(options, key=lambda o: (o[0] != "nomn", o[1] != "masc", str(o))):
        total = 0.0
        for rs in per_word:
            fitting = [r.score for r in rs if _fits(r, case, gender)]
            total += max(fitting) if fitting else 0.0
        if total > best_total + 1e-9:
            best_total, best_choice = total, (case, gender)
    case, gender = best_choice
    out = []
    for w, rs in zip(words, per_word, strict=True):
        hit = _in_known(w, known) if known else None
        if hit is None and known:
            hit = next((h for r in rs if _fits(r, case, gender)
                        for h in [_in_known(_match_case(w, r.nom), known)] if h), None)
        if hit is not None:
            out.append(hit)
            continue
        fitting = [r for r in rs if _fits(r, case, gender)]
        if not fitting:
            out.append(w)
            continue
        top = fitting[0]
        same = [r for r in fitting if abs(r.score - top.score) < 1e-9]
        pick = next((r for r in same if r.nom == w.lower()), top)
        out.append(_gazetteer(pick.nom) or _match_case(w, pick.nom))
    return out


@lru_cache(maxsize=1 << 16)
def is_surname_like(word: str) -> bool:
    """A capitalised word that reads as a surname: the -ов/-ев/-ин rule, the dictionary's surname
    tag, or the shapes -ский/-цкий/-енко/-ян/-дзе/-швили/-ич."""
    if not word or not word[:1].isupper():
        return False
    lower = word.lower()
    if lower in _data()["not_surnames_set"] or _readings(word)[0].kind == "place":
        return False
    if _surname_readings(lower):
        return True
    nom = _best(word).lower()
    if nom.endswith(("ский", "цкий", "ская", "цкая", "енко", "ян", "янц", "дзе", "швили", "ич")):
        return nom not in _data()["not_surnames_set"]
    return any(r.kind == "name" and r.score >= 2.0 and "Surn" in _tags(word) for r in _readings(word))


@lru_cache(maxsize=65536)
def _tags(word: str) -> frozenset[str]:
    out: set[str] = set()
    for p in _analyzer().parse(word):
        out |= set(p.tag.grammemes)
    return frozenset(out)


@lru_cache(maxsize=1 << 14)
def is_plural(word: str) -> bool:
    """A noun only in the plural ("Президенты", "лидерам"; not "главы", which may be a genitive)."""
    parses = [p for p in _analyzer().parse(word) if p.tag.POS == "NOUN"]
    return bool(parses) and all(p.tag.number == "plur" for p in parses)


def singular(word: str) -> str:
    """The nominative singular of a plural title ("Президенты" → "Президент")."""
    for p in _analyzer().parse(word):
        if p.tag.POS == "NOUN" and p.tag.number == "plur":
            form = p.inflect({"sing", "nomn"})
            if form is not None:
                return _match_case(word, form.word)
    return word


def title_head(words: Sequence[str]) -> int:
    """The index of a title's head noun: the first word that is no adjective or conjunction
    ("Министр иностранных дел" → 0, "Чрезвычайный и Полномочный Посол" → 3)."""
    return _title_head(tuple(words))


@lru_cache(maxsize=1 << 14)
def _title_head(words: tuple[str, ...]) -> int:
    for i, w in enumerate(words):
        parses = _analyzer().parse(w)
        if parses and parses[0].tag.POS == "NOUN":
            return i
    return len(words) - 1


def _cases(word: str) -> frozenset[str | None]:
    """The cases a word may stand in, by its stronger readings."""
    return frozenset(r.case for r in _readings(word) if r.score >= 0.5 and r.kind != "asis")


@lru_cache(maxsize=1 << 14)
def agrees(first: str, last: str) -> bool:
    """Can `first` open a name that ends in `last`? The words of a Russian name stand in one case
    ("Олжасу Бектенову"); a place ("Азии Серджио Гором"), a particle ("Также Валентина") or a noun in
    another case ("в Приамурье Рустам Исмаилов") is no part of it. An unknown first name may stay
    undeclined ("Касым-Жомарт Токаевым")."""
    if len(first) <= 3:
        return True                       # Ван И, Ли Цян, Си Цзиньпин
    grams: set[str] = set()
    for p in _analyzer().parse(first):
        grams |= set(p.tag.grammemes)
    if grams & {"Name", "Surn", "Patr"}:
        return True
    if "Geox" in grams:
        return False
    if _analyzer().word_is_known(first.lower()) and grams:
        if "plur" in grams and "sing" not in grams or not grams & {"NOUN", "UNKN"}:
            return False                  # a plural noun or no noun at all: "Переговоры Путина", "Также …"
        # a common noun agrees with the name in case and number both ("Встречи Сергея Лаврова": no)
        mine = {(p.tag.case, p.tag.number) for p in _analyzer().parse(first) if p.tag.POS == "NOUN"}
        theirs = {(p.tag.case, p.tag.number) for p in _analyzer().parse(last)}
        if mine and theirs and not mine & theirs:
            return False
    a, b = _cases(first), _cases(last)
    if not a:
        return not _analyzer().word_is_known(first.lower())
    if not _analyzer().word_is_known(first.lower()) and (None in a or "nomn" in a):
        return True
    return not b or None in a or None in b or bool(a & b)


@lru_cache(maxsize=1 << 14)
def is_given_name(word: str) -> bool:
    """A first name the dictionary knows (Александра, Сергей)."""
    return any("Name" in p.tag.grammemes and p.score >= 0.3 for p in _analyzer().parse(word))


@lru_cache(maxsize=1 << 16)
def is_known_name(word: str) -> bool:
    """The dictionary reads the word as a given name or surname ("Абдуллой" → Абдулла)."""
    return word[:1].isupper() and any(r.kind in ("name", "surname") and r.score >= 2.0 for r in _readings(word))
