"""Finding modules and scoring partitions: request model -> engine call -> payload.

The synchronous endpoints call :func:`infomap_payload`, :func:`infomap_file_payload` and
:func:`codelength_payload`; an infomap job runs the same search split in Dask tasks
(:func:`prepare_infomap` once, :func:`infomap_trial` per trial, :func:`finish_infomap`),
so a job's answer is the synchronous one (same network, options and seeds).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import orjson

from infomap_core import (
    InfomapOptions,
    InfomapResult,
    Network,
    Problem,
    TrialResult,
    __version__,
    best_of,
    compute_codelength,
    prepare,
    run_infomap,
    run_trial,
)
from infomap_core.errors import MapEqError, PartitionError
from infomap_core.io import parse_network

from .extras import ResultFile, links_json, module_links_json, result_file
from .networks import network_from_body, network_from_edges
from .. import binary, tensors
from ..uploads import upload_text
from ..schemas import CodelengthRequest, InfomapFileOptions, InfomapRequest, InfomapResponse, RunMetadata
from ..telemetry import record_engine
from ..options import engine_options
from .results import stored_result


def _keyed(network: Network, mapping: dict[str, Any], field: str) -> dict:
    """JSON object keys are strings; map them back to the network's id type."""
    if network.node_ids.dtype.kind != "i":
        return dict(mapping)
    converted = {}
    for key, value in mapping.items():
        try:
            converted[int(key)] = value
        except ValueError:
            raise PartitionError(f"unknown node id {key!r}", field=field) from None
    return converted


def infomap_inputs(request: InfomapRequest) -> tuple[Network, InfomapOptions, dict | None]:
    """The network, the engine options and the initial partition of a request."""
    network = network_from_body(request)
    initial = _keyed(network, request.initial_partition, "initial_partition") if request.initial_partition else None
    return network, engine_options(request), initial


def meta_data_of(request: Any, network: Network) -> dict | None:
    """The request's ``meta_data`` (node id -> category) in the network's id type, None without."""
    meta = getattr(request, "meta_data", None)
    return _keyed(network, meta, "meta_data") if meta else None


def shape_result(result: InfomapResult, network: Network, options: InfomapOptions, include_tree: bool,
                 include_flow: bool, *, include_module_links: bool = False, include_links: bool = False,
                 hide_bipartite_nodes: bool = False, written: bool = False) -> dict:
    """The ``/v1/infomap`` payload of a result (the JSON schema of docs/result-schema.md and the run's metadata);
    with the module links at every level and the network's links when asked (:mod:`.extras`).

    ``written``: the node mappings and the tree as their JSON text (``orjson.Fragment``, the same bytes,
    ``InfomapResult.to_dict(written=True)``) for an answer written at once by :func:`answer_json`; a
    job's payload keeps the dicts (it travels between processes and is stored)."""
    # A two-level tree is implied by ``modules``; it comes along with the module links, whose paths it names.
    data = result.to_dict(include_tree=include_tree and (include_module_links or not options.two_level),
                          include_flow=include_flow, hide_bipartite_nodes=hide_bipartite_nodes, written=written)
    if include_module_links:
        data["module_links"] = module_links_json(result)
    if include_links:
        data["links"] = links_json(result.network)  # (node_limit: the links read)
    data["metadata"] = {
        "seed": options.seed,
        "engine_version": __version__,
        "input_sha256": network.fingerprint(),
        "elapsed_seconds": result.elapsed,
    }
    return data


def _writer(annotation: Any) -> Callable[[Any], Any]:
    """How a field of the answer is written: numbers as the model's type (an int codelength as a float,
    a numpy integer as an int), mappings and lists of anything as they are."""
    if annotation in (float, int, str):
        return annotation
    if annotation == list[float]:
        return lambda values: [float(v) for v in values]
    return lambda value: value


_ANSWER_FIELDS = {name: _writer(field.annotation) for name, field in InfomapResponse.model_fields.items()}
_METADATA_FIELDS = {name: _writer(field.annotation) for name, field in RunMetadata.model_fields.items()}


def answer_json(payload: dict) -> bytes:
    """The JSON answer of ``POST /v1/infomap`` (and of ``?format=json``) from :func:`shape_result`'s payload:
    the fields of :class:`app.schemas.InfomapResponse` in its order, those that are None left out,
    numbers of the model's type. The bytes the response model writes (``tests/service/test_json_arrays.py``
    compares them on every kind of answer), without validating a 100k-entry mapping the service has
    just built."""
    answer = {name: write(payload[name]) for name, write in _ANSWER_FIELDS.items()
              if name != "metadata" and payload.get(name) is not None}
    answer["metadata"] = {name: write(payload["metadata"][name]) for name, write in _METADATA_FIELDS.items()}
    return orjson.dumps(answer, option=orjson.OPT_SERIALIZE_NUMPY)


def shape_of(request: InfomapRequest | InfomapFileOptions) -> dict:
    """What a request asks its answer to carry (the keyword arguments of :func:`shape_result`)."""
    return {"include_tree": request.include_tree, "include_flow": request.include_flow,
            "include_module_links": request.include_module_links, "include_links": request.include_links,
            "hide_bipartite_nodes": request.hide_bipartite_nodes}


