"""Kazakh nominal morphology: a small suffix grammar, run right to left.

No library analyses Kazakh offline, so this is ours. The grammar lives in `data/morph.yaml`:
case endings (genitive, accusative, dative, locative, ablative, instrumental, -дағы …), possessives,
plurals and the -лық derivation, each form with the stem-final sounds it may follow and a vowel
harmony read off its own vowels. A suffix is accepted only where it fits the stem's last letter and
its harmony; before vowel-initial suffixes final п/к/қ voicing and vowel elision (орны <- орын) are
undone.

Public functions (the same three in every language's `morph` module, plus `is_surname_like`):

- `stems(word)` — every plausible base form, most likely first, the word itself last;
- `nominative(word, known)` — the best nominative of a proper noun: only case endings go, a
  possessive stays ("Үкіметінің" -> "Үкіметі"); a form in `known` wins;
- `nominative_phrase(words, known)` — a multiword name or title: the last word loses its case
  ending, the others only a genitive (izafet) ending;
- `is_surname_like(word)` — surname morphology after stripping (-ов, -ев, -ин, -ұлы, -енко, -ян …).

Over-stripping is the main danger (Канада, Ақорда, Астана, Қазақстан): a stripped reading must beat
the word itself, and surname shapes, a list of nominatives that look inflected and protected name
endings (-стан, -орда) tip the balance.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from archive.extract.lexicon import lexicon

_SOFT_SIGNS = "ьъ"


@dataclass(frozen=True, slots=True)
class Suffix:
    form: str
    tag: str
    layer: int                  # 0 case, 1 possessive, 2 plural, 3 derivation
    after: frozenset[str]       # stem-final classes it may follow (V S L N Z T D P)
    harmony: str | None         # "back", "front" or None (neutral: мен, н …)
    weak: bool = False          # ambiguous on its own (accusative -н)
    vowel_initial: bool = False


@dataclass(frozen=True, slots=True)
class Analysis:
    stem: str
    tags: tuple[str, ...]       # outermost suffix first
    layers: tuple[int, ...]     # the layer of each tag (0 = case)
    suffix_len: int             # letters stripped in the outermost layer
    weak: bool


class _Grammar:
    """The compiled contents of `kk/data/morph.yaml`."""

    LAYERS = ("case", "possessive", "plural", "derivation")

    def __init__(self) -> None:
        data = lexicon("kk", "morph")
        v = data["vowels"]
        self.back = frozenset(v["back"])
        self.front = frozenset(v["front"])
        self.both = frozenset(v["both"])
        self.strong = frozenset(v["strong"])
        self.vowels = self.back | self.front | self.both
        self.letter_classes: dict[str, frozenset[str]] = {}
        for cls, letters in data["classes"].items():
            for ch in letters:
                self.letter_classes[ch] = self.letter_classes.get(ch, frozenset()) | {cls}
        self.possessive_finals = frozenset(data["possessive_finals"])
        self.tables: list[dict[str, list[Suffix]]] = []
        self.max_len: list[int] = []
        for layer, name in enumerate(self.LAYERS):
            table: dict[str, list[Suffix]] = {}
            for entry in data[name]:
                for form in entry["forms"]:
                    harmony = None if entry.get("harmony") == "neutral" else self.harmony_of(form)
                    suf = Suffix(form, entry["tag"], layer, frozenset(entry["after"]), harmony,
                                 bool(entry.get("weak")), bool(entry.get("vowel_initial")))
                    table.setdefault(form, []).append(suf)
            self.tables.append(table)
            self.max_len.append(max(len(f) for f in table))
        self.case_forms = frozenset(self.tables[0])
        self.voicing: dict[str, str] = dict(data["voicing"])
        self.elision_first = frozenset(data["elision"]["first"])
        self.elision_second = frozenset(data["elision"]["second"])
        self.epenthesis_clusters = tuple(data["epenthesis"]["clusters"])
        self.epenthesis_vowels = frozenset(data["epenthesis"]["vowels"])
        self.min_stem = int(data["min_stem"])
        self.protected = tuple(data["protected_endings"])
        self.nominatives = frozenset(w.lower() for w in data["nominatives"])
        self.short_names = frozenset(w.lower() for w in data["short_names"])
        self.surname_endings = tuple(sorted(data["surname_endings"], key=len, reverse=True))
        self.not_surnames = frozenset(w.lower() for w in data["not_surnames"])

    def harmony_of(self, form: str) -> str | None:
        for ch in reversed(form):
            if ch in self.back and ch not in self.both:
                return "back"
            if ch in self.front and ch not in self.both:
                return "front"
        return None

    def allowed_harmony(self, stem: str) -> frozenset[str]:
        """Harmonies a suffix may have after `stem`: the last strong vowel decides; weak vowels after
        it (о, е, и, у … of loans and of -ов/-ев) add their own and let the earlier one count too."""
        out: set[str] = set()
        for ch in reversed(stem):
            if ch not in self.vowels:
                continue
            if ch in self.both:
                out.update(("back", "front"))
            elif ch in self.back:
                out.add("back")
            else:
                out.add("front")
            if ch in self.strong:
                break
        return frozenset(out) if out else frozenset(("back", "front"))

    def final_classes(self, stem: str) -> frozenset[str]:
        i = len(stem) - 1
        while i >= 0 and stem[i] in _SOFT_SIGNS:
            i -= 1
        return self.letter_classes.get(stem[i], frozenset()) if i >= 0 else frozenset()

    def fits(self, stem: str, suf: Suffix) -> bool:
        """`stem` (lower case) may carry `suf`."""
        if not stem or not any(ch in self.vowels for ch in stem):
            return False
        ok = bool(self.final_classes(stem) & suf.after)
        if not ok and "P" in suf.after:
            ok = stem[-1] in self.possessive_finals and len(stem) >= 3
        if not ok:
            return False
        return suf.harmony is None or suf.harmony in self.allowed_harmony(stem)

    def is_protected(self, lower: str) -> bool:
        return lower in self.nominatives or lower in self.short_names or lower.endswith(self.protected)

    def strip_layer(self, word: str, layer: int) -> list[tuple[str, Suffix]]:
        """(remainder, suffix) for every suffix of `layer` that `word` may end in, longest first."""
        lower = word.lower()
        table = self.tables[layer]
        out: list[tuple[str, Suffix]] = []
        for n in range(min(self.max_len[layer], len(word) - 1), 0, -1):
            sufs = table.get(lower[-n:])
            if not sufs:
                continue
            rest = lower[:-n]
            if rest.endswith("-"):          # БҰҰ-ның, АҚШ-тың: any form after a hyphen
                if layer == 0 and len(rest) > 1:
                    out.append((word[:-n - 1], sufs[0]))
                continue
            for suf in sufs:
                for alt in self._alternants(rest, suf):
                    if not self.fits(alt, suf):
                        continue
                    if layer == 0 and alt[-1:] in self.epenthesis_vowels and \
                            alt[:-1].endswith(self.epenthesis_clusters):
                        out.append((word[: len(rest) - 1], suf))     # Минскіде -> Минск
                    out.append((word[: len(rest)] if alt == rest else _recase(word, alt), suf))
        return out

    def _alternants(self, rest: str, suf: Suffix) -> list[str]:
        """The remainder and its underlying forms (voicing, vowel elision) before a vowel-initial suffix."""
        if not suf.vowel_initial or len(rest) < 2:
            return [rest]
        out = []
        last = rest[-1]
        if len(rest) >= 3 and last in self.elision_second and rest[-2] in self.elision_first and \
                rest[-3] in self.vowels:
            vowel = "ы" if "back" in self.allowed_harmony(rest) and suf.harmony == "back" else "і"
            out.append(rest[:-1] + vowel + last)
        if last in self.voicing:
            out.append(rest[:-1] + self.voicing[last])
        out.append(rest)
        return out


def _recase(original: str, lower_stem: str) -> str:
    """`lower_stem` with the capitalisation of `original`'s beginning."""
    if original.isupper() and len(original) > 1:
        return lower_stem.upper()
    if original[:1].isupper():
        return lower_stem[:1].upper() + lower_stem[1:]
    return lower_stem


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _Grammar()


