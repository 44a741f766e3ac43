"""Models and migrations agree, on SQLite and PostgreSQL; migrations go down to base and up again."""
from __future__ import annotations

import inspect
import re

import babel
import pycountry
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from test_db_schema import VOCABULARIES

from archive import db as archive_db
from archive.models import Base
from archive.reports.objects import include_name, is_reporting_object

MODEL_TABLES = set(Base.metadata.tables)


def table_names(url: str) -> set[str]:
    engine = archive_db.make_engine(url)
    try:
        names = set(sa.inspect(engine).get_table_names()) - {"alembic_version"}
        return {n for n in names if not is_reporting_object(n)}   # FTS tables of 0003
    finally:
        engine.dispose()


def test_models_and_migrations_agree(database_url: str) -> None:
    engine = archive_db.make_engine(database_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name})
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_upgrade_creates_every_table_index_and_constraint(empty_database_url: str) -> None:
    assert archive_db.current(empty_database_url) is None
    assert table_names(empty_database_url) == set()
    archive_db.upgrade(empty_database_url)
    assert archive_db.current(empty_database_url) == archive_db.head()
    engine = archive_db.make_engine(empty_database_url)
    try:
        inspector = sa.inspect(engine)
        for table in Base.metadata.sorted_tables:
            indexes = {i["name"] for i in inspector.get_indexes(table.name)
                       if "duplicates_constraint" not in i and not is_reporting_object(i["name"])}
            assert indexes == {i.name for i in table.indexes}
            expected_checks = {c.name for c in table.constraints if isinstance(c, sa.CheckConstraint)}
            assert {c["name"] for c in inspector.get_check_constraints(table.name)} == expected_checks
            expected_fks = {(fk.parent.name, fk.column.table.name, fk.ondelete)
                            for fk in table.foreign_keys}
            reflected = {(fk["constrained_columns"][0], fk["referred_table"], fk["options"].get("ondelete"))
                         for fk in inspector.get_foreign_keys(table.name)}
            assert reflected == expected_fks, table.name
    finally:
        engine.dispose()
    assert table_names(empty_database_url) == MODEL_TABLES


def test_downgrade_to_base_and_upgrade_again(database_url: str) -> None:
    assert table_names(database_url) == MODEL_TABLES
    archive_db.downgrade(database_url, "base")
    assert archive_db.current(database_url) is None
    assert table_names(database_url) == set()
    archive_db.upgrade(database_url)
    assert archive_db.current(database_url) == archive_db.head()
    assert table_names(database_url) == MODEL_TABLES
    engine = archive_db.make_engine(database_url)
    try:
        with engine.connect() as conn:
            assert conn.scalar(sa.text("SELECT count(*) FROM countries")) == len(pycountry.countries)
    finally:
        engine.dispose()


def test_migration_history_is_linear_and_reversible() -> None:
    script = ScriptDirectory.from_config(archive_db.alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert revisions, "no migration scripts"
    for rev in revisions:
        body = inspect.getsource(rev.module.downgrade).split(":", 1)[1]
        assert "op." in body, f"revision {rev.revision} has no downgrade"


@pytest.mark.parametrize(("table", "column", "vocabulary"), VOCABULARIES)
def test_check_constraints_carry_the_format_vocabularies(engine: sa.Engine, table: str, column: str,
                                                         vocabulary: tuple[str, ...]) -> None:
    checks = {c["name"]: c["sqltext"] for c in sa.inspect(engine).get_check_constraints(table)}
    sqltext = checks[f"ck_{table}_{column}"]
    assert column in sqltext
    assert set(re.findall(r"'([^']*)'", sqltext)) == set(vocabulary)


def test_countries_are_every_iso_country_with_cldr_names(engine: sa.Engine) -> None:
    with engine.connect() as conn:
        rows = {r.code: r for r in conn.execute(sa.text("SELECT * FROM countries"))}
    assert set(rows) == {c.alpha_2 for c in pycountry.countries}
    kk, ru = babel.Locale("kk").territories, babel.Locale("ru").territories
    for code in rows:
        assert rows[code].name_kk == kk[code] and rows[code].name_ru == ru[code]
        assert rows[code].alpha3 == pycountry.countries.get(alpha_2=code).alpha_3
    assert (rows["KZ"].name_kk, rows["KZ"].name_ru, rows["KZ"].name_en) == ("Қазақстан", "Казахстан", "Kazakhstan")
    assert (rows["RU"].name_kk, rows["RU"].name_ru, rows["RU"].name_en) == ("Ресей", "Россия", "Russia")
    assert rows["CN"].name_en == "China"
