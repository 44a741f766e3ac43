"""Reading plain-text articles: UTF-8, optional YAML front matter."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
# "---" on the first line, then a `key:` line: front matter, even when its closing line is missing
UNCLOSED = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?:[ \t]*\r?\n)*[A-Za-z_][\w-]*[ \t]*:")
META_KEYS = ("url", "published", "outlet", "title", "language")


class ReadError(Exception):
    """An article that cannot be read; the message names the reason (the caller adds the file)."""


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as read: the body (offsets count from its first character) and its metadata."""
    id: str
    body: str
    source: str = "-"               # file path, "path:line" for JSON Lines, "-" for stdin
    url: str | None = None
    published: str | None = None    # YYYY-MM-DD
    outlet: str | None = None
    title: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


def iso_date(value: Any) -> str | None:
    """A front-matter date (date, datetime or string) as YYYY-MM-DD; ReadError when it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        raise ReadError(f"published: not a date: {s!r}")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError as e:
        raise ReadError(f"published: {e}: {s!r}") from None


@cache
def _loader() -> type:
    """A safe YAML loader that leaves dates as text (we check them ourselves, with a clear error)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(metadata, body). The body starts right after the closing `---` line."""
    m = FRONT_MATTER.match(text)
    if not m:
        if UNCLOSED.match(text):
            raise ReadError("front matter is not closed: the `---` on line 1 has no closing `---` line")
        return {}, text.lstrip("\ufeff")
    import yaml  # lazy: only articles with front matter pay for it

    try:
        meta = yaml.load(m.group(1), Loader=_loader()) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ReadError(f"malformed front matter{where}: {getattr(e, 'problem', None) or e}") from None
    if not isinstance(meta, dict):
        raise ReadError("malformed front matter: expected `key: value` lines")
    return meta, text[m.end():]


def article_from_text(text: str, id: str, source: str = "-", defaults: dict[str, Any] | None = None) -> RawArticle:
    meta, body = split_front_matter(text)
    merged = {**(defaults or {}), **{k: v for k, v in meta.items() if v is not None}}
    if not body.strip():
        raise ReadError("empty article: no text after the front matter" if meta else "empty article")
    def s(key: str) -> str | None:
        v = merged.get(key)
        return None if v is None else str(v).strip() or None
    language = s("language")
    return RawArticle(
        id=id, body=body, source=source, url=s("url"), published=iso_date(merged.get("published")),
        outlet=s("outlet"), title=s("title"), language=language.lower() if language else None,
        extra={k: v for k, v in meta.items() if k not in META_KEYS},
    )


def read_text_file(path: Path) -> RawArticle:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ReadError(f"not UTF-8 (byte {e.start})") from None
    return article_from_text(text, id=path.stem, source=str(path))
