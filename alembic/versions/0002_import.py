"""Import support: keys for upserts and look-ups used by `archive import`.

- persons.surname_key (indexed): the candidate set for fuzzy person matching, found by index.
- person_positions.key + UNIQUE (person_id, key): one row per (role, country, position) of a person,
  upserted as articles arrive (the importer always sets the key; NULL keys stay distinct).
- meetings.signature + meetings.anchor_date, indexed together: de-duplication of one meeting reported
  by several articles (same participant set and compatible kind, dates within one day).

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("surname_key", sa.String(length=200), nullable=True))
        batch.create_index(op.f("ix_persons_surname_key"), ["surname_key"])

    with op.batch_alter_table("person_positions") as batch:
        batch.add_column(sa.Column("key", sa.String(length=400), nullable=True))
        batch.create_unique_constraint(op.f("uq_person_positions_person_id_key"), ["person_id", "key"])

    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("signature", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("anchor_date", sa.Date(), nullable=True))
        batch.create_index(op.f("ix_meetings_signature_anchor_date"), ["signature", "anchor_date"])


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.drop_index(op.f("ix_meetings_signature_anchor_date"))
        batch.drop_column("anchor_date")
        batch.drop_column("signature")

    with op.batch_alter_table("person_positions") as batch:
        batch.drop_constraint(op.f("uq_person_positions_person_id_key"), type_="unique")
        batch.drop_column("key")

    with op.batch_alter_table("persons") as batch:
        batch.drop_index(op.f("ix_persons_surname_key"))
        batch.drop_column("surname_key")
