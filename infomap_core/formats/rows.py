"""Text rows written by one numba kernel: the bodies of the output formats without per-row Python.

A row is a sequence of fields, the same for every row (:class:`Rows`): literal text, a text
column (UTF-8 strings, given once as a list), an integer column (``%d``) or a float column
(``%.9g``). :meth:`Rows.render` writes ``n`` rows into one buffer and returns it with the byte
offset where every row starts, so a caller can cut it into sections (the ``.ftree`` links of
each module) without formatting anything twice.

``%.9g`` is Python's (and C's) correctly rounded format: the float ``x`` rounded to 9
significant digits ``m x 10^(X-8)`` (``10^8 <= m < 10^9``), written in fixed notation when
``-4 <= X < 9`` and as ``d.dddde±XX`` otherwise, trailing zeros (and a bare point) removed.
The kernel computes ``m`` as ``round(x x 10^(8-X))`` in float64: the scaling is exact or off by
a few units in the last place (``< 1e-6`` at this scale), so ``m`` is the correctly rounded
value unless the scaled number lies within ``1e-5`` of a rounding tie; those values (about 2
in 100,000), ``-0.0``, infinities, NaN and exponents beyond ``±280`` are left out by the kernel,
which reports where, and Python's ``'%.9g' % x`` text is spliced in. ``tests/formats/test_rows.py`` checks the bytes
against Python's on millions of values, ties and powers of ten included.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numba import njit

__all__ = ["Rows", "format_g9"]

LITERAL, TEXT, INT, FLOAT = 0, 1, 2, 3
_POW10 = np.array([float(f"1e{k}") for k in range(0, 310)])  # correctly rounded 10^k
_TIE_MARGIN = 1e-5
_MAX_EXPONENT = 280


@njit(cache=True, inline="always")
def _digits_g9(x: float, pow10: np.ndarray) -> tuple[int, int, bool]:
    """``(m, X, ok)``: ``x > 0`` rounded to 9 significant digits ``m x 10^(X-8)``; ``ok`` False when
    float64 arithmetic cannot decide the rounding (left to Python)."""
    e = int(np.floor(np.log10(x)))
    for _ in range(3):
        if e > _MAX_EXPONENT or e < -_MAX_EXPONENT:
            return 0, 0, False
        k = 8 - e
        scaled = x * pow10[k] if k >= 0 else x / pow10[-k]
        base = np.floor(scaled)
        frac = scaled - base
        if abs(frac - 0.5) < _TIE_MARGIN:
            return 0, 0, False
        m = int(base) + (1 if frac > 0.5 else 0)
        if m >= 1_000_000_000:
            e += 1
            continue
        if m < 100_000_000:
            e -= 1
            continue
        return m, e, True
    return 0, 0, False


@njit(cache=True, inline="always")
def _div10(u: np.uint64) -> np.uint64:
    """``u // 10`` for ``u < 2^32`` by a multiplication (a division instruction costs ~30 cycles)."""
    return (u * np.uint64(3435973837)) >> np.uint64(35)


@njit(cache=True, inline="always")
def _put_uint(out: np.ndarray, pos: int, value: np.uint64, scratch: np.ndarray) -> int:
    k = 0
    ten = np.uint64(10)
    while True:
        q = _div10(value) if value < np.uint64(4294967296) else value // ten
        scratch[k] = np.uint8(48 + np.int64(value - q * ten))
        value = q
        k += 1
        if value == np.uint64(0):
            break
    for j in range(k - 1, -1, -1):
        out[pos] = scratch[j]
        pos += 1
    return pos


@njit(cache=True, inline="always")
def _put_int(out: np.ndarray, pos: int, value: np.int64, scratch: np.ndarray) -> int:
    if value < 0:
        out[pos] = 45  # '-'
        return _put_uint(out, pos + 1, np.uint64(-(value + 1)) + np.uint64(1), scratch)
    return _put_uint(out, pos, np.uint64(value), scratch)


@njit(cache=True, inline="always")
def _put_digits(out: np.ndarray, pos: int, m: int) -> None:
    """The 9 digits of ``m`` (``< 10^9``) at ``out[pos:pos + 9]``."""
    u = np.uint64(m)
    for j in range(pos + 8, pos - 1, -1):
        q = _div10(u)
        out[j] = np.uint8(48 + np.int64(u - q * np.uint64(10)))
        u = q


