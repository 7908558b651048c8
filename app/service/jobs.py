"""Job kinds: the check at submission and the stored request, read back on a worker.

A job is checked when it is submitted, cheaply: its figures against the job limits
(:mod:`app.cost`, from the shape alone), its vectors' shape, and its network's form, shapes and weights
(:func:`app.service.networks.check_network_body`, no network built). The request is stored as the
bytes the client sent; the worker validates them again with the kind's model
(:func:`job_request`) and builds the network there, once.

Three stored forms, one column (:func:`stored_request`, :func:`read_stored`):

* a JSON body: the bytes as sent;
* a binary body (``.npy``, ``.npz``, Arrow, Parquet; :mod:`app.binary`): the bytes as sent behind a
  small header (``MAPEQJOB`` + length + JSON) holding the query parameters (the other fields, ``kind``
  among them) and the inflate limit; the worker decodes them as the synchronous endpoint does;
* an uploaded file (``/v1/jobs/infomap/file``): the file's bytes as sent behind the header holding the
  form's options and the size limits; only its size and format are checked at submission
  (:func:`check_file_submission`), it is read on the worker (:func:`prepare_infomap_job`), and a
  file that cannot be read fails the job with the error naming ``file`` and the line.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterable

import orjson
from pydantic import BaseModel

from .. import binary, cost, tensors
from .networks import check_network_body
from ..fields import echo
from ..options import engine_options
from ..schemas import JOB_MODELS, ClusterVectorsJob, InfomapFileOptions, InfomapJob, InfomapRequest
from ..uploads import UploadError, upload_text
from ..vectors import cluster_vectors, progress_total, vector_shape
from . import infomap
from .infomap import PreparedInfomap, codelength_payload
from infomap_core.errors import EmptyNetworkError, OptionError

#: The first bytes of a stored request that is not a JSON body (a JSON body starts with ``{`` or a space).
STORED_MAGIC = b"MAPEQJOB"


def stored_request(header: dict[str, Any], payload: bytes) -> bytes:
    """``payload`` (the bytes as sent) behind ``header`` (what the worker needs to read them).

    >>> read_stored(stored_request({"kind": "infomap"}, b"\\x93NUMPY..."))
    ({'kind': 'infomap'}, b'\\x93NUMPY...')
    """
    head = orjson.dumps(header)
    return STORED_MAGIC + len(head).to_bytes(4, "little") + head + payload


def read_stored(raw: bytes) -> tuple[dict[str, Any] | None, bytes]:
    """``(header, payload)`` of a stored request; ``(None, raw)`` for a JSON body."""
    if not raw.startswith(STORED_MAGIC):
        return None, raw
    start = len(STORED_MAGIC) + 4
    size = int.from_bytes(raw[len(STORED_MAGIC):start], "little")
    return orjson.loads(raw[start:start + size]), raw[start + size:]


def check_submission(body: BaseModel, limits: cost.Limits) -> int:
    """Refuse a job body that is too large or whose network cannot be built; the job's
    progress total otherwise (its trials; for vectors the steps of :func:`app.vectors.progress_total`).

    Examples
    --------
    >>> from app.schemas import InfomapJob
    >>> body = InfomapJob(kind="infomap", edges=[[1, 2], [2, 3]], num_trials=4)
    >>> check_submission(body, cost.Limits(10, 10, 10, 10, 100, False))
    4
    """
    if isinstance(body, ClusterVectorsJob):
        cost.of_vectors(len(body.vectors), body.top_k, body.num_trials).check(limits)
        n, _ = vector_shape(body.vectors)
        return progress_total(n, body.options())
    cost.of_network(body).check(limits)
    check_network_body(body)
    engine_options(body)  # the options' values and combinations, as the engine checks them (422 naming one)
    return body.num_trials if isinstance(body, InfomapRequest) else 1


def binary_request(kind: str, raw: bytes, query: Iterable[tuple[str, str]], max_bytes: int) -> bytes:
    """The stored request of a job sent as a binary body (``query``: its query parameters, ``kind``
    included; ``max_bytes``: how far its arrays may inflate, as at submission)."""
    return stored_request({"kind": kind, "query": [list(item) for item in query], "max_bytes": max_bytes}, raw)


def job_request(kind: str, raw: bytes) -> BaseModel:
    """The validated request of a stored job: a JSON body (``kind`` included) or a binary body with its
    query parameters, decoded as the synchronous endpoint decodes it (:func:`app.binary.binary_fields`).

    Rows stored before the raw body was kept hold the body without its ``kind``: it is
    taken from the row.
    """
    header, payload = read_stored(raw)
    model = JOB_MODELS[kind]
    if header is not None:
        data = binary.binary_fields(payload, model, [tuple(item) for item in header["query"]], header["max_bytes"])
    else:
        data = binary.parse_json(payload, model)
    if isinstance(data, dict) and "kind" not in data:
        data["kind"] = kind
    return model.model_validate(data)


def codelength_job(raw: bytes) -> dict:
    return codelength_payload(job_request("codelength", raw))


def cluster_vectors_job(raw: bytes, progress: Callable[[int, int], None] | None = None) -> dict:
    """The payload of a stored ``cluster_vectors`` job; ``progress`` as for :func:`app.vectors.cluster_vectors`."""
    request = job_request("cluster_vectors", raw)
    return cluster_vectors(request.vectors, request.options(), request.labels, progress)


# ------------------------------------------------------------------ infomap jobs for uploaded files
def check_file_submission(raw: bytes, form: InfomapFileOptions, limits: cost.Limits, max_bytes: int) -> int:
    """Refuse an uploaded file that cannot be a network file, cheaply: empty, a binary tensor whose
    headers give too many links or the wrong shape, a text file that is binary or inflates beyond
    ``max_bytes`` (gzip, counted as it inflates). Nothing is parsed; the job's trials otherwise.

    >>> from app.schemas import InfomapFileOptions
    >>> check_file_submission(b"1 2\\n", InfomapFileOptions(num_trials=3), cost.Limits(10, 10, 10, 10, 100, False), 99)
    3
    """
    cost.Cost(trials=(form.num_trials, "num_trials")).check(limits)
    if not raw.strip():
        raise EmptyNetworkError("the file is empty: the network has no links", field="file")
    fmt = tensors.detect_format(raw)
    if fmt == "npy":
        shape = tensors.npy_from_bytes(raw, "file").shape   # a view: the header checked against the bytes
        if len(shape) != 2 or shape[1] not in (2, 3):
            raise UploadError(422, "invalid_tensor", f"file: a binary link list is an (m, 2) or (m, 3) array "
                              f"source, target[, weight]; got shape {list(shape)}", "file")
        cost.Cost(links=(shape[0], "file")).check(limits)
    elif fmt == "npz":
        shapes = tensors.npz_shapes(raw, "file", tensors.INFLATE_FACTOR * max_bytes)
        first = shapes.get("edges") or shapes.get("source") or (shapes.get("arr_0") if len(shapes) == 1 else None)
        if first is None:
            raise UploadError(422, "invalid_tensor", "file: a binary link list is an (m, 2) or (m, 3) array named "
                              f"'edges' or the arrays source, target[, weight]; got {sorted(shapes)[:10]}", "file")
        cost.Cost(links=(int(first[0][0]) if first[0] else 0, "file")).check(limits)
    elif fmt is None:
        upload_text(raw, max_bytes)
    return form.num_trials


def file_request(raw: bytes, form: InfomapFileOptions, limits: cost.Limits, max_bytes: int) -> bytes:
    """The stored request of an infomap job for an uploaded file: the file's bytes behind the form's
    options, the size limits and the links limit the worker applies once the file is read."""
    header = {"kind": "infomap", "file": form.model_dump(mode="json", exclude={"file"}), "max_bytes": max_bytes,
              "max_links": limits.links, "links_setting": limits.env.get("links", "links")}
    return stored_request(header, raw)


def _file_network(header: dict[str, Any], payload: bytes, form: InfomapFileOptions):
    def check_links(m: int) -> None:
        if m > header["max_links"]:
            raise cost.LimitExceeded("file", "links", m, header["max_links"], header["links_setting"], False)

    return infomap.network_of_file(payload, form.directed, header["max_bytes"], check_links)


def prepare_infomap_job(raw: bytes) -> PreparedInfomap:
    """An infomap job's stored request -> its network (built here, once) and the flow all trials share."""
    header, payload = read_stored(raw)
    if header is not None and "file" in header:
        form = InfomapFileOptions.model_validate(header["file"])
        return infomap.prepare_infomap_file(_file_network(header, payload, form), form)
    return infomap.prepare_infomap(job_request("infomap", raw))


