"""Typed exceptions raised by the engine.

Every error names the problem and, where it applies, the field (``field``) or the
line of an input file (``line``), so that the CLI and the REST service can turn it
into a one-line message or an HTTP 4xx body without guessing.
"""

from __future__ import annotations


class MapEqError(ValueError):
    """Base class of all input errors raised by :mod:`infomap_core`."""

    code = "invalid_input"

    def __init__(self, message: str, *, field: str | None = None, line: int | None = None):
        self.message = message
        self.field = field
        self.line = line
        where = f"line {line}: " if line is not None else ""
        super().__init__(f"{where}{message}")

    def __reduce__(self):
        # Keep field and line across pickling (errors raised on Dask workers).
        return _rebuild, (type(self), self.message, self.field, self.line)


def _rebuild(cls, message, field, line):
    return cls(message, field=field, line=line)


class NetworkError(MapEqError):
    """The network is malformed: bad weights, ids, shapes or empty."""

    code = "invalid_network"


class InvalidWeightError(NetworkError):
    """A link or node weight is NaN, infinite or negative."""

    code = "invalid_weight"


class EmptyNetworkError(NetworkError):
    """The network has no links (or no link with positive weight)."""

    code = "empty_network"


class ParseError(NetworkError):
    """A network, partition or tree file could not be parsed (``line`` is 1-based)."""

    code = "parse_error"


class PartitionError(MapEqError):
    """A partition or tree does not fit the network (unknown or missing node ids)."""

    code = "invalid_partition"


class OptionError(MapEqError):
    """An engine option is out of range or unknown."""

    code = "invalid_option"
