"""The JSON fast path's scanner: a top-level array read from the body's bytes straight into numpy
(one numba pass, no Python object per element).

A 1M-link ``{"edges": [[s, t], ...]}`` body parsed by a JSON parser becomes a million Python lists
before anything can check them; here :func:`top_level_span` finds where the value of ``edges`` lies
in the bytes and :func:`number_rows` reads ``[[n, n, ...], ...]`` into an ``(m, k)`` array (the
rest of the body, small, is parsed by orjson). The scanner accepts a strict subset of JSON and
reports anything else as *not fast* (``None``), never as an error: the caller then parses the body
as before, so a malformed or unusual body (booleans, strings, ``null``, ragged rows, an integer
beyond 64 bits, an escaped or repeated key) gets exactly the errors of the general path.

Numbers are read exactly: an integer token is an int64 (one beyond int64 is *not fast*); a
fraction or exponent token whose decimal significand fits 2**53 and whose exponent is within
10**±22 is one correctly rounded division or multiplication of two exact doubles (Clinger's fast
path); a significand of up to 19 digits with an exponent within 10**±66 (the 17-digit shortest
text of any double) is scaled in double-double arithmetic and taken when its rounding is decided
(:func:`_scaled_wide`); the few others are re-read by Python's ``float`` (correctly rounded), so
every value is the one a JSON parser gives (a number beyond the doubles, such as ``1e400``, is
not fast: the parser refuses it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numba
import numpy as np

#: 10**0 .. 10**22: every one exact in a double (the bound of the exact fast path).
_POW10 = np.array([10.0 ** k for k in range(23)])
_MAX_EXACT = 2 ** 53
#: Decimal exponents read by the double-double path (three exact scalings by at most 10**22).
_WIDE_EXPONENT = 66

# status codes of the kernels
_OK = 0
_NOT_FAST = 1


@numba.njit(cache=True, nogil=True)
def _skip_ws(buf, i, end):  # pragma: no cover - compiled
    while i < end:
        c = buf[i]
        if c != 32 and c != 10 and c != 13 and c != 9:
            return i
        i += 1
    return i


@numba.njit(cache=True, nogil=True)
def _skip_string(buf, i, end):  # pragma: no cover - compiled
    """``i`` at the opening quote -> the index after the closing quote (``end + 1`` if unterminated),
    and whether the string holds an escape."""
    escaped = False
    i += 1
    while i < end:
        c = buf[i]
        if c == 92:
            escaped = True
            i += 2
            continue
        if c == 34:
            return i + 1, escaped
        i += 1
    return end + 1, escaped


@numba.njit(cache=True, nogil=True)
def _skip_value(buf, i, end):  # pragma: no cover - compiled
    """The index after the value starting at ``i`` (brackets matched outside strings); ``-1`` if it
    does not end. Not a validator: the bytes outside the scanned span are parsed by orjson."""
    c = buf[i]
    if c == 34:
        j, _ = _skip_string(buf, i, end)
        return j if j <= end else -1
    if c == 91 or c == 123:
        depth = 0
        while i < end:
            c = buf[i]
            if c == 34:
                i, _ = _skip_string(buf, i, end)
                if i > end:
                    return -1
                continue
            if c == 91 or c == 123:
                depth += 1
            elif c == 93 or c == 125:
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return -1
    while i < end:
        c = buf[i]
        if c == 44 or c == 125 or c == 93 or c == 32 or c == 10 or c == 13 or c == 9:
            return i
        i += 1
    return i


@numba.njit(cache=True, nogil=True)
def _find_key(buf, key):  # pragma: no cover - compiled
    """``(status, start, end)`` of the value of the top-level key ``key`` (bytes, no escapes).

    Not fast when the body is no object, when a top-level key has an escape (it could spell
    ``key``), when ``key`` appears twice, or when the structure cannot be followed; ``start = -1``
    when the key is absent."""
    end = buf.size
    i = _skip_ws(buf, 0, end)
    if i >= end or buf[i] != 123:
        return _NOT_FAST, -1, -1
    i = _skip_ws(buf, i + 1, end)
    found_start, found_end = -1, -1
    if i < end and buf[i] == 125:
        return _OK, -1, -1
    while i < end:
        if buf[i] != 34:
            return _NOT_FAST, -1, -1
        key_start = i + 1
        j, escaped = _skip_string(buf, i, end)
        if j > end or escaped:
            return _NOT_FAST, -1, -1
        key_end = j - 1
        i = _skip_ws(buf, j, end)
        if i >= end or buf[i] != 58:
            return _NOT_FAST, -1, -1
        i = _skip_ws(buf, i + 1, end)
        if i >= end:
            return _NOT_FAST, -1, -1
        value_start = i
        i = _skip_value(buf, i, end)
        if i < 0:
            return _NOT_FAST, -1, -1
        same = key_end - key_start == key.size
        if same:
            for k in range(key.size):
                if buf[key_start + k] != key[k]:
                    same = False
                    break
        if same:
            if found_start >= 0:
                return _NOT_FAST, -1, -1
            found_start, found_end = value_start, i
        i = _skip_ws(buf, i, end)
        if i >= end:
            return _NOT_FAST, -1, -1
        if buf[i] == 125:
            return _OK, found_start, found_end
        if buf[i] != 44:
            return _NOT_FAST, -1, -1
        i = _skip_ws(buf, i + 1, end)
    return _NOT_FAST, -1, -1


@numba.njit(cache=True, nogil=True)
def _number(buf, i, end, pow10):  # pragma: no cover - compiled
    """A JSON number at ``i``: ``(next index or -1, is an integer token, int value, float value, exact)``.

    ``exact`` false: the float must be re-read (a significand beyond 2**53 or an exponent beyond
    10**±22); an integer token beyond int64 gives ``next = -1`` (not fast)."""
    negative = False
    if i < end and buf[i] == 45:
        negative = True
        i += 1
    if i >= end:
        return -1, False, 0, 0.0, False
    c = buf[i]
    if c < 48 or c > 57:
        return -1, False, 0, 0.0, False
    significand = np.uint64(0)
    digits = 0              # significant digits accumulated (leading zeros skipped)
    overflow = False
    if c == 48:
        i += 1
        if i < end and 48 <= buf[i] <= 57:
            return -1, False, 0, 0.0, False     # a leading zero: not JSON
    else:
        while i < end and 48 <= buf[i] <= 57:
            if digits < 19:
                significand = significand * np.uint64(10) + np.uint64(buf[i] - 48)
                digits += 1
            else:
                overflow = True
            i += 1
    integer = True
    exponent = 0
    if i < end and buf[i] == 46:   # '.'
        integer = False
        i += 1
        if i >= end or buf[i] < 48 or buf[i] > 57:
            return -1, False, 0, 0.0, False
        while i < end and 48 <= buf[i] <= 57:
            d = buf[i] - 48
            if digits == 0 and d == 0:
                exponent -= 1               # a leading zero of the fraction
            elif digits < 19:
                significand = significand * np.uint64(10) + np.uint64(d)
                digits += 1
                exponent -= 1
            else:
                overflow = True
            i += 1
    if i < end and (buf[i] == 101 or buf[i] == 69):   # 'e', 'E'
        integer = False
        i += 1
        sign = 1
        if i < end and (buf[i] == 43 or buf[i] == 45):
            sign = -1 if buf[i] == 45 else 1
            i += 1
        if i >= end or buf[i] < 48 or buf[i] > 57:
            return -1, False, 0, 0.0, False
        e = 0
        while i < end and 48 <= buf[i] <= 57:
            if e < 100000:
                e = e * 10 + (buf[i] - 48)
            i += 1
        exponent += sign * e
    if integer:
        if overflow or significand > np.uint64(9223372036854775807) + np.uint64(1 if negative else 0):
            return -1, False, 0, 0.0, False
        if negative:
            value = -np.int64(significand - np.uint64(1)) - 1 if significand > 0 else np.int64(0)
        else:
            value = np.int64(significand)
        return i, True, value, float(value), True
    exact = (not overflow) and -_WIDE_EXPONENT <= exponent <= _WIDE_EXPONENT
    x = 0.0
    if exact and significand <= np.uint64(_MAX_EXACT) and -22 <= exponent <= 22:
        x = float(significand)
        if exponent >= 0:
            x = x * pow10[exponent]
        else:
            x = x / pow10[-exponent]
    elif exact:
        x, exact = _scaled_wide(significand, exponent, pow10)
    if negative:
        x = -x
    return i, False, 0, x, exact


@numba.njit(cache=True, nogil=True, inline="always")
def _two_prod(a, b):  # pragma: no cover - compiled
    """``a * b`` as ``p + e`` exactly (Dekker's product, no fused multiply-add needed)."""
    p = a * b
    c = 134217729.0 * a
    a_hi = c - (c - a)
    a_lo = a - a_hi
    c = 134217729.0 * b
    b_hi = c - (c - b)
    b_lo = b - b_hi
    return p, ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo


@numba.njit(cache=True, nogil=True)
def _scaled_wide(significand, exponent, pow10):  # pragma: no cover - compiled
    """``significand x 10^exponent`` correctly rounded, for up to 19 digits and ``|exponent| <= 66``:
    ``(value, decided)``.

    The value is carried in double-double arithmetic (``h + e``, about 104 bits): multiplied or
    divided by exact powers ``10^k`` (``k <= 22``) at most three times, each step exact but for a
    rounding of about ``2^-105`` of the value. The nearest double is then ``h + e`` rounded, unless it
    lies within the error bound (``2^-98`` of the value) of the midpoint between two doubles, when
    ``decided`` is false (Python's reader decides)."""
    h = float(significand)                                      # w = h + e exactly (|e| < 2**11)
    e = float(np.int64(significand - np.uint64(h)))
    k = exponent
    while k != 0:
        step = min(abs(k), 22)
        p = pow10[step]
        if k > 0:
            ph, pl = _two_prod(h, p)
            pl += e * p
            k -= step
        else:
            q = h / p
            qh, ql = _two_prod(q, p)
            pl = (((h - qh) - ql) + e) / p
            ph = q
            k += step
        h = ph + pl                                             # renormalize (|ph| >= |pl|)
        e = pl - (h - ph)
    toward = np.nextafter(h, np.inf if e > 0 else -np.inf)
    half_gap = abs(toward - h) * 0.5
    if abs(e) + abs(h) * 2.0 ** -98 < half_gap:
        return h, True
    return 0.0, False


@numba.njit(cache=True, nogil=True, inline="always")
def _is_ws(c):  # pragma: no cover - compiled
    return c == 32 or c == 10 or c == 13 or c == 9


@numba.njit(cache=True, nogil=True)
def _rows(buf, start, end, capacity, pow10):  # pragma: no cover - compiled
    """``[[n, ...], ...]`` in ``buf[start:end]``, every row of the width of the first (at most 8).

    Returns ``(status, rows, ints, floats, integer_columns, slow, n_slow)``: ``ints`` and ``floats``
    ``(width, capacity)`` (column ``j`` of row ``r`` at ``[j, r]``) with the integer and float values,
    ``integer_columns[j]`` whether every token of column ``j`` is an integer, and ``slow[:n_slow]``
    the values whose float must be re-read: ``(row, column, token start, token end)``.

    A plain integer of at most 18 digits (no overflow possible) is read in the loop, any other
    number by :func:`_number`: the common case stays a tight loop over the bytes."""
    integer_columns = np.ones(8, np.bool_)
    slow = np.empty((16, 4), np.int64)
    i = start
    while i < end and _is_ws(buf[i]):
        i += 1
    opened = i < end and buf[i] == 91
    i += 1
    while i < end and _is_ws(buf[i]):
        i += 1
    opened = opened and i < end and buf[i] == 91
    width = 1                       # the first row's commas (no strings in a valid one)
    j = i + 1
    while opened and j < end and buf[j] != 93 and buf[j] != 91:
        if buf[j] == 44:
            width += 1
        j += 1
    if not opened or width > 8:
        width = 0
    ints = np.empty((width, capacity), np.int64)
    floats = np.empty((width, capacity), np.float64)
    if width == 0:
        return _NOT_FAST, 0, ints, floats, integer_columns, slow, 0
    n_slow = 0
    r = 0
    while True:
        while i < end and _is_ws(buf[i]):
            i += 1
        if i >= end or buf[i] != 91 or r >= capacity:
            return _NOT_FAST, r, ints, floats, integer_columns, slow, n_slow
        i += 1
        for col in range(width):
            while i < end and _is_ws(buf[i]):
                i += 1
            token = i
            negative = False
            if i < end and buf[i] == 45:
                negative = True
                i += 1
            first = i
            value = 0
            while i < end:
                c = buf[i]
                if c < 48 or c > 57:
                    break
                value = value * 10 + (c - 48)
                i += 1
            digits = i - first
            if (digits == 0 or digits > 18 or (digits > 1 and buf[first] == 48)
                    or (i < end and (buf[i] == 46 or buf[i] == 101 or buf[i] == 69))):
                i, integer, ivalue, fvalue, exact = _number(buf, token, end, pow10)
                if i < 0:
                    return _NOT_FAST, r, ints, floats, integer_columns, slow, n_slow
                ints[col, r] = ivalue
                floats[col, r] = fvalue
                if not integer:
                    integer_columns[col] = False
                if not exact:
                    if n_slow == slow.shape[0]:
                        grown = np.empty((2 * n_slow, 4), np.int64)
                        grown[:n_slow] = slow
                        slow = grown
                    slow[n_slow, 0] = r
                    slow[n_slow, 1] = col
                    slow[n_slow, 2] = token
                    slow[n_slow, 3] = i
                    n_slow += 1
            else:
                if negative:
                    value = -value
                ints[col, r] = value
                floats[col, r] = float(value)
            while i < end and _is_ws(buf[i]):
                i += 1
            if i >= end or buf[i] != (93 if col + 1 == width else 44):
                return _NOT_FAST, r, ints, floats, integer_columns, slow, n_slow
            i += 1
        r += 1
        while i < end and _is_ws(buf[i]):
            i += 1
        if i >= end:
            return _NOT_FAST, r, ints, floats, integer_columns, slow, n_slow
        if buf[i] == 93:
            i += 1
            while i < end and _is_ws(buf[i]):
                i += 1
            status = _OK if i == end else _NOT_FAST
            return status, r, ints, floats, integer_columns, slow, n_slow
        if buf[i] != 44:
            return _NOT_FAST, r, ints, floats, integer_columns, slow, n_slow
        i += 1


@dataclass(frozen=True)
class NumberRows:
    """A JSON ``[[n, ...], ...]`` of one width: ``ints`` (int64, meaningful in the integer columns),
    ``floats`` (float64, every value) and which columns hold integers only."""

    ints: np.ndarray
    floats: np.ndarray
    integer_columns: np.ndarray

    @property
    def width(self) -> int:
        return self.floats.shape[1]


def top_level_span(raw: bytes, key: str) -> tuple[int, int] | None:
    """``(start, end)`` of the value of ``key`` in the top-level object of a JSON body; ``(-1, -1)``
    when it is absent; None when the body is no object or cannot be read this way (an escaped or
    repeated top-level key, broken structure: the general parser decides).

    >>> top_level_span(b'{"seed": 3, "edges": [[1, 2]], "s": "}"}', "edges")
    (21, 29)
    >>> top_level_span(b'{"edges": [], "edges": [[1, 2]]}', "edges") is None
    True
    """
    status, start, end = _find_key(np.frombuffer(raw, dtype=np.uint8), np.frombuffer(key.encode(), np.uint8))
    return None if status != _OK else (int(start), int(end))


def number_rows(raw: bytes, start: int = 0, end: int | None = None) -> NumberRows | None:
    """``raw[start:end]`` read as ``[[n, ...], ...]`` (rows of one width, 1 to 8 numbers, at least one
    row), or None when it is anything else (see the module docstring).

    >>> rows = number_rows(b'[[1, 2, 0.5], [3, -4, 1e-3]]')
    >>> rows.ints[:, :2].tolist(), rows.floats[:, 2].tolist(), rows.integer_columns.tolist()
    ([[1, 2], [3, -4]], [0.5, 0.001], [True, True, False])
    >>> number_rows(b'[[1, true]]') is None, number_rows(b'[[1, 2], [3]]') is None
    (True, True)
    """
    buf = np.frombuffer(raw, dtype=np.uint8)
    end = buf.size if end is None else end
    capacity = int(np.count_nonzero(buf[start:end] == 91))   # every row opens with '[' (no strings here)
    if capacity < 2:
        return None
    status, rows, ints, floats, integer_columns, slow, n_slow = _rows(buf, start, end, capacity - 1, _POW10)
    if status != _OK:
        return None
    width = ints.shape[0]
    for row, column, lo, hi in slow[:n_slow].tolist():
        value = float(raw[lo:hi])
        if not math.isfinite(value):
            return None                 # beyond the doubles (1e400): a JSON parser refuses it
        floats[column, row] = value
    return NumberRows(ints[:, :rows].T, floats[:, :rows].T, integer_columns[:width].copy())