# ------------------------------------------------------------------ distributed infomap jobs
#: Fields that put a network in the body: a distributed job reads its network from ``path``.
_BODY_NETWORK_FIELDS = ("edges", "links", "sparse", "adjacency", "layers", "nodes", "states", "bipartite_start_id",
                        "initial_partition", "meta_data")


#: Result options of an infomap job that a distributed job does not write (refused when set).
_DISTRIBUTED_UNWRITTEN = ("include_flow", "include_module_links", "include_links", "hide_bipartite_nodes")


def shared_file(path: str | None, shared_dir: Path | None) -> Path:
    """The file that ``path`` names under ``shared_dir`` (``MAPEQ_SHARED_DATA_DIR``): a relative path
    without ``..`` that stays inside the directory once links are resolved, naming a file. Nothing
    else on the server can be named.

    >>> shared_file("../etc/passwd", Path("/tmp"))
    Traceback (most recent call last):
    ...
    infomap_core.errors.OptionError: path must be relative to the shared data directory, without '..'
    """
    if shared_dir is None:
        raise OptionError("distributed jobs are off: this service has no shared data directory "
                          "(MAPEQ_SHARED_DATA_DIR)", field="distributed")
    if not path:
        raise OptionError("a distributed job reads the link-list file path, relative to the shared data directory",
                          field="path")
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or "\x00" in path:
        raise OptionError("path must be relative to the shared data directory, without '..'", field="path")
    try:
        root = Path(shared_dir).resolve()
        full = (root / relative).resolve()
        inside, exists = full.is_relative_to(root), full.is_file()
    except (OSError, ValueError):  # a name too long, a loop of links
        inside = exists = False
    if not inside:
        raise OptionError(f"no file {echo(path)} in the shared data directory, or it leads out of it", field="path")
    if not exists:
        raise OptionError(f"no file {echo(path)} in the shared data directory", field="path")
    return full


