"""Alembic environment: the archive's models are the target; SQLite migrates in batch mode.

The database URL comes from ``archive.db.alembic_config`` (attribute ``archive_url``), else
``sqlalchemy.url`` in alembic.ini, else ``--database``'s defaults ($ARCHIVE_DATABASE_URL, then the
per-user SQLite file). A caller may also hand over an open connection as attribute ``connection``.
"""
from __future__ import annotations

from logging.config import fileConfig

from sqlalchemy import Connection, pool

from alembic import context
from archive.config import database_url
from archive.db import make_engine
from archive.models import Base
from archive.reports.objects import include_name

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)
target_metadata = Base.metadata


def target_url() -> str:
    return (config.attributes.get("archive_url") or config.get_main_option("sqlalchemy.url")
            or database_url())


def configure(connection: Connection | None = None, **kwargs) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        include_name=include_name,   # views and full-text tables of 0003 are not in the models
        render_as_batch=True,      # SQLite ALTERs become table rebuilds; other backends ignore it
        **kwargs,
    )


def run_migrations_offline() -> None:
    """Print SQL instead of running it (``alembic upgrade head --sql``)."""
    configure(url=target_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run(connection: Connection) -> None:
    # archive.db gives SQLite real BEGIN/COMMIT, so a failed migration rolls back there too.
    configure(connection, transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()
    if connection.dialect.name == "sqlite":
        # Foreign keys are off while SQLite tables are rebuilt; verify nothing was orphaned.
        bad = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise RuntimeError(f"foreign key violations after migration: {bad[:5]}")


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        run(given)
        return
    # Foreign keys OFF on SQLite: batch mode rebuilds tables, and a DROP with FKs on would cascade.
    engine = make_engine(target_url(), foreign_keys=False, poolclass=pool.NullPool)
    try:
        with engine.connect() as connection:
            run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
