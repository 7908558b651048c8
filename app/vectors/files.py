"""Vectors from binary files, the format detected by content (never by name).

* ``.npy``: one ``[n, d]`` numeric array (read without a copy);
* ``.npz``: the array named ``vectors`` (or the only array), and optional ``labels``;
* Apache Arrow IPC (stream or file) and Parquet: a table with one list column of equal-length
  vectors (``fixed_size_list`` or ``list``), or one numeric column per dimension; a string
  column named ``label``, ``labels`` or ``id`` gives the labels.

:func:`inspect_vectors` reads only headers and metadata, so the caller checks the cost of
``n x d`` (and refuses a compressed ``.npz`` that would inflate) before :func:`load_vectors`
decompresses or converts anything.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np

from .. import tensors
from .options import VectorError

FORMATS = ("npy", "npz", "arrow", "parquet")
_LABEL_COLUMNS = ("label", "labels", "id")
_NO_LIMIT = 1 << 62


class FileTooLarge(VectorError):
    """The file's contents would inflate beyond the caller's byte limit (HTTP 413)."""

    code = "payload_too_large"


@dataclass(frozen=True)
class VectorsShape:
    format: str
    rows: int
    dimension: int


def detect_format(raw: bytes) -> str:
    """``npy``, ``npz``, ``arrow`` or ``parquet`` from the first bytes (VectorError otherwise)."""
    fmt = tensors.detect_format(raw)
    if fmt is None:
        raise VectorError("file is not .npy, .npz, Arrow IPC or Parquet (detected by its first bytes)", field="file")
    return fmt


def _npz_member(names) -> str:
    names = list(names)
    if "vectors" in names:
        return "vectors"
    arrays = [n for n in names if n != "labels"]
    if len(arrays) != 1:
        raise VectorError(f"file: an .npz needs an array named 'vectors' (or one array), got {sorted(names)}",
                          field="file")
    return arrays[0]


def _shape_2d(shape: tuple[int, ...], what: str) -> tuple[int, int]:
    if len(shape) != 2:
        raise VectorError(f"file: {what} must be a 2-D [n, d] array, got shape {list(shape)}", field="file")
    return int(shape[0]), int(shape[1])


def _check_size(size: int, max_bytes: int | None, fmt: str) -> None:
    if max_bytes is not None and size > max_bytes:
        raise FileTooLarge(f"file: the {fmt} contents take {size:,} bytes once read, above the limit of "
                           f"{max_bytes:,}", field="file")


def inspect_vectors(raw: bytes, max_bytes: int | None = None) -> VectorsShape:
    """Format, number of vectors and dimension, from headers and metadata only.

    Raises :class:`FileTooLarge` when the contents would take more than ``max_bytes`` once
    read: the sizes come from the zip directory (``.npz``) and the number of values in the
    row-group metadata at 8 bytes each (Parquet), before anything is decompressed. Not bounded
    here: the length of Parquet label strings, and compressed Arrow IPC buffers (read to count
    the rows).
    """
    fmt = detect_format(raw)
    if fmt == "npy":
        shape, _, _ = tensors.npy_header(io.BytesIO(raw), "file")
        return VectorsShape(fmt, *_shape_2d(shape, "the array"))
    if fmt == "npz":
        try:
            shapes = tensors.npz_shapes(raw, "file", _NO_LIMIT if max_bytes is None else max_bytes)
        except tensors.UploadError as exc:
            if exc.status == 413:
                raise FileTooLarge(exc.message, field="file") from None
            raise
        member = _npz_member(shapes)
        return VectorsShape(fmt, *_shape_2d(shapes[member][0], f"array {member!r}"))
    return VectorsShape(fmt, *_table(raw, fmt, metadata_only=True, max_bytes=max_bytes))


def load_vectors(raw: bytes) -> tuple[np.ndarray, list[str] | None]:
    """``(vectors [n, d], labels or None)`` from the file's bytes."""
    fmt = detect_format(raw)
    if fmt == "npy":                                     # a view of the bytes, no copy
        vectors = tensors.npy_from_bytes(raw, "file")
        tensors.check_dtype(vectors.dtype, "file")
        return vectors, None
    if fmt == "npz":
        archive = tensors.npz_arrays(raw, "file", _NO_LIMIT)  # sizes were checked by inspect_vectors
        vectors = archive[_npz_member(archive)]
        tensors.check_dtype(vectors.dtype, "file")
        labels = archive.get("labels")
        if labels is not None and (labels.ndim != 1 or labels.dtype.kind not in "UiS"):
            raise VectorError(f"file: labels must be a 1-D array of strings, got {labels.dtype} {list(labels.shape)}",
                              field="file")
        return vectors, None if labels is None else [str(v) for v in labels.tolist()]
    return _table(raw, fmt, metadata_only=False)


