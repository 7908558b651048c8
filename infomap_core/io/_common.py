"""Helpers shared by the readers: input bytes, id typing, weights, decoding."""

from __future__ import annotations

import gzip
import math
import os
import re
from pathlib import Path

import numpy as np

from ..errors import InvalidWeightError, ParseError

_INT_TOKEN = re.compile(rb"[+-]?[0-9]+")
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


def as_bytes(data: str | bytes | bytearray | memoryview, field: str) -> bytes:
    """The input as bytes (str is encoded as UTF-8)."""
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise ParseError(f"expected text (str or bytes), got {type(data).__name__}", field=field)


def read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a file; ``.gz`` files are decompressed."""
    path = Path(path)
    raw = path.read_bytes()
    if path.suffix == ".gz" or raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return raw


def int_token(token: bytes) -> int | None:
    """The value of an integer token (``[+-]?[0-9]+`` within int64), else None.

    The same rule as the numba scanner, so both paths type ids identically.
    """
    if _INT_TOKEN.fullmatch(token) is None:
        return None
    value = int(token)
    return value if _INT64_MIN <= value <= _INT64_MAX else None


def parse_weight(token: bytes | str, line: int, field: str, what: str = "weight") -> float:
    """A weight token as a float: a number (ParseError), finite and >= 0 (InvalidWeightError)."""
    try:
        value = float(token)
    except ValueError:
        text = token.decode("utf-8", "replace") if isinstance(token, bytes) else token
        raise ParseError(f"{what} {text!r} is not a number", line=line, field=field) from None
    if not math.isfinite(value):
        raise InvalidWeightError(f"{what}s must be finite, got {value}", line=line, field=field)
    if value < 0:
        raise InvalidWeightError(f"{what}s must be >= 0, got {value}", line=line, field=field)
    return value


def decode(raw: bytes) -> str:
    """UTF-8 text; bytes that are not UTF-8 are read as Latin-1 (every byte maps to a distinct char)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def decode_ids(tokens: np.ndarray) -> np.ndarray:
    """Object array of str ids from a fixed-width bytes (``S``) array; decodes each distinct token once."""
    if tokens.size == 0:
        return np.zeros(0, dtype=object)
    uniq, inverse = np.unique(tokens, return_inverse=True)
    raw = uniq.tolist()
    try:
        names = [t.decode("utf-8") for t in raw]
    except UnicodeDecodeError:
        names = [t.decode("latin-1") for t in raw]
    table = np.empty(len(names), dtype=object)
    table[:] = names
    return table[inverse.reshape(-1)]


def strip_comment(line: bytes) -> bytes:
    """The line up to its first ``#``."""
    cut = line.find(b"#")
    return line if cut < 0 else line[:cut]


def split_lines(buf: bytes, pos: int, line: int, stop: int | None = None):
    """Yield ``(line number, start offset, fields before any '#')`` for each line from
    offset ``pos`` (numbered ``line``) to ``stop`` (the end by default)."""
    stop = len(buf) if stop is None else stop
    while pos < stop:
        end = buf.find(b"\n", pos)
        if end < 0:
            end = len(buf)
        yield line, pos, strip_comment(buf[pos:end]).split()
        pos, line = end + 1, line + 1
