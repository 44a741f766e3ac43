"""`archive sql`: the user's query runs read-only with a timeout, on both backends."""
from __future__ import annotations

import json
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from click.testing import Result
from sqlalchemy.orm import Session
from test_lookup_data import EVIL, build

Run = Callable[..., Result]


@pytest.fixture
def run(run_cli: Run, session: Session) -> Run:
    build(session)
    return run_cli


def test_select_from_a_view(run: Run) -> None:
    result = run("sql", "SELECT country_a, country_b, year, meetings FROM v_country_pairs "
                        "WHERE year = 2024 ORDER BY meetings DESC, country_a, country_b", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("country_a,country_b,year,meetings\nKZ,RU,2024,2\nCN,KZ,2024,1\n"
                             "KZ,UZ,2024,1\nRU,UZ,2024,1\n")


def test_values_render_alike_on_both_backends(run: Run) -> None:
    result = run("sql", "SELECT c.id, c.value, a.published FROM claims c JOIN articles a ON a.id = c.article_id "
                        "ORDER BY c.id", "-f", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == [{"id": 1, "value": 28000000000, "published": "2024-03-14"},
                    {"id": 2, "value": 41000000000, "published": "2024-06-21"},
                    {"id": 3, "value": 10000000000, "published": "2023-11-02"},
                    {"id": 4, "value": 12.5, "published": "2024-03-14"}]


def test_bound_parameters(run: Run) -> None:
    result = run("sql", "SELECT id FROM persons WHERE name = :name", "-p", "name", EVIL, "-f", "jsonl")
    assert result.exit_code == 0, result.output
    assert result.stdout == '{"id": 7}\n'
    result = run("sql", "SELECT count(*) AS n FROM persons WHERE name LIKE :p", "-p", "p", "%'%", "-f", "csv")
    assert result.stdout == "n\n1\n"


@pytest.mark.parametrize("query", [
    "DELETE FROM persons",
    "UPDATE persons SET name = 'x'",
    "INSERT INTO countries (code, alpha3, name_kk, name_ru, name_en) VALUES ('XX', 'XXX', 'a', 'b', 'c')",
    "DROP TABLE quotes",
    "CREATE TABLE evil (id INTEGER)",
    "DROP VIEW v_meetings",
    "SELECT 1; DELETE FROM persons",
])
def test_writes_are_refused(run: Run, engine: sa.Engine, query: str) -> None:
    result = run("sql", query)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    with engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM persons")) == 7
        assert conn.scalar(sa.text("SELECT count(*) FROM v_meetings")) == 4
        assert conn.scalar(sa.text("SELECT count(*) FROM countries WHERE code = 'XX'")) == 0


def test_read_only_is_named_in_the_refusal(run: Run) -> None:
    assert "read-only" in run("sql", "DELETE FROM persons").stderr


def test_sqlite_cannot_switch_read_only_off(run: Run, backend: str, engine: sa.Engine) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite pragmas")
    for query in ("PRAGMA query_only = 0", "ATTACH DATABASE ':memory:' AS other"):
        assert run("sql", query).exit_code == 1


def test_postgres_cannot_leave_the_read_only_transaction(run: Run, backend: str, engine: sa.Engine) -> None:
    if backend != "postgresql":
        pytest.skip("PostgreSQL transactions")
    for query in ("COMMIT; DELETE FROM persons", "SET default_transaction_read_only = off; DELETE FROM persons"):
        assert run("sql", query).exit_code == 1
    with engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM persons")) == 7


def test_statement_timeout(run: Run) -> None:
    slow = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
            "SELECT count(*) FROM n")
    result = run("sql", slow, "--timeout", "0.3")
    assert result.exit_code == 1
    assert "timeout" in result.stderr


def test_errors_and_empty_results(run: Run) -> None:
    result = run("sql", "SELECT * FROM no_such_table")
    assert result.exit_code == 1 and result.stderr.startswith("Error: query failed")
    result = run("sql", "SELECT id FROM persons WHERE id < 0", "-f", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "no rows\n")
