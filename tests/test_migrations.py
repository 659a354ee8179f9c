"""Migrations are the only way the schema is made: they go down and up again, and match the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from timeline.store import migrate
from timeline.store.schema import metadata


def test_downgrade_to_base_and_upgrade_again(db_url: str, owner_engine: Engine) -> None:
    assert migrate.current_revision(db_url) == migrate.head_revision()
    migrate.downgrade(db_url, "base")
    assert migrate.current_revision(db_url) is None
    owner_engine.dispose()
    with owner_engine.connect() as conn:
        assert "events" not in inspect(conn).get_table_names()
    migrate.upgrade(db_url)
    assert migrate.current_revision(db_url) == migrate.head_revision()
    with owner_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar_one() == 0


def test_models_match_the_migrated_schema(owner_engine: Engine) -> None:
    with owner_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    assert differences == []
