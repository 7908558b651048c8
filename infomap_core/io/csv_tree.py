"""The ``.csv`` tree file: ``path,flow,name,node_id`` (RFC 4180), as mapeq and the official write it.

Read with Python's :mod:`csv` module; text cells lose the formula guard that
:func:`infomap_core.textfields.csv_text_cell` adds (one leading ``'``). ``node_id`` is int
if every id is an integer token, strings otherwise. Rows are :class:`TreeRow`, as from a
``.tree`` file. A malformed row is a :class:`ParseError` naming the 1-based record.
"""

from __future__ import annotations

import csv
import io
import math
import os

from ..errors import ParseError
from ..textfields import csv_unguard
from ._common import as_bytes, decode, int_token, read_bytes
from .tree_file import TreeRow

__all__ = ["read_tree_csv", "parse_tree_csv"]

_FIELD = "tree"
_COLUMNS = ["path", "flow", "name", "node_id"]


def read_tree_csv(path: str | os.PathLike) -> list[TreeRow]:
    """The rows of a ``.csv`` tree file (see :func:`parse_tree_csv`)."""
    return parse_tree_csv(read_bytes(path))


def parse_tree_csv(data: str | bytes) -> list[TreeRow]:
    """``(path, flow, name, node_id)`` of every row, in file order.

    Examples
    --------
    >>> parse_tree_csv('path,flow,name,node_id\\n1:1,0.5,"\\'=x",7\\n')
    [TreeRow(path=(1, 1), flow=0.5, name='=x', node_id=7)]
    """
    reader = csv.reader(io.StringIO(decode(as_bytes(data, _FIELD)), newline=""))
    header = next(reader, None)
    if header != _COLUMNS:
        raise ParseError(f"expected the columns {','.join(_COLUMNS)}, got {header}", line=1, field=_FIELD)
    rows = []
    for number, record in enumerate(reader, start=2):
        if len(record) != 4:
            raise ParseError(f"expected 4 cells, got {len(record)}", line=number, field=_FIELD)
        path_text, flow_text, name, node = record
        try:
            path = tuple(int(x) for x in path_text.split(":"))
            flow = float(flow_text)
        except ValueError:
            raise ParseError(f"bad path {path_text!r} or flow {flow_text!r}", line=number, field=_FIELD) from None
        if not math.isfinite(flow) or flow < 0 or min(path) < 1:
            raise ParseError(f"bad path {path_text!r} or flow {flow_text!r}", line=number, field=_FIELD)
        rows.append((path, flow, csv_unguard(name), node))
    ints = [int_token(r[3].encode()) for r in rows]
    ids = ints if None not in ints else [csv_unguard(r[3]) for r in rows]
    return [TreeRow(p, f, nm, i) for (p, f, nm, _), i in zip(rows, ids)]
