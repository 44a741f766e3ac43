"""Engines, sessions and migrations for the archive database (SQLite by default, PostgreSQL too).

The small API later stages use::

    engine = make_engine(url)              # SQLite: foreign keys ON, WAL, real transactions
    Session = session_factory(engine)      # or session_factory(url)
    upgrade(url); current(url); downgrade(url, "base")

Every failure to reach or use the database is raised as :class:`DatabaseError`, whose message is one
line fit for the terminal (the CLI turns it into a ``click.ClickException``).
"""
from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from archive.config import database_url


def _alembic_dir() -> Path:
    """The migration scripts: alembic/ next to the package in a checkout or editable install, else
    the copy a regular install puts under <prefix>/share/archive/alembic (setup.cfg data_files)."""
    source = Path(__file__).resolve().parent.parent / "alembic"
    if (source / "env.py").is_file():
        return source
    for prefix in (sys.prefix, sys.base_prefix):
        installed = Path(prefix) / "share" / "archive" / "alembic"
        if (installed / "env.py").is_file():
            return installed
    return source


ALEMBIC_DIR = _alembic_dir()


class DatabaseError(Exception):
    """The database could not be reached or used; ``str(err)`` is one line for the user."""


def safe_url(url: str | URL) -> str:
    """The URL with any password masked, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return str(url)


def friendly(error: BaseException, url: str | URL | None = None) -> str:
    """One line explaining ``error`` (no traceback), naming the database when known."""
    where = f" ({safe_url(url)})" if url is not None else ""
    if isinstance(error, DatabaseError):
        return str(error)
    if isinstance(error, exc.NoSuchModuleError):
        return f"unknown database type in URL{where}: use sqlite:///PATH or postgresql+psycopg://…"
    if isinstance(error, exc.ArgumentError):
        return f"invalid database URL{where}: {first_line(error)}"
    if isinstance(error, exc.DBAPIError):
        orig = error.orig if error.orig is not None else error
        text = first_line(orig)
        if isinstance(error, exc.OperationalError) and _looks_like_connect_error(text):
            return f"cannot open the database{where}: {text}"
        return f"database error{where}: {text}"
    if isinstance(error, exc.SQLAlchemyError):
        return f"database error{where}: {first_line(error)}"
    return f"{type(error).__name__}{where}: {first_line(error)}"


def first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def _looks_like_connect_error(text: str) -> bool:
    t = text.lower()
    return any(s in t for s in ("connect", "unable to open", "does not exist", "authentication",
                                "password", "timeout", "refused", "resolve", "name or service"))


@contextlib.contextmanager
def translate_errors(url: str | URL | None = None) -> Iterator[None]:
    """Re-raise SQLAlchemy/driver errors as :class:`DatabaseError` with a one-line message."""
    try:
        yield
    except DatabaseError:
        raise
    except (exc.SQLAlchemyError, OSError) as error:
        raise DatabaseError(friendly(error, url)) from error


def _sqlite_setup(engine: Engine, *, foreign_keys: bool, wal: bool) -> None:
    """Connection settings for SQLite: FK enforcement, WAL journal, and real BEGIN/COMMIT (the
    sqlite3 module's own transaction handling leaves DDL and SAVEPOINT outside transactions)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None      # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA busy_timeout=5000")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN")


def make_engine(url: str | URL | None = None, *, foreign_keys: bool = True, **kwargs: Any) -> Engine:
    """An engine for ``url`` (default: --database / $ARCHIVE_DATABASE_URL / the per-user SQLite file).

    SQLite files get their folder created, foreign keys enforced (``foreign_keys=False`` is for
    migrations, which rebuild tables) and WAL journaling. Raises :class:`DatabaseError` on a bad URL.
    """
    raw = url if url is not None else database_url()
    try:
        parsed = normalise_url(raw)
        if parsed.get_backend_name() == "sqlite":
            path = sqlite_file(parsed)
            if path is not None:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    raise DatabaseError(f"cannot create the folder for the SQLite file ({safe_url(raw)}): "
                                        f"{error.strerror or error}") from error
            engine = sa.create_engine(parsed, **kwargs)
            _sqlite_setup(engine, foreign_keys=foreign_keys, wal=path is not None)
            return engine
        kwargs.setdefault("pool_pre_ping", True)
        if parsed.get_backend_name() == "postgresql":
            kwargs.setdefault("connect_args", {}).setdefault("connect_timeout", 10)
        return sa.create_engine(parsed, **kwargs)
    except ImportError as error:
        raise DatabaseError(f"the database driver for {safe_url(raw)} is not installed ({error.name}); "
                            "use sqlite:///PATH or postgresql+psycopg://…") from error
    except (exc.SQLAlchemyError, OSError) as error:
        raise DatabaseError(friendly(error, raw)) from error


def normalise_url(url: str | URL) -> URL:
    """Parse ``url``; a bare ``postgresql://`` means psycopg 3, the driver the archive ships with."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def sqlite_file(url: str | URL) -> Path | None:
    """The file behind an SQLite URL; None for other backends and in-memory databases."""
    parsed = make_url(url)
    path = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or path in ("", ":memory:") or path.startswith("file:"):
        return None
    return Path(path).expanduser()


def session_factory(bind: Engine | str | URL | None = None, **kwargs: Any) -> sessionmaker[Session]:
    """A ``sessionmaker`` bound to an engine (or to a new engine for a URL)."""
    engine = bind if isinstance(bind, Engine) else make_engine(bind)
    kwargs.setdefault("expire_on_commit", False)
    return sessionmaker(engine, **kwargs)


def check_connection(url: str | URL | None = None) -> None:
    """Open and close one connection; :class:`DatabaseError` with the reason when that fails."""
    engine = make_engine(url)
    try:
        with translate_errors(url or database_url()), engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    finally:
        engine.dispose()


# -- migrations -------------------------------------------------------------------------------------

def alembic_config(url: str | URL | None = None) -> Any:
    """An Alembic ``Config`` for our migrations, pointing at ``url``."""
    from alembic.config import Config

    if not (ALEMBIC_DIR / "env.py").is_file():
        raise DatabaseError(f"migration scripts not found in {ALEMBIC_DIR}; reinstall the archive "
                            "from its source tree (pip install .)")
    cfg = Config()
    cfg.set_main_option("script_location", str(ALEMBIC_DIR))
    raw = url if url is not None else database_url()
    # The URL travels as an attribute: no configparser '%' interpolation, passwords kept intact.
    cfg.attributes["archive_url"] = raw if isinstance(raw, URL) else str(raw)
    return cfg


def _run(url: str | URL | None, action: str, *args: Any) -> None:
    from alembic.util import CommandError

    from alembic import command

    cfg = alembic_config(url)
    target = cfg.attributes["archive_url"]
    try:
        with translate_errors(target):
            getattr(command, action)(cfg, *args)
    except CommandError as error:
        raise DatabaseError(f"migration failed ({safe_url(target)}): {first_line(error)}") from error


def upgrade(url: str | URL | None = None, rev: str = "head") -> None:
    """Bring the schema up to ``rev`` (default: the newest)."""
    _run(url, "upgrade", rev)


def downgrade(url: str | URL | None, rev: str) -> None:
    """Take the schema back to ``rev`` ("base" drops everything)."""
    _run(url, "downgrade", rev)


def current(url: str | URL | None = None) -> str | None:
    """The revision the database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    target = url if url is not None else database_url()
    with translate_errors(target):
        path = sqlite_file(target)
    if path is not None and not path.exists():
        return None      # do not create an empty file just to look at it
    engine = make_engine(target)
    try:
        with translate_errors(target), engine.connect() as conn:
            heads = MigrationContext.configure(conn).get_current_heads()
    finally:
        engine.dispose()
    return ",".join(heads) if heads else None


@functools.cache
def head() -> str:
    """The newest revision in the migration scripts."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return ",".join(script.get_heads())
