"""``archive sql``: run the user's query read-only, with a statement timeout.

SQLite: the file is opened read-only (``mode=ro`` URI), ``PRAGMA query_only`` is on, an authorizer
refuses ATTACH/DETACH and PRAGMA assignments, and a progress handler stops the query at the timeout.
PostgreSQL: the session defaults to read-only transactions, the query runs in a ``READ ONLY``
transaction with ``statement_timeout``, and through the extended protocol (one statement only, so
``COMMIT; DELETE …`` cannot slip out of the transaction).
"""
from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Mapping
from typing import Any

from archive import db as archive_db

Listing = tuple[list[str], list[dict[str, Any]]]


_PG_PARAM = re.compile(r"(?<![:\w]):(\w+)")   # :name -> %(name)s (not ::casts)


class QueryError(Exception):
    """The query failed or was refused; ``str`` is one line."""


def run_sql(url: str, query: str, params: Mapping[str, Any] | None = None, *, timeout: float = 30.0) -> Listing:
    parsed = archive_db.normalise_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite(url, query, dict(params or {}), timeout)
    if backend == "postgresql":
        return _postgres(parsed, query, dict(params or {}), timeout)
    raise QueryError(f"archive sql supports SQLite and PostgreSQL, not {backend}")


_SQLITE_READS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
                 getattr(sqlite3, "SQLITE_RECURSIVE", 33)}


def _authorizer(action: int, arg1: Any, arg2: Any, _db: Any, _trigger: Any) -> int:
    if action in _SQLITE_READS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and arg2 is None:        # reading a pragma
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def _sqlite(url: str, query: str, params: dict[str, Any], timeout: float) -> Listing:
    path = archive_db.sqlite_file(url)
    if path is None or not path.exists():
        raise QueryError(f"no SQLite archive at {archive_db.safe_url(url)}")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise QueryError(f"cannot open {path}: {error}") from error
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.set_authorizer(_authorizer)
        deadline = time.monotonic() + timeout
        conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
        try:
            cursor = conn.execute(query, params)
            columns = [d[0] for d in cursor.description or ()]
            rows = [dict(zip(columns, r, strict=True)) for r in cursor.fetchall()]
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                raise QueryError(f"query stopped after the {timeout:g} s timeout") from error
            raise QueryError(_refusal(str(error))) from error
        except (sqlite3.Error, sqlite3.Warning) as error:
            raise QueryError(_refusal(str(error))) from error
        return columns, rows
    finally:
        conn.close()


def _refusal(message: str) -> str:
    if "not authorized" in message or "readonly" in message or "read-only" in message:
        return f"archive sql is read-only: {message}"
    return f"query failed: {message}"


def _postgres(parsed: Any, query: str, params: dict[str, Any], timeout: float) -> Listing:
    import psycopg

    ms = max(1, int(timeout * 1000))
    kwargs = {k: v for k, v in {"host": parsed.host, "port": parsed.port, "user": parsed.username,
                                "password": parsed.password, "dbname": parsed.database}.items() if v}
    try:
        conn = psycopg.connect(**kwargs, connect_timeout=10, autocommit=False,
                               options=f"-c default_transaction_read_only=on -c statement_timeout={ms}")
    except psycopg.Error as error:
        raise QueryError(f"cannot open the database ({archive_db.safe_url(parsed)}): "
                         f"{archive_db.first_line(error)}") from error
    try:
        with conn.cursor() as cur:
            cur.execute("SET TRANSACTION READ ONLY")
            cur.execute("SELECT set_config('statement_timeout', %s, true)", (str(ms),))
            try:
                if params:
                    query = _PG_PARAM.sub(r"%(\1)s", query.replace("%", "%%"))
                cur.execute(query, params or None, prepare=True)
                columns = [d.name for d in cur.description or ()]
                rows = [dict(zip(columns, r, strict=True)) for r in cur.fetchall()] if cur.description else []
            except psycopg.errors.QueryCanceled as error:
                raise QueryError(f"query stopped after the {timeout:g} s timeout") from error
            except psycopg.errors.ReadOnlySqlTransaction as error:
                raise QueryError(f"archive sql is read-only: {archive_db.first_line(error)}") from error
            except psycopg.Error as error:
                raise QueryError(f"query failed: {archive_db.first_line(error)}") from error
        return columns, rows
    finally:
        conn.rollback()
        conn.close()
