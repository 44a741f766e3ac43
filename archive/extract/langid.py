"""Which language an article is in: kk, ru or en, or UnsupportedLanguage naming the likely one.

A measured heuristic (no model, no download): the text's main script picks the candidate profiles in
`archive/extract/data/langid.yaml`; each is scored by its function words, its own letters, letters
that belong to other languages of the script, and typical word endings. Kazakh is told from Kyrgyz,
Uzbek, Tatar … by letters (ә ғ қ ұ һ і vs ө ү ң only vs ў ҳ) and words (және/менен/билан).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "langid.yaml"
SAMPLE_CHARS = 1000          # enough evidence; keeps detection O(1) per article
_WORD = re.compile(r"[^\W\d_]+(?:['’ʻ‘-][^\W\d_]+)*")
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]")
_CYRL = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")
_LATN = re.compile(r"[A-Za-z\u00c0-\u024f\u02bb\u02bc]")
_LETTER = re.compile(r"[^\W\d_]")
MIN_WORDS = 5               # below this many words outside quotes, quotes count as evidence too


class UnsupportedLanguage(ValueError):
    """The text is not in kk/ru/en; the message names the guessed language, e.g. "ky (Kyrgyz)"."""

    def __init__(self, guess: str) -> None:
        super().__init__(f"unsupported language: {guess}")
        self.guess = guess


@dataclass(frozen=True, slots=True)
class _Profile:
    code: str
    name: str
    script: str
    supported: bool
    prior: float
    letters: frozenset[str]
    foreign: frozenset[str]
    words: frozenset[str]
    endings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Model:
    profiles: tuple[_Profile, ...]
    scripts: dict[str, str]
    unsupported_scripts: dict[str, str]
    w_letter: float
    w_foreign: float
    w_ending: float


@cache
def _model() -> _Model:
    from archive.extract.lexicon import load_yaml

    data = load_yaml(DATA_FILE)
    raw = data["profiles"]
    special: dict[str, set[str]] = {}
    for p in raw.values():
        special.setdefault(p["script"], set()).update(p.get("letters") or "")
    profiles = []
    for key, p in raw.items():
        own = frozenset(p.get("letters") or "")
        profiles.append(_Profile(
            code=p.get("code", key), name=p["name"], script=p["script"], supported=bool(p.get("supported")),
            prior=float(p.get("prior", 0.0)), letters=own,
            foreign=frozenset(special[p["script"]] - own),
            words=frozenset(w.lower() for w in p.get("words") or []),
            endings=tuple(sorted(p.get("endings") or [], key=len, reverse=True)),
        ))
    w = data["weights"]
    return _Model(tuple(profiles), data["scripts"], data["unsupported_scripts"],
                  float(w["letter"]), float(w["foreign"]), float(w["ending"]))


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return ""


def scores(text: str) -> dict[str, float]:
    """Score per profile code for the text's main script (for tests and diagnostics)."""
    model = _model()
    sample = text[:SAMPLE_CHARS]
    by_script: dict[str, int] = {}
    n_cyr = len(_CYRL.findall(sample))
    n_lat = len(_LATN.findall(sample))
    if n_cyr:
        by_script["Cyrl"] = n_cyr
    if n_lat:
        by_script["Latn"] = n_lat
    if n_cyr + n_lat < len(_LETTER.findall(sample)) * 0.5:   # mostly another script: name it
        for ch in sample:
            if ch.isalpha() and not _CYRL.match(ch) and not _LATN.match(ch):
                name = _script(ch)
                script = model.scripts.get(name, name)
                by_script[script] = by_script.get(script, 0) + 1
    if not by_script:
        raise UnsupportedLanguage("und (no letters)")
    main = max(by_script, key=by_script.__getitem__)
    if main not in {p.script for p in model.profiles}:
        raise UnsupportedLanguage(model.unsupported_scripts.get(main, f"und ({main.lower()} script)"))
    # Evidence: words outside quotes (a Russian text may quote a Kazakh slogan), and letters of words
    # that are not capitalised (a Russian text may spell Kazakh names the Kazakh way).
    unquoted = _QUOTED.sub(" ", sample)
    raw = _WORD.findall(unquoted)
    if len(raw) < MIN_WORDS:
        raw = _WORD.findall(sample)
    words = [w.lower().replace("’", "'") for w in raw]
    common = [w for w in raw if not w[0].isupper()] or raw
    letters = {}
    for w in common:
        for ch in w.lower():
            if ch.isalpha():
                letters[ch] = letters.get(ch, 0) + 1
    n_words = max(len(words), 1)
    n_letters = max(sum(letters.values()), 1)
    out: dict[str, float] = {}
    for p in model.profiles:
        if p.script != main:
            continue
        own = sum(c for ch, c in letters.items() if ch in p.letters) / n_letters
        foreign = sum(c for ch, c in letters.items() if ch in p.foreign) / n_letters
        hits = sum(1 for w in words if w in p.words) / n_words
        ends = sum(1 for w in words if len(w) > 3 and w.endswith(p.endings)) / n_words if p.endings else 0.0
        score = hits + model.w_letter * own - model.w_foreign * foreign + model.w_ending * ends + p.prior
        if p.code not in out or score > out[p.code]:
            out[p.code] = score
    return out


def detect_language(text: str) -> str:
    """"kk" | "ru" | "en"; raises UnsupportedLanguage (naming the guess) for anything else."""
    s = scores(text)
    best = max(s, key=s.__getitem__)
    profile = next(p for p in _model().profiles if p.code == best)
    if not profile.supported:
        raise UnsupportedLanguage(f"{profile.code} ({profile.name})")
    return best
