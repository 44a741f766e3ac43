"""Segmentation: paragraphs and sentences as character spans of the body.

Offsets are code-point indices into the article body, so every later stage can slice the body
and report exact spans. A sentence does not end inside an open quotation («…», “…”, "…"), so a
quote that spans sentences stays in the sentence that carries its attribution.
"""
from __future__ import annotations

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


def _ends_sentence(text: str, dot: int, after: int) -> bool:
    """Does the punctuation at text[dot:after] end a sentence?"""
    nxt = re.match(r"\s+(\S)", text[after:])
    if not nxt:
        return after >= len(text.rstrip())
    ch = nxt.group(1)
    if not (ch.isupper() or ch.isdigit() or ch in "«“„\"—–-([$€₸"):
        return False
    if text[dot] == ".":
        word = re.search(r"(\S+)$", text[:dot])
        if word:
            w = word.group(1).lower().lstrip("(«“\"")
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                return False
    return True


def sentences(body: str, within: Span | None = None) -> list[Span]:
    """Sentences of one paragraph (or of the whole body), never split inside a quotation."""
    spans: list[Span] = []
    for para in [within] if within else paragraphs(body):
        text = body[para.start:para.end]
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
                if depth == 0 and not straight and i and text[i - 1] in ".!?…" and _ends_sentence(text, i - 1, i + 1):
                    spans.append(_trim(para.start + start, para.start + i + 1, body))
                    start = i + 1
            elif ch == '"':
                straight = True
            elif depth == 0 and not straight:
                end = SENTENCE_END.match(text, i).end()
                if _ends_sentence(text, i, end):
                    spans.append(_trim(para.start + start, para.start + end, body))
                    start = end
        if text[start:].strip():
            spans.append(_trim(para.start + start, para.end, body))
    return [s for s in spans if s.end > s.start]


def _trim(s: int, e: int, body: str) -> Span:
    while s < e and body[s].isspace():
        s += 1
    while e > s and body[e - 1].isspace():
        e -= 1
    return Span(s, e)