def _table(raw: bytes, fmt: str, metadata_only: bool, max_bytes: int | None = None):
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    try:
        if fmt == "parquet":
            source = pq.ParquetFile(pa.BufferReader(raw))
            schema, rows = source.schema_arrow, source.metadata.num_rows
            meta = source.metadata                       # decoded values, counted from the metadata
            _check_size(8 * sum(meta.row_group(i).column(j).num_values for i in range(meta.num_row_groups)
                                for j in range(meta.num_columns)), max_bytes, fmt)
            table = None if metadata_only else source.read()
        else:
            table = tensors.read_table(raw, fmt, "file", _NO_LIMIT)   # uncompressed IPC: views of raw
            schema, rows = table.schema, table.num_rows
    except (pa.ArrowException, OSError) as exc:
        raise VectorError(f"file: not a readable {fmt} table ({exc})", field="file") from None
    label_column = next((c for c in _LABEL_COLUMNS if c in schema.names), None)
    value_fields = [f for f in schema if f.name != label_column]
    lists = [f for f in value_fields if pa.types.is_list(f.type) or pa.types.is_fixed_size_list(f.type)
             or pa.types.is_large_list(f.type)]
    numeric = [f for f in value_fields if pa.types.is_integer(f.type) or pa.types.is_floating(f.type)]
    if len(lists) == 1 and not numeric:
        column = lists[0]
        if pa.types.is_fixed_size_list(column.type):
            dimension = column.type.list_size
        elif table is None:
            dimension = -1                               # known once the lists are read
        else:
            lengths = pc.list_value_length(table[column.name]).to_numpy(zero_copy_only=False)
            if rows and (lengths.min() != lengths.max()):
                raise VectorError(f"file: the vectors in column {column.name!r} have different lengths "
                                  f"({lengths.min()} to {lengths.max()})", field="file")
            dimension = int(lengths[0]) if rows else 0
    elif numeric and len(numeric) == len(value_fields):
        column, dimension = None, len(numeric)
    else:
        raise VectorError("file: a table needs one list column of vectors or only numeric columns (plus an optional "
                          f"label column), got {[f'{f.name}: {f.type}' for f in schema]}", field="file")
    if metadata_only:
        if dimension < 0:                                # a parquet list column: read just that column
            lengths = pc.list_value_length(source.read(columns=[column.name])[column.name])
            dimension = int(lengths.to_numpy(zero_copy_only=False).max()) if rows else 0
        return rows, dimension
    if column is not None:
        flat = table[column.name].combine_chunks().flatten()
        if flat.null_count:
            raise VectorError("file: vectors must not hold nulls", field="file")
        vectors = flat.to_numpy(zero_copy_only=False).reshape(rows, dimension)
    else:
        if any(table[f.name].null_count for f in numeric):
            raise VectorError("file: vectors must not hold nulls", field="file")
        vectors = np.column_stack([table[f.name].to_numpy(zero_copy_only=False) for f in numeric])
    labels = None if label_column is None else [str(v) for v in table[label_column].to_pylist()]
    return vectors, labels
