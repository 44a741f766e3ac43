"""Countries, cities and landmarks in kk/ru/en, in any case form (sentences written for this test)."""
from __future__ import annotations

import pytest

from archive.extract.places import Place, country_code, find_countries, find_places, place

COUNTRY_CODES = [
    # Kazakh: names, case forms, abbreviations, demonyms, formal names
    ("Ресей", "kk", "RU"), ("Ресейдің", "kk", "RU"), ("Ресейден", "kk", "RU"), ("ресейлік", "kk", "RU"),
    ("РФ", "kk", "RU"), ("РФ-тың", "kk", "RU"), ("ҚР", "kk", "KZ"), ("Қазақстан Республикасының", "kk", "KZ"),
    ("Қазақстанға", "kk", "KZ"), ("қазақстандық", "kk", "KZ"), ("Өзбекстан", "kk", "UZ"), ("өзбек", "kk", "UZ"),
    ("Қырғыз Республикасына", "kk", "KG"), ("Қытаймен", "kk", "CN"), ("Қытай Халық Республикасының", "kk", "CN"),
    ("АҚШ-қа", "kk", "US"), ("Америка Құрама Штаттарының", "kk", "US"), ("американдық", "kk", "US"),
    ("Түрікменстанмен", "kk", "TM"), ("Әзірбайжанға", "kk", "AZ"), ("Беларусь", "kk", "BY"),
    ("Германиядағы", "kk", "DE"), ("Жапониямен", "kk", "JP"), ("Түркияға", "kk", "TR"),
    # Russian
    ("Российской Федерации", "ru", "RU"), ("российский", "ru", "RU"), ("российских", "ru", "RU"),
    ("казахстанского", "ru", "KZ"), ("РК", "ru", "KZ"), ("Казахстана", "ru", "KZ"), ("Республики Казахстан", "ru", "KZ"),
    ("в Республике Казахстан", "ru", "KZ"), ("Беларусь", "ru", "BY"), ("Армения", "ru", "AM"), ("Армении", "ru", "AM"),
    ("США", "ru", "US"), ("Соединенных Штатов Америки", "ru", "US"), ("Соединённых Штатов", "ru", "US"),
    ("Южной Кореи", "ru", "KR"), ("ОАЭ", "ru", "AE"), ("Киргизии", "ru", "KG"), ("Кыргызской Республики", "ru", "KG"),
    ("узбекской", "ru", "UZ"), ("Китайской Народной Республики", "ru", "CN"), ("КНР", "ru", "CN"),
    ("Германией", "ru", "DE"), ("ФРГ", "ru", "DE"),
    # English
    ("Kazakhstan's", "en", "KZ"), ("Kazakhstan’s", "en", "KZ"), ("Kazakh", "en", "KZ"), ("German", "en", "DE"),
    ("the US", "en", "US"), ("U.S.", "en", "US"), ("the United States", "en", "US"), ("Belarus", "en", "BY"),
    ("Republic of Kazakhstan", "en", "KZ"), ("People's Republic of China", "en", "CN"), ("Chinese", "en", "CN"),
    ("American", "en", "US"), ("UK", "en", "GB"), ("Britain", "en", "GB"), ("Türkiye", "en", "TR"),
    ("UAE", "en", "AE"), ("Uzbek", "en", "UZ"),
]

NOT_COUNTRIES = [
    ("us", "en"), ("china", "en"), ("turkey", "en"), ("the", "en"), ("President", "en"), ("Astana", "en"),
    ("Республика", "ru"), ("Республикасы", "kk"), ("Президент", "ru"), ("Москва", "ru"), ("рф", "ru"),
    ("Қазақстан мен Ресей", "kk"), ("Сочи", "kk"), ("", "kk"),
]


@pytest.mark.parametrize(("text", "lang", "iso"), COUNTRY_CODES)
def test_country_code(text: str, lang: str, iso: str) -> None:
    assert country_code(text, lang) == iso


@pytest.mark.parametrize(("text", "lang"), NOT_COUNTRIES)
def test_not_a_country(text: str, lang: str) -> None:
    assert country_code(text, lang) is None


