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


@cache
def lexicon(lang: str, name: str) -> Any:
    """The parsed YAML file `<lang>/data/<name>.yaml` (cached)."""
    path = DATA / lang / "data" / f"{name}.yaml"
    if not (DATA / lang / "data").is_dir():
        raise UnknownLanguage(f"no language data for {lang!r}")
    return load_yaml(path)
