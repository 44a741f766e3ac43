"""Entity resolution against the archive: persons across scripts and inflections, aliases, blocked
spellings, positions over time, outlets and meeting de-duplication."""
from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from archive.resolve import (
    ALIASES,
    MEETINGS,
    POSITIONS,
    Resolver,
    alias_key,
    meeting_signature,
    outlet_key,
    position_key,
    script_of,
)

D = dt.date


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Әлихан  Смайылов", "әлихан смайылов", True),
    ("Алексей Лихачёв", "Алексей Лихачев", True),
    ("Alikhan Smailov", "Алихан Смаилов", False),          # alias keys are spellings, not persons
])
def test_alias_key(a: str, b: str, same: bool) -> None:
    assert (alias_key(a) == alias_key(b)) is same


@pytest.mark.parametrize(("a", "b"), [
    ("Kazinform", "kazinform.kz"), ("www.kazinform.kz", "Kazinform"), ("Egemen  Qazaqstan", "egemen qazaqstan"),
])
def test_outlet_keys(a: str, b: str) -> None:
    assert outlet_key(a) == outlet_key(b)


@pytest.mark.parametrize(("args", "key"), [
    (("head_of_government", "KZ", "Премьер-министр"), "head_of_government|KZ"),
    (("head_of_government", "KZ", "Prime Minister"), "head_of_government|KZ"),
    ((None, "KZ", "Әкім"), "|KZ|әкім"),
    ((None, None, None), None),
])
def test_position_key(args: tuple, key: str | None) -> None:
    assert position_key(*args) == key


@pytest.mark.parametrize(("a", "b", "same"), [
    (("meeting", [1, 2]), ("talks", [2, 1]), True),
    (("visit", [1, 2]), ("meeting", [1, 2, 2]), True),
    (("summit", [3, 4, 5]), ("session", [5, 4, 3]), True),
    (("phone_call", [1, 2]), ("meeting", [1, 2]), False),
    (("meeting", [1, 2]), ("meeting", [1, 2, 3]), False),
])
def test_meeting_signature(a: tuple, b: tuple, same: bool) -> None:
    assert (meeting_signature(*a) == meeting_signature(*b)) is same


@pytest.mark.parametrize(("name", "script"), [("Тоқаев", "Cyrl"), ("Tokayev", "Latn"), ("123", None)])
def test_script(name: str, script: str | None) -> None:
    assert script_of(name) == script


@pytest.fixture
def tx(engine: sa.Engine):
    resolver = Resolver(engine.dialect.name)
    with engine.connect() as conn:
        trans = conn.begin()
        resolver.prepare(conn)
        yield conn, resolver
        trans.rollback()


SAME_PERSON = [
    ("Kassym-Jomart Tokayev", "en"), ("Қасым-Жомарт Тоқаев", "kk"), ("Касым-Жомарт Токаев", "ru"),
    ("Тоқаев", "kk"), ("Kassym-Zhomart Tokaev", "en"),
]


def test_one_person_across_scripts_and_every_spelling_an_alias(tx) -> None:
    conn, r = tx
    ids = {r.person(conn, name, lang) for name, lang in SAME_PERSON}
    assert len(ids) == 1
    aliases = set(conn.scalars(sa.select(ALIASES.c.alias).where(ALIASES.c.person_id == ids.pop())))
    assert aliases == {name for name, _ in SAME_PERSON}
    other = r.person(conn, "Karim Massimov", "en")
    assert other not in {r.person(conn, "Tokayev", "en")}


def test_blocked_spelling_does_not_match_its_person_again(tx) -> None:
    conn, r = tx
    pid = r.person(conn, "Alikhan Smailov", "en")
    r.blocked.add((alias_key("Алихан Смаилов"), pid))
    assert r.person(conn, "Алихан Смаилов", "ru") != pid


def test_positions_widen_first_and_last_seen(tx) -> None:
    conn, r = tx
    pid = r.person(conn, "Roman Sklyar", "en")
    for seen in (D(2023, 5, 1), D(2022, 1, 10), D(2024, 2, 2), None, D(2023, 1, 1)):
        r.position(conn, pid, "deputy_head_of_government", "KZ", "Deputy Prime Minister", seen)
    r.position(conn, pid, None, "KZ", "Minister of Trade", D(2021, 3, 3))
    rows = conn.execute(sa.select(POSITIONS.c.key, POSITIONS.c.first_seen, POSITIONS.c.last_seen)
                        .where(POSITIONS.c.person_id == pid).order_by(POSITIONS.c.key)).all()
    assert [tuple(x) for x in rows] == [("deputy_head_of_government|KZ", D(2022, 1, 10), D(2024, 2, 2)),
                                        ("|KZ|minister of trade", D(2021, 3, 3), D(2021, 3, 3))]


@pytest.mark.parametrize(("kind", "anchor", "people", "same"), [
    ("talks", D(2024, 3, 12), (0, 1), True),
    ("meeting", D(2024, 3, 13), (1, 0), True),          # next day, other word for the same event
    ("meeting", D(2024, 3, 11), (0, 1), True),
    ("meeting", D(2024, 3, 15), (0, 1), False),         # three days later: another meeting
    ("phone_call", D(2024, 3, 12), (0, 1), False),
    ("meeting", D(2024, 3, 12), (0,), False),           # another participant set
    ("meeting", None, (0, 1), False),                   # no date at all: never merged
])
def test_meeting_deduplication(tx, kind: str, anchor: dt.date | None, people: tuple, same: bool) -> None:
    conn, r = tx
    pids = [r.person(conn, n, "en") for n in ("Olzhas Bektenov", "Abdulla Aripov")]
    first = r.meeting(conn, "meeting", D(2024, 3, 12), D(2024, 3, 12), "Astana", "KZ", None, pids)
    second = r.meeting(conn, kind, anchor, anchor, None, None, "intergovernmental council",
                       [pids[i] for i in people])
    assert (first == second) is same
    if same:   # the second report fills what the first lacked, and keeps what it had
        row = conn.execute(sa.select(MEETINGS.c.city, MEETINGS.c.occasion).where(MEETINGS.c.id == first)).one()
        assert tuple(row) == ("Astana", "intergovernmental council")


def test_outlets_and_topics_are_upserted_once(tx) -> None:
    conn, r = tx
    assert r.outlet(conn, "Kazinform") == r.outlet(conn, "kazinform.kz") is not None
    assert r.outlet(conn, "  ") is None
    assert r.topic(conn, "Energy", "en") == r.topic(conn, "energy", "en")