@lru_cache(maxsize=65536)
def _analyses(word: str) -> tuple[Analysis, ...]:
    """All readings of `word` as stem + suffixes, breadth first (fewest layers first)."""
    g = _grammar()
    out: list[Analysis] = []
    frontier: list[tuple[str, int, tuple[str, ...], tuple[int, ...]]] = [(word, 0, (), ())]
    seen = {word.lower()}
    while frontier:
        nxt: list[tuple[str, int, tuple[str, ...], tuple[int, ...]]] = []
        for form, first_layer, tags, layers in frontier:
            if tags and g.is_protected(form.lower()):
                continue
            if not tags and g.is_protected(word.lower()):
                break
            for layer in range(first_layer, len(g.tables)):
                for stem, suf in g.strip_layer(form, layer):
                    key = stem.lower()
                    if key in seen:
                        continue
                    seen.add(key)
                    new_tags, new_layers = (*tags, suf.tag), (*layers, layer)
                    out.append(Analysis(stem, new_tags, new_layers, len(form) - len(stem), suf.weak))
                    nxt.append((stem, layer + 1, new_tags, new_layers))
        frontier = nxt
    return tuple(out)


def _usable(stem: str) -> bool:
    g = _grammar()
    return len(stem) >= g.min_stem or stem.lower() in g.short_names


