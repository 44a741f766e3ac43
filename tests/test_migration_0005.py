"""Migration 0005 (topic and metric codes, periods, claim sources) up and down with data in the
archive, on SQLite and PostgreSQL; the reader role may read every new table and view."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from archive import db as archive_db
from archive.reports.objects import VIEWS

NEW_TABLES = ("claim_sources", "meeting_topic_codes")
NEW_VIEWS = ("v_claim_sources", "v_meeting_topics", "v_topic_pairs")
V_CLAIMS_0003 = ["claim_id", "speaker_id", "speaker", "value", "unit", "object", "metric", "change", "qualifier",
                 "period", "period_start", "period_end", "published", "article_id", "source", "meeting_id",
                 "meeting_date", "countries"]


def run(url: str, statement: str, params: dict | None = None) -> list[tuple]:
    engine = archive_db.make_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(sa.text(statement), params or {})
            return result.all() if result.returns_rows else []
    finally:
        engine.dispose()


def fill_at_0004(url: str) -> None:
    """Two articles reporting meetings, topics in three inflections of one word, two claims."""
    for sql in (
        "INSERT INTO articles (id, content_sha256, language, published, body, imported_at, extractor_version) "
        "VALUES (1, 'a1', 'ru', '2023-04-14', 'Тело статьи один про энергетику.', '2023-04-14', 't'), "
        "(2, 'a2', 'ru', '2023-05-02', 'Тело статьи два про энергетики.', '2023-05-02', 't')",
        "INSERT INTO persons (id, name, key, created_at) VALUES (1, 'Алихан Смаилов', 'alihan smailov', "
        "'2023-04-14'), (2, 'Абдулла Арипов', 'abdulla aripov', '2023-04-14')",
        "INSERT INTO meetings (id, kind, date) VALUES (1, 'meeting', '2023-04-14'), (2, 'talks', NULL)",
        "INSERT INTO meeting_articles (meeting_id, article_id) VALUES (1, 1), (2, 2)",
        "INSERT INTO meeting_participants (id, meeting_id, person_id, article_id, country) VALUES "
        "(1, 1, 1, 1, 'KZ'), (2, 1, 2, 1, 'UZ'), (3, 2, 1, 2, 'KZ'), (4, 2, 2, 2, 'UZ')",
        "INSERT INTO topics (id, name, key, language) VALUES (1, 'энергетику', 'энергетику', 'ru'), "
        "(2, 'энергетики', 'энергетики', 'ru'), (3, 'энергетика', 'энергетика', 'ru'), "
        "(4, 'транзитный потенциал', 'транзитный потенциал', 'ru')",
        "INSERT INTO meeting_topics (meeting_id, topic_id, article_id) VALUES (1, 1, 1), (1, 2, 1), "
        "(2, 2, 2), (2, 4, 2)",
        'INSERT INTO claims (id, article_id, meeting_id, speaker_id, speaker_name, value, unit, metric, period, '
        'start, "end") VALUES (1, 1, 1, 1, \'Смаилов\', 4600000000, \'USD\', \'товарооборот\', \'2022\', 3, 8), '
        "(2, 2, 2, 1, 'Смаилов', 21, '%', 'товарооборот', NULL, 0, 3)",
    ):
        run(url, sql)


def test_upgrade_from_0004_merges_topics_and_gives_every_claim_its_source(empty_database_url: str) -> None:
    url = empty_database_url
    archive_db.upgrade(url, "0004")
    fill_at_0004(url)
    archive_db.upgrade(url)
    assert archive_db.current(url) == "0005"
    assert run(url, "SELECT id, name, key, base FROM topics ORDER BY id") == [
        (1, "энергетику", "энергетика", "энергетика"),
        (4, "транзитный потенциал", "транзитный потенциал", "транзитный потенциал")]
    assert run(url, "SELECT meeting_id, topic_id FROM meeting_topics ORDER BY 1, 2") == [(1, 1), (2, 1), (2, 4)]
    assert run(url, 'SELECT claim_id, article_id, start, "end", speaker_name, metric, period FROM claim_sources '
                    "ORDER BY 1") == [(1, 1, 3, 8, "Смаилов", "товарооборот", "2022"),
                                      (2, 2, 0, 3, "Смаилов", "товарооборот", None)]
    assert run(url, "SELECT claim_id, metric_code, source_count, languages FROM v_claims ORDER BY 1") == [
        (1, None, 1, "ru"), (2, None, 1, "ru")]
    # the meeting without a date counts under its article's publication year
    assert run(url, "SELECT country_a, country_b, year, meetings FROM v_country_pairs") == [("KZ", "UZ", 2023, 2)]
    assert run(url, "SELECT topics FROM v_meetings ORDER BY meeting_id") == [
        ("энергетика",), ("энергетика; транзитный потенциал",)]


def test_downgrade_to_0004_restores_the_old_views_and_keeps_the_rows(database_url: str) -> None:
    url = database_url
    fill_at_0004_rows = (
        "INSERT INTO articles (id, content_sha256, language, published, body, imported_at, extractor_version) "
        "VALUES (1, 'a1', 'kk', '2023-04-14', 'Мәтін.', '2023-04-14', 't')",
        'INSERT INTO claims (id, article_id, value, unit, metric_code, period_start, period_end, start, "end") '
        "VALUES (1, 1, 5, 'USD', 'trade', '2023-01-01', '2023-12-31', 0, 1)",
        'INSERT INTO claim_sources (claim_id, article_id, start, "end") VALUES (1, 1, 0, 1)',
        "INSERT INTO topics (id, name, key, language, base) VALUES (1, 'сауданы', 'сауда', 'kk', 'сауда')",
    )
    for sql in fill_at_0004_rows:
        run(url, sql)
    archive_db.downgrade(url, "0004")
    assert archive_db.current(url) == "0004"
    engine = archive_db.make_engine(url)
    try:
        inspector = sa.inspect(engine)
        tables = set(inspector.get_table_names())
        assert not tables & set(NEW_TABLES)
        assert "metric_code" not in {c["name"] for c in inspector.get_columns("claims")}
        assert "base" not in {c["name"] for c in inspector.get_columns("topics")}
        assert {c["name"] for c in inspector.get_check_constraints("claims")} == {
            "ck_claims_change", "ck_claims_qualifier", "ck_claims_period", "ck_claims_span", "ck_claims_start"}
        with engine.connect() as conn:
            result = conn.execute(sa.text("SELECT * FROM v_claims"))
            assert list(result.keys()) == V_CLAIMS_0003
            assert len(result.all()) == 1
            for view in NEW_VIEWS:
                with pytest.raises(sa.exc.DBAPIError):
                    conn.execute(sa.text(f"SELECT * FROM {view}"))
                conn.rollback()
    finally:
        engine.dispose()
    archive_db.upgrade(url)
    assert run(url, "SELECT claim_id, source_count FROM v_claims") == [(1, 1)]


def test_the_reader_role_may_read_every_new_table_and_view(empty_database_url: str, backend: str) -> None:
    """Granted by 0005 itself, not only by 0004's default privileges (revoked here first)."""
    if backend != "postgresql":
        pytest.skip("PostgreSQL roles")
    url = empty_database_url
    archive_db.upgrade(url, "0004")
    if not run(url, "SELECT 1 FROM pg_roles WHERE rolname = 'archive_reader'"):
        pytest.skip("the test server's user may not create roles")
    run(url, "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM archive_reader")
    archive_db.upgrade(url)
    objects = (*NEW_TABLES, *VIEWS)
    for name in objects:
        assert run(url, "SELECT has_table_privilege('archive_reader', :t, 'SELECT')", {"t": name}) == [(True,)], name
    archive_db.downgrade(url, "0004")
    for name in ("v_meetings", "v_claims", "v_country_pairs"):
        assert run(url, "SELECT has_table_privilege('archive_reader', :t, 'SELECT')", {"t": name}) == [(True,)], name
