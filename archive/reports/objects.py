"""Database objects made by migrations 0003 and 0005 that are outside the ORM metadata (no SQLAlchemy
here).

Alembic's autogenerate must not try to drop them: ``alembic/env.py`` passes :func:`include_name` as
``include_name``; tests comparing the models with a migrated database use it too.
"""
from __future__ import annotations

VIEWS: tuple[str, ...] = ("v_participation", "v_meetings", "v_quotes", "v_claims", "v_country_pairs",
                          "v_claim_sources", "v_meeting_topics", "v_topic_pairs")
# SQLite: FTS5 table quotes_fts and its shadow tables (quotes_fts_data, _idx, _docsize, _config);
# PostgreSQL: table quotes_fts and its index ix_quotes_fts_document.
FTS_PREFIX = "quotes_fts"


def is_reporting_object(name: str | None) -> bool:
    """True for a view or full-text object of migrations 0003 and 0005."""
    if not name:
        return False
    return name in VIEWS or name.startswith(FTS_PREFIX) or name.startswith("ix_" + FTS_PREFIX)


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic ``include_name`` hook: skip the reporting objects."""
    return not is_reporting_object(name)
