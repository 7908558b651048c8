"""The work of a job, as plain functions that run on Dask workers.

The API process only moves bytes: it hands the stored request (JSON bytes) to the
first task and stores the finished payload. Parsing and validating the body, computing
the flow, the trials, choosing the best trial and rendering every result format all
run on workers, so a large job costs the API process little CPU, and whatever a dead
worker held is recomputed elsewhere from the request, which the scheduler keeps.
"""

from __future__ import annotations

from dataclasses import dataclass

import orjson

from infomap_core import InfomapOptions, Problem, TrialResult, best_of, prepare, run_trial
from infomap_core.formats import FORMATS, render


@dataclass(frozen=True)
class PreparedInfomap:
    """A validated infomap job: the engine problem and how to shape its answer."""

    problem: Problem
    options: InfomapOptions
    include_tree: bool
    include_flow: bool
    include_module_links: bool = False
    include_links: bool = False


def prepare_infomap(raw: bytes) -> PreparedInfomap:
    """Validate the stored request and compute the flow (shared by all trials)."""
    from ..routers.infomap import infomap_inputs
    from ..schemas import InfomapRequest

    request = InfomapRequest.model_validate(orjson.loads(raw))
    network, options, initial = infomap_inputs(request)
    return PreparedInfomap(prepare(network, options, initial), options, request.include_tree, request.include_flow,
                           request.include_module_links, request.include_links)


def infomap_trial(prepared: PreparedInfomap, trial: int) -> TrialResult:
    return run_trial(prepared.problem, prepared.options, trial)


def trial_seconds(trials: list[TrialResult]) -> list[float]:
    """How long each trial took on its worker (for the metrics; only these floats travel back)."""
    return [t.elapsed for t in trials]


def finish_infomap(prepared: PreparedInfomap, trials: list[TrialResult]) -> dict:
    """The best trial as the sync endpoint's payload, plus every other format rendered."""
    from ..routers.infomap import shape_result

    result = best_of(prepared.problem, prepared.options, trials)
    payload = shape_result(result, prepared.problem.network, prepared.options, prepared.include_tree,
                           prepared.include_flow, include_module_links=prepared.include_module_links,
                           include_links=prepared.include_links)
    payload["formats"] = {name: render(result, name) for name in FORMATS if name != "json"}
    return payload


def codelength_job(raw: bytes) -> dict:
    from ..routers.infomap import codelength_payload_from_body

    return codelength_payload_from_body(orjson.loads(raw))


def cluster_vectors_job(raw: bytes) -> dict:
    from ..routers.vectors import cluster_vectors_body

    return cluster_vectors_body(orjson.loads(raw))
