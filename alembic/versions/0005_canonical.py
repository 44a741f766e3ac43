"""Canonical vocabulary: topic codes, metric codes and periods; one claim, many sources.

Tables and columns (models in archive/models.py; docs/schema.md describes each column):

- ``topics.base``: the topic in its base form (:func:`archive.topics.topic_base`); ``topics.key`` is
  recomputed with :func:`archive.topics.topic_key`, so inflected spellings of one topic
  ("энергетику", "энергетики") become one row: their meeting links move to the oldest row.
- ``meeting_topic_codes (meeting_id, code, article_id)``: the FORMAT.md topic codes of a meeting,
  one row per reporting article.
- ``claims.metric_code`` (FORMAT.md metric codes), indexed with the period; ``period_start`` and
  ``period_end`` (first and last day of the period's months) get an index of their own.
- ``meetings.anchor_date`` indexed: reports of one meeting whose participants differ by one person
  are found among the meetings of the same days.
- ``claim_sources (claim_id, article_id, start, end, speaker_name, metric, object, period)``: every
  article reporting a claim, with the claim's span and words there; filled with one row per
  existing claim (claims stored before stay one per article until re-imported with --replace).

Views: ``v_meetings`` gains ``topic_codes`` and ``topics``; ``v_claims`` gains ``metric_code``,
``source_count`` and ``languages``; ``v_country_pairs`` counts a meeting without a date under the
year its first report was published; new ``v_claim_sources``, ``v_meeting_topics`` and
``v_topic_pairs``. PostgreSQL: the reader role of 0004 gets SELECT on every new or recreated object.

Downgrade drops the new objects and restores 0003's views; merged claims and topics stay merged.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa

from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLE = "archive_reader"
TOPIC_CODES = (
    "political", "trade", "investment", "industry", "energy", "mining", "transport", "agriculture", "water",
    "finance", "digital", "science", "education", "health", "culture", "tourism", "environment", "security",
    "migration", "regional", "international", "integration",
)
METRIC_CODES = (
    "trade", "exports", "imports", "investment", "project_count", "project_value", "enterprise_count", "jobs",
    "document_count", "gdp", "production", "freight", "funding", "people_count", "water", "other",
)
RECREATED = ("v_meetings", "v_claims", "v_country_pairs")
NEW_VIEWS = ("v_claim_sources", "v_meeting_topics", "v_topic_pairs")
NEW_TABLES = ("claim_sources", "meeting_topic_codes")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _views(dialect: str) -> dict[str, str]:
    pg = dialect == "postgresql"

    def year(expr: str) -> str:
        return f"CAST(EXTRACT(YEAR FROM {expr}) AS INTEGER)" if pg else f"CAST(strftime('%Y', {expr}) AS INTEGER)"

    def ordered_agg(expr: str, frm: str, order: str, sep: str) -> str:
        if pg:
            return f"(SELECT string_agg({expr}, '{sep}' ORDER BY {order}) FROM {frm})"
        return f"(SELECT group_concat(x, '{sep}') FROM (SELECT {expr} AS x FROM {frm} ORDER BY {order}))"

    def distinct_agg(expr: str, frm: str, sep: str) -> str:
        if pg:
            return f"(SELECT string_agg(DISTINCT {expr}, '{sep}' ORDER BY {expr}) FROM {frm})"
        return f"(SELECT group_concat(x, '{sep}') FROM (SELECT DISTINCT {expr} AS x FROM {frm} ORDER BY 1))"

    def countries(meeting: str) -> str:
        return distinct_agg("mp.country", f"meeting_participants mp WHERE mp.meeting_id = {meeting} "
                                          "AND mp.country IS NOT NULL", ",")

    # the meeting's date, else the publication date of its first report
    meeting_day = ("COALESCE(m.date, (SELECT min(a.published) FROM meeting_articles ma "
                   "JOIN articles a ON a.id = ma.article_id WHERE ma.meeting_id = m.id))")
    participants = ordered_agg(
        "p.name || CASE WHEN mp.country IS NULL THEN '' ELSE ' (' || mp.country || ')' END",
        "meeting_participants mp JOIN persons p ON p.id = mp.person_id WHERE mp.meeting_id = m.id",
        "mp.id", "; ")
    sources = ordered_agg(
        "COALESCE(a.url, a.source, CAST(a.id AS TEXT))",
        "meeting_articles ma JOIN articles a ON a.id = ma.article_id WHERE ma.meeting_id = m.id",
        "a.id", " ")
    topic_codes = distinct_agg("t.code", "meeting_topic_codes t WHERE t.meeting_id = m.id", ",")
    topics = ordered_agg("COALESCE(t.base, t.name)",
                         "meeting_topics mt JOIN topics t ON t.id = mt.topic_id WHERE mt.meeting_id = m.id",
                         "t.id", "; ")
    languages = distinct_agg("sa.language", "claim_sources cs JOIN articles sa ON sa.id = cs.article_id "
                                            "WHERE cs.claim_id = c.id", ",")
    pairs = f"""(SELECT DISTINCT a.country AS country_a, b.country AS country_b, m.id AS meeting_id,
             {year(meeting_day)} AS year
      FROM meeting_participants a
      JOIN meeting_participants b ON b.meeting_id = a.meeting_id AND a.country < b.country
      JOIN meetings m ON m.id = a.meeting_id) pair"""
    return {
        "v_meetings": f"""
