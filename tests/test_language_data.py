"""Per-language data files: each is checked against data/schema.yaml when loaded, and the language's
typology is declared once (profile.yaml)."""
from pathlib import Path

import pytest

from archive.extract.lexicon import DATA, LanguageDataError, _schema, check_keys, lexicon, load_yaml, profile
from archive.extract.pipeline import SUPPORTED

FILES = [(lang, path.stem) for lang in SUPPORTED for path in sorted((DATA / lang / "data").glob("*.yaml"))
         if path.stem != "profile"]


@pytest.mark.parametrize(("lang", "name"), FILES)
def test_every_data_file_loads_against_the_schema(lang: str, name: str) -> None:
    assert name in _schema(), f"{lang}/data/{name}.yaml has no entry in data/schema.yaml"
    lexicon.cache_clear()
    assert lexicon(lang, name) is not None


def test_a_misspelt_key_is_named() -> None:
    with pytest.raises(LanguageDataError, match=r"people\.yaml: unknown key 'titels' \(did you mean 'titles'\?\)"):
        check_keys(Path("xx/data/people.yaml"), "people", {"titles": [], "titels": []})


def test_the_schema_lists_only_keys_some_language_uses() -> None:
    used: dict[str, set[str]] = {}
    for lang, name in FILES:
        used.setdefault(name, set()).update(load_yaml(DATA / lang / "data" / f"{name}.yaml") or {})
    for name, keys in _schema().items():
        assert keys <= used.get(name, set()), f"schema keys no language uses in {name}.yaml: {keys - used[name]}"


def test_typology_is_declared_once_and_given_to_every_file() -> None:
    assert {lang: profile(lang)["head"] for lang in SUPPORTED} == {"kk": "final", "ru": "initial", "en": "initial"}
    assert lexicon("kk", "meetings")["predicate"] == "last" and lexicon("ru", "meetings")["predicate"] == "first"
    assert lexicon("kk", "sources")["head"] == "last" and lexicon("en", "sources")["head"] == "first"
    for lang, name in FILES:       # no file declares it again
        raw = load_yaml(DATA / lang / "data" / f"{name}.yaml") or {}
        assert not {"predicate", "title_head", "head"} & set(raw), f"{lang}/{name}.yaml"
