"""API keys: stored as the sha256 of a random secret that is shown once; revoked keys stay for the record.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# timeline_reader gets nothing here: POST /sql runs as that role, and key hashes are not report data.
UPGRADE = """
CREATE TABLE api_keys (
    key_id uuid PRIMARY KEY,
    name text NOT NULL,
    scope text NOT NULL,
    key_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    revoked_at timestamptz,
    CONSTRAINT api_keys_scope_known CHECK (scope IN ('read', 'write', 'admin')),
    CONSTRAINT api_keys_hash_is_sha256 CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT api_keys_name_present CHECK (length(name) > 0)
);
REVOKE ALL ON api_keys FROM PUBLIC;
GRANT SELECT, INSERT ON api_keys TO timeline_app;
GRANT UPDATE (revoked_at) ON api_keys TO timeline_app;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute("DROP TABLE api_keys")
