"""numba kernels of the link-list reader: one pass over the bytes of a file.

``scan_links`` reads ``source target [weight]`` lines from ``buf[start:stop]`` in a
single pass: ``#`` starts a comment, blank lines are skipped, a line whose first
non-blank byte is ``*`` (a Pajek section header) ends the scan. Blanks are the ASCII
whitespace bytes 9-13 and 32, as in ``bytes.split``.

Ids (mode 0) are parsed as int64 when they match ``[+-]?[0-9]+`` and fit; the first
id that does not stops the scan with ``STRING_ID`` and the caller rescans in mode 1,
which records the byte range of every id token instead. Weights are parsed exactly
on the fast path of Clinger (1990): a decimal ``m * 10^e`` with ``m <= 2^53`` and
``|e| <= 22`` is one correctly rounded multiplication or division, so the result is
bit-identical to ``float(token)``. Any other weight token (more digits, a sign, a
larger exponent, ``nan``, junk) is *deferred*: its byte range and line go to the
``d_*`` arrays and Python's ``float`` decides, and raises, for it.

The kernel never raises; it returns ``(status, rows, deferred, line, pos, arg)``:

* ``OK``: ``stop`` reached.
* ``HEADER``: stopped at the header line ``line`` which starts at byte ``pos``.
* ``COLUMNS``: line ``line`` (starting at ``pos``) has ``arg`` fields, not 2 or 3.
* ``STRING_ID`` (mode 0): line ``line`` has an id that is not an int64 integer.
"""

from __future__ import annotations

import numpy as np
from numba import njit

OK, HEADER, COLUMNS, STRING_ID = 0, 1, 2, 3
POW10 = np.array([10.0**k for k in range(23)], dtype=np.float64)  # exact for k <= 22


@njit(cache=True, inline="always")
def _blank(c):
    return c == 32 or (c >= 9 and c <= 13 and c != 10)


@njit(cache=True)
def _parse_int(buf, ts, te):
    """(ok, value) of an int64 token ``[+-]?[0-9]+``."""
    i = ts
    neg = False
    c = buf[i]
    if c == 43 or c == 45:
        neg = c == 45
        i += 1
    if i == te:
        return False, 0
    for j in range(i, te):
        if buf[j] < 48 or buf[j] > 57:
            return False, 0
    while i < te - 1 and buf[i] == 48:
        i += 1
    n = te - i
    if n > 19:
        return False, 0
    if n == 19:
        q = 0
        for j in range(i, te - 1):
            q = q * 10 + (buf[j] - 48)
        d = buf[te - 1] - 48
        limit = 8 if neg else 7
        if q > 922337203685477580 or (q == 922337203685477580 and d > limit):
            return False, 0
        acc = -(q * 10) - d
    else:
        acc = 0
        for j in range(i, te):
            acc = acc * 10 - (buf[j] - 48)
    if neg:
        return True, acc
    return True, -acc


@njit(cache=True)
def _parse_weight(buf, ts, te, pow10):
    """(ok, value) of a non-negative decimal on Clinger's fast path; ok False defers to Python."""
    i = ts
    if buf[i] == 43:
        i += 1
    m = 0
    sig = 0
    frac = 0
    digits = 0
    dot = False
    while i < te:  # digits with at most one '.'; m keeps at most 18 significant digits
        if buf[i] == 46 and not dot:
            dot = True
            i += 1
            continue
        if buf[i] < 48 or buf[i] > 57:
            break
        d = buf[i] - 48
        digits += 1
        if dot:
            frac += 1
        if m != 0 or d != 0:
            if sig == 18:
                return False, 0.0
            m = m * 10 + d
            sig += 1
        i += 1
    if digits == 0:
        return False, 0.0
    e = 0
    if i < te and (buf[i] == 101 or buf[i] == 69):
        i += 1
        eneg = False
        if i < te and (buf[i] == 43 or buf[i] == 45):
            eneg = buf[i] == 45
            i += 1
        ed = 0
        while i < te and buf[i] >= 48 and buf[i] <= 57:
            if ed == 4:
                return False, 0.0
            e = e * 10 + (buf[i] - 48)
            ed += 1
            i += 1
        if ed == 0:
            return False, 0.0
        if eneg:
            e = -e
    if i != te:
        return False, 0.0
    if m == 0:
        return True, 0.0
    if m > 9007199254740992:
        return False, 0.0
    e10 = e - frac
    if e10 >= 0:
        if e10 > 22:
            return False, 0.0
        return True, float(m) * pow10[e10]
    if e10 < -22:
        return False, 0.0
    return True, float(m) / pow10[-e10]


@njit(cache=True)
def _read_weight(buf, ts, te, pow10, row, line, weight, d_row, d_start, d_end, d_line, nd):
    """``weight[row]`` from the token ``buf[ts:te]``, or the token deferred to Python's
    ``float`` (``weight[row]`` 0 until then); returns the new number of deferred tokens."""
    ok, x = _parse_weight(buf, ts, te, pow10)
    if ok:
        weight[row] = x
        return nd
    weight[row] = 0.0
    d_row[nd] = row
    d_start[nd] = ts
    d_end[nd] = te
    d_line[nd] = line
    return nd + 1


