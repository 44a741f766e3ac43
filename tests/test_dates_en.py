"""English date mentions (own sentences)."""
import pytest

from archive.extract.dates import find_dates

CASES = [
    ("The ministers met in Astana on 14 March 2024.", None, [("on 14 March 2024", "2024-03-14", False)]),
    ("The talks were held on June 5, 2023 in Beijing.", None, [("on June 5, 2023", "2023-06-05", False)]),
    ("The President arrived in Tashkent on 9 May.", "2024-05-10", [("on 9 May", "2024-05-09", False)]),
    ("The leaders spoke by phone on Monday.", "2024-04-20", [("on Monday", "2024-04-15", True)]),
    ("The leaders spoke by phone on Monday.", None, [("on Monday", None, True)]),
    ("Today the sides signed a joint statement.", "2024-04-20", [("Today", "2024-04-20", True)]),
    ("The format was launched in 2015.", None, [("in 2015", None, False)]),
    ("Trade grew by 12 percent to $3 billion.", "2024-04-20", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_find_dates(text, published, expected):
    got = [(text[d.start:d.end], d.date, d.relative) for d in find_dates(text, "en", published)]
    assert got == expected
