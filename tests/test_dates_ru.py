"""Russian date mentions (own sentences)."""
import pytest

from archive.extract.dates import find_dates

CASES = [
    ("3 июня 2024 года в Астане прошли переговоры.", None, [("3 июня 2024 года", "2024-06-03", False)]),
    ("25 апреля министры провели встречу.", "2023-05-02", [("25 апреля", "2023-04-25", False)]),
    ("В понедельник президент принял посла.", "2024-04-20", [("В понедельник", "2024-04-15", True)]),
    ("В субботу стороны подписали план.", "2024-04-20", [("В субботу", "2024-04-20", True)]),
    ("Сегодня состоялся телефонный разговор.", "2024-04-20", [("Сегодня", "2024-04-20", True)]),
    ("Вчера делегация прибыла в Ташкент.", None, [("Вчера", None, True)]),
    ("Соглашение заключено 12.03.2024 в Москве.", None, [("12.03.2024", "2024-03-12", False)]),
    ("Программа рассчитана на 2025–2027 годы.", None, [("на 2025–2027 годы", None, False)]),
    ("Товарооборот вырос на 31 процент.", "2024-04-20", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_find_dates(text, published, expected):
    got = [(text[d.start:d.end], d.date, d.relative) for d in find_dates(text, "ru", published)]
    assert got == expected