@njit(cache=True)
def scan_links(buf, start, stop, first_line, mode, pow10, src, tgt, id_start, id_end, weight,
               d_row, d_start, d_end, d_line):
    """Scan ``source target [weight]`` lines of ``buf[start:stop]`` (uint8).

    Mode 0 writes int64 ids to ``src``/``tgt``; mode 1 writes the byte range of the
    source id of row ``r`` to ``id_start[2r]``/``id_end[2r]`` and of the target to
    ``[2r + 1]``. ``weight`` gets the weight (1 when missing); deferred weight tokens
    go to ``d_row``, ``d_start``, ``d_end``, ``d_line``. Arrays hold one slot per line.
    """
    i = start
    line = first_line
    row = 0
    nd = 0
    while i < stop:
        line_start = i
        while i < stop and _blank(buf[i]):
            i += 1
        if i < stop and buf[i] == 42:
            return HEADER, row, nd, line, line_start, 0
        ntok = 0
        while i < stop:  # the tokenizer is written out in both scanners: as a helper it read 20-35% slower
            c = buf[i]
            if c == 10 or c == 35:
                break
            if _blank(c):
                i += 1
                continue
            ts = i
            while i < stop:
                c = buf[i]
                if c == 10 or c == 35 or _blank(c):
                    break
                i += 1
            ntok += 1
            if ntok <= 2:
                if mode == 0:
                    ok, v = _parse_int(buf, ts, i)
                    if not ok:
                        return STRING_ID, row, nd, line, line_start, 0
                    if ntok == 1:
                        src[row] = v
                    else:
                        tgt[row] = v
                else:
                    id_start[2 * row + ntok - 1] = ts
                    id_end[2 * row + ntok - 1] = i
            elif ntok == 3:
                nd = _read_weight(buf, ts, i, pow10, row, line, weight, d_row, d_start, d_end, d_line, nd)
        while i < stop and buf[i] != 10:
            i += 1
        if ntok != 0:
            if ntok < 2 or ntok > 3:
                return COLUMNS, row, nd, line, line_start, ntok
            if ntok == 2:
                weight[row] = 1.0
            row += 1
        i += 1
        line += 1
    return OK, row, nd, line, stop, 0


@njit(cache=True)
def gather_tokens(buf, starts, ends, width):
    """uint8[n, width] of the tokens ``buf[starts[k]:ends[k]]``, zero padded (an ``S`` array)."""
    n = starts.shape[0]
    out = np.zeros((n, width), dtype=np.uint8)
    for k in range(n):
        s = starts[k]
        for j in range(ends[k] - s):
            out[k, j] = buf[s + j]
    return out


@njit(cache=True)
def scan_int_rows(buf, start, stop, first_line, width, max_tokens, pow10, ids, weight, row_line,
                  d_row, d_start, d_end, d_line):
    """Scan lines of ``width`` int64 ids and, when ``max_tokens > width``, an optional weight
    (the higher-order sections: ``layer node node [weight]``, ...) from ``buf[start:stop]``.

    Row ``r`` gets ``ids[r, :]``, ``weight[r]`` (1 when missing) and its line ``row_line[r]``;
    weights off the fast path are deferred as in :func:`scan_links`. Same statuses: ``COLUMNS``
    for a line with fewer than ``width`` or more than ``max_tokens`` fields, ``STRING_ID`` for an
    id that is not an int64 integer (the caller re-reads the section line by line for the error).
    """
    i = start
    line = first_line
    row = 0
    nd = 0
    while i < stop:
        line_start = i
        while i < stop and _blank(buf[i]):
            i += 1
        if i < stop and buf[i] == 42:
            return HEADER, row, nd, line, line_start, 0
        ntok = 0
        while i < stop:  # the tokenizer is written out in both scanners: as a helper it read 20-35% slower
            c = buf[i]
            if c == 10 or c == 35:
                break
            if _blank(c):
                i += 1
                continue
            ts = i
            while i < stop:
                c = buf[i]
                if c == 10 or c == 35 or _blank(c):
                    break
                i += 1
            ntok += 1
            if ntok <= width:
                ok, v = _parse_int(buf, ts, i)
                if not ok:
                    return STRING_ID, row, nd, line, line_start, 0
                ids[row, ntok - 1] = v
            elif ntok == width + 1 and ntok <= max_tokens:
                nd = _read_weight(buf, ts, i, pow10, row, line, weight, d_row, d_start, d_end, d_line, nd)
        while i < stop and buf[i] != 10:
            i += 1
        if ntok != 0:
            if ntok < width or ntok > max_tokens:
                return COLUMNS, row, nd, line, line_start, ntok
            if ntok == width:
                weight[row] = 1.0
            row_line[row] = line
            row += 1
        i += 1
        line += 1
    return OK, row, nd, line, stop, 0
