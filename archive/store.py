"""The archive's only writer: articles and everything extracted from them, and person corrections.

    store = Store(engine, replace=False)
    result = store.store(raw, record)       # one transaction: all the article's rows or none

Each article is stored in its own transaction, so a failure (or Ctrl-C, or a kill) leaves nothing
half-stored and touches nothing already there. An article already in the archive (same URL or same
content hash) is skipped, or with ``replace=True`` deleted (its rows cascade) and stored anew.
Concurrent importers are safe: unique keys with upserts, PostgreSQL advisory locks around
look-up-then-create of articles, persons and meetings, and a retry of the whole article when the
database reports a conflict, deadlock or lock timeout.

A claim that another article already reported at the same meeting (:func:`archive.resolve.same_claim`)
is stored once: the new article becomes one more row of ``claim_sources``, with the claim's span and
words in its own body. ``replace=True`` first hands what the old article shares with other reports
(participants, topics, claims it was the first source of) to the next report, so the
archive after a re-import is the archive before it.

Corrections (merge, rename, alias add/remove) are applied here too, recorded in ``corrections``
and replayed by :func:`replay_corrections` after imports, so that they survive ``--replace``.
"""
from __future__ import annotations

import datetime as dt
import enum
import hashlib
import random
import time
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc

from archive import EXTRACTOR_VERSION
from archive.read.text import RawArticle
from archive.record import CLAIM_VALUE_LIMIT, METRIC_CODES, ROLES, TOPIC_CODES, ArticleRecord
from archive.record import Claim as ClaimRecord
from archive.resolve import (
    ALIASES,
    ARTICLES,
    CLAIM_SOURCES,
    CLAIMS,
    CORRECTIONS,
    MEETING_ARTICLES,
    MEETING_TOPIC_CODES,
    MEETING_TOPICS,
    MEETINGS,
    PARTICIPANTS,
    PERSONS,
    POSITIONS,
    QUOTES,
    Resolver,
    alias_key,
    as_date,
    meeting_signature,
    month_span,
    refresh_signature,
    same_claim,
    script_of,
    upsert_insert,
)

RETRYABLE = (exc.OperationalError, exc.IntegrityError)


def _conflict(error: exc.DBAPIError) -> bool:
    """A conflict with another writer, worth a retry: a lock, a deadlock, a serialization failure or a
    duplicate key. A CHECK or NOT NULL violation is this article's own fault and fails it at once."""
    if isinstance(error, exc.OperationalError):
        return True
    code = getattr(error.orig, "sqlstate", None)
    if code is not None:
        return code == "23505"                       # PostgreSQL unique_violation
    return "UNIQUE" in str(error.orig)               # SQLite: "UNIQUE constraint failed: …"
MAX_TEXT = {"unit": 32}


class Outcome(enum.Enum):
    IMPORTED = "imported"
    REPLACED = "replaced"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class StoreResult:
    outcome: Outcome
    article_id: int


class StoreError(Exception):
    """An article could not be stored; the message is one line for the user."""


def content_hash(body: str) -> str:
    """SHA-256 of the body with line endings and surrounding blank space normalised."""
    return hashlib.sha256(body.replace("\r\n", "\n").strip().encode("utf-8")).hexdigest()


def find_article(conn: sa.Connection, url: str | None, sha: str) -> list[int]:
    """Ids of the articles with this URL or content hash."""
    cond = ARTICLES.c.content_sha256 == sha
    if url:
        cond = sa.or_(cond, ARTICLES.c.url == url)
    return list(conn.scalars(sa.select(ARTICLES.c.id).where(cond).order_by(ARTICLES.c.id)))


