"""The official Infomap's JSON network input (``infomap-network`` version 1.0).

A document is an object with ``"format": "infomap-network"``, ``"version": "1.0"`` and
``edges``; ``type`` is ``standard`` (default), ``bipartite`` (with ``bipartiteStartId``),
``multilayer`` (``multilayer``: ``full`` edges carry ``layers: [from, to]``, ``intra`` edges
``layers: [layer]``, ``intra-inter`` either: a two-layer edge is then an inter-layer link of
one node, ``source == target``) or ``state`` (edges between state ids, ``states`` listing
``{id, node, name, weight, path}``, the weight the state's teleportation weight; without
``states``, as the official reads it, every edge endpoint is a state of the node with its id).
``nodes`` optionally lists ``{id, name, weight, meta, path}`` (the weight is the node's
teleportation weight; as the official reads it, a listed node without ``name`` is named ``""``,
a node it does not list is named by its id). As in the official Infomap, ``directed`` in the document does
not set the flow model (the run's option does), ids are non-negative integers (integral
floats such as ``10.0`` accepted) and edge weights are read as the text formats read them.

The document is checked field by field (errors name the field, e.g. ``edges[3].target``),
then written as the equivalent official text sections (``*Vertices``, ``*States``,
``*Links``, ``*Bipartite``, ``*Multilayer``, ``*Intra``, ``*Inter``) and read by the same
readers as a ``.net`` file, so that both inputs mean the same network.

Embedded meta-data and initial partitions are read as the official reads them:
``nodes[].meta`` (a non-negative integer) is the node's meta-data category (the network's
``meta_data``, coded by the meta map equation as ``--meta-data`` would; the categories of a
``standard`` or ``bipartite`` network; a ``--meta-data`` file or ``meta_data`` argument
overrides them), and ``nodes[].path`` / ``states[].path`` (positive integers, a ``.tree``
path) put the node in the top module ``path[0]`` of the network's ``initial_partition``, where
the search starts (``--cluster-data`` overrides it; a path on a physical node of a state
network starts every state of that node there; a path on both a state and its physical node
is refused, as the official's choice between them depends on the order of the document's keys).
As in the official, a multilayer network refuses ``nodes[].path`` and states take no ``meta``.

Examples
--------
>>> doc = b'{"format": "infomap-network", "version": "1.0", "edges": [{"source": 1, "target": 2}]}'
>>> net = parse_json_network(doc)
>>> net.num_nodes, net.num_links
(2, 1)
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any

import numpy as np
import orjson

from ..errors import MapEqError, ParseError
from ..network import Network

__all__ = ["is_json_network", "parse_json_network"]

_FIELD = "network"
TYPES = ("standard", "bipartite", "multilayer", "state")
MULTILAYER_KINDS = ("full", "intra", "intra-inter")
_TOP_KEYS = {"format", "version", "type", "directed", "nodes", "states", "edges", "bipartiteStartId", "multilayer"}


_LEADING_BLANKS = re.compile(rb"[ \t\n\r\x0b\x0c]*")  # the bytes bytes.strip() strips


def is_json_network(buf: bytes) -> bool:
    """True if the first non-blank byte opens a JSON object (found in place: the file is not
    copied, as ``buf.lstrip()`` would copy all of it).

    >>> is_json_network(b" \\n\\t{}"), is_json_network(b"*Vertices 2"), is_json_network(b"")
    (True, False, False)
    """
    start = _LEADING_BLANKS.match(buf).end()
    return bytes(buf[start:start + 1]) == b"{"


def _fail(message: str, where: str) -> ParseError:
    return ParseError(f"{where}: {message}", field=_FIELD)


def _id(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(f"expected a non-negative integer id, got {value!r}", where)
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise _fail(f"expected a non-negative integer id, got {value!r}", where)
    if value < 0:
        raise _fail(f"ids are non-negative, got {value!r}", where)
    return int(value)


def _number(value: Any, where: str, *, non_negative: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _fail(f"expected a finite number, got {value!r}", where)
    if non_negative and value < 0:
        raise _fail(f"must be non-negative, got {value!r}", where)
    return float(value)


def _object(value: Any, where: str, allowed: set[str], required: tuple[str, ...]) -> dict:
    if not isinstance(value, dict):
        raise _fail("expected an object", where)
    for key in value:
        if key not in allowed:
            raise _fail(f"unknown field {key!r}", f"{where}.{key}")
    for key in required:
        if key not in value:
            raise _fail(f"missing required field {key!r}", where)
    return value


def _array(doc: dict, key: str) -> list:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise _fail("expected an array", key)
    return value


def _weight_token(edge: dict, where: str) -> str:
    return repr(_number(edge["weight"], f"{where}.weight", non_negative=False)) if "weight" in edge else "1"


def _listed(item: Any, where: str, what: str, allowed: set[str], required: tuple[str, ...], seen: set[int],
            names: dict[int, str]) -> tuple[dict, int]:
    """A checked entry of ``nodes`` or ``states`` and its id (added to ``seen``; its name to ``names``)."""
    item = _object(item, where, allowed, required)
    key = _id(item["id"], f"{where}.id")
    if key in seen:
        raise _fail(f"{what} {key} is listed twice", f"{where}.id")
    seen.add(key)
    if "name" in item:
        if not isinstance(item["name"], str):
            raise _fail("expected a string", f"{where}.name")
        names[key] = item["name"]
    return item, key


class _Line(str):
    """A line of the equivalent text with the document field it comes from (``where``), so that
    an error the text readers find in it names that field."""

    where: str

    def __new__(cls, text: str, where: str) -> "_Line":
        line = super().__new__(cls, text)
        line.where = where
        return line


def _listed_id(node: Any) -> Any:
    return node.get("id") if isinstance(node, dict) else None


_META_LIMIT = 2**31 - 1  # the official's largest category (an int)


def _meta(value: Any, where: str) -> int:
    category = _id(value, where)
    if category > _META_LIMIT:
        raise _fail(f"a meta-data category is at most {_META_LIMIT}, got {value!r}", where)
    return category


def _path(value: Any, where: str) -> tuple[int, ...]:
    """A ``.tree`` path: a non-empty array of positive integers."""
    if not isinstance(value, list) or not value:
        raise _fail("expected a non-empty array of positive integers (a tree path such as [1, 2])", where)
    path = tuple(_id(x, f"{where}[{j}]") for j, x in enumerate(value))
    if 0 in path:
        raise _fail("the modules of a path are numbered from 1", f"{where}[{path.index(0)}]")
    return path


class Embedded:
    """The meta-data categories and start paths a document gives its nodes and states."""

    def __init__(self) -> None:
        self.meta: dict[int, int] = {}
        self.node_paths: dict[int, tuple[int, ...]] = {}
        self.state_paths: dict[int, tuple[int, ...]] = {}


def _node_lines(nodes: list, linked: set[int], kind: str,
                embedded: Embedded) -> tuple[list[str], dict[int, str]]:
    """``*Vertices`` lines of the listed nodes and of the ``linked`` ids (a Pajek
    ``*Vertices`` section lists every node), in id order; and the listed names. Their
    ``meta`` and ``path`` go to ``embedded``."""
    weights, names, seen = {}, {}, set()
    for i, node in enumerate(nodes):
        where = f"nodes[{i}]"
        node, nid = _listed(node, where, "node", {"id", "name", "weight", "meta", "path"}, ("id",), seen, names)
        names.setdefault(nid, "")  # a listed node without a name is named "", as the official reads it
        if "weight" in node:
            weights[nid] = _number(node["weight"], f"{where}.weight", non_negative=True)
        if "meta" in node:
            if kind in ("state", "multilayer"):
                raise _fail(f"meta data is read for the nodes of a standard or bipartite network; a {kind} network "
                            "codes its state nodes: pass meta_data by state id (--meta-data)", f"{where}.meta")
            embedded.meta[nid] = _meta(node["meta"], f"{where}.meta")
        if "path" in node:
            if kind == "multilayer":
                raise _fail("'path' on a node is invalid for a multilayer network (as in the official): its states "
                            "are made from the layers", f"{where}.path")
            embedded.node_paths[nid] = _path(node["path"], f"{where}.path")
    index = {_listed_id(node): i for i, node in enumerate(nodes)}
    return [_Line(f'{v} "{v}" {weights.get(v, 1.0)!r}', f"nodes[{index[v]}]" if v in index else "edges")
            for v in sorted(seen | linked)], names


def _state_lines(states: list, physical: set[int], embedded: Embedded) -> tuple[list[str], dict[int, str]]:
    """``*States`` lines; the physical ids are added to ``physical``, the paths to ``embedded``."""
    lines, names, seen = [], {}, set()
    for i, state in enumerate(states):
        where = f"states[{i}]"
        state, sid = _listed(state, where, "state", {"id", "node", "name", "weight", "path"}, ("id", "node"), seen,
                             names)
        weight = ""  # the state's teleportation weight, after the ids as the official's *States line has it
        if "weight" in state:
            weight = " " + repr(_number(state["weight"], f"{where}.weight", non_negative=True))
        if "path" in state:
            embedded.state_paths[sid] = _path(state["path"], f"{where}.path")
        node = _id(state["node"], f"{where}.node")
        physical.add(node)
        lines.append(_Line(f"{sid} {node}{weight}", where))
    return lines, names


def _plain_edge_lines(edges: list, linked: set[int]) -> list[str]:
    """``source target weight`` lines; the ids are added to ``linked``."""
    lines = []
    for i, edge in enumerate(edges):
        where = f"edges[{i}]"
        edge = _object(edge, where, {"source", "target", "weight"}, ("source", "target"))
        source, target = _id(edge["source"], f"{where}.source"), _id(edge["target"], f"{where}.target")
        linked.update((source, target))
        lines.append(_Line(f"{source} {target} {_weight_token(edge, where)}", where))
    return lines


def _multilayer_sections(edges: list, kind: str, physical: set[int]) -> list[str]:
    """``*Multilayer`` or ``*Intra`` (+ ``*Inter``) sections; node ids added to ``physical``."""
    full, intra, inter = [], [], []
    for i, edge in enumerate(edges):
        where = f"edges[{i}]"
        edge = _object(edge, where, {"layers", "source", "target", "weight"}, ("layers", "source", "target"))
        layers = edge["layers"]
        widths = {"full": (2,), "intra": (1,), "intra-inter": (1, 2)}[kind]
        if not isinstance(layers, list) or len(layers) not in widths:
            count = " or ".join(str(w) for w in widths)
            raise _fail(f"expected an array of {count} layer ids for a '{kind}' multilayer network", f"{where}.layers")
        layer_ids = [_id(layer, f"{where}.layers[{j}]") for j, layer in enumerate(layers)]
        source, target = _id(edge["source"], f"{where}.source"), _id(edge["target"], f"{where}.target")
        physical.update((source, target))
        weight = _weight_token(edge, where)
        if kind == "full":
            full.append(_Line(f"{layer_ids[0]} {source} {layer_ids[1]} {target} {weight}", where))
        elif len(layer_ids) == 1:
            intra.append(_Line(f"{layer_ids[0]} {source} {target} {weight}", where))
        else:
            if source != target:
                raise _fail(f"an inter-layer edge links one node across layers: source {source} != target {target}",
                            where)
            inter.append(_Line(f"{layer_ids[0]} {source} {layer_ids[1]} {weight}", where))
    if kind == "full":
        return ["*Multilayer", *full]
    return ["*Intra", *intra] + (["*Inter", *inter] if inter else [])


def json_network_text(doc: Any, embedded: Embedded | None = None) -> tuple[str, dict[int, str], dict[int, str]]:
    """The official text sections equivalent to the JSON document ``doc``, with the node
    names and the state names (id -> name) that are set on the network after reading; the
    nodes' meta data and paths go to ``embedded``."""
    text, names, state_names, _ = _text_with_origins(doc, Embedded() if embedded is None else embedded)
    return text, names, state_names


