"""Several meetings in one article: each event with someone new is a meeting of its own."""
import pytest

from archive.extract.pipeline import extract_article
from archive.read.text import article_from_text

CASES = [
    ("en", "Foreign Minister Murat Nurtleu met Indian External Affairs Minister Subrahmanyam Jaishankar "
           "in New Delhi on Monday. The ministers held talks on trade and transport.\n"
           "Later that day, Murat Nurtleu met Indian Commerce Minister Piyush Goyal.",
     [["Murat Nurtleu", "Subrahmanyam Jaishankar"], ["Murat Nurtleu", "Piyush Goyal"]]),
    ("ru", "Премьер-министр Казахстана Олжас Бектенов провел телефонный разговор с Премьер-министром "
           "Узбекистана Абдуллой Ариповым.\nЗатем Олжас Бектенов провел телефонный разговор с Председателем "
           "Правительства России Михаилом Мишустиным.",
     [["Олжас Бектенов", "Абдулла Арипов"], ["Олжас Бектенов", "Михаил Мишустин"]]),
    # one meeting: the second sentence names its sides again and adds a minister
    ("en", "President Kassym-Jomart Tokayev held talks with President of Uzbekistan Shavkat Mirziyoyev. "
           "Tokayev and Mirziyoyev then held talks in an expanded format with Foreign Minister Murat Nurtleu.",
     [["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev", "Murat Nurtleu"]]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_events(lang: str, text: str, expected: list) -> None:
    rec = extract_article(article_from_text(text, "t", defaults={"language": lang}))
    assert [sorted(p.name for p in m.participants) for m in rec.meetings] == [sorted(e) for e in expected]
