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
from typing import Any

from archive.extract.lexicon import lexicon

DAY = r"(?P<day>[0-3]?\d)"
YEAR = r"(?P<year>(?:19|20)\d{2})"
YEAR2 = r"(?P<year2>(?:19|20)\d{2}|\d{2})"
MNUM = r"(?P<mnum>[01]?\d)"
FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int                      # body offsets of the whole date expression
    date: str | None              # YYYY-MM-DD when fixed
    relative: bool                # today / yesterday / a weekday


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    kind: str                     # date | month | year | relative | weekday
    value: int = 0                # day offset (relative) or weekday number


def _month_group(months: dict[Any, list[str]]) -> str:
    alts = [f"(?P<m{int(num)}>{'|'.join(forms)})" for num, forms in months.items()]
    return "(?:" + "|".join(alts) + ")"


def _compile(template: str, month: str) -> re.Pattern[str]:
    body = (template.replace("{day}", DAY).replace("{month}", month).replace("{year2}", YEAR2)
            .replace("{year}", YEAR).replace("{mnum}", MNUM))
    return re.compile(rf"(?<![\w\d]){body}(?!\w)", FLAGS)


@cache
def _patterns(lang: str) -> tuple[_Pattern, ...]:
    data = lexicon(lang, "dates")
    month = _month_group(data.get("months") or {})
    out: list[_Pattern] = []
    for kind, key in (("date", "dates"), ("month", "months_only"), ("year", "years")):
        out += [_Pattern(_compile(t, month), kind) for t in data.get(key) or ()]
    for item in data.get("relative") or ():
        out.append(_Pattern(_compile(item["pattern"], month), "relative", int(item["days"])))
    for num, forms in (data.get("weekdays") or {}).items():
        out += [_Pattern(_compile(f, month), "weekday", int(num)) for f in forms]
    return tuple(out)


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _month_of(m: re.Match[str]) -> int | None:
    if m.groupdict().get("mnum"):
        return int(m["mnum"])
    for name, value in m.groupdict().items():
        if value and name[0] == "m" and name[1:].isdigit():
            return int(name[1:])
    return None


def _resolve(p: _Pattern, m: re.Match[str], pub: dt.date | None) -> str | None:
    """The ISO date a match fixes, or None."""
    if p.kind == "relative":
        return (pub + dt.timedelta(days=p.value)).isoformat() if pub else None
    if p.kind == "weekday":
        return (pub - dt.timedelta(days=(pub.weekday() - p.value) % 7)).isoformat() if pub else None
    if p.kind != "date":
        return None
    month = _month_of(m)
    year = int(m["year"]) if m.groupdict().get("year") else (pub.year if pub else None)
    if month is None or year is None:
        return None
    try:
        return dt.date(year, month, int(m["day"])).isoformat()
    except ValueError:
        return None


def _valid(p: _Pattern, m: re.Match[str]) -> bool:
    if p.kind == "date":
        day = int(m["day"])
        month = _month_of(m)
        return 1 <= day <= 31 and month is not None and 1 <= month <= 12
    return True


def find_dates(body: str, lang: str, published: str | None) -> list[DateMention]:
    """Date, weekday, today/yesterday and year mentions in `body`, in text order, non-overlapping."""
    pub = _parse_published(published)
    found: list[tuple[int, int, int, _Pattern, re.Match[str]]] = []
    for rank, p in enumerate(_patterns(lang)):
        for m in p.regex.finditer(body):
            if m.end() > m.start() and _valid(p, m):
                found.append((m.start(), -(m.end() - m.start()), rank, p, m))
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    out: list[DateMention] = []
    last_end = -1
    for start, _, _, p, m in found:
        if start < last_end:
            continue
        out.append(DateMention(start, m.end(), _resolve(p, m, pub), p.kind in ("relative", "weekday")))
        last_end = m.end()
    return out