class Store:
    """Writes articles with one connection; keeps a :class:`Resolver` cache across articles."""

    def __init__(self, engine: sa.Engine, *, replace: bool = False, retries: int = 6):
        self.engine = engine
        self.replace = replace
        self.retries = retries
        self.resolver = Resolver(engine.dialect.name)
        self.conn: sa.Connection | None = None

    def _connection(self) -> sa.Connection:
        if self.conn is None or self.conn.closed:
            self.conn = self.engine.connect()
        return self.conn

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def existing(self, raw: RawArticle) -> list[int]:
        """Articles already in the archive that ``raw`` duplicates (by URL or content)."""
        conn = self._connection()
        with conn.begin():
            return find_article(conn, raw.url, content_hash(raw.body))

    def known(self, raws: list[RawArticle]) -> list[bool]:
        """For each article, whether the archive already has it (one query for the batch)."""
        if not raws:
            return []
        hashes = [content_hash(r.body) for r in raws]
        urls = [r.url for r in raws if r.url]
        cond = ARTICLES.c.content_sha256.in_(hashes)
        if urls:
            cond = sa.or_(cond, ARTICLES.c.url.in_(urls))
        conn = self._connection()
        with conn.begin():
            found = conn.execute(sa.select(ARTICLES.c.content_sha256, ARTICLES.c.url).where(cond)).all()
        shas, seen_urls = {f[0] for f in found}, {f[1] for f in found if f[1]}
        return [h in shas or (r.url is not None and r.url in seen_urls) for h, r in zip(hashes, raws, strict=True)]

    def store(self, raw: RawArticle, record: ArticleRecord) -> StoreResult:
        """Store one article in one transaction, retrying on conflicts with other writers."""
        for claim in record.claims:
            if abs(Decimal(claim.value)) >= CLAIM_VALUE_LIMIT:
                raise StoreError(f"claim value {claim.value} at {claim.start}-{claim.end} is out of range "
                                 f"(at most 24 integer digits)")
        sha = content_hash(raw.body)
        for attempt in range(self.retries):
            conn = self._connection()
            try:
                with conn.begin():
                    self.resolver.prepare(conn)
                    result = self._store(conn, raw, record, sha)
                self.resolver.commit()
                return result
            except RETRYABLE as error:
                self.resolver.rollback()
                self.resolver.reset()
                if not _conflict(error):
                    raise StoreError(f"the database refused a row: {_first_line(error)}") from error
                if attempt + 1 == self.retries:
                    raise StoreError(f"database conflict after {self.retries} attempts: "
                                     f"{_first_line(error)}") from error
                time.sleep(min(0.5, 0.01 * 2 ** attempt) * (1 + random.random()))
            except BaseException:
                self.resolver.rollback()
                raise
        raise AssertionError("unreachable")

    # -- one article --------------------------------------------------------------------------------
    def _store(self, conn: sa.Connection, raw: RawArticle, rec: ArticleRecord, sha: str) -> StoreResult:
        r = self.resolver
        url = raw.url or rec.url
        r.begin_write(conn)
        names = [p.name for m in rec.meetings for p in m.participants]
        names += [q.speaker for q in rec.quotes if q.speaker] + [c.speaker for c in rec.claims if c.speaker]
        r.lock(conn, ("article", [sha, url or ""]), ("person", r.person_locks(names)))
        old = find_article(conn, url, sha)
        if old and not self.replace:
            return StoreResult(Outcome.SKIPPED, old[0])
        old_meetings: list[int] = []
        if old:
            old_meetings = list(conn.scalars(sa.select(MEETING_ARTICLES.c.meeting_id)
                                             .where(MEETING_ARTICLES.c.article_id.in_(old))))
            hand_over(conn, old)
            conn.execute(ARTICLES.delete().where(ARTICLES.c.id.in_(old)))


        lang = rec.language
        published = as_date(rec.published or raw.published)
        article_id = conn.execute(sa.insert(ARTICLES).values(
            url=url, content_sha256=sha, language=lang, title=rec.title or raw.title, published=published,
            body=raw.body, outlet_id=r.outlet(conn, rec.outlet or raw.outlet), via=rec.via,
            source=raw.source, imported_at=dt.datetime.now(dt.UTC), extractor_version=EXTRACTOR_VERSION,
        ).returning(ARTICLES.c.id)).scalar_one()

        by_name: dict[str, int] = {}
        meeting_of_article: int | None = None
        new_meetings: set[int] = set()
        for m in rec.meetings:
            date = as_date(m.date)
            seen = date or published
            people: list[tuple[int, Any]] = []
            for p in m.participants:
                pid = r.person(conn, p.name, lang)
                if pid is None:
                    continue
                by_name[p.name] = pid
                people.append((pid, p))
            r.positions_seen(conn, [(pid, p.role, r.country(p.country), p.position, seen) for pid, p in people])
            if not people and not (m.date or m.city or m.country or m.occasion):
                continue
            mid = r.meeting(conn, m.kind, date, seen, m.city, r.country(m.country), m.occasion,
                            [pid for pid, _ in people],
                            {pid: p.role if p.role in ROLES else None for pid, p in people})
            meeting_of_article = meeting_of_article or mid
            if r.last_match == "new":
                new_meetings.add(mid)
            conn.execute(upsert_insert(r.dialect, MEETING_ARTICLES).values(meeting_id=mid, article_id=article_id)
                         .on_conflict_do_nothing())
            if people:
                seen_ids: set[int] = set()
                rows = []
                for pid, p in people:
                    if pid in seen_ids:
                        continue
                    seen_ids.add(pid)
                    rows.append({"meeting_id": mid, "person_id": pid, "article_id": article_id,
                                 "name": p.name, "position": p.position,
                                 "role": p.role if p.role in ROLES else None, "country": r.country(p.country)})
                insert_rows(conn, upsert_insert(r.dialect, PARTICIPANTS).on_conflict_do_nothing(
                    index_elements=["meeting_id", "person_id"]), rows)
                if r.last_match == "near":          # the meeting's participants grew
                    refresh_signature(conn, mid)
            topic_rows = []
            for t in dict.fromkeys(m.topics):
                tid = r.topic(conn, t, lang)
                if tid is not None:
                    topic_rows.append({"meeting_id": mid, "topic_id": tid, "article_id": article_id})
            if topic_rows:
                insert_rows(conn, upsert_insert(r.dialect, MEETING_TOPICS).on_conflict_do_nothing(), topic_rows)
            code_rows = [{"meeting_id": mid, "code": code, "article_id": article_id}
                         for code in dict.fromkeys(m.topic_codes) if code in TOPIC_CODES]
            if code_rows:
                insert_rows(conn, upsert_insert(r.dialect, MEETING_TOPIC_CODES).on_conflict_do_nothing(),
                            code_rows)

        def speaker(name: str | None) -> int | None:
            if not name:
                return None
            if name not in by_name:
                by_name[name] = r.person(conn, name, lang)
            return by_name[name]

        if rec.quotes:
            insert_rows(conn, sa.insert(QUOTES), [
                {"article_id": article_id, "meeting_id": meeting_of_article, "speaker_id": speaker(q.speaker),
                 "speaker_name": q.speaker, "text": q.text, "direct": q.direct, "language": lang,
                 "start": q.start, "end": q.end} for q in rec.quotes])
        if rec.claims:
            store_claims(conn, article_id, meeting_of_article, [(c, speaker(c.speaker)) for c in rec.claims],
                         new_meeting=meeting_of_article in new_meetings)
        if old_meetings:
            delete_orphan_meetings(conn, old_meetings)
        return StoreResult(Outcome.REPLACED if old else Outcome.IMPORTED, article_id)


