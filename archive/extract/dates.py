"""Dates in an article body: full dates, year-less dates, weekdays, "today"/"yesterday", years.

The mechanism is shared; the words come from `<lang>/data/dates.yaml`:

- ``months``: month number → regex forms of its name;
- ``dates``: full-date patterns with the placeholders ``{day}``, ``{month}``, ``{mnum}``, ``{year}``;
- ``months_only``: a month and a year with no day (mention with date None);
- ``years``: years and year ranges ("2024–2025 годы", "2030 жылға қарай", "in 2015"), date None;
- ``relative``: words for today / yesterday / tomorrow with their day offsets;
- ``weekdays``: weekday number (0 = Monday) → regex forms ("в понедельник", "on Monday").

Relative mentions resolve against `published`: the day offset for "today"/"yesterday", the most
recent such weekday on or before it for weekdays; without `published` their date is None. A date
without a year takes the year of `published` (None when there is no `published`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from archive.extract.lexicon import lexicon

FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int                      # body offsets of the whole date expression
    date: str | None              # YYYY-MM-DD when fixed
    relative: bool                # today / yesterday / a weekday


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str                     # date | month | year | relative | weekday
    value: int = 0                # day offset (relative) or weekday number


@dataclass(frozen=True, slots=True)
class _Grammar:
    regex: re.Pattern[str]        # all patterns as one alternation; group k<i> is pattern i
    patterns: tuple[_Pattern, ...]
    months: tuple[tuple[int, re.Pattern[str]], ...]   # month number, its name forms


def _expand(template: str, month: str, i: int) -> str:
    """A pattern with its placeholders as groups named for pattern `i` (names must be unique)."""
    body = (template.replace("{day}", rf"(?P<day_{i}>[0-3]?\d)").replace("{month}", rf"(?P<month_{i}>{month})")
            .replace("{year2}", rf"(?P<yeartwo_{i}>(?:19|20)\d{{2}}|\d{{2}})")
            .replace("{year}", rf"(?P<year_{i}>(?:19|20)\d{{2}})").replace("{mnum}", rf"(?P<mnum_{i}>[01]?\d)"))
    return rf"(?P<k{i}>{body})"


@cache
def _grammar(lang: str) -> _Grammar:
    data = lexicon(lang, "dates")
    months = data.get("months") or {}
    month = "|".join(f for forms in months.values() for f in forms)
    items: list[tuple[str, _Pattern]] = []
    for kind, key in (("date", "dates"), ("month", "months_only"), ("year", "years")):
        items += [(t, _Pattern(kind)) for t in data.get(key) or ()]
    items += [(r["pattern"], _Pattern("relative", int(r["days"]))) for r in data.get("relative") or ()]
    for num, forms in (data.get("weekdays") or {}).items():
        items += [(f, _Pattern("weekday", int(num))) for f in forms]
    alts = "|".join(_expand(t, month, i) for i, (t, _) in enumerate(items))
    # (?=\w): every pattern opens with a word; a run of blanked chrome costs one test a character
    regex = re.compile(rf"(?<!\w)(?=\w)(?:{alts})(?!\w)", FLAGS)
    names = tuple((int(n), re.compile(f"(?:{'|'.join(forms)})", FLAGS)) for n, forms in months.items())
    return _Grammar(regex, tuple(p for _, p in items), names)


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _group(m: re.Match[str], name: str, i: int) -> str | None:
    return m.group(f"{name}_{i}") if f"{name}_{i}" in m.re.groupindex else None


def _month_of(m: re.Match[str], i: int, g: _Grammar) -> int | None:
    if _group(m, "mnum", i):
        return int(m.group(f"mnum_{i}"))
    name = _group(m, "month", i)
    if name:
        for num, rx in g.months:
            if rx.fullmatch(name):
                return num
    return None


def _resolve(p: _Pattern, m: re.Match[str], i: int, g: _Grammar, pub: dt.date | None) -> str | None:
    """The ISO date a match fixes, or None."""
    if p.kind == "relative":
        return (pub + dt.timedelta(days=p.value)).isoformat() if pub else None
    if p.kind == "weekday":
        return (pub - dt.timedelta(days=(pub.weekday() - p.value) % 7)).isoformat() if pub else None
    if p.kind != "date":
        return None
    month, day, year = _month_of(m, i, g), _group(m, "day", i), _group(m, "year", i)
    y = int(year) if year else (pub.year if pub else None)
    if month is None or y is None or day is None:
        return None
    try:
        return dt.date(y, month, int(day)).isoformat()
    except ValueError:
        return None


# A full date in a URL: …/2023/06/09/…, …/20241203/…, …/2022-07-21/…, …-20220322190547 (a timestamp).
URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([-/_]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?:\d{6})?(?!\d)")
# An ISO date opening the page text, alone or after one label word ("date 2025-11-13 …").
LEADING_DATE = re.compile(r"\A\s*(?:[A-Za-z]+:?\s+)?((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")


def page_date(body: str, url: str | None) -> str | None:
    """The publication date a page gives outside its metadata: an ISO date opening the text, else a
    full date in its URL (when the metadata and the dateline give none)."""
    m = LEADING_DATE.match(body)
    found = [m.groups()] if m else [u.group(1, 3, 4) for u in URL_DATE.finditer(url or "")]
    for y, mo, d in found:
        try:
            return dt.date(int(y), int(mo), int(d)).isoformat()
        except ValueError:
            continue
    return None


def find_dates(body: str, lang: str, published: str | None) -> list[DateMention]:
    """Date, weekday, today/yesterday and year mentions in `body`, in text order, non-overlapping.

    At each place the first pattern of the data file that matches wins (full dates before years)."""
    pub = _parse_published(published)
    g = _grammar(lang)
    out: list[DateMention] = []
    for m in g.regex.finditer(body):
        i = int(m.lastgroup[1:]) if m.lastgroup else -1
        if i < 0 or m.end() == m.start():
            continue
        p = g.patterns[i]
        if p.kind == "date":
            day, month = _group(m, "day", i), _month_of(m, i, g)
            if day is None or not 1 <= int(day) <= 31 or month is None or not 1 <= month <= 12:
                continue
        out.append(DateMention(m.start(), m.end(), _resolve(p, m, i, g, pub), p.kind in ("relative", "weekday")))
    return out
