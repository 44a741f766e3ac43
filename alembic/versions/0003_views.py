"""Reporting views and full-text search over quotes.

Views (same columns and meaning on SQLite and PostgreSQL; see docs/schema.md):
v_participation, v_meetings, v_quotes, v_claims, v_country_pairs.

Full-text search over quotes (text and speaker as written), kept in sync by triggers:
- SQLite: FTS5 table ``quotes_fts`` with external content ``quotes`` (tokenizer unicode61,
  remove_diacritics 0, so Kazakh letters such as ә, ө, ү, қ stay distinct); Datasette finds it.
- PostgreSQL: table ``quotes_fts (quote_id, document tsvector)`` with a GIN index, built with the
  'simple' configuration (no stemming, lower-cased: right for Kazakh and Russian alike).

These objects are outside the ORM metadata; ``archive.reports.objects`` names them for Alembic.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ("v_country_pairs", "v_claims", "v_quotes", "v_meetings", "v_participation")


def _sql(dialect: str) -> dict[str, str]:
    """Per-dialect pieces: string aggregation (ordered), year of a date."""
    if dialect == "postgresql":
        return {
            "year": "CAST(EXTRACT(YEAR FROM {d}) AS INTEGER)",
            "agg": "string_agg({x}, '{sep}' ORDER BY {o})",
            "agg_distinct": "string_agg(DISTINCT {x}, '{sep}' ORDER BY {x})",
        }
    return {
        # group_concat has no ORDER BY before SQLite 3.44: aggregate an ordered subquery instead
        "year": "CAST(strftime('%Y', {d}) AS INTEGER)",
        "agg": "group_concat({x}, '{sep}')",
        "agg_distinct": "group_concat({x}, '{sep}')",
    }


def _views(dialect: str) -> dict[str, str]:
    s = _sql(dialect)
    year = s["year"].format(d="m.date")
    pg = dialect == "postgresql"

    def ordered_agg(expr: str, frm: str, order: str, sep: str) -> str:
        if pg:
            return f"(SELECT {s['agg'].format(x=expr, sep=sep, o=order)} FROM {frm})"
        return (f"(SELECT group_concat(x, '{sep}') FROM "
                f"(SELECT {expr} AS x FROM {frm} ORDER BY {order}))")

    def distinct_agg(expr: str, frm: str, sep: str) -> str:
        if pg:
            return f"(SELECT {s['agg_distinct'].format(x=expr, sep=sep)} FROM {frm})"
        return (f"(SELECT group_concat(x, '{sep}') FROM "
                f"(SELECT DISTINCT {expr} AS x FROM {frm} ORDER BY 1))")

    participants = ordered_agg(
        "p.name || CASE WHEN mp.country IS NULL THEN '' ELSE ' (' || mp.country || ')' END",
        "meeting_participants mp JOIN persons p ON p.id = mp.person_id WHERE mp.meeting_id = m.id",
        "mp.id", "; ")
    countries = distinct_agg(
        "mp.country", "meeting_participants mp WHERE mp.meeting_id = m.id AND mp.country IS NOT NULL", ",")
    sources = ordered_agg(
        "COALESCE(a.url, a.source, CAST(a.id AS TEXT))",
        "meeting_articles ma JOIN articles a ON a.id = ma.article_id WHERE ma.meeting_id = m.id",
        "a.id", " ")
    claim_countries = distinct_agg(
        "mp.country", "meeting_participants mp WHERE mp.meeting_id = c.meeting_id AND mp.country IS NOT NULL",
        ",")
    quote_countries = claim_countries.replace("c.meeting_id", "q.meeting_id")

    return {
        "v_participation": f"""
SELECT mp.meeting_id AS meeting_id, m.date AS date, {year} AS year, m.kind AS kind,
       mp.person_id AS person_id, p.name AS person, mp.name AS name_as_written,
       mp.position AS position, mp.role AS role, mp.country AS country,
       co.name_en AS country_name, m.city AS city, m.country AS meeting_country,
       m.occasion AS occasion, mp.article_id AS article_id
FROM meeting_participants mp
JOIN meetings m ON m.id = mp.meeting_id
JOIN persons p ON p.id = mp.person_id
LEFT JOIN countries co ON co.code = mp.country""",
        "v_meetings": f"""
