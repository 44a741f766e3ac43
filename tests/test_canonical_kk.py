"""Canonical vocabulary in Kazakh (FORMAT.md): periods resolved against the reference date, metric
codes of claims, topic codes of the meeting. Sentences written for these tests."""
import pytest

from archive.extract.canonical import resolve_period
from archive.extract.pipeline import extract_article
from archive.read.text import RawArticle

REF = (2024, 3)


def record(body: str, published: str | None = "2024-03-12"):
    return extract_article(RawArticle(id="t", body=body, language="kk", published=published))


def claim(body: str, published: str | None = "2024-03-12"):
    (c,) = record(body, published).claims
    return c


@pytest.mark.parametrize("words, ref, want", [
    ("2021 жылы", REF, ("2021-01", "2021-12")),
    ("өткен жылы", REF, ("2023-01", "2023-12")),
    ("былтыр", REF, ("2023-01", "2023-12")),
    ("биыл", REF, ("2024-01", "2024-12")),
    ("биылғы он айда", REF, ("2024-01", "2024-10")),
    ("биылғы жылдың бірінші тоқсанында", REF, ("2024-01", "2024-03")),
    ("өткен жылдың екінші жартыжылдығында", REF, ("2023-07", "2023-12")),
    ("2025 жылдың 8 айында", REF, ("2025-01", "2025-08")),
    ("биылғы қаңтарда", REF, ("2024-01", "2024-01")),
    ("соңғы бес жылда", REF, ("2019-01", "2024-03")),
    ("соңғы 17 жылда", REF, ("2007-01", "2024-03")),
    ("2005 жылдан бері", REF, ("2005-01", "2024-03")),
    ("тәуелсіздік жылдары", REF, ("1991-12", "2024-03")),
    ("жылдың басынан бері", REF, ("2024-01", "2024-03")),
    ("2030 жылға қарай", REF, (None, "2030-12")),
    ("бес жылда", REF, ("2019-01", "2024-03")),
    ("алдағы үш жылда", REF, (None, "2027-03")),
    ("жыл соңына дейін", REF, (None, "2024-12")),
    ("жыл сайын", REF, (None, None)),
    ("жақын жылдары", REF, (None, None)),
    ("2024-2025 жылдары", REF, ("2024-01", "2025-12")),
    # without a reference date: what needs it stays null, the rest is kept
    ("өткен жылы", None, (None, None)),
    ("биылғы алты айда", None, (None, None)),
    ("соңғы бес жылда", None, (None, None)),
    ("2005 жылдан бері", None, ("2005-01", None)),
    ("2030 жылға қарай", None, (None, "2030-12")),
    ("2021 жылы", None, ("2021-01", "2021-12")),
])
def test_period_words(words, ref, want) -> None:
    assert resolve_period(words, ref, "kk") == want


@pytest.mark.parametrize("body, want", [
    ("Өткен жылы екі ел арасындағы тауар айналымы 4,4 млрд долларға жетті.", ("2023-01", "2023-12")),
    ("Соңғы бес жылда тауар айналымы екі есе өсті.", ("2019-01", "2024-03")),
    ("2030 жылға қарай тауар айналымын 10 млрд долларға жеткізу көзделген.", (None, "2030-12")),
    ("Қазіргі уақытта елімізде 600-ге жуық бірлескен кәсіпорын жұмыс істейді.", (None, "2024-03")),
    ("Елімізде 600-ге жуық бірлескен кәсіпорын жұмыс істейді.", (None, None)),      # present tense alone
    ("Қазақстан жыл сайын 1 млн тонна астық экспорттайды.", (None, None)),          # a rate
    ("Биыл 2 айда экспорт $41,5 миллион болды.", ("2024-01", "2024-02")),
    ("Тек соңғы жылдың өзінде сауда 28 пайызға артты.", ("2023-01", "2023-12")),      # the last year alone
])
def test_claim_periods(body, want) -> None:
    c = claim(body)
    assert (c.period_start, c.period_end) == want


def test_a_period_past_a_comma_is_the_next_clauses() -> None:
    first, second = record("7 жыл ішінде экспорт 3 есеге өсіп, соңғы жылдың өзінде 12 пайызға артты.",
                           "2024-03-12").claims
    assert (first.period_start, first.period_end) == ("2017-01", "2024-03")
    assert (second.period_start, second.period_end) == ("2023-01", "2023-12")


