"""Binary tensors in and out: ``.npy``, ``.npz``, Apache Arrow IPC and Parquet (no FastAPI here).

The format of a body or an uploaded file is detected by its first bytes, never by a name:

========  ======================  ============================================
format    first bytes             read as
========  ======================  ============================================
npy       ``\\x93NUMPY``           one array (a view of the bytes, no copy)
npz       ``PK\\x03\\x04``           named arrays (a zip of ``.npy`` members)
arrow     ``ARROW1`` or ``ff ff``   a table (IPC file or stream, uncompressed)
parquet   ``PAR1``                 a table
========  ======================  ============================================

Every size is checked from headers and metadata *before* anything is inflated: the
``.npy`` header's shape against the bytes that follow it, the declared sizes of the zip
directory (a zip's output is cut at its declared size, so a member cannot inflate beyond
it), Parquet's row-group metadata. Arrow IPC bodies with compressed buffers are refused
(415): their inflated size is not known before decompression; uncompressed IPC is read
zero-copy. Nothing is ever unpickled: object, structured, string and complex dtypes are
refused. Errors are :class:`app.uploads.UploadError` naming the request field (413 too
large, 415 not a tensor format, 422 unreadable or of the wrong kind).
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass
from typing import Any

import numpy as np

from .uploads import UploadError

FORMATS = ("npy", "npz", "arrow", "parquet")
#: Request ``Content-Type`` values of binary bodies (the format itself is detected by content).
MEDIA_TYPES = {
    "application/x-npy": "npy",
    "application/zip": "npz",
    "application/x-npz": "npz",
    "application/vnd.apache.arrow.stream": "arrow",
    "application/vnd.apache.arrow.file": "arrow",
    "application/vnd.apache.parquet": "parquet",
    "application/x-parquet": "parquet",
    "application/octet-stream": None,
}
#: Response media types (``Accept``).
NPZ_MEDIA_TYPE = "application/zip"
ARROW_MEDIA_TYPE = "application/vnd.apache.arrow.stream"
#: A compressed body (npz, Parquet) may inflate to at most this many times the body limit.
INFLATE_FACTOR = 4
#: dtype kinds a numeric tensor may have: bool, signed and unsigned integers, floats.
NUMERIC_KINDS = "biuf"
#: dtype kinds the readers return (numbers and fixed-width strings; never objects).
READ_KINDS = NUMERIC_KINDS + "US"


@dataclass(frozen=True)
class EdgeColumns:
    """A link list as columns (a link table, or the JSON fast path): ids may be strings."""

    source: Any
    target: Any
    weight: Any = None

    def __len__(self) -> int:
        return len(self.source)


def detect_format(raw: bytes) -> str | None:
    """``npy``, ``npz``, ``arrow``, ``parquet`` from the first bytes, or None.

    >>> detect_format(b"PAR1...")
    'parquet'
    """
    if raw.startswith(b"\x93NUMPY"):
        return "npy"
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"PK\x05\x06"):
        return "npz"
    if raw.startswith(b"PAR1"):
        return "parquet"
    if raw.startswith(b"ARROW1") or raw.startswith(b"\xff\xff\xff\xff"):
        return "arrow"
    return None


def require_format(raw: bytes, field: str) -> str:
    """:func:`detect_format`, or a 415 naming ``field``."""
    fmt = detect_format(raw)
    if fmt is None:
        raise UploadError(415, "unsupported_media_type", f"{field}: not .npy, .npz, Arrow IPC or Parquet (the format "
                          "is detected by the first bytes)", field)
    return fmt


def _invalid(field: str, message: str) -> UploadError:
    return UploadError(422, "invalid_tensor", f"{field}: {message}", field)


def too_large(field: str, what: str, size: int, max_bytes: int) -> UploadError:
    return UploadError(413, "payload_too_large", f"{field}: {what} take {size:,} bytes once read, above the limit of "
                       f"{max_bytes:,}", field)


def check_dtype(dtype: np.dtype, field: str, kinds: str = NUMERIC_KINDS) -> None:
    """422 unless ``dtype`` is a plain type of ``kinds`` (never objects: nothing is unpickled)."""
    if dtype.hasobject or dtype.fields is not None or dtype.subdtype is not None or dtype.kind not in kinds:
        names = {"b": "bool", "i": "int", "u": "uint", "f": "float", "U": "str", "S": "bytes"}
        what = ", ".join(names[k] for k in kinds if k in names)
        raise _invalid(field, f"dtype {dtype} is not accepted here ({what})")


# ------------------------------------------------------------------ npy
def npy_header(stream, field: str) -> tuple[tuple[int, ...], bool, np.dtype]:
    """``(shape, fortran_order, dtype)`` of the ``.npy`` at the stream's position (422 when unreadable)."""
    try:
        version = np.lib.format.read_magic(stream)
        if version == (1, 0):
            return np.lib.format.read_array_header_1_0(stream)
        return np.lib.format.read_array_header_2_0(stream)
    except (ValueError, OSError, SyntaxError, TypeError) as exc:
        raise _invalid(field, f"not a readable .npy header ({exc})") from None