def insert_rows(conn: sa.Connection, stmt: Any, rows: list[dict[str, Any]]) -> None:
    """Many rows, few round trips: PostgreSQL plain INSERTs go through COPY (one round trip, no SQL
    to parse), everything else through the driver's executemany."""
    if not rows:
        return
    table = stmt.table
    if conn.dialect.name == "postgresql" and type(stmt) is sa.Insert:
        columns = list(rows[0])
        raw = conn.connection.driver_connection
        names = ", ".join(f'"{c}"' for c in columns)
        import psycopg

        sql = f'COPY "{table.name}" ({names}) FROM STDIN'
        try:
            with raw.cursor() as cur, cur.copy(sql) as copy:
                for row in rows:
                    copy.write_row([row[c] for c in columns])
        except psycopg.Error as error:      # classified and reported like any other statement's error
            raise exc.DBAPIError.instance(sql, None, error, psycopg.Error) from error
        return
    conn.execute(stmt, rows)


@dataclass(frozen=True, slots=True)
class _NewClaim:
    speaker_id: int | None
    metric_code: str | None
    unit: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    value: Decimal


def store_claims(conn: sa.Connection, article_id: int, meeting_id: int | None,
                 claims: list[tuple[ClaimRecord, int | None]], *, new_meeting: bool = False) -> None:
    """Store an article's claims (each with its speaker's person id): a claim already reported at
    the meeting by another article gets this article as one more source; the others are new claims.
    Two claims of one article are never one (an article that repeats a number says it twice). A
    meeting this article created has no claims to look through (``new_meeting``)."""
    existing: list[Any] = []
    if meeting_id is not None and not new_meeting:
        existing = list(conn.execute(
            sa.select(CLAIMS.c.id, CLAIMS.c.speaker_id, CLAIMS.c.metric_code, CLAIMS.c.unit, CLAIMS.c.value,
                      CLAIMS.c.period_start, CLAIMS.c.period_end, CLAIMS.c.change, CLAIMS.c.qualifier,
                      CLAIMS.c.object)
            .where(CLAIMS.c.meeting_id == meeting_id, ~sa.exists().where(
                CLAIM_SOURCES.c.claim_id == CLAIMS.c.id, CLAIM_SOURCES.c.article_id == article_id))
            .order_by(CLAIMS.c.id)))
    used: set[int] = set()
    sources: list[dict[str, Any]] = []
    new: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for c, speaker_id in claims:
        period_start, period_end = month_span(c.period_start, c.period_end)
        key = _NewClaim(speaker_id, c.metric_code if c.metric_code in METRIC_CODES else None,
                        (c.unit or None) and c.unit[:32], period_start, period_end, Decimal(c.value))
        source = {"article_id": article_id, "start": c.start, "end": c.end, "speaker_name": c.speaker,
                  "metric": c.metric, "object": c.object, "period": c.period}
        match = next((e for e in existing if e.id not in used and same_claim(e, key)), None)
        if match is not None:
            used.add(match.id)
            sources.append({"claim_id": match.id, **source})
            fill = {k: v for k, v, old in (("change", c.change, match.change),
                                           ("qualifier", c.qualifier, match.qualifier),
                                           ("object", c.object, match.object)) if v is not None and old is None}
            if fill:
                conn.execute(CLAIMS.update().where(CLAIMS.c.id == match.id).values(**fill))
            continue
        new.append(({"article_id": article_id, "meeting_id": meeting_id, "speaker_id": speaker_id,
                     "speaker_name": c.speaker, "value": key.value, "unit": key.unit, "object": c.object,
                     "metric": c.metric, "metric_code": key.metric_code, "change": c.change,
                     "qualifier": c.qualifier, "period": c.period, "period_start": period_start,
                     "period_end": period_end, "start": c.start, "end": c.end}, source))
    if new:
        ids = conn.execute(sa.insert(CLAIMS).returning(CLAIMS.c.id, sort_by_parameter_order=True),
                           [row for row, _ in new]).scalars().all()
        sources.extend({"claim_id": cid, **source} for cid, (_, source) in zip(ids, new, strict=True))
    insert_rows(conn, sa.insert(CLAIM_SOURCES), sources)


