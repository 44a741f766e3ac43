"""The schema enforces what the archive promises: vocabularies, uniqueness, cascades, exact numbers."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from archive import models as m
from archive.record import CHANGES, LANGUAGES, MEETING_KINDS, QUALIFIERS, ROLES

BODY_KK = ("Астанада Премьер-министр Олжас Бектенов Өзбекстан Республикасының Премьер-министрі "
           "Абдулла Ариповпен кездесті. «Екі ел арасындағы тауар айналымы 4 млрд доллардан асты», — "
           "деді Олжас Бектенов.")


def article(n: int = 1, **kw: Any) -> m.Article:
    body = kw.pop("body", f"{BODY_KK} ({n})")
    values: dict[str, Any] = {
        "content_sha256": hashlib.sha256(body.encode()).hexdigest(), "language": "kk", "body": body,
        "extractor_version": "test/0", "source": f"tests/article-{n}.txt",
    }
    values.update(kw)
    return m.Article(**values)


def person(name: str = "Олжас Бектенов", key: str = "bektenov olzhas", **kw: Any) -> m.Person:
    return m.Person(name=name, name_latin=kw.pop("name_latin", "Olzhas Bektenov"), key=key, **kw)


def add(session: Session, *objects: Any) -> None:
    session.add_all(objects)
    session.flush()


def count(session: Session, model: type) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(model))


def graph(session: Session) -> dict[str, Any]:
    """One article with a meeting, two participants, a topic, a quote and a claim."""
    a, p1, p2 = article(), person(), person("Абдулла Арипов", "aripov abdulla", name_latin="Abdulla Aripov")
    meeting = m.Meeting(kind="meeting", date=dt.date(2024, 5, 14), city="Астана", country="KZ")
    topic = m.Topic(name="сауда", key="sauda", language="kk")
    add(session, a, p1, p2, meeting, topic)
    add(session,
        m.MeetingArticle(meeting_id=meeting.id, article_id=a.id),
        m.MeetingParticipant(meeting_id=meeting.id, person_id=p1.id, article_id=a.id, name="Олжас Бектенов",
                             position="Премьер-министр", role="head_of_government", country="KZ"),
        m.MeetingParticipant(meeting_id=meeting.id, person_id=p2.id, article_id=a.id, name="Абдулла Арипов",
                             position="Премьер-министр", role="head_of_government", country="UZ"),
        m.MeetingTopic(meeting_id=meeting.id, topic_id=topic.id, article_id=a.id),
        m.Quote(article_id=a.id, meeting_id=meeting.id, speaker_id=p1.id, speaker_name="Олжас Бектенов",
                text="Екі ел арасындағы тауар айналымы 4 млрд доллардан асты", direct=True, language="kk",
                start=97, end=151),
        m.Claim(article_id=a.id, meeting_id=meeting.id, speaker_id=p1.id, speaker_name="Олжас Бектенов",
                value=Decimal("4000000000"), unit="USD", metric="тауар айналымы", qualifier="over",
                start=130, end=136),
        m.PersonAlias(person_id=p1.id, alias="Бектенов", key="bektenov", script="Cyrl", language="kk"),
        m.PersonPosition(person_id=p1.id, role="head_of_government", country="KZ",
                         position="Премьер-министр", first_seen=dt.date(2024, 2, 6)),
        )
    return {"article": a, "persons": (p1, p2), "meeting": meeting, "topic": topic}


def test_a_full_graph_is_stored_and_read_back(session: Session) -> None:
    g = graph(session)
    session.commit()
    session.expire_all()
    meeting = session.get(m.Meeting, g["meeting"].id)
    assert {p.country for p in meeting.participants} == {"KZ", "UZ"}
    assert session.get(m.Article, g["article"].id).claims[0].value == Decimal("4000000000")
    stored = session.get(m.Article, g["article"].id)
    assert stored.imported_at is not None and stored.extractor_version == "test/0"


# -- vocabularies -----------------------------------------------------------------------------------

def _builders(session: Session) -> dict[str, Callable[[int, str, str], Any]]:
    """table -> (n, column, value) -> a valid new row with ``column`` set to ``value`` (n keeps it unique)."""
    a, p, meeting = article(), person(), m.Meeting(kind="talks")
    add(session, a, p, meeting)
    return {
        "articles": lambda n, c, v: article(100 + n, **{c: v}),
        "topics": lambda n, c, v: m.Topic(name="energy", key=f"energy-{n}", **{c: v}),
        "person_aliases": lambda n, c, v: m.PersonAlias(person_id=p.id, alias="Bektenov", key=f"bektenov-{n}",
                                                        **{c: v}),
        "person_positions": lambda n, c, v: m.PersonPosition(person_id=p.id, **{c: v}),
        "meetings": lambda n, c, v: m.Meeting(**{c: v}),
        "meeting_participants": lambda n, c, v: m.MeetingParticipant(
            meeting_id=meeting.id, person_id=add_person(session, n).id, **{c: v}),
        "quotes": lambda n, c, v: m.Quote(article_id=a.id, text="…", direct=False, start=0, end=1,
                                          **{"language": "kk", c: v}),
        "claims": lambda n, c, v: m.Claim(article_id=a.id, value=Decimal(1), start=0, end=1, **{c: v}),
    }


def add_person(session: Session, n: int) -> m.Person:
    p = person(f"Person {n}", f"person {n}")
    add(session, p)
    return p


VOCABULARIES = [
    ("articles", "language", LANGUAGES),
    ("topics", "language", LANGUAGES),
    ("person_aliases", "language", LANGUAGES),
    ("quotes", "language", LANGUAGES),
    ("meetings", "kind", MEETING_KINDS),
    ("meeting_participants", "role", ROLES),
    ("person_positions", "role", ROLES),
    ("claims", "change", CHANGES),
    ("claims", "qualifier", QUALIFIERS),
]


@pytest.mark.parametrize(("table", "column", "vocabulary"), VOCABULARIES)
def test_enumerated_columns_accept_the_vocabulary_and_nothing_else(
        session: Session, table: str, column: str, vocabulary: tuple[str, ...]) -> None:
    build = _builders(session)[table]
    for n, value in enumerate(vocabulary):
        add(session, build(n, column, value))
    for n, bad in enumerate(("unknown", vocabulary[0].upper(), ""), start=len(vocabulary)):
        with pytest.raises(IntegrityError), session.begin_nested():
            add(session, build(n, column, bad))
    assert session.scalar(sa.select(sa.func.count()).select_from(sa.table(table))) >= len(vocabulary)


@pytest.mark.parametrize(("model", "values"), [
    (m.Quote, {"start": 10, "end": 5}),
    (m.Quote, {"start": -1, "end": 5}),
    (m.Claim, {"start": 8, "end": 2}),
    (m.Claim, {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2023, 1, 1)}),
])
def test_spans_and_periods_must_be_ordered(session: Session, model: type, values: dict[str, Any]) -> None:
    a = article()
    add(session, a)
    base: dict[str, Any] = {"article_id": a.id, "start": 0, "end": 4}
    if model is m.Quote:
        base |= {"text": "Біз", "direct": True, "language": "kk"}
    else:
        base |= {"value": Decimal(3)}
    with pytest.raises(IntegrityError):
        add(session, model(**(base | values)))


def test_person_position_first_seen_not_after_last_seen(session: Session) -> None:
    p = person()
    add(session, p)
    with pytest.raises(IntegrityError):
        add(session, m.PersonPosition(person_id=p.id, first_seen=dt.date(2024, 3, 1),
                                      last_seen=dt.date(2024, 1, 1)))


# -- uniqueness and foreign keys ------------------------------------------------------------------

@pytest.mark.parametrize(("first", "second"), [
    (lambda: article(1, url="https://example.kz/a"), lambda: article(2, url="https://example.kz/a")),
    (lambda: article(1, body="Бір мәтін."), lambda: article(2, body="Бір мәтін.", url="https://example.kz/b")),
    (lambda: m.Outlet(name="Egemen Qazaqstan", key="egemen"), lambda: m.Outlet(name="Egemen.kz", key="egemen")),
    (lambda: m.Topic(name="энергетика", key="energy"), lambda: m.Topic(name="energy", key="energy")),
])
def test_unique_columns(session: Session, first: Callable[[], Any], second: Callable[[], Any]) -> None:
    add(session, first())
    with pytest.raises(IntegrityError):
        add(session, second())


def test_articles_without_url_and_persons_sharing_a_key_coexist(session: Session) -> None:
    add(session, article(1), article(2), person(key="nazarbayev"), person("Дариға Назарбаева", key="nazarbayev"))
    assert count(session, m.Article) == 2 and count(session, m.Person) == 2


def test_an_alias_key_belongs_to_one_person(session: Session) -> None:
    p1, p2 = person(), person("Бектенов О.", "bektenov o")
    add(session, p1, p2)
    add(session, m.PersonAlias(person_id=p1.id, alias="Бектенов", key="bektenov"))
    with pytest.raises(IntegrityError):
        add(session, m.PersonAlias(person_id=p2.id, alias="Bektenov", key="bektenov", script="Latn"))


@pytest.mark.parametrize("row", [
    lambda: m.Quote(article_id=999, text="x", direct=True, language="en", start=0, end=1),
    lambda: m.Meeting(kind="visit", country="XX"),
    lambda: m.PersonAlias(person_id=999, alias="x", key="x"),
])
def test_foreign_keys_are_enforced(session: Session, row: Callable[[], Any]) -> None:
    with pytest.raises(IntegrityError):
        add(session, row())


def test_deleting_an_article_deletes_what_was_extracted_from_it(session: Session) -> None:
    g = graph(session)
    other = article(2)
    add(session, other)
    add(session, m.MeetingArticle(meeting_id=g["meeting"].id, article_id=other.id))
    session.commit()
    session.execute(sa.delete(m.Article).where(m.Article.id == g["article"].id))
    session.commit()
    for model in (m.Quote, m.Claim, m.MeetingParticipant, m.MeetingTopic):
        assert count(session, model) == 0, model.__name__
    # the meeting is still reported by the other article; people and topics are not per-article
    assert session.scalars(sa.select(m.MeetingArticle.article_id)).all() == [other.id]
    assert count(session, m.Meeting) == 1 and count(session, m.Person) == 2 and count(session, m.Topic) == 1


def test_a_person_with_meetings_cannot_be_deleted_but_speakers_are_released(session: Session) -> None:
    g = graph(session)
    p1, p2 = g["persons"]
    session.commit()
    with pytest.raises(IntegrityError):
        session.execute(sa.delete(m.Person).where(m.Person.id == p1.id))
    session.rollback()
    session.execute(sa.delete(m.MeetingParticipant).where(m.MeetingParticipant.person_id == p1.id))
    session.execute(sa.delete(m.Person).where(m.Person.id == p1.id))
    session.commit()
    assert session.scalars(sa.select(m.Quote.speaker_id)).all() == [None]
    assert session.scalars(sa.select(m.Quote.speaker_name)).all() == ["Олжас Бектенов"]
    assert count(session, m.PersonAlias) == 0 and count(session, m.PersonPosition) == 0


# -- values ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "20000000000", "4.6", "12.7", "0.5", "1250000000000.25", "3.141593", "-2.3", "999999999999999999.999999",
])
def test_claim_values_are_exact_decimals(session: Session, backend: str, value: str) -> None:
    if backend == "sqlite" and len(value.replace("-", "").replace(".", "")) > 15:
        pytest.skip("SQLite stores non-integer NUMERIC as a 64-bit float: 15 significant digits")
    a = article()
    add(session, a)
    add(session, m.Claim(article_id=a.id, value=Decimal(value), start=0, end=1))
    session.commit()
    session.expire_all()
    stored = session.scalar(sa.select(m.Claim.value))
    assert isinstance(stored, Decimal)
    assert stored == Decimal(value)


def test_correction_payload_is_json(session: Session) -> None:
    payload = {"merge": [3, 7], "into": 3, "names": ["Алихан Смаилов", "Смайылов Әлихан"]}
    add(session, m.Correction(kind="merge_persons", payload=payload))
    session.commit()
    session.expire_all()
    stored = session.scalars(sa.select(m.Correction)).one()
    assert stored.payload == payload and stored.created_at is not None


def test_dates_round_trip(session: Session) -> None:
    add(session, article(published=dt.date(2023, 11, 30)))
    session.commit()
    assert session.scalar(sa.select(m.Article.published)) == dt.date(2023, 11, 30)
