"""Initial schema: every table of archive.models, and the countries of ISO 3166-1.

Revision ID: 0001
Revises:
Create Date: 2026-11-24 20:13:47.992204
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


COUNTRY_LANGUAGES = ("kk", "ru", "en")


def country_rows() -> list[dict[str, str]]:
    """Every ISO 3166-1 country (pycountry) with its CLDR name (Babel) in Kazakh, Russian, English."""
    import babel
    import pycountry

    names = {lang: babel.Locale(lang).territories for lang in COUNTRY_LANGUAGES}
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        row = {"code": country.alpha_2, "alpha3": country.alpha_3}
        for lang in COUNTRY_LANGUAGES:
            row[f"name_{lang}"] = names[lang].get(country.alpha_2) or country.name
        rows.append(row)
    return rows


def seed_countries() -> None:
    countries = sa.table("countries", *(sa.column(c, sa.String) for c in
                                        ("code", "alpha3", "name_kk", "name_ru", "name_en")))
    op.bulk_insert(countries, country_rows())


def upgrade() -> None:
    op.create_table('corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_corrections'))
    )
    op.create_index(op.f('ix_corrections_kind'), 'corrections', ['kind'])

    op.create_table('countries',
    sa.Column('code', sa.String(length=2), nullable=False),
    sa.Column('alpha3', sa.String(length=3), nullable=False),
    sa.Column('name_kk', sa.Text(), nullable=False),
    sa.Column('name_ru', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_countries')),
    sa.UniqueConstraint('alpha3', name=op.f('uq_countries_alpha3'))
    )
    op.create_table('outlets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outlets')),
    sa.UniqueConstraint('key', name=op.f('uq_outlets_key'))
    )
    op.create_table('persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_latin', sa.Text(), nullable=True),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons'))
    )
    op.create_index(op.f('ix_persons_key'), 'persons', ['key'])

    op.create_table('topics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.CheckConstraint("language IN ('kk', 'ru', 'en')", name=op.f('ck_topics_language')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_topics')),
    sa.UniqueConstraint('key', name=op.f('uq_topics_key'))
    )
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=True),
    sa.Column('via', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('extractor_version', sa.String(length=64), nullable=False),
    sa.CheckConstraint("language IN ('kk', 'ru', 'en')", name=op.f('ck_articles_language')),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlets.id'], name=op.f('fk_articles_outlet_id_outlets'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles')),
    sa.UniqueConstraint('content_sha256', name=op.f('uq_articles_content_sha256')),
    sa.UniqueConstraint('url', name=op.f('uq_articles_url'))
    )
    op.create_index(op.f('ix_articles_outlet_id'), 'articles', ['outlet_id'])
    op.create_index(op.f('ix_articles_published'), 'articles', ['published'])

    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('city', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('occasion', sa.Text(), nullable=True),
    sa.CheckConstraint("kind IN ('meeting', 'talks', 'phone_call', 'video_call', 'visit', 'summit', 'session')", name=op.f('ck_meetings_kind')),
    sa.ForeignKeyConstraint(['country'], ['countries.code'], name=op.f('fk_meetings_country_countries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings'))
    )
    op.create_index(op.f('ix_meetings_country'), 'meetings', ['country'])
    op.create_index(op.f('ix_meetings_date'), 'meetings', ['date'])

    op.create_table('person_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('script', sa.String(length=4), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.CheckConstraint("language IN ('kk', 'ru', 'en')", name=op.f('ck_person_aliases_language')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_person_aliases_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_aliases')),
    sa.UniqueConstraint('key', name=op.f('uq_person_aliases_key'))
    )
    op.create_index(op.f('ix_person_aliases_person_id'), 'person_aliases', ['person_id'])

    op.create_table('person_positions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('position', sa.Text(), nullable=True),
    sa.Column('first_seen', sa.Date(), nullable=True),
    sa.Column('last_seen', sa.Date(), nullable=True),
    sa.CheckConstraint("role IN ('head_of_state', 'head_of_government', 'deputy_head_of_government', 'minister', 'deputy_minister', 'ambassador', 'head_of_organization', 'legislator', 'regional_head', 'other')", name=op.f('ck_person_positions_role')),
    sa.CheckConstraint('first_seen IS NULL OR last_seen IS NULL OR first_seen <= last_seen', name=op.f('ck_person_positions_seen')),
    sa.ForeignKeyConstraint(['country'], ['countries.code'], name=op.f('fk_person_positions_country_countries')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_person_positions_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_positions'))
    )
    op.create_index(op.f('ix_person_positions_country'), 'person_positions', ['country'])
    op.create_index(op.f('ix_person_positions_person_id'), 'person_positions', ['person_id'])

    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('speaker_name', sa.Text(), nullable=True),
    sa.Column('value', sa.Numeric(precision=30, scale=6), nullable=False),
    sa.Column('unit', sa.String(length=32), nullable=True),
    sa.Column('object', sa.Text(), nullable=True),
    sa.Column('metric', sa.Text(), nullable=True),
    sa.Column('change', sa.String(length=16), nullable=True),
    sa.Column('qualifier', sa.String(length=16), nullable=True),
    sa.Column('period', sa.Text(), nullable=True),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.CheckConstraint("change IN ('increase', 'decrease')", name=op.f('ck_claims_change')),
    sa.CheckConstraint("qualifier IN ('approx', 'over', 'under', 'up_to')", name=op.f('ck_claims_qualifier')),
    sa.CheckConstraint('"end" >= "start"', name=op.f('ck_claims_span')),
    sa.CheckConstraint('"start" >= 0', name=op.f('ck_claims_start')),
    sa.CheckConstraint('period_start IS NULL OR period_end IS NULL OR period_start <= period_end', name=op.f('ck_claims_period')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_claims_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_claims_meeting_id_meetings'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['speaker_id'], ['persons.id'], name=op.f('fk_claims_speaker_id_persons'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    op.create_index(op.f('ix_claims_article_id'), 'claims', ['article_id'])
    op.create_index(op.f('ix_claims_meeting_id'), 'claims', ['meeting_id'])
    op.create_index(op.f('ix_claims_speaker_id'), 'claims', ['speaker_id'])

    op.create_table('meeting_articles',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_meeting_articles_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_meeting_articles_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id', 'article_id', name=op.f('pk_meeting_articles'))
    )
    op.create_index(op.f('ix_meeting_articles_article_id'), 'meeting_articles', ['article_id'])

    op.create_table('meeting_participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('position', sa.Text(), nullable=True),
    sa.Column('role', sa.String(length=32), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.CheckConstraint("role IN ('head_of_state', 'head_of_government', 'deputy_head_of_government', 'minister', 'deputy_minister', 'ambassador', 'head_of_organization', 'legislator', 'regional_head', 'other')", name=op.f('ck_meeting_participants_role')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_meeting_participants_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['country'], ['countries.code'], name=op.f('fk_meeting_participants_country_countries')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_meeting_participants_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_meeting_participants_person_id_persons'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_participants')),
    sa.UniqueConstraint('meeting_id', 'person_id', name=op.f('uq_meeting_participants_meeting_id_person_id'))
    )
    op.create_index(op.f('ix_meeting_participants_article_id'), 'meeting_participants', ['article_id'])
    op.create_index(op.f('ix_meeting_participants_country_meeting_id'), 'meeting_participants', ['country', 'meeting_id'])
    op.create_index(op.f('ix_meeting_participants_person_id'), 'meeting_participants', ['person_id'])

    op.create_table('meeting_topics',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_meeting_topics_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_meeting_topics_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_meeting_topics_topic_id_topics'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id', 'topic_id', name=op.f('pk_meeting_topics'))
    )
    op.create_index(op.f('ix_meeting_topics_article_id'), 'meeting_topics', ['article_id'])
    op.create_index(op.f('ix_meeting_topics_topic_id'), 'meeting_topics', ['topic_id'])

    op.create_table('quotes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('speaker_name', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('direct', sa.Boolean(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.CheckConstraint("language IN ('kk', 'ru', 'en')", name=op.f('ck_quotes_language')),
    sa.CheckConstraint('"end" >= "start"', name=op.f('ck_quotes_span')),
    sa.CheckConstraint('"start" >= 0', name=op.f('ck_quotes_start')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_quotes_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_quotes_meeting_id_meetings'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['speaker_id'], ['persons.id'], name=op.f('fk_quotes_speaker_id_persons'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotes'))
    )
    op.create_index(op.f('ix_quotes_article_id'), 'quotes', ['article_id'])
    op.create_index(op.f('ix_quotes_meeting_id'), 'quotes', ['meeting_id'])
    op.create_index(op.f('ix_quotes_speaker_id'), 'quotes', ['speaker_id'])

    seed_countries()


def downgrade() -> None:
    op.drop_table('quotes')
    op.drop_table('meeting_topics')
    op.drop_table('meeting_participants')
    op.drop_table('meeting_articles')
    op.drop_table('claims')
    op.drop_table('person_positions')
    op.drop_table('person_aliases')
    op.drop_table('meetings')
    op.drop_table('articles')
    op.drop_table('topics')
    op.drop_table('persons')
    op.drop_table('outlets')
    op.drop_table('countries')
    op.drop_table('corrections')