@njit(cache=True, inline="always")
def _put_g9(out: np.ndarray, pos: int, m: int, e: int, scratch: np.ndarray) -> int:
    """Write ``m x 10^(e-8)`` (``10^8 <= m < 10^9``) as ``%.9g`` does."""
    trailing = 0                           # zeros at the end of the 9 digits
    u = np.uint64(m)
    while trailing < 8:
        q = _div10(u)
        if u != q * np.uint64(10):
            break
        u = q
        trailing += 1
    keep = 9 - trailing                    # significant digits written
    if 0 <= e < 9:                         # ddd.ddd (no point when nothing follows it)
        _put_digits(out, pos + 1, m)
        for j in range(e + 1):
            out[pos + j] = out[pos + 1 + j]
        if keep > e + 1:
            out[pos + e + 1] = 46
            return pos + keep + 1
        return pos + e + 1
    if -4 <= e < 0:                        # 0.000ddd
        out[pos] = 48
        out[pos + 1] = 46
        pos += 2
        for _ in range(-e - 1):
            out[pos] = 48
            pos += 1
        _put_digits(out, pos, m)
        return pos + keep
    _put_digits(out, pos + 1, m)           # d.ddde-XX
    out[pos] = out[pos + 1]
    if keep > 1:
        out[pos + 1] = 46
        pos += keep + 1
    else:
        pos += 1
    out[pos] = 101  # 'e'
    out[pos + 1] = 45 if e < 0 else 43
    pos += 2
    a = -e if e < 0 else e
    if a < 10:
        out[pos] = 48
        pos += 1
    return _put_uint(out, pos, np.uint64(a), scratch)


@njit(cache=True)
def _write(n, kinds, refs, lit_buf, lit_off, text_buf, text_off, ints, floats, skips, size, pow10):
    """The rows, the offset of each, and the ``(row, float column, byte position)`` of every value
    left to Python (nothing written for it yet)."""
    out = np.empty(size, dtype=np.uint8)
    starts = np.empty(n + 1, dtype=np.int64)
    scratch = np.empty(20, dtype=np.uint8)
    undecided = np.empty((64, 3), dtype=np.int64)
    count = 0
    pos = 0
    for i in range(n):
        starts[i] = pos
        for f in range(kinds.shape[0]):
            kind, r = kinds[f], refs[f]
            if kind == 0:
                for b in range(lit_off[r], lit_off[r + 1]):
                    out[pos] = lit_buf[b]
                    pos += 1
            elif kind == 1:
                for b in range(text_off[r, i], text_off[r, i + 1]):
                    out[pos] = text_buf[b]
                    pos += 1
            elif kind == 2:
                pos = _put_int(out, pos, ints[r, i], scratch)
            elif not skips[r, i]:
                x = floats[r, i]
                ok = False
                m, e = 0, 0
                if x == 0.0 and not np.signbit(x):
                    out[pos] = 48
                    pos += 1
                    continue
                if np.isfinite(x) and x != 0.0:
                    m, e, ok = _digits_g9(abs(x), pow10)
                if not ok:
                    if count == undecided.shape[0]:
                        grown = np.empty((2 * count, 3), dtype=np.int64)
                        grown[:count] = undecided
                        undecided = grown
                    undecided[count, 0], undecided[count, 1], undecided[count, 2] = i, r, pos
                    count += 1
                    continue
                if x < 0:
                    out[pos] = 45
                    pos += 1
                pos = _put_g9(out, pos, m, e, scratch)
    starts[n] = pos
    return out[:pos], starts, undecided[:count]


def _text_column(values: list[str]) -> tuple[bytes, np.ndarray]:
    """UTF-8 bytes of ``values`` joined, and the ``len + 1`` byte offsets of each."""
    joined = "".join(values)
    data = joined.encode("utf-8", "surrogatepass")  # lone surrogates kept as the text holds them (CSV)
    # ASCII: characters are bytes
    pieces = values if len(data) == len(joined) else [v.encode("utf-8", "surrogatepass") for v in values]
    offsets = np.zeros(len(values) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, pieces), dtype=np.int64, count=len(values)), out=offsets[1:])
    return data, offsets