def hand_over(conn: sa.Connection, old: list[int]) -> None:
    """Before the articles ``old`` are deleted (``--replace``): what they share with other articles
    is handed to those — participants and topics they were read from first go to another report of
    the meeting (those tables keep one row per meeting, not per report), a claim they were the first
    source of to its next source. Topic codes and claim sources are kept per article already."""
    if not old:
        return
    for table in (PARTICIPANTS, MEETING_TOPICS):
        other = (sa.select(sa.func.min(MEETING_ARTICLES.c.article_id))
                 .where(MEETING_ARTICLES.c.meeting_id == table.c.meeting_id,
                        MEETING_ARTICLES.c.article_id.not_in(old)).scalar_subquery())
        conn.execute(table.update().where(table.c.article_id.in_(old), other.is_not(None))
                     .values(article_id=other))
    rows = conn.execute(
        sa.select(CLAIM_SOURCES).join(CLAIMS, CLAIMS.c.id == CLAIM_SOURCES.c.claim_id)
        .where(CLAIMS.c.article_id.in_(old), CLAIM_SOURCES.c.article_id.not_in(old))
        .order_by(CLAIM_SOURCES.c.claim_id, CLAIM_SOURCES.c.article_id)).all()
    moved: set[int] = set()
    for row in rows:
        if row.claim_id in moved:
            continue
        moved.add(row.claim_id)
        conn.execute(CLAIMS.update().where(CLAIMS.c.id == row.claim_id).values(
            article_id=row.article_id, start=row.start, end=row.end, speaker_name=row.speaker_name,
            metric=row.metric, object=row.object, period=row.period))


def merge_duplicate_claims(conn: sa.Connection, meeting_ids: Iterable[int]) -> int:
    """Make claims of these meetings that are one claim (:func:`archive.resolve.same_claim`) one row
    again, e.g. after two persons were merged; claims sharing a source article stay apart. The
    number of claims merged away."""
    merged = 0
    for mid in sorted(set(meeting_ids)):
        rows = conn.execute(sa.select(CLAIMS.c.id, CLAIMS.c.speaker_id, CLAIMS.c.metric_code, CLAIMS.c.unit,
                                      CLAIMS.c.value, CLAIMS.c.period_start, CLAIMS.c.period_end)
                            .where(CLAIMS.c.meeting_id == mid).order_by(CLAIMS.c.id)).all()
        if len(rows) < 2:
            continue
        articles: dict[int, set[int]] = {r.id: set() for r in rows}
        for cid, aid in conn.execute(sa.select(CLAIM_SOURCES.c.claim_id, CLAIM_SOURCES.c.article_id)
                                     .where(CLAIM_SOURCES.c.claim_id.in_(list(articles)))):
            articles[cid].add(aid)
        kept: list[Any] = []
        for row in rows:
            target = next((k for k in kept if same_claim(k, row) and not articles[k.id] & articles[row.id]), None)
            if target is None:
                kept.append(row)
                continue
            conn.execute(CLAIM_SOURCES.update().where(CLAIM_SOURCES.c.claim_id == row.id)
                         .values(claim_id=target.id))
            articles[target.id] |= articles[row.id]
            conn.execute(CLAIMS.delete().where(CLAIMS.c.id == row.id))
            merged += 1
    return merged