PLACES = [
    ("Сочиде", "kk", Place("Сочи", "RU", "city")),
    ("Астанада", "kk", Place("Астана", "KZ", "city")),
    ("Астанадағы", "kk", Place("Астана", "KZ", "city")),
    ("Ақордада", "kk", Place("Астана", "KZ", "landmark")),
    ("Ақорданың", "kk", Place("Астана", "KZ", "landmark")),
    ("Бейжіңге", "kk", Place("Бейжің", "CN", "city")),
    ("Мәскеуде", "kk", Place("Мәскеу", "RU", "city")),
    ("Минскіде", "kk", Place("Минск", "BY", "city")),
    ("Бішкектегі", "kk", Place("Бішкек", "KG", "city")),
    ("Ташкентке", "kk", Place("Ташкент", "UZ", "city")),
    ("Ақ үйде", "kk", Place("Вашингтон", "US", "landmark")),
    ("Түркістанда", "kk", Place("Түркістан", "KZ", "city")),
    ("Шымкентте", "kk", Place("Шымкент", "KZ", "city")),
    ("Өскеменге", "kk", Place("Өскемен", "KZ", "city")),
    ("Ресейде", "kk", Place("Ресей", "RU", "country")),
    ("Акорде", "ru", Place("Астана", "KZ", "landmark")),
    ("в Акорде", "ru", Place("Астана", "KZ", "landmark")),
    ("Москве", "ru", Place("Москва", "RU", "city")),
    ("Кремле", "ru", Place("Москва", "RU", "landmark")),
    ("Белом доме", "ru", Place("Вашингтон", "US", "landmark")),
    ("Нью-Йорке", "ru", Place("Нью-Йорк", "US", "city")),
    ("Санкт-Петербурге", "ru", Place("Санкт-Петербург", "RU", "city")),
    ("Казани", "ru", Place("Казань", "RU", "city")),
    ("Пекине", "ru", Place("Пекин", "CN", "city")),
    ("в Усть-Каменогорске", "ru", Place("Усть-Каменогорск", "KZ", "city")),
    ("Алма-Ате", "ru", Place("Алматы", "KZ", "city")),
    ("Нур-Султане", "ru", Place("Астана", "KZ", "city")),
    ("Абу-Даби", "ru", Place("Абу-Даби", "AE", "city")),
    ("Berlin", "en", Place("Berlin", "DE", "city")),
    ("White House", "en", Place("Washington", "US", "landmark")),
    ("the Kremlin", "en", Place("Moscow", "RU", "landmark")),
    ("Akorda", "en", Place("Astana", "KZ", "landmark")),
    ("in Washington", "en", Place("Washington", "US", "city")),
    ("New Delhi", "en", Place("New Delhi", "IN", "city")),
    ("Nur-Sultan", "en", Place("Astana", "KZ", "city")),
    ("Abu Dhabi", "en", Place("Abu Dhabi", "AE", "city")),
]


@pytest.mark.parametrize(("text", "lang", "expected"), PLACES)
def test_place(text: str, lang: str, expected: Place) -> None:
    assert place(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("семей", "ru"), ("вена", "ru"), ("Президент", "kk"), ("кездесу", "kk"), ("house", "en"),
    ("Сочи мен Мәскеу", "kk"), ("", "en"), ("the", "en"),
])
def test_not_a_place(text: str, lang: str) -> None:
    assert place(text, lang) is None


FIND = [
    ("Қазақстан мен Ресей арасындағы тауар айналымы өсті, ал ресейлік компаниялар ҚР-да жұмыс істейді.", "kk",
     [("Қазақстан", "KZ"), ("Ресей", "RU"), ("ресейлік", "RU"), ("ҚР-да", "KZ")]),
    ("Қазақстан-Ресей форумы Өзбекстан Республикасының өкілдерін жинады.", "kk",
     [("Қазақстан", "KZ"), ("Ресей", "RU"), ("Өзбекстан Республикасының", "UZ")]),
    ("Президент Республики Казахстан встретился с главой МИД Российской Федерации и послом США.", "ru",
     [("Республики Казахстан", "KZ"), ("Российской Федерации", "RU"), ("США", "US")]),
    ("казахстанско-узбекские отношения", "ru", [("казахстанско", "KZ"), ("узбекские", "UZ")]),
    ("The Kazakh President told us that the US and the Republic of Korea support Kazakhstan's plan.", "en",
     [("Kazakh", "KZ"), ("US", "US"), ("Republic of Korea", "KR"), ("Kazakhstan's", "KZ")]),
]


@pytest.mark.parametrize(("body", "lang", "expected"), FIND)
def test_find_countries(body: str, lang: str, expected: list[tuple[str, str]]) -> None:
    found = find_countries(body, lang)
    assert [(body[s:e], iso) for s, e, iso in found] == expected


def test_find_countries_window() -> None:
    body = "Ресей мен Қытай. Жапония мен Корея."
    start = body.index("Жапония")
    assert [iso for _, _, iso in find_countries(body, "kk", start)] == ["JP", "KR"]
    assert [iso for _, _, iso in find_countries(body, "kk", 0, start)] == ["RU", "CN"]


def test_find_places() -> None:
    body = "Мемлекет басшысы Ақордада кездесті, келесі отырыс Ташкентте өтеді, ал форум Алматыда болады."
    found = [(body[s:e], p.name, p.country, p.kind) for s, e, p in find_places(body, "kk")]
    assert found == [("Ақордада", "Астана", "KZ", "landmark"), ("Ташкентте", "Ташкент", "UZ", "city"),
                     ("Алматыда", "Алматы", "KZ", "city")]


def test_every_iso_country_has_names_in_all_languages() -> None:
    import pycountry

    for code in ("KZ", "FR", "BR", "NZ", "ZA", "EG"):
        name = pycountry.countries.get(alpha_2=code).name
        assert country_code(name, "en") == code
    # CLDR names, not typed by hand: a far-away country in Kazakh and Russian
    assert country_code("Жаңа Зеландия", "kk") == "NZ"
    assert country_code("Новой Зеландии", "ru") == "NZ"
