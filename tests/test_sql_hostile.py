"""`archive sql` against a hostile or unlucky user: the probes that once got through, on both backends.

PostgreSQL runs as a superuser in the tests (the default URL names `postgres`), the worst case: the
query must still run as the reader role, and the server functions, COPY and DO are refused."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import Result
from sqlalchemy.orm import Session
from test_lookup_data import build

from archive.reports.readonly import MAX_VALUE_BYTES, QueryError, check_postgres_query

Run = Callable[..., Result]


@pytest.fixture
def run(run_cli: Run, session: Session) -> Run:
    build(session)
    return run_cli


def refused(result: Result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1, result.stderr
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.stderr, result.stderr


def postgres_only(backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("PostgreSQL server functions")


@pytest.mark.parametrize(("query", "reason"), [
    ("COPY (SELECT 1) TO PROGRAM 'touch {marker}'", "not COPY"),
    ("COPY articles TO '{marker}'", "not COPY"),
    ("COPY articles TO STDOUT", "--format csv"),
    ("DO $$ BEGIN LOCK TABLE articles IN ACCESS EXCLUSIVE MODE; PERFORM pg_sleep(25); END $$", "not DO"),
    ("SELECT pg_read_file('/etc/hostname')", "files on the server"),
    ("SELECT * FROM pg_ls_dir('.')", "lists files"),
    ("SELECT pg_catalog.PG_READ_BINARY_FILE('/etc/hostname')", "files on the server"),
    ('SELECT "pg_read_file"(\'/etc/hostname\')', "files on the server"),
    ("SELECT U&\"\\0070g_read_file\"('/etc/hostname')", "files on the server"),
    ("SELECT pg_reload_conf()", "controls the server"),
    ("SELECT pg_terminate_backend(pid) FROM pg_stat_activity", "signals"),
    ("SELECT dblink_exec('dbname=test', 'DELETE FROM claims')", "other databases"),
    ("SELECT set_config('role', 'postgres', true), pg_read_file('/etc/hostname')", "changes settings"),
    ("SELECT query_to_xml('DELETE FROM persons RETURNING 1', true, true, '')", "SQL given as text"),
    ("SELECT pg_advisory_lock(1)", "locks"),
    ("SELECT lo_import('/etc/hostname')", "large objects"),
    ("WITH gone AS (DELETE FROM persons RETURNING id) SELECT count(*) FROM gone", "DELETE inside"),
    ("SELECT * INTO stolen FROM persons", "SELECT INTO"),
    ("SELECT * FROM persons FOR UPDATE", "FOR UPDATE"),
    ("SET ROLE postgres", "not SET"),
    ("SELECT 1; SELECT 2", "one statement"),
])
def test_postgres_probes_are_refused(run: Run, backend: str, engine: sa.Engine, tmp_path: Path,
                                     query: str, reason: str) -> None:
    postgres_only(backend)
    marker = tmp_path / "pwned"
    started = time.monotonic()
    refused(run("sql", query.format(marker=marker)), reason)
    assert time.monotonic() - started < 10
    assert not marker.exists()
    with engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM persons")) == 7


def test_postgres_query_runs_as_the_reader_role(run: Run, backend: str) -> None:
    postgres_only(backend)
    result = run("sql", "SELECT current_user AS who, session_user <> current_user AS switched", "-f", "csv")
    assert result.stdout == "who,switched\narchive_reader,true\n"
    # catalogs only a superuser may read stay closed, so even an unlisted function has no more rights
    refused(run("sql", "SELECT rolpassword FROM pg_authid"), "permission denied")


def test_postgres_reader_cannot_read_files_even_past_the_check(database_url: str, backend: str) -> None:
    """Defence in depth: the role itself is refused, not only the query check."""
    postgres_only(backend)
    from archive import db as archive_db
    from archive.reports import readonly

    parsed = archive_db.normalise_url(database_url)
    with pytest.raises(QueryError, match="may only read"):
        readonly._postgres(parsed, "SELECT pg_read_file('/etc/hostname')", {}, 5)


def test_postgres_reader_role_has_select_only(engine: sa.Engine, backend: str) -> None:
    postgres_only(backend)
    with engine.connect() as conn:
        role = conn.execute(sa.text("SELECT rolcanlogin, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles "
                                    "WHERE rolname = 'archive_reader'")).one()
        assert tuple(role) == (False, False, False, False)
        privileges = set(conn.scalars(sa.text(
            "SELECT DISTINCT privilege_type FROM information_schema.role_table_grants "
            "WHERE grantee = 'archive_reader'")))
        assert privileges == {"SELECT"}
        readable = set(conn.scalars(sa.text(
            "SELECT table_name FROM information_schema.role_table_grants WHERE grantee = 'archive_reader'")))
        assert {"persons", "claims", "v_meetings", "v_claims"} <= readable


def test_a_blocked_table_stops_at_the_timeout(run: Run, backend: str, database_url: str) -> None:
    postgres_only(backend)
    locker = sa.create_engine(database_url, poolclass=sa.pool.NullPool)
    try:
        with locker.connect() as conn:
            conn.exec_driver_sql("BEGIN")
            conn.exec_driver_sql("LOCK TABLE persons IN ACCESS EXCLUSIVE MODE")
            started = time.monotonic()
            refused(run("sql", "SELECT count(*) FROM persons", "--timeout", "1"))
            assert time.monotonic() - started < 5
            conn.exec_driver_sql("ROLLBACK")
    finally:
        locker.dispose()


def test_timeout_is_capped(run: Run) -> None:
    result = run("sql", "SELECT 1", "--timeout", "301")
    assert result.exit_code == 2 and "301" in result.output


def test_sqlite_huge_strings_stop_at_once(run: Run, backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite limits")
    query = ("SELECT length(replace(replace(replace(printf('%.*c', 300000000, 'a'), 'a', 'bb'), 'b', 'cc'), "
             "'c', 'dd'))")
    started = time.monotonic()
    result = run("sql", query, "--timeout", "1")
    refused(result)
    assert "timeout" in result.stderr or f"{MAX_VALUE_BYTES:,}" in result.stderr
    assert time.monotonic() - started < 3
    # no value grows past the limit, whatever the timeout
    refused(run("sql", "SELECT length(zeroblob(20000000))"), f"{MAX_VALUE_BYTES:,}")


def test_sqlite_slow_functions_stop_within_the_timeout(run: Run, backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite limits")
    # each row builds a string near the limit: no single call is long, together they are
    query = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
             "SELECT sum(length(replace(printf('%.*c', 5000000 + i % 7, 'a'), 'a', 'b'))) FROM n")
    started = time.monotonic()
    refused(run("sql", query, "--timeout", "1"), "timeout")
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("query", [
    "SELECT 1", "select count(*) from v_meetings", "WITH x AS (SELECT 1 AS a) SELECT a FROM x",
    "VALUES (1), (2)", "TABLE persons", "EXPLAIN SELECT 1", "SELECT string_agg(name, ',') FROM persons",
    "SELECT 'pg_read_file' AS harmless_text", "SELECT pg_sleep(0)",
])
def test_plain_reads_pass_the_check(query: str) -> None:
    check_postgres_query(query)


def test_an_unprivileged_owner_is_told_what_the_administrator_must_do(postgres_server: sa.URL) -> None:
    """A URL role that may not create or join roles: `db upgrade` still works, `archive sql` refuses
    with the commands an administrator runs, and works once the role is granted."""
    import uuid

    from click.testing import CliRunner

    from archive.cli import cli

    name = f"archive_t_owner_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(postgres_server, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    url = postgres_server.set(username=name, password=None, database=name).render_as_string(hide_password=False)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                                 "'archive_reader') THEN CREATE ROLE archive_reader NOLOGIN; END IF; END $$")
            conn.exec_driver_sql(f'CREATE ROLE "{name}" LOGIN NOCREATEROLE NOSUPERUSER')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" OWNER "{name}"')
        invoke = lambda *args: CliRunner().invoke(cli, ["--database", url, *args])  # noqa: E731
        assert invoke("db", "upgrade").exit_code == 0
        result = invoke("sql", "SELECT count(*) AS n FROM countries")
        assert result.exit_code == 1
        assert f"GRANT archive_reader TO {name}" in result.stderr and "Traceback" not in result.output
        with admin.connect() as conn:
            conn.exec_driver_sql(f'GRANT archive_reader TO "{name}"')
        result = invoke("sql", "SELECT current_user AS who, count(*) > 200 AS seeded FROM countries", "-f", "csv")
        assert result.stdout == "who,seeded\narchive_reader,true\n", result.output
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')
        admin.dispose()
