"""Job kinds: the check at submission and the stored request, read back on a worker.

A job is checked when it is submitted, cheaply: its figures against the job limits
(:mod:`app.cost`, from the shape alone), its vectors' shape, and its network's form, shapes and weights
(:func:`app.service.networks.check_network_body`, no network built). The request is stored as the
bytes the client sent; the worker validates them again with the kind's model
(:func:`job_request`) and builds the network there, once.
"""

from __future__ import annotations

import orjson
from pydantic import BaseModel

from .. import cost
from .networks import body_of_network, check_network_body
from ..schemas import JOB_MODELS, ClusterVectorsJob, InfomapJob, InfomapRequest
from ..vectors import cluster_vectors, vector_shape
from .infomap import codelength_payload


def check_submission(body: BaseModel, limits: cost.Limits) -> int:
    """Refuse a job body that is too large or whose network cannot be built; the job's
    progress total (its trials) otherwise.

    Examples
    --------
    >>> from app.schemas import InfomapJob
    >>> body = InfomapJob(kind="infomap", edges=[[1, 2], [2, 3]], num_trials=4)
    >>> check_submission(body, cost.Limits(10, 10, 10, 10, 100, False))
    4
    """
    if isinstance(body, ClusterVectorsJob):
        cost.of_vectors(len(body.vectors), body.top_k, body.num_trials).check(limits)
        vector_shape(body.vectors)
        return 1
    cost.of_network(body).check(limits)
    check_network_body(body)
    return body.num_trials if isinstance(body, InfomapRequest) else 1


def job_request(kind: str, raw: bytes) -> BaseModel:
    """The validated request of a stored job (the body as sent, ``kind`` included).

    Rows stored before the raw body was kept hold the body without its ``kind``: it is
    taken from the row.
    """
    data = orjson.loads(raw)
    if isinstance(data, dict) and "kind" not in data:
        data["kind"] = kind
    return JOB_MODELS[kind].model_validate(data)


def codelength_job(raw: bytes) -> dict:
    return codelength_payload(job_request("codelength", raw))


def cluster_vectors_job(raw: bytes) -> dict:
    request = job_request("cluster_vectors", raw)
    return cluster_vectors(request.vectors, request.options(), request.labels)


def file_job(network, form) -> tuple[InfomapJob, bytes]:
    """An infomap job for an uploaded file's network (``form``: its options, :class:`app.schemas.InfomapFileOptions`):
    the JSON request it stands for, validated, and the bytes stored for it. The job's answer is
    the synchronous ``/v1/infomap/file`` answer to the same form (same network, options, seeds)."""
    options = {**form.model_dump(exclude={"file"}), "directed": form.directed or None}  # as /v1/infomap/file
    body = {"kind": "infomap", **body_of_network(network), **options}
    return InfomapJob.model_validate(body), orjson.dumps(body)
