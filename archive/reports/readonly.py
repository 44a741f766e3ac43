"""``archive sql``: run the user's query read-only, with a bounded timeout.

SQLite: the file is opened read-only (``mode=ro`` URI), ``PRAGMA query_only`` is on, an authorizer
refuses ATTACH/DETACH and PRAGMA assignments, a progress handler and a watchdog thread stop the query
at the timeout, and SQLite's limits bound a string or blob (``MAX_VALUE_BYTES``) and its heap
(``HEAP_LIMIT_BYTES``), so no single function call can run on past the timeout.

PostgreSQL: the query is parsed first (PostgreSQL's own parser, through pglast) and must be one
SELECT (or VALUES, TABLE, EXPLAIN of one); COPY, DO, SET and every other statement, data-modifying
WITH, SELECT INTO, row locks and the server functions that read or list server files, signal or
stop backends, reload the configuration, change settings or the role, run SQL given as text or reach
other databases are refused with the reason. It then runs in a ``READ ONLY`` transaction as the
role ``archive_reader`` (``SET LOCAL ROLE``; created by migration 0004, it may only read the
archive's tables and views), with ``statement_timeout``, ``lock_timeout`` and
``idle_in_transaction_session_timeout`` set, through the extended protocol (one statement only).
"""
from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Mapping
from typing import Any

from archive import db as archive_db

Listing = tuple[list[str], list[dict[str, Any]]]


_PG_PARAM = re.compile(r"(?<![:\w]):(\w+)")   # :name -> %(name)s (not ::casts)

MAX_TIMEOUT = 300.0                 # seconds: --timeout is capped here
MAX_VALUE_BYTES = 10_000_000        # SQLite: the longest string or blob a query may build
HEAP_LIMIT_BYTES = 512 * 2**20      # SQLite: the heap a query may use
READER_ROLE = "archive_reader"      # PostgreSQL: the role queries run as (migration 0004)

# PostgreSQL functions refused by name (schema ignored), with the reason given to the user.
_REFUSED_FUNCTIONS: dict[str, str] = {
    **dict.fromkeys(("pg_read_file", "pg_read_binary_file", "pg_stat_file", "pg_file_write",
                     "pg_file_rename", "pg_file_unlink", "pg_file_sync", "pg_logdir_ls"),
                    "it reads or writes files on the server"),
    **dict.fromkeys(("pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile",
                     "pg_promote", "pg_switch_wal", "pg_create_restore_point", "pg_log_backend_memory_contexts"),
                    "it signals or controls the server"),
    **dict.fromkeys(("set_config",), "it changes settings or the role"),
    **dict.fromkeys(("query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml",
                     "cursor_to_xmlschema", "ts_stat"), "it runs SQL given as text"),
    **dict.fromkeys(("pg_notify",), "it signals other sessions"),
}
_REFUSED_PREFIXES: tuple[tuple[str, str], ...] = (
    ("pg_ls_", "it lists files on the server"),
    ("lo_", "it reads or writes large objects and server files"),
    ("dblink", "it reaches other databases"),
    ("pg_advisory", "it takes locks that block the importers"),
    ("pg_try_advisory", "it takes locks that block the importers"),
    ("pg_replication_", "it controls replication"),
    ("pg_create_", "it changes the server"),
    ("pg_drop_", "it changes the server"),
    ("pg_logical_", "it controls replication"),
    ("pg_backup_", "it controls backups"),
    ("pg_wal_replay_", "it controls the server"),
)


class QueryError(Exception):
    """The query failed or was refused; ``str`` is one line."""


def run_sql(url: str, query: str, params: Mapping[str, Any] | None = None, *, timeout: float = 30.0) -> Listing:
    timeout = min(max(timeout, 0.001), MAX_TIMEOUT)
    parsed = archive_db.normalise_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite(url, query, dict(params or {}), timeout)
    if backend == "postgresql":
        check_postgres_query(_PG_PARAM.sub("$1", query) if params else query)
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
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as error:
        raise QueryError(f"cannot open {path}: {error}") from error
    # a watchdog interrupts whatever runs at the deadline; the progress handler catches long loops
    watchdog = threading.Timer(timeout, conn.interrupt)
    watchdog.daemon = True
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute(f"PRAGMA hard_heap_limit = {HEAP_LIMIT_BYTES}")
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
        conn.set_authorizer(_authorizer)
        deadline = time.monotonic() + timeout
        conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
        watchdog.start()
        try:
            cursor = conn.execute(query, params)
            columns = [d[0] for d in cursor.description or ()]
            rows = [dict(zip(columns, r, strict=True)) for r in cursor.fetchall()]
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                raise QueryError(f"query stopped after the {timeout:g} s timeout") from error
            raise QueryError(_refusal(str(error))) from error
        except MemoryError as error:
            raise QueryError(f"query stopped: it needs more than {HEAP_LIMIT_BYTES // 2**20} MB") from error
        except (sqlite3.Error, sqlite3.Warning) as error:
            raise QueryError(_refusal(str(error))) from error
        return columns, rows
    finally:
        watchdog.cancel()
        conn.close()


def _refusal(message: str) -> str:
    if "not authorized" in message or "readonly" in message or "read-only" in message:
        return f"archive sql is read-only: {message}"
    if "too big" in message:
        return f"query refused: a value longer than {MAX_VALUE_BYTES:,} bytes ({message})"
    if "out of memory" in message:
        return f"query stopped: it needs more than {HEAP_LIMIT_BYTES // 2**20} MB ({message})"
    return f"query failed: {message}"


