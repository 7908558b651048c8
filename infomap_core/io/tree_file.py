"""Tree files of the official Infomap: ``.tree`` and the tree part of ``.ftree``.

Each row is ``path flow "name" node_id``, for example ``1:2:3 0.0123 "name" 17``:

* ``path``: the 1-based ranks from the top module down to the node, ``:``-separated;
* ``flow``: the node's flow, a finite number >= 0;
* ``name``: the text between the first and the last ``"`` (it may hold spaces and
  ``#``); a single unquoted token is accepted too;
* ``node_id``: int if every node id is an integer token, strings otherwise.

A state-level tree (the official ``NAME_states.tree``, told by its column line
``# path flow name state_id node_id [layer_id]``) has rows ``path flow "name" state_id
node_id [layer_id]``; its ``node_id`` here is the state id.

Names and string ids are unescaped as :mod:`infomap_core.textfields` writes them
(``\\x22`` is a quote, ``\\n`` a line feed, ...).

Lines starting with ``#`` are comments (there are no trailing comments: names may
hold ``#``). In an ``.ftree`` file reading stops at the first ``*Links`` line (the
links between modules are not read). A node listed twice, any other ``*`` section or a
malformed row is a :class:`ParseError` naming the 1-based line.

The rows are returned as they are; building a hierarchy from them is the job of
:mod:`infomap_core.tree`.
"""

from __future__ import annotations

import math
import os
import re
from typing import NamedTuple

from ..errors import ParseError
from ..textfields import unescape
from ._common import as_bytes, decode, int_token, read_bytes

__all__ = ["TreeRow", "read_tree", "parse_tree"]

_FIELD = "tree"
_ROW = re.compile(r'(\S+)\s+(\S+)\s+(?:"(.*)"|([^\s"]+))\s+(\S+)')
# a state-level tree (the official NAME_states.tree): path flow "name" state_id node_id [layer_id]
_STATE_ROW = re.compile(r'(\S+)\s+(\S+)\s+(?:"(.*)"|([^\s"]+))\s+(\S+)\s+\S+(?:\s+\S+)?')
_PATH = re.compile(r"[1-9][0-9]*(?::[1-9][0-9]*)*")


class TreeRow(NamedTuple):
    """One leaf of a tree file: ``(path, flow, name, node_id)``."""

    path: tuple[int, ...]
    flow: float
    name: str
    node_id: int | str


def read_tree(path: str | os.PathLike) -> list[TreeRow]:
    """The rows of a ``.tree`` or ``.ftree`` file (see :func:`parse_tree`)."""
    return parse_tree(read_bytes(path))


def parse_tree(data: str | bytes) -> list[TreeRow]:
    """The rows ``(path, flow, name, node_id)`` of a tree file, in file order.

    Raises
    ------
    ParseError
        A malformed row (with ``.line``), a duplicate node id, or no row at all.
    """
    text = decode(as_bytes(data, _FIELD))
    rows: list[tuple[tuple[int, ...], float, str, str]] = []
    lines: list[int] = []
    row_pattern = _ROW
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("# path flow name state_id"):
            row_pattern = _STATE_ROW  # the id read is the state id
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("*"):
            if stripped[1:].split(None, 1)[0].lower() == "links":
                break
            raise ParseError(f"unexpected section {stripped.split(None, 1)[0]!r} in a tree file",
                             line=number, field=_FIELD)
        m = row_pattern.fullmatch(stripped)
        if m is None:
            expected = "state_id node_id [layer_id]" if row_pattern is _STATE_ROW else "node_id"
            raise ParseError(f"expected 'path flow \"name\" {expected}'", line=number, field=_FIELD)
        path, flow_text, quoted, bare, node = m.groups()
        if _PATH.fullmatch(path) is None:
            raise ParseError(f"path {path!r} is not a ':'-separated list of positive integers",
                             line=number, field=_FIELD)
        try:
            flow = float(flow_text)
        except ValueError:
            flow = math.nan
        if not math.isfinite(flow) or flow < 0:
            raise ParseError(f"flow {flow_text!r} is not a finite number >= 0", line=number, field=_FIELD)
        name = unescape(quoted) if quoted is not None else unescape(bare)
        rows.append((tuple(int(x) for x in path.split(":")), flow, name, node))
        lines.append(number)
    if not rows:
        raise ParseError("the tree file lists no nodes", field=_FIELD)
    ints = [int_token(r[3].encode()) for r in rows]
    ids: list = ints if None not in ints else [unescape(r[3]) for r in rows]
    seen: dict = {}
    out: list[TreeRow] = []
    for (path, flow, name, _), node, number in zip(rows, ids, lines):
        if node in seen:
            raise ParseError(f"node {node!r} is listed twice (first on line {seen[node]})", line=number, field=_FIELD)
        seen[node] = number
        out.append(TreeRow(path, flow, name, node))
    return out
