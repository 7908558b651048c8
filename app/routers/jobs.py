"""Durable asynchronous jobs: submit, inspect, fetch results, cancel, list."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Body, Depends, Form, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field, model_serializer

from infomap_core.formats import FORMATS

from .. import cost
from ..routing import ORJSONRoute, cost_checked
from ..errors import ERROR_RESPONSES, ApiError, echo
from ..responses import OrjsonResponse
from ..forms import InfomapFileForm
from ..schemas import JOB_MODELS, JobBody
from ..service.jobs import binary_request, check_file_submission, check_submission, distributed_request, file_request
from ..settings import Settings, get_settings
from ..service.results import job_output

router = APIRouter(prefix="/v1", tags=["jobs"], route_class=ORJSONRoute)


class Progress(BaseModel):
    done: int
    total: int
    phase: str | None = Field(None, description="what the job is doing now, for jobs whose steps are not known "
                              "ahead (a distributed search: 'level 0: round 3'; its total grows as it goes); "
                              "absent for the others")

    @model_serializer(mode="wrap")
    def _without_empty_phase(self, handler):
        data = handler(self)
        if data.get("phase") is None:
            data.pop("phase", None)
        return data


class JobStatus(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "6f1c...", "kind": "infomap", "status": "running", "progress": {"done": 3, "total": 10},
        "created_at": "2026-11-24T16:00:00+00:00", "started_at": "2026-11-24T16:00:01+00:00",
        "finished_at": None, "error": None}]})

    id: str
    kind: str
    status: Literal["queued", "running", "succeeded", "failed", "cancelled"]
    progress: Progress
    created_at: str
    started_at: str | None
    finished_at: str | None
    error: str | None
    attempts: int = Field(..., description="times the job was started (more than 1 after a process stopped)")
    request_id: str | None = Field(..., description="X-Request-ID of the submission")


class JobList(BaseModel):
    jobs: list[JobStatus]
    total: int
    offset: int
    limit: int


def _store(request: Request):
    return request.app.state.jobs


def _owner(request: Request) -> str | None:
    """The caller's API-key fingerprint (jobs belong to it), or None when keys are off."""
    return request.scope.get("mapeq.principal")


def _job_or_404(request: Request, job_id: str):
    job = _store(request).get(job_id, _owner(request))
    if job is None:
        raise ApiError(404, "not_found", f"no job {echo(job_id)}", field="job_id")
    return job


@router.post("/jobs", status_code=202, response_model=JobStatus, responses=ERROR_RESPONSES,
             summary="Submit a job (infomap, codelength or cluster_vectors) with the same body as the sync endpoint",
             description="The body may also be binary tensors, as for the synchronous endpoints "
                         "(docs/binary-tensors.md), with `kind` and the other fields as query parameters.")
@cost_checked("jobs", models=JOB_MODELS)
async def submit_job(request: Request, response: Response, body: Annotated[JobBody, Body(openapi_examples={
        "infomap": {"summary": "find modules", "value": {
            "kind": "infomap", "edges": [[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 6], [6, 4]], "num_trials": 10}},
        "codelength": {"summary": "score a partition", "value": {
            "kind": "codelength", "edges": [[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 6], [6, 4]],
            "partition": {"1": 1, "2": 1, "3": 1, "4": 2, "5": 2, "6": 2}}},
        "cluster_vectors": {"summary": "cluster embedding vectors", "value": {
            "kind": "cluster_vectors", "vectors": [[1, 0], [0.9, 0.1], [0, 1], [0.1, 0.9]], "top_k": 1}}})]):
    # Checked from its shape now (invalid networks are refused with their field), built on a worker;
    # the body is stored as it was sent (a binary body with its query parameters: app.service.jobs).
    if getattr(body, "distributed", False) or getattr(body, "path", None) is not None:
        stored, total = await run_in_threadpool(distributed_request, body,
                                                request.app.state.settings.shared_data_dir), 1
    else:
        total = await run_in_threadpool(check_submission, body, cost.Limits.jobs(request.app.state.settings))
        raw, sent_binary = await request.body(), request.scope.get("mapeq.binary")
        stored = raw if sent_binary is None else binary_request(body.kind, raw, sent_binary["query"],
                                                                 sent_binary["max_bytes"])
    job = await run_in_threadpool(_store(request).submit, body.kind, stored, total, _owner(request),
                                  request.scope.get("mapeq.request_id"))
    response.headers["Location"] = f"/v1/jobs/{job.id}"
    return job.to_dict()


