"""The two JSON formats: mapeq's own (the REST answer) and the official Infomap's ``-o json``.

mapeq's (:func:`render_json`) is :meth:`InfomapResult.to_dict` with the node flow, the
schema of ``docs/engine-api.md``. The official's (:func:`render_official_json`) has the
keys of the official Infomap 2.16's ``.json`` file in the same order: the header facts
(``version``, ``args``, ``startedAt``, ``completedIn``, ``codelength``, ``seed``,
``trials``, ``numTrials``, ``configFingerprint``, ``input`` when read from a file,
``clusterData`` when ``--cluster-data`` was read,
``numLevels``, ``numTopModules``, ``numModules`` per depth, ``relativeCodelengthSavings``,
``directed``, ``flowModel``, ``higherOrder``, ``bipartiteStartId`` for a bipartite network), then ``nodes`` (``path``, ``modules`` at each
level, ``name``, ``flow``, ``mec``, ``id``) and ``modules`` (the root as ``[0]``, then every
module depth first: ``path``, ``enterFlow``, ``exitFlow``, ``numEdges``, ``numChildren``,
``codelength``).

For a state (memory, multilayer) network ``higherOrder`` is true, ``stateLevel`` false and
``nodes`` is the physical level, as the official writes it: in each leaf module its physical
nodes, each once with the summed flow of its state nodes there (no ``modules`` list).

``mec`` is the map equation centrality of a node ``u`` in module ``m``:
``-(p_m - p_u) log2((p_m - p_u) / p_m)`` (0 when ``p_u = p_m``); a module's ``codelength``
is its codebook's term of the multilevel map equation (the root's is the index codelength).
Numbers keep full precision (the official rounds flows to 6 digits).
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, Any, BinaryIO

import numpy as np
import orjson
from numba import njit

from .header import RunInfo, config_fingerprint, started_at_text, trials_done
from .levels import modules_at_level
from .module_links import module_links
from .text import hidden_nodes, module_path_texts, node_names, path_string_of

if TYPE_CHECKING:  # pragma: no cover
    from ..infomap import InfomapResult

__all__ = ["render_json", "render_official_json", "official_json", "tree_to_json", "tree_json_bytes", "mapping_json_bytes",
           "write_json"]


def tree_to_json(tree, network) -> dict[str, Any]:
    """Nested modules: ``{path, flow, enter, exit, children: [...]}``, leaves ``{path, node, name, flow}``.

    Built bottom-up in one pass over the depth-first order, reversed (no recursion, no child lists):
    each node joins its parent's children as it is made, the last child first."""
    order = tree.depth_first().tolist()
    ids = network.node_ids.tolist()
    names = node_names(network)
    prefix = module_path_texts(tree)                     # "1:2:" of each module, "" for the root
    parent, rank, leaf = tree.parent.tolist(), tree.rank.tolist(), tree.leaf.tolist()
    flow, enter, exit_ = tree.flow.tolist(), tree.enter.tolist(), tree.exit.tolist()
    pending: dict[int, list] = {}
    node: dict[str, Any] = {}
    for t in reversed(order):
        a = leaf[t]
        path = f"{prefix[parent[t]]}{rank[t]}" if t else ""
        if a >= 0:
            node = {"path": path, "node": ids[a], "name": names[a], "flow": flow[t]}
        else:
            children = pending.pop(t, [])
            children.reverse()
            node = {"path": path or "root", "flow": flow[t], "enter": enter[t], "exit": exit_[t],
                    "children": children}
        if t:
            siblings = pending.get(parent[t])
            if siblings is None:
                pending[parent[t]] = [node]
            else:
                siblings.append(node)
    return node


