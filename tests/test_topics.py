"""Topics in their base form: inflected spellings of one topic share a key (archive.topics)."""
from __future__ import annotations

import pytest

from archive.topics import script_language, topic_base, topic_key


@pytest.mark.parametrize(("forms", "language", "base"), [
    (("энергетика", "энергетику", "энергетики", "энергетике", "энергетикой"), "ru", "энергетика"),
    (("совместное использование водных ресурсов", "совместного использования водных ресурсов",
      "совместному использованию водных ресурсов"), "ru", "совместное использование водных ресурсов"),
    (("водные ресурсы", "водных ресурсов", "водными ресурсами"), "ru", "водные ресурсы"),
    (("развитие торгово-экономического сотрудничества", "развитию торгово-экономического сотрудничества"),
     "ru", "развитие торгово-экономического сотрудничества"),
    (("көлік-транзит әлеуеті", "көлік-транзит әлеуетін"), "kk", "көлік-транзит әлеуеті"),
    (("энергетика", "энергетиканы", "энергетикаға", "энергетикада", "энергетикадағы"), "kk", "энергетика"),
    (("сауда", "сауданы", "саудаға"), "kk", "сауда"),
    (("сауда-экономикалық ынтымақтастық", "сауда-экономикалық ынтымақтастықты",
      "сауда-экономикалық ынтымақтастыққа"), "kk", "сауда-экономикалық ынтымақтастық"),
    (("мұнай-газ саласы", "мұнай-газ саласын", "мұнай-газ саласындағы"), "kk", "мұнай-газ саласы"),
    (("туризм", "туризмді"), "kk", "туризм"),
    (("energy", "Energy", "the energy"), "en", "energy"),
])
def test_inflected_forms_share_one_key_and_base(forms: tuple[str, ...], language: str, base: str) -> None:
    keys = {topic_key(f, language) for f in forms}
    assert len(keys) == 1, keys
    assert {topic_base(f, language).lower() for f in forms} == {base}


@pytest.mark.parametrize(("word", "language"), [
    ("сауда", "kk"),          # trade: no locative of сау
    ("кеден", "kk"),          # customs: no ablative of ке
    ("туризм", "kk"), ("қауіпсіздік", "kk"), ("инвестиция", "kk"), ("цифрландыру", "kk"),
    ("транзитный потенциал", "ru"), ("водные ресурсы", "ru"), ("energy cooperation", "en"),
])
def test_base_forms_stay(word: str, language: str) -> None:
    assert topic_base(word, language) == word


def test_case_kept_where_nothing_changes_and_empty_input() -> None:
    assert topic_base("Энергетику", "ru") == "Энергетика"
    assert topic_base("ЕАЭС", "ru") == "ЕАЭС"
    assert topic_base("  ", "ru") == "" and topic_key("", "kk") == ""
    assert topic_key("Trade", "en") == topic_key("trade", "en") == "trade"


def test_different_topics_keep_different_keys() -> None:
    assert topic_key("энергетика", "ru") != topic_key("экономика", "ru")
    assert topic_key("сауда", "kk") != topic_key("су", "kk")


@pytest.mark.parametrize(("phrase", "language", "expected"), [
    ("энергетика", "ru", "ru"), ("энергетика", "kk", "kk"), ("әлеуеті", None, "kk"), ("әлеуеті", "ru", "kk"),
    ("trade", "kk", "en"), ("торговля", None, "ru"),
])
def test_script_language(phrase: str, language: str | None, expected: str) -> None:
    assert script_language(phrase, language) == expected
