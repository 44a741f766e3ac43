"""Reading saved web pages: the main text, title, date and site name, extracted with trafilatura.

Nothing is fetched: trafilatura only parses the HTML it is given.
"""
from __future__ import annotations

import re
from typing import Any

from archive.read.text import RawArticle, ReadError, iso_date

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_CANONICAL = re.compile(r"""<link[^>]+rel=["']?canonical["']?[^>]*>""", re.I)
_HREF = re.compile(r"""href=["']([^"']+)["']""", re.I)
_OG_URL = re.compile(r"""<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']""", re.I)


def _canonical_url(html: str) -> str | None:
    head = html[:20000]
    m = _CANONICAL.search(head)
    if m:
        href = _HREF.search(m.group(0))
        if href and href.group(1).startswith(("http://", "https://")):
            return href.group(1)
    m = _OG_URL.search(head)
    return m.group(1) if m and m.group(1).startswith(("http://", "https://")) else None


def _strip_title(text: str, title: str | None) -> str:
    """trafilatura may repeat the headline as the first line of the text; keep the body only."""
    if title:
        first, _, rest = text.partition("\n")
        if first.strip().casefold() == title.strip().casefold() and rest.strip():
            return rest.lstrip("\n")
    return text


def article_from_html(html: str, id: str, source: str = "-",
                      defaults: dict[str, Any] | None = None) -> RawArticle:
    """The article in a saved web page; metadata found in the page wins over ``defaults``."""
    import trafilatura  # lazy: only HTML input pays for it

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as e:  # noqa: BLE001 - a parser failure is a bad input, not a crash
        raise ReadError(f"cannot parse the HTML page: {e}") from None
    keys = ("text", "title", "date", "sitename", "url")
    fields = doc if isinstance(doc, dict) else {k: getattr(doc, k, None) for k in keys}  # 1.x gave a dict
    text = (fields.get("text") or "").strip()
    if not text:
        raise ReadError("no article text found in the HTML page")
    title = fields.get("title") or None
    found: dict[str, Any] = {
        "title": title,
        "published": fields.get("date") or None,
        "outlet": fields.get("sitename") or None,
        "url": fields.get("url") or _canonical_url(html),
    }
    meta = {**(defaults or {}), **{k: v for k, v in found.items() if v}}
    try:
        published = iso_date(meta.get("published"))
    except ReadError:
        published = None          # an odd date in a page is not a reason to drop the article
    language = meta.get("language")
    return RawArticle(
        id=id, body=_strip_title(text, title) + "\n", source=source, url=meta.get("url"),
        published=published, outlet=meta.get("outlet"), title=meta.get("title"),
        language=str(language).lower() if language else None,
    )