def _sections(doc: Any, embedded: Embedded) -> tuple[list[str], dict[int, str], dict[int, str]]:
    """The lines of :func:`json_network_text` (``_Line`` where they come from one field), the names."""
    doc = _object(doc, "document", _TOP_KEYS | {"layers"}, ("format", "version", "edges"))
    if doc["format"] != "infomap-network":
        raise _fail(f"expected 'infomap-network', got {doc['format']!r}", "format")
    if doc["version"] != "1.0":
        raise _fail(f"version {doc['version']!r} is not supported; expected '1.0'", "version")
    if "layers" in doc:
        raise _fail("not a field of the document: layers go on each edge ('edges[i].layers')", "layers")
    kind = doc.get("type", "standard")
    if kind not in TYPES:
        raise _fail(f"expected one of {', '.join(TYPES)}, got {kind!r}", "type")
    if "directed" in doc and not isinstance(doc["directed"], bool):
        raise _fail("expected true or false", "directed")
    for key, needed_by in (("bipartiteStartId", "bipartite"), ("multilayer", "multilayer"), ("states", "state")):
        if key in doc and kind != needed_by:
            raise _fail(f"only for a network of type '{needed_by}'", key)
    edges = _array(doc, "edges")
    linked: set[int] = set()  # node ids of the edges (physical nodes: of the multilayer edges)
    state_names: dict[int, str] = {}
    if kind == "standard":
        sections = ["*Links", *_plain_edge_lines(edges, linked)]
    elif kind == "bipartite":
        if "bipartiteStartId" not in doc:
            raise _fail("a bipartite network needs 'bipartiteStartId'", "bipartiteStartId")
        start = _id(doc["bipartiteStartId"], "bipartiteStartId")
        sections = [_Line(f"*Bipartite {start}", "bipartiteStartId"), *_plain_edge_lines(edges, linked)]
    elif kind == "state":
        endpoints: set[int] = set()
        link_lines = _plain_edge_lines(edges, endpoints)
        if "states" in doc:
            state_lines, state_names = _state_lines(_array(doc, "states"), linked, embedded)
        else:  # as the official: without a states array every edge endpoint is a state of its own node
            state_lines = [_Line(f"{s} {s}", "edges") for s in sorted(endpoints)]
            linked.update(endpoints)
        sections = [_Line("*States", "states"), *state_lines, "*Links", *link_lines]
    else:
        multilayer = doc.get("multilayer", "full")
        if multilayer not in MULTILAYER_KINDS:
            raise _fail(f"expected one of {', '.join(MULTILAYER_KINDS)}, got {multilayer!r}", "multilayer")
        sections = _multilayer_sections(edges, multilayer, linked)
    if not edges:
        raise _fail("the network has no edges", "edges")
    nodes = _array(doc, "nodes")
    if nodes:
        node_lines, names = _node_lines(nodes, linked, kind, embedded)
        sections = [_Line(f"*Vertices {len(node_lines)}", "nodes"), *node_lines, *sections]
    else:
        names = {}
    return sections, names, state_names


