"""The archive's schema: typed SQLAlchemy 2 models, the only schema definition.

Alembic's ``env.py`` compares these models with the migrations (``tests/test_migrations.py`` proves
they agree on SQLite and PostgreSQL). Enumerated columns carry CHECK constraints built from the
vocabularies in :mod:`archive.record`. Everything extracted from an article cascades from it.

Tables, in the order a reader meets them::

    outlets, articles                         where a text came from
    countries                                 ISO 3166-1, names in kk/ru/en (seeded by the migration)
    persons, person_aliases, person_positions one official across scripts; roles over time
    meetings, meeting_articles,               one meeting, however many articles report it
    meeting_participants, topics, meeting_topics, meeting_topic_codes
    quotes, claims, claim_sources             what was said, with character offsets in the article;
                                              one claim however many articles report it
    corrections                               editor decisions (merges, renames, aliases) to replay
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from archive.record import CHANGES, LANGUAGES, MEETING_KINDS, METRIC_CODES, QUALIFIERS, ROLES, TOPIC_CODES

# Every constraint kind gets a predictable name, so migrations can refer to them on both backends.
NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Exact decimal for claim values: 24 integer digits, 6 decimals. PostgreSQL stores NUMERIC exactly;
# SQLite keeps integers exact and returns Decimals rounded to the scale.
CLAIM_VALUE = Numeric(30, 6, asdecimal=True)


def utcnow() -> dt.datetime:
    """Timezone-aware now (a callable default, evaluated per row)."""
    return dt.datetime.now(dt.UTC)


def one_of(column: str, values: tuple[str, ...], name: str | None = None) -> CheckConstraint:
    """CHECK (column IN (...)); NULL passes, as SQL CHECK does."""
    listed = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return CheckConstraint(f"{column} IN ({listed})", name=name or column)


def span_checks() -> tuple[CheckConstraint, CheckConstraint]:
    """0 <= start <= end for a character span in an article body."""
    return (CheckConstraint('"start" >= 0', name="start"), CheckConstraint('"end" >= "start"', name="span"))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON}


class Outlet(Base):
    """A publisher: Egemen.kz, Kazinform, primeminister.kz …"""
    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(200), unique=True)  # normalised name

    articles: Mapped[list[Article]] = relationship(back_populates="outlet")


class Article(Base):
    """One imported text. Identity is its content hash (and URL when known)."""
    __tablename__ = "articles"
    __table_args__ = (one_of("language", LANGUAGES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str | None] = mapped_column(Text, unique=True)
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    language: Mapped[str] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    body: Mapped[str] = mapped_column(Text)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="SET NULL"), index=True)
    via: Mapped[str | None] = mapped_column(Text)           # whom the outlet cites
    source: Mapped[str | None] = mapped_column(Text)        # file path, or path:line for JSON Lines
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    extractor_version: Mapped[str] = mapped_column(String(64))

    outlet: Mapped[Outlet | None] = relationship(back_populates="articles")
    quotes: Mapped[list[Quote]] = relationship(back_populates="article", passive_deletes=True)
    claims: Mapped[list[Claim]] = relationship(back_populates="article", passive_deletes=True)


class Country(Base):
    """ISO 3166-1 country; names from CLDR (Babel), seeded by the initial migration."""
    __tablename__ = "countries"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)   # alpha-2
    alpha3: Mapped[str] = mapped_column(String(3), unique=True)
    name_kk: Mapped[str] = mapped_column(Text)
    name_ru: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)


class Person(Base):
    """An official, one row whatever the script or case the articles use."""
    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)                      # canonical display name
    name_latin: Mapped[str | None] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(200), index=True)   # Latin folding key; shared keys allowed
    surname_key: Mapped[str | None] = mapped_column(String(200), index=True)  # fuzzy-match candidates
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    aliases: Mapped[list[PersonAlias]] = relationship(back_populates="person", passive_deletes=True)
    positions: Mapped[list[PersonPosition]] = relationship(back_populates="person", passive_deletes=True)


class PersonAlias(Base):
    """Every spelling of a person seen in the articles; the normalised key points at one person."""
    __tablename__ = "person_aliases"
    __table_args__ = (one_of("language", LANGUAGES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    script: Mapped[str | None] = mapped_column(String(4))     # ISO 15924: Cyrl, Latn
    language: Mapped[str | None] = mapped_column(String(8))

    person: Mapped[Person] = relationship(back_populates="aliases")


class PersonPosition(Base):
    """A position a person held, as seen between two article dates."""
    __tablename__ = "person_positions"
    __table_args__ = (
        one_of("role", ROLES),
        CheckConstraint("first_seen IS NULL OR last_seen IS NULL OR first_seen <= last_seen", name="seen"),
        UniqueConstraint("person_id", "key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    role: Mapped[str | None] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    position: Mapped[str | None] = mapped_column(Text)        # as written
    key: Mapped[str | None] = mapped_column(String(400))  # role|country|position; importer upserts on it
    first_seen: Mapped[dt.date | None] = mapped_column(Date)
    last_seen: Mapped[dt.date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="positions")


class Meeting(Base):
    """One meeting, talk, call, visit, summit or session.

    ``signature`` (a hash of the participant set — every report's participants — and kind group) and
    ``anchor_date`` (the meeting's date, else the first reporting article's date) let the importer
    find the same meeting reported by another article."""
    __tablename__ = "meetings"
    __table_args__ = (one_of("kind", MEETING_KINDS), Index(None, "signature", "anchor_date"))

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    city: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    occasion: Mapped[str | None] = mapped_column(Text)
    signature: Mapped[str | None] = mapped_column(String(64))
    anchor_date: Mapped[dt.date | None] = mapped_column(Date, index=True)   # near matches by day

    participants: Mapped[list[MeetingParticipant]] = relationship(
        back_populates="meeting", passive_deletes=True)


class MeetingArticle(Base):
    """Which articles report a meeting."""
    __tablename__ = "meeting_articles"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True)


class MeetingParticipant(Base):
    """A person at a meeting, with the position the article gives and the state represented."""
    __tablename__ = "meeting_participants"
    __table_args__ = (
        one_of("role", ROLES),
        UniqueConstraint("meeting_id", "person_id"),
        # country pairs: participants of one meeting joined on meeting_id, grouped by country
        Index(None, "country", "meeting_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="RESTRICT"), index=True)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True)   # the article it was read from
    name: Mapped[str | None] = mapped_column(Text)            # as written in that article
    position: Mapped[str | None] = mapped_column(Text)        # as written
    role: Mapped[str | None] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(ForeignKey("countries.code"))

    meeting: Mapped[Meeting] = relationship(back_populates="participants")
    person: Mapped[Person] = relationship()


class Topic(Base):
    """A topic as the articles word it, one row for all its inflected forms (:mod:`archive.topics`)."""
    __tablename__ = "topics"
    __table_args__ = (one_of("language", LANGUAGES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)                   # as first written
    key: Mapped[str] = mapped_column(String(200), unique=True)  # archive.topics.topic_key
    language: Mapped[str | None] = mapped_column(String(8))
    base: Mapped[str | None] = mapped_column(Text)            # base form: archive.topics.topic_base


class MeetingTopic(Base):
    __tablename__ = "meeting_topics"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True, index=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class MeetingTopicCode(Base):
    """A subject a meeting addressed, in the vocabulary shared by every language (FORMAT.md), as one
    article reports it (a row per article: deleting an article takes exactly its codes away)."""
    __tablename__ = "meeting_topic_codes"
    __table_args__ = (one_of("code", TOPIC_CODES),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True)


class Quote(Base):
    """A direct quote or reported statement, at [start, end) of the article body."""
    __tablename__ = "quotes"
    __table_args__ = (one_of("language", LANGUAGES), *span_checks())

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    speaker_name: Mapped[str | None] = mapped_column(Text)    # as written in the record
    text: Mapped[str] = mapped_column(Text)
    direct: Mapped[bool]
    language: Mapped[str] = mapped_column(String(8))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    article: Mapped[Article] = relationship(back_populates="quotes")
    speaker: Mapped[Person | None] = relationship()


class Claim(Base):
    """A number said at a meeting: exact value, unit, what it measures, over which period.

    One row however many articles report it (same speaker, meeting, metric code, unit, period and a
    value within 0.5 %): every report is a row of ``claim_sources``. ``article_id``, ``start``,
    ``end`` and the texts as written (``speaker_name``, ``metric``, ``object``, ``period``) are
    those of the first source."""
    __tablename__ = "claims"
    __table_args__ = (
        one_of("change", CHANGES),
        one_of("qualifier", QUALIFIERS),
        one_of("metric_code", METRIC_CODES),
        CheckConstraint("period_start IS NULL OR period_end IS NULL OR period_start <= period_end",
                        name="period"),
        *span_checks(),
        Index(None, "metric_code", "period_start", "period_end"),
        Index(None, "period_start", "period_end"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    speaker_name: Mapped[str | None] = mapped_column(Text)
    value: Mapped[Decimal] = mapped_column(CLAIM_VALUE)
    unit: Mapped[str | None] = mapped_column(String(32))      # ISO 4217, %, pp, times, t, km …
    object: Mapped[str | None] = mapped_column(Text)          # what is counted when unit is null
    metric: Mapped[str | None] = mapped_column(Text)
    change: Mapped[str | None] = mapped_column(String(16))
    qualifier: Mapped[str | None] = mapped_column(String(16))
    period: Mapped[str | None] = mapped_column(Text)          # as the text names it
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    metric_code: Mapped[str | None] = mapped_column(String(32))   # FORMAT.md: trade, exports …

    article: Mapped[Article] = relationship(back_populates="claims")
    speaker: Mapped[Person | None] = relationship()
    sources: Mapped[list[ClaimSource]] = relationship(back_populates="claim", passive_deletes=True)


class ClaimSource(Base):
    """One article reporting a claim, with the claim's span in that article's body and its words."""
    __tablename__ = "claim_sources"
    __table_args__ = span_checks()

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    speaker_name: Mapped[str | None] = mapped_column(Text)    # as written in this article
    metric: Mapped[str | None] = mapped_column(Text)
    object: Mapped[str | None] = mapped_column(Text)
    period: Mapped[str | None] = mapped_column(Text)

    claim: Mapped[Claim] = relationship(back_populates="sources")


class Correction(Base):
    """An editor's decision (person merge, rename, alias edit …) kept so it can be replayed after a
    re-extraction. ``payload`` is JSON whose shape depends on ``kind``."""
    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
