"""Committed appends wake live readers: a NOTIFY on the `timeline_events` channel per inserting statement.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

PostgreSQL delivers a notification only when the inserting transaction commits, so a listener never hears
of an event it cannot yet read. The payload is the statement's highest position; listeners still read the
log from their own cursor, so a lost or coalesced notification only delays them until the next one or
their fallback poll. One notification per statement, not per row: a batch of a thousand facts is one wake-up.

The application role may also read `alembic_version`, so that a readiness probe can check the schema over
the application's own pool instead of logging in as the owner.
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
CREATE FUNCTION timeline.events_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('timeline_events', (SELECT max(position)::text FROM appended));
    RETURN NULL;
END
$$;

CREATE TRIGGER events_notify AFTER INSERT ON events
    REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT EXECUTE FUNCTION timeline.events_after_insert();

GRANT SELECT ON alembic_version TO timeline_app;
"""
    )


def downgrade() -> None:
    op.execute("REVOKE SELECT ON alembic_version FROM timeline_app")
    op.execute("DROP TRIGGER events_notify ON events")
    op.execute("DROP FUNCTION timeline.events_after_insert()")
