"""POST /v1/infomap and POST /v1/codelength: synchronous engine calls."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, File, Form, UploadFile
from fastapi.concurrency import run_in_threadpool

from infomap_core import InfomapOptions, InfomapResult, Network, __version__, compute_codelength, run_infomap
from infomap_core.errors import MapEqError
from infomap_core.io import parse_network

from .. import cost
from ..routing import ORJSONRoute, cost_checked
from ..telemetry import record_engine
from ..uploads import upload_text
from ..errors import ERROR_RESPONSES, ApiError
from ..networks import network_from_body
from ..schemas import CodelengthRequest, CodelengthResponse, InfomapRequest, InfomapResponse
from ..settings import Settings, get_settings

router = APIRouter(prefix="/v1", tags=["infomap"], route_class=ORJSONRoute)


def check_sync_size(num_links: int, num_trials: int, settings: Settings, field: str = "edges") -> None:
    cost.Cost(links=(num_links, field), trials=(num_trials, "num_trials")).check(cost.Limits.synchronous(settings))


def options_of(body) -> InfomapOptions:
    return InfomapOptions(
        two_level=getattr(body, "two_level", False),
        flow_model=body.flow_model,
        directed=body.directed,
        teleportation_probability=body.teleportation_probability,
        recorded_teleportation=body.recorded_teleportation,
        to_nodes=body.to_nodes,
        markov_time=body.markov_time,
        regularized=body.regularized,
        regularization_strength=body.regularization_strength,
        entropy_corrected=body.entropy_corrected,
        entropy_correction_strength=body.entropy_correction_strength,
        preferred_number_of_modules=body.preferred_number_of_modules,
        meta_data_rate=body.meta_data_rate,
        meta_data_unweighted=body.meta_data_unweighted,
        num_trials=getattr(body, "num_trials", 1),
        seed=getattr(body, "seed", 123),
    )


def _keyed(network: Network, mapping: dict[str, Any], field: str) -> dict:
    """JSON object keys are strings; map them back to the network's id type."""
    if network.node_ids.dtype.kind != "i":
        return dict(mapping)
    converted = {}
    for key, value in mapping.items():
        try:
            converted[int(key)] = value
        except ValueError:
            raise ApiError(422, "invalid_partition", f"unknown node id {key!r}", field=field)
    return converted


def meta_data_of(body, network: Network) -> dict | None:
    return _keyed(network, body.meta_data, "meta_data") if body.meta_data else None


def infomap_inputs(body: InfomapRequest) -> tuple[Network, InfomapOptions, dict | None, dict | None]:
    """(network, options, initial partition, meta data) of a request."""
    network = network_from_body(body)
    initial = _keyed(network, body.initial_partition, "initial_partition") if body.initial_partition else None
    return network, options_of(body), initial, meta_data_of(body, network)


def shape_result(result: InfomapResult, network: Network, options: InfomapOptions, include_tree: bool,
                 include_flow: bool) -> dict:
    data = result.to_dict(include_tree=include_tree and not options.two_level, include_flow=include_flow)
    data["metadata"] = {
        "seed": options.seed,
        "engine_version": __version__,
        "input_sha256": network.fingerprint(),
        "elapsed_seconds": result.elapsed,
    }
    return data


def _run(network: Network, options: InfomapOptions, initial: dict | None, include_tree: bool,
         include_flow: bool, meta_data: dict | None = None) -> dict:
    result = run_infomap(network, options, initial_partition=initial, meta_data=meta_data)
    record_engine(result.elapsed, network.num_links)
    return shape_result(result, network, options, include_tree, include_flow)


@router.post("/infomap", response_model=InfomapResponse, response_model_exclude_none=True, responses=ERROR_RESPONSES,
             summary="Find modules (multilevel unless two_level)")
@cost_checked("sync")
async def infomap_endpoint(body: InfomapRequest, settings: Settings = Depends(get_settings)):
    cost.of_network(body).check(cost.Limits.synchronous(settings))
    network, options, initial, meta = infomap_inputs(body)
    return await run_in_threadpool(_run, network, options, initial, body.include_tree, body.include_flow, meta)


@router.post("/infomap/file", response_model=InfomapResponse, response_model_exclude_none=True,
             responses=ERROR_RESPONSES, summary="Find modules in an uploaded link-list or Pajek file")
async def infomap_file_endpoint(file: UploadFile = File(..., description="link list or Pajek, plain or gzip "
                                                       "(detected by content)"),
                                directed: bool = Form(False), two_level: bool = Form(False),
                                num_trials: int = Form(1, ge=1, le=1000), seed: int = Form(123, ge=0, lt=2**32),
                                settings: Settings = Depends(get_settings)):
    check_sync_size(0, num_trials, settings)
    raw = upload_text(await file.read(), settings.max_body_bytes)
    try:
        network = await run_in_threadpool(parse_network, raw, directed=True if directed else None)
    except MapEqError as exc:
        raise ApiError(422, exc.code, str(exc), field="file") from None
    check_sync_size(network.num_links, num_trials, settings, field="file")
    options = InfomapOptions(two_level=two_level, num_trials=num_trials, seed=seed, directed=directed or None)
    return await run_in_threadpool(_run, network, options, None, True, False)


def codelength_payload(body: CodelengthRequest) -> dict:
    network = network_from_body(body)
    partition = _keyed(network, body.partition, "partition")
    return compute_codelength(network, partition, options_of(body), meta_data=meta_data_of(body, network)).to_dict()


def codelength_payload_from_body(body: dict) -> dict:
    """For the job runner: validate the stored body, then score it."""
    return codelength_payload(CodelengthRequest.model_validate(body))


@router.post("/codelength", response_model=CodelengthResponse, responses=ERROR_RESPONSES,
             summary="Codelength of a given partition or tree, per module")
@cost_checked("sync")
async def codelength_endpoint(body: CodelengthRequest, settings: Settings = Depends(get_settings)):
    cost.of_network(body).check(cost.Limits.synchronous(settings))
    return await run_in_threadpool(codelength_payload, body)
