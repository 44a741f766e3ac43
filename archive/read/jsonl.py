"""Reading JSON Lines: one article per line.

Each line is an object with ``text`` (or ``body``) and, optionally, ``url``, ``published``, ``title``,
``outlet``, ``language``; other keys are kept as extra metadata. Blank lines are ignored.
"""
from __future__ import annotations

import json
from typing import Any

from archive.read.text import META_KEYS, RawArticle, ReadError, iso_date

JSONL_SUFFIXES = (".jsonl", ".ndjson")
BODY_KEYS = ("text", "body")


def article_from_json_line(line: str, id: str, source: str,
                           defaults: dict[str, Any] | None = None) -> RawArticle:
    """The article on one JSON line; ReadError (without the location) when the line is bad."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise ReadError(f"malformed JSON line: {e.msg} (column {e.colno})") from None
    if not isinstance(obj, dict):
        raise ReadError(f"malformed JSON line: expected an object, got {type(obj).__name__}")
    body = next((obj[k] for k in BODY_KEYS if obj.get(k) is not None), None)
    if body is None:
        raise ReadError("JSON line has no `text` or `body`")
    if not isinstance(body, str):
        raise ReadError("JSON line: `text`/`body` is not a string")
    if not body.strip():
        raise ReadError("empty article")
    merged = {**(defaults or {}), **{k: v for k, v in obj.items() if k in META_KEYS and v not in (None, "")}}

    def s(key: str) -> str | None:
        v = merged.get(key)
        return None if v is None else str(v).strip() or None

    language = s("language")
    return RawArticle(
        id=str(obj.get("id") or id), body=body, source=source, url=s("url"),
        published=iso_date(merged.get("published")), outlet=s("outlet"), title=s("title"),
        language=language.lower() if language else None,
        extra={k: v for k, v in obj.items() if k not in META_KEYS and k not in BODY_KEYS and k != "id"},
    )
