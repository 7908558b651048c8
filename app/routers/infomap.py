"""POST /v1/infomap, /v1/infomap/file and /v1/codelength: HTTP in front of :mod:`app.service.infomap`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from infomap_core.formats import FORMATS

from .. import cost
from ..errors import ERROR_RESPONSES
from ..routing import ORJSONRoute, cost_checked
from ..forms import InfomapFileForm
from ..schemas import CodelengthRequest, CodelengthResponse, InfomapRequest, InfomapResponse
from ..service import infomap as service
from ..service.extras import ResultFile
from ..settings import Settings, get_settings

router = APIRouter(prefix="/v1", tags=["infomap"], route_class=ORJSONRoute)

FormatQuery = Annotated[Literal[tuple(FORMATS)] | None, Query(description=(
    "answer with the result in this output format, as a file: the bytes the command line writes (tree, ftree, "
    "clu, csv, newick), or the JSON answer itself (json)"))]
#: The answers of ``?format=``, documented beside the JSON answer.
FILE_RESPONSES = {**ERROR_RESPONSES, 200: {"content": {f.media_type: {} for f in FORMATS.values()
                                                       if f.media_type != "application/json"}}}


def _respond(answer: dict | ResultFile) -> Response:
    """The JSON answer (written by the service as the response model writes it), a file as an attachment."""
    if isinstance(answer, ResultFile):
        media = answer.media_type if answer.media_type == "application/json" else f"{answer.media_type}; charset=utf-8"
        return Response(answer.data, media_type=media, headers={
            "Content-Disposition": f'attachment; filename="infomap{answer.extension}"'})
    return Response(service.answer_json(answer), media_type="application/json")


def check_sync_size(num_links: int, num_trials: int, settings: Settings, field: str = "edges") -> None:
    cost.Cost(links=(num_links, field), trials=(num_trials, "num_trials")).check(cost.Limits.synchronous(settings))


@router.post("/infomap", response_model=InfomapResponse, response_model_exclude_none=True, responses=FILE_RESPONSES,
             summary="Find modules (multilevel unless two_level)")
@cost_checked("sync")
async def infomap_endpoint(body: InfomapRequest, format: FormatQuery = None,
                           settings: Settings = Depends(get_settings)):
    cost.of_network(body).check(cost.Limits.synchronous(settings))
    return _respond(await run_in_threadpool(service.infomap_payload, body, format))


@router.post("/infomap/file", response_model=InfomapResponse, response_model_exclude_none=True,
             responses=FILE_RESPONSES, summary="Find modules in an uploaded link list: text, Pajek, .npy, .npz, "
             "Arrow or Parquet")
async def infomap_file_endpoint(form: Annotated[InfomapFileForm, Form()], format: FormatQuery = None,
                                settings: Settings = Depends(get_settings)):
    check_sync_size(0, form.num_trials, settings)
    raw = await form.file.read()
    network = await run_in_threadpool(service.network_of_file, raw, form.directed, settings.max_body_bytes,
                                      lambda m: check_sync_size(m, form.num_trials, settings, field="file"))
    return _respond(await run_in_threadpool(service.infomap_file_payload, network, form, format))


@router.post("/codelength", response_model=CodelengthResponse, responses=ERROR_RESPONSES,
             summary="Codelength of a given partition or tree, per module")
@cost_checked("sync")
async def codelength_endpoint(body: CodelengthRequest, settings: Settings = Depends(get_settings)):
    cost.of_network(body).check(cost.Limits.synchronous(settings))
    return await run_in_threadpool(service.codelength_payload, body)