def delete_orphan_meetings(conn: sa.Connection, ids: Iterable[int]) -> None:
    """Delete those of ``ids`` that no article reports any more."""
    ids = list(ids)
    if ids:
        conn.execute(MEETINGS.delete().where(
            MEETINGS.c.id.in_(ids),
            ~sa.exists().where(MEETING_ARTICLES.c.meeting_id == MEETINGS.c.id)))


def _first_line(error: BaseException) -> str:
    orig = getattr(error, "orig", None) or error
    lines = [x.strip() for x in str(orig).splitlines() if x.strip()]
    return lines[0] if lines else type(error).__name__


# -- persons and corrections ------------------------------------------------------------------------

def record_correction(conn: sa.Connection, kind: str, payload: dict[str, Any]) -> None:
    conn.execute(sa.insert(CORRECTIONS).values(kind=kind, payload=payload, created_at=dt.datetime.now(dt.UTC)))


def person_exists(conn: sa.Connection, pid: int) -> bool:
    return conn.scalar(sa.select(PERSONS.c.id).where(PERSONS.c.id == pid)) is not None


def refresh_signatures(conn: sa.Connection, person_id: int) -> None:
    """Recompute the de-duplication signature of every meeting ``person_id`` takes part in."""
    mids = list(conn.scalars(sa.select(PARTICIPANTS.c.meeting_id).where(PARTICIPANTS.c.person_id == person_id)))
    for mid in mids:
        kind = conn.scalar(sa.select(MEETINGS.c.kind).where(MEETINGS.c.id == mid))
        pids = conn.scalars(sa.select(PARTICIPANTS.c.person_id).where(PARTICIPANTS.c.meeting_id == mid))
        conn.execute(MEETINGS.update().where(MEETINGS.c.id == mid)
                     .values(signature=meeting_signature(kind, pids)))


def merge_persons(conn: sa.Connection, source: int, target: int) -> None:
    """Move everything of person ``source`` to ``target`` and delete ``source``."""
    if source == target:
        return
    both = sa.select(PARTICIPANTS.c.meeting_id).where(PARTICIPANTS.c.person_id == target).scalar_subquery()
    conn.execute(PARTICIPANTS.delete().where(PARTICIPANTS.c.person_id == source,
                                             PARTICIPANTS.c.meeting_id.in_(both)))
    conn.execute(PARTICIPANTS.update().where(PARTICIPANTS.c.person_id == source).values(person_id=target))
    conn.execute(QUOTES.update().where(QUOTES.c.speaker_id == source).values(speaker_id=target))
    conn.execute(CLAIMS.update().where(CLAIMS.c.speaker_id == source).values(speaker_id=target))
    theirs = {row.key: row for row in conn.execute(sa.select(POSITIONS).where(POSITIONS.c.person_id == target))
              if row.key is not None}
    for row in conn.execute(sa.select(POSITIONS).where(POSITIONS.c.person_id == source)).all():
        other = theirs.get(row.key) if row.key is not None else None
        if other is None:
            conn.execute(POSITIONS.update().where(POSITIONS.c.id == row.id).values(person_id=target))
            continue
        firsts = [d for d in (row.first_seen, other.first_seen) if d is not None]
        lasts = [d for d in (row.last_seen, other.last_seen) if d is not None]
        conn.execute(POSITIONS.delete().where(POSITIONS.c.id == row.id))
        conn.execute(POSITIONS.update().where(POSITIONS.c.id == other.id).values(
            first_seen=min(firsts) if firsts else None, last_seen=max(lasts) if lasts else None))
    conn.execute(ALIASES.update().where(ALIASES.c.person_id == source).values(person_id=target))
    conn.execute(PERSONS.delete().where(PERSONS.c.id == source))
    refresh_signatures(conn, target)
    merge_duplicate_claims(conn, conn.scalars(sa.select(CLAIMS.c.meeting_id).distinct().where(
        CLAIMS.c.speaker_id == target, CLAIMS.c.meeting_id.is_not(None))).all())