def _distributed_job(body: InfomapJob, shared_dir: Path | None):
    """(file, engine options) of a distributed infomap job; errors name the field."""
    from infomap_core.distributed import check_options

    if not body.distributed:
        raise OptionError("path is read by distributed jobs: add distributed: true (or send the network)",
                          field="path")
    for name in _BODY_NETWORK_FIELDS:
        if getattr(body, name, None) is not None:
            raise OptionError(f"a distributed job reads its network from path: leave out {name}", field=name)
    for name in _DISTRIBUTED_UNWRITTEN:
        if getattr(body, name, False):
            raise OptionError(f"a distributed job's result has the nodes' modules (and paths), not {name}",
                              field=name)
    path = shared_file(body.path, shared_dir)
    options = engine_options(body)
    check_options(options)
    return path, options


def distributed_request(body: InfomapJob, shared_dir: Path | None) -> bytes:
    """Check a distributed infomap job at submission (its file, its options); its stored request (the
    body's fields behind the header, no payload)."""
    _distributed_job(body, shared_dir)
    return stored_request({"kind": "infomap", "distributed": body.model_dump(mode="json", exclude_none=True)}, b"")


def is_distributed(raw: bytes) -> bool:
    """Whether a stored infomap request is a distributed job (read from its header only)."""
    header, _ = read_stored(raw)
    return header is not None and "distributed" in header


def run_distributed_job(raw: bytes, client, shared_dir: Path | None,
                        progress: Callable[[int, str], None] | None = None,
                        finish_units: int | None = None) -> tuple[dict, bytes]:
    """A stored distributed job, driven from the calling thread with ``client``: the file is read,
    split and searched by the workers (:func:`infomap_core.distributed.run_distributed`); this
    process holds futures and small numbers, and receives the nodes' modules at the end. The file
    is checked again against the current shared directory. ``progress(step, phase)`` is called
    before every stage and round (an exception it raises stops the run); ``finish_units`` is the
    service's ``distributed_finish_units``. Returns the result's JSON payload and the stored
    result the other formats are rendered from (:func:`app.service.results.stored_result`)."""
    from infomap_core.distributed import DistributedSettings, run_distributed

    from .results import stored_result

    header, _ = read_stored(raw)
    path, options = _distributed_job(InfomapJob.model_validate(header["distributed"]), shared_dir)
    settings = DistributedSettings(**({} if finish_units is None else {"finish_units": finish_units}))
    result = run_distributed(path, client, options=options, settings=settings, progress=progress)
    return result.to_dict(), stored_result(result.to_engine_result(options), distributed=True,
                                           module_links=result.module_network is not None)
