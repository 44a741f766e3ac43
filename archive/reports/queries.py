"""Lookups: an official's profile, meetings, quotes and claims with filters (built on the views).

Each listing returns ``(columns, rows)`` with rows as dicts; the CLI renders them with
:mod:`archive.output`. Every user value is a bound parameter; only fixed SQL fragments chosen by
code are put together.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from archive import db as archive_db

Row = dict[str, Any]
Listing = tuple[list[str], list[Row]]


def _fold(text: str | None) -> str | None:
    return None if text is None else text.casefold()


def engine_for(url: str) -> sa.Engine:
    """An engine for lookups. SQLite connections get ``archive_fold(text)`` (Unicode case folding,
    which SQLite's lower() lacks for Cyrillic); PostgreSQL's lower() already folds Unicode, and its
    connections run without JIT."""
    if archive_db.normalise_url(url).get_backend_name() == "postgresql":
        # short indexed look-ups: JIT compilation would cost more (~25 ms) than it saves
        return archive_db.make_engine(url, connect_args={"options": "-c jit=off"})
    engine = archive_db.make_engine(url)
    if engine.dialect.name == "sqlite":
        @sa.event.listens_for(engine, "connect")
        def _functions(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.create_function("archive_fold", 1, _fold, deterministic=True)
    return engine


@contextmanager
def connect(url: str) -> Iterator[sa.Connection]:
    engine = engine_for(url)
    try:
        with archive_db.translate_errors(url), engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def fold_sql(conn: sa.Connection, expr: str) -> str:
    return f"archive_fold({expr})" if conn.dialect.name == "sqlite" else f"lower({expr})"


def like_pattern(text: str) -> str:
    """%text% for LIKE … ESCAPE '!', case-folded."""
    return "%" + text.casefold().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"


def iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def rows_of(result: sa.CursorResult, columns: Sequence[str] | None = None) -> Listing:
    cols = list(columns or result.keys())
    return cols, [{c: iso(v) for c, v in zip(cols, r, strict=True)} for r in result]


DATE = sa.Date()
CLAIM_VALUE = sa.Numeric(30, 6, asdecimal=True)


@dataclass
class Filter:
    """WHERE clauses with their bound parameters."""
    clauses: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    types: dict[str, Any] = field(default_factory=dict)

    def add(self, clause: str, **params: Any) -> None:
        self.clauses.append(clause)
        self.params.update(params)

    def dates(self, expr: str, since: dt.date | None, until: dt.date | None) -> None:
        if since is not None:
            self.add(f"{expr} >= :since", since=since)
            self.types["since"] = DATE
        if until is not None:
            self.add(f"{expr} <= :until", until=until)
            self.types["until"] = DATE

    def where(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""

    def statement(self, sql: str) -> sa.TextClause:
        stmt = sa.text(sql)
        binds = [sa.bindparam(k, type_=t) for k, t in self.types.items() if k in self.params]
        return stmt.bindparams(*binds) if binds else stmt


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit else ""


# -- meetings ---------------------------------------------------------------------------------------

MEETING_COLUMNS = ["meeting_id", "date", "kind", "participants", "countries", "city", "country",
                   "occasion", "sources"]


def meetings(conn: sa.Connection, *, person_ids: Sequence[int] = (), country: str | None = None,
             between: tuple[str, str] | None = None, kind: str | None = None,
             since: dt.date | None = None, until: dt.date | None = None, occasion: str | None = None,
             limit: int | None = None) -> Listing:
    """Meetings where every person in ``person_ids`` took part, a participant represents
    ``country``, both countries of ``between`` are represented, of ``kind``, between dates, with
    ``occasion`` in the occasion text (case-insensitive); newest first."""
    f = Filter()
    for n, pid in enumerate(person_ids):
        f.add(f"v.meeting_id IN (SELECT meeting_id FROM meeting_participants WHERE person_id = :p{n})",
              **{f"p{n}": pid})
    codes = [c for c in ([country] if country else []) + list(between or ())]
    for n, code in enumerate(codes):
        f.add(f"v.meeting_id IN (SELECT meeting_id FROM meeting_participants WHERE country = :c{n})",
              **{f"c{n}": code.upper()})
    if kind:
        f.add("v.kind = :kind", kind=kind)
    f.dates("v.date", since, until)
    if occasion:
        f.add(f"{fold_sql(conn, 'v.occasion')} LIKE :occasion ESCAPE '!'", occasion=like_pattern(occasion))
    sql = (f"SELECT {', '.join('v.' + c for c in MEETING_COLUMNS)} FROM v_meetings v{f.where()} "
           f"ORDER BY v.date DESC, v.meeting_id DESC{_limit(limit)}")
    return rows_of(conn.execute(f.statement(sql), f.params), MEETING_COLUMNS)


# -- quotes -----------------------------------------------------------------------------------------

QUOTE_COLUMNS = ["quote_id", "date", "speaker", "direct", "text", "language", "countries", "source"]
_TOKEN = re.compile(r"\w+")
_FINAL_VOWELS = frozenset("аеёиоуыэюяәөүұійьaeiouy")   # endings are mostly these


def search_prefixes(text: str) -> list[str]:
    """One prefix per query word that covers its inflected forms: the common prefix of the word and
    its base forms (Kazakh/Russian morphology, chosen by the word's letters), final vowels dropped
    ("инвестиция" -> "инвестиц", matching инвестиций, инвестициялар …)."""
    import importlib

    from archive.reports.people import _morph_modules

    out = []
    for word in _TOKEN.findall(text.casefold()):
        prefix = word
        for lang in _morph_modules(word):
            morph = importlib.import_module(f"archive.extract.{lang}.morph")
            for stem in morph.stems(word)[:2]:
                common = _common_prefix(word, stem.casefold())
                if 3 <= len(common) < len(prefix):
                    prefix = common
        for _ in range(2):               # a final vowel (+ й/ь) is usually an ending
            if len(prefix) >= 6 and prefix[-1] in _FINAL_VOWELS:
                prefix = prefix[:-1]
        if prefix not in out:
            out.append(prefix)
    return out


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def fts_match(conn: sa.Connection, text: str) -> tuple[str, dict[str, Any]]:
    """(clause on ``v.quote_id``, params) for a full-text search; prefixes ANDed."""
    prefixes = search_prefixes(text)
    if not prefixes:
        return "1 = 0", {}
    if conn.dialect.name == "postgresql":
        query = " & ".join(f"{p}:*" for p in prefixes)
        return ("v.quote_id IN (SELECT quote_id FROM quotes_fts WHERE document @@ to_tsquery('simple', :fts))",
                {"fts": query})
    query = " ".join('"' + p.replace('"', '""') + '"*' for p in prefixes)
    return "v.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :fts)", {"fts": query}


def quotes(conn: sa.Connection, *, person_id: int | None = None, search: str | None = None,
           direct: bool | None = None, since: dt.date | None = None, until: dt.date | None = None,
           limit: int | None = None) -> Listing:
    f = Filter()
    if person_id is not None:
        f.add("v.speaker_id = :speaker", speaker=person_id)
    if search:
        clause, params = fts_match(conn, search)
        f.add(clause, **params)
    if direct is not None:
        f.add("v.direct = :direct", direct=1 if direct else 0)
    date = "COALESCE(v.meeting_date, v.published)"
    f.dates(date, since, until)
    sql = (f"SELECT v.quote_id, {date} AS date, v.speaker, v.direct, v.text, v.language, v.countries, "
           f"v.source FROM v_quotes v{f.where()} ORDER BY {date} DESC, v.quote_id{_limit(limit)}")
    cols, rows = rows_of(conn.execute(f.statement(sql), f.params), QUOTE_COLUMNS)
    for r in rows:
        r["direct"] = bool(r["direct"])
    return cols, rows


# -- claims -----------------------------------------------------------------------------------------

CLAIM_COLUMNS = ["claim_id", "date", "speaker", "value", "unit", "qualifier", "change", "metric", "metric_code",
                 "object", "period", "period_start", "period_end", "countries", "source_count", "languages",
                 "source"]
_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{1,2}))?")


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """``2023`` → the year, ``2023-04`` → the month, ``2022..2023-06`` → from the first day of the
    first to the last day of the second; ValueError for anything else."""
    import calendar

    def bound(part: str, first: bool) -> dt.date:
        m = _YEAR_MONTH.fullmatch(part.strip())
        if not m or not (m[2] is None or 1 <= int(m[2]) <= 12) or int(m[1]) < 1:
            raise ValueError(f"{text!r} is no period: give YYYY, YYYY-MM or FROM..TO (e.g. 2022..2023-06)")
        year = int(m[1])
        month = int(m[2]) if m[2] else (1 if first else 12)
        return dt.date(year, month, 1 if first else calendar.monthrange(year, month)[1])

    start, sep, end = text.partition("..")
    first, last = bound(start, True), bound(end if sep else start, False)
    if first > last:
        raise ValueError(f"{text!r} ends before it starts")
    return first, last


def metric_clause(conn: sa.Connection, f: Filter, metric: str, alias: str = "v") -> None:
    """Claims whose metric code or words (as any of its sources writes them) contain ``metric``."""
    code = like_pattern(metric.strip().replace(" ", "_").replace("-", "_"))
    f.add(f"({alias}.metric_code LIKE :metric_code ESCAPE '!' "
          f"OR {fold_sql(conn, alias + '.metric')} LIKE :metric ESCAPE '!' "
          f"OR {alias}.claim_id IN (SELECT cs.claim_id FROM claim_sources cs "
          f"WHERE {fold_sql(conn, 'cs.metric')} LIKE :metric ESCAPE '!'))",
          metric=like_pattern(metric), metric_code=code)


def period_clause(f: Filter, period: tuple[dt.date, dt.date], alias: str = "v") -> None:
    """Claims whose period overlaps ``period``; a missing bound is taken to be the other one (a
    target "by 2030" is its last month, "since 2005" with no end its first)."""
    f.add(f"COALESCE({alias}.period_start, {alias}.period_end) <= :period_to "
          f"AND COALESCE({alias}.period_end, {alias}.period_start) >= :period_from",
          period_from=period[0], period_to=period[1])
    f.types.update(period_from=DATE, period_to=DATE)


def countries_clause(f: Filter, codes: Sequence[str], alias: str = "v") -> None:
    """Claims (or quotes) said at a meeting where every one of ``codes`` took part."""
    for n, code in enumerate(codes):
        f.add(f"{alias}.meeting_id IN (SELECT meeting_id FROM meeting_participants WHERE country = :cc{n})",
              **{f"cc{n}": code.upper()})


def claims(conn: sa.Connection, *, person_id: int | None = None, metric: str | None = None,
           unit: str | None = None, country: str | None = None, between: tuple[str, str] | None = None,
           period: tuple[dt.date, dt.date] | None = None, since: dt.date | None = None,
           until: dt.date | None = None, limit: int | None = None) -> Listing:
    """Claims, newest first: by speaker, metric (code or words, any language's source), unit,
    countries at the meeting, period overlapping ``period``, date said."""
    f = Filter()
    if person_id is not None:
        f.add("v.speaker_id = :speaker", speaker=person_id)
    if metric:
        metric_clause(conn, f, metric)
    if unit:
        f.add("v.unit = :unit", unit=unit)
    countries_clause(f, [c for c in ([country] if country else []) + list(between or ())])
    if period:
        period_clause(f, period)
    date = "COALESCE(v.meeting_date, v.published)"
    f.dates(date, since, until)
    sql = (f"SELECT v.claim_id, {date} AS date, v.speaker, v.value, v.unit, v.qualifier, v.change, "
           f"v.metric, v.metric_code, v.object, v.period, v.period_start, v.period_end, v.countries, "
           f"v.source_count, v.languages, v.source FROM v_claims v{f.where()} "
           f"ORDER BY {date} DESC, v.claim_id{_limit(limit)}")
    cols, rows = rows_of(conn.execute(f.statement(sql).columns(value=CLAIM_VALUE, period_start=DATE,
                                                               period_end=DATE), f.params), CLAIM_COLUMNS)
    return cols, rows


# -- profile ----------------------------------------------------------------------------------------

@dataclass
class Profile:
    person: Row
    names: Listing
    positions: Listing
    meetings: Listing
    quotes: Listing
    claims: Listing

    def sections(self) -> list[tuple[str, Listing]]:
        return [("names", self.names), ("positions", self.positions), ("meetings", self.meetings),
                ("quotes", self.quotes), ("claims", self.claims)]


def profile(conn: sa.Connection, person_id: int, *, since: dt.date | None = None,
            until: dt.date | None = None, limit: int | None = 20) -> Profile:
    """Names and aliases, positions with first/last dates, meeting timeline, recent direct quotes,
    numeric claims of one person."""
    person = conn.execute(sa.text("SELECT id, name, name_latin FROM persons WHERE id = :id"),
                          {"id": person_id}).one()
    names = rows_of(conn.execute(sa.text(
        "SELECT alias, script, language FROM person_aliases WHERE person_id = :id ORDER BY alias"),
        {"id": person_id}))
    positions = rows_of(conn.execute(sa.text(
        "SELECT position, role, country, first_seen, last_seen FROM person_positions "
        "WHERE person_id = :id ORDER BY first_seen, last_seen, id"), {"id": person_id}))
    if not positions[1]:      # importer has not recorded positions: read them off the meetings
        positions = rows_of(conn.execute(sa.text(
            "SELECT position, role, country, min(date) AS first_seen, max(date) AS last_seen "
            "FROM v_participation WHERE person_id = :id AND position IS NOT NULL "
            "GROUP BY position, role, country ORDER BY min(date), max(date), position"),
            {"id": person_id}))
    f = Filter()
    f.add("me.person_id = :id", id=person_id)
    f.dates("m.date", since, until)
    others = ("(SELECT {agg} FROM meeting_participants o JOIN persons op ON op.id = o.person_id "
              "WHERE o.meeting_id = m.id AND o.person_id <> me.person_id)")
    if conn.dialect.name == "postgresql":
        counterpart = others.format(agg="string_agg(op.name || COALESCE(' (' || o.country || ')', ''), '; ' "
                                        "ORDER BY o.id)")
    else:
        counterpart = (
            "(SELECT group_concat(x, '; ') FROM (SELECT op.name || COALESCE(' (' || o.country || ')', '') "
            "AS x FROM meeting_participants o JOIN persons op ON op.id = o.person_id "
            "WHERE o.meeting_id = m.id AND o.person_id <> me.person_id ORDER BY o.id))")
    meeting_rows = rows_of(conn.execute(f.statement(
        f"SELECT m.id AS meeting_id, m.date, m.kind, {counterpart} AS counterparts, m.city, "
        f"m.country, m.occasion, v.sources FROM meeting_participants me "
        f"JOIN meetings m ON m.id = me.meeting_id JOIN v_meetings v ON v.meeting_id = m.id{f.where()} "
        f"ORDER BY m.date DESC, m.id DESC{_limit(limit)}"), f.params))
    q = quotes(conn, person_id=person_id, direct=True, since=since, until=until, limit=limit)
    c = claims(conn, person_id=person_id, since=since, until=until, limit=limit)
    return Profile({"person_id": person.id, "name": person.name, "name_latin": person.name_latin},
                   names, positions, meeting_rows, q, c)