def check_postgres_query(query: str) -> None:
    """Refuse, with the reason, anything but one plain read: see the module's docstring."""
    import pglast
    from pglast import ast
    from pglast.visitors import Visitor

    try:
        statements = pglast.parse_sql(query)
    except pglast.parser.ParseError as error:
        raise QueryError(f"query failed: {error}") from error
    if len(statements) != 1:
        raise QueryError(f"archive sql runs one statement at a time, not {len(statements)}")
    stmt = statements[0].stmt
    if isinstance(stmt, ast.ExplainStmt):
        stmt = stmt.query
    if not isinstance(stmt, ast.SelectStmt):
        kind = _statement_name(type(stmt).__name__)
        hint = " (to export, use --format csv or json)" if kind == "COPY" else ""
        raise QueryError(f"archive sql is read-only and runs SELECT queries only, not {kind}{hint}")
    refusals: list[str] = []

    class Check(Visitor):
        def visit_SelectStmt(self, _ancestors: Any, node: Any) -> None:
            if node.intoClause is not None:
                refusals.append("SELECT INTO creates a table; archive sql is read-only")
            if node.lockingClause:
                refusals.append("FOR UPDATE/SHARE locks rows; archive sql is read-only")

        def visit_FuncCall(self, _ancestors: Any, node: Any) -> None:
            name = getattr(node.funcname[-1], "sval", "") or ""
            if why := _refused(name.lower()):
                refusals.append(f"function {name}() is not allowed in archive sql: {why}")

        def _modifies(self, _ancestors: Any, node: Any) -> None:
            refusals.append(f"{_statement_name(type(node).__name__)} inside a query; archive sql is read-only")

        visit_InsertStmt = visit_UpdateStmt = visit_DeleteStmt = visit_MergeStmt = _modifies

    Check()(statements)
    if refusals:
        raise QueryError(refusals[0])


def _refused(name: str) -> str | None:
    if name in _REFUSED_FUNCTIONS:
        return _REFUSED_FUNCTIONS[name]
    return next((why for prefix, why in _REFUSED_PREFIXES if name.startswith(prefix)), None)


def _statement_name(node_type: str) -> str:
    """'CopyStmt' -> 'COPY', 'VariableSetStmt' -> 'SET', 'DoStmt' -> 'DO' …"""
    special = {"VariableSetStmt": "SET", "VariableShowStmt": "SHOW", "TransactionStmt": "a transaction command",
               "CreateTableAsStmt": "CREATE TABLE AS", "ExecuteStmt": "EXECUTE"}
    if node_type in special:
        return special[node_type]
    words = re.findall(r"[A-Z][a-z]*", node_type.removesuffix("Stmt"))
    return " ".join(words).upper() or node_type


def _postgres(parsed: Any, query: str, params: dict[str, Any], timeout: float) -> Listing:
    import psycopg

    ms = max(1, int(timeout * 1000))
    settings = (f"-c default_transaction_read_only=on -c statement_timeout={ms} -c lock_timeout={ms}"
                f" -c idle_in_transaction_session_timeout={ms + 5000}")
    kwargs = {k: v for k, v in {"host": parsed.host, "port": parsed.port, "user": parsed.username,
                                "password": parsed.password, "dbname": parsed.database}.items() if v}
    try:
        conn = psycopg.connect(**kwargs, connect_timeout=10, autocommit=False, options=settings)
    except psycopg.Error as error:
        raise QueryError(f"cannot open the database ({archive_db.safe_url(parsed)}): "
                         f"{archive_db.first_line(error)}") from error
    try:
        with conn.cursor() as cur:
            cur.execute("SET TRANSACTION READ ONLY")
            cur.execute("SELECT set_config('statement_timeout', %s, true), set_config('lock_timeout', %s, true)",
                        (str(ms), str(ms)))
            try:
                cur.execute(f"SET LOCAL ROLE {READER_ROLE}")
            except psycopg.Error as error:
                raise QueryError(
                    f"archive sql cannot switch to the reader role {READER_ROLE} "
                    f"({archive_db.first_line(error)}); run `archive db upgrade` as a user who may create "
                    f"roles, or have an administrator run: CREATE ROLE {READER_ROLE} NOLOGIN; "
                    f"GRANT {READER_ROLE} TO {parsed.username or 'your_user'}; then `archive db upgrade`"
                ) from error
            try:
                if params:
                    query = _PG_PARAM.sub(r"%(\1)s", query.replace("%", "%%"))
                cur.execute(query, params or None, prepare=True)
                columns = [d.name for d in cur.description or ()]
                rows = [dict(zip(columns, r, strict=True)) for r in cur.fetchall()] if cur.description else []
            except psycopg.errors.QueryCanceled as error:
                raise QueryError(f"query stopped after the {timeout:g} s timeout") from error
            except psycopg.errors.LockNotAvailable as error:
                raise QueryError(f"query stopped: a table stayed locked for the {timeout:g} s timeout") from error
            except psycopg.errors.ReadOnlySqlTransaction as error:
                raise QueryError(f"archive sql is read-only: {archive_db.first_line(error)}") from error
            except psycopg.errors.InsufficientPrivilege as error:
                raise QueryError(f"archive sql may only read the archive's tables and views: "
                                 f"{archive_db.first_line(error)}") from error
            except psycopg.Error as error:
                raise QueryError(f"query failed: {archive_db.first_line(error)}") from error
        return columns, rows
    finally:
        try:
            conn.rollback()
        finally:
            conn.close()
