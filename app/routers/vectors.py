"""POST /v1/cluster/vectors (JSON) and /v1/cluster/vectors/file (binary): vectors -> kNN graph -> InfoMap.

HTTP only: the file form, the synchronous size limits (checked from the shape, before any
work) and the translation to :func:`app.vectors.cluster_vectors`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import Field

from .. import tensors
from ..errors import ERROR_RESPONSES, ApiError
from ..routing import ORJSONRoute, cost_checked
from ..schemas import ClusterVectorsRequest, ClusterVectorsResponse, VectorOptionsFields
from ..settings import Settings, get_settings
from ..vectors import VectorOptions, cluster_file_vectors, cluster_vectors, estimate_vector_cost, vector_shape
from ..vectors.files import FileTooLarge, inspect_vectors, load_vectors

router = APIRouter(prefix="/v1", tags=["vectors"], route_class=ORJSONRoute)


class ClusterVectorsFileForm(VectorOptionsFields):
    """The multipart form: the file and the options as form fields (unknown fields are refused)."""

    file: UploadFile = Field(..., description=(
        ".npy [n, d]; .npz with 'vectors' (and optional 'labels'); Arrow IPC or Parquet with one list column or one "
        "numeric column per dimension (and optional 'label'). The format is detected by content."))


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


@router.post("/cluster/vectors", response_model=ClusterVectorsResponse, responses=ERROR_RESPONSES,
             summary="Cluster embedding vectors: kNN graph (exact or approximate) -> InfoMap")
@cost_checked("sync")
async def cluster_vectors_endpoint(body: ClusterVectorsRequest, settings: Settings = Depends(get_settings)):
    n, d = vector_shape(body.vectors)
    options = body.options()
    check_sync_cost(n, d, options, settings)
    return await run_in_threadpool(cluster_vectors, body.vectors, options, body.labels)


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
    return await run_in_threadpool(cluster_file_vectors, vectors, options, labels)
