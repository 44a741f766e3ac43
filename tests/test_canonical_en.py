"""Canonical vocabulary in English (FORMAT.md): periods resolved against the reference date, metric
codes of claims, topic codes of the meeting. Sentences written for these tests."""
import pytest

from archive.extract.canonical import resolve_period
from archive.extract.pipeline import extract_article
from archive.read.text import RawArticle

REF = (2023, 9)


def record(body: str, published: str | None = "2023-09-28"):
    return extract_article(RawArticle(id="t", body=body, language="en", published=published))


def claim(body: str, published: str | None = "2023-09-28"):
    (c,) = record(body, published).claims
    return c


@pytest.mark.parametrize("words, ref, want", [
    ("in 2021", REF, ("2021-01", "2021-12")),
    ("last year", REF, ("2022-01", "2022-12")),
    ("this year", REF, ("2023-01", "2023-12")),
    ("in the first quarter", REF, ("2023-01", "2023-03")),
    ("in the first half of 2022", REF, ("2022-01", "2022-06")),
    ("in the first eight months of the year", REF, ("2023-01", "2023-08")),
    ("from January to May", REF, ("2023-01", "2023-05")),
    ("over the past two years", REF, ("2021-01", "2023-09")),
    ("since 2005", REF, ("2005-01", "2023-09")),
    ("since March 2020", REF, ("2020-03", "2023-09")),
    ("since independence", REF, ("1991-12", "2023-09")),
    ("since the beginning of the year", REF, ("2023-01", "2023-09")),
    ("by 2030", REF, (None, "2030-12")),
    ("at the end of 2022", REF, ("2022-01", "2022-12")),
    ("by the end of 2025", REF, (None, "2025-12")),
    ("in a year", REF, (None, "2024-09")),
    ("by the end of the year", REF, (None, "2023-12")),
    ("over the next three years", REF, (None, "2026-09")),
    ("annually", REF, (None, None)),
    ("a week", REF, (None, None)),
    ("in the medium term", REF, (None, None)),
    ("within a decade", REF, (None, None)),                 # "dec…" is no December
    ("in years to come", REF, (None, None)),
    ("last year", None, (None, None)),
    ("since 2005", None, ("2005-01", None)),
    ("by 2030", None, (None, "2030-12")),
])
def test_period_words(words, ref, want) -> None:
    assert resolve_period(words, ref, "en") == want


@pytest.mark.parametrize("body, want", [
    ("Last year bilateral trade reached $41 billion.", ("2022-01", "2022-12")),
    ("German companies have invested $6 billion since independence.", ("1991-12", "2023-09")),
    ("The sides aim to raise trade to $10 billion by 2030.", (None, "2030-12")),
    ("To date, more than 1,000 companies with German capital operate in Kazakhstan.", (None, "2023-09")),
    ("More than 1,000 companies with German capital operate in Kazakhstan.", (None, None)),
])
def test_claim_periods(body, want) -> None:
    c = claim(body)
    assert (c.period_start, c.period_end) == want


def test_over_the_year_is_the_year_named_before() -> None:
    rec = record("Last year trade turnover reached $41 billion. China's share in Kazakhstan's foreign trade "
                 "increased by 2.4 percentage points over the year.")
    assert [(c.period_start, c.period_end) for c in rec.claims] == [("2022-01", "2022-12")] * 2


@pytest.mark.parametrize("body, want", [
    ("Bilateral trade fell by 12 percent.", "trade"),
    ("Kazakhstan's exports of grain grew by 30 percent.", "exports"),
    ("French companies have invested more than $19 billion in the country.", "investment"),
    ("The sides signed contracts worth $1.5 billion.", "project_value"),
    ("Around 170 enterprises with French participation operate in Kazakhstan.", "enterprise_count"),
    ("The number of joint ventures rose by 30 percent.", "enterprise_count"),  # a count's change
    ("The number of shared projects tripled to 12 percent of the total.", "project_count"),
    ("The leaders signed three intergovernmental agreements.", "document_count"),
    ("The United States will provide $25 million in additional funding.", "funding"),
    ("The region is home to more than 75 million people.", "people_count"),
    ("The number of container trains grew by 22 percent.", "freight"),
    ("The economy's GDP grew by 5 percent.", "gdp"),
])
def test_metric_codes(body, want) -> None:
    assert claim(body).metric_code == want


def codes(body: str) -> tuple[str, ...]:
    return record(body).meetings[0].topic_codes


@pytest.mark.parametrize("body, present, absent", [
    ("The two leaders discussed cooperation in energy, critical raw materials, aviation and education.",
     {"energy", "mining", "transport", "education"}, set()),
    ("The sides discussed the comprehensive strategic partnership and the situation in Afghanistan.",
     {"political", "international"}, set()),
    ("The ministers discussed food security.", {"agriculture"}, {"security"}),
    ("The leaders discussed cooperation within the SCO and the CIS.", {"integration"}, set()),
    ("The ministers discussed hydropower projects.", {"water", "energy"}, set()),
    # an office's name, a cause and the event met beside signal nothing
    ("Minister of Trade and Integration Serik Zhumangarin attended. The sides discussed tourism.",
     {"tourism"}, {"trade", "integration"}),
    ("Trade grew despite the coronavirus pandemic, the President said.", {"trade"}, {"health"}),
    ("The leaders met on the sidelines of the SCO summit and discussed science.", {"science"}, {"integration"}),
    ("The sides discussed culture. Earlier, the delegation visited an industrial park.", {"culture"}, {"industry"}),
    # "it" and "un" are words, not IT and the UN
    ("The President said it was a good meeting and discussed education.", {"education"}, {"digital", "international"}),
])
def test_topic_codes(body, present, absent) -> None:
    got = set(codes(body))
    assert present <= got and not (absent & got), got
