"""Reading a page as it comes off a site: page chrome, hard line wraps, date lines.

    page = read_page(body, lang)
    page.text      # the body as the later stages read it: same length, same offsets
    page.chrome    # spans of page chrome (captions, credits, bylines, tickers, menus, repeated lines)
    page.date      # a publication date printed in a date line, or None

Chrome stays in the stored body (offsets stay true) but is blanked in `page.text` (spaces; line
breaks kept), so it is never read as a statement, a participant or a claim. A hard line wrap inside
a sentence or a name ("Қасым-Жомарт⏎Тоқаев") is joined with a space, so the sentence and the name are
whole again. What counts as chrome is in `data/page.yaml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from archive.extract.dates import find_dates
from archive.extract.segment import Span
from archive.extract.trace import note

LINE = re.compile(r"[^\n]+")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
LONG_WORD = re.compile(r"[^\W\d_]{4}")
ENDS_SENTENCE = re.compile(r"[.!?…:;»\"”)]\s*$")
DATE_MARK = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")      # "date 2025-11-13" before the text
NUMERIC_DATE = re.compile(r"\A\s*(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)")
TIME = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)")
TEASER_WORDS = 12
PAREN_CREDIT = re.compile(r"\(([^()/\n]{2,40})/([^()/\n]{2,40})\)\s*$")   # "(Agency/Photographer)" ending a line
CREDIT = re.compile(r"\s[-–—]\s+([^-–—]{2,40})$")    # a caption's credit: "…, 2024 - Sputnik"
WRAP_WIDTH = 50          # a line this long that stops mid-sentence may have been wrapped by the page
WRAPPED_LINES = 3        # … and a page with this many such lines was


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    chrome: list[Span] = field(default_factory=list)
    date: str | None = None


@cache
def _data() -> dict[str, Any]:
    from archive.extract.lexicon import DATA, load_yaml

    d = load_yaml(DATA / "data" / "page.yaml") or {}
    d["prefixes"] = tuple(p.casefold() for p in d.get("prefixes") or ())
    d["lines"] = frozenset(x.casefold() for x in d.get("lines") or ())
    d["counters"] = tuple(x.casefold() for x in d.get("counters") or ())
    return d


def _norm(line: str) -> str:
    """A line's words and numbers (a paragraph that says another number is no repetition)."""
    return " ".join(re.findall(r"\w+", line.casefold()))


def read_page(body: str, lang: str) -> Page:
    d = _data()
    text = list(body)
    chrome: list[Span] = []
    seen: set[str] = set()
    page_date: str | None = None
    lines = [(m.start(), m.end()) for m in LINE.finditer(body)]
    content: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(lines):
        line = body[s:e]
        stripped = line.strip()
        if not stripped:
            continue
        mark = DATE_MARK.match(line)
        if mark:                                   # "date 2025-11-13 АСТАНА. …": the mark is chrome
            page_date = page_date or mark.group(1)
            chrome.append(Span(s, s + mark.end()))
            note("published", "a date mark opening the page", s, s + mark.end(), mark.group(1))
            s += mark.end()
            line = body[s:e]
            stripped = line.strip()
            if not stripped:
                continue
        kind, date = _chrome_kind(line, lang, d, seen, first=not content, last=i == len(lines) - 1, body=body)
        if date and not page_date:
            page_date = date
            note("published", "a date line of the page", s, e, date)
        if kind:
            chrome.append(Span(s, e))
            note("page chrome", kind, s, e)
        else:
            content.append((s, e))
            credit = PAREN_CREDIT.search(line)
            if credit and _known_outlet(credit.group(1)):
                # a caption's credit in brackets at the end of its line: "… (Agency/Photographer)"
                chrome.append(Span(s + credit.start(), s + credit.end()))
                note("page chrome", "a photo credit in brackets", s + credit.start(), s + credit.end())
        seen.add(_norm(line))
    # a teaser of another article: a headline line right above its rubric-and-time line ("Білім •
    # Бүгін, 09:50"): lists of related news at the page's foot
    teasers = []
    ticker_starts = {sp.start for sp in chrome if TIME.search(body, sp.start, sp.end)
                     and any(c in body[sp.start:sp.end] for c in "•|·")}
    for s1, e1 in content:
        nxt = body.find("\n", e1) + 1
        if nxt in ticker_starts and not ENDS_SENTENCE.search(body[s1:e1].rstrip()) \
                and len(body[s1:e1].split()) <= TEASER_WORDS:
            teasers.append(Span(s1, e1))
            note("page chrome", "a teaser: a headline above a rubric and time", s1, e1)
    if teasers:
        chrome = sorted(chrome + teasers, key=lambda sp: sp.start)
        content = [c for c in content if Span(*c) not in teasers]
    for span in chrome:
        for k in range(span.start, span.end):
            text[k] = " "
    # hard wraps: a line that stops mid-sentence, followed by its continuation on the next line. A
    # continuation in lower case always joins; one in capitals ("Қасым-Жомарт⏎Тоқаев") only on a page
    # wrapped by width (several long lines stop mid-sentence), never after a lone headline.
    pairs = [(s1, e1, s2) for (s1, e1), (s2, _) in zip(content, content[1:], strict=False)
             if body[e1:s2].count("\n") == 1 and not body[e1:s2].strip()
             and not ENDS_SENTENCE.search(body[s1:e1].rstrip())]
    long_cut = [p for p in pairs if _length(p) >= WRAP_WIDTH and body[p[1] - 1:p[1]].isalnum()]
    wrapped_page = len(long_cut) >= WRAPPED_LINES
    for s1, e1, s2 in pairs:
        if body[s2:s2 + 1].islower() or (wrapped_page and (s1, e1, s2) in long_cut):
            text[e1:s2] = " " * (s2 - e1)
            note("page wraps", "a line wrap inside a sentence read as a space", max(s1, e1 - 20), min(s2 + 20, len(body)))
    return Page("".join(text), chrome, page_date)