def parse_json_network(buf: bytes, *, directed: bool | None = None, relax=None) -> Network:
    """A :class:`Network` from an ``infomap-network`` JSON document (see the module docstring).

    ``directed`` and ``relax`` as for the text formats (:func:`.readers.parse_network`).
    """
    from .higher_order import parse_higher_order
    from .pajek import parse_pajek

    try:
        doc = orjson.loads(buf)
    except orjson.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc}", field=_FIELD) from None
    fast = _standard_network(doc, directed)
    if fast is not None:
        return fast
    embedded = Embedded()
    text, names, state_names, origins = _text_with_origins(doc, embedded)
    raw = text.encode()
    try:
        if doc.get("type", "standard") == "standard":
            net = parse_pajek(raw, directed=directed)
        else:
            net = parse_higher_order(raw, directed=directed, relax=relax)
    except MapEqError as exc:  # name the document's field, not a line of the text it was written as
        if exc.line is None or not 1 <= exc.line <= len(origins):
            raise
        raise type(exc)(f"{origins[exc.line - 1]}: {exc.message}", field=_FIELD) from None
    return _with_embedded(_named(net, names, state_names), embedded)


def _text_with_origins(doc: Any, embedded: Embedded) -> tuple[str, dict, dict, list[str]]:
    """:func:`json_network_text` and the document field of each of its lines."""
    sections = _sections(doc, embedded)
    origins = [getattr(line, "where", None) or _HEADER_FIELDS.get(line.split()[0], "document") for line in sections[0]]
    return "\n".join(sections[0]) + "\n", sections[1], sections[2], origins


