"""meetings' objectives and topics; actions' own date and evidence; the report's opening commitments

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

from storage.catalog import PART_OF

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("objectives", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("topics", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("commitment_update", schema=None) as batch_op:
        batch_op.add_column(sa.Column("happened_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("evidence", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("commission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("report_request", sa.String(length=16), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("report_subject", sa.String(length=16), nullable=False, server_default=""))
    for acronym, institution in PART_OF.items():  # the areas of the catalog now belong to their institutions
        op.execute(
            sa.text("UPDATE area SET part_of = :p WHERE acronym = :a AND part_of IS NULL").bindparams(
                p=institution, a=acronym
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("commission", schema=None) as batch_op:
        batch_op.drop_column("report_subject")
        batch_op.drop_column("report_request")
    with op.batch_alter_table("commitment_update", schema=None) as batch_op:
        batch_op.drop_column("evidence")
        batch_op.drop_column("happened_on")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("topics")
        batch_op.drop_column("objectives")
