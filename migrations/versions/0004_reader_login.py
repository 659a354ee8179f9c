"""The reader role may log in, so read-only SQL runs in a session that cannot become anyone else.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

`SET ROLE timeline_reader` from the owner's login is not a boundary: within one statement,
`set_config('role', 'postgres', true)` switches back, because PostgreSQL checks role changes against the
session's login. A session that logs in as timeline_reader has no such way out. Without a password it can
log in only where the server trusts local connections; elsewhere give it one and set
TIMELINE_READER_DATABASE_URL.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER ROLE timeline_reader LOGIN")


def downgrade() -> None:
    # Roles belong to the whole cluster, not to this database: other timeline databases on the same server
    # (a test run's, another deployment's) may rely on the login, so going down leaves it, as 0001 leaves
    # the roles themselves.
    pass
