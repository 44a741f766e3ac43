"""Shared fixtures: a fresh, migrated database per test, on SQLite and on PostgreSQL.

Use them in any test that touches the database::

    def test_something(database_url, session, backend): ...   # runs once per backend

- ``backend``            "sqlite" or "postgresql" (session-scoped parameter; every DB test runs on both)
- ``database_url``       a fresh database at the newest schema, empty except the seeded countries
- ``empty_database_url`` a fresh database with no tables at all (for migration tests)
- ``engine``, ``session`` an engine / ORM session on ``database_url`` (closed after the test)
- ``run_cli``            ``run_cli("db", "current")`` runs the ``archive`` command on ``database_url``

The migrations run once per session and backend into a template; each test gets a copy (SQLite: a
copied file; PostgreSQL: a ``CREATE DATABASE … TEMPLATE`` copy that is emptied after each test and
replaced when a test changed its schema). Tests must not rely on other tests' rows, nor leave
connections in an open transaction. PostgreSQL comes
from $ARCHIVE_TEST_POSTGRES_URL (default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``); when
it cannot be reached the PostgreSQL tests are skipped loudly, and fail when CI=true.
"""
from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session

from archive import db as archive_db
from archive.models import Base

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BACKENDS = ("sqlite", "postgresql")
_postgres_problem: list[str] = []     # why PostgreSQL tests were skipped, for the summary