def test_a_period_named_back_to_is_the_one_before() -> None:
    rec = record("Жылдың басынан бері тауар айналымы 7,5%-ға қысқарды. Бұл кезеңде өзара сауда көлемі "
                 "520 млн долларды құрады.")
    assert [(c.period_start, c.period_end) for c in rec.claims] == [("2024-01", "2024-03")] * 2


def test_no_reference_date_keeps_what_it_can() -> None:
    c = claim("Американдық компаниялар 2005 жылдан бері 60 млрд доллар инвестиция салды.", published=None)
    assert (c.period_start, c.period_end) == ("2005-01", None)


@pytest.mark.parametrize("body, want", [
    ("Екі ел арасындағы тауар айналымы 4,4 млрд долларға жетті.", "trade"),
    ("Қазақстан астық экспорты 1 млн тоннаға жетті.", "exports"),
    ("Импорт көлемі 12 пайызға артты.", "imports"),
    ("Тікелей инвестиция көлемі 20 млрд долларды құрады.", "investment"),
    ("Жалпы құны 9 млрд доллар болатын жобалар іске асырылуда.", "project_value"),
    ("Екі ел 50-ден астам бірлескен жобаны іске асыруда.", "project_count"),
    ("Елімізде 600-ге жуық кәсіпорын жұмыс істейді.", "enterprise_count"),
    ("Бірлескен кәсіпорындар саны 30 пайызға артты.", "enterprise_count"),     # a count's change
    ("Ортақ жобалардың саны үш есе көбейді.", "project_count"),
    ("Бұл жобалар 12 мың жұмыс орнын ашады.", "jobs"),
    ("Кездесу қорытындысы бойынша 15 құжатқа қол қойылды.", "document_count"),
    ("Шекара арқылы өтетін жүк тасымалы 12 пайызға өсті.", "freight"),
    ("Үкімет жобаларды қолдауға 1,2 трлн теңге бөлді.", "funding"),
    ("Ұлттық валюталардың есеп айырысудағы үлесі 80 пайыздан асты.", "other"),
    ("Делегация құрамында кәсіпорындардың 40-қа жуық басшылары бар.", "people_count"),   # heads, not firms
])
def test_metric_codes(body, want) -> None:
    assert claim(body).metric_code == want


def test_a_figure_named_back_to_measures_what_the_sentence_before_named() -> None:
    rec = record("Екі ел арасындағы тауар айналымы ұлғайып келеді. Бірінші жартыжылдықта көрсеткіш 150 пайызға өсті.")
    assert [c.metric_code for c in rec.claims] == ["trade"]


def codes(body: str) -> tuple[str, ...]:
    return record(body).meetings[0].topic_codes


@pytest.mark.parametrize("body, present, absent", [
    ("Тараптар сауда-экономикалық ынтымақтастық, су-энергетика және көлік-логистика мәселелерін талқылады.",
     {"trade", "water", "energy", "transport"}, {"political"}),
    ("Президент Өзбекстан Қазақстанның маңызды стратегиялық серіктесі екенін атап өтті.", {"political"}, set()),
    ("Тараптар азық-түлік қауіпсіздігі мәселесін талқылады.", {"agriculture"}, {"security"}),
    ("Тараптар энергетикалық қауіпсіздікті қамтамасыз ету мәселелерін талқылады.", {"energy"}, {"security"}),
    ("Тараптар Еуразиялық экономикалық одақ аясындағы ынтымақтастықты талқылады.", {"integration"}, set()),
    # a greeting is no subject; an office's name is none either
    ("Президент әріптесіне зор денсаулық тіледі. Тараптар туризмді дамыту мәселесін талқылады.",
     {"tourism"}, {"health"}),
    ("Кездесуге Сауда және интеграция министрі қатысты. Тараптар білім беру саласын талқылады.",
     {"education"}, {"trade", "integration"}),
    # the event a meeting was held within, background and a tour of sites signal nothing
    ("Шанхай ынтымақтастық ұйымының саммиті аясында Президенттер кездесті. Тараптар ғылым мәселесін талқылады.",
     {"science"}, {"integration"}),
    ("Тараптар мәдениет саласын талқылады. Делегация өнеркәсіп нысандарын аралап көрді.",
     {"culture"}, {"industry"}),
    ("Тараптар денсаулық сақтау саласын талқылады. Кездесу қорытындысы бойынша бес құжатқа қол қойылды.",
     {"health", "political"}, set()),
])
def test_topic_codes(body, present, absent) -> None:
    got = set(codes(body))
    assert present <= got and not (absent & got), got
