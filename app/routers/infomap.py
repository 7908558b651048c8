"""POST /v1/infomap and POST /v1/codelength: synchronous engine calls."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal

import orjson

from fastapi import APIRouter, Depends, Form, Query, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from infomap_core import InfomapOptions, InfomapResult, Network, __version__, compute_codelength, run_infomap
from infomap_core.formats import FORMATS

from .. import cost
from ..routing import ORJSONRoute, cost_checked
from ..telemetry import record_engine
from ..errors import ERROR_RESPONSES, ApiError
from ..networks import network_from_body, network_from_upload
from ..result_extras import ResultFile, links_json, module_links_json, result_file
from ..schemas import CodelengthRequest, CodelengthResponse, InfomapFileForm, InfomapRequest, InfomapResponse
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


def infomap_inputs(body: InfomapRequest) -> tuple[Network, InfomapOptions, dict | None]:
    network = network_from_body(body)
    initial = _keyed(network, body.initial_partition, "initial_partition") if body.initial_partition else None
    return network, options_of(body), initial


def shape_result(result: InfomapResult, network: Network, options: InfomapOptions, include_tree: bool,
                 include_flow: bool, *, include_module_links: bool = False, include_links: bool = False) -> dict:
    # A two-level tree is implied by ``modules``; it comes along with the module links, whose paths it names.
    data = result.to_dict(include_tree=include_tree and (include_module_links or not options.two_level),
                          include_flow=include_flow)
    if include_module_links:
        data["module_links"] = module_links_json(result)
    if include_links:
        data["links"] = links_json(network)
    data["metadata"] = {
        "seed": options.seed,
        "engine_version": __version__,
        "input_sha256": network.fingerprint(),
        "elapsed_seconds": result.elapsed,
    }
    return data


def _run(network: Network, options: InfomapOptions, initial: dict | None, shape: dict,
         format: str | None) -> dict | ResultFile:
    """The answer of a synchronous run: the JSON payload, or the file of ``format``. The
    ``json`` file is the JSON answer itself (as a job's ``?format=json``), the others are
    the files the command line writes."""
    result = run_infomap(network, options, initial_partition=initial)
    record_engine(result.elapsed, network.num_links)
    payload = None if format not in (None, "json") else shape_result(result, network, options, **shape)
    if format is None:
        return payload
    if format == "json":  # the fields of the JSON answer, as the endpoint's response model writes them
        answer = InfomapResponse.model_validate(payload).model_dump(mode="json", exclude_none=True)
        return ResultFile(orjson.dumps(answer), "application/json", ".json")
    return result_file(result, format)


def _shape_of(body) -> dict:
    return {"include_tree": body.include_tree, "include_flow": body.include_flow,
            "include_module_links": body.include_module_links, "include_links": body.include_links}


FormatQuery = Annotated[Literal[tuple(FORMATS)] | None, Query(description=(
    "answer with the result in this output format, as a file: the bytes the command line writes (tree, ftree, "
    "clu, csv, newick), or the JSON answer itself (json)"))]


#: The answers of ``?format=``, documented beside the JSON answer.
FILE_RESPONSES = {**ERROR_RESPONSES, 200: {"content": {f.media_type: {} for f in FORMATS.values()
                                                       if f.media_type != "application/json"}}}


def _respond(answer: dict | ResultFile) -> Any:
    if isinstance(answer, ResultFile):
        media = answer.media_type if answer.media_type == "application/json" else f"{answer.media_type}; charset=utf-8"
        return Response(answer.data, media_type=media, headers={
            "Content-Disposition": f'attachment; filename="infomap{answer.extension}"'})
    return answer


@router.post("/infomap", response_model=InfomapResponse, response_model_exclude_none=True, responses=FILE_RESPONSES,
             summary="Find modules (multilevel unless two_level)")
@cost_checked("sync")
async def infomap_endpoint(body: InfomapRequest, format: FormatQuery = None,
                           settings: Settings = Depends(get_settings)):
    cost.of_network(body).check(cost.Limits.synchronous(settings))
    network, options, initial = infomap_inputs(body)
    return _respond(await run_in_threadpool(_run, network, options, initial, _shape_of(body), format))


@router.post("/infomap/file", response_model=InfomapResponse, response_model_exclude_none=True,
             responses=FILE_RESPONSES, summary="Find modules in an uploaded link-list or Pajek file")
async def infomap_file_endpoint(form: Annotated[InfomapFileForm, Form()], format: FormatQuery = None,
                                settings: Settings = Depends(get_settings)):
    check_sync_size(0, form.num_trials, settings)
    network = await run_in_threadpool(network_from_upload, await form.file.read(), settings.max_body_bytes,
                                      form.directed)
    check_sync_size(network.num_links, form.num_trials, settings, field="file")
    options = replace(options_of(form), directed=form.directed or None)
    return _respond(await run_in_threadpool(_run, network, options, None, _shape_of(form), format))


def codelength_payload(body: CodelengthRequest) -> dict:
    network = network_from_body(body)
    partition = _keyed(network, body.partition, "partition")
    return compute_codelength(network, partition, options_of(body)).to_dict()


def codelength_payload_from_body(body: dict) -> dict:
    """For the job runner: validate the stored body, then score it."""
    return codelength_payload(CodelengthRequest.model_validate(body))


@router.post("/codelength", response_model=CodelengthResponse, responses=ERROR_RESPONSES,
             summary="Codelength of a given partition or tree, per module")
@cost_checked("sync")
async def codelength_endpoint(body: CodelengthRequest, settings: Settings = Depends(get_settings)):
    cost.of_network(body).check(cost.Limits.synchronous(settings))
    return await run_in_threadpool(codelength_payload, body)
