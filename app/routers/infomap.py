"""POST /v1/infomap, /v1/infomap/file and /v1/codelength: HTTP in front of :mod:`app.service.infomap`."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, UploadFile
from fastapi.concurrency import run_in_threadpool

from .. import binary, cost, tensors
from ..errors import ERROR_RESPONSES
from ..routing import ORJSONRoute, cost_checked
from ..schemas import CodelengthRequest, CodelengthResponse, InfomapRequest, InfomapResponse
from ..service import infomap as service
from ..service.networks import network_from_edges
from ..options import DEFAULTS, MAX_NETWORK_TRIALS, SEED_LIMIT
from ..settings import Settings, get_settings
from ..uploads import upload_text

router = APIRouter(prefix="/v1", tags=["infomap"], route_class=ORJSONRoute)


def check_sync_size(num_links: int, num_trials: int, settings: Settings, field: str = "edges") -> None:
    cost.Cost(links=(num_links, field), trials=(num_trials, "num_trials")).check(cost.Limits.synchronous(settings))


@router.post("/infomap", response_model=InfomapResponse, response_model_exclude_none=True, responses=ERROR_RESPONSES,
             summary="Find modules (multilevel unless two_level)")
@cost_checked("sync")
async def infomap_endpoint(body: InfomapRequest, settings: Settings = Depends(get_settings)):
    cost.of_network(body).check(cost.Limits.synchronous(settings))
    return await run_in_threadpool(service.infomap_payload, body)


@router.post("/infomap/file", response_model=InfomapResponse, response_model_exclude_none=True,
             responses=ERROR_RESPONSES, summary="Find modules in an uploaded link list: text, Pajek, .npy, .npz, "
             "Arrow or Parquet")
async def infomap_file_endpoint(file: UploadFile = File(..., description="link list or Pajek, plain or gzip; or "
                                                       ".npy (m, 2|3) source, target[, weight]; .npz (edges, or "
                                                       "source/target/weight); Arrow IPC or Parquet table with "
                                                       "source, target[, weight] columns (detected by content)"),
                                directed: bool = Form(False), two_level: bool = Form(DEFAULTS.two_level),
                                num_trials: int = Form(DEFAULTS.num_trials, ge=1, le=MAX_NETWORK_TRIALS),
                                seed: int = Form(DEFAULTS.seed, ge=0, lt=SEED_LIMIT),
                                settings: Settings = Depends(get_settings)):
    check_sync_size(0, num_trials, settings)
    raw = await file.read()
    if tensors.detect_format(raw):                   # .npy, .npz, Arrow, Parquet: by content (app.binary)
        edges = await run_in_threadpool(binary.edges_of_file, raw, tensors.INFLATE_FACTOR * settings.max_body_bytes)
        check_sync_size(len(edges), num_trials, settings, field="file")
        network = await run_in_threadpool(network_from_edges, edges, directed, "file")
    else:
        network = await run_in_threadpool(service.read_network_file, upload_text(raw, settings.max_body_bytes),
                                          directed)
    check_sync_size(network.num_links, num_trials, settings, field="file")
    return await run_in_threadpool(service.infomap_file_payload, network, directed=directed, two_level=two_level,
                                   num_trials=num_trials, seed=seed)


@router.post("/codelength", response_model=CodelengthResponse, responses=ERROR_RESPONSES,
             summary="Codelength of a given partition or tree, per module")
@cost_checked("sync")
async def codelength_endpoint(body: CodelengthRequest, settings: Settings = Depends(get_settings)):
    cost.of_network(body).check(cost.Limits.synchronous(settings))
    return await run_in_threadpool(service.codelength_payload, body)
