"""Readers of network, partition and tree files.

* Link list: ``source target [weight]`` per line, whitespace separated, ``#``
  comments (whole line or trailing), blank lines ignored. Ids are integers if every
  id parses as one, strings otherwise. A missing weight is 1.
* Pajek: ``*Vertices N`` (``id "label" [weight]``, the weight is the teleportation
  weight), ``*Edges`` (undirected), ``*Arcs`` (directed), ``*Links`` (directed only
  if the caller says so), ``*Edgeslist``/``*Arcslist`` (``source t1 t2 ...``).
  Section names are case-insensitive. A file with both ``*Edges`` and ``*Arcs`` is
  read as directed, each edge becoming two arcs.
* Format detection: a Pajek section header before the first data line means Pajek;
  otherwise a link list (whatever the extension: ``ninetriangles.net`` is a link list).
* ``.clu``: ``node module [flow]`` per line; ``.tree``/``.ftree``: ``path flow
  "name" node_id`` (the ``*Links`` part of an ``.ftree`` is skipped).

Errors raise :class:`~infomap_core.errors.ParseError` with the 1-based line number.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import InvalidWeightError, ParseError
from ..network import Network

__all__ = ["read_network", "parse_network", "read_partition", "parse_partition", "read_tree", "parse_tree"]

_COMMENT = re.compile(rb"#[^\n]*")
_HEADER = re.compile(rb"^\s*\*(vertices|edges|arcs|links|edgeslist|arcslist)\b", re.IGNORECASE | re.MULTILINE)
_VERTEX = re.compile(r'^\s*(\S+)\s*(?:"([^"]*)"|(\S+))?\s*(\S+)?\s*$')


def _as_bytes(data: str | bytes) -> bytes:
    return data.encode() if isinstance(data, str) else bytes(data)


def read_network(path: str | os.PathLike, *, format: str | None = None, directed: bool | None = None) -> Network:
    """Read a link-list or Pajek file (see module docstring)."""
    return parse_network(Path(path).read_bytes(), format=format, directed=directed)


def parse_network(data: str | bytes, *, format: str | None = None, directed: bool | None = None) -> Network:
    """Parse network text; ``format`` is None (detect), ``"link-list"`` or ``"pajek"``."""
    raw = _as_bytes(data)
    if format not in (None, "link-list", "pajek"):
        raise ParseError(f"unknown network format {format!r}; expected link-list or pajek", field="format")
    if format is None:
        format = "pajek" if _is_pajek(raw) else "link-list"
    if format == "pajek":
        return _parse_pajek(raw, directed)
    src, tgt, w = _parse_links(raw, first_line=1)
    return Network.from_arrays(src, tgt, w, directed=bool(directed))


def _is_pajek(raw: bytes) -> bool:
    for line in raw.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(b"#"):
            continue
        return bool(_HEADER.match(stripped))
    return False


def _ids(tokens: list[bytes]) -> np.ndarray:
    arr = np.array(tokens)
    try:
        return arr.astype(np.int64)
    except (ValueError, OverflowError):
        return np.array([t.decode("utf-8", "replace") for t in tokens], dtype=object)


def _parse_links(raw: bytes, first_line: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(source ids, target ids, weights) of ``source target [weight]`` lines."""
    text = _COMMENT.sub(b"", raw) if b"#" in raw else raw
    width, rows = _uniform_width(text)
    if rows == 0:
        raise ParseError("the network has no links", field="network")
    if width in (2, 3):
        numeric = _numeric_table(text, width, rows)
        if numeric is not None:
            return numeric
        tokens = text.split()
        src, tgt = _ids(tokens[0::width]), _ids(tokens[1::width])
        if src.dtype != tgt.dtype:
            src, tgt = (np.array([str(x) for x in a], dtype=object) for a in (src, tgt))
        if width == 3:
            try:
                w = np.array(tokens[2::3]).astype(np.float64)
            except ValueError:
                _raise_first_bad_line(raw, first_line)
            if not np.all(np.isfinite(w)) or np.any(w < 0):
                _raise_first_bad_line(raw, first_line)
        else:
            w = np.ones(rows)
        return src, tgt, w
    return _parse_links_slowly(raw, first_line)


