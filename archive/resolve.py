"""Entity resolution against the archive: outlets, countries, persons, positions, topics, meetings.

A :class:`Resolver` lives as long as an import and caches what it has looked up. Everything it
caches during an article's transaction is kept only when that transaction commits
(:meth:`Resolver.commit`); a rollback forgets it (:meth:`Resolver.rollback`), so a retried article
never sees ids of rows that were never stored.

Persons are matched, in order, by

1. the spelling's alias key (the exact spelling, case- and whitespace-folded) in ``person_aliases``,
2. the language-independent person key (:func:`archive.names.person_key`) in ``persons.key``,
3. fuzzy similarity (:func:`archive.names.name_similarity` ≥ ``MATCH_THRESHOLD``) among the persons
   whose surname key shares its first letters with the mention's (an indexed range, never a scan),

and a new person is created otherwise. Every new spelling becomes an alias. Spellings an editor
removed from a person (``archive person alias remove``) never match that person again.

Meetings reported by several articles become one: compatible kind (see :data:`KIND_GROUPS`), dates
(the meeting's date, else the article's) at most one day apart, and the same participants — or
participants that differ by one person whom a participant both reports name outranks (one report
names an extra minister; see :func:`principals_agree`).

Claims said at one meeting and reported by several articles become one as well
(:func:`same_claim`): same speaker, metric code, unit and period, values within 0.5 %.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from archive.models import Base
from archive.names import MATCH_THRESHOLD, known_official, name_similarity, person_key, surname_key
from archive.record import MEETING_KINDS, ROLES
from archive.topics import topic_base, topic_key

T = Base.metadata.tables
ARTICLES, OUTLETS, PERSONS, ALIASES = T["articles"], T["outlets"], T["persons"], T["person_aliases"]
POSITIONS, MEETINGS, MEETING_ARTICLES = T["person_positions"], T["meetings"], T["meeting_articles"]
PARTICIPANTS, TOPICS, MEETING_TOPICS = T["meeting_participants"], T["topics"], T["meeting_topics"]
QUOTES, CLAIMS, CORRECTIONS, COUNTRIES = T["quotes"], T["claims"], T["corrections"], T["countries"]
CLAIM_SOURCES, MEETING_TOPIC_CODES = T["claim_sources"], T["meeting_topic_codes"]

# Kinds that articles use for the same event: a visit is reported as talks or a meeting, a summit
# as a session of its council. Calls stay apart from meetings in person.
KIND_GROUPS: dict[str, str] = {
    "meeting": "meeting", "talks": "meeting", "visit": "meeting",
    "phone_call": "phone_call", "video_call": "video_call",
    "summit": "summit", "session": "summit",
}
MEETING_WINDOW = dt.timedelta(days=1)
# Who leads a delegation: a lower rank outranks a higher one. Two reports of one meeting may differ by
# one participant only when someone both name outranks that participant (an extra minister at a
# meeting of prime ministers); a participant whose role is unknown is never left aside.
ROLE_RANK: dict[str, int] = {
    "head_of_state": 0, "head_of_government": 1, "head_of_organization": 1, "deputy_head_of_government": 2,
    "minister": 3, "legislator": 3, "regional_head": 4, "ambassador": 4, "deputy_minister": 5, "other": 6,
}
CLAIM_TOLERANCE = Decimal("0.005")    # values of one claim in two reports differ by at most 0.5 %
SURNAME_PREFIX = 3           # fuzzy candidates: persons whose surname key starts with these letters
MAX_CANDIDATES = 200

_PUNCT = re.compile(r"[\"'«»“”„`’.,;:()\[\]]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def fold(text: str) -> str:
    """Case-, space- and punctuation-folded text (ё = е)."""
    return " ".join(_PUNCT.sub(" ", text.replace("ё", "е").replace("Ё", "Е")).casefold().split())


def alias_key(name: str) -> str:
    """The key of one spelling: "Әлихан  Смайылов" and "әлихан смайылов" share it; "Smailov" does not."""
    return fold(name)[:200]


def outlet_key(name: str) -> str:
    """"Kazinform", "www.kazinform.kz", "Казинформ" → "kazinform"; "Egemen Qazaqstan" → "egemen qazaqstan"
    (a known outlet under any of its names or spellings is one outlet: archive/extract/data/outlets.yaml)."""
    from archive.extract.sources import canonical_outlet

    key = fold(canonical_outlet(name.strip()))
    key = re.sub(r"^(https? )?(www )?", "", key.replace("://", " ").replace("/", " ").strip())
    key = re.sub(r" (kz|ru|com|org|gov kz|net)$", "", key.replace(".", " "))
    return key[:200] or fold(name)[:200]


def script_of(name: str) -> str | None:
    if _CYRILLIC.search(name):
        return "Cyrl"
    if _LATIN.search(name):
        return "Latn"
    return None


def position_key(role: str | None, country: str | None, position: str | None) -> str | None:
    """One row per role and country when the role is known (whatever language names it), else per
    position text; None when nothing is known."""
    if role:
        return f"{role}|{country or ''}"
    if position:
        return f"|{country or ''}|{fold(position)}"[:400]
    return None


def meeting_signature(kind: str, person_ids: Iterable[int]) -> str | None:
    ids = sorted(set(person_ids))
    if not ids:
        return None
    text = KIND_GROUPS.get(kind, kind) + ":" + ",".join(map(str, ids))
    return hashlib.sha256(text.encode()).hexdigest()[:64]


def principals_agree(ours: Mapping[int, str | None], theirs: Mapping[int, str | None],
                     known_role: Callable[[int], str | None] = lambda pid: None) -> bool:
    """Whether two participant lists (person id -> role) may be one meeting's although they differ:
    exactly one person is in only one of them, at least two are in both, and one of those outranks
    the extra person (:data:`ROLE_RANK`; a role missing from both lists comes from ``known_role``)."""
    shared = set(ours) & set(theirs)
    extra = set(ours) ^ set(theirs)
    if len(extra) != 1 or len(shared) < 2:
        return False

    def rank(pid: int) -> int | None:
        return ROLE_RANK.get(ours.get(pid) or theirs.get(pid) or known_role(pid) or "")

    (other,) = extra
    theirs_rank = rank(other)
    if theirs_rank is None:
        return False
    best = min((r for r in map(rank, shared) if r is not None), default=None)
    return best is not None and best < theirs_rank


def close_values(a: Decimal, b: Decimal) -> bool:
    """Within :data:`CLAIM_TOLERANCE` of the larger magnitude (0 only equals 0)."""
    a, b = Decimal(a), Decimal(b)
    return abs(a - b) <= CLAIM_TOLERANCE * max(abs(a), abs(b))


def same_claim(a: Any, b: Any) -> bool:
    """Two claims (objects or rows with speaker_id, metric_code, unit, period_start, period_end,
    value) said at one meeting are one: same speaker, metric code, unit and period (None equals
    None), values within 0.5 %."""
    return (a.speaker_id == b.speaker_id and a.metric_code == b.metric_code and a.unit == b.unit
            and a.period_start == b.period_start and a.period_end == b.period_end
            and close_values(a.value, b.value))


_MONTH = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def _month_day(text: str | None, first: bool) -> dt.date | None:
    if not text:
        return None
    m = _MONTH.fullmatch(text.strip())
    if not m:
        return None
    year, month = int(m[1]), int(m[2]) if m[2] else (1 if first else 12)
    if not (year >= 1 and 1 <= month <= 12):
        return None
    return dt.date(year, month, 1 if first else calendar.monthrange(year, month)[1])


def month_span(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    """A record's period ("YYYY-MM" … "YYYY-MM"; a bare year counts as its months) as the first day
    of its first month and the last day of its last month. Unreadable bounds are None; a period
    that ends before it starts is (None, None)."""
    first, last = _month_day(start, True), _month_day(end, False)
    if first is not None and last is not None and first > last:
        return None, None
    return first, last


def lock_id(namespace: str, value: str) -> int:
    """A signed 64-bit advisory-lock id for ``namespace:value``."""
    digest = hashlib.blake2b(f"{namespace}:{value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def upsert_insert(dialect: str, table: sa.Table) -> Any:
    """INSERT that supports ``on_conflict_do_nothing/update`` on this backend."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


