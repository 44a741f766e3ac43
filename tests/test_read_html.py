"""Saved web pages: main text without navigation, title, date, site name and canonical URL."""
from __future__ import annotations

import pytest

from archive.read.html import article_from_html
from archive.read.text import ReadError

PAGE = """<!DOCTYPE html><html lang="{lang}"><head><title>{title} | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T09:30:00+05:00">
<link rel="canonical" href="https://news.example/{lang}/article-1"></head>
<body><header><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About us</a></nav></header>
<main><article><h1>{title}</h1>{paragraphs}</article></main>
<footer>All rights reserved. Subscribe to our newsletter.</footer></body></html>"""

CASES = [
    ("kk", "Премьер-министр Бейжіңде кездесу өткізді", "2023-10-05", [
        "Қазақстан Республикасының Премьер-министрі Әлихан Смайылов Қытай Халық Республикасының "
        "Мемлекеттік кеңесінің Премьері Ли Цянмен кездесті.",
        "Тараптар көлік-логистика және энергетика салаларындағы ынтымақтастықты талқылады.",
    ]),
    ("ru", "Министр иностранных дел провел переговоры", "2024-02-20", [
        "Министр иностранных дел Казахстана провел переговоры с министром иностранных дел Венгрии "
        "в Астане.",
        "Стороны обсудили расширение прямого авиасообщения и сотрудничество в сфере образования.",
    ]),
    ("en", "Foreign Minister holds talks in Astana", "2024-06-11", [
        "The Minister of Foreign Affairs of Kazakhstan held talks with the Foreign Minister of Japan "
        "in Astana on Tuesday.",
        "The ministers discussed trade, transport corridors and cooperation in critical minerals.",
    ]),
]


@pytest.mark.parametrize(("lang", "title", "date", "paragraphs"), CASES)
def test_main_text_and_metadata(lang: str, title: str, date: str, paragraphs: list[str]) -> None:
    html = PAGE.format(lang=lang, title=title, date=date,
                       paragraphs="".join(f"<p>{p}</p>" for p in paragraphs))
    raw = article_from_html(html, "page", "page.html")
    assert raw.title == title
    assert raw.published == date
    assert raw.outlet == "Example News"
    assert raw.url == f"https://news.example/{lang}/article-1"
    for p in paragraphs:
        assert p in raw.body
    assert "Home" not in raw.body and "newsletter" not in raw.body and title not in raw.body.split("\n")[0]


def test_page_metadata_wins_over_defaults() -> None:
    html = PAGE.format(lang="en", title=CASES[2][1], date="2024-06-11",
                       paragraphs="".join(f"<p>{p}</p>" for p in CASES[2][3]))
    raw = article_from_html(html, "p", defaults={"published": "2000-01-01", "outlet": "X", "language": "en"})
    assert (raw.published, raw.outlet, raw.language) == ("2024-06-11", "Example News", "en")


@pytest.mark.parametrize("html", ["", "<html><body></body></html>", "<html><head><title>T</title></head><body> </body></html>"])
def test_pages_without_text_are_read_errors(html: str) -> None:
    with pytest.raises(ReadError, match="no article text|cannot parse"):
        article_from_html(html, "p")