def _length(pair: tuple[int, int, int]) -> int:
    return pair[1] - pair[0]


def _chrome_kind(line: str, lang: str, d: dict[str, Any], seen: set[str], *, first: bool,
                 last: bool, body: str = "") -> tuple[str | None, str | None]:
    """(why the line is chrome, or None; a date it prints, or None)."""
    stripped = line.strip()
    folded = stripped.casefold()
    if folded.startswith(d["prefixes"]) or folded.rstrip(" .") in d["lines"]:
        return "label", None
    date = _date_line(stripped, lang, d)
    if date is not False:
        return "date line", date or None
    if not LONG_WORD.search(stripped):
        return "no words", None                    # times, tickers, counters, "KZ", "-32°"
    if len(stripped.split()) <= 4 and re.search(r"\d", stripped) and any(c in folded for c in d["counters"]):
        return "counter", None                     # "16 пікір", "2091 просмотров"
    words = stripped.split()
    if _norm(stripped) in seen:
        return "repeated", None                    # a headline printed twice
    if len(words) == 1 and not ENDS_SENTENCE.search(stripped):
        return "rubric", None
    if len(words) <= d.get("byline_words", 3) and not re.search(r"\d|[.!?:;,»\"”]$", stripped) \
            and all(w[:1].isupper() for w in words) and (first or last or len(words) == 2) \
            and body.count(words[-1]) <= 1:
        return "byline", None                      # (a name the article names elsewhere signs a quote)
    if " • " in stripped or " | " in stripped and len(words) <= 8:
        return "menu", None
    credit = CREDIT.search(stripped)
    if credit and not ENDS_SENTENCE.search(stripped) and _known_outlet(credit.group(1)):
        return "caption", None                     # "… во время встречи в Москве - Sputnik Кыргызстан"
    return None, None


def _known_outlet(name: str) -> bool:
    from archive.extract.sources import outlet_country

    return outlet_country(name.strip()) is not None


def _date_line(line: str, lang: str, d: dict[str, Any]) -> str | None | bool:
    """False when the line is no date line; else the full date it prints (None if it has no year)."""
    if len(line.split()) > d.get("date_line_words", 9) or ENDS_SENTENCE.search(line) and not line.endswith(")"):
        return False
    m = NUMERIC_DATE.match(line)
    if m:
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        if 1 <= day <= 31 and 1 <= month <= 12:
            return f"{year:04d}-{month:02d}-{day:02d}"
    reach = d.get("date_line_reach", 14)
    found = [x for x in find_dates(line, lang, None) if x.start <= reach]
    if not found:
        return False
    if any(x.relative for x in found) or found[0].start > 0 and WORD.match(line):
        return None               # "Жұма, 19 Сәуір 2024": a weekday heads the site's today, no article date
    return found[0].date
