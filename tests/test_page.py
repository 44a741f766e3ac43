"""Reading a page: chrome is blanked (offsets kept), hard wraps joined, date lines read."""
import pytest

from archive.extract.page import read_page

CHROME = [
    ("kk", "Фото: Ақорданың баспасөз қызметі"),
    ("ru", "Фото: пресс-служба МИД"),
    ("en", "Photo: Prime Minister's Office"),
    ("kk", "14:35"),
    ("ru", "USD 478.10"),
    ("kk", "-12°"),
    ("ru", "Экономика"),
    ("kk", "ашық дереккөзі"),
    ("ru", "Читайте также: новости региона"),
    ("en", "Read more: the ministers' agenda"),
    ("kk", "Бөлісу:"),
    ("kk", "12.03.2024, 10:15 2140"),
    ("kk", "15 Наурыз, 09:40 812"),
    ("ru", "Сюжет: визиты"),
    ("kk", "Айгүл Серікқызы"),
]


@pytest.mark.parametrize(("lang", "line"), CHROME)
def test_chrome_lines_are_blanked(lang: str, line: str) -> None:
    body = f"{line}\nПрезидент кездесті. Тараптар сауданы талқылады."
    page = read_page(body, lang)
    assert len(page.text) == len(body)
    assert page.text[: len(line)].strip() == ""
    assert page.text[len(line):] == body[len(line):]


@pytest.mark.parametrize(("lang", "line"), [
    ("kk", "Мемлекет басшысы Өзбекстан Президентімен телефон арқылы сөйлесті"),   # a headline
    ("ru", "Премьер-министр встретился с послом Японии"),
    ("en", "He said trade grew by 12 percent."),
    ("ru", "Касым-Жомарт Токаев провел переговоры."),
])
def test_headlines_and_sentences_stay(lang: str, line: str) -> None:
    body = f"{line}\nТекст статьи идёт дальше."
    assert read_page(body, lang).text == body


def test_a_repeated_headline_is_chrome_the_first_stays() -> None:
    body = "Тоқаев Грузия Премьер-министрін қабылдады\n\nТоқаев Грузия Премьер-министрін қабылдады\nМәтін."
    page = read_page(body, "kk")
    first = body.index("\n")
    assert page.text[:first] == body[:first]
    second = body.index("Тоқаев", first)
    assert page.text[second:second + 6] == "      "


def test_hard_wraps_are_joined() -> None:
    body = ("Мемлекет басшысы Ақордада Қырғызстан Республикасының Президенті Садыр\n"
            "Жапаровты қабылдады. Кездесуде екі ел арасындағы ынтымақтастыққа Қасым-Жомарт\n"
            "Тоқаев тоқталып, сауда-экономикалық байланыстардың маңызын атап өтті, ал Садыр\n"
            "Жапаров көлік жобаларын ұсынды.\n"
            "Тараптар сауданы\nталқылады.")
    page = read_page(body, "kk")
    assert len(page.text) == len(body)
    for whole in ("Садыр Жапаровты", "Қасым-Жомарт Тоқаев", "Садыр Жапаров көлік", "сауданы талқылады"):
        assert whole in page.text


def test_a_lone_headline_is_not_joined_to_the_lead() -> None:
    body = "Мемлекет басшысы Өзбекстан Президентімен телефон арқылы сөйлесті\nҚасым-Жомарт Тоқаев сөйлесті."
    assert read_page(body, "kk").text == body


@pytest.mark.parametrize(("lang", "first", "date"), [
    ("kk", "date 2025-11-13 Орал қаласында форум өтті.", "2025-11-13"),
    ("kk", "10:00, 15 Шілде 2009 | GMT +5", "2009-07-15"),
    ("kk", "21.12.2023, 14:00 105", "2023-12-21"),
    ("ru", "12 марта 2024, 18:03", "2024-03-12"),
    ("kk", "Жұма, 19 Сәуір 2024", None),              # the site's "today", not the article's date
    ("en", "The talks were held on 12 March 2024.", None),
])
def test_date_lines(lang: str, first: str, date: str | None) -> None:
    assert read_page(first + "\nМәтін мәтін мәтін.", lang).date == date


def test_a_caption_credited_to_an_outlet_is_chrome() -> None:
    body = "Министр во время встречи в Москве с коллегой - Sputnik Кыргызстан\nГлавы МИД провели переговоры."
    page = read_page(body, "ru")
    assert page.text.startswith(" " * 20) and page.text.endswith("Главы МИД провели переговоры.")


def test_a_bracketed_credit_of_an_outlet_is_chrome() -> None:
    caption = "The two presidents shake hands before the talks in Astana, May 3, 2024."
    body = caption + " (Xinhua/Ma Lin)\nThe talks went on.\nTrade grew (Kazakhstan/Russia)"
    page = read_page(body, "en")
    assert page.text.startswith(caption + " " * len(" (Xinhua/Ma Lin)"))
    assert page.text.endswith("Trade grew (Kazakhstan/Russia)")        # no outlet: no credit


def test_teasers_of_other_articles_are_chrome() -> None:
    body = ("Мемлекет басшысы Бакуге ресми сапармен барды.\nЖаңа мектептер ашылды\nБілім • Бүгін, 09:50\n"
            "Ғалымдар форумы өтті\nҒылым • Кеше, 18:05\n")
    page = read_page(body, "kk")
    assert page.text.startswith("Мемлекет басшысы Бакуге ресми сапармен барды.\n")
    assert not page.text[len("Мемлекет басшысы Бакуге ресми сапармен барды.\n"):].strip()
