"""Several meetings in one article: the events an article reports, each with its own participants.

An article often follows one official through several events: a call in the morning and a meeting in
the afternoon, three phone calls of a Prime Minister on one day, a minister received by the
President, then by the Speaker. An event sentence is a sentence outside quotations that names an
event (a meeting, talks, a call: the kinds of `<lang>/data/meetings.yaml`) and a participant. The
first event is the article's main meeting (its lead); a later event sentence is another meeting
when it names a participant no earlier event had and none of the main meeting's counterparts: the
principal (the participant named, by name or by a title that stands for them, in most event
sentences) meets someone new. Everyone not named in such a sentence stays with the main meeting.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from archive.extract.meetings import sentence_kind
from archive.extract.people import People, Person, resolve_title
from archive.extract.segment import Intervals, Span


@dataclass(frozen=True, slots=True)
class Event:
    kind: str | None            # the kind its sentence names (None: the main meeting's)
    persons: tuple[Person, ...]


def split_events(body: str, sentences: list[Span], persons: list[Person], people: People, quoted: Intervals,
                 lang: str) -> list[Event]:
    """The main meeting with all participants not taken by a later event, then the later events."""
    if len(persons) < 3:
        return [Event(None, tuple(persons))]
    # where each participant is named: by name, or by a title that stands for them ("Мемлекет басшысы")
    places: list[tuple[int, Person]] = [(m.start, p) for p in persons for m in p.mentions
                                        if not quoted.contains(m.start, m.end)]
    chosen = {id(p) for p in persons}
    for t in people.titles:
        holder = resolve_title(people, t, lang, t.span.start)
        if holder is not None and id(holder) in chosen and not quoted.contains(t.span.start, t.span.end):
            places.append((t.span.start, holder))
    named: list[tuple[str, list[Person]]] = []
    for sent in sentences:
        if quoted.contains(sent.start, sent.end):
            continue
        here = list({id(p): p for pos, p in sorted(places, key=lambda x: x[0])
                     if sent.start <= pos < sent.end}.values())
        if not here:
            continue
        kind = sentence_kind(body, sent, lang)
        if kind:
            named.append((kind, here))
    # the main meeting is the first event with two sides ("X arrived in Astana" only sets the scene,
    # and X takes part in it)
    scene: set[int] = set()
    while named and len(named[0][1]) < 2:
        scene |= {id(p) for p in named.pop(0)[1]}
    if len(named) < 2:
        return [Event(None, tuple(persons))]
    counts = Counter(id(p) for _, here in named for p in here)
    principal = max(persons, key=lambda p: (counts[id(p)], -p.first_offset))
    main = {id(p) for p in named[0][1]}
    counterparts = main - {id(principal)}
    main |= scene
    seen = set(main)
    later: list[Event] = []
    for kind, here in named[1:]:
        ids = {id(p) for p in here}
        new = ids - seen
        if not new or ids & counterparts:
            seen |= ids
            main |= ids
            continue                      # the main meeting again, or someone joining it
        members = [principal, *(p for p in here if p is not principal)]
        if len(members) >= 2:
            later.append(Event(kind, tuple(members)))
        seen |= ids
    if not later:
        return [Event(None, tuple(persons))]
    taken = {id(p) for e in later for p in e.persons} - main - {id(principal)}
    first = Event(None, tuple(p for p in persons if id(p) not in taken))
    if len(first.persons) < 2:
        return [Event(None, tuple(persons))]
    return [first, *later]
