"""Regular expressions that run in linear time, for patterns written in the language data.

A pattern such as ``(?P<c>[^.,;]+?)\\s+хабарлауынша`` makes a backtracking engine (Python's ``re``)
try every start position and scan to the end of the sentence from each: quadratic, or cubic with two
such groups. ``compile`` hands the pattern to RE2 (google-re2), whose automaton reads the text once
whatever the pattern, so no input can make it slow.

RE2 does not do look-around or back-references (a data pattern that uses them fails to load, naming
the pattern), and its ``\\w``, ``\\s``, ``\\d`` and ``\\b`` are ASCII-only: ``compile`` rewrites the
shorthand classes to their Unicode meaning (``\\w`` = letters, digits, ``_``; ``\\s`` also takes
no-break and thin spaces), so a pattern means in RE2 what it means in Python.
"""
from __future__ import annotations

import re
from typing import Any

WORD = r"\p{L}\p{M}\p{N}_"
SPACE = r"\s\x{a0}\x{2000}-\x{200a}\x{202f}\x{205f}\x{3000}"
DIGIT = r"\p{Nd}"
_CLASSES = {"w": (WORD, True), "W": (WORD, False), "s": (SPACE, True), "S": (SPACE, False),
            "d": (DIGIT, True), "D": (DIGIT, False)}


class PatternError(ValueError):
    """A data pattern RE2 cannot run (look-around, back-reference …)."""


def unicode_classes(pattern: str) -> str:
    r"""Rewrite \w \W \s \S \d \D to explicit Unicode classes (inside [...] too, where a negated
    shorthand cannot be expressed and is refused)."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if nxt in _CLASSES:
                body, positive = _CLASSES[nxt]
                if in_class:
                    if not positive:
                        raise PatternError(f"\\{nxt} inside a character class: {pattern!r}")
                    out.append(body)
                else:
                    out.append(f"[{'' if positive else '^'}{body}]")
            elif nxt == "b":
                raise PatternError(f"\\b is ASCII-only in RE2; write the boundary out: {pattern!r}")
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            out.append(ch)
            if pattern[i + 1:i + 2] == "^":
                out.append("^")
                i += 1
            if pattern[i + 1:i + 2] == "]":     # a literal "]" first in the class
                out.append("]")
                i += 1
        elif ch == "]" and in_class:
            in_class = False
            out.append(ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def compile(pattern: str, flags: int = 0) -> Any:
    """The pattern compiled by RE2 (same ``search``/``match``/``finditer``/``groupdict`` API as ``re``).
    ``flags``: ``re.IGNORECASE`` and ``re.MULTILINE`` are honoured."""
    import re2

    prefix = ("i" if flags & re.IGNORECASE else "") + ("m" if flags & re.MULTILINE else "")
    source = (f"(?{prefix})" if prefix else "") + unicode_classes(pattern)
    options = re2.Options()
    options.max_mem = 64 << 20
    try:
        return re2.compile(source, options)
    except re2.error as error:
        raise PatternError(f"not a linear-time pattern ({error}): {pattern!r}") from None
