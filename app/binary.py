"""Binary request bodies -> the request's fields; tensor fields that skip per-element validation (no FastAPI here).

Every JSON endpoint also takes its tensors as a raw binary body, its other fields as query
parameters (:func:`query_fields`). The rule, one for every endpoint:

* ``Content-Type: application/x-npy`` (or an Arrow/Parquet table with one list column or only
  numeric columns): the array is the endpoint's **first tensor field** (``edges``, ``vectors``,
  ``samples``, ``q``...; :func:`tensor_paths`).
* ``Content-Type: application/zip`` (``.npz``): arrays named by their request field, dotted for
  nested fields (``sparse.row``, ``objective.X``, ``initial.w``, ``passages.0``).
* ``Content-Type: application/vnd.apache.arrow.stream`` (or ``.file``, or Parquet): a table whose
  columns are named by request fields, or a table that is the first tensor field. Network
  endpoints: a table with ``source``, ``target`` (and optional ``weight``) columns is the link
  list (string ids allowed). Vector endpoints read it as :mod:`app.vectors.files` does.

The format is detected by content (:func:`app.tensors.detect_format`); the Content-Type only
says "binary tensor". Fields annotated :func:`Tensor` take the decoded numpy array as it is (its
dtype kind and rank checked, the values checked by the operation, as for JSON); other fields
get ``array.tolist()`` and are validated like JSON. The same :func:`Tensor` fields are the JSON
fast path: :func:`fast_json` turns their homogeneous JSON lists into arrays in one numpy
call, so a 1M-link ``edges`` list is not validated number by number.
"""

from __future__ import annotations

import io
import types
import typing
from dataclasses import dataclass
from itertools import chain
from typing import Annotated, Any, Iterable

import numpy as np
import orjson
from pydantic import BaseModel, WrapValidator

from . import jsonarrays, tensors
from .tensors import EdgeColumns
from .uploads import UploadError

BODY = "body"


@dataclass(frozen=True)
class TensorSpec:
    """What a tensor field accepts as a numpy array: dtype kinds, ranks and, optionally, a number of values
    checked from a binary body's ``.npy``/``.npz`` headers before anything is read (413 naming the field)."""

    kinds: str
    ndim: tuple[int, ...]
    json_fast: bool = True
    max_values: int | None = None


def Tensor(annotation: Any, kinds: str = "iuf", ndim: int | tuple[int, ...] = (1, 2, 3),
           max_values: int | None = None) -> Any:
    """``annotation`` (its JSON schema and JSON validation) that also takes a numpy array as is.

    An array must have a dtype kind in ``kinds`` (``"iuf"``: integers and floats, float32
    included; ``"b"``: booleans) and a rank in ``ndim``; anything else is validated as JSON.
    ``max_values`` (the operation's own limit, which it still checks) refuses a binary body's
    array from its header, before it is read or inflated.
    """
    spec = TensorSpec(kinds, (ndim,) if isinstance(ndim, int) else tuple(ndim), not _constrained(annotation),
                      max_values)

    def take_array(value: Any, handler):
        if isinstance(value, EdgeColumns):
            return value
        if isinstance(value, np.ndarray):
            if value.dtype.kind not in spec.kinds or value.dtype.hasobject:
                raise ValueError(f"dtype {value.dtype} is not accepted here (kinds {spec.kinds!r}: "
                                 + ", ".join({"b": "bool", "i": "int", "u": "uint", "f": "float"}[k]
                                             for k in spec.kinds) + ")")
            if value.ndim not in spec.ndim:
                raise ValueError(f"a {value.ndim}-D array is not accepted here (rank {' or '.join(map(str, spec.ndim))}"
                                 f", got shape {list(value.shape)})")
            return value
        return handler(value)

    return Annotated[annotation, WrapValidator(take_array), spec]


def _constrained(annotation: Any) -> bool:
    """Whether the elements carry constraints (``Annotated[int, Field(ge=0)]``): such fields keep the
    per-element JSON validation, whose errors name the element (``banned_starts.0``)."""
    if typing.get_origin(annotation) is typing.Annotated:
        return True
    return any(_constrained(a) for a in typing.get_args(annotation))