def merge_correction(conn: sa.Connection, source: int, target: int) -> None:
    """Merge and record it: the source's spellings (alias keys) identify it when replayed."""
    keys = sorted(conn.scalars(sa.select(ALIASES.c.key).where(ALIASES.c.person_id == source)))
    name = conn.scalar(sa.select(PERSONS.c.name).where(PERSONS.c.id == source))
    merge_persons(conn, source, target)
    record_correction(conn, "merge", {"source": source, "target": target, "name": name, "aliases": keys})


def rename_person(conn: sa.Connection, pid: int, name: str, *, record: bool = True) -> None:
    values: dict[str, Any] = {"name": name}
    if script_of(name) == "Latn":
        values["name_latin"] = name
    conn.execute(PERSONS.update().where(PERSONS.c.id == pid).values(**values))
    set_alias(conn, pid, name, None)
    if record:
        record_correction(conn, "rename", {"person": pid, "name": name})


def set_alias(conn: sa.Connection, pid: int, spelling: str, language: str | None) -> str:
    """Make ``spelling`` an alias of ``pid`` (moving it from another person if needed)."""
    key = alias_key(spelling)
    owner = conn.scalar(sa.select(ALIASES.c.person_id).where(ALIASES.c.key == key))
    if owner is None:
        conn.execute(sa.insert(ALIASES).values(person_id=pid, alias=spelling, key=key,
                                               script=script_of(spelling), language=language))
    elif owner != pid:
        conn.execute(ALIASES.update().where(ALIASES.c.key == key).values(person_id=pid))
    return key


def add_alias_correction(conn: sa.Connection, pid: int, spelling: str, language: str | None = None) -> None:
    key = set_alias(conn, pid, spelling, language)
    record_correction(conn, "alias_add", {"person": pid, "alias": spelling, "key": key, "language": language})


def remove_alias_correction(conn: sa.Connection, pid: int, spelling: str) -> bool:
    """Remove a spelling from a person; it will not be matched to that person again. False when the
    person has no such alias."""
    key = alias_key(spelling)
    gone = conn.execute(ALIASES.delete().where(ALIASES.c.key == key, ALIASES.c.person_id == pid)).rowcount
    record_correction(conn, "alias_remove", {"person": pid, "alias": spelling, "key": key})
    return bool(gone)


def replay_corrections(conn: sa.Connection) -> int:
    """Apply every recorded correction again (idempotent); the number that changed something."""
    changed = 0
    for kind, p, made in conn.execute(sa.select(CORRECTIONS.c.kind, CORRECTIONS.c.payload,
                                                CORRECTIONS.c.created_at).order_by(CORRECTIONS.c.id)):
        if not isinstance(p, dict):
            continue
        if kind == "merge":
            target = p.get("target")
            if target is None or not person_exists(conn, target):
                continue
            # persons created since the merge that carry a merged spelling (an editor's later
            # alias moves to older persons are left alone)
            others = set(conn.scalars(sa.select(ALIASES.c.person_id).join(
                PERSONS, PERSONS.c.id == ALIASES.c.person_id).where(
                ALIASES.c.key.in_(p.get("aliases") or []), ALIASES.c.person_id != target,
                PERSONS.c.created_at >= made)))
            if p.get("source") is not None and person_exists(conn, p["source"]):
                others.add(p["source"])
            for source in sorted(others):
                merge_persons(conn, source, target)
                changed += 1
        elif kind == "rename":
            pid = p.get("person")
            if pid is not None and conn.execute(PERSONS.update().where(
                    PERSONS.c.id == pid, PERSONS.c.name != p["name"]).values(name=p["name"])).rowcount:
                changed += 1
        elif kind == "alias_add":
            pid = p.get("person")
            if pid is not None and person_exists(conn, pid):
                owner = conn.scalar(sa.select(ALIASES.c.person_id).where(ALIASES.c.key == p["key"]))
                if owner != pid:
                    set_alias(conn, pid, p["alias"], p.get("language"))
                    changed += 1
        elif kind == "alias_remove":
            changed += conn.execute(ALIASES.delete().where(
                ALIASES.c.key == p.get("key"), ALIASES.c.person_id == p.get("person"))).rowcount
    return changed
