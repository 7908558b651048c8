"""Array lengths of a JSON body without parsing it (one numba pass, no Python objects).

The cost of a request is checked before it is parsed: a 2,000,001-link body is refused
from the length of its ``edges`` array alone. :func:`array_lengths` walks the bytes once
(strings and escapes respected, O(1) memory) and reports the number of elements of
every array that is the value of a key of the top-level object or of an object one level
below it (``edges``, ``links``, ``vectors``, ``sparse.data``, ``nodes``).
"""

from __future__ import annotations

import numba
import numpy as np
import orjson

_MAX_DEPTH = 64
_MAX_RECORDS = 256


@numba.njit(cache=True, nogil=True)
def _scan(buf):  # pragma: no cover - compiled
    n = buf.size
    kind = np.zeros(_MAX_DEPTH, np.uint8)        # 1 object, 2 array
    record = np.full(_MAX_DEPTH, -1, np.int64)   # record of the array at this level, or -1
    seen = np.zeros(_MAX_DEPTH, np.uint8)        # the array at this level has an element
    expect_key = np.zeros(_MAX_DEPTH, np.uint8)
    key_start = np.full(_MAX_DEPTH, -1, np.int64)
    key_end = np.full(_MAX_DEPTH, -1, np.int64)
    out = np.full((_MAX_RECORDS, 5), -1, np.int64)  # k1 start, k1 end, k2 start, k2 end, count
    commas = np.zeros(_MAX_RECORDS, np.int64)
    n_records = 0
    depth = 0
    i = 0
    while i < n:
        c = buf[i]
        if c == 34:  # '"'
            top = min(depth, _MAX_DEPTH) - 1  # levels deeper than _MAX_DEPTH are not tracked
            is_key = depth <= _MAX_DEPTH and top >= 0 and kind[top] == 1 and expect_key[top] == 1
            if depth <= _MAX_DEPTH and top >= 0 and kind[top] == 2:
                seen[top] = 1
            start = i + 1
            i += 1
            while i < n and buf[i] != 34:
                if buf[i] == 92:  # backslash: skip the escaped byte
                    i += 1
                i += 1
            if is_key:
                key_start[top] = start
                key_end[top] = i
                expect_key[top] = 0
        elif c == 123 or c == 91:  # '{' or '['
            top = depth - 1
            if 0 <= top < _MAX_DEPTH and kind[top] == 2:
                seen[top] = 1
            if depth < _MAX_DEPTH:
                kind[depth] = 1 if c == 123 else 2
                seen[depth] = 0
                expect_key[depth] = 1 if c == 123 else 0
                record[depth] = -1
                if c == 91 and top >= 0 and kind[top] == 1 and top <= 1 and n_records < _MAX_RECORDS:
                    if top == 0:
                        out[n_records, 0] = key_start[0]
                        out[n_records, 1] = key_end[0]
                    else:
                        if kind[0] == 1:
                            out[n_records, 0] = key_start[0]
                            out[n_records, 1] = key_end[0]
                        out[n_records, 2] = key_start[1]
                        out[n_records, 3] = key_end[1]
                    record[depth] = n_records
                    n_records += 1
            depth += 1
        elif c == 125 or c == 93:  # '}' or ']'
            depth -= 1
            if depth < 0:
                break
            if depth < _MAX_DEPTH and kind[depth] == 2 and record[depth] >= 0:
                r = record[depth]
                out[r, 4] = commas[r] + (1 if seen[depth] == 1 else 0)
        elif c == 44:  # ','
            top = depth - 1
            if 0 <= top < _MAX_DEPTH:
                if kind[top] == 2 and record[top] >= 0:
                    commas[record[top]] += 1
                elif kind[top] == 1:
                    expect_key[top] = 1
        elif c != 32 and c != 10 and c != 13 and c != 9 and c != 58:  # a scalar's first byte
            top = depth - 1
            if 0 <= top < _MAX_DEPTH and kind[top] == 2:
                seen[top] = 1
        i += 1
    return out[:n_records]


def array_lengths(raw: bytes) -> dict[str, int]:
    """``{"edges": 7, "sparse.data": 3, ...}`` for the arrays one or two keys deep.

    Malformed JSON gives whatever was seen (the parser reports the error later); an
    array that never closes is left out.

    Examples
    --------
    >>> array_lengths(b'{"edges": [[1, 2], [2, 3]], "sparse": {"data": [1.0]}, "s": "[,]"}')
    {'edges': 2, 'sparse.data': 1}
    """
    buf = np.frombuffer(raw, dtype=np.uint8)
    lengths: dict[str, int] = {}
    for k1s, k1e, k2s, k2e, count in _scan(buf):
        if count < 0 or k1s < 0:
            continue
        name = _key(raw[k1s:k1e])
        if k2s >= 0:
            name += "." + _key(raw[k2s:k2e])
        lengths[name] = int(count)
    return lengths


def _key(text: bytes) -> str:
    """A key's characters with its escapes resolved (as the parser will read it)."""
    if b"\\" not in text:
        return text.decode("utf-8", "replace")
    try:
        return orjson.loads(b'"' + text + b'"')
    except orjson.JSONDecodeError:
        return text.decode("utf-8", "replace")
