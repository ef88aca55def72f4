"""replies owed kept with their event; questions asked; withdrawn commitments; undo; areas part of others

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""
import re

import sqlalchemy as sa
from alembic import op

from storage.catalog import PART_OF
from storage.models import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


# Text that reached the registry before input was cleaned (see ``bot.textnorm.clean``); the Word and Excel
# reports cannot carry these characters.
_UNCARRIABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_TEXTS = {"commitment": ("text",), "commitment_update": ("text", "source"), "meeting": ("name", "attendees")}


def _clean_texts() -> None:
    conn = op.get_bind()
    for table, columns in _TEXTS.items():
        for column in columns:
            rows = conn.execute(sa.text(f"SELECT id, {column} FROM {table}")).all()
            for row_id, value in rows:
                if value and _UNCARRIABLE.search(value):
                    conn.execute(
                        sa.text(f"UPDATE {table} SET {column} = :v WHERE id = :i"),
                        {"v": _UNCARRIABLE.sub("", value), "i": row_id},
                    )


def upgrade() -> None:
    _clean_texts()
    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.drop_column("version")
        batch_op.add_column(sa.Column("withdrawn_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_reason", sa.String(length=500), nullable=False, server_default=""))
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.add_column(sa.Column("part_of", sa.String(length=32), nullable=True))
    for acronym, institution in PART_OF.items():
        op.execute(sa.text("UPDATE area SET part_of = :p WHERE acronym = :a").bindparams(p=institution, a=acronym))
    with op.batch_alter_table("commitment_update", schema=None) as batch_op:
        batch_op.add_column(sa.Column("previous", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("undone_at", UTCDateTime(), nullable=True))
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
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.drop_column("part_of")
    with op.batch_alter_table("commitment_update", schema=None) as batch_op:
        batch_op.drop_column("undone_at")
        batch_op.drop_column("previous")
    with op.batch_alter_table("processedevent", schema=None) as batch_op:
        batch_op.drop_index("ix_processedevent_state")
        for name in ("last_error", "lease_until", "next_attempt_at", "attempts", "state", "lang", "user_id", "method"):
            batch_op.drop_column(name)
    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.drop_column("withdrawn_reason")
        batch_op.drop_column("withdrawn_at")
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