# ------------------------------------------------------------------ the model's tensor fields
def _spec_of(field) -> TensorSpec | None:
    found = next((m for m in field.metadata if isinstance(m, TensorSpec)), None)
    return found or _spec_in(field.annotation)


def _spec_in(annotation: Any) -> TensorSpec | None:
    """The :class:`TensorSpec` of ``Tensor(...)`` or ``Tensor(...) | None``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return next((m for m in annotation.__metadata__ if isinstance(m, TensorSpec)), None)
    if origin in (typing.Union, types.UnionType):
        return next((s for s in map(_spec_in, typing.get_args(annotation)) if s is not None), None)
    return None


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """Request models inside ``annotation`` (``X | None``, unions of models)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [m for a in typing.get_args(annotation) for m in _models_in(a)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def tensor_paths(model: type[BaseModel], prefix: str = "") -> dict[str, TensorSpec]:
    """Dotted path -> spec of every :func:`Tensor` field, in declaration order (nested models included).

    The first one is the field a single array (``.npy``) fills.
    """
    out: dict[str, TensorSpec] = {}
    for name, field in model.model_fields.items():
        spec = _spec_of(field)
        if spec is not None:
            out[prefix + name] = spec
        for sub in _models_in(field.annotation):
            for path, sub_spec in tensor_paths(sub, prefix + name + ".").items():
                out.setdefault(path, sub_spec)
    return out


def _ordered(model: type[BaseModel]) -> list[str]:
    """Tensor paths with the network and vector forms first (the primary field of an endpoint)."""
    paths = list(tensor_paths(model))
    first = [p for p in ("edges", "vectors") if p in paths]
    return first + [p for p in paths if p not in first]


def primary_path(model: type[BaseModel]) -> str | None:
    """The field a single array (``.npy``) fills: ``edges``, ``vectors``, else the first tensor field."""
    paths = _ordered(model)
    return paths[0] if paths else None


# ------------------------------------------------------------------ query parameters
def query_fields(items: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Query parameters -> request fields: a value is read as JSON when it parses, else as a string;
    dotted names nest (``objective.kind=logistic``).

    >>> query_fields([("num_trials", "3"), ("flow_model", "directed"), ("objective.kind", "logistic")])
    {'num_trials': 3, 'flow_model': 'directed', 'objective': {'kind': 'logistic'}}
    """
    data: dict[str, Any] = {}
    for name, text in items:
        try:
            value = orjson.loads(text)
        except orjson.JSONDecodeError:
            value = text
        _set(data, name, value)
    return data


def _set(data: dict, path: str, value: Any) -> None:
    parts = path.split(".")
    node = data
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[parts[-1]] = value


def _lists_from_indices(value: Any) -> Any:
    """``{"0": a, "1": b}`` -> ``[a, b]`` (``passages.0``, ``passages.1`` in an npz)."""
    if isinstance(value, dict):
        value = {k: _lists_from_indices(v) for k, v in value.items()}
        keys = list(value)
        if keys and all(k.isdigit() for k in keys) and sorted(map(int, keys)) == list(range(len(keys))):
            return [value[str(i)] for i in range(len(keys))]
    return value


# ------------------------------------------------------------------ binary bodies
def binary_fields(raw: bytes, model: type[BaseModel], query: Iterable[tuple[str, str]], max_bytes: int,
                  field: str = BODY) -> dict[str, Any]:
    """The request fields of a binary body plus its query parameters (see the module docstring).

    Raises :class:`UploadError`: 415 when the body is no tensor format, 413 when it would
    inflate beyond ``max_bytes``, 422 when it cannot be read or names no request field.
    """
    data = query_fields(query)
    paths = _ordered(model)
    if not paths:
        raise UploadError(415, "unsupported_media_type", "this operation takes no tensor: send JSON", "Content-Type")
    primary = paths[0]
    check_header_sizes(raw, model, max_bytes, field)
    decoded: dict[str, Any] = {}
    for path, value in decode(raw, primary, max_bytes, field).items():
        if path not in paths and not isinstance(value, EdgeColumns):
            value = value.tolist() if isinstance(value, np.ndarray) else value
        _set(decoded, path, value)
    return _merge(data, _lists_from_indices(decoded))


def _merge(data: dict, decoded: dict) -> dict:
    """``decoded`` (the body's arrays) over ``data`` (the query's fields), nested objects merged."""
    for key, value in decoded.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            _merge(data[key], value)
        else:
            data[key] = value
    return data


def decode(raw: bytes, primary: str, max_bytes: int, field: str = BODY) -> dict[str, Any]:
    """Dotted field path -> array (or :class:`EdgeColumns`) of a binary body whose first tensor is ``primary``."""
    fmt = tensors.require_format(raw, field)
    if primary == "vectors":
        return _vectors(raw, max_bytes)
    if fmt == "npy":
        return {primary: tensors.npy_from_bytes(raw, field)}
    if fmt == "npz":
        arrays = tensors.npz_arrays(raw, field, max_bytes)
        if primary == "edges" and "source" in arrays:
            return {"edges": _edge_columns(arrays, field)}
        if list(arrays) == ["arr_0"]:
            return {primary: arrays["arr_0"]}       # np.savez(f, array): no name
        return arrays
    table = tensors.read_table(raw, fmt, field, max_bytes)
    columns = {name: tensors.column_array(table[name], f"{field}.{name}") for name in table.column_names}
    if primary == "edges" and "source" in columns:
        return {"edges": _edge_columns(columns, field)}
    return _table_fields(columns, primary, field)


def edges_of_file(raw: bytes, max_bytes: int, field: str = "file") -> np.ndarray | EdgeColumns:
    """The link list of an uploaded binary file: an ``(m, 2|3)`` ``.npy``; an ``.npz`` with ``edges`` (or one
    array) or ``source``, ``target`` [, ``weight``]; a table with those columns."""
    found = decode(raw, "edges", max_bytes, field)
    if "edges" not in found:
        raise UploadError(422, "invalid_tensor", f"{field}: a binary link list is an (m, 2) or (m, 3) array named "
                          f"'edges' or the arrays/columns source, target[, weight]; got {sorted(found)[:10]}", field)
    edges = found["edges"]
    if isinstance(edges, np.ndarray):
        tensors.check_dtype(edges.dtype, field, "iuf")
    return edges


def _edge_columns(columns: dict[str, Any], field: str) -> EdgeColumns:
    unknown = set(columns) - {"source", "target", "weight"}
    if "target" not in columns or unknown:
        raise UploadError(422, "invalid_tensor", f"{field}: a link table has the columns source, target and "
                          f"optionally weight, got {sorted(columns)}", field)
    for name, values in columns.items():
        if isinstance(values, np.ndarray) and values.ndim != 1:
            raise UploadError(422, "invalid_tensor", f"{field}.{name} must be 1-D, got shape {list(values.shape)}",
                              f"{field}.{name}")
        if isinstance(values, np.ndarray):
            tensors.check_dtype(values.dtype, f"{field}.{name}", "iuf" if name == "weight" else "iuU")
        elif name == "weight":
            raise UploadError(422, "invalid_tensor", f"{field}.weight must be numbers", f"{field}.weight")
    return EdgeColumns(columns["source"], columns["target"], columns.get("weight"))


def _table_fields(columns: dict[str, Any], primary: str, field: str) -> dict[str, Any]:
    """A table: columns named as fields, else one list column or only numeric columns = the primary field."""
    if primary in columns or primary.split(".")[0] in {c.split(".")[0] for c in columns}:
        return columns
    values = list(columns.values())
    if len(values) == 1:
        return {primary: values[0]}
    if values and all(isinstance(v, np.ndarray) and v.ndim == 1 for v in values):
        return {primary: np.column_stack(values)}
    raise UploadError(422, "invalid_tensor", f"{field}: a table needs columns named by request fields, one list "
                      f"column or only numeric columns, got {sorted(columns)}", field)


def _vectors(raw: bytes, max_bytes: int) -> dict[str, Any]:
    """Vectors (and labels) as :mod:`app.vectors.files` reads them; its errors name ``file``, here ``body``."""
    from .vectors import VectorError
    from .vectors.files import FileTooLarge, inspect_vectors, load_vectors

    try:
        inspect_vectors(raw, max_bytes)
        vectors, labels = load_vectors(raw)
    except FileTooLarge as exc:
        raise UploadError(413, "payload_too_large", exc.message.replace("file:", "body:", 1), BODY) from None
    except VectorError as exc:
        raise UploadError(422, "invalid_tensor", exc.message.replace("file", "body", 1), BODY) from None
    except UploadError as exc:
        raise UploadError(exc.status, exc.code, exc.message.replace("file", "body", 1), BODY) from None
    return {"vectors": vectors} if labels is None else {"vectors": vectors, "labels": labels}


def peek_lengths(raw: bytes, model: type[BaseModel], max_bytes: int) -> dict[str, int]:
    """The arrays' first dimensions from the ``.npy`` header or the ``.npz`` directory and headers alone,
    before anything is read or inflated (``{}`` for tables and unknown formats: they are measured once read)."""
    paths = _ordered(model)
    fmt = tensors.detect_format(raw)
    if not paths or fmt not in ("npy", "npz"):
        return {}
    if fmt == "npy":
        shape = tensors.npy_from_bytes(raw, BODY).shape  # a view: checks the header against the bytes
        return {paths[0]: int(shape[0]) if shape else 0}
    found = tensors.npz_shapes(raw, BODY, max_bytes)
    shapes = {name: int(shape[0]) if shape else 0 for name, (shape, _) in found.items()}
    if paths[0] == "edges" and "source" in shapes:
        shapes["edges"] = shapes.pop("source")
    if list(shapes) == ["arr_0"]:
        shapes = {paths[0]: shapes["arr_0"]}
    return shapes


def check_header_sizes(raw: bytes, model: type[BaseModel], max_bytes: int, field: str = BODY) -> None:
    """413 naming the field when an array of an ``.npy``/``.npz`` body has more values than its
    :func:`Tensor`'s ``max_values``, told from the headers alone (nothing read or inflated)."""
    specs = tensor_paths(model)
    limited = {path: spec.max_values for path, spec in specs.items() if spec.max_values is not None}
    fmt = tensors.detect_format(raw)
    if not limited or fmt not in ("npy", "npz"):
        return
    primary = _ordered(model)[0]
    if fmt == "npy":
        stream = io.BytesIO(raw)
        shapes = {primary: tensors.npy_header(stream, field)[0]}
    else:
        shapes = {name: shape for name, (shape, _) in tensors.npz_shapes(raw, field, max_bytes).items()}
        if list(shapes) == ["arr_0"]:
            shapes = {primary: shapes["arr_0"]}
    for path, shape in shapes.items():
        limit = limited.get(path)
        count = int(np.prod(shape, dtype=object)) if shape else 1
        if limit is not None and count > limit:
            raise UploadError(413, "payload_too_large", f"{path}: the number of values is {count:,}, above the "
                              f"limit of {limit:,}", path)


def lengths(data: dict[str, Any], prefix: str = "") -> dict[str, int]:
    """``{"edges": m, "sparse.data": k, ...}``: the first dimension of every array one or two keys deep
    (what :func:`app.cost.scan` reads from a JSON body)."""
    out = {}
    for key, value in data.items():
        if isinstance(value, dict) and not prefix:
            out.update(lengths(value, key + "."))
        elif isinstance(value, (np.ndarray, list, EdgeColumns)):
            out[prefix + key] = len(value) if not isinstance(value, np.ndarray) or value.ndim else 0
    return out


# ------------------------------------------------------------------ JSON fast path
def parse_json(raw: bytes, model: type[BaseModel] | None = None,
               models: dict[str, type[BaseModel]] | None = None) -> Any:
    """A JSON body as the request's fields, its tensors as arrays where they can be.

    The link list ``edges`` of ``[[int, int], ...]`` or ``[[int, int, number], ...]`` rows is read
    from the bytes by :func:`app.jsonarrays.number_rows` into id and weight columns (no Python
    list per link); orjson parses the rest of the body. ``models`` (``kind`` -> model): the body is
    a union told by its ``kind``. Then :func:`fast_json` for the other tensor fields. A body the
    scanner does not take (see :mod:`app.jsonarrays`) is parsed whole by orjson, with its errors.
    """
    candidates = [model] if model is not None else list((models or {}).values())
    span = columns = None
    if any("edges" in tensor_paths(m) and tensor_paths(m)["edges"].json_fast for m in candidates):
        span = jsonarrays.top_level_span(raw, "edges")
        if span is not None and span[0] >= 0:
            columns = _scanned_edges(raw, *span)
    if columns is None:
        data = orjson.loads(raw)
    else:
        try:
            data = orjson.loads(raw[:span[0]] + b"null" + raw[span[1]:])
        except orjson.JSONDecodeError:
            data = orjson.loads(raw)                       # the error of the body as sent
    if model is None and models and isinstance(data, dict):
        model = models.get(data.get("kind"))               # a union told by its kind
    if columns is not None:
        keeps_columns = model is not None and "edges" in tensor_paths(model)
        data["edges"] = columns if keeps_columns else orjson.loads(raw[span[0]:span[1]])
    return fast_json(data, model) if model is not None else data


def _scanned_edges(raw: bytes, start: int, end: int) -> EdgeColumns | None:
    """``edges`` read from the bytes: integer ids (columns 0 and 1) and number weights, else None."""
    rows = jsonarrays.number_rows(raw, start, end)
    if rows is None or rows.width not in (2, 3) or not rows.integer_columns[:2].all():
        return None
    weight = np.ascontiguousarray(rows.floats[:, 2]) if rows.width == 3 else None
    return EdgeColumns(np.ascontiguousarray(rows.ints[:, 0]), np.ascontiguousarray(rows.ints[:, 1]), weight)


def fast_json(data: Any, model: type[BaseModel]) -> Any:
    """Turn the homogeneous JSON lists of the model's :func:`Tensor` fields (top level, or one object
    down: ``sparse.row``, ``objective.X``) into numpy arrays.

    A list becomes an array only when every number in it is an ``int`` (int64) or, for fields
    that take floats, every one an ``int`` or ``float`` (float64) and the lists are rectangular;
    booleans, strings, ``null`` and ragged rows leave it to the per-element validation (and its
    error messages).
    """
    if not isinstance(data, dict):
        return data
    for path, spec in tensor_paths(model).items():
        head, _, name = path.rpartition(".")
        node = data.get(head) if head and "." not in head else (None if head else data)
        if not isinstance(node, dict) or name not in node or not spec.json_fast:
            continue
        value = node[name]
        array = _fast_edges(value) if path == "edges" else _homogeneous(value, spec)
        if array is not None:
            node[name] = array
    return data


def _fast_edges(rows: Any) -> EdgeColumns | None:
    """``[[s, t], ...]`` or ``[[s, t, w], ...]`` with all-int or all-str ids and number weights as columns."""
    if not isinstance(rows, list) or not rows or not all(type(r) is list for r in rows):
        return None
    widths = set(map(len, rows))
    if widths not in ({2}, {3}):
        return None
    source, target = [r[0] for r in rows], [r[1] for r in rows]
    id_types = set(map(type, source)) | set(map(type, target))
    if id_types not in ({int}, {str}):
        return None
    weight = None
    if widths == {3}:
        weight = [r[2] for r in rows]
        if not set(map(type, weight)) <= {int, float}:
            return None
        weight = np.array(weight, dtype=np.float64)
    if id_types == {int}:
        try:
            source, target = np.array(source, dtype=np.int64), np.array(target, dtype=np.int64)
        except OverflowError:
            return None
    return EdgeColumns(source, target, weight)


def _homogeneous(value: Any, spec: TensorSpec) -> np.ndarray | None:
    if not isinstance(value, list) or not value or "b" in spec.kinds:
        return None
    depth, probe = 1, value[0]
    while isinstance(probe, list):
        depth += 1
        probe = probe[0] if probe else None
    if depth not in spec.ndim:
        return None
    flat: Iterable = value
    for _ in range(depth - 1):
        if not all(type(v) is list for v in flat):
            return None
        flat = list(chain.from_iterable(flat))
    kinds = set(map(type, flat))
    if kinds <= {int}:
        dtype = np.int64
    elif kinds <= {int, float} and "f" in spec.kinds:
        dtype = np.float64
    else:
        return None
    try:
        array = np.array(value, dtype=dtype)
    except (ValueError, OverflowError):
        return None                                      # ragged, or an int beyond 64 bits
    return array if array.ndim == depth else None
