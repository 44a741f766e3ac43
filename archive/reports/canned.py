"""Canned reports built on the SQL views (``archive report NAME``)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from archive.reports.queries import CLAIM_VALUE, Filter, Listing, _limit, fold_sql, like_pattern, rows_of


@dataclass(frozen=True)
class Params:
    """What a report may be given on the command line."""
    person_id: int | None = None
    country: str | None = None
    metric: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None


def country_pairs(conn: sa.Connection, p: Params) -> Listing:
    """Meetings per country pair per year (v_country_pairs)."""
    f = Filter()
    if p.country:
        f.add("(country_a = :country OR country_b = :country)", country=p.country.upper())
    if p.since:
        f.add("year >= :y0", y0=p.since.year)
    if p.until:
        f.add("year <= :y1", y1=p.until.year)
    return rows_of(conn.execute(f.statement(
        f"SELECT country_a, country_b, year, meetings FROM v_country_pairs{f.where()} "
        f"ORDER BY year DESC, meetings DESC, country_a, country_b{_limit(p.limit)}"), f.params))


def most_quoted(conn: sa.Connection, p: Params) -> Listing:
    """Officials by number of quotes (direct and reported) (v_quotes)."""
    f = Filter()
    f.add("speaker_id IS NOT NULL")
    f.dates("COALESCE(meeting_date, published)", p.since, p.until)
    return rows_of(conn.execute(f.statement(
        "SELECT speaker_id, speaker, count(*) AS quotes, sum(direct) AS direct, "
        f"count(*) - sum(direct) AS reported FROM v_quotes{f.where()} GROUP BY speaker_id, speaker "
        f"ORDER BY count(*) DESC, speaker{_limit(p.limit)}"), f.params))


def claim_timeline(conn: sa.Connection, p: Params) -> Listing:
    """Claims about one metric over time (v_claims); needs --metric."""
    if not p.metric:
        raise ValueError("the claim-timeline report needs --metric TEXT")
    f = Filter()
    f.add(f"{fold_sql(conn, 'metric')} LIKE :metric ESCAPE '!'", metric=like_pattern(p.metric))
    date = "COALESCE(meeting_date, published)"
    f.dates(date, p.since, p.until)
    if p.person_id is not None:
        f.add("speaker_id = :speaker", speaker=p.person_id)
    stmt = f.statement(
        f"SELECT {date} AS date, value, unit, qualifier, change, metric, period, speaker, source "
        f"FROM v_claims{f.where()} ORDER BY {date}, claim_id{_limit(p.limit)}")
    return rows_of(conn.execute(stmt.columns(value=CLAIM_VALUE), f.params))


def counterparts(conn: sa.Connection, p: Params) -> Listing:
    """Meetings of one official by counterpart country (v_participation); needs --person."""
    if p.person_id is None:
        raise ValueError("the counterparts report needs --person NAME")
    f = Filter()
    f.add("me.person_id = :person", person=p.person_id)
    f.add("o.person_id <> me.person_id")
    f.add("o.country IS NOT NULL")
    f.dates("me.date", p.since, p.until)
    return rows_of(conn.execute(f.statement(
        "SELECT o.country AS country, o.country_name AS country_name, "
        "count(DISTINCT o.meeting_id) AS meetings, min(o.date) AS first, max(o.date) AS last "
        f"FROM v_participation me JOIN v_participation o ON o.meeting_id = me.meeting_id{f.where()} "
        f"GROUP BY o.country, o.country_name ORDER BY count(DISTINCT o.meeting_id) DESC, o.country"
        f"{_limit(p.limit)}"), f.params))


REPORTS: dict[str, Callable[[sa.Connection, Params], Listing]] = {
    "country-pairs": country_pairs,
    "most-quoted": most_quoted,
    "claim-timeline": claim_timeline,
    "counterparts": counterparts,
}
