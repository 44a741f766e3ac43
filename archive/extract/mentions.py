"""Mentions of people in an article body, shared between the people, quote and claim stages."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MentionKind = Literal["name", "title", "pronoun"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A place in the body that refers to a person: a name ("Әлихан Смайыловтың"), a title standing for
    a person ("Үкімет басшысы", "глава МИД России", "the President") or a pronoun ("ол", "он", "he").
    `person` is the canonical (nominative) name of the participant it refers to, when resolved."""
    start: int
    end: int
    kind: MentionKind
    person: str | None = None
