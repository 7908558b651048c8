"""Output formats on demand: the engine result of a job, and the formats rendered from it.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("engine_result", sa.LargeBinary, nullable=True))
    op.create_table(
        "job_outputs",
        sa.Column("job_id", sa.String(36), primary_key=True),
        sa.Column("format", sa.String(16), primary_key=True),
        sa.Column("body", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("job_outputs")
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("engine_result")