def _in_known(form: str, known: Collection[str]) -> str | None:
    if not known:
        return None
    if form in known:
        return form
    for variant in (form[:1].upper() + form[1:].lower(), form.lower(), form.upper()):
        if variant in known:
            return variant
    return None


def _surname_shape(form: str) -> bool:
    g = _grammar()
    lower = form.lower()
    if lower in g.not_surnames:
        return False
    return any(lower.endswith(e) and len(lower) >= len(e) + 2 for e in g.surname_endings)


@lru_cache(maxsize=65536)
def _best(word: str) -> str:
    """The nominative of `word` with nothing known: the best single case strip, or the word."""
    g = _grammar()
    if g.is_protected(word.lower()):
        return word
    best, best_score = word, 10.0 if _surname_shape(word) else 0.0
    for a in _analyses(word):
        if a.layers != (0,) or not _usable(a.stem):
            continue
        score = 3.0 - (4.0 if a.weak else 0.0)
        lower = a.stem.lower()
        if _surname_shape(a.stem):
            score += 10.0
        if lower in g.nominatives or lower in g.short_names:
            score += 5.0
        if score > best_score:
            best, best_score = a.stem, score
    return best


def stems(word: str) -> list[str]:
    """Every plausible base form of an inflected word, most likely first, the word itself last."""
    if not word:
        return [word]
    first = _best(word)
    out = [first] if first != word else []
    for a in _analyses(word):
        if _usable(a.stem) and a.stem not in out:
            out.append(a.stem)
    out.append(word)
    return out


def nominative(word: str, known: Collection[str] = ()) -> str:
    """Best nominative of a proper noun (surname, first name, place); `known` = nominative forms
    already seen (in the article or a gazetteer): a stem found there wins. Possessives stay."""
    if not word:
        return word
    if known:
        hit = _in_known(word, known)
        if hit is not None:
            return hit
        analyses = _analyses(word)
        # case endings only first, then deeper readings (ресейлік -> Ресей when Ресей is known)
        for a in sorted(analyses, key=lambda a: len(a.tags)):
            hit = _in_known(a.stem, known)
            if hit is not None:
                return hit
    return _best(word)


def _genitive_stripped(word: str, known: Collection[str]) -> str:
    """A non-final word of a name/title: only a genitive (izafet) ending goes."""
    hit = _in_known(word, known) if known else None
    if hit is not None:
        return hit
    if _grammar().is_protected(word.lower()):
        return word
    for a in _analyses(word):
        if a.tags == ("gen",) and _usable(a.stem):
            return _in_known(a.stem, known) or a.stem if known else a.stem
    return word


def nominative_phrase(words: Sequence[str], known: Collection[str] = ()) -> list[str]:
    """A multiword name or title in the nominative. Kazakh inflects only the last word of a name
    ("Әлихан Смайыловтың" -> ["Әлихан", "Смайылов"]); inside titles a genitive modifier loses its
    case ending but keeps its possessive ("Ресей Үкіметінің Төрағасы" -> ["Ресей", "Үкіметі",
    "Төрағасы"])."""
    if not words:
        return []
    head = [_genitive_stripped(w, known) for w in words[:-1]]
    return [*head, nominative(words[-1], known)]


@lru_cache(maxsize=1 << 16)
def is_surname_like(word: str) -> bool:
    """The word (a capitalised proper noun, maybe inflected) has a surname's shape after stripping
    case endings: -ов/-ев/-ин/-ова/-ева/-ина/-ұлы/-қызы/-енко/-ян/-дзе/-швили …"""
    if not word or not word[0].isupper():
        return False
    if _surname_shape(word):
        return True
    return any(a.layers == (0,) and _surname_shape(a.stem) for a in _analyses(word))


@lru_cache(maxsize=1 << 14)
def is_plural(word: str) -> bool:
    """A noun in the plural ("басшылары", "депутаттарымен", "Президенттер")."""
    return any("pl" in a.tags and _usable(a.stem) for a in _analyses(word))


def singular(word: str) -> str:
    """The base of a plural title ("Президенттері" → "Президент")."""
    for a in _analyses(word):
        if a.tags and a.tags[-1] == "pl" and _usable(a.stem):
            return a.stem
    return word
