"""Russian numeric claims (own sentences)."""
from decimal import Decimal

import pytest

from archive.extract.numbers import extract_claims
from archive.extract.segment import sentences


def claims(text: str):
    return extract_claims(text, sentences(text), "ru", "2024-04-20")


CASES = [
    ("Товарооборот между странами вырос на 9,2% и составил 2,8 млрд долларов.",
     [("9,2%", "9.2", "%", None, "increase"), ("2,8 млрд долларов", "2800000000", "USD", None, None)]),
    ("Экспорт зерна снизился на 15 процентов.", [("15 процентов", "15", "%", None, "decrease")]),
    ("Доля переработки выросла на 2,5 процентного пункта.", [("2,5 процентного пункта", "2.5", "pp", None, "increase")]),
    ("Объём транзита увеличился в 1,7 раза.", [("1,7 раза", "1.7", "times", None, "increase")]),
    ("К 2030 году грузооборот может вырасти вдвое.", [("вдвое", "2", "times", None, "increase")]),
    ("Сроки оформления грузов сократились втрое.", [("втрое", "3", "times", None, "decrease")]),
    ("Инвестиции составили около 4 млрд евро.", [("4 млрд евро", "4000000000", "EUR", "approx", None)]),
    ("В стране работают свыше 3 тыс. совместных предприятий.", [("3 тыс.", "3000", None, "over", None)]),
    ("Население города превышает 1,2 млн человек.", [("1,2 млн", "1200000", None, "over", None)]),
    ("Стороны подписали шесть соглашений.", [("шесть", "6", None, None, None)]),
    ("Поставки достигли 12 500 тонн.", [("12 500 тонн", "12500", "t", None, None)]),
    ("Уровень локализации планируется довести до 60%.", [("60%", "60", "%", None, None)]),
    ("Кредиты предоставляются на сумму до 5 млн долларов.", [("5 млн долларов", "5000000", "USD", "up_to", None)]),
    ("Рост ВВП замедлился почти на 1,5%.", [("1,5%", "1.5", "%", "approx", None)]),
    ("Выпуск продукции сократился менее чем на 2%.", [("2%", "2", "%", "under", "decrease")]),
    ("Товарооборот в прошлом году составил 1 млрд 300 млн долларов.",
     [("1 млрд 300 млн долларов", "1300000000", "USD", None, None)]),
    # a comparative before the preposition is the change, not a qualifier
    ("Экспорт достиг 2 млрд долларов, что на треть больше на 6,1%.",
     [("2 млрд долларов", "2000000000", "USD", None, None), ("6,1%", "6.1", "%", None, "increase")]),
    ("Цены на зерно оказались ниже на 3 процента.", [("3 процента", "3", "%", None, "decrease")]),
    ("Поставки угля выросли более чем на 10%.", [("10%", "10", "%", "over", "increase")]),
    # verbs that take the change without a preposition
    ("Взаимная торговля за полгода прибавила почти 9%.", [("9%", "9", "%", "approx", "increase")]),
    ("Индекс потерял 2,5%.", [("2,5%", "2.5", "%", None, "decrease")]),
    # half a scale, currencies with their country's adjective
    ("Вложения в экономику региона составили более полумиллиарда долларов.",
     [("полумиллиарда долларов", "500000000", "USD", "over", None)]),
    ("Объём торговли вырос до 900 млрд российских рублей.",
     [("900 млрд российских рублей", "900000000000", "RUB", None, None)]),
    ("Бюджет программы — 4 млрд белорусских рублей.",
     [("4 млрд белорусских рублей", "4000000000", "BYN", None, None)]),
    ("Кредитная линия открыта на 700 млн китайских юаней.",
     [("700 млн китайских юаней", "700000000", "CNY", None, None)]),
    # not claims
    ("Встреча состоялась 5 октября 2023 года в Москве.", []),
    ("Лидеры двух стран обсудили сотрудничество.", []),
    ("За пять лет стороны провели десять заседаний.", []),
    ("План рассчитан на 2025–2027 годы.", []),
    ("Согласно статье 7 договора, стороны проводят консультации.", []),
    ("Стороны отметили шестую годовщину соглашения и формат C5+1.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims(text, expected):
    got = [(text[c.start:c.end], c.value, c.unit, c.qualifier, c.change) for c in claims(text)]
    assert got == [(s, Decimal(v), u, q, ch) for s, v, u, q, ch in expected]


def test_period_of_an_earlier_clause():
    # a clause going on about the earlier clause's subject takes its period; one with its own does not
    text = ("За январь — апрель оборот достиг 3 млрд долларов, что больше на 5%, "
            "а в сфере услуг работают 40 предприятий.")
    first, second, third = claims(text)
    assert (first.period, second.period, third.period) == ("январь — апрель", "январь — апрель", None)
    (c,) = claims("Поставки растут. В рамках программы оборот вырос на 7%.")
    assert c.period is None
    # a period that opens the sentence covers its coordinated clauses too
    first, second = claims("В прошлом году экспорт вырос на 5%, а импорт составил 3 млрд долларов.")
    assert (first.period, second.period) == ("прошлый год", "прошлый год")
    first, second = claims("Экспорт в прошлом году вырос на 5%, а импорт составил 3 млрд долларов.")
    assert (first.period, second.period) == ("прошлый год", None)
    # an open time is a period as written
    (c,) = claims("Стороны намерены довести товарооборот до 5 млрд долларов в среднесрочной перспективе.")
    assert c.period == "в среднесрочной перспективе"


def test_metric_period_object():
    (c,) = claims("По итогам прошлого года товарооборот превысил 30 млрд долларов.")
    assert (c.metric, c.period, c.qualifier) == ("товарооборот", "прошлый год", "over")
    (d,) = claims("В республике действуют более 700 предприятий с участием капитала.")
    assert d.object == "предприятие"