def _search(network: Network, options: InfomapOptions, initial: dict | None, shape: dict,
            format: str | None = None, meta_data: dict | None = None) -> dict | ResultFile:
    """The payload of a search, or its file in ``format``: the bytes the command line writes
    (tree, ftree, clu, csv, newick), or for ``json`` the payload itself as the response model
    writes it (a job's ``?format=json`` is its payload too)."""
    result = run_infomap(network, options, initial_partition=initial, meta_data=meta_data)
    record_engine(result.elapsed, network.num_links)
    if format not in (None, "json"):
        return result_file(result, format, hide_bipartite_nodes=shape.get("hide_bipartite_nodes", False))
    payload = shape_result(result, network, options, **shape, written=True)
    if format == "json":
        return ResultFile(answer_json(payload), "application/json", ".json")
    return payload


def infomap_payload(request: InfomapRequest, format: str | None = None) -> dict | ResultFile:
    """``POST /v1/infomap``: find the modules of the request's network (the payload, or a file)."""
    network, options, initial = infomap_inputs(request)
    return _search(network, options, initial, shape_of(request), format, meta_data_of(request, network))


def read_network_file(text: bytes, directed: bool) -> Network:
    """A link-list, Pajek or official JSON network file's network; its errors name the ``file`` field."""
    try:
        return parse_network(text, directed=True if directed else None)
    except MapEqError as exc:
        raise type(exc)(exc.message, field="file", line=exc.line) from None


def network_of_file(raw: bytes, directed: bool, max_bytes: int,
                    check_links: Callable[[int], None] | None = None) -> Network:
    """The network of an uploaded file, its format told by content: ``.npy``/``.npz``/Arrow/Parquet link
    lists (:func:`app.binary.edges_of_file`, inflating to at most ``INFLATE_FACTOR x max_bytes``), else a
    link-list or Pajek text file, plain or gzip (at most ``max_bytes`` once decompressed). Errors name ``file``
    (and the line of a text file). ``check_links(m)`` is called with the number of links before the
    network is built (binary) or once it is read (text), to refuse a network above a limit."""
    check = check_links or (lambda m: None)
    if tensors.detect_format(raw):
        edges = binary.edges_of_file(raw, tensors.INFLATE_FACTOR * max_bytes)
        check(len(edges))
        network = network_from_edges(edges, directed, "file")
    else:
        network = read_network_file(upload_text(raw, max_bytes), directed)
    check(network.num_links)
    return network


def file_options(form: InfomapFileOptions) -> InfomapOptions:
    """The engine options of an upload's form (``directed`` false: as the file says)."""
    return engine_options(form, directed=form.directed or None)


def infomap_file_payload(network: Network, form: InfomapFileOptions, format: str | None = None) -> dict | ResultFile:
    """``POST /v1/infomap/file``: find the modules of an uploaded file's network (the payload, or a file)."""
    return _search(network, file_options(form), None, shape_of(form), format)


def codelength_payload(request: CodelengthRequest) -> dict:
    """``POST /v1/codelength``: the codelength of the request's partition, per module."""
    network = network_from_body(request)
    partition = _keyed(network, request.partition, "partition")
    return compute_codelength(network, partition, engine_options(request),
                              meta_data=meta_data_of(request, network)).to_dict()


# ------------------------------------------------------------------ an infomap job, in tasks
@dataclass(frozen=True)
class PreparedInfomap:
    """A validated infomap job: the engine problem and how to shape its answer."""

    problem: Problem
    options: InfomapOptions
    shape: dict


def prepare_infomap(request: InfomapRequest) -> PreparedInfomap:
    """Build the network (once, on the worker) and compute the flow shared by all trials."""
    network, options, initial = infomap_inputs(request)
    problem = prepare(network, options, initial, meta_data_of(request, network))
    return PreparedInfomap(problem, options, shape_of(request))


def prepare_infomap_file(network: Network, form: InfomapFileOptions) -> PreparedInfomap:
    """An infomap job for an uploaded file's network (read on the worker): the search of
    :func:`infomap_file_payload` on the same network, options and seeds."""
    options = file_options(form)
    return PreparedInfomap(prepare(network, options, None, None), options, shape_of(form))


def infomap_trial(prepared: PreparedInfomap, trial: int) -> TrialResult:
    return run_trial(prepared.problem, prepared.options, trial)


def finish_infomap(prepared: PreparedInfomap, trials: list[TrialResult]) -> tuple[dict, bytes]:
    """The best trial: the synchronous endpoint's payload, and the stored result its formats are
    rendered from on demand (:func:`app.service.results.render_stored`)."""
    result = best_of(prepared.problem, prepared.options, trials)
    payload = shape_result(result, prepared.problem.network, prepared.options, **prepared.shape)
    return payload, stored_result(result, hide_bipartite_nodes=prepared.shape.get("hide_bipartite_nodes", False))
