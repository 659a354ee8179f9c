"""Alembic runs against the configured database as its owner (not as the app role)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from timeline import config as timeline_config
from timeline.store.db import database_url

alembic_config = context.config
url = alembic_config.get_main_option("sqlalchemy.url") or database_url()

engine = create_engine(timeline_config.sqlalchemy_url(url), poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