def postgres_server_url() -> URL:
    return archive_db.normalise_url(os.environ.get("ARCHIVE_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def url_text(url: URL) -> str:
    return url.render_as_string(hide_password=False)


# -- templates --------------------------------------------------------------------------------------

@dataclass
class Template:
    """A migrated (or empty) database that tests get copies of.

    SQLite: each test gets a copy of the template file. PostgreSQL: a ``CREATE DATABASE … TEMPLATE``
    copy is slow (~0.3 s), so one copy is reused: after each test its rows are deleted (tables filled
    by the migrations are kept) and identities restarted, and if the test changed the schema, the
    revision or the seeded rows, the copy is dropped and the next test gets a new one.
    """
    backend: str
    workdir: Path
    migrated: bool = True
    server: URL | None = None                 # PostgreSQL only
    name: str = ""                            # SQLite: template file; PostgreSQL: database name
    _admin: Engine | None = field(default=None, repr=False)
    _work: str | None = None                  # PostgreSQL: the reusable copy's URL
    _clean: tuple | None = None               # its fingerprint when fresh
    _seeded: tuple[str, ...] = ()             # tables the migrations fill

    def create(self) -> None:
        if self.backend == "sqlite":
            path = self.workdir / f"template-{'head' if self.migrated else 'empty'}.sqlite"
            if self.migrated:
                archive_db.upgrade(f"sqlite:///{path}")
            else:
                path.touch()      # an empty file is an empty SQLite database
            self.name = str(path)
            return
        assert self.server is not None
        self._admin = sa.create_engine(self.server, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
        self.name = f"archive_tpl_{uuid.uuid4().hex[:12]}"
        self._exec(f'CREATE DATABASE "{self.name}"')
        if self.migrated:
            url = url_text(self.server.set(database=self.name))
            archive_db.upgrade(url)
            engine = sa.create_engine(url, poolclass=sa.NullPool)
            with engine.connect() as conn:
                self._seeded = tuple(t.name for t in Base.metadata.sorted_tables
                                     if conn.scalar(sa.select(sa.func.count()).select_from(t)))
            engine.dispose()

    def acquire(self) -> str:
        """A database for one test, in the template's state."""
        if self.backend == "postgresql" and self.migrated:
            if self._work is None:
                self._work = self.clone()
                self._clean = self._fingerprint(self._work)
            return self._work
        return self.clone()

    def release(self, url: str) -> None:
        """Done with ``url``: reset it for the next test, or drop it."""
        if url == self._work:
            try:
                self._reset(url)
                if self._fingerprint(url) == self._clean:
                    return
            except sa.exc.SQLAlchemyError:
                pass
            self._work = None
        self.drop(url)

    def clone(self) -> str:
        """A new database copied from the template; its URL."""
        if self.backend == "sqlite":
            target = self.workdir / f"db-{uuid.uuid4().hex[:12]}.sqlite"
            shutil.copyfile(self.name, target)
            return f"sqlite:///{target}"
        assert self.server is not None
        name = f"archive_t_{uuid.uuid4().hex[:12]}"
        self._exec(f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"')
        return url_text(self.server.set(database=name))

    def drop(self, url: str) -> None:
        if self.backend == "sqlite":
            path = archive_db.sqlite_file(url)
            for suffix in ("", "-wal", "-shm"):
                if path is not None:
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            return
        self._exec(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def destroy(self) -> None:
        if self.backend == "postgresql" and self._admin is not None:
            if self._work is not None:
                self.drop(self._work)
            self._exec(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self._admin.dispose()

    def _exec(self, sql: str) -> None:
        assert self._admin is not None
        with self._admin.connect() as conn:
            conn.exec_driver_sql(sql)

    def _reset(self, url: str) -> None:
        engine = sa.create_engine(url, poolclass=sa.NullPool)
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql("SET LOCAL lock_timeout = '3s'")
                for table in reversed(Base.metadata.sorted_tables):
                    if table.name in self._seeded:
                        continue
                    conn.execute(table.delete())
                    for column in table.primary_key.columns:
                        if column.autoincrement is True or (column.autoincrement == "auto"
                                                            and len(table.primary_key.columns) == 1
                                                            and isinstance(column.type, sa.Integer)):
                            conn.execute(sa.text("SELECT setval(pg_get_serial_sequence(:t, :c), 1, false)"),
                                         {"t": table.name, "c": column.name})
        finally:
            engine.dispose()

    def _fingerprint(self, url: str) -> tuple:
        """Schema objects, revision and seeded rows: what a test must not have changed."""
        engine = sa.create_engine(url, poolclass=sa.NullPool)
        try:
            with engine.connect() as conn:
                schema = conn.execute(sa.text(
                    "SELECT (SELECT string_agg(table_name, ',' ORDER BY table_name) FROM "
                    "information_schema.tables WHERE table_schema = 'public'), "
                    "(SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'), "
                    "(SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                    "WHERE n.nspname = 'public')")).one()
                revision = conn.scalar(sa.text("SELECT string_agg(version_num, ',') FROM alembic_version"))
                seeded = tuple(conn.scalar(sa.text(
                    f'SELECT md5(string_agg(t::text, \'|\' ORDER BY t::text)) FROM "{name}" t'))
                    for name in self._seeded)
            return (tuple(schema), revision, seeded)
        finally:
            engine.dispose()


@pytest.fixture(scope="session")
def postgres_server() -> URL:
    """The PostgreSQL server for tests; skips (or fails, when CI=true) if it cannot be reached."""
    url = postgres_server_url()
    try:
        engine = sa.create_engine(url, poolclass=sa.NullPool, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        engine.dispose()
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable"
        reason = (f"PostgreSQL at {url.render_as_string(hide_password=True)} is unreachable "
                  f"({archive_db.first_line(error)}); set ARCHIVE_TEST_POSTGRES_URL or start it "
                  "(.ci/run does)")
        if in_ci():
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        _postgres_problem.append(reason)
        pytest.skip(f"SKIPPED POSTGRESQL TESTS: {reason}")
    return url


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Database backend under test; request it (or any fixture below) to run a test on both."""
    if request.param == "postgresql":
        request.getfixturevalue("postgres_server")
    return request.param


def _template(request: pytest.FixtureRequest, backend: str, tmp_path_factory: pytest.TempPathFactory,
              migrated: bool) -> Iterator[Template]:
    server = request.getfixturevalue("postgres_server") if backend == "postgresql" else None
    template = Template(backend, tmp_path_factory.mktemp(f"{backend}-db"), migrated=migrated, server=server)
    template.create()
    try:
        yield template
    finally:
        template.destroy()


@pytest.fixture(scope="session")
def migrated_template(request: pytest.FixtureRequest, backend: str,
                      tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    yield from _template(request, backend, tmp_path_factory, migrated=True)


@pytest.fixture(scope="session")
def empty_template(request: pytest.FixtureRequest, backend: str,
                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    yield from _template(request, backend, tmp_path_factory, migrated=False)


@pytest.fixture
def database_url(migrated_template: Template) -> Iterator[str]:
    """A fresh database at the newest schema (countries seeded, nothing else), dropped after."""
    url = migrated_template.acquire()
    try:
        yield url
    finally:
        migrated_template.release(url)


@pytest.fixture
def empty_database_url(empty_template: Template) -> Iterator[str]:
    """A fresh database without any table, dropped after."""
    url = empty_template.acquire()
    try:
        yield url
    finally:
        empty_template.release(url)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = archive_db.make_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with archive_db.session_factory(engine)() as session:
        yield session


@pytest.fixture
def run_cli(database_url: str) -> Callable[..., Result]:
    """Run ``archive --database <database_url> ARGS…``; returns click's Result (stdout, stderr apart)."""
    from archive.cli import cli

    def run(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(cli, ["--database", database_url, *args], input=input)

    return run


@pytest.fixture(autouse=True)
def _no_user_database(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never see the developer's own archive: no $ARCHIVE_DATABASE_URL, a private data folder."""
    monkeypatch.delenv("ARCHIVE_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.getbasetemp() / "xdg-data"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _postgres_problem:
        terminalreporter.write_sep("!", "POSTGRESQL TESTS WERE SKIPPED", red=True, bold=True)
        terminalreporter.write_line(_postgres_problem[0], red=True)
