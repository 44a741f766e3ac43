"""Where articles come from: files, folders (recursive, sorted, ``--glob``) and ``-`` for stdin.

    for item in read_sources(["corpus/", "extra.jsonl", "-"], ReadOptions()):
        if isinstance(item, ReadFailure): report(item.where, item.reason)
        else: import(item)                         # a RawArticle

Files are dispatched by suffix: ``.txt``/``.md`` (UTF-8 text, optional YAML front matter),
``.html``/``.htm`` (saved web pages), ``.jsonl`` (one article per line). A file that is not UTF-8 is
refused with a guess at what it is (UTF-16, Windows-1251, binary), so the user knows how to convert it.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from archive.read.html import HTML_SUFFIXES, article_from_html
from archive.read.jsonl import JSONL_SUFFIXES, article_from_json_line
from archive.read.text import RawArticle, ReadError, article_from_text

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 5_000_000     # per article (per line for JSON Lines); seed articles are ~3 KB
STDIN = "-"
# A folder's own documentation is not an article (a file named explicitly is always read).
NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice", "authors"})
_CYRILLIC_CP1251 = frozenset(range(0xC0, 0x100)) | {0xA8, 0xB8, 0xAA, 0xBA, 0xAF, 0xBF, 0xB2, 0xB3}


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """An input that could not be read: ``where`` is the path (``path:line`` for JSON Lines)."""
    where: str
    reason: str


@dataclass(frozen=True)
class ReadOptions:
    glob: str | None = None                 # folders: only files whose name (or relative path) matches
    max_bytes: int = DEFAULT_MAX_BYTES
    meta: dict[str, Any] = field(default_factory=dict)   # --published/--outlet/--language
    force_meta: bool = False                # command-line metadata overrides the file's


def describe_undecodable(data: bytes) -> str:
    """Why ``data`` is not UTF-8 text, with a guess at what it is."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "not UTF-8: looks like UTF-16 (has a UTF-16 byte order mark); convert it to UTF-8"
    if order := _utf16_order(head):
        return f"not UTF-8: looks like UTF-16 {order} (no byte order mark); convert it to UTF-8"
    if head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if max(even, odd) > len(head) // 4 and min(even, odd) < max(even, odd) // 4:
            return "not UTF-8: looks like UTF-16 (every other byte is zero); convert it to UTF-8"
        if b"\x00" in head:
            return "binary file, not text"
        controls = sum(1 for b in head if b < 9 or 13 < b < 32)
        if controls > len(head) // 20:
            return "binary file, not text"
    high = [b for b in data[:65536] if b >= 0x80]
    if high and sum(1 for b in high if b in _CYRILLIC_CP1251) >= 0.9 * len(high):
        return "not UTF-8: looks like Windows-1251 (cp1251) Cyrillic; convert it to UTF-8"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"not UTF-8 (invalid byte at offset {e.start})"
    return "not text"