SELECT m.id AS meeting_id, m.date AS date, {year("m.date")} AS year, m.kind AS kind, m.city AS city,
       m.country AS country, m.occasion AS occasion,
       (SELECT count(*) FROM meeting_participants mp WHERE mp.meeting_id = m.id) AS participant_count,
       {participants} AS participants,
       {countries("m.id")} AS countries,
       (SELECT count(*) FROM meeting_articles ma WHERE ma.meeting_id = m.id) AS article_count,
       {sources} AS sources,
       {topic_codes} AS topic_codes,
       {topics} AS topics
FROM meetings m""",
        "v_claims": f"""
SELECT c.id AS claim_id, c.speaker_id AS speaker_id, COALESCE(p.name, c.speaker_name) AS speaker,
       c.value AS value, c.unit AS unit, c.object AS object, c.metric AS metric,
       c.metric_code AS metric_code, c.change AS change, c.qualifier AS qualifier, c.period AS period,
       c.period_start AS period_start, c.period_end AS period_end, a.published AS published,
       c.article_id AS article_id, COALESCE(a.url, a.source) AS source, c.meeting_id AS meeting_id,
       m.date AS meeting_date, {countries("c.meeting_id")} AS countries,
       (SELECT count(*) FROM claim_sources cs WHERE cs.claim_id = c.id) AS source_count,
       {languages} AS languages
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN persons p ON p.id = c.speaker_id
LEFT JOIN meetings m ON m.id = c.meeting_id""",
        "v_claim_sources": """
SELECT cs.claim_id AS claim_id, cs.article_id AS article_id, a.language AS language,
       a.published AS published, COALESCE(a.url, a.source) AS source, o.name AS outlet,
       cs.speaker_name AS speaker_as_written, cs.metric AS metric, cs.object AS object,
       cs.period AS period, cs.start AS start, cs."end" AS "end",
       c.speaker_id AS speaker_id, COALESCE(p.name, c.speaker_name) AS speaker, c.value AS value,
       c.unit AS unit, c.metric_code AS metric_code, c.period_start AS period_start,
       c.period_end AS period_end, c.meeting_id AS meeting_id
FROM claim_sources cs
JOIN claims c ON c.id = cs.claim_id
JOIN articles a ON a.id = cs.article_id
LEFT JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN persons p ON p.id = c.speaker_id""",
        "v_country_pairs": f"""
SELECT pair.country_a AS country_a, pair.country_b AS country_b, pair.year AS year,
       count(*) AS meetings
FROM {pairs}
GROUP BY pair.country_a, pair.country_b, pair.year""",
        "v_meeting_topics": f"""
SELECT t.meeting_id AS meeting_id, m.date AS date, {year(meeting_day)} AS year, m.kind AS kind,
       t.code AS topic_code, {countries("m.id")} AS countries, t.article_count AS article_count
FROM (SELECT meeting_id, code, count(*) AS article_count FROM meeting_topic_codes
      GROUP BY meeting_id, code) t
JOIN meetings m ON m.id = t.meeting_id""",
        "v_topic_pairs": f"""
SELECT pair.country_a AS country_a, pair.country_b AS country_b, pair.year AS year,
       t.code AS topic_code, count(*) AS meetings
FROM {pairs}
JOIN (SELECT DISTINCT meeting_id, code FROM meeting_topic_codes) t ON t.meeting_id = pair.meeting_id
GROUP BY pair.country_a, pair.country_b, pair.year, t.code""",
    }


def _grant(names: Sequence[str]) -> None:
    """PostgreSQL: SELECT for the reader role of 0004 (when the server has it)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    listed = ", ".join(names)
    op.execute(f"""
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}') THEN
        GRANT SELECT ON {listed} TO {ROLE};
    END IF;
END $$;
""")