_HEADER_FIELDS = {"*Links": "edges", "*Multilayer": "edges", "*Intra": "edges", "*Inter": "edges"}


def _with_embedded(net: Network, embedded: Embedded) -> Network:
    """``net`` with the document's meta data and start partition (see the module docstring)."""
    changes: dict[str, Any] = {}
    if embedded.meta:
        changes["meta_data"] = embedded.meta
    if embedded.node_paths or embedded.state_paths:
        start = {}
        if embedded.node_paths and net.physical is not None:  # a physical node's path: all its states
            physical_ids = net.physical_ids.tolist()
            for state, p in zip(net.node_ids.tolist(), net.physical.tolist()):
                if physical_ids[p] in embedded.node_paths:
                    start[state] = embedded.node_paths[physical_ids[p]][0]
        else:
            start.update((k, path[0]) for k, path in embedded.node_paths.items())
        both = sorted(set(start) & set(embedded.state_paths))
        if both:  # the official takes the one later in the document: JSON's key order decides
            raise _fail(f"state {both[0]} has a path and so does its physical node ({len(both)} states in all): "
                        "the official takes whichever comes later in the document; give the path on the state or "
                        "on its physical node", "states")
        start.update((k, path[0]) for k, path in embedded.state_paths.items())
        known = set(net.node_ids.tolist())
        unknown = sorted(set(start) - known)
        if unknown:
            raise _fail(f"a path is given for {len(unknown)} ids that are not nodes of the network "
                        f"({', '.join(map(str, unknown[:5]))})", "states" if embedded.state_paths else "nodes")
        changes["initial_partition"] = start
    return replace(net, **changes) if changes else net