_LOCKS = sa.text("SELECT count(pg_advisory_xact_lock(k)) FROM "
                 "(SELECT unnest(CAST(:keys AS bigint[])) AS k ORDER BY 1) AS ordered")


class TxCache:
    """A dict whose writes become visible to later transactions only after :meth:`commit`."""

    def __init__(self) -> None:
        self.data: dict[Any, Any] = {}
        self.pending: dict[Any, Any] = {}

    def get(self, key: Any) -> Any:
        if key in self.pending:
            return self.pending[key]
        return self.data.get(key)

    def put(self, key: Any, value: Any) -> None:
        self.pending[key] = value

    def commit(self) -> None:
        self.data.update(self.pending)
        self.pending.clear()

    def rollback(self) -> None:
        self.pending.clear()

    def clear(self) -> None:
        self.data.clear()
        self.pending.clear()


class Resolver:
    """Looks up or creates outlets, persons, positions, topics and meetings on one connection's
    transaction. Call :meth:`prepare` once per connection's session, :meth:`commit` or
    :meth:`rollback` after each transaction."""

    def __init__(self, dialect: str):
        self.dialect = dialect
        self.countries: frozenset[str] = frozenset()
        self.blocked: set[tuple[str, int]] = set()        # (alias key, person id) an editor removed
        self.outlets = TxCache()
        self.aliases = TxCache()          # alias key -> person id
        self.positions = TxCache()        # (person id, key) -> (first, last)
        self.topics = TxCache()
        self.ready = False
        # how the last meeting() call found its meeting: "new" (created), "same" (same participants)
        # or "near" (participants differing by one outranked person: the signature needs refreshing)
        self.last_match = "new"

    # -- lifecycle ----------------------------------------------------------------------------------
    def prepare(self, conn: sa.Connection) -> None:
        if self.ready:
            return
        self.countries = frozenset(conn.scalars(sa.select(COUNTRIES.c.code)))
        self.blocked = set()
        for payload in conn.scalars(sa.select(CORRECTIONS.c.payload)
                                    .where(CORRECTIONS.c.kind == "alias_remove")):
            if isinstance(payload, dict) and payload.get("key") and payload.get("person") is not None:
                self.blocked.add((payload["key"], int(payload["person"])))
        self.ready = True

    def caches(self) -> tuple[TxCache, ...]:
        return (self.outlets, self.aliases, self.positions, self.topics)

    def commit(self) -> None:
        for c in self.caches():
            c.commit()

    def rollback(self) -> None:
        for c in self.caches():
            c.rollback()

    def reset(self) -> None:
        """Forget everything (after a conflict: another process may have changed the rows)."""
        for c in self.caches():
            c.clear()
        self.ready = False

    def begin_write(self, conn: sa.Connection) -> None:
        """SQLite: take the write lock at the start of the transaction (waiting up to the busy
        timeout), as BEGIN IMMEDIATE would; a deferred transaction that reads first cannot wait
        for another writer and fails with "database is locked" instead."""
        if self.dialect == "sqlite":
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = version_num WHERE 0")

    def lock(self, conn: sa.Connection, *groups: tuple[str, Iterable[str]]) -> None:
        """PostgreSQL: transaction-scoped advisory locks on ``(namespace, values)`` groups, taken in
        one statement and in a fixed order (no deadlocks between importers). SQLite needs none: it
        has one writer at a time."""
        if self.dialect != "postgresql":
            return
        keys = sorted({lock_id(ns, v) for ns, values in groups for v in values if v})
        if keys:
            conn.execute(_LOCKS, {"keys": keys})

    # -- simple entities ----------------------------------------------------------------------------
    def country(self, code: str | None) -> str | None:
        code = (code or "").upper()
        return code if code in self.countries else None

    def outlet(self, conn: sa.Connection, name: str | None) -> int | None:
        if not name or not name.strip():
            return None
        key = outlet_key(name)
        found = self.outlets.get(key)
        if found is not None:
            return found
        conn.execute(upsert_insert(self.dialect, OUTLETS).values(name=name.strip(), key=key)
                     .on_conflict_do_nothing(index_elements=["key"]))
        oid = conn.scalar(sa.select(OUTLETS.c.id).where(OUTLETS.c.key == key))
        self.outlets.put(key, oid)
        return oid

    def topic(self, conn: sa.Connection, name: str, language: str | None) -> int | None:
        """The topic ``name`` denotes, whatever its inflection (created when new)."""
        key = topic_key(name, language)
        if not key:
            return None
        found = self.topics.get(key)
        if found is not None:
            return found
        conn.execute(upsert_insert(self.dialect, TOPICS).values(
            name=" ".join(name.split()), key=key, language=language, base=topic_base(name, language))
            .on_conflict_do_nothing(index_elements=["key"]))
        tid = conn.scalar(sa.select(TOPICS.c.id).where(TOPICS.c.key == key))
        self.topics.put(key, tid)
        return tid

    # -- persons ------------------------------------------------------------------------------------
    def person_locks(self, names: Iterable[str]) -> list[str]:
        """Lock names for the persons an article mentions (its surnames' first letters, so that two
        importers never create the same person twice)."""
        return [surname_key(n)[:SURNAME_PREFIX] or alias_key(n) for n in names if n and n.strip()]

    def person(self, conn: sa.Connection, name: str, language: str | None) -> int | None:
        """The id of the person ``name`` denotes, created when the archive has none; the spelling
        is stored as an alias."""
        name = " ".join(name.split())
        akey = alias_key(name)
        if not akey:
            return None
        pid = self.aliases.get(akey)
        if pid is not None:
            return pid
        pid = conn.scalar(sa.select(ALIASES.c.person_id).where(ALIASES.c.key == akey))
        if pid is not None and (akey, pid) not in self.blocked:
            self.aliases.put(akey, pid)
            return pid
        pkey, skey = person_key(name), surname_key(name)
        pid = self._match(conn, name, akey, pkey, skey)
        if pid is None:
            latin = name if script_of(name) == "Latn" else None
            display = name
            known = known_official(name)
            if known is not None:             # a well-known official: the usual display name
                display, latin = known
            pid = conn.execute(sa.insert(PERSONS).values(
                name=display, name_latin=latin, key=(pkey or akey)[:200], surname_key=skey[:200] or None,
                created_at=dt.datetime.now(dt.UTC)).returning(PERSONS.c.id)).scalar_one()
        self.add_alias(conn, pid, name, language)
        return pid

    def _match(self, conn: sa.Connection, name: str, akey: str, pkey: str, skey: str) -> int | None:
        if pkey:
            for pid in conn.scalars(sa.select(PERSONS.c.id).where(PERSONS.c.key == pkey[:200])
                                    .order_by(PERSONS.c.id)):
                if (akey, pid) not in self.blocked:
                    return pid
        if not skey:
            return None
        prefix = skey[:SURNAME_PREFIX]
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        rows = conn.execute(sa.select(PERSONS.c.id, PERSONS.c.name)
                            .where(PERSONS.c.surname_key >= prefix, PERSONS.c.surname_key < upper)
                            .order_by(PERSONS.c.id).limit(MAX_CANDIDATES)).all()
        best, best_score = None, MATCH_THRESHOLD
        for pid, other in rows:
            if (akey, pid) in self.blocked:
                continue
            score = name_similarity(name, other)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = pid, score
        return best

    def add_alias(self, conn: sa.Connection, pid: int, name: str, language: str | None) -> None:
        akey = alias_key(name)
        script = script_of(name)
        conn.execute(upsert_insert(self.dialect, ALIASES).values(
            person_id=pid, alias=name, key=akey, script=script, language=language)
            .on_conflict_do_nothing(index_elements=["key"]))
        if script == "Latn":
            conn.execute(PERSONS.update().where(PERSONS.c.id == pid, PERSONS.c.name_latin.is_(None))
                         .values(name_latin=name))
        self.aliases.put(akey, pid)

    def position(self, conn: sa.Connection, pid: int, role: str | None, country: str | None,
                 position: str | None, seen: dt.date | None) -> None:
        """Record that ``pid`` held a position on ``seen`` (first/last dates widened)."""
        self.positions_seen(conn, [(pid, role, country, position, seen)])

    def positions_seen(self, conn: sa.Connection,
                       items: Iterable[tuple[int, str | None, str | None, str | None, dt.date | None]]) -> None:
        """Several :meth:`position` calls in one upsert statement."""
        rows: dict[tuple[int, str], dict[str, Any]] = {}
        for pid, role, country, position, seen in items:
            role = role if role in ROLES else None
            key = position_key(role, country, position)
            if key is None:
                continue
            cached = self.positions.get((pid, key))
            if cached is not None:
                first, last = cached
                if seen is None or (first is not None and last is not None and first <= seen <= last):
                    continue
            row = rows.get((pid, key))
            if row is None:
                rows[(pid, key)] = {"person_id": pid, "role": role, "country": country, "position": position,
                                    "key": key, "first_seen": seen, "last_seen": seen}
            elif seen is not None:
                row["first_seen"] = min(d for d in (row["first_seen"], seen) if d is not None)
                row["last_seen"] = max(d for d in (row["last_seen"], seen) if d is not None)
        if not rows:
            return
        ins = upsert_insert(self.dialect, POSITIONS)
        ex = ins.excluded
        first = sa.case((POSITIONS.c.first_seen.is_(None), ex.first_seen), (ex.first_seen.is_(None),
                        POSITIONS.c.first_seen), (ex.first_seen < POSITIONS.c.first_seen, ex.first_seen),
                        else_=POSITIONS.c.first_seen)
        last = sa.case((POSITIONS.c.last_seen.is_(None), ex.last_seen), (ex.last_seen.is_(None),
                       POSITIONS.c.last_seen), (ex.last_seen > POSITIONS.c.last_seen, ex.last_seen),
                       else_=POSITIONS.c.last_seen)
        stmt = ins.on_conflict_do_update(index_elements=["person_id", "key"],
                                         set_={"first_seen": first, "last_seen": last})
        for pid, key, first_seen, last_seen in conn.execute(stmt.returning(
                POSITIONS.c.person_id, POSITIONS.c.key, POSITIONS.c.first_seen, POSITIONS.c.last_seen),
                list(rows.values())).all():
            self.positions.put((pid, key), (first_seen, last_seen))

    # -- meetings -----------------------------------------------------------------------------------
    def meeting(self, conn: sa.Connection, kind: str, date: dt.date | None, anchor: dt.date | None,
                city: str | None, country: str | None, occasion: str | None,
                person_ids: Iterable[int], roles: Mapping[int, str | None] | None = None) -> int:
        """The meeting these participants held around ``anchor`` (created if no article reported it
        yet): one with the same participants, else one whose participants differ by a person whom
        the others outrank (``roles``: person id -> role in this report)."""
        kind = kind if kind in MEETING_KINDS else "meeting"
        ids = sorted(set(person_ids))
        signature = meeting_signature(kind, ids)
        if signature and anchor is not None:
            group = KIND_GROUPS.get(kind, kind)
            days = [(anchor + dt.timedelta(days=d)).isoformat() for d in (-1, 0, 1)]
            self.lock(conn, ("meeting", [signature]), ("meeting-day", [f"{group}:{d}" for d in days]))
            window = MEETINGS.c.anchor_date.between(anchor - MEETING_WINDOW, anchor + MEETING_WINDOW)
            columns = (MEETINGS.c.id, MEETINGS.c.date, MEETINGS.c.city, MEETINGS.c.country, MEETINGS.c.occasion)
            row = conn.execute(sa.select(*columns).where(MEETINGS.c.signature == signature, window)
                               .order_by(MEETINGS.c.id).limit(1)).first()
            self.last_match = "same"
            if row is None and len(ids) >= 2:
                mid = self._near_meeting(conn, group, anchor, ids, dict(roles or {}))
                if mid is not None:
                    row = conn.execute(sa.select(*columns).where(MEETINGS.c.id == mid)).first()
                    self.last_match = "near"
            if row is not None:
                fill = {k: v for k, v, old in (("date", date, row.date), ("city", city, row.city),
                                               ("country", country, row.country),
                                               ("occasion", occasion, row.occasion))
                        if v is not None and old is None}
                if fill:
                    conn.execute(MEETINGS.update().where(MEETINGS.c.id == row.id).values(**fill))
                return row.id
        self.last_match = "new"
        return conn.execute(sa.insert(MEETINGS).values(
            kind=kind, date=date, city=city, country=country, occasion=occasion,
            signature=signature, anchor_date=anchor).returning(MEETINGS.c.id)).scalar_one()

    def _near_meeting(self, conn: sa.Connection, group: str, anchor: dt.date, ids: list[int],
                      roles: dict[int, str | None]) -> int | None:
        """A meeting of the kind group in the window whose participants differ from ``ids`` by one
        person the others outrank (:func:`principals_agree`). The meetings of the window are found
        by ``ix_meetings_anchor_date`` (a few a day), not through the persons (many over years)."""
        kinds = [k for k, g in KIND_GROUPS.items() if g == group]
        ours = {pid: roles.get(pid) for pid in ids}
        in_window = (sa.select(MEETINGS.c.id).where(
            MEETINGS.c.anchor_date.between(anchor - MEETING_WINDOW, anchor + MEETING_WINDOW),
            MEETINGS.c.kind.in_(kinds)).scalar_subquery())
        found: dict[int, dict[int, str | None]] = {}
        for mid, pid, role in conn.execute(
                sa.select(PARTICIPANTS.c.meeting_id, PARTICIPANTS.c.person_id, PARTICIPANTS.c.role)
                .where(PARTICIPANTS.c.meeting_id.in_(in_window))):
            found.setdefault(mid, {})[pid] = role
        need = max(2, len(ids) - 1)
        for mid in sorted(found):
            theirs = found[mid]
            if len(set(theirs) & set(ours)) >= need and principals_agree(
                    ours, theirs, lambda pid: self.known_role(conn, pid)):
                return mid
        return None

    def known_role(self, conn: sa.Connection, pid: int) -> str | None:
        """The role of the person's most recently seen position (None when none is known)."""
        return conn.scalar(sa.select(POSITIONS.c.role).where(POSITIONS.c.person_id == pid,
                                                              POSITIONS.c.role.is_not(None))
                           .order_by(POSITIONS.c.last_seen.desc().nulls_last(), POSITIONS.c.id.desc()).limit(1))


def refresh_signature(conn: sa.Connection, meeting_id: int) -> None:
    """Recompute a meeting's signature from all its participants (every report's, once merged)."""
    kind = conn.scalar(sa.select(MEETINGS.c.kind).where(MEETINGS.c.id == meeting_id))
    if kind is None:
        return
    pids = conn.scalars(sa.select(PARTICIPANTS.c.person_id).where(PARTICIPANTS.c.meeting_id == meeting_id))
    signature = meeting_signature(kind, pids)
    if signature is not None:
        conn.execute(MEETINGS.update().where(MEETINGS.c.id == meeting_id, sa.or_(
            MEETINGS.c.signature.is_(None), MEETINGS.c.signature != signature)).values(signature=signature))
