"""`archive extract --explain`: which rule decided each field, and on which words.

Stages call `note(field, rule, start, end, detail)` where they decide something; outside
`explaining()` a note costs one context-variable look-up and is dropped. Inside it, the notes are
collected in order and `render` prints them per field with the words of the body they point at, so
that a wrong row leads to the rule behind it in one step.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Note:
    field: str            # "outlet", "participant Олжас Бектенов", "claim 4.4 млрд доллар", "meeting.kind" …
    rule: str             # the rule's name
    start: int | None = None
    end: int | None = None
    detail: str = ""


_NOTES: ContextVar[list[Note] | None] = ContextVar("archive_explain", default=None)


def note(field: str, rule: str, start: int | None = None, end: int | None = None, detail: str = "") -> None:
    notes = _NOTES.get()
    if notes is not None:
        notes.append(Note(field, rule, start, end, detail))


def active() -> bool:
    return _NOTES.get() is not None


@contextmanager
def explaining() -> Iterator[list[Note]]:
    notes: list[Note] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)


def render(notes: list[Note], body: str, width: int = 60) -> list[str]:
    """One line per note, grouped by field in the order fields were first decided."""
    order: dict[str, list[Note]] = {}
    for n in notes:
        order.setdefault(n.field, []).append(n)
    lines = []
    for field, items in order.items():
        lines.append(f"  {field}")
        for n in items:
            where = ""
            if n.start is not None and n.end is not None:
                words = " ".join(body[n.start:n.end].split())
                words = words if len(words) <= width else words[: width - 1] + "…"
                where = f" «{words}» [{n.start}:{n.end}]"
            detail = f" → {n.detail}" if n.detail else ""
            lines.append(f"    {n.rule}{where}{detail}")
    return lines
