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

from ..service import infomap
from ..service.infomap import PreparedInfomap
from ..service.jobs import cluster_vectors_job, codelength_job, prepare_infomap_job

__all__ = ["cluster_vectors_job", "codelength_job", "finish_infomap", "infomap_trial", "prepare_infomap",
           "trial_seconds"]


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