@dataclass
class Rows:
    """A row layout: ``Rows().text(names).lit(" ").int(ids).float(flows).lit("\\n")``."""

    fields: list[tuple[int, object]] = field(default_factory=list)

    def lit(self, text: str) -> "Rows":
        self.fields.append((LITERAL, text))
        return self

    def text(self, values: list[str]) -> "Rows":
        self.fields.append((TEXT, values))
        return self

    def int(self, values: np.ndarray) -> "Rows":
        self.fields.append((INT, np.asarray(values, dtype=np.int64)))
        return self

    def float(self, values: np.ndarray, skip: np.ndarray | None = None) -> "Rows":
        """A ``%.9g`` column; rows where ``skip`` is true write nothing there."""
        self.fields.append((FLOAT, (np.asarray(values, dtype=np.float64), skip)))
        return self

    def render(self, n: int) -> tuple[bytes, np.ndarray]:
        """``n`` rows as UTF-8 bytes, and the byte offset where each row starts (``n + 1`` values)."""
        kinds = np.array([k for k, _ in self.fields], dtype=np.int64)
        refs = np.zeros(len(self.fields), dtype=np.int64)
        literals: list[str] = []
        texts: list[tuple[bytes, np.ndarray]] = []
        ints: list[np.ndarray] = []
        floats: list[np.ndarray] = []
        skips: list[np.ndarray] = []
        for f, (kind, value) in enumerate(self.fields):
            target = {LITERAL: literals, TEXT: texts, INT: ints, FLOAT: floats}[kind]
            refs[f] = len(target)
            if kind == TEXT:
                value = _text_column(value)
            if kind == FLOAT:
                value, skip = value
                skips.append(np.zeros(n, dtype=bool) if skip is None else np.asarray(skip, dtype=bool))
            if kind != LITERAL and kind != TEXT and len(value) != n or kind == TEXT and len(value[1]) != n + 1:
                raise ValueError(f"field {f} has a different number of rows than {n}")
            target.append(value)
        lit_buf, lit_off = _text_column(literals)
        text_buf = b"".join(t[0] for t in texts)
        text_off = np.zeros((max(len(texts), 1), n + 1), dtype=np.int64)
        base = 0
        for j, (data, offsets) in enumerate(texts):
            text_off[j] = offsets + base
            base += len(data)
        int_cols = np.stack(ints) if ints else np.zeros((1, n), dtype=np.int64)
        float_cols = np.stack(floats) if floats else np.zeros((1, n), dtype=np.float64)
        skip_cols = np.stack(skips) if skips else np.zeros((1, n), dtype=bool)
        size = len(text_buf) + n * (len(lit_buf) + 20 * len(ints) + 24 * len(floats)) + 1
        out, starts, undecided = _write(n, kinds, refs, _u8(lit_buf), lit_off, _u8(text_buf), text_off, int_cols,
                                        float_cols, skip_cols, size, _POW10)
        if not len(undecided):
            return out.tobytes(), starts
        # Splice in Python's text of the values the kernel left (a few in 100,000), and shift the offsets.
        texts_py = [("%.9g" % float(float_cols[r, i])).encode() for i, r, _ in undecided.tolist()]
        pieces, previous = [], 0
        for (_, _, at), text in zip(undecided.tolist(), texts_py):
            pieces += [out[previous:at].tobytes(), text]
            previous = at
        pieces.append(out[previous:].tobytes())
        shift = np.concatenate([[0], np.cumsum([len(t) for t in texts_py])])
        starts = starts + shift[np.searchsorted(undecided[:, 0], np.arange(n + 1), side="left")]
        return b"".join(pieces), starts


def _u8(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint8) if data else np.zeros(1, dtype=np.uint8)


def format_g9(values: np.ndarray) -> list[str]:
    """``['%.9g' % x for x in values]``, written by the kernel (the tests' handle on it)."""
    values = np.asarray(values, dtype=np.float64)
    data, starts = Rows().float(values).lit("\n").render(len(values))
    return data.decode().split("\n")[:-1]
