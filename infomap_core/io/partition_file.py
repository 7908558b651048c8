"""Partition (``.clu``) files: ``node module [flow]`` per line.

The official Infomap writes ``# node_id module flow`` under a few ``#`` header lines;
the flow column is checked to be a number and otherwise ignored. ``#`` starts a
comment, blank lines are skipped. Module ids are integers (any sign). Node ids are
int if every node id is an integer token (``[+-]?[0-9]+`` within 64 bits), strings
otherwise. A node listed twice, a line with another number of fields, or a line
starting with ``*`` is a :class:`ParseError` naming the 1-based line. String ids are
unescaped as :mod:`infomap_core.textfields` writes them (``a\\x20b`` is ``a b``).
"""

from __future__ import annotations

import math
import os

from ..errors import ParseError
from ..textfields import unescape
from ._common import as_bytes, decode, int_token, read_bytes, strip_comment

__all__ = ["read_partition", "parse_partition"]

_FIELD = "partition"


def read_partition(path: str | os.PathLike) -> dict:
    """``{node_id: module_id}`` from a ``.clu`` file (see :func:`parse_partition`)."""
    return parse_partition(read_bytes(path))


def parse_partition(data: str | bytes) -> dict:
    """``{node_id: module_id}``, in file order, from the text of a ``.clu`` file.

    Raises
    ------
    ParseError
        A malformed line (with ``.line``), a duplicate node, or no node at all.
    """
    raw = as_bytes(data, _FIELD)
    nodes: list[bytes] = []
    modules: list[int] = []
    lines: list[int] = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        parts = strip_comment(line).split()
        if not parts:
            continue
        if parts[0].startswith(b"*"):
            raise ParseError("a section header in a partition file; expected 'node module [flow]' lines",
                             line=number, field=_FIELD)
        if len(parts) not in (2, 3):
            raise ParseError(f"expected 'node module [flow]', got {len(parts)} fields", line=number, field=_FIELD)
        module = int_token(parts[1])
        if module is None:
            raise ParseError(f"module {decode(parts[1])!r} is not an integer", line=number, field=_FIELD)
        if len(parts) == 3:
            try:
                flow = float(parts[2])
            except ValueError:
                flow = math.nan
            if not math.isfinite(flow):
                raise ParseError(f"flow {decode(parts[2])!r} is not a finite number", line=number, field=_FIELD)
        nodes.append(parts[0])
        modules.append(module)
        lines.append(number)
    if not nodes:
        raise ParseError("the partition file lists no nodes", field=_FIELD)
    ints = [int_token(t) for t in nodes]
    ids: list = ints if None not in ints else [unescape(decode(t)) for t in nodes]
    partition: dict = {}
    first: dict = {}
    for node, module, number in zip(ids, modules, lines):
        if node in partition:
            raise ParseError(f"node {node!r} is listed twice (first on line {first[node]})", line=number, field=_FIELD)
        partition[node] = module
        first[node] = number
    return partition