@njit(cache=True)
def _token_bounds(buf):  # pragma: no cover - compiled
    """``bounds[0, k]``, ``bounds[1, k]``: where element ``k`` of the JSON array ``buf`` of numbers,
    strings or ``null`` written by orjson (no spaces) starts and ends; commas split it outside
    strings. Two passes (count, then record): the array holds exactly the elements."""
    n = buf.shape[0]
    if n <= 2:
        return np.empty((2, 0), dtype=np.int64)
    bounds = np.empty((2, 1), dtype=np.int64)
    for record in (False, True):
        count = 0
        begin = 1
        i = 1
        while i < n - 1:
            c = buf[i]
            if c == 34:                       # a string: to its closing quote, escapes skipped
                i += 1
                while buf[i] != 34:
                    i += 2 if buf[i] == 92 else 1
            elif c == 44:
                if record:
                    bounds[0, count] = begin
                    bounds[1, count] = i
                count += 1
                begin = i + 1
            i += 1
        if record:
            bounds[0, count] = begin
            bounds[1, count] = n - 1
        else:
            bounds = np.empty((2, count + 1), dtype=np.int64)
    return bounds


@njit(cache=True, inline="always")
def _put(out, pos, src, lo, hi):  # pragma: no cover - compiled
    for k in range(lo, hi):
        out[pos] = src[k]
        pos += 1
    return pos


@njit(cache=True)
def _tree_json(order, parent, depth, rank, leaf, num_children, lit, lit_at, ids, id_at, names, name_at,
               quote_names, floats, float_at, size_bound):  # pragma: no cover - compiled
    """The nested tree of :func:`tree_to_json` as orjson writes it, from token buffers (see
    :func:`tree_json_bytes`); ``floats`` holds the flow, enter and exit tokens (``float_at[0, k]``
    the starts and ``float_at[1, k]`` the ends of those of row ``k`` = 0, 1, 2); ``quote_names``:
    the name tokens are written between quotes (integer ids standing for the names)."""
    out = np.empty(size_bound, dtype=np.uint8)
    path = np.empty(int(depth.max()) * 21 + 1, dtype=np.uint8)
    path_len = np.zeros(int(depth.max()) + 1, dtype=np.int64)
    digits = np.empty(20, dtype=np.uint8)
    pos = 0
    size = order.shape[0]
    for idx in range(size):
        t = order[idx]
        d = depth[t]
        if t > 0:                            # this node's path: the parent's, ":", its rank
            p = path_len[d - 1]
            if d > 1:
                path[p] = 58
                p += 1
            r = rank[t]
            k = 0
            while True:
                digits[k] = 48 + r % 10
                r //= 10
                k += 1
                if r == 0:
                    break
            for j in range(k - 1, -1, -1):
                path[p] = digits[j]
                p += 1
            path_len[d] = p
        a = leaf[t]
        pos = _put(out, pos, lit, lit_at[0], lit_at[1])                 # {"path":"
        if t > 0:
            pos = _put(out, pos, path, 0, path_len[d])
        elif a < 0:
            pos = _put(out, pos, lit, lit_at[1], lit_at[2])             # root
        if a >= 0:
            pos = _put(out, pos, lit, lit_at[2], lit_at[3])             # ","node":
            pos = _put(out, pos, ids, id_at[0, a], id_at[1, a])
            pos = _put(out, pos, lit, lit_at[3], lit_at[4])             # ,"name":
            if quote_names:
                out[pos] = 34
                pos += 1
            pos = _put(out, pos, names, name_at[0, a], name_at[1, a])
            if quote_names:
                out[pos] = 34
                pos += 1
            pos = _put(out, pos, lit, lit_at[4], lit_at[5])             # ,"flow":
            pos = _put(out, pos, floats, float_at[0, 0, t], float_at[1, 0, t])
            out[pos] = 125                                              # }
            pos += 1
        else:
            pos = _put(out, pos, lit, lit_at[5], lit_at[6])             # ","flow":
            pos = _put(out, pos, floats, float_at[0, 0, t], float_at[1, 0, t])
            pos = _put(out, pos, lit, lit_at[6], lit_at[7])             # ,"enter":
            pos = _put(out, pos, floats, float_at[0, 1, t], float_at[1, 1, t])
            pos = _put(out, pos, lit, lit_at[7], lit_at[8])             # ,"exit":
            pos = _put(out, pos, floats, float_at[0, 2, t], float_at[1, 2, t])
            pos = _put(out, pos, lit, lit_at[8], lit_at[9])             # ,"children":[
            if num_children[t] > 0:
                continue                                                # its children follow
            out[pos] = 93
            out[pos + 1] = 125
            pos += 2
        below = depth[order[idx + 1]] if idx + 1 < size else 0
        for _ in range(d - below):                                      # the modules that end here
            out[pos] = 93
            out[pos + 1] = 125
            pos += 2
        if idx + 1 < size:
            out[pos] = 44
            pos += 1
    return out[:pos]


