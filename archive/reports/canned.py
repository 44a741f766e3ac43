"""Canned reports built on the SQL views (``archive report NAME``)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from archive.reports.queries import (
    CLAIM_VALUE,
    DATE,
    Filter,
    Listing,
    _limit,
    countries_clause,
    metric_clause,
    period_clause,
    rows_of,
)


@dataclass(frozen=True)
class Params:
    """What a report may be given on the command line."""
    person_id: int | None = None
    country: str | None = None
    between: tuple[str, str] | None = None
    metric: str | None = None
    period: tuple[dt.date, dt.date] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None


def _pairs(f: Filter, p: Params) -> None:
    """--country / --between / --since / --until on a view with country_a, country_b, year."""
    if p.country:
        f.add("(country_a = :country OR country_b = :country)", country=p.country.upper())
    if p.between:
        a, b = sorted(c.upper() for c in p.between)
        f.add("country_a = :pair_a AND country_b = :pair_b", pair_a=a, pair_b=b)
    if p.since:
        f.add("year >= :y0", y0=p.since.year)
    if p.until:
        f.add("year <= :y1", y1=p.until.year)


def country_pairs(conn: sa.Connection, p: Params) -> Listing:
    """Meetings per country pair per year (v_country_pairs; an undated meeting counts under the
    year its first report was published)."""
    f = Filter()
    _pairs(f, p)
    return rows_of(conn.execute(f.statement(
        f"SELECT country_a, country_b, year, meetings FROM v_country_pairs{f.where()} "
        f"ORDER BY year DESC, meetings DESC, country_a, country_b{_limit(p.limit)}"), f.params))


def topics(conn: sa.Connection, p: Params) -> Listing:
    """Topic codes per country pair and year: in how many meetings each was discussed (v_topic_pairs)."""
    f = Filter()
    _pairs(f, p)
    return rows_of(conn.execute(f.statement(
        f"SELECT country_a, country_b, year, topic_code, meetings FROM v_topic_pairs{f.where()} "
        f"ORDER BY year DESC, country_a, country_b, meetings DESC, topic_code{_limit(p.limit)}"), f.params))


def most_quoted(conn: sa.Connection, p: Params) -> Listing:
    """Officials by number of quotes (direct and reported) (v_quotes)."""
    f = Filter()
    f.add("speaker_id IS NOT NULL")
    f.dates("COALESCE(meeting_date, published)", p.since, p.until)
    return rows_of(conn.execute(f.statement(
        "SELECT speaker_id, speaker, count(*) AS quotes, sum(direct) AS direct, "
        f"count(*) - sum(direct) AS reported FROM v_quotes{f.where()} GROUP BY speaker_id, speaker "
        f"ORDER BY count(*) DESC, speaker{_limit(p.limit)}"), f.params))


def _claim_filter(conn: sa.Connection, p: Params) -> Filter:
    f = Filter()
    if p.metric:
        metric_clause(conn, f, p.metric, alias="c")
    countries_clause(f, [x for x in ([p.country] if p.country else []) + list(p.between or ())], alias="c")
    if p.period:
        period_clause(f, p.period, alias="c")
    f.dates("COALESCE(c.meeting_date, c.published)", p.since, p.until)
    if p.person_id is not None:
        f.add("c.speaker_id = :speaker", speaker=p.person_id)
    return f


def claim_timeline(conn: sa.Connection, p: Params) -> Listing:
    """Claims about one metric over time (v_claims); needs --metric (a code or words)."""
    if not p.metric:
        raise ValueError("the claim-timeline report needs --metric TEXT")
    f = _claim_filter(conn, p)
    date = "COALESCE(c.meeting_date, c.published)"
    stmt = f.statement(
        f"SELECT {date} AS date, c.value, c.unit, c.qualifier, c.change, c.metric, c.period, c.speaker, c.source, "
        f"c.metric_code, c.period_start, c.period_end, c.source_count "
        f"FROM v_claims c{f.where()} ORDER BY {date}, c.claim_id{_limit(p.limit)}")
    return rows_of(conn.execute(stmt.columns(value=CLAIM_VALUE, period_start=DATE, period_end=DATE), f.params))


CONSISTENCY_COLUMNS = ["period_start", "period_end", "period", "unit", "change", "value", "speakers", "claims",
                       "sources", "values_in_period", "spread", "spread_pct"]


def claim_consistency(conn: sa.Connection, p: Params) -> Listing:
    """One metric between two countries, period by period: each distinct value, who said it, in
    how many claims and sources, and how far apart the values for the same period (and unit and
    change) are: ``spread`` = largest − smallest, ``spread_pct`` = that in % of the largest
    magnitude. Needs --metric and --between."""
    if not p.metric or not p.between:
        raise ValueError("the claim-consistency report needs --metric TEXT and --between XX YY")
    f = _claim_filter(conn, p)
    stmt = f.statement(
        "SELECT c.claim_id, c.speaker, c.value, c.unit, c.change, c.period, c.period_start, c.period_end, "
        f"c.source_count FROM v_claims c{f.where()} ORDER BY c.claim_id")
    found = conn.execute(stmt.columns(value=CLAIM_VALUE, period_start=DATE, period_end=DATE), f.params).all()
    groups: dict[tuple, dict[Decimal, list[Any]]] = {}
    for r in found:
        group = (r.period_start, r.period_end, r.unit, r.change)
        groups.setdefault(group, {}).setdefault(Decimal(r.value).normalize(), []).append(r)
    out: list[dict[str, Any]] = []
    for group in sorted(groups, key=_period_order):
        values = groups[group]
        low, high = min(values), max(values)
        spread = high - low
        scale = max(abs(low), abs(high))
        pct = (spread * 100 / scale).quantize(Decimal("0.01")) if scale else Decimal(0)
        for value in sorted(values):
            said = values[value]
            out.append({
                "period_start": _iso(group[0]), "period_end": _iso(group[1]), "period": said[0].period,
                "unit": group[2], "change": group[3], "value": value,
                "speakers": "; ".join(sorted({s.speaker for s in said if s.speaker})) or None,
                "claims": len(said), "sources": sum(s.source_count or 0 for s in said),
                "values_in_period": len(values), "spread": spread, "spread_pct": pct})
    if p.limit:
        out = out[:p.limit]
    return CONSISTENCY_COLUMNS, out


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _period_order(group: tuple) -> tuple:
    start, end, unit, change = group
    far = dt.date.max
    return (end or start or far, start or end or far, unit or "", change or "")


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
    "topics": topics,
    "most-quoted": most_quoted,
    "claim-timeline": claim_timeline,
    "claim-consistency": claim_consistency,
    "counterparts": counterparts,
}
