"""POST /v1/cluster/vectors (JSON) and /v1/cluster/vectors/file (binary): vectors -> kNN graph -> InfoMap.

HTTP only: the request models, the synchronous size limits (checked from the shape, before any
work) and the translation to :func:`app.vectors.cluster_vectors`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from .. import tensors
from ..errors import ERROR_RESPONSES, ApiError
from ..routing import ORJSONRoute, cost_checked
from ..settings import Settings, get_settings
from ..vectors import VectorError, VectorOptions, cluster_vectors, estimate_vector_cost
from ..vectors import options as opt
from ..vectors.files import FileTooLarge, inspect_vectors, load_vectors
from ..binary import Tensor

router = APIRouter(prefix="/v1", tags=["vectors"], route_class=ORJSONRoute)
_DEFAULT = VectorOptions()


class VectorOptionsFields(BaseModel):
    """The clustering options (JSON fields or form fields); ranges from :mod:`app.vectors.options`."""

    model_config = ConfigDict(extra="forbid")

    top_k: int = Field(_DEFAULT.top_k, ge=1, le=opt.MAX_TOP_K, description="neighbours per vector")
    min_similarity: float = Field(_DEFAULT.min_similarity, allow_inf_nan=False,
                                  description="links below this similarity are dropped (cosine: in [-1, 1])")
    metric: Literal[opt.METRICS] = Field(_DEFAULT.metric, description="cosine, or the plain inner product")
    method: Literal[opt.METHODS] = Field(_DEFAULT.method, description=(
        f"kNN search: exact, approximate (faiss HNSW, recall checked on {opt.RECALL_SAMPLE} sampled vectors), or "
        f"auto (exact up to {opt.EXACT_MAX_VECTORS:,} vectors)"))
    dtype: Literal[opt.DTYPES] = Field(_DEFAULT.dtype, description=(
        "precision of the kNN search; auto: float32 for float32 files and approximate searches, else float64"))
    recall_target: float = Field(_DEFAULT.recall_target, gt=0, le=1, description=(
        "the approximate search widens until the sampled recall@top_k reaches this"))
    directed: bool = _DEFAULT.directed
    two_level: bool = _DEFAULT.two_level
    num_trials: int = Field(_DEFAULT.num_trials, ge=1, le=opt.MAX_TRIALS)
    seed: int = Field(_DEFAULT.seed, ge=0, lt=2**32)

    def options(self) -> VectorOptions:
        return VectorOptions(**self.model_dump(include=set(VectorOptionsFields.model_fields)))


class ClusterVectorsRequest(VectorOptionsFields):
    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [{
        "vectors": [[1, 0, 0], [0.9, 0.1, 0], [0.95, 0.05, 0.0], [0, 1, 0], [0.1, 0.9, 0], [0, 0.95, 0.05]],
        "labels": ["cat", "kitten", "lion", "car", "truck", "bus"], "top_k": 2, "min_similarity": 0.5,
    }]})

    vectors: Tensor(list[list[float]], "iuf", 2) = Field(..., description="[n, d] embedding vectors")
    labels: list[str] | None = Field(None, description="one label per vector")


class ClusterVectorsFileForm(VectorOptionsFields):
    """The multipart form: the file and the options as form fields (unknown fields are refused)."""

    file: UploadFile = Field(..., description=(
        ".npy [n, d]; .npz with 'vectors' (and optional 'labels'); Arrow IPC or Parquet with one list column or one "
        "numeric column per dimension (and optional 'label'). The format is detected by content."))


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
    metadata: dict[str, Any] = Field(..., description=(
        "seed, engine version, input hash, engine seconds and `knn`: the method (exact or approximate), metric, "
        "dtype, recall_at_k on recall_sample vectors, and the index parameters"))


def check_sync_cost(n: int, d: int, options: VectorOptions, settings: Settings, field: str = "vectors") -> None:
    """413 before any work when the vectors or their kNN links exceed the synchronous limits."""
    if n > settings.max_sync_vectors:
        raise ApiError(413, "too_large_for_sync", f"{n} vectors exceed the synchronous limit of "
                       f"{settings.max_sync_vectors}; submit the same body to POST /v1/jobs", field=field)
    cost = estimate_vector_cost(n, d, options.top_k, options.method)
    if cost.links > settings.max_sync_links:
        raise ApiError(413, "too_large_for_sync", f"{n} vectors x top_k {cost.neighbors} make {cost.links} kNN links, "
                       f"above the synchronous limit of {settings.max_sync_links}; lower top_k or submit a job",
                       field="top_k")


def cluster_vectors_body(body: dict) -> dict:
    """A stored JSON body -> the response payload (the job task)."""
    request = ClusterVectorsRequest.model_validate(body)
    return cluster_vectors(request.vectors, request.options(), request.labels)


@router.post("/cluster/vectors", response_model=ClusterVectorsResponse, responses=ERROR_RESPONSES,
             summary="Cluster embedding vectors: kNN graph (exact or approximate) -> InfoMap")
@cost_checked("sync")
async def cluster_vectors_endpoint(body: ClusterVectorsRequest, settings: Settings = Depends(get_settings)):
    x = body.vectors
    if len(x) == 0 or (not hasattr(x, "shape") and len({len(r) for r in x}) != 1):
        raise ApiError(422, "invalid_vectors", "vectors must be a non-empty [n, d] matrix (ragged rows?)",
                       field="vectors")
    options = body.options()
    check_sync_cost(len(x), len(x[0]), options, settings)
    return await run_in_threadpool(cluster_vectors, x, options, body.labels)


@router.post("/cluster/vectors/file", response_model=ClusterVectorsResponse, responses=ERROR_RESPONSES,
             summary="Cluster vectors uploaded as .npy, .npz, Arrow IPC or Parquet (detected by content)")
async def cluster_vectors_file_endpoint(form: Annotated[ClusterVectorsFileForm, Form()],
                                        settings: Settings = Depends(get_settings)):
    raw = await form.file.read()
    try:                             # compressed files may inflate: at most INFLATE_FACTOR x the body limit
        shape = await run_in_threadpool(inspect_vectors, raw, tensors.INFLATE_FACTOR * settings.max_body_bytes)
    except FileTooLarge as exc:
        raise ApiError(413, "payload_too_large", exc.message, field="file") from None
    options = form.options()
    check_sync_cost(shape.rows, shape.dimension, options, settings, field="file")
    vectors, labels = await run_in_threadpool(load_vectors, raw)
    try:
        return await run_in_threadpool(cluster_vectors, vectors, options, labels)
    except VectorError as exc:
        if exc.field in ("vectors", "labels"):         # they came in the file
            raise VectorError(f"file: {exc.message}", field="file") from None
        raise
