"""Segmentation: paragraphs and sentences as character spans of the body.

Offsets are code-point indices into the article body, so every later stage can slice the body
and report exact spans. A sentence does not end inside an open quotation («…», “…”, "…"), so a
quote that spans sentences stays in the sentence that carries its attribution.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

OPENERS = {"«": "»", "“": "”", "„": "“"}
CLOSERS = {"»", "”"}
# Tokens after which a full stop does not end a sentence (lower-cased, without the dot).
ABBREVIATIONS = frozenset(
    "т.б т.с.с ж жж г гг т.е т.д т.п им ул д"
    " mr mrs ms dr st no vs etc jr sr u.s u.k e.g i.e gen col lt prof inc ltd co".split()
)
MARKS = re.compile(r'[«“„»”"]|[.!?…]+')
MAX_SENTENCE = 3000   # characters: longer "sentences" are cut (see _capped)
SENTENCE_END = re.compile(r"[.!?…]+[»”\"’)]*")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def text(self, body: str) -> str:
        return body[self.start:self.end]


def paragraphs(body: str) -> list[Span]:
    """Non-blank lines, trimmed."""
    spans = []
    for m in re.finditer(r"[^\n]+", body):
        s, e = m.start(), m.end()
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e))
    return spans


NEXT_VISIBLE = re.compile(r"\s+(\S)")
LONGEST_ABBREVIATION = 12   # characters: a longer word before a full stop is no abbreviation


def _ends_sentence(text: str, dot: int, after: int, text_end: int) -> bool:
    """Does the punctuation at text[dot:after] end a sentence? (``text_end``: the end of ``text``
    without trailing spaces.) Looks only at the next visible character and the word before."""
    nxt = NEXT_VISIBLE.match(text, after)
    if not nxt:
        return after >= text_end
    ch = nxt.group(1)
    if not (ch.isupper() or ch.isdigit() or ch in "«“„\"—–-([$€₸"):
        return False
    if text[dot] == ".":
        i = dot
        while i > 0 and dot - i <= LONGEST_ABBREVIATION and not text[i - 1].isspace():
            i -= 1
        if dot - i <= LONGEST_ABBREVIATION:
            w = text[i:dot].lower().lstrip("(«“\"")
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                return False
    return True


GLUED_NEXT = re.compile(r"[^\W\d_]{3}")


def _glued(text: str, dot: int, after: int) -> bool:
    """Sentences glued without a space ("кездесті.Тараптар", "Aliyev.The head"): a full stop between a
    word in lower case and a capitalised word of three letters or more ("News.Az" and initials are none)."""
    if after != dot + 1 or text[dot] != "." or dot < 3 or after >= len(text):
        return False
    before = text[dot - 3:dot]
    return before.isalpha() and before[-1].islower() and text[after].isupper() \
        and GLUED_NEXT.match(text, after) is not None


def sentences(body: str, within: Span | None = None) -> list[Span]:
    """Sentences of one paragraph (or of the whole body), never split inside a quotation."""
    spans: list[Span] = []
    for para in [within] if within else paragraphs(body):
        text = body[para.start:para.end]
        text_end = len(text.rstrip())
        start, depth, straight = 0, 0, False
        for m in MARKS.finditer(text):
            i = m.start()
            if i < start:
                continue
            ch = text[i]
            if ch in OPENERS and not (ch == "“" and depth and text[i - 1: i] != " "):
                depth += 1
            elif ch in CLOSERS or (ch == '"' and straight):
                if ch == '"':
                    straight = False
                else:
                    depth = max(0, depth - 1)
                if depth == 0 and not straight and i and text[i - 1] in ".!?…" and _ends_sentence(text, i - 1, i + 1, text_end):
                    spans.append(_trim(para.start + start, para.start + i + 1, body))
                    start = i + 1
            elif ch == '"':
                straight = True
            elif depth == 0 and not straight:
                end = SENTENCE_END.match(text, i).end()
                if _ends_sentence(text, i, end, text_end) or _glued(text, i, end):
                    spans.append(_trim(para.start + start, para.start + end, body))
                    start = end
        if text[start:].strip():
            spans.append(_trim(para.start + start, para.end, body))
    return [piece for s in spans if s.end > s.start for piece in _capped(s, body)]


def _capped(span: Span, body: str) -> list[Span]:
    """A sentence longer than MAX_SENTENCE (a page without punctuation, a list run together) cut at
    the last space before each MAX_SENTENCE characters, so that no later stage works on an unbounded
    sentence."""
    if span.end - span.start <= MAX_SENTENCE:
        return [span]
    out, start = [], span.start
    while span.end - start > MAX_SENTENCE:
        cut = body.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(_trim(start, cut, body))
        start = cut
    out.append(_trim(start, span.end, body))
    return [s for s in out if s.end > s.start]


def _trim(s: int, e: int, body: str) -> Span:
    while s < e and body[s].isspace():
        s += 1
    while e > s and body[e - 1].isspace():
        e -= 1
    return Span(s, e)


class Intervals:
    """Spans asked "does one of you contain [start, end)?" in logarithmic time (sorted starts and the
    running maximum of the ends), so that a stage can test every mention against every quotation
    without a pass over all quotations each time."""

    def __init__(self, spans: list[Span] | tuple[Span, ...]):
        self.spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]
        self.reach: list[int] = []
        far = -1
        for s in self.spans:
            far = max(far, s.end)
            self.reach.append(far)

    def containing(self, start: int, end: int) -> Span | None:
        """The latest-starting span with span.start <= start and end <= span.end, if any."""
        k = bisect.bisect_right(self.starts, start) - 1
        while k >= 0 and self.reach[k] >= end:
            if self.spans[k].end >= end:
                return self.spans[k]
            k -= 1
        return None

    def contains(self, start: int, end: int) -> bool:
        return self.containing(start, end) is not None

    def overlaps(self, start: int, end: int) -> bool:
        """Does any span share a character with [start, end)?"""
        k = bisect.bisect_left(self.starts, end) - 1
        return k >= 0 and self.reach[k] > start


def index_at(spans: list[Span], starts: list[int], pos: int) -> int | None:
    """The index of the span (sorted, non-overlapping; ``starts`` their starts) holding ``pos``."""
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < spans[i].end else None


HEADLINE_WORDS = 25
HEADLINES = 2      # short lines above the first sentence that belong to the lead: headline, subheadline
LEAD_REACH = 12    # paragraphs: menus, a headline, a subheadline, a byline … before the first sentence


def lead(body: str, paras: list[Span]) -> Span:
    """The lead of an article: its first paragraph that ends a sentence, together with the headline
    and subheadline right above it (short lines that end no sentence); site menus and rubrics further
    up are not part of it."""
    if not paras:
        return Span(0, len(body))
    for k, para in enumerate(paras[:LEAD_REACH]):
        text = body[para.start:para.end].rstrip()
        if SENTENCE_END.search(text[-2:] or " ") or len(text.split()) > HEADLINE_WORDS:
            return Span(paras[max(0, k - HEADLINES)].start, para.end)
    return paras[0]