_TREE_LITERALS = ('{"path":"', "root", '","node":', ',"name":', ',"flow":', '","flow":', ',"enter":', ',"exit":',
                  ',"children":[')


def _tokens(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    buf = np.frombuffer(data, dtype=np.uint8)
    return buf, _token_bounds(buf)


def tree_json_bytes(tree, network, *, as_array: bool = False) -> bytes | np.ndarray:
    """``orjson.dumps(tree_to_json(tree, network))`` written by one numba kernel from orjson's own
    text of the ids, names and flows (serialized as arrays, then cut at the commas): the same bytes
    without a Python object per tree node (``tests/engine/test_formats.py``); ``as_array``: as the
    kernel's uint8 array (no copy into a ``bytes``)."""
    numpy = orjson.OPT_SERIALIZE_NUMPY
    ids, id_at = _tokens(orjson.dumps(network.node_ids if network.node_ids.dtype.kind in "iu"
                                      else network.node_ids.tolist(), option=numpy))
    if network.node_names is None:  # the names are the ids as text: their tokens, quoted if integers
        names, name_at, quote_names = ids, id_at, network.node_ids.dtype.kind in "iu"
    else:
        names, name_at = _tokens(orjson.dumps(node_names(network)))
        quote_names = False
    floats, float_at = _tokens(orjson.dumps(np.concatenate([tree.flow, tree.enter, tree.exit]).astype(np.float64),
                                            option=numpy))
    offset = floats.shape[0]
    lit = "".join(_TREE_LITERALS).encode()
    lit_at = np.cumsum([0] + [len(x.encode()) for x in _TREE_LITERALS])
    depth = np.asarray(tree.depth, dtype=np.int64)
    num_children = np.bincount(tree.parent[1:], minlength=tree.size) if tree.size > 1 else np.zeros(1, np.int64)
    bound = (len(ids) + len(names) + offset + tree.size * (len(lit) + 6 + 21 * (int(depth.max()) + 1)) + 16)
    out = _tree_json(tree.depth_first(), np.asarray(tree.parent, np.int64), depth,
                     np.asarray(tree.rank, np.int64), np.asarray(tree.leaf, np.int64), num_children,
                     np.frombuffer(lit, np.uint8), lit_at, ids, id_at, names, name_at, quote_names,
                     floats, float_at.reshape(2, 3, tree.size), bound)
    return out if as_array else out.tobytes()


@njit(cache=True)
def _mapping_json(keys, key_at, quote, values, value_at):  # pragma: no cover - compiled
    out = np.empty(keys.shape[0] + values.shape[0] + 4 * key_at.shape[1] + 2, dtype=np.uint8)
    out[0] = 123
    pos = 1
    for i in range(key_at.shape[1]):
        if i:
            out[pos] = 44
            pos += 1
        if quote:
            out[pos] = 34
            pos += 1
        pos = _put(out, pos, keys, key_at[0, i], key_at[1, i])
        if quote:
            out[pos] = 34
            pos += 1
        out[pos] = 58
        pos += 1
        pos = _put(out, pos, values, value_at[0, i], value_at[1, i])
    out[pos] = 125
    return out[:pos + 1]


def mapping_json_bytes(keys: np.ndarray, values: np.ndarray, *, as_array: bool = False) -> bytes | np.ndarray:
    """``orjson.dumps(dict(zip(map(str, keys.tolist()), values.tolist())))`` (node id -> module or flow)
    written by one numba kernel from orjson's text of the two arrays: the same bytes, no dict;
    ``as_array`` as :func:`tree_json_bytes`."""
    numpy = orjson.OPT_SERIALIZE_NUMPY
    integers = keys.dtype.kind in "iu"
    key_buf, key_at = _tokens(orjson.dumps(keys if integers else list(map(str, keys.tolist())), option=numpy))
    value_buf, value_at = _tokens(orjson.dumps(np.ascontiguousarray(values), option=numpy))
    out = _mapping_json(key_buf, key_at, integers, value_buf, value_at)
    return out if as_array else out.tobytes()


def render_json(result: "InfomapResult", info: RunInfo | None = None, *, hide_bipartite_nodes: bool = False) -> str:
    return orjson.dumps(result.to_dict(include_flow=True, hide_bipartite_nodes=hide_bipartite_nodes),
                        option=orjson.OPT_SERIALIZE_NUMPY).decode()


#: Results of fewer nodes are written by :func:`write_json` at once (no kernel is loaded for them).
PIECES_MIN_NODES = 1 << 14


def write_json(result: "InfomapResult", out: BinaryIO, *, hide_bipartite_nodes: bool = False,
               pieces: bool | None = None) -> None:
    """The bytes of :func:`render_json` written to the binary file ``out`` piece by piece: the
    document is serialized with a mark in place of each part with a row per node (``modules``,
    ``node_flow``, ``tree``, see :meth:`InfomapResult.to_dict`'s ``written``), then the text
    between the marks is written with each part made from the arrays in its turn. One part is in
    memory at a time and neither the document nor its ``str`` is (a network's JSON is ~100 bytes
    per node). The marks are NUL bytes, which orjson never writes raw (it escapes control
    characters in strings). ``pieces`` None: piece by piece from :data:`PIECES_MIN_NODES` nodes
    on, smaller results at once."""
    if not (result.network.num_nodes >= PIECES_MIN_NODES if pieces is None else pieces):
        out.write(render_json(result, hide_bipartite_nodes=hide_bipartite_nodes).encode())
        return
    makers: list = []

    def mark(make) -> orjson.Fragment:
        makers.append(make)
        return orjson.Fragment(b"\x00")

    document = orjson.dumps(result.to_dict(include_flow=True, hide_bipartite_nodes=hide_bipartite_nodes,
                                           written=mark), option=orjson.OPT_SERIALIZE_NUMPY)
    texts = document.split(b"\x00")
    out.write(texts[0])
    for make, text in zip(makers, texts[1:]):
        out.write(make())
        out.write(text)


def _plogp_ratio(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    rest = whole - part
    out = np.zeros_like(rest)
    ok = (rest > 0) & (whole > 0)
    out[ok] = -rest[ok] * np.log2(rest[ok] / whole[ok])
    return out


def official_json(result: "InfomapResult", info: RunInfo | None = None, *,
                  hide_bipartite_nodes: bool = False, state_level: bool = False) -> dict[str, Any]:
    """The official ``-o json`` document of ``result`` as a dict (see the module docstring);
    ``state_level`` (state networks): the official's ``NAME_states.json``, a node per state node
    with its ``stateId`` (and ``layerId``), ``id`` its physical node's id."""
    info = info or RunInfo()
    tree = result.tree
    from ..official_options import equivalent_flags

    args = info.command_line if info.command_line is not None else equivalent_flags(result.options)
    doc: dict[str, Any] = {
        "version": f"v{_version()}",
        "args": shlex.join(args),
        "startedAt": started_at_text(result),
        "completedIn": result.elapsed,
        "codelength": result.codelength,
        "seed": result.options.seed,
        "trials": trials_done(result, info),
        "numTrials": result.options.num_trials,
        "configFingerprint": config_fingerprint(result),
    }
    if info.input is not None:
        doc["input"] = info.input.to_dict()
    if info.cluster_data is not None:
        doc["clusterData"] = info.cluster_data.to_dict()
    if info.meta_data is not None:
        doc["metaData"] = info.meta_data.to_dict()
    modules = tree.leaf < 0
    levels = result.num_levels
    doc.update({
        "numLevels": levels,
        "numTopModules": result.num_modules,
        "numModules": np.bincount(tree.depth[modules], minlength=levels + 1)[1:levels + 1].tolist(),
        "relativeCodelengthSavings": result.relative_codelength_savings,
        "directed": result.flow.flow_model != "undirected",
        "flowModel": result.flow.flow_model,
        "higherOrder": result.network.is_state_network,
    })
    if result.network.bipartite_start_id is not None:
        doc["bipartiteStartId"] = result.network.bipartite_start_id
    if result.network.is_state_network:
        doc["stateLevel"] = state_level  # the nodes are the physical level unless state_level
    order = tree.depth_first()
    leaves = order[tree.leaf[order] >= 0]
    leaves = leaves[~hidden_nodes(result.network, hide_bipartite_nodes)[tree.leaf[leaves]]]
    nodes = tree.leaf[leaves]
    per_level = np.stack([modules_at_level(tree, lv) for lv in range(1, max(levels, 2))], axis=1)
    mec = _plogp_ratio(tree.flow[leaves], tree.flow[tree.parent[leaves]])
    paths = tree.paths()
    names = node_names(result.network)
    ids = result.network.node_ids.tolist()
    doc["nodes"] = [
        {"path": list(paths[a]), "modules": per_level[a].tolist(), "name": names[a], "flow": float(tree.flow[t]),
         "mec": float(c), **({"metadata": {"0": info.meta_labels[a]}} if info.meta_labels else {}), "id": ids[a]}
        for a, t, c in zip(nodes.tolist(), leaves.tolist(), mec.tolist())
    ]
    if result.network.is_state_network and state_level:
        from .text import _physical_names  # noqa: PLC0415 (one rule for the names of physical nodes)

        network = result.network
        physical_names, physical_ids, layers = _physical_names(network), network.physical_ids.tolist(), network.layers
        for node, a in zip(doc["nodes"], nodes.tolist()):
            node["name"] = physical_names[network.physical[a]]
            node["stateId"] = node.pop("id")
            if layers is not None:
                node["layerId"] = int(layers[a])
            node["id"] = physical_ids[network.physical[a]]
    elif result.network.is_state_network:  # the physical level, as the official writes it
        from .text import _physical_rows  # noqa: PLC0415 (one table of the physical level)

        module_flow = {path_string_of(tree, int(t)): float(tree.flow[t]) for t in np.nonzero(modules)[0].tolist()}
        doc["nodes"] = [
            {"path": [int(x) for x in prefix.split(":") if x] + [rank], "name": name, "flow": flow,
             "mec": float(_plogp_ratio(np.array([flow]), np.array([module_flow.get(prefix, 1.0)]))[0]), "id": pid}
            for prefix, rank, flow, name, pid in _physical_rows(result)
        ]
    links = module_links(result)
    terms = tree.codelength_terms(result.objective)
    kids = tree.children()
    all_paths = _module_paths(tree)
    doc["modules"] = [
        {"path": all_paths[t], "enterFlow": float(tree.enter[t]), "exitFlow": float(tree.exit[t]),
         "numEdges": links.count(t), "numChildren": len(kids[t]), "codelength": float(terms[t])}
        for t in order.tolist() if tree.leaf[t] < 0
    ]
    return doc


def _module_paths(tree) -> dict[int, list[int]]:
    paths: dict[int, list[int]] = {0: [0]}
    for t in tree.depth_first().tolist()[1:]:
        parent = int(tree.parent[t])
        paths[t] = ([] if parent == 0 else paths[parent]) + [int(tree.rank[t])]
    return paths


def render_official_json(result: "InfomapResult", info: RunInfo | None = None, *,
                         hide_bipartite_nodes: bool = False, state_level: bool = False) -> str:
    return orjson.dumps(official_json(result, info, hide_bipartite_nodes=hide_bipartite_nodes,
                                      state_level=state_level)).decode()


def _version() -> str:
    from .. import __version__

    return __version__
