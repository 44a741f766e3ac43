"""Ranges, "at least" / "below", implied units, rates, horizons and comparison bases in numeric
claims, for Kazakh, Russian and English (own sentences)."""
from decimal import Decimal

import pytest

from archive.extract.numbers import extract_claims
from archive.extract.segment import sentences

# (lang, sentence, [(span text, value, unit, qualifier, change)])
CASES = [
    # clock times, days of a range of dates, counts in short quoted names, programme steps, years
    ("ru", "Переговоры начались в 11:45, а Дни культуры пройдут с 3 по 7 октября.", []),
    ("en", "The consultations were held on March 14 and 15.", []),
    ("kk", "Кеңес 14 және 15 наурызда өтті.", []),
    ("ru", "Делегация обсудила программу «50 шагов» и проект «Астана 2035».", []),
    ("en", "The reform agenda of 60 concrete steps was presented.", []),
    ("kk", "Жоспар 80 нақты қадамнан тұрады.", []),
    ("ru", "Стороны обсудили Стратегию 2050 и программы развития.", []),
    ("ru", "В регионе будет создано 2000 новых рабочих мест.", [("2000", "2000", None, None, None)]),
    ("ru", "«Рост составил 7%», — сказал министр.", [("7%", "7", "%", None, None)]),
    # ranges joined by a word; "from … to" / "с … до" is a level left, not a range
    ("en", "Output of the plant may grow by 6 to 8 percent next year.",
     [("6 to 8 percent", "8", "%", "up_to", "increase")]),
    ("en", "The tariff went from 3 to 4 percent.", [("4 percent", "4", "%", None, None)]),
    ("ru", "Экспорт мяса может составить от 20 до 30 тыс. тонн.",
     [("20 до 30 тыс. тонн", "30000", "t", "up_to", None)]),
    ("ru", "Доля импорта снизилась с 12 до 9%.", [("9%", "9", "%", None, None)]),
    # a qualifier before "до" outweighs it ("не менее чем до")
    ("ru", "Банк готов нарастить портфель не менее чем до 2 млрд долларов.",
     [("2 млрд долларов", "2000000000", "USD", "over", None)]),
    # a comparative after a Kazakh dative is a change, after the ablative a qualifier
    ("kk", "Биыл астық экспорты былтырғыдан 12 пайызға көп.", [("12 пайыз", "12", "%", None, "increase")]),
    ("kk", "Көмір өндірісі 2022 жылмен салыстырғанда 4 пайызға аз.", [("4 пайыз", "4", "%", None, "decrease")]),
    ("kk", "Жобаның құны 2 млрд доллардан артық.", [("2 млрд доллар", "2000000000", "USD", "over", None)]),
    # ships are counted
    ("kk", "Паром паркі кемінде үш жаңа кемемен толықтырылады.", [("үш", "3", None, "over", None)]),
    ("en", "The company operates 14 container vessels.", [("14", "14", None, None, None)]),
    # "-fold", barrels a day
    ("en", "Rail freight to Europe rose 2.5-fold.", [("2.5-fold", "2.5", "times", None, "increase")]),
    ("en", "Exports hit $90 million, a 1.8-fold increase.",
     [("$90 million", "90000000", "USD", None, None), ("1.8-fold", "1.8", "times", None, "increase")]),
    ("en", "The field will pump 120,000 barrels per day.", [("120,000 barrels per day", "120000", "bbl/d", None, None)]),
    ("ru", "Добыча достигнет 80 тыс. баррелей в сутки.", [("80 тыс. баррелей в сутки", "80000", "bbl/d", None, None)]),
    # a change verb a few words before its preposition
    ("ru", "Новый коридор сократит путь грузов из Азии в Европу на 2 тыс. километров.",
     [("2 тыс. километров", "2000", "km", None, "decrease")]),
    # a handful of states is no statistic, a qualified or larger count of them is one
    ("kk", "Министр биыл 4 мемлекетке сапармен барды.", []),
    ("kk", "Конференцияға қырықтан астам мемлекеттің сарапшылары келді.",
     [("қырық", "40", None, "over", None)]),
    ("kk", "Бұл ұйымға 57 мемлекет мүше.", [("57", "57", None, None, None)]),
    ("kk", "Екі бауырлас ел арасындағы байланыс нығайды.", []),
    ("kk", "Өнімнің үштен бірі экспортқа кетеді.", []),
    ("ru", "Делегация посетила 3 страны Персидского залива.", []),
    ("ru", "Выставку посетили гости из более чем 20 государств.", [("20", "20", None, "over", None)]),
    ("en", "The envoy toured 4 countries of the region.", []),
    ("en", "Some 60 countries sent their delegations.", [("60", "60", None, "approx", None)]),
    # ranks and the parts of a programme
    ("ru", "Страна заняла 7 место в рейтинге, а форум включил 4 секции и 9 панелей.", []),
    ("kk", "Форум бағдарламасы 5 сессия мен 2 панельден тұрады.", []),
    ("en", "The forum has 3 sessions, and the index rose 4 notches.", []),
    # a range is one claim: the whole range, the upper bound, qualifier up_to
    ("kk", "Биыл астық экспорты 8–9 млн тоннаға жетуі мүмкін.",
     [("8–9 млн тонна", "9000000", "t", "up_to", None)]),
    ("kk", "Зауыт құны 1,2–1,5 млрд доллар болады.",
     [("1,2–1,5 млрд доллар", "1500000000", "USD", "up_to", None)]),
    ("ru", "Министерство намерено сократить импорт сахара на 20–25%.",
     [("20–25%", "25", "%", "up_to", "decrease")]),
    ("ru", "Компания готова нарастить выпуск удобрений на 5–7 процентов.",
     [("5–7 процентов", "7", "%", "up_to", "increase")]),
    ("en", "Officials expect tourist arrivals to reach 12-14 million.",
     [("12-14 million", "14000000", None, "up_to", None)]),
    ("en", "The fund will invest $2–3 billion in the region.",
     [("$2–3 billion", "3000000000", "USD", "up_to", None)]),
    # "at least" is over, "below" under
    ("kk", "Өңірде кем дегенде он екі жаңа зауыт салынады.", [("он екі", "12", None, "over", None)]),
    ("kk", "Облыстағы жұмыссыздық деңгейі 5 пайыздан төмен.", [("5 пайыз", "5", "%", "under", None)]),
    ("kk", "Астық бағасы 3 пайызға төмен түсті.", [("3 пайыз", "3", "%", None, "decrease")]),
    ("ru", "Инвестиции должны вырасти не менее чем в два раза.",
     [("два раза", "2", "times", "over", "increase")]),
    # a bare scaled number takes the unit of the sentence's last amount when it measures the same
    ("ru", "Экспорт в прошлом году составил 3 млрд долларов, и стороны намерены довести его до 5 млрд к 2030 году.",
     [("3 млрд долларов", "3000000000", "USD", None, None), ("5 млрд", "5000000000", "USD", None, None)]),
    ("kk", "Өңірдің экспорты 2 млрд доллардан асты, ал халқының саны 3 миллионға жетті.",
     [("2 млрд доллар", "2000000000", "USD", "over", None), ("3 миллион", "3000000", None, None, None)]),
    # a change verb a few words before its preposition
    ("en", "The ministry plans to cut irrigation water losses by 30 percent.",
     [("30 percent", "30", "%", None, "decrease")]),
    # a number before a noun of time is a period, even when a counted noun follows
    ("kk", "Алдағы бес жылда өндіріс көлемі артады.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_claims(lang, text, expected):
    got = [(text[c.start:c.end], c.value, c.unit, c.qualifier, c.change)
           for c in extract_claims(text, sentences(text), lang, "2024-04-20")]
    assert got == [(s, Decimal(v), u, q, ch) for s, v, u, q, ch in expected]


# (lang, sentence, value, object, period)
DETAILS = [
    ("en", "The airline will raise the number of flights to Seoul to five a week.", "5", "flights", "a week"),
    ("ru", "Перевозчик увеличит число рейсов в Баку до четырёх в неделю.", "4", "рейс", "в неделю"),
    ("ru", "Рыночная доля компании может вырасти в ближайшие три года на 10%.", "10", None,
     "ближайшие три года"),
    ("kk", "Алдағы үш жылда экспорт 20 пайызға өседі.", "20", None, "Алдағы үш жыл"),
    ("kk", "Өңір биыл 4 млн тонна көмір өндірді, бұл өткен жылдың сәйкес кезеңімен салыстырғанда көп.",
     "4000000", None, "биыл"),
    ("kk", "Зауыт 2028 жылға қарай жылына 300 мың тонна цемент шығарады.", "300000", None,
     "2028 жылға қарай"),
    ("en", "Exports may double within five years.", "2", None, "within five years"),
    ("en", "Investment rose by 12 percent compared with last year.", "12", None, None),
]


@pytest.mark.parametrize(("lang", "text", "value", "obj", "period"), DETAILS)
def test_object_and_period(lang, text, value, obj, period):
    got = extract_claims(text, sentences(text), lang, "2024-04-20")
    (c,) = [c for c in got if c.value == Decimal(value)]
    assert c.object == obj
    assert c.period == period