def _renormalise_topics() -> None:
    """Base forms and new keys for the topics already stored; rows sharing a key become one."""
    from archive.topics import topic_base, topic_key

    conn = op.get_bind()
    topics = sa.table("topics", sa.column("id", sa.Integer), sa.column("name", sa.Text),
                      sa.column("key", sa.String), sa.column("language", sa.String),
                      sa.column("base", sa.Text))
    links = sa.table("meeting_topics", sa.column("meeting_id", sa.Integer), sa.column("topic_id", sa.Integer))
    rows = conn.execute(sa.select(topics.c.id, topics.c.name, topics.c.key, topics.c.language)
                        .order_by(topics.c.id)).all()
    keep: dict[str, int] = {}
    final: dict[int, tuple[str, str]] = {}
    for tid, name, old_key, language in rows:
        key = topic_key(name, language) or old_key
        if key in keep:
            target = keep[key]
            linked = set(conn.scalars(sa.select(links.c.meeting_id).where(links.c.topic_id == target)))
            for meeting_id in conn.scalars(sa.select(links.c.meeting_id).where(links.c.topic_id == tid)).all():
                stmt = links.delete() if meeting_id in linked else links.update().values(topic_id=target)
                conn.execute(stmt.where(links.c.topic_id == tid, links.c.meeting_id == meeting_id))
            conn.execute(topics.delete().where(topics.c.id == tid))
            continue
        keep[key] = tid
        final[tid] = (key, topic_base(name, language) or name)
    for tid in final:                        # no clash with a key that is about to change
        conn.execute(topics.update().where(topics.c.id == tid).values(key=f"#{tid}"))
    for tid, (key, base) in final.items():
        conn.execute(topics.update().where(topics.c.id == tid).values(key=key, base=base))


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in RECREATED:
        op.execute(f"DROP VIEW IF EXISTS {name}")

    with op.batch_alter_table("topics") as batch:
        batch.add_column(sa.Column("base", sa.Text(), nullable=True))
    _renormalise_topics()

    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("metric_code", sa.String(length=32), nullable=True))
        batch.create_check_constraint(op.f("ck_claims_metric_code"), _in("metric_code", METRIC_CODES))
        batch.create_index(op.f("ix_claims_metric_code_period_start_period_end"),
                           ["metric_code", "period_start", "period_end"])
        batch.create_index(op.f("ix_claims_period_start_period_end"), ["period_start", "period_end"])

    with op.batch_alter_table("meetings") as batch:
        batch.create_index(op.f("ix_meetings_anchor_date"), ["anchor_date"])

    op.create_table(
        "meeting_topic_codes",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(_in("code", TOPIC_CODES), name=op.f("ck_meeting_topic_codes_code")),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name=op.f("fk_meeting_topic_codes_article_id_articles"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"],
                                name=op.f("fk_meeting_topic_codes_meeting_id_meetings"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", "code", "article_id", name=op.f("pk_meeting_topic_codes")),
    )
    op.create_index(op.f("ix_meeting_topic_codes_article_id"), "meeting_topic_codes", ["article_id"])
    op.create_index(op.f("ix_meeting_topic_codes_code"), "meeting_topic_codes", ["code"])

    op.create_table(
        "claim_sources",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("speaker_name", sa.Text(), nullable=True),
        sa.Column("metric", sa.Text(), nullable=True),
        sa.Column("object", sa.Text(), nullable=True),
        sa.Column("period", sa.Text(), nullable=True),
        sa.CheckConstraint('"end" >= "start"', name=op.f("ck_claim_sources_span")),
        sa.CheckConstraint('"start" >= 0', name=op.f("ck_claim_sources_start")),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name=op.f("fk_claim_sources_article_id_articles"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"],
                                name=op.f("fk_claim_sources_claim_id_claims"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("claim_id", "article_id", name=op.f("pk_claim_sources")),
    )
    op.create_index(op.f("ix_claim_sources_article_id"), "claim_sources", ["article_id"])
    op.execute('INSERT INTO claim_sources (claim_id, article_id, start, "end", speaker_name, metric, object, '
               'period) SELECT id, article_id, start, "end", speaker_name, metric, object, period FROM claims')

    views = _views(dialect)
    for name in (*RECREATED, *NEW_VIEWS):
        op.execute(f"CREATE VIEW {name} AS {views[name]}")
    _grant((*NEW_TABLES, *RECREATED, *NEW_VIEWS))


def _views_0003(dialect: str) -> dict[str, str]:
    """0003's view definitions (its module is loaded from beside this file)."""
    path = Path(__file__).with_name("0003_views.py")
    spec = importlib.util.spec_from_file_location("archive_migration_0003", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._views(dialect)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in (*NEW_VIEWS, *RECREATED):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    op.drop_table("claim_sources")
    op.drop_table("meeting_topic_codes")
    with op.batch_alter_table("claims") as batch:
        batch.drop_index(op.f("ix_claims_period_start_period_end"))
        batch.drop_index(op.f("ix_claims_metric_code_period_start_period_end"))
        batch.drop_constraint(op.f("ck_claims_metric_code"), type_="check")
        batch.drop_column("metric_code")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_index(op.f("ix_meetings_anchor_date"))
    with op.batch_alter_table("topics") as batch:
        batch.drop_column("base")
    old = _views_0003(dialect)
    for name in RECREATED:
        op.execute(f"CREATE VIEW {name} AS {old[name]}")
    _grant(RECREATED)
