"""Per-language knowledge lives in data files, loaded lazily from one place.

`archive/extract/<lang>/data/<name>.yaml` holds word lists and tables for one language (titles,
verbs of saying, scale words, month names …); code asks `lexicon(lang, name)` and never spells
language-specific words itself.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent


class UnknownLanguage(ValueError):
    pass


def load_yaml(path: Path) -> Any:
    """A data file, parsed safely; with libyaml's C parser when PyYAML has it (several times faster)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader


class LanguageDataError(ValueError):
    """A per-language data file holds a key the schema does not know (data/schema.yaml)."""


# What each file reads from the language's typology (<lang>/data/profile.yaml, `head`).
_TYPOLOGY = {
    "meetings": {"predicate": {"final": "last", "initial": "first"}},     # where the main verb stands
    "people": {"title_head": {"final": "last", "initial": "first"}},      # the title word with the case
    "sources": {"head": {"final": "last", "initial": "first"}},           # the word with the case ending
}


@cache
def _schema() -> dict[str, frozenset[str]]:
    data = load_yaml(DATA / "data" / "schema.yaml") or {}
    return {name: frozenset(keys) for name, keys in (data.get("files") or {}).items()}


@cache
def profile(lang: str) -> dict[str, Any]:
    """The language's typology (`head`: final | initial)."""
    if not (DATA / lang / "data").is_dir():
        raise UnknownLanguage(f"no language data for {lang!r}")
    path = DATA / lang / "data" / "profile.yaml"
    data = load_yaml(path) or {}
    if data.get("head") not in ("final", "initial"):
        raise LanguageDataError(f"{path}: head must be 'final' or 'initial', not {data.get('head')!r}")
    return data


def check_keys(path: Path, name: str, data: Any) -> None:
    """Refuse a key the schema does not list for this kind of file, naming the file and the key."""
    allowed = _schema().get(name)
    if allowed is None or not isinstance(data, dict):
        return
    for key in data:
        if key not in allowed:
            import difflib

            near = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            raise LanguageDataError(f"{path}: unknown key {key!r}{hint}; the keys of {name}.yaml are listed "
                                    f"in archive/extract/data/schema.yaml")


@cache
def lexicon(lang: str, name: str) -> Any:
    """The parsed YAML file `<lang>/data/<name>.yaml` (cached), checked against data/schema.yaml and
    given what it reads from the language's typology."""
    path = DATA / lang / "data" / f"{name}.yaml"
    head = profile(lang)["head"]
    data = load_yaml(path)
    check_keys(path, name, data)
    if name in _TYPOLOGY and isinstance(data, dict):
        data = {**data, **{key: values[head] for key, values in _TYPOLOGY[name].items()}}
    return data
