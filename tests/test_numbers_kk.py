"""Kazakh numeric claims: value, unit, qualifier, change, span, object (own sentences)."""
from decimal import Decimal

import pytest

from archive.extract.numbers import extract_claims
from archive.extract.segment import sentences


def claims(text: str):
    return extract_claims(text, sentences(text), "kk", "2024-04-20")


# (sentence, [(span text, value, unit, qualifier, change)])
CASES = [
    ("Өткен жылы екі ел арасындағы тауар айналымы 3,7 млрд долларға жетті.",
     [("3,7 млрд доллар", "3700000000", "USD", None, None)]),
    ("Биылғы бес айда өзара сауда 12%-ға өсті.", [("12%", "12", "%", None, "increase")]),
    ("Жүк тасымалы 4 пайызға қысқарды.", [("4 пайыз", "4", "%", None, "decrease")]),
    ("Экспорт көлемі 800 млн долларға жуық болды.", [("800 млн доллар", "800000000", "USD", "approx", None)]),
    ("Инвестиция көлемі шамамен $3 млрд құрады.", [("$3 млрд", "3000000000", "USD", "approx", None)]),
    ("Елімізде 250-ден астам бірлескен кәсіпорын жұмыс істейді.", [("250", "250", None, "over", None)]),
    ("Жоба құны 500 млрд теңгеден асады.", [("500 млрд теңге", "500000000000", "KZT", "over", None)]),
    ("Үлесі соңғы жылы 3 пайыздық тармаққа артты.", [("3 пайыздық тармақ", "3", "pp", None, "increase")]),
    ("Тауар айналымы үш есе өсті.", [("үш есе", "3", "times", None, "increase")]),
    ("Сауда көлемі екі жарым есе артты.", [("екі жарым есе", "2.5", "times", None, "increase")]),
    ("Кездесуде он екі құжатқа қол қойылды.", [("он екі", "12", None, None, None)]),
    ("Жаңа зауыт жылына 2 млн тонна болат шығарады.", [("2 млн тонна", "2000000", "t", None, None)]),
    ("Бағдарлама аясында 1 500 жұмыс орны ашылады.", [("1 500", "1500", None, None, None)]),
    ("Несие 200 млн еуроға дейін жетеді.", [("200 млн еуро", "200000000", "EUR", None, None)]),
    ("Ұзындығы 225 шақырым болатын автожол салынады.", [("225 шақырым", "225", "km", None, None)]),
    ("Қаржыландыру 50 млрд теңгеге дейін ұлғайтылады.", [("50 млрд теңге", "50000000000", "KZT", None, None)]),
    ("Жеңілдікті несие 20 млн долларға дейін беріледі.", [("20 млн доллар", "20000000", "USD", "up_to", None)]),
    ("Қатысушылар саны 300-дей адамды құрады.", [("300", "300", None, "approx", None)]),
    # not claims: dates, years, periods, ordinals, names, references, "екі ел"
    ("2024 жылғы 15 наурызда тараптар кездесті.", []),
    ("Екі ел басшылары бес жыл бұрын кездескен.", []),
    ("Соңғы 10 жылда ынтымақтастық нығайды.", []),
    ("Келісімнің 4-бабына сәйкес комиссия құрылады.", []),
    ("Тараптар «Астана-2050» стратегиясын және 3-ші кезеңді талқылады.", []),
    ("2030 жылға қарай жаңа жол салынады.", []),
    ("Екі тарап алты ай ішінде жоспар әзірлейді.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims(text, expected):
    got = [(text[c.start:c.end], c.value, c.unit, c.qualifier, c.change) for c in claims(text)]
    assert got == [(s, Decimal(v), u, q, ch) for s, v, u, q, ch in expected]


def test_object_metric_period():
    text = "Соңғы үш жылда екі ел арасындағы тауар айналымы 20 пайызға өсіп, 4 млрд долларға жетті."
    a, b = claims(text)
    assert a.metric == "тауар айналымы" and a.period.startswith("Соңғы үш жыл")
    assert b.metric == "тауар айналымы" and b.change is None
    (c,) = claims("Кездесу қорытындысы бойынша тараптар 8 жаңа жобаны іске қосты.")
    assert c.object == "жаңа жоба" and c.unit is None
    assert all(c.speaker is None for c in claims(text))


@pytest.mark.parametrize(("text", "obj"), [
    ("Делегация құрамында отандық зауыттардың 40-қа жуық басшылары бар.", "басшы"),     # after a qualifier
    ("Форумға 300-ден астам кәсіпкер қатысты.", "кәсіпкер"),
])
def test_counted_people(text: str, obj: str) -> None:
    (c,) = claims(text)
    assert c.object == obj