def _numeric_table(text: bytes, width: int, rows: int):
    """Fast path: an all-numeric table with integral ids below 2**53, else None."""
    try:
        values = np.fromstring(text, dtype=np.float64, sep=" ")  # C parser; stops at the first non-number
    except (ValueError, DeprecationWarning):
        return None
    if values.shape[0] != width * rows:
        return None
    table = values.reshape(rows, width)
    ids = table[:, :2]
    if not (np.all(np.isfinite(ids)) and np.all(ids == np.round(ids)) and np.all(np.abs(ids) < 2**53)):
        return None
    w = table[:, 2] if width == 3 else np.ones(rows)
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        return None
    return ids[:, 0].astype(np.int64), ids[:, 1].astype(np.int64), np.ascontiguousarray(w)


def _uniform_width(text: bytes) -> tuple[int, int]:
    """(tokens per non-empty line if all lines agree else -1, number of non-empty lines)."""
    b = np.frombuffer(text, dtype=np.uint8)
    if b.size == 0:
        return -1, 0
    space = (b == 32) | (b == 9) | (b == 13) | (b == 10) | (b == 11) | (b == 12)
    prev_space = np.empty_like(space)
    prev_space[0] = True
    prev_space[1:] = space[:-1]
    starts = ~space & prev_space
    line = np.cumsum(b == 10)
    per_line = np.bincount(line[starts])
    per_line = per_line[per_line > 0]
    if per_line.size == 0:
        return -1, 0
    return (int(per_line[0]) if np.all(per_line == per_line[0]) else -1), int(per_line.size)


def _parse_links_slowly(raw: bytes, first_line: int):
    """Line by line: mixed 2/3-column lines, or find the first bad line."""
    src, tgt, w = [], [], []
    for number, line in enumerate(raw.split(b"\n"), start=first_line):
        parts = line.split(b"#", 1)[0].split()
        if not parts:
            continue
        if len(parts) not in (2, 3):
            raise ParseError(f"expected 'source target [weight]', got {len(parts)} fields", line=number, field="network")
        weight = 1.0
        if len(parts) == 3:
            weight = _weight(parts[2], number)
        src.append(parts[0])
        tgt.append(parts[1])
        w.append(weight)
    if not src:
        raise ParseError("the network has no links", field="network")
    ids = _ids(src + tgt)
    return ids[: len(src)], ids[len(src):], np.array(w)


def _weight(token: bytes, number: int) -> float:
    try:
        value = float(token)
    except ValueError:
        raise ParseError(f"weight {token.decode(errors='replace')!r} is not a number", line=number, field="network")
    if not np.isfinite(value):
        raise InvalidWeightError(f"weights must be finite, got {value}", line=number, field="network")
    if value < 0:
        raise InvalidWeightError(f"weights must be >= 0, got {value}", line=number, field="network")
    return value


def _raise_first_bad_line(raw: bytes, first_line: int):
    _parse_links_slowly(raw, first_line)
    raise ParseError("malformed link list", field="network")  # pragma: no cover