def _npy_size(shape: tuple[int, ...], dtype: np.dtype) -> int:
    count = 1
    for dim in shape:
        count *= int(dim)
    return count * dtype.itemsize


def npy_from_bytes(raw: bytes | memoryview, field: str) -> np.ndarray:
    """The array of an ``.npy`` held in ``raw``: a read-only view, no copy.

    The header's shape and dtype must fit the bytes that follow (a truncated file is 422);
    object dtypes are refused before any data is looked at.

    >>> buf = io.BytesIO(); np.save(buf, np.arange(3)); npy_from_bytes(buf.getvalue(), "body")
    array([0, 1, 2])
    """
    stream = io.BytesIO(raw)
    shape, fortran, dtype = npy_header(stream, field)
    check_dtype(dtype, field, READ_KINDS)
    need = _npy_size(shape, dtype)
    have = len(raw) - stream.tell()
    if have < need:
        raise _invalid(field, f"an .npy of {dtype} {list(shape)} needs {need:,} data bytes, got {have:,} (truncated?)")
    array = np.frombuffer(raw, dtype=dtype, count=need // max(dtype.itemsize, 1), offset=stream.tell())
    return array.reshape(shape, order="F" if fortran else "C")


# ------------------------------------------------------------------ npz
def npz_shapes(raw: bytes, field: str, max_bytes: int) -> dict[str, tuple[tuple[int, ...], np.dtype]]:
    """Name -> (shape, dtype) of every member, from the zip directory and the ``.npy`` headers only.

    413 when the members' declared sizes add up to more than ``max_bytes``.
    """
    out = {}
    with _zip(raw, field, max_bytes) as archive:
        for info in archive.infolist():
            name = _member_name(info, field)
            with archive.open(info) as stream:
                shape, _, dtype = npy_header(stream, f"{field}.{name}")
            _check_member(shape, dtype, info, f"{field}.{name}")
            out[name] = (shape, dtype)
    return out


def npz_arrays(raw: bytes, field: str, max_bytes: int) -> dict[str, np.ndarray]:
    """Name -> array of every member of an ``.npz`` (``np.savez`` or ``np.savez_compressed``).

    Sizes are checked before a member is inflated: the directory's declared sizes against
    ``max_bytes`` (413), each member's ``.npy`` header against its declared size (422); a
    zip member never inflates beyond its declared size (the reader stops there).
    """
    out = {}
    try:
        with _zip(raw, field, max_bytes) as archive:
            for info in archive.infolist():
                name = _member_name(info, field)
                where = f"{field}.{name}"
                with archive.open(info) as stream:
                    shape, fortran, dtype = npy_header(stream, where)
                    check_dtype(dtype, where, READ_KINDS)
                    need = _check_member(shape, dtype, info, where)
                    data = stream.read(need)
                if len(data) < need:
                    raise _invalid(where, f"truncated: {len(data):,} of {need:,} data bytes")
                array = np.frombuffer(data, dtype=dtype, count=need // max(dtype.itemsize, 1))
                out[name] = array.reshape(shape, order="F" if fortran else "C")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise _invalid(field, f"not a readable .npz ({exc})") from None
    return out


def _check_member(shape: tuple[int, ...], dtype: np.dtype, info: zipfile.ZipInfo, where: str) -> int:
    """The data bytes a member's ``.npy`` header declares; 422 when the member cannot hold them."""
    need = _npy_size(shape, dtype)
    if need > info.file_size:
        raise _invalid(where, f"header says {dtype} {list(shape)} ({need:,} bytes), the member holds "
                       f"{info.file_size:,}")
    return need


def _zip(raw: bytes, field: str, max_bytes: int) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise _invalid(field, f"not a readable .npz ({exc})") from None
    declared = sum(info.file_size for info in archive.infolist())
    if declared > max_bytes:
        archive.close()
        raise too_large(field, "the .npz members", declared, max_bytes)
    return archive


def _member_name(info: zipfile.ZipInfo, field: str) -> str:
    if not info.filename.endswith(".npy"):
        raise _invalid(field, f"an .npz holds .npy members only, got {info.filename[:80]!r}")
    return info.filename[:-4]


# ------------------------------------------------------------------ Arrow IPC and Parquet
def read_table(raw: bytes, fmt: str, field: str, max_bytes: int):
    """A :class:`pyarrow.Table` from Arrow IPC (file or stream) or Parquet bytes.

    Parquet: the decoded size (8 bytes per value, or the column chunks' uncompressed size if
    larger) is checked from the metadata before reading (413). Arrow IPC: compressed buffers
    are refused (415); uncompressed buffers are read as views of ``raw``.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        if fmt == "parquet":
            source = pq.ParquetFile(pa.BufferReader(raw))
            meta = source.metadata
            chunks = [meta.row_group(i).column(j) for i in range(meta.num_row_groups) for j in range(meta.num_columns)]
            size = max(8 * sum(c.num_values for c in chunks), sum(c.total_uncompressed_size for c in chunks))
            if size > max_bytes:
                raise too_large(field, "the Parquet columns", size, max_bytes)
            return source.read()
        stream = raw[8:] if raw.startswith(b"ARROW1") else raw
        for message in pa.ipc.MessageReader.open_stream(pa.BufferReader(stream)):
            if message.type in ("record batch", "dictionary") and _ipc_compressed(message.metadata.to_pybytes()):
                raise UploadError(415, "unsupported_media_type", f"{field}: compressed Arrow IPC buffers are not "
                                  "accepted (their size is unknown until inflated); send uncompressed IPC or Parquet",
                                  field)
        reader = (pa.ipc.open_file(pa.BufferReader(raw)) if raw.startswith(b"ARROW1")
                  else pa.ipc.open_stream(pa.BufferReader(raw)))
        return reader.read_all()
    except UploadError:
        raise
    except (pa.ArrowException, OSError, ValueError, IndexError, struct.error) as exc:
        raise _invalid(field, f"not a readable {fmt} table ({exc})") from None


def _ipc_compressed(meta: bytes) -> bool:
    """Whether an IPC ``Message`` flatbuffer (RecordBatch or DictionaryBatch) declares body compression.

    Message fields: 0 version, 1 header_type, 2 header; RecordBatch fields: 0 length, 1 nodes,
    2 buffers, 3 compression; DictionaryBatch fields: 0 id, 1 data (a RecordBatch).
    """
    def table_field(table: int, index: int) -> int:
        vtable = table - struct.unpack_from("<i", meta, table)[0]
        vt_size = struct.unpack_from("<H", meta, vtable)[0]
        slot = 4 + 2 * index
        return 0 if slot >= vt_size else struct.unpack_from("<H", meta, vtable + slot)[0]

    def child(table: int, index: int) -> int:
        offset = table_field(table, index)
        if not offset:
            return 0
        at = table + offset
        return at + struct.unpack_from("<I", meta, at)[0]

    root = struct.unpack_from("<I", meta, 0)[0]
    kind_offset = table_field(root, 1)
    kind = meta[root + kind_offset] if kind_offset else 0
    header = child(root, 2)
    if kind == 2 and header:                     # DictionaryBatch -> its RecordBatch
        header = child(header, 1)
    return bool(header) and table_field(header, 3) != 0


def column_array(column, field: str) -> np.ndarray | list:
    """A table column as numpy: numbers -> 1-D, (fixed-size) lists of equal length -> 2-D (nested: 3-D);
    strings -> a list of ``str``. Nulls and other types are 422."""
    import pyarrow as pa

    if column.null_count:
        raise _invalid(field, "nulls are not accepted")
    kind = column.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return column.to_pylist()
    depth, flat, shape = 0, column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column, [len(column)]
    while pa.types.is_list(flat.type) or pa.types.is_large_list(flat.type) or pa.types.is_fixed_size_list(flat.type):
        import pyarrow.compute as pc

        lengths = pc.list_value_length(flat).to_numpy(zero_copy_only=False) if len(flat) else np.zeros(0)
        if lengths.size and (lengths.min() != lengths.max()):
            raise _invalid(field, "rows of different lengths (ragged lists)")
        shape.append(int(lengths[0]) if lengths.size else 0)
        flat = flat.flatten()
        depth += 1
        if flat.null_count:
            raise _invalid(field, "nulls are not accepted")
        if depth > 3:
            raise _invalid(field, "lists nested more than 3 deep")
    if not (pa.types.is_integer(flat.type) or pa.types.is_floating(flat.type) or pa.types.is_boolean(flat.type)):
        raise _invalid(field, f"column type {kind} is not accepted (numbers, lists of numbers or strings)")
    values = flat.to_numpy(zero_copy_only=False)
    return values.reshape(shape)


# ------------------------------------------------------------------ responses
def encode_npz(arrays: dict[str, Any]) -> bytes:
    """An uncompressed ``.npz`` of ``name -> array`` (``np.load(..., allow_pickle=False)`` reads it)."""
    buf = io.BytesIO()
    np.savez(buf, **{name: np.asarray(value) for name, value in arrays.items()})
    return buf.getvalue()


def encode_arrow(columns: dict[str, Any], metadata: dict[str, str] | None = None) -> bytes:
    """An Arrow IPC stream of one table: 1-D arrays as columns, 2-D/3-D as (nested) fixed-size lists."""
    import pyarrow as pa

    names, arrays = [], []
    for name, value in columns.items():
        if isinstance(value, list) and value and isinstance(value[0], str):
            arrays.append(pa.array(value, type=pa.string()))
        else:
            value = np.ascontiguousarray(value)
            arr = pa.array(value.reshape(-1))
            for size in reversed(value.shape[1:]):
                arr = pa.FixedSizeListArray.from_arrays(arr, int(size))
            arrays.append(arr)
        names.append(name)
    table = pa.table(arrays, names=names) if names else pa.table({})
    if metadata:
        table = table.replace_schema_metadata(metadata)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()
