"""English numeric claims (own sentences)."""
from decimal import Decimal

import pytest

from archive.extract.numbers import extract_claims
from archive.extract.segment import sentences


def claims(text: str):
    return extract_claims(text, sentences(text), "en", "2024-04-20")


CASES = [
    ("Bilateral trade grew by 18 percent and exceeded $2.1 billion.",
     [("18 percent", "18", "%", None, "increase"), ("$2.1 billion", "2100000000", "USD", "over", None)]),
    ("Exports fell by 7.5% last year.", [("7.5%", "7.5", "%", None, "decrease")]),
    ("The share of processed goods rose by 1.2 percentage points.",
     [("1.2 percentage points", "1.2", "pp", None, "increase")]),
    ("More than 1,200 companies with Turkish capital operate in Kazakhstan.",
     [("1,200", "1200", None, "over", None)]),
    ("Investment reached about €800 million.", [("€800 million", "800000000", "EUR", "approx", None)]),
    ("The sides signed four intergovernmental agreements.", [("four", "4", None, None, None)]),
    ("Freight traffic increased threefold, to 3 million tonnes.",
     [("threefold", "3", "times", None, "increase"), ("3 million tonnes", "3000000", "t", None, None)]),
    ("We want to double this figure within three years.", [("double", "2", "times", None, "increase")]),
    ("Trade turnover increased 2.5 times over the past decade.",
     [("2.5 times", "2.5", "times", None, "increase")]),
    ("The fund will provide loans of up to $50 million.", [("$50 million", "50000000", "USD", "up_to", None)]),
    ("Nearly 40 percent of the grain is shipped by rail.", [("40 percent", "40", "%", "approx", None)]),
    ("Trade may reach 400 million manat.", [("400 million manat", "400000000", "AZN", None, None)]),
    ("Kazakhstan is among the top 5 investors, and the forum is set for June 10-11.", []),
    ("Less than 5% of the cargo goes by sea.", [("5%", "5", "%", "under", None)]),
    ("Mutual trade approached around $1 bln, and 35 billion Russian rubles were invested.",
     [("$1 bln", "1000000000", "USD", "approx", None),
      ("35 billion Russian rubles", "35000000000", "RUB", None, None)]),
    ("The credit line amounts to 200 million Belarusian rubles.",
     [("200 million Belarusian rubles", "200000000", "BYN", None, None)]),
    # a transcript's stray space before a group of zeros; a number counts only its own noun
    ("The deal will create 40, 000 jobs.", [("40, 000", "40000", None, None, None)]),
    ("The plan lists 10, 20 and 30 projects.",
     [("10", "10", None, None, None), ("20", "20", None, None, None), ("30", "30", None, None, None)]),
    ("More than 120 delegations attended.", [("120", "120", None, "over", None)]),
    # not claims
    ("The two leaders met on 3 October 2023 in Astana.", []),
    ("The talks continued with the participation of the two delegations.", []),
    ("The reference codes 007 and 05 were cited.", []),
    ("The two countries agreed to meet three times a year.", []),
    ("The platform was launched in 2015.", []),
    ("Under Article 5 of the treaty, the parties consult each other.", []),
    ("The C5+1 format marks its 10th anniversary.", []),
    ("Over the past five years the sides held two summits.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims(text, expected):
    got = [(text[c.start:c.end], c.value, c.unit, c.qualifier, c.change) for c in claims(text)]
    assert got == [(s, Decimal(v), u, q, ch) for s, v, u, q, ch in expected]


def test_metric_period_object():
    (c,) = claims("Last year trade turnover reached a record $9 billion.")
    assert (c.metric, c.period) == ("trade turnover", "Last year")
    (d,) = claims("Around 300 enterprises with German participation operate in the country.")
    assert (d.object, d.qualifier) == ("enterprises", "approx")