@router.post("/jobs/infomap/file", status_code=202, response_model=JobStatus, responses=ERROR_RESPONSES,
             summary="Submit an infomap job for an uploaded link-list or Pajek file (the form of /v1/infomap/file)")
async def submit_infomap_file_job(request: Request, response: Response, form: Annotated[InfomapFileForm, Form()],
                                  settings: Settings = Depends(get_settings)):
    # Only the file's size and format are checked here; it is read on a worker (a file that cannot be
    # read fails the job, the error naming the file and the line), and stored as it was sent.
    raw, limits = await form.file.read(), cost.Limits.jobs(settings)
    total = await run_in_threadpool(check_file_submission, raw, form, limits, settings.max_body_bytes)
    stored = file_request(raw, form, limits, settings.max_body_bytes)
    job = await run_in_threadpool(_store(request).submit, "infomap", stored, total, _owner(request),
                                  request.scope.get("mapeq.request_id"))
    response.headers["Location"] = f"/v1/jobs/{job.id}"
    return job.to_dict()


@router.get("/jobs", response_model=JobList, summary="List jobs, newest first (only the caller's with API keys)")
async def list_jobs(request: Request, offset: int = Query(0, ge=0, le=2**31 - 1), limit: int = Query(50, ge=1, le=500),
                    status: Literal["queued", "running", "succeeded", "failed", "cancelled"] | None = None):
    jobs, total = await run_in_threadpool(_store(request).list, offset, limit, status, _owner(request))
    return {"jobs": [j.to_dict() for j in jobs], "total": total, "offset": offset, "limit": limit}


@router.get("/jobs/{job_id}", response_model=JobStatus, responses=ERROR_RESPONSES,
            summary="Status, progress, timestamps and error of a job")
async def get_job(job_id: str, request: Request):
    return (await run_in_threadpool(_job_or_404, request, job_id)).to_dict()


@router.get("/jobs/{job_id}/result", summary="The result of a succeeded job, in any output format",
            responses={200: {"content": {f.media_type: {} for f in FORMATS.values()}}})
async def get_result(job_id: str, request: Request, format: Literal[tuple(FORMATS)] = "json") -> Any:
    job = await run_in_threadpool(_job_or_404, request, job_id)
    if job.status != "succeeded":
        detail = f"; error: {job.error}" if job.error else ""
        raise ApiError(409, "not_ready", f"job {job_id} is {job.status}, no result{detail}", field="job_id")
    if format == "json":
        result = await run_in_threadpool(_store(request).result, job_id)
        result.pop("formats", None)  # jobs finished before formats were rendered on demand
        return OrjsonResponse(result)
    text = await run_in_threadpool(job_output, _store(request), job_id, format)
    spec = FORMATS[format]
    return PlainTextResponse(text, media_type=spec.media_type, headers={
        "Content-Disposition": f'attachment; filename="{job_id}{spec.extension}"'})


@router.delete("/jobs/{job_id}", response_model=JobStatus, summary="Cancel a queued or running job")
async def cancel_job(job_id: str, request: Request):
    await run_in_threadpool(_job_or_404, request, job_id)
    return (await run_in_threadpool(_store(request).cancel, job_id)).to_dict()


@router.get("/selftest", summary="Run a tiny job end to end through the job store and the executor",
            description="Submits the two-triangles network as an `infomap` job, waits for it (at most 120 s) and "
                        "returns its status and codelength (2.32073 bits when everything works).")
async def selftest(request: Request):
    import asyncio

    store = _store(request)
    body = {"kind": "infomap", "edges": [[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 6], [6, 4]], "two_level": True}
    job = await run_in_threadpool(store.submit, "infomap", orjson.dumps(body), 1, _owner(request),
                                  request.scope.get("mapeq.request_id"))
    deadline = asyncio.get_running_loop().time() + 120
    while True:
        current = await run_in_threadpool(store.get, job.id)
        if current.status in ("succeeded", "failed", "cancelled"):
            break
        if asyncio.get_running_loop().time() > deadline:
            raise ApiError(503, "not_ready", f"self-test job {job.id} still {current.status} after 120 s")
        await asyncio.sleep(0.1)
    if current.status != "succeeded":
        raise ApiError(503, "not_ready", f"self-test job {job.id} {current.status}: {current.error}")
    result = await run_in_threadpool(store.result, job.id)
    return {"status": "ok", "job": current.to_dict(), "codelength": result["codelength"]}