def _utf16_order(head: bytes) -> str | None:
    """"LE" or "BE" when ``head`` reads as text in that UTF-16 byte order: nearly every character a
    letter, digit, space or punctuation of the Latin or Cyrillic alphabets (Kazakh included). Cyrillic
    UTF-16 has no zero bytes to give it away: "А" is 10 04."""
    head = head[: len(head) // 2 * 2]
    if len(head) < 8:
        return None
    for order, codec in (("LE", "utf-16-le"), ("BE", "utf-16-be")):
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            continue
        plain = sum(1 for c in text if c in "\n\r\t" or (c.isprintable() and (
            ord(c) < 0x250 or 0x400 <= ord(c) < 0x530 or 0x2000 <= ord(c) < 0x2070)))
        if plain >= 0.95 * len(text) and (b"\x00" in head or any(not c.isascii() for c in text)):
            return order
    return None


def decode(data: bytes) -> str:
    """UTF-8 text (a BOM is allowed); ReadError with a useful guess otherwise."""
    if not data:
        raise ReadError("empty file")
    if b"\x00" in data[:4096] or data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_order(data[:4096]):
        raise ReadError(describe_undecodable(data))     # UTF-16 Cyrillic can pass for UTF-8 controls
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ReadError(describe_undecodable(data)) from None


def kind_of(name: str, head: bytes = b"") -> str:
    """"text", "html" or "jsonl" by suffix; for stdin and unknown suffixes, by the first bytes."""
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        return "html"
    return "text"


def expand(paths: Iterable[str], glob: str | None = None) -> Iterator[str | Path | ReadFailure]:
    """Files in order: folders searched recursively (sorted; supported suffixes, or ``glob``; hidden
    files and README/LICENSE-like files skipped). Symbolic links are followed; a link back to a folder
    already being searched (a loop) and a broken link are reported as failures."""
    for p in paths:
        if p == STDIN:
            yield STDIN
            continue
        path = Path(p)
        if path.is_dir():
            yield from _walk(path, path, glob, set())
        else:
            yield path


def _walk(root: Path, folder: Path, glob: str | None, above: set[tuple[int, int]]) -> Iterator[Path | ReadFailure]:
    try:
        st = folder.stat()
        entries = sorted(folder.iterdir())
    except OSError as e:
        yield ReadFailure(str(folder), f"cannot read folder: {e.strerror or e}")
        return
    above = above | {(st.st_dev, st.st_ino)}
    for f in entries:
        rel = f.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if f.is_symlink() and not f.exists():
            yield ReadFailure(str(f), "broken symbolic link: " + _link_target(f))
            continue
        if f.is_dir():
            target = f.stat()
            if (target.st_dev, target.st_ino) in above:
                yield ReadFailure(str(f), f"symbolic link loop: leads back to {_link_target(f)}; not searched")
                continue
            yield from _walk(root, f, glob, above)
            continue
        if not f.is_file() or f.stem.casefold() in NOT_ARTICLES:
            continue
        if glob:
            if not (fnmatch.fnmatch(f.name, glob) or fnmatch.fnmatch(rel.as_posix(), glob)):
                continue
        elif f.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        yield f


def _link_target(link: Path) -> str:
    try:
        return str(link.readlink())
    except OSError:
        return "?"


def _apply_meta(raw: RawArticle, options: ReadOptions) -> RawArticle:
    if not options.force_meta:
        return raw
    forced = {k: v for k, v in options.meta.items() if v is not None}
    return dataclasses.replace(raw, **forced) if forced else raw


def _defaults(options: ReadOptions) -> dict[str, Any]:
    return {k: v for k, v in options.meta.items() if v is not None}


def _read_limited(stream: IO[bytes], limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ReadError(f"larger than --max-bytes ({limit} bytes)")
    return data


def _jsonl(stream: IO[bytes], name: str, options: ReadOptions) -> Iterator[RawArticle | ReadFailure]:
    stem = Path(name).stem if name != STDIN else "stdin"
    for lineno, line in enumerate(stream, 1):
        where = f"{name}:{lineno}"
        if not line.strip():
            continue
        try:
            if len(line) > options.max_bytes:
                raise ReadError(f"line larger than --max-bytes ({options.max_bytes} bytes)")
            text = decode(line).lstrip("\ufeff")
            raw = article_from_json_line(text, f"{stem}:{lineno}", where, _defaults(options))
            yield _apply_meta(raw, options)
        except ReadError as e:
            yield ReadFailure(where, str(e))
            if str(e).startswith(("not UTF-8: looks like UTF-16", "binary")):
                return           # the rest of the file is no better


def _whole(data: bytes, kind: str, name: str, options: ReadOptions) -> RawArticle:
    text = decode(data)
    stem = Path(name).stem if name != STDIN else "stdin"
    if kind == "html":
        raw = article_from_html(text, stem, name, _defaults(options))
    else:
        raw = article_from_text(text, stem, name, _defaults(options))
    return _apply_meta(raw, options)


def read_path(path: str | Path, options: ReadOptions,
              stdin: IO[bytes] | None = None) -> Iterator[RawArticle | ReadFailure]:
    """The articles in one file (or stdin), or why it cannot be read."""
    name = str(path)
    try:
        if path == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            if not isinstance(stream, io.BufferedReader):
                stream = io.BufferedReader(stream)  # type: ignore[arg-type]
            head = stream.peek(64)[:64]
            kind = kind_of(name, head)
            if kind == "jsonl":
                yield from _jsonl(stream, name, options)
            else:
                yield _whole(_read_limited(stream, options.max_bytes), kind, name, options)
            return
        p = Path(path)
        if p.is_dir():
            raise ReadError("is a folder")
        kind = kind_of(name)
        if kind == "jsonl":
            with p.open("rb") as f:
                yield from _jsonl(f, name, options)
            return
        size = p.stat().st_size
        if size > options.max_bytes:
            raise ReadError(f"larger than --max-bytes ({size} > {options.max_bytes} bytes)")
        data = p.read_bytes()
        if kind == "text" and p.suffix.lower() not in TEXT_SUFFIXES:
            kind = kind_of(name, data[:64])
        yield _whole(data, kind, name, options)
    except ReadError as e:
        yield ReadFailure(name, str(e))
    except OSError as e:
        yield ReadFailure(name, f"cannot read: {e.strerror or e}")


def read_sources(paths: Iterable[str], options: ReadOptions | None = None,
                 stdin: IO[bytes] | None = None) -> Iterator[RawArticle | ReadFailure]:
    """Every article under ``paths``, streamed in order; failures are yielded, not raised."""
    options = options or ReadOptions()
    for path in expand(paths, options.glob):
        if isinstance(path, ReadFailure):
            yield path
        else:
            yield from read_path(path, options, stdin)
