"""JSON answers as ``.npz`` or Arrow IPC for clients that ask with ``Accept`` (no FastAPI here).

The answer is the JSON answer, its large parts as arrays:

* every rectangular array of numbers (``trial_codelengths``, ``top_ids``, ``quantized``,
  ``output``...) is an array named by its dotted path;
* the mappings of node id -> number (``modules``, ``node_flow``) are arrays of values named
  by the mapping, aligned with one array ``id`` of the node ids (ints when every id is one);
* the clusters of ``/v1/cluster/vectors`` give ``id`` (member) and ``module`` per vector;
* everything else, as JSON text: the ``.npz`` member ``json``, the Arrow schema metadata key
  ``mapeq``.

``Accept: application/zip`` gives an uncompressed ``.npz`` (read it with
``np.load(io.BytesIO(body), allow_pickle=False)``); ``Accept:
application/vnd.apache.arrow.stream`` an Arrow IPC stream of one table made of the arrays with
the most rows (per node, per vector, per row of a technique's input), the other arrays in the
metadata JSON.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import orjson

from . import tensors

MEDIA_TYPES = (tensors.ARROW_MEDIA_TYPE, tensors.NPZ_MEDIA_TYPE, "application/x-npz")
#: Top-level answer fields that map node ids to numbers.
NODE_MAPPINGS = ("modules", "node_flow")


def wanted(accept: str) -> str | None:
    """``"arrow"``, ``"npz"`` or None from an ``Accept`` header (JSON unless a binary type is named)."""
    accept = accept.lower()
    if tensors.ARROW_MEDIA_TYPE in accept:
        return "arrow"
    if tensors.NPZ_MEDIA_TYPE in accept or "application/x-npz" in accept:
        return "npz"
    return None


def split(payload: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(arrays, rest)``: the answer's arrays by name, and the JSON of everything else."""
    arrays: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    _walk(payload, "", arrays, rest)
    clusters = payload.get("clusters")
    if isinstance(clusters, list) and clusters and all(isinstance(c, dict) and "members" in c for c in clusters):
        members = [m for c in clusters for m in c["members"]]
        arrays.setdefault("id", _ids(members))
        arrays["module"] = np.repeat([c["module"] for c in clusters], [len(c["members"]) for c in clusters])
    return arrays, rest


def _walk(value: Any, path: str, arrays: dict, rest: dict) -> None:
    if isinstance(value, dict):
        if path in NODE_MAPPINGS and value and all(_is_number(v) for v in value.values()):
            ids = _ids(list(value))
            if "id" not in arrays:
                arrays["id"] = ids
            elif not np.array_equal(arrays["id"], ids):
                arrays[path + ".id"] = ids
            arrays[path] = np.asarray(list(value.values()))
            return
        for key, item in value.items():
            _walk(item, f"{path}.{key}" if path else str(key), arrays, rest)
        return
    array = _numeric(value)
    if array is not None:
        arrays[path] = array
    else:
        _put(rest, path, value)


def _put(rest: dict, path: str, value: Any) -> None:
    node = rest
    parts = path.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _ids(keys: list) -> np.ndarray:
    if all(isinstance(k, str) and k.lstrip("-").isdigit() for k in keys):
        try:
            return np.array([int(k) for k in keys], dtype=np.int64)
        except OverflowError:
            pass
    return np.array([str(k) for k in keys])


def _numeric(value: Any) -> np.ndarray | None:
    if isinstance(value, np.ndarray):
        return value
    if not isinstance(value, list) or not value:
        return None
    try:
        array = np.array(value)
    except (ValueError, OverflowError):
        return None
    return array if array.dtype.kind in "biuf" else None


def encode(payload: dict[str, Any], fmt: str) -> tuple[bytes, str]:
    """``(body, media type)`` of ``payload`` as ``fmt`` (``npz`` or ``arrow``)."""
    arrays, rest = split(payload)
    if fmt == "npz":
        members = dict(arrays)
        members["json"] = np.array(orjson.dumps(rest, option=orjson.OPT_SERIALIZE_NUMPY).decode())
        return tensors.encode_npz(members), tensors.NPZ_MEDIA_TYPE
    rows = max((len(a) for a in arrays.values() if a.ndim), default=0)
    columns = {name: a for name, a in arrays.items() if a.ndim and len(a) == rows}
    for name, a in arrays.items():
        if name not in columns:
            _put(rest, name, a.tolist())
    meta = {"mapeq": orjson.dumps(rest, option=orjson.OPT_SERIALIZE_NUMPY).decode()}
    columns = {name: (a.tolist() if a.dtype.kind == "U" else a) for name, a in columns.items()}
    return tensors.encode_arrow(columns, meta), tensors.ARROW_MEDIA_TYPE
