"""Readers of the official higher-order formats, told apart by their section headers.

* **state network**: ``*Vertices`` (physical nodes ``id ["name"]``, optional), ``*States``
  (``state_id physical_id ["name"]``), then ``*Links``/``*Edges``/``*Arcs`` between state ids.
* **multilayer**: ``*Multilayer`` or ``*Multiplex`` (``layer node layer node [weight]``),
  or ``*Intra`` (``layer node node [weight]``) with an optional ``*Inter``
  (``layer node layer [weight]``); ``*Vertices`` names the physical nodes.
* **bipartite**: ``*Bipartite START_ID`` followed by ``source target [weight]`` lines;
  node ids ``>= START_ID`` are feature nodes.

Ids are integers. Errors name the line: a state whose physical node ``*Vertices`` does not
list, a link to an undeclared state, a negative layer id or an ``*Inter`` link to a layer
that has no ``*Intra`` link, a start id beyond the node ids, first-order link sections mixed
with multilayer ones, ``*States`` mixed with multilayer or bipartite sections.

Examples
--------
>>> net = parse_higher_order(b"*Intra\\n1 1 2\\n1 2 3\\n2 1 3\\n")
>>> net.layers.tolist(), net.physical_ids.tolist()
([1, 1, 1, 2, 2], [1, 2, 3])
"""

from __future__ import annotations

import re

import numpy as np

from ..errors import NetworkError, ParseError
from ..multilayer import RelaxOptions
from ..network import Network
from ._common import decode, int_token, parse_weight, strip_comment
from .pajek import _Vertices, _vertex_line

__all__ = ["HIGHER_ORDER_SECTIONS", "is_higher_order", "parse_higher_order"]

HIGHER_ORDER_SECTIONS = ("states", "multilayer", "multiplex", "intra", "inter", "bipartite")
_LINKS = ("links", "edges", "arcs")
_DETECT = re.compile(rb"(?im)^[ \t]*\*(states|multilayer|multiplex|intra|inter|bipartite)\b")
_FIELD = "network"


def is_higher_order(buf: bytes) -> bool:
    """Whether the text has a state, multilayer or bipartite section header."""
    return _DETECT.search(buf) is not None


def _ints(parts: list[bytes], count: int, line: int, expected: str) -> list[int]:
    if len(parts) < count or len(parts) > count + 1:
        raise ParseError(f"expected '{expected}', got {len(parts)} fields", line=line, field=_FIELD)
    values = [int_token(p) for p in parts[:count]]
    if None in values:
        bad = parts[values.index(None)]
        raise ParseError(f"{decode(bad)!r} is not an integer id (expected '{expected}')", line=line, field=_FIELD)
    return values


def _weight(parts: list[bytes], count: int, line: int) -> float:
    return parse_weight(parts[count], line, _FIELD) if len(parts) > count else 1.0


