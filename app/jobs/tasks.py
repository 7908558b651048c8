"""The work of a job, as plain functions that run on Dask workers.

The API process only moves bytes: it hands the stored request (the bytes the client sent:
JSON, a binary body or an uploaded file, :mod:`app.service.jobs`) to the first task and stores
the finished payload. Validating the body, reading the file, building the network, computing
the flow, the trials and choosing the best trial all run on workers (through the service layer,
:mod:`app.service`), so a large job costs the API process little CPU, and whatever a dead worker
held is recomputed elsewhere from the request, which the scheduler keeps. Output formats other
than JSON are rendered later, on demand (:mod:`app.service.results`).
"""

from __future__ import annotations

from infomap_core import TrialResult

from ..service import infomap, jobs
from ..service.infomap import PreparedInfomap
from ..service.jobs import codelength_job, prepare_infomap_job

__all__ = ["PROGRESS_TOPIC", "cluster_vectors_job", "codelength_job", "finish_infomap", "infomap_trial",
           "prepare_infomap", "trial_seconds"]

#: The Dask event topic of the progress a task reports from inside (``{"key", "done", "total"}``); the
#: runner reads it while it waits (:meth:`app.jobs.runner.JobRunner._cluster_vectors`).
PROGRESS_TOPIC = "mapeq-progress"


def prepare_infomap(raw: bytes) -> PreparedInfomap:
    """Validate the stored request (a body, or an uploaded file read here), build the network and compute
    the flow (shared by all trials)."""
    return prepare_infomap_job(raw)


def infomap_trial(prepared: PreparedInfomap, trial: int) -> TrialResult:
    return infomap.infomap_trial(prepared, trial)


def trial_seconds(trials: list[TrialResult]) -> list[float]:
    """How long each trial took on its worker (for the metrics; only these floats travel back)."""
    return [t.elapsed for t in trials]


def finish_infomap(prepared: PreparedInfomap, trials: list[TrialResult]) -> tuple[dict, bytes]:
    """The best trial: its JSON payload and the stored result its formats are rendered from."""
    return infomap.finish_infomap(prepared, trials)


def cluster_vectors_job(raw: bytes, progress_key: str | None = None) -> dict:
    """A ``cluster_vectors`` job; its progress (kNN steps, then InfoMap) is logged as worker events under
    :data:`PROGRESS_TOPIC` with ``progress_key`` (none outside a worker)."""
    return jobs.cluster_vectors_job(raw, _event_progress(progress_key))


def _event_progress(key: str | None):
    if key is None:
        return None
    from distributed import get_worker

    try:
        worker = get_worker()
    except ValueError:                                  # called outside a Dask worker
        return None

    def report(done: int, total: int) -> None:
        worker.log_event(PROGRESS_TOPIC, {"key": key, "done": int(done), "total": int(total)})

    return report
