"""`archive db …` and the database choice: --database, $ARCHIVE_DATABASE_URL, the per-user default."""
from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result

from archive import db as archive_db
from archive.cli import COMMANDS, cli
from archive.models import Base


def invoke(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


# -- help -----------------------------------------------------------------------------------------

def _command_or_skip(name: str) -> None:
    module = COMMANDS[name][0].split(":")[0]
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name == module:         # being written elsewhere; anything else is a real failure
            pytest.skip(f"{module} does not exist yet")
        raise


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name: str) -> None:
    _command_or_skip(name)
    result = invoke(name, "--help")
    assert result.exit_code == 0, result.output
    assert f"Usage: cli {name}" in result.output or f"Usage: archive {name}" in result.output


@pytest.mark.parametrize("args", [(), ("db",), ("db", "upgrade"), ("db", "current"), ("db", "downgrade")])
def test_root_and_db_subcommands_have_help(args: tuple[str, ...]) -> None:
    result = invoke(*args, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_root_help_names_the_default_database_and_the_variable() -> None:
    text = " ".join(invoke("--help").output.split())
    assert "~/.local/share/archive/" in text and "ARCHIVE_DATABASE_URL" in text


def test_python_dash_m_archive_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "archive", "--help"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert "db" in out.stdout


# -- db commands on both backends -----------------------------------------------------------------

def test_upgrade_current_downgrade_cycle(empty_database_url: str) -> None:
    head = archive_db.head()
    result = invoke("--database", empty_database_url, "db", "current")
    assert result.exit_code == 0 and "empty" in result.output

    result = invoke("--database", empty_database_url, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert f"revision {head}" in result.output
    engine = archive_db.make_engine(empty_database_url)
    try:
        assert set(Base.metadata.tables) <= set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert f"{head} (newest)" in invoke("--database", empty_database_url, "db", "current").output

    result = invoke("--database", empty_database_url, "db", "downgrade", "--yes", "base")
    assert result.exit_code == 0, result.output
    assert archive_db.current(empty_database_url) is None


def test_downgrade_asks_first_and_keeps_the_schema_on_no(run_cli: Callable[..., Result],
                                                         database_url: str) -> None:
    result = run_cli("db", "downgrade", "base", input="n\n")
    assert result.exit_code == 1
    assert archive_db.current(database_url) == archive_db.head()


def test_upgrade_is_idempotent(run_cli: Callable[..., Result]) -> None:
    first, second = run_cli("db", "upgrade"), run_cli("db", "upgrade")
    assert first.exit_code == second.exit_code == 0
    assert first.output == second.output


def test_unknown_revision_is_one_line(run_cli: Callable[..., Result]) -> None:
    result = run_cli("db", "upgrade", "nosuchrev")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: migration failed") and result.stderr.count("\n") == 1


# -- choosing the database ------------------------------------------------------------------------

def test_environment_variable_selects_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("ARCHIVE_DATABASE_URL", f"sqlite:///{target}")
    assert invoke("db", "upgrade").exit_code == 0
    assert archive_db.current(f"sqlite:///{target}") == archive_db.head()


def test_default_is_a_sqlite_file_in_the_user_data_folder(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = invoke("db", "upgrade")
    assert result.exit_code == 0, result.output
    path = tmp_path / "data" / "archive" / "archive.sqlite"
    assert path.is_file()
    engine = archive_db.make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_current_does_not_create_a_missing_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "nothing-here.sqlite"
    result = invoke("--database", f"sqlite:///{path}", "db", "current")
    assert result.exit_code == 0 and "empty" in result.output
    assert not path.exists()


BAD_DATABASES = [
    ("not a url", "invalid database URL"),
    ("nosuchdb://host/x", "unknown database type"),
    ("postgresql+psycopg2://someone@127.0.0.1/x", "driver"),
    ("postgresql+psycopg://postgres@127.0.0.1:1/x", "cannot open the database"),
    ("postgresql+psycopg://user:s3cret@host.invalid/x", "cannot open the database"),
]


@pytest.mark.parametrize(("url", "message", "command"), [
    *[(url, message, ("db", command)) for url, message in BAD_DATABASES for command in ("upgrade", "current")],
    ("sqlite:////proc/no/such/dir/archive.sqlite", "cannot create the folder", ("db", "upgrade")),
])
def test_bad_database_is_one_line_and_nonzero(url: str, message: str, command: tuple[str, ...]) -> None:
    result = invoke("--database", url, *command)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "s3cret" not in result.stderr


def test_bare_postgresql_url_means_psycopg3() -> None:
    assert archive_db.normalise_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert archive_db.normalise_url("sqlite:///x.sqlite").drivername == "sqlite"


def test_api_raises_database_error_with_a_short_message() -> None:
    with pytest.raises(archive_db.DatabaseError) as info:
        archive_db.upgrade("postgresql+psycopg://postgres@127.0.0.1:1/x")
    assert "\n" not in str(info.value) and "127.0.0.1:1" in str(info.value)


def test_sqlite_transactions_roll_back_ddl_and_dml(tmp_path: Path) -> None:
    engine = archive_db.make_engine(f"sqlite:///{tmp_path / 'tx.sqlite'}")
    try:
        with pytest.raises(RuntimeError), engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
            raise RuntimeError("roll back")
        assert "t" not in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_ci_runs_exactly_the_readme_test_command() -> None:
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    script_lines = (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    command = next(line for line in reversed(script_lines) if line.strip() and not line.startswith("#"))
    assert "pytest" in command
    assert f"\n{command}\n" in readme