def _parse_pajek(raw: bytes, directed: bool | None) -> Network:
    lines = raw.decode("utf-8", "replace").split("\n")
    section = None
    vertex_ids: list[str] = []
    names: dict[str, str] = {}
    weights: dict[str, float] = {}
    chunks: list[tuple[str, int, list[str]]] = []
    current: list[str] = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            if current is not None and section in ("edges", "arcs", "links"):
                current.append("")
            continue
        if stripped.startswith("*"):
            head = stripped[1:].split()[0].lower()
            if head not in ("vertices", "edges", "arcs", "links", "edgeslist", "arcslist"):
                raise ParseError(f"unknown Pajek section *{head}", line=number, field="network")
            section = head
            if head in ("edges", "arcs", "links", "edgeslist", "arcslist"):
                current = []
                chunks.append((head, number + 1, current))
            continue
        if section is None:
            raise ParseError("data before the first Pajek section", line=number, field="network")
        if section == "vertices":
            m = _VERTEX.match(stripped)
            if not m:
                raise ParseError("expected 'id \"label\" [weight]'", line=number, field="network")
            vid, quoted, bare, weight = m.groups()
            vertex_ids.append(vid)
            names[vid] = quoted if quoted is not None else (bare if bare is not None else vid)
            if weight is not None:
                weights[vid] = _weight(weight.encode(), number)
        else:
            current.append(line)
    kinds = {kind for kind, _, _ in chunks}
    is_directed = bool(directed) if directed is not None else ("arcs" in kinds or "arcslist" in kinds)
    src_all, tgt_all, w_all = [], [], []
    for kind, start, body in chunks:
        if kind in ("edgeslist", "arcslist"):
            s, t, w = _parse_adjacency_list(body, start)
        else:
            s, t, w = _parse_links("\n".join(body).encode(), first_line=start)
        s, t = s.astype(str).astype(object) if s.dtype.kind != "O" else s, t.astype(str).astype(object) if t.dtype.kind != "O" else t
        if is_directed and kind in ("edges", "edgeslist") and directed is None:
            s, t, w = np.concatenate([s, t]), np.concatenate([t, s]), np.concatenate([w, w])
        src_all.append(s)
        tgt_all.append(t)
        w_all.append(w)
    if not src_all:
        raise ParseError("the Pajek file has no *Edges, *Arcs or *Links section", field="network")
    src = np.concatenate(src_all)
    tgt = np.concatenate(tgt_all)
    w = np.concatenate(w_all)
    nodes = vertex_ids or None
    numeric = all(_is_int(x) for x in (vertex_ids or [])) and all(_is_int(x) for x in src[:1000]) and all(
        _is_int(x) for x in tgt[:1000])
    if numeric:
        try:
            src, tgt = src.astype(np.int64), tgt.astype(np.int64)
            nodes = [int(x) for x in vertex_ids] if vertex_ids else None
            names_ = {int(k): v for k, v in names.items()}
            weights_ = {int(k): v for k, v in weights.items()}
        except ValueError:
            numeric = False
    if not numeric:
        names_, weights_ = names, weights
        src, tgt = src.astype(str).astype(object), tgt.astype(str).astype(object)
    if nodes is not None:
        unknown = set(np.unique(np.concatenate([src, tgt])).tolist()) - set(nodes)
        if unknown:
            raise ParseError(f"link to node {sorted(unknown, key=str)[0]!r} which *Vertices does not list", field="network")
    return Network.from_arrays(src, tgt, w, directed=is_directed, nodes=nodes,
                               node_weights=weights_ or None, node_names=names_ or None)


def _is_int(token: Any) -> bool:
    try:
        int(token)
        return True
    except (TypeError, ValueError):
        return False


def _parse_adjacency_list(body: list[str], start: int):
    src, tgt = [], []
    for number, line in enumerate(body, start=start):
        parts = line.split("#", 1)[0].split()
        if len(parts) < 2:
            continue
        src.extend([parts[0]] * (len(parts) - 1))
        tgt.extend(parts[1:])
    return np.array(src, dtype=object), np.array(tgt, dtype=object), np.ones(len(src))


# ------------------------------------------------------------------ partitions
def read_partition(path: str | os.PathLike) -> dict:
    """{node id: module} from a ``.clu`` file."""
    return parse_partition(Path(path).read_text(errors="replace"))


def parse_partition(text: str) -> dict:
    nodes, modules = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        if parts[0].startswith("*"):
            continue
        if len(parts) not in (2, 3):
            raise ParseError(f"expected 'node module [flow]', got {len(parts)} fields", line=number, field="partition")
        try:
            modules.append(int(parts[1]))
        except ValueError:
            raise ParseError(f"module {parts[1]!r} is not an integer", line=number, field="partition")
        nodes.append(parts[0])
    if not nodes:
        raise ParseError("the partition file lists no nodes", field="partition")
    ids: list = [int(x) for x in nodes] if all(_is_int(x) for x in nodes) else nodes
    return dict(zip(ids, modules))


def read_tree(path: str | os.PathLike) -> list[tuple[tuple[int, ...], float, str, Any]]:
    """Rows (path, flow, name, node id) of a ``.tree`` or ``.ftree`` file."""
    return parse_tree(Path(path).read_text(errors="replace"))


_TREE_ROW = re.compile(r'^\s*(\S+)\s+(\S+)\s+"(.*)"\s+(\S+)\s*$')


def parse_tree(text: str) -> list[tuple[tuple[int, ...], float, str, Any]]:
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("*"):
            break  # the module links of an .ftree
        m = _TREE_ROW.match(stripped)
        if not m:
            raise ParseError("expected 'path flow \"name\" node_id'", line=number, field="partition")
        path, flow, name, node = m.groups()
        try:
            rows.append((tuple(int(x) for x in path.split(":")), float(flow), name, node))
        except ValueError:
            raise ParseError(f"bad path {path!r} or flow {flow!r}", line=number, field="partition")
    if not rows:
        raise ParseError("the tree file lists no nodes", field="partition")
    if all(_is_int(r[3]) for r in rows):
        rows = [(p, f, n, int(i)) for p, f, n, i in rows]
    return rows