SELECT m.id AS meeting_id, m.date AS date, {year} AS year, m.kind AS kind, m.city AS city,
       m.country AS country, m.occasion AS occasion,
       (SELECT count(*) FROM meeting_participants mp WHERE mp.meeting_id = m.id) AS participant_count,
       {participants} AS participants,
       {countries} AS countries,
       (SELECT count(*) FROM meeting_articles ma WHERE ma.meeting_id = m.id) AS article_count,
       {sources} AS sources
FROM meetings m""",
        "v_quotes": f"""
SELECT q.id AS quote_id, q.speaker_id AS speaker_id, COALESCE(p.name, q.speaker_name) AS speaker,
       q.speaker_name AS speaker_as_written, CASE WHEN q.direct THEN 1 ELSE 0 END AS direct,
       q.text AS text, q.language AS language, a.published AS published, q.article_id AS article_id,
       COALESCE(a.url, a.source) AS source, q.meeting_id AS meeting_id, m.date AS meeting_date,
       {quote_countries} AS countries
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN persons p ON p.id = q.speaker_id
LEFT JOIN meetings m ON m.id = q.meeting_id""",
        "v_claims": f"""
SELECT c.id AS claim_id, c.speaker_id AS speaker_id, COALESCE(p.name, c.speaker_name) AS speaker,
       c.value AS value, c.unit AS unit, c.object AS object, c.metric AS metric, c.change AS change,
       c.qualifier AS qualifier, c.period AS period, c.period_start AS period_start,
       c.period_end AS period_end, a.published AS published, c.article_id AS article_id,
       COALESCE(a.url, a.source) AS source, c.meeting_id AS meeting_id, m.date AS meeting_date,
       {claim_countries} AS countries
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN persons p ON p.id = c.speaker_id
LEFT JOIN meetings m ON m.id = c.meeting_id""",
        "v_country_pairs": f"""
SELECT pair.country_a AS country_a, pair.country_b AS country_b, pair.year AS year,
       count(*) AS meetings
FROM (SELECT DISTINCT a.country AS country_a, b.country AS country_b, m.id AS meeting_id,
             {year} AS year
      FROM meeting_participants a
      JOIN meeting_participants b ON b.meeting_id = a.meeting_id AND a.country < b.country
      JOIN meetings m ON m.id = a.meeting_id) pair
GROUP BY pair.country_a, pair.country_b, pair.year""",
    }


SQLITE_FTS = (
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name, content="quotes",
       content_rowid="id", tokenize="unicode61 remove_diacritics 0")""",
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
       INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name);
       END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
       INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
       VALUES ('delete', old.id, old.text, old.speaker_name);
       END""",
    """CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker_name ON quotes BEGIN
       INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
       VALUES ('delete', old.id, old.text, old.speaker_name);
       INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name);
       END""",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
)

POSTGRES_FTS = (
    """CREATE TABLE quotes_fts (
       quote_id INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
       document TSVECTOR NOT NULL)""",
    "CREATE INDEX ix_quotes_fts_document ON quotes_fts USING GIN (document)",
    """CREATE FUNCTION quotes_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO quotes_fts (quote_id, document)
         VALUES (NEW.id, to_tsvector('simple', COALESCE(NEW.text, '') || ' ' || COALESCE(NEW.speaker_name, '')))
         ON CONFLICT (quote_id) DO UPDATE SET document = EXCLUDED.document;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER quotes_fts_sync AFTER INSERT OR UPDATE OF text, speaker_name ON quotes
       FOR EACH ROW EXECUTE FUNCTION quotes_fts_sync()""",
    """INSERT INTO quotes_fts (quote_id, document)
       SELECT id, to_tsvector('simple', COALESCE(text, '') || ' ' || COALESCE(speaker_name, '')) FROM quotes""",
)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, body in _views(dialect).items():
        op.execute(f"CREATE VIEW {name} AS {body}")
    for statement in (POSTGRES_FTS if dialect == "postgresql" else SQLITE_FTS):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS quotes_fts_sync ON quotes")
        op.execute("DROP FUNCTION IF EXISTS quotes_fts_sync()")
        op.execute("DROP TABLE IF EXISTS quotes_fts")
    else:
        for trigger in ("quotes_fts_insert", "quotes_fts_delete", "quotes_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS quotes_fts")
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