def parse_higher_order(buf: bytes, *, directed: bool | None = None, relax: RelaxOptions | None = None) -> Network:
    """A state, multilayer or bipartite :class:`Network` from the text of such a file."""
    vertices = _Vertices()
    rows: dict[str, list] = {}
    lines: dict[str, list[int]] = {}
    states: dict[int, tuple[int, int]] = {}  # state id -> (physical id, line)
    state_names: dict[int, str] = {}
    bipartite_start: int | None = None
    bipartite_line: int | None = None
    kind = None
    for number, raw in enumerate(buf.split(b"\n"), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith(b"#"):
            continue
        if stripped.startswith(b"*"):
            head = stripped[1:].split()
            kind = head[0].decode("ascii", "replace").lower() if head else ""
            if kind == "multiplex":
                kind = "multilayer"
            if kind == "bipartite":
                value = int_token(head[1]) if len(head) > 1 else None
                if value is None:
                    raise ParseError("expected '*Bipartite START_ID' with an integer start id", line=number,
                                     field=_FIELD)
                bipartite_start, bipartite_line = value, number
            elif kind not in ("vertices", "network", "states", "multilayer", "intra", "inter") + _LINKS:
                raise ParseError(f"unsupported section {decode(head[0]) if head else '*'!r} in a higher-order network",
                                 line=number, field=_FIELD)
            if kind in _LINKS:
                kind = "links"
            rows.setdefault(kind, [])
            lines.setdefault(kind, [])
            continue
        if kind is None:
            raise ParseError("data before the first section header", line=number, field=_FIELD)
        if kind == "vertices":
            _vertex_line(raw, number, vertices)
            continue
        if kind == "network":
            continue
        parts = strip_comment(stripped).split()
        if not parts:
            continue
        if kind == "states":
            sid, pid = _ints(parts[:2], 2, number, "state_id physical_id [\"name\"]")
            if sid in states:
                raise ParseError(f"state {sid} is declared twice (first on line {states[sid][1]})", line=number,
                                 field=_FIELD)
            states[sid] = (pid, number)
            if len(parts) > 2:
                name = decode(b" ".join(parts[2:]))
                state_names[sid] = name[1:-1] if len(name) >= 2 and name[0] == name[-1] == '"' else name
            continue
        rows[kind].append(parts)  # checked and converted per section below
        lines[kind].append(number)
    for kind in rows:
        if kind in _WIDTH:
            rows[kind] = _table(rows[kind], lines[kind], kind)
    return _build(vertices, rows, lines, states, state_names, (bipartite_start, bipartite_line), directed, relax)


_WIDTH = {"multilayer": 4, "intra": 3, "inter": 3, "links": 2, "bipartite": 2}
_EXPECTED = {"multilayer": "layer node layer node [weight]", "intra": "layer node node [weight]",
             "inter": "layer node layer [weight]", "links": "source target [weight]",
             "bipartite": "source target [weight]"}


def _table(parts_rows: list, numbers: list[int], kind: str) -> list[tuple]:
    """The rows ``(id, ..., weight)`` of a section's split lines: converted by numpy at once, or,
    when some line is bad, line by line to name the first bad one."""
    width = _WIDTH[kind]
    if not parts_rows:
        return []
    lengths = np.fromiter(map(len, parts_rows), dtype=np.int64, count=len(parts_rows))
    try:
        if lengths.min() < width or lengths.max() > width + 1:
            raise ValueError
        tokens = [p[:width] for p in parts_rows]
        if b"_" in b"".join(b"".join(t) for t in tokens):  # numpy reads 1_0 as 10; the line rule does not
            raise ValueError
        ids = np.array(tokens).astype(np.int64)
        weights = np.ones(len(parts_rows))
        given = lengths > width
        if given.any():
            weights[given] = np.array([p[width] for p in parts_rows if len(p) > width]).astype(np.float64)
        if not (np.all(np.isfinite(weights)) and np.all(weights >= 0)):
            raise ValueError
    except (ValueError, OverflowError):
        return [(*_ints(p, width, n, _EXPECTED[kind]), _weight(p, width, n)) for p, n in zip(parts_rows, numbers)]
    return list(zip(*ids.T.tolist(), weights.tolist()))


def _first_line(lines: dict, kind: str) -> int | None:
    return lines[kind][0] if lines.get(kind) else None


def _build(vertices, rows, lines, states, state_names, bipartite, directed, relax) -> Network:
    bipartite_start, bipartite_line = bipartite
    physical_ids = [int_token(v) for v in vertices.ids]
    if None in physical_ids:
        k = physical_ids.index(None)
        raise ParseError(f"vertex id {decode(vertices.ids[k])!r} is not an integer (higher-order networks have "
                         "integer node ids)", line=vertices.lines[k], field=_FIELD)
    names = {v: n for v, n in zip(physical_ids, vertices.names) if n is not None} or None
    listed = set(physical_ids)
    multilayer = [k for k in ("multilayer", "intra", "inter") if k in rows]
    has_states = "states" in rows
    if has_states and (multilayer or bipartite_start is not None):
        other = multilayer[0] if multilayer else "bipartite"
        raise ParseError(f"*States cannot be mixed with *{other.capitalize()} sections",
                         line=_first_line(lines, other) if multilayer else bipartite_line, field=_FIELD)
    if multilayer and "links" in rows:
        raise ParseError("first-order link sections (*Links, *Edges, *Arcs) cannot be mixed with multilayer "
                         "sections", line=_first_line(lines, "links"), field=_FIELD)
    if multilayer and bipartite_start is not None:
        raise ParseError("*Bipartite cannot be mixed with multilayer sections", line=bipartite_line, field=_FIELD)
    if has_states:
        return _state_network(rows, lines, states, state_names, names, listed, directed)
    if multilayer:
        return _multilayer_network(rows, lines, names, listed, directed, relax)
    links = rows.get("bipartite", []) + rows.get("links", [])
    if not links:
        raise ParseError("the bipartite network has no links", field=_FIELD)
    src, tgt, weight = (np.asarray(column) for column in zip(*links))
    all_lines = np.asarray(lines.get("bipartite", []) + lines.get("links", []))
    ends = np.concatenate([src, tgt, np.asarray(physical_ids, dtype=np.int64)])
    if not ends.min() < bipartite_start <= ends.max():
        raise ParseError(f"bipartite start id {bipartite_start} is beyond the node ids ({ends.min()}..{ends.max()})",
                         line=bipartite_line, field=_FIELD)
    same_side = (src < bipartite_start) == (tgt < bipartite_start)
    if same_side.any():
        k = int(np.argmax(same_side))
        raise ParseError(f"link {src[k]} {tgt[k]} joins two {'primary' if src[k] < bipartite_start else 'feature'} "
                         f"nodes (bipartite start id {bipartite_start})", line=int(all_lines[k]), field=_FIELD)
    if listed:
        unlisted = ~(np.isin(src, physical_ids) & np.isin(tgt, physical_ids))
        if unlisted.any():
            k = int(np.argmax(unlisted))
            node = src[k] if src[k] not in listed else tgt[k]
            raise ParseError(f"node {node}, which *Vertices does not list", line=int(all_lines[k]), field=_FIELD)
    base = Network.from_arrays(src, tgt, weight, directed=bool(directed), node_names=names)
    return Network._bipartite_of(base, bipartite_start)


def _check_listed(listed: set, ids_and_lines) -> None:
    if not listed:
        return
    for pid, number in sorted(ids_and_lines, key=lambda x: x[1]):
        if pid not in listed:
            raise ParseError(f"node {pid}, which *Vertices does not list", line=number, field=_FIELD)


def _state_network(rows, lines, states, state_names, names, listed, directed) -> Network:
    if listed:
        for sid, (pid, number) in sorted(states.items(), key=lambda x: x[1][1]):
            if pid not in listed:
                raise ParseError(f"state {sid} points at physical node {pid}, which *Vertices does not list",
                                 line=number, field=_FIELD)
    links = rows.get("links", [])
    if not links:
        raise ParseError("the state network has no links (no lines under *Links)", field=_FIELD)
    for (a, b, _), number in zip(links, lines["links"]):
        for s in (a, b):
            if s not in states:
                raise ParseError(f"link to unknown state {s} (not declared under *States)", line=number,
                                 field=_FIELD)
    return Network.from_states({s: p for s, (p, _) in states.items()}, links, directed=bool(directed),
                               physical_names=names, state_names=state_names or None)


def _multilayer_network(rows, lines, names, listed, directed, relax) -> Network:
    relax = relax or RelaxOptions()
    for kind, layer_cols in (("multilayer", (0, 2)), ("intra", (0,)), ("inter", (0, 2))):
        for r, number in zip(rows.get(kind, []), lines.get(kind, [])):
            for c in layer_cols:
                if r[c] < 0:
                    raise ParseError(f"layer id {r[c]} is out of range (layer ids are >= 0)", line=number,
                                     field=_FIELD)
    node_cols = {"multilayer": (1, 3), "intra": (1, 2), "inter": (1,)}
    _check_listed(listed, [(r[c], n) for kind, cols in node_cols.items()
                           for r, n in zip(rows.get(kind, []), lines.get(kind, [])) for c in cols])
    try:
        if "multilayer" in rows:
            if "intra" in rows or "inter" in rows:
                raise ParseError("*Multilayer cannot be mixed with *Intra/*Inter sections",
                                 line=_first_line(lines, "intra") or _first_line(lines, "inter"), field=_FIELD)
            return Network.from_multilayer(rows["multilayer"], directed=bool(directed), physical_names=names,
                                           relax_by_jsd=relax.by_jsd, relax_to_self=relax.to_self)
        if "intra" not in rows or not rows["intra"]:
            raise ParseError("an *Inter section needs an *Intra section", line=_first_line(lines, "inter"),
                             field=_FIELD)
        inter = rows.get("inter")
        if inter:
            layers = {r[0] for r in rows["intra"]}
            for r, number in zip(inter, lines["inter"]):
                for c in (0, 2):
                    if r[c] not in layers:
                        raise ParseError(f"layer id {r[c]} is out of range: no *Intra link is in that layer "
                                         f"(layers {min(layers)}..{max(layers)})", line=number, field=_FIELD)
                if r[0] == r[2]:
                    raise ParseError("an *Inter link goes from one layer to another", line=number, field=_FIELD)
        return Network.from_multilayer(intra=rows["intra"], inter=inter or None, directed=bool(directed),
                                       relax_rate=relax.rate, relax_limit=relax.limit,
                                       relax_limit_up=relax.limit_up, relax_limit_down=relax.limit_down,
                                       relax_by_jsd=relax.by_jsd, relax_to_self=relax.to_self, physical_names=names)
    except NetworkError as error:
        if isinstance(error, ParseError):
            raise
        raise ParseError(error.message, field=_FIELD) from None
