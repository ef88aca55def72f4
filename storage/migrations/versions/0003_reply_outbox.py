"""replies owed to Slack kept with their event; questions waiting for an answer; no commitment version

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

from storage.models import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.drop_column("version")
    with op.batch_alter_table("processedevent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("method", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("user_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("lang", sa.String(length=8), nullable=False, server_default="es"))
        batch_op.add_column(sa.Column("state", sa.String(length=16), nullable=False, server_default="done"))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("next_attempt_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("lease_until", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_error", sa.String(length=500), nullable=True))
        batch_op.create_index("ix_processedevent_state", ["state"])
    op.create_table(
        "question",
        sa.Column("user_id", sa.String(length=32), primary_key=True),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("question")
    with op.batch_alter_table("processedevent", schema=None) as batch_op:
        batch_op.drop_index("ix_processedevent_state")
        for name in ("last_error", "lease_until", "next_attempt_at", "attempts", "state", "lang", "user_id", "method"):
            batch_op.drop_column(name)
    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
