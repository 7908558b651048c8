"""A job's request in its own table: the jobs row stays small.

SQLite rewrites a whole row on every update, overflow pages included: with the request bytes (512 MB
for 1M x 128 float32 vectors) in the jobs row, every lease renewal and progress write copied them,
and every status read walked them. Their own table (written once, read once) keeps the jobs row to
its few small columns.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "job_requests",
        sa.Column("job_id", sa.String(36), primary_key=True),
        sa.Column("body", sa.LargeBinary, nullable=False),
    )
    op.execute("INSERT INTO job_requests (job_id, body) SELECT id, request FROM jobs")
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("request")


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("request", sa.LargeBinary, nullable=True))
    op.execute("UPDATE jobs SET request = (SELECT body FROM job_requests WHERE job_requests.job_id = jobs.id)")
    op.drop_table("job_requests")
