"""POST /v1/cluster/vectors: embedding vectors -> kNN similarity graph -> InfoMap clusters."""

from __future__ import annotations

from typing import Any

import numpy as np
from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from infomap_core import InfomapOptions, Network, __version__, run_infomap
from infomap_core.errors import EmptyNetworkError

from .. import cost
from ..routing import ORJSONRoute, cost_checked
from ..errors import ERROR_RESPONSES, ApiError
from ..knn import knn_graph
from ..settings import Settings, get_settings

router = APIRouter(prefix="/v1", tags=["vectors"], route_class=ORJSONRoute)


class ClusterVectorsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [{
        "vectors": [[1, 0, 0], [0.9, 0.1, 0], [0.95, 0.05, 0.0], [0, 1, 0], [0.1, 0.9, 0], [0, 0.95, 0.05]],
        "labels": ["cat", "kitten", "lion", "car", "truck", "bus"], "top_k": 2, "min_similarity": 0.5,
    }]})

    vectors: list[list[float]] = Field(..., description="[n, d] embedding vectors")
    labels: list[str] | None = Field(None, description="one label per vector")
    top_k: int = Field(40, ge=1, le=1000)
    min_similarity: float = Field(0.5, ge=-1.0, le=1.0)
    directed: bool = True
    two_level: bool = True
    num_trials: int = Field(1, ge=1, le=100)
    seed: int = Field(123, ge=0, lt=2**32)


class Cluster(BaseModel):
    module: int
    size: int
    flow: float
    members: list[str]


class ClusterVectorsResponse(BaseModel):
    codelength: float
    one_level_codelength: float
    relative_codelength_savings: float
    num_clusters: int
    clusters: list[Cluster]
    graph: dict[str, Any]
    metadata: dict[str, Any]


def cluster_vectors(body: dict) -> dict:
    """The job body -> the response payload (also used by the job runner)."""
    req = ClusterVectorsRequest.model_validate(body)
    x = req.vectors
    if not x or len({len(r) for r in x}) != 1:
        raise ApiError(422, "invalid_vectors", "vectors must be a non-empty [n, d] matrix (ragged rows?)",
                       field="vectors")
    n = len(x)
    if req.labels is not None and len(req.labels) != n:
        raise ApiError(422, "invalid_vectors", f"{len(req.labels)} labels for {n} vectors", field="labels")
    labels = req.labels or [str(i) for i in range(n)]
    src, tgt, sim = knn_graph(np.asarray(x, dtype=np.float64), req.top_k, req.min_similarity)
    if src.size == 0:
        raise EmptyNetworkError("no pair of vectors reaches min_similarity; lower it", field="min_similarity")
    net = Network.from_arrays(src, tgt, sim, directed=req.directed, nodes=np.arange(n))
    result = run_infomap(net, InfomapOptions(two_level=req.two_level, num_trials=req.num_trials, seed=req.seed))
    modules = result.module_ids(1)
    flow = result.flow.node_flow
    clusters = []
    for m in np.unique(modules):
        members = np.nonzero(modules == m)[0]
        members = members[np.argsort(-flow[members], kind="stable")]
        clusters.append({"module": int(m), "size": int(members.size), "flow": float(flow[members].sum()),
                         "members": [labels[i] for i in members.tolist()]})
    clusters.sort(key=lambda c: (-c["flow"], c["module"]))
    degree = np.bincount(src, minlength=n) + (0 if req.directed else np.bincount(tgt, minlength=n))
    return {
        "codelength": result.codelength,
        "one_level_codelength": result.one_level_codelength,
        "relative_codelength_savings": result.relative_codelength_savings,
        "num_clusters": len(clusters),
        "clusters": clusters,
        "graph": {"nodes": n, "links": int(net.num_links), "directed": req.directed,
                  "mean_out_degree": float(degree.mean()), "isolated": int((np.bincount(
                      np.concatenate([src, tgt]), minlength=n) == 0).sum()),
                  "mean_similarity": float(sim.mean())},
        "metadata": {"seed": req.seed, "engine_version": __version__, "input_sha256": net.fingerprint(),
                     "elapsed_seconds": result.elapsed},
    }


@router.post("/cluster/vectors", response_model=ClusterVectorsResponse, responses=ERROR_RESPONSES,
             summary="Cluster embedding vectors: kNN cosine graph -> InfoMap")
@cost_checked("sync")
async def cluster_vectors_endpoint(body: ClusterVectorsRequest, settings: Settings = Depends(get_settings)):
    cost.of_vectors(len(body.vectors), body.top_k, body.num_trials).check(cost.Limits.synchronous(settings))
    return await run_in_threadpool(cluster_vectors, body.model_dump())
