"""Alembic migrations of the job store (run at start by :class:`app.jobs.store.JobStore`)."""
