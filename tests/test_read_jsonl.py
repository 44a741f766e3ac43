"""JSON Lines: one article per line, errors with the line number, the other lines still read."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.read.jsonl import article_from_json_line
from archive.read.sources import ReadFailure, ReadOptions, read_sources
from archive.read.text import RawArticle, ReadError

BODY = "Президент Казахстана провел телефонный разговор с Президентом Кыргызстана."


@pytest.mark.parametrize(("obj", "expected"), [
    ({"text": BODY}, (BODY, None, None, None, None)),
    ({"body": BODY, "url": "https://x.example/1", "published": "2024-03-01T10:00:00Z", "title": "T",
      "outlet": "Kazinform", "language": "RU"}, (BODY, "https://x.example/1", "2024-03-01", "Kazinform", "ru")),
    ({"text": BODY, "published": "", "outlet": None, "tags": ["a"]}, (BODY, None, None, None, None)),
])
def test_good_lines(obj: dict, expected: tuple) -> None:
    raw = article_from_json_line(json.dumps(obj, ensure_ascii=False), "f:1", "f.jsonl:1")
    assert (raw.body, raw.url, raw.published, raw.outlet, raw.language) == expected


@pytest.mark.parametrize(("line", "reason"), [
    ('{"text": "unterminated', "malformed JSON line"),
    ("[1, 2]", "expected an object"),
    ('{"title": "no body"}', "no `text` or `body`"),
    ('{"text": 42}', "not a string"),
    ('{"text": "   "}', "empty article"),
    ('{"text": "x", "published": "soon"}', "not a date"),
])
def test_bad_lines(line: str, reason: str) -> None:
    with pytest.raises(ReadError, match=reason.replace("`", ".")):
        article_from_json_line(line, "f:1", "f.jsonl:1")


def test_file_reports_each_bad_line_and_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": BODY + " 1"}, ensure_ascii=False), "", "{oops",
             json.dumps({"text": BODY + " 2", "url": "https://x.example/2"}, ensure_ascii=False),
             "x" * 300]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = list(read_sources([str(path)], ReadOptions(max_bytes=200)))
    assert [type(x).__name__ for x in got] == ["RawArticle", "ReadFailure", "RawArticle", "ReadFailure"]
    first, bad, second, big = got
    assert isinstance(first, RawArticle) and first.source == f"{path}:1" and first.id == "feed:1"
    assert isinstance(bad, ReadFailure) and bad.where == f"{path}:3" and "malformed" in bad.reason
    assert isinstance(second, RawArticle) and second.url == "https://x.example/2" and second.source == f"{path}:4"
    assert isinstance(big, ReadFailure) and big.where == f"{path}:5" and "--max-bytes" in big.reason


def test_non_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(json.dumps({"text": "Привет"}, ensure_ascii=False).encode("cp1251") + b"\n")
    [failure] = list(read_sources([str(path)]))
    assert isinstance(failure, ReadFailure) and failure.where == f"{path}:1" and "cp1251" in failure.reason
