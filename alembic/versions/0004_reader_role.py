"""PostgreSQL: a reader role for ``archive sql``.

``archive sql`` switches to the role ``archive_reader`` (``SET LOCAL ROLE``) inside its read-only
transaction, whatever role the database URL names (often a superuser). The role cannot log in and
holds nothing but USAGE on the archive's schema and SELECT on its tables and views (also on those
that later migrations create: default privileges). The URL's role is made a member so that it may
switch to it.

Roles belong to the whole server, so the role is created only when missing and never dropped:
a downgrade revokes what this database granted. A URL role that may not create roles leaves the
archive without the reader role (a NOTICE says so); ``archive sql`` then refuses to run and tells
the administrator what to create. SQLite: nothing to do.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLE = "archive_reader"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}') THEN
        BEGIN
            CREATE ROLE {ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'archive: % may not create roles; archive sql needs the role {ROLE}', current_user;
            RETURN;
        END;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO {ROLE}', current_schema());
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO {ROLE}', current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO {ROLE}', current_schema());
    IF NOT pg_has_role(current_user, '{ROLE}', 'MEMBER') THEN
        BEGIN
            EXECUTE format('GRANT {ROLE} TO %I', current_user);
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'archive: % may not join {ROLE}; an administrator must GRANT {ROLE} TO %', current_user, current_user;
        END;
    END IF;
END $$;
""")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"""
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}') THEN
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE SELECT ON TABLES FROM {ROLE}', current_schema());
        EXECUTE format('REVOKE SELECT ON ALL TABLES IN SCHEMA %I FROM {ROLE}', current_schema());
        EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM {ROLE}', current_schema());
    END IF;
END $$;
""")
