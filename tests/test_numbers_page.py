"""Numbers on pages as they come off a site (own texts): a headline's figures are page chrome."""
import pytest

from archive.extract.numbers import extract_claims
from archive.extract.segment import sentences

# (lang, text, spans of the claims found)
CASES = [
    # the headline repeats a figure of the text: the text's occurrence is the claim
    ("ru", "Товарооборот двух стран вырос до 3 млрд долларов\n\n"
           "Министр сообщил, что товарооборот вырос до 3 млрд долларов.",
     ["3 млрд долларов"]),
    # a figure only the headline gives is no claim either; a rubric line above it changes nothing
    ("en", "Politics\nTrade between the two countries to reach $5 billion\n\n"
           "The ministers met in Astana on Monday. They discussed 12 projects.",
     ["12"]),
    ("kk", "Екі ел арасындағы тауар айналымы 4 млрд долларға жетті\n"
           "Министрлер кездесуінде тауар айналымы 4 млрд долларға жеткені айтылды.",
     ["4 млрд доллар"]),
    # a first line that ends a sentence is the text itself
    ("en", "Trade reached $5 billion last year.\nThe ministers met in Astana.", ["$5 billion"]),
    # a first line that opens a quotation or a dialogue is no headline
    ("ru", "«Оборот вырос на 5%»\n— сказал министр на встрече.", ["5%"]),
    # a headline alone, with no text after it: nothing to tell it from a sentence without a full stop
    ("en", "Trade reached $5 billion", ["$5 billion"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_headline(lang, text, expected):
    got = [text[c.start:c.end] for c in extract_claims(text, sentences(text), lang, "2024-04-20")]
    assert got == expected
