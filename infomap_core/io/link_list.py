"""The link-list reader: ``source target [weight]`` lines.

Rules
-----
* Fields are separated by ASCII whitespace; ``#`` starts a comment (whole line or
  trailing); blank lines are skipped. Line numbers are 1-based physical lines.
* Each data line has 2 or 3 fields; 2 and 3-field lines may be mixed (a missing
  weight is 1). Any other count is a :class:`ParseError` naming the line.
* A weight is anything Python's ``float`` reads; it must be finite and >= 0
  (:class:`InvalidWeightError` naming the line). Zero-weight links are dropped by
  :class:`~infomap_core.network.Network`; duplicates are summed there.
* Ids are int64 if *every* id token matches ``[+-]?[0-9]+`` and fits in 64 bits,
  otherwise every id is a string (the token as written: ``007`` stays ``"007"``).
* A line starting with ``*`` is a Pajek section header: it ends the table (for a
  Pajek section) or is an error (in a link-list file).

Speed: inputs of at least ``KERNEL_MIN_BYTES`` go through a numba kernel that reads
the bytes in one pass (``_scan.scan_links``), tens of millions of lines per minute
on one core; smaller inputs through a plain Python loop (no kernel load). Both give
identical arrays and identical errors (tests/io check this on random input).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import ParseError
from . import _scan
from ._common import decode_ids, int_token, parse_weight, split_lines

__all__ = ["LinkTable", "scan_link_table", "KERNEL_MIN_BYTES"]

#: Inputs (or Pajek sections) shorter than this are read by the Python loop.
KERNEL_MIN_BYTES = 1 << 16


@dataclass
class LinkTable:
    """Links read from one table: ids are int64 or object (str) arrays.

    ``stop_pos``/``stop_line``: where reading stopped (end of input, or the byte
    offset and line number of the section header that ended the table).
    """

    src: np.ndarray
    tgt: np.ndarray
    weight: np.ndarray
    stop_pos: int
    stop_line: int
    at_header: bool

    @property
    def string_ids(self) -> bool:
        return self.src.dtype.kind == "O"

    def __len__(self) -> int:
        return int(self.weight.shape[0])


def scan_link_table(buf: bytes, start: int = 0, first_line: int = 1, *, strings: bool = False,
                    field: str = "network", use_kernel: bool | None = None) -> LinkTable:
    """Read link lines from ``buf[start:]`` until the end or a ``*`` header line.

    ``strings=True`` reads ids as strings even when they all look like integers
    (a Pajek file whose other ids are strings). ``use_kernel`` None picks the numba
    kernel for inputs of at least :data:`KERNEL_MIN_BYTES` bytes.
    """
    if use_kernel is None:
        use_kernel = len(buf) - start >= KERNEL_MIN_BYTES
    if use_kernel:
        return _scan_with_kernel(buf, start, first_line, strings, field)
    return _scan_with_python(buf, start, first_line, strings, field)


# ---------------------------------------------------------------- numba path
def _scan_with_kernel(buf: bytes, start: int, first_line: int, strings: bool, field: str) -> LinkTable:
    b = np.frombuffer(buf, dtype=np.uint8)
    stop = len(buf)
    cap = buf.count(b"\n", start, stop) + 1
    # np.empty is lazy: pages never written cost no memory.
    weight = np.empty(cap, dtype=np.float64)
    d_row, d_start, d_end, d_line = (np.empty(cap, dtype=np.int64) for _ in range(4))
    none = np.zeros(0, dtype=np.int64)
    string_mode = strings
    if not string_mode:
        src = np.empty(cap, dtype=np.int64)
        tgt = np.empty(cap, dtype=np.int64)
        result = _scan.scan_links(b, start, stop, first_line, 0, _scan.POW10, src, tgt, none, none, weight,
                                  d_row, d_start, d_end, d_line)
        string_mode = result[0] == _scan.STRING_ID
    if string_mode:
        id_start = np.empty(2 * cap, dtype=np.int64)
        id_end = np.empty(2 * cap, dtype=np.int64)
        result = _scan.scan_links(b, start, stop, first_line, 1, _scan.POW10, none, none, id_start, id_end, weight,
                                  d_row, d_start, d_end, d_line)
    status, rows, nd, line, pos, arg = (int(x) for x in result)
    # Deferred weights on earlier lines precede the error the kernel stopped at, if any.
    for k in range(nd):
        if status == _scan.COLUMNS and d_line[k] == line:
            break
        weight[d_row[k]] = parse_weight(buf[d_start[k]:d_end[k]], int(d_line[k]), field)
    if status == _scan.COLUMNS:
        raise _columns_error(arg, line, field)
    weight = weight[:rows]
    if string_mode:
        ids = decode_ids(_gather(b, id_start[: 2 * rows], id_end[: 2 * rows]))
        src, tgt = ids[0::2], ids[1::2]
    else:
        src, tgt = src[:rows], tgt[:rows]
    return LinkTable(src, tgt, weight, pos, line, status == _scan.HEADER)


def _gather(b: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    if starts.size == 0:
        return np.zeros(0, dtype="S1")
    width = int((ends - starts).max())
    return _scan.gather_tokens(b, starts, ends, width).view(f"S{width}").reshape(-1)


# --------------------------------------------------------------- python path
def _scan_with_python(buf: bytes, start: int, first_line: int, strings: bool, field: str) -> LinkTable:
    src: list[bytes] = []
    tgt: list[bytes] = []
    weight: list[float] = []
    pos, line, at_header = len(buf), first_line, False
    for number, offset, parts in split_lines(buf, start, first_line):
        if parts:
            if parts[0].startswith(b"*"):
                pos, line, at_header = offset, number, True
                break
            if len(parts) not in (2, 3):
                raise _columns_error(len(parts), number, field)
            src.append(parts[0])
            tgt.append(parts[1])
            weight.append(parse_weight(parts[2], number, field) if len(parts) == 3 else 1.0)
        line = number + 1
    w = np.array(weight, dtype=np.float64)
    ints = None if strings else _int_ids(src + tgt)
    if ints is not None:
        m = len(src)
        return LinkTable(ints[:m], ints[m:], w, pos, line, at_header)
    ids = decode_ids(np.array(src + tgt, dtype="S") if src else np.zeros(0, dtype="S1"))
    m = len(src)
    return LinkTable(ids[:m], ids[m:], w, pos, line, at_header)


def _int_ids(tokens: list[bytes]) -> np.ndarray | None:
    values = []
    for token in tokens:
        value = int_token(token)
        if value is None:
            return None
        values.append(value)
    return np.array(values, dtype=np.int64)


def _columns_error(count: int, line: int, field: str) -> ParseError:
    return ParseError(f"expected 'source target [weight]', got {count} field{'s' if count != 1 else ''}",
                      line=line, field=field)
