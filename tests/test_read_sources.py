"""Walking PATHs: folders, --glob, stdin, dispatch by suffix, size limits and encoding sniffing."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from archive.read.sources import (
    ReadFailure,
    ReadOptions,
    describe_undecodable,
    expand,
    kind_of,
    read_sources,
)
from archive.read.text import RawArticle

KK = "Премьер-министр Олжас Бектенов Беларусь елшісімен кездесті.\n"
RU = "Премьер-министр Казахстана встретился с послом Беларуси в Астане.\n"


def items(paths: list[str], **options) -> list[RawArticle | ReadFailure]:
    return list(read_sources(paths, ReadOptions(**options)))


@pytest.mark.parametrize(("data", "expected"), [
    ("Привет, мир. Премьер-министр".encode("cp1251"), "Windows-1251"),
    ("Премьер-министр Казахстана".encode("utf-16"), "UTF-16"),             # with a BOM
    ("Premier-ministr Kazakhstana".encode("utf-16-le"), "UTF-16"),          # no BOM, zero bytes
    ("Премьер-министр Казахстана встретился".encode("utf-16-le"), "UTF-16 LE (no byte order mark)"),
    ("Президент Тоқаев Қытай елшісін қабылдады. Тараптар".encode("utf-16-le"), "UTF-16 LE"),
    ("Президент Тоқаев Қытай елшісін қабылдады".encode("utf-16-be"), "UTF-16 BE"),
    ("ПремьерМинистр".encode("utf-16-le"), "UTF-16 LE"),                      # not a single zero byte
    (bytes(range(256)) * 4, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("café".encode("latin-1") + b" text", "not UTF-8"),
])
def test_undecodable_files_say_what_they_look_like(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    [failure] = items([str(path)])
    assert isinstance(failure, ReadFailure) and failure.where == str(path)
    assert expected in failure.reason
    assert expected in describe_undecodable(data)


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "empty"),
    ("blank.md", b"  \n\n", "empty article"),
    ("bad.txt", b"---\ntitle: [x\n---\nText.", "malformed front matter"),
    ("open.txt", b"---\nurl: https://example.kz/a\ntitle: A\nText of the article.\n", "front matter is not closed"),
    ("page.html", b"<html><head><title>Only a title</title></head><body></body></html>", "no article text"),
])
def test_bad_files_are_failures_not_exceptions(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    [failure] = items([str(tmp_path / name)])
    assert isinstance(failure, ReadFailure) and reason in failure.reason


def test_missing_path_and_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(KK * 100, encoding="utf-8")
    missing, too_big = items([str(tmp_path / "nope.txt"), str(big)], max_bytes=1000)
    assert isinstance(missing, ReadFailure) and "cannot read" in missing.reason
    assert isinstance(too_big, ReadFailure) and "--max-bytes" in too_big.reason


def test_folders_are_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    for rel in ("b/2.txt", "b/1.md", "a.txt", "c.html", "notes.pdf", ".hidden.txt", "README.md", "d/e.jsonl"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(KK, encoding="utf-8")
    names = [Path(p).relative_to(tmp_path).as_posix() for p in expand([str(tmp_path)])]
    assert names == ["a.txt", "b/1.md", "b/2.txt", "c.html", "d/e.jsonl"]
    assert [Path(p).name for p in expand([str(tmp_path)], "*.txt")] == ["a.txt", "2.txt"]
    assert [Path(p).name for p in expand([str(tmp_path)], "b/*")] == ["1.md", "2.txt"]
    assert list(expand([str(tmp_path / "README.md")])) == [tmp_path / "README.md"]   # named: read


@pytest.mark.parametrize(("name", "head", "kind"), [
    ("a.txt", b"", "text"), ("a.MD", b"", "text"), ("a.htm", b"", "html"), ("a.HTML", b"", "html"),
    ("a.jsonl", b"", "jsonl"), ("a.ndjson", b"", "jsonl"),
    ("-", b'{"text": "x"}', "jsonl"), ("-", b"<!DOCTYPE html><html>", "html"), ("-", b"---\ntitle: x", "text"),
    ("-", "Мәтін".encode(), "text"),
])
def test_kind_by_suffix_or_content(name: str, head: bytes, kind: str) -> None:
    assert kind_of(name, head) == kind


@pytest.mark.parametrize(("data", "expected_id", "expected_body"), [
    (KK.encode(), "stdin", KK),
    (b'{"text": "' + RU.strip().encode() + b'"}\n', "stdin:1", RU.strip()),
])
def test_stdin(data: bytes, expected_id: str, expected_body: str) -> None:
    [raw] = list(read_sources(["-"], ReadOptions(), stdin=io.BytesIO(data)))
    assert isinstance(raw, RawArticle) and raw.id == expected_id and raw.body == expected_body


@pytest.mark.parametrize(("force", "expected"), [
    (False, ("2024-01-02", "File Outlet", "kk")),
    (True, ("2025-05-05", "Cli Outlet", "kk")),
])
def test_command_line_metadata_fills_gaps_unless_forced(tmp_path: Path, force: bool, expected: tuple) -> None:
    (tmp_path / "a.txt").write_text("---\npublished: 2024-01-02\noutlet: File Outlet\n---\n" + KK, encoding="utf-8")
    [raw] = items([str(tmp_path / "a.txt")], force_meta=force,
                  meta={"published": "2025-05-05", "outlet": "Cli Outlet", "language": "kk"})
    assert (raw.published, raw.outlet, raw.language) == expected


def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("\ufeff".encode() + RU.encode())
    [raw] = items([str(tmp_path / "a.txt")])
    assert isinstance(raw, RawArticle) and raw.body == RU


def test_symbolic_link_loops_and_broken_links_are_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(KK, encoding="utf-8")
    (tmp_path / "sub" / "back").symlink_to("..")
    (tmp_path / "other").symlink_to(tmp_path / "sub")           # a link to a folder is searched once
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    found = items([str(tmp_path)])
    failures = {Path(f.where).name: f.reason for f in found if isinstance(f, ReadFailure)}
    assert "symbolic link loop" in failures.pop("back")
    assert "broken symbolic link" in failures.pop("gone.txt")
    assert not failures
    assert sorted(Path(a.source).parent.name for a in found if isinstance(a, RawArticle)) == ["other", "sub"]


def test_a_text_starting_with_a_rule_is_no_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\nПрезидент Тоқаев Астанада кездесті.\n", encoding="utf-8")
    [article] = items([str(tmp_path / "a.txt")])
    assert isinstance(article, RawArticle) and article.body.startswith("---")
