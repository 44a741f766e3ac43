"""Canonical vocabulary in Russian (FORMAT.md): periods resolved against the reference date, metric
codes of claims, topic codes of the meeting. Sentences written for these tests."""
import pytest

from archive.extract.canonical import resolve_period
from archive.extract.pipeline import extract_article
from archive.read.text import RawArticle

REF = (2023, 10)


def record(body: str, published: str | None = "2023-10-05"):
    return extract_article(RawArticle(id="t", body=body, language="ru", published=published))


def claim(body: str, published: str | None = "2023-10-05"):
    (c,) = record(body, published).claims
    return c


@pytest.mark.parametrize("words, ref, want", [
    ("в 2021 году", REF, ("2021-01", "2021-12")),
    ("в прошлом году", REF, ("2022-01", "2022-12")),
    ("по итогам прошлого года", REF, ("2022-01", "2022-12")),
    ("в этом году", REF, ("2023-01", "2023-12")),
    ("за восемь месяцев текущего года", REF, ("2023-01", "2023-08")),
    ("за девять месяцев", REF, ("2023-01", "2023-09")),
    ("январь — август", REF, ("2023-01", "2023-08")),
    ("с января по май 2022 года", REF, ("2022-01", "2022-05")),
    ("в первом квартале", REF, ("2023-01", "2023-03")),
    ("за три квартала текущего года", REF, ("2023-01", "2023-09")),
    ("во втором полугодии прошлого года", REF, ("2022-07", "2022-12")),
    ("за последние пять лет", REF, ("2018-01", "2023-10")),
    ("с 2005 года", REF, ("2005-01", "2023-10")),
    ("за годы независимости", REF, ("1991-12", "2023-10")),
    ("с начала года", REF, ("2023-01", "2023-10")),
    ("к 2030 году", REF, (None, "2030-12")),
    ("к концу 2023 года", REF, ("2023-01", "2023-12")),      # the year running: its result
    ("к концу 2025 года", REF, (None, "2025-12")),           # ahead: a target
    ("ежегодно", REF, (None, None)),
    ("в среднесрочной перспективе", REF, (None, None)),
    ("в прошлом году", None, (None, None)),
    ("с 2005 года", None, ("2005-01", None)),
])
def test_period_words(words, ref, want) -> None:
    assert resolve_period(words, ref, "ru") == want


@pytest.mark.parametrize("body, want", [
    ("В прошлом году товарооборот между странами превысил 27 млрд долларов.", ("2022-01", "2022-12")),
    ("За восемь месяцев текущего года взаимный товарооборот составил около 17 млрд долларов.",
     ("2023-01", "2023-08")),
    ("К 2030 году товарооборот планируется довести до 30 млрд долларов.", (None, "2030-12")),
    ("На сегодняшний день в Казахстане работают более 20 тысяч предприятий.", (None, "2023-10")),
    ("В Казахстане работают более 20 тысяч предприятий.", (None, None)),
    ("За истекший период этого года экспорт составил 310 млн долларов.", ("2023-01", "2023-10")),
])
def test_claim_periods(body, want) -> None:
    c = claim(body)
    assert (c.period_start, c.period_end) == want


@pytest.mark.parametrize("body, want", [
    ("Взаимный товарооборот вырос на 6%.", "trade"),
    ("Казахстанский экспорт в Россию снизился на 4,2%.", "exports"),
    ("Объём накопленных российских инвестиций составил около 23 млрд долларов.", "investment"),
    ("В Казахстане работают более 150 совместных предприятий.", "enterprise_count"),
    ("Стороны реализуют пять проектов.", "project_count"),
    ("Число совместных предприятий выросло на 30%.", "enterprise_count"),     # a count's change
    ("Количество проектов увеличилось в три раза.", "project_count"),
    ("Подписано 24 межправительственных и межведомственных документа.", "document_count"),
    ("Совокупный ВВП региона превысил 400 млрд долларов.", "gdp"),
    ("Население региона превышает 80 млн человек.", "people_count"),
    ("Объём транзита грузов вырос в 1,4 раза.", "freight"),
    ("Совместные предприятия произвели свыше 7 тысяч тонн урана.", "production"),
    ("Уровень локализации достигнет 50%.", "other"),
])
def test_metric_codes(body, want) -> None:
    assert claim(body).metric_code == want


def codes(body: str) -> tuple[str, ...]:
    return record(body).meetings[0].topic_codes


@pytest.mark.parametrize("body, present, absent", [
    ("Стороны обсудили торгово-экономическое сотрудничество, водно-энергетические вопросы и транспорт.",
     {"trade", "water", "energy", "transport"}, set()),
    ("Президенты обсудили состояние двусторонних отношений и стратегического партнёрства.", {"political"}, set()),
    ("Стороны обсудили вопросы продовольственной безопасности.", {"agriculture"}, {"security"}),
    ("Стороны обсудили региональную безопасность.", {"security", "international"}, set()),
    ("Стороны обсудили взаимодействие в рамках ЕАЭС и ШОС.", {"integration"}, set()),
    # an office's name, a cause, safety standards and the event met beside signal nothing
    ("Во встрече участвовал министр торговли и интеграции. Стороны обсудили образование.",
     {"education"}, {"trade", "integration"}),
    ("Несмотря на пандемию коронавируса, стороны обсудили развитие туризма.", {"tourism"}, {"health"}),
    ("Станция будет отвечать самым высоким стандартам безопасности, стороны обсудили атомную энергетику.",
     {"energy"}, {"security"}),
    ("Лидеры встретились на полях саммита ШОС и обсудили развитие науки.", {"science"}, {"integration"}),
    ("Стороны обсудили культурное сотрудничество. Ранее делегация посетила промышленные предприятия региона.",
     {"culture"}, {"industry"}),
])
def test_topic_codes(body, present, absent) -> None:
    got = set(codes(body))
    assert present <= got and not (absent & got), got
