"""Reading text articles: front matter, body offsets, clear errors."""
from pathlib import Path

import pytest

from archive.read.text import ReadError, article_from_text, read_text_file


def test_front_matter_and_body_offsets() -> None:
    text = "---\nurl: https://example.kz/a\npublished: 2024-03-12\noutlet: Example\ntitle: Тақырып\n---\nБірінші сөйлем."
    raw = article_from_text(text, "a")
    assert raw.body == "Бірінші сөйлем."
    assert (raw.url, raw.published, raw.outlet, raw.title) == ("https://example.kz/a", "2024-03-12", "Example", "Тақырып")


def test_no_front_matter_keeps_text() -> None:
    raw = article_from_text("Мәтін --- емес.\n", "b")
    assert raw.body == "Мәтін --- емес.\n" and raw.published is None


@pytest.mark.parametrize(("text", "reason"), [
    ("", "empty"),
    ("   \n", "empty"),
    ("---\ntitle: x\n---\n", "empty"),
    ("---\ntitle: [unclosed\n---\nМәтін.", "malformed front matter"),
    ("---\n- a\n- b\n---\nМәтін.", "malformed front matter"),
    ("---\npublished: 2024-13-40\n---\nМәтін.", "published"),
    ("---\npublished: yesterday\n---\nМәтін.", "not a date"),
])
def test_bad_articles(text: str, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        article_from_text(text, "x")


def test_not_utf8(tmp_path: Path) -> None:
    p = tmp_path / "cp1251.txt"
    p.write_bytes("Премьер-министр".encode("cp1251"))
    with pytest.raises(ReadError, match="not UTF-8"):
        read_text_file(p)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read"):
        read_text_file(tmp_path / "absent.txt")