_EDGE_KEYS = frozenset(("source", "target", "weight"))
_NODE_KEYS = frozenset(("id", "name", "weight"))


def _standard_network(doc: Any, directed: bool | None) -> Network | None:
    """The network of a well-formed standard document, read column-wise (a million edges in
    about a second); None for anything else, which the checked path reads or refuses with
    the field named. Both paths build the same network (tests/engine/test_json_network.py)."""
    try:
        if (not isinstance(doc, dict) or doc.get("format") != "infomap-network" or doc.get("version") != "1.0"
                or doc.get("type", "standard") != "standard" or not set(doc) <= _TOP_KEYS
                or any(key in doc for key in ("states", "bipartiteStartId", "multilayer"))
                or not isinstance(doc.get("directed", False), bool)):
            return None
        edges, nodes = doc["edges"], doc.get("nodes", [])
        if not edges or not all(type(e) is dict and e.keys() <= _EDGE_KEYS for e in edges) \
                or not all(type(v) is dict and v.keys() <= _NODE_KEYS for v in nodes):
            return None
        src, tgt = _id_column([e["source"] for e in edges]), _id_column([e["target"] for e in edges])
        weight = np.array([e.get("weight", 1.0) for e in edges], dtype=np.float64)
        listed = _id_column([v["id"] for v in nodes]) if nodes else np.zeros(0, dtype=np.int64)
        node_weight = np.array([v.get("weight", 1.0) for v in nodes], dtype=np.float64)
        names = {v["id"]: v.get("name", "") for v in nodes}
    except (KeyError, TypeError, ValueError):
        return None
    if (src is None or tgt is None or listed is None or not np.isfinite(weight).all() or (weight < 0).any()
            or not np.isfinite(node_weight).all() or (node_weight < 0).any()
            or np.unique(listed).shape[0] != listed.shape[0]
            or not all(isinstance(name, str) for name in names.values())):
        return None
    keep = weight > 0  # as the text readers: a link of weight 0 is no link
    net = Network.from_arrays(src[keep], tgt[keep], weight[keep], directed=bool(directed), nodes=listed,
                              node_weights=dict(zip(listed.tolist(), node_weight.tolist())))
    return _named(net, {int(k): v for k, v in names.items()}, {})


def _id_column(values: list) -> np.ndarray | None:
    """Non-negative integer ids (integral floats accepted) as int64, or None."""
    column = np.array(values)
    if column.dtype.kind in "iu":
        return column.astype(np.int64) if column.size == 0 or column.min() >= 0 else None
    if column.dtype.kind == "f" and np.isfinite(column).all() and (column == np.round(column)).all() \
            and (column >= 0).all() and (column < 2**53).all():
        return column.astype(np.int64)
    return None


def _named(net: Network, names: dict[int, str], state_names: dict[int, str]) -> Network:
    """Set the document's names: on the physical nodes of a state network (its nodes are
    states), on the nodes otherwise."""
    if net.physical_ids is not None:
        changes = {}
        if names:
            changes["physical_names"] = tuple(names.get(int(i), str(i)) for i in net.physical_ids.tolist())
        if state_names:
            changes["node_names"] = tuple(state_names.get(int(i), str(i)) for i in net.node_ids.tolist())
        return replace(net, **changes) if changes else net
    if names:
        return replace(net, node_names=tuple(names.get(int(i), str(i)) for i in net.node_ids.tolist()))
    return net
