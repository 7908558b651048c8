"""The official Infomap's text formats: ``.tree``, ``.ftree``, ``.clu``, ``.csv``, ``.nwk``.

Byte for byte the layout of the files the official Infomap 2.16 writes (header lines from
:mod:`.header`, the column line, one row per node in depth-first order of the tree with
children by decreasing flow), with numbers to 9 significant digits where the official
writes 6. ``.csv`` and ``.nwk`` have no header, as in the official. Names and string ids
are written with :mod:`infomap_core.textfields`, so no value can forge a line or a field.

The rows of ``.tree``, ``.ftree``, ``.clu``, ``.csv`` and ``.nwk`` are written by one numba
kernel from columns (:class:`.rows.Rows`): no Python formatting per node or link, so a
100k-node result renders in a fraction of a second (bench/README.md, ``bench/formats.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import OptionError
from ..textfields import csv_cell_texts, escape_name, escape_names, escape_token, escape_tokens, newick_labels
from .header import RunInfo, header_lines
from .levels import modules_at_level
from .module_links import module_links
from .rows import Rows

if TYPE_CHECKING:  # pragma: no cover
    from ..infomap import InfomapResult

__all__ = ["render_tree", "render_ftree", "render_clu", "render_csv", "render_newick", "path_string_of", "node_names",
           "render_states_tree", "render_states_clu", "render_states_net"]


def path_string_of(tree, t: int) -> str:
    """``1:2:3``: the ranks from the top module down to tree node ``t``."""
    parts = []
    while t > 0:
        parts.append(str(int(tree.rank[t])))
        t = int(tree.parent[t])
    return ":".join(reversed(parts))


def node_names(network) -> list[str]:
    """The name of every node: its label, else its id as text."""
    if network.node_names is not None:
        return list(network.node_names)
    return [str(i) for i in network.node_ids.tolist()]


def _id_text(node_id: Any) -> str:
    return escape_token(node_id) if isinstance(node_id, str) else str(node_id)


def module_path_texts(tree) -> list[str]:
    """``path + ":"`` of every tree node that is a module (``""`` for the root), the prefix of its
    children's paths; ``""`` for leaves. One step per module, top-down."""
    texts = [""] * tree.size
    parent, rank = tree.parent.tolist(), tree.rank.tolist()
    modules = np.flatnonzero(tree.leaf < 0)
    for t in modules[np.argsort(tree.depth[modules], kind="stable")].tolist():
        if t > 0:
            texts[t] = f"{texts[parent[t]]}{rank[t]}:"
    return texts


def _leaves_in_order(tree, hide: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(tree index, network node) of every leaf in depth-first order (but the nodes ``hide`` marks)."""
    order = tree.depth_first()
    leaves = order[tree.leaf[order] >= 0]
    if hide is not None and hide.any():
        leaves = leaves[~hide[tree.leaf[leaves]]]
    return leaves, tree.leaf[leaves]


def _path_fields(rows: Rows, tree, leaves: np.ndarray) -> Rows:
    """The ``1:2:3`` path of each leaf: its parent's prefix and its own rank."""
    prefix = module_path_texts(tree)
    return rows.text([prefix[p] for p in tree.parent[leaves].tolist()]).int(tree.rank[leaves])


def _id_field(rows: Rows, network, nodes: np.ndarray, ids=None) -> Rows:
    """The ``node_id`` token of each node: the integer id, or the escaped string id."""
    ids = network.node_ids if ids is None else ids
    if ids.dtype.kind == "i":
        return rows.int(ids[nodes])
    return rows.text(escape_tokens([str(v) for v in ids[nodes].tolist()]))


def _name_field(rows: Rows, network, nodes: np.ndarray) -> Rows:
    """The escaped name of each node (its id as text without a name)."""
    if network.node_names is None and network.node_ids.dtype.kind == "i":
        return rows.int(network.node_ids[nodes])
    names = node_names(network)
    return rows.text(escape_names([names[a] for a in nodes.tolist()]))


def _text(rows: Rows, n: int) -> str:
    return rows.render(n)[0].decode("utf-8", "surrogatepass")


def hidden_nodes(network, hide_bipartite_nodes: bool = False) -> np.ndarray:
    """Which nodes the written output leaves out: with ``hide_bipartite_nodes`` (the official
    ``--hide-bipartite-nodes``) the feature nodes of a bipartite network, so the node rows
    (``.tree``, ``.clu``, ``.csv``, the JSON node lists) show the solution projected onto the
    primary nodes; paths are kept as they are, and the module structure (``.ftree`` links,
    Newick, the module list) still holds every node, as the official writes them."""
    hide = np.zeros(network.num_nodes, dtype=bool)
    if hide_bipartite_nodes and network.bipartite_start is not None:
        hide[network.bipartite_start:] = True
    return hide


def _leaf_rows(result: "InfomapResult", hide_bipartite_nodes: bool = False
               ) -> tuple[list[str], list[float], list[str], list[Any]]:
    """(path, flow, name, id) of every node in tree order (but the hidden ones, :func:`hidden_nodes`)."""
    tree = result.tree
    order = tree.depth_first()
    leaves = order[tree.leaf[order] >= 0]
    leaves = leaves[~hidden_nodes(result.network, hide_bipartite_nodes)[tree.leaf[leaves]]]
    nodes = tree.leaf[leaves].tolist()
    paths = tree.paths()
    names = node_names(result.network)
    ids = result.network.node_ids.tolist()
    return ([":".join(map(str, paths[a])) for a in nodes], tree.flow[leaves].tolist(),
            [names[a] for a in nodes], [ids[a] for a in nodes])


def _head(result: "InfomapResult", info: RunInfo | None, *extra: str) -> str:
    return "\n".join([*header_lines(result, info), *extra]) + "\n"


def _physical_names(network) -> list[str]:
    if network.physical_names is not None:
        return list(network.physical_names)
    return [str(i) for i in network.physical_ids.tolist()]


def _physical_groups(result: "InfomapResult") -> dict[int, list[tuple[int, float]]]:
    """{leaf module: [(physical node index, flow), ...]} of a state network, modules in depth-first
    order: in each leaf module its physical nodes, each once with the summed flow of its state
    nodes there, by decreasing flow (first seen first on ties)."""
    tree, network = result.tree, result.network
    order = tree.depth_first()
    leaves = order[tree.leaf[order] >= 0]
    groups: dict[int, dict[int, float]] = {}
    for t in leaves.tolist():
        module = int(tree.parent[t])
        group = groups.setdefault(module, {})
        p = int(network.physical[int(tree.leaf[t])])
        group[p] = group.get(p, 0.0) + float(tree.flow[t])
    return {module: sorted(group.items(), key=lambda item: -item[1]) for module, group in groups.items()}


def _physical_rows(result: "InfomapResult") -> list[tuple[str, int, float, str, Any]]:
    """(module path, rank, flow, name, physical id) of a state network's physical level (the
    official's physical-level ``.tree``, ``.csv``): :func:`_physical_groups` row by row."""
    tree, network = result.tree, result.network
    names, ids = _physical_names(network), network.physical_ids.tolist()
    rows = []
    for module, ranked in _physical_groups(result).items():
        prefix = path_string_of(tree, module)
        rows.extend((prefix, k + 1, f, names[p], ids[p]) for k, (p, f) in enumerate(ranked))
    return rows


def render_tree(result: "InfomapResult", info: RunInfo | None = None, *, hide_bipartite_nodes: bool = False) -> str:
    if result.network.is_state_network:
        body = "".join(f'{prefix + ":" if prefix else ""}{rank} {f:.9g} "{escape_name(nm)}" {_id_text(i)}\n'
                       for prefix, rank, f, nm, i in _physical_rows(result))
        return _head(result, info, "# higher order", "# physical level", "# path flow name node_id") + body
    tree, network = result.tree, result.network
    leaves, nodes = _leaves_in_order(tree, hidden_nodes(network, hide_bipartite_nodes))
    rows = _path_fields(Rows(), tree, leaves).lit(" ").float(tree.flow[leaves]).lit(' "')
    rows = _id_field(_name_field(rows, network, nodes).lit('" '), network, nodes).lit("\n")
    return _head(result, info, "# path flow name node_id") + _text(rows, len(leaves))


def render_ftree(result: "InfomapResult", info: RunInfo | None = None) -> str:
    return render_tree(result, info) + _ftree_links(result)


def render_states_ftree(result: "InfomapResult", info: RunInfo | None = None) -> str:
    """The state level of a state network with the module links (the official ``NAME_states.ftree``:
    the ``NAME_states.tree`` rows, then the same ``*Links`` sections as ``NAME.ftree``)."""
    return render_states_tree(result, info) + _ftree_links(result)


def _ftree_links(result: "InfomapResult") -> str:
    """The ``*Links`` sections of the ``.ftree``: each module's links between its children."""
    tree = result.tree
    links = module_links(result)
    lines = [f"*Links {'directed' if links.directed else 'undirected'}"]
    if not links.directed:
        lines.append("# link flow is both directions combined, one row per module pair")
    lines.append("#*Links path enterFlow exitFlow numEdges numChildren")
    order = tree.depth_first()
    modules = order[tree.leaf[order] < 0]
    # every link row written at once (grouped by module), then each module's rows taken in depth-first order
    counts = np.diff(links.first)
    data, starts = (Rows().int(links.source_rank).lit(" ").int(links.target_rank).lit(" ")
                    .float(links.flow).lit("\n").render(len(links.flow)))
    begin, end = starts[links.first[modules]], starts[links.first[modules + 1]]
    prefix = module_path_texts(tree)
    heads, head_starts = (Rows().lit("*Links ").text(["root" if t == 0 else prefix[t][:-1] for t in modules.tolist()])
                          .lit(" ").float(tree.enter[modules]).lit(" ").float(tree.exit[modules]).lit(" ")
                          .int(counts[modules]).lit(" ").int(np.bincount(tree.parent[1:], minlength=tree.size)[modules])
                          .lit("\n").render(len(modules)))
    parts = [("\n".join(lines) + "\n").encode()]
    for k in range(len(modules)):
        parts.append(heads[head_starts[k]:head_starts[k + 1]])
        parts.append(data[begin[k]:end[k]])
    return b"".join(parts).decode()


def _state_rows(result: "InfomapResult") -> tuple[list, list, list, list]:
    """The state nodes of a state network in tree order: (path texts, flows, state ids, node
    indices); refuses a network without states (the ``states`` outputs)."""
    if not result.network.is_state_network:
        raise OptionError("the states output needs a state, multilayer or memory network", field="output")
    paths, flows, _, ids = _leaf_rows(result)
    tree = result.tree
    order = tree.depth_first()
    return paths, flows, ids, tree.leaf[order[tree.leaf[order] >= 0]].tolist()


def render_states_tree(result: "InfomapResult", info: RunInfo | None = None) -> str:
    """The state level of a state network (the official ``NAME_states.tree``): a row per state
    node with its state id, physical id (and layer id, multilayer networks)."""
    network = result.network
    paths, flows, ids, nodes = _state_rows(result)
    names, physical_ids = _physical_names(network), network.physical_ids.tolist()
    layer = network.layers
    columns = "# path flow name state_id node_id" + (" layer_id" if layer is not None else "")
    body = "".join(
        f'{p} {f:.9g} "{escape_name(names[network.physical[a]])}" {_id_text(i)} '
        f'{_id_text(physical_ids[network.physical[a]])}' + (f" {int(layer[a])}" if layer is not None else "") + "\n"
        for p, f, i, a in zip(paths, flows, ids, nodes))
    return _head(result, info, "# higher order", "# state level", columns) + body


def render_states_net(result: "InfomapResult", info: RunInfo | None = None) -> str:
    """The state network the flow was computed on (the official ``NAME_states.net``): physical
    nodes, state nodes with their physical node, and the state links (for a multilayer network
    the links it expands to). The higher-order reader reads it back as the same network."""
    network = result.network
    if not network.is_state_network:
        raise OptionError("the states output needs a state, multilayer or memory network", field="output")
    names = _physical_names(network)
    lines = header_lines(result, info)[:2] + ["*Vertices"]
    lines += [f'{_id_text(i)} "{escape_name(nm)}"' for i, nm in zip(network.physical_ids.tolist(), names)]
    state_names = network.node_names if network.layers is None else None
    weights = network.node_weights.tolist() if (network.node_weights != 1.0).any() else None  # teleportation
    lines += ["*States", "# stateId physicalId" + (' "name"' if state_names else "") + (" weight" if weights else "")]
    physical_ids = network.physical_ids.tolist()
    for a, sid in enumerate(network.node_ids.tolist()):
        row = f"{_id_text(sid)} {_id_text(physical_ids[network.physical[a]])}"
        lines.append(row + (f' "{escape_name(state_names[a])}"' if state_names else "")
                     + (f" {weights[a]!r}" if weights else ""))
    lines.append("*Links")
    src, tgt, w = network.to_coo()
    weights = w.tolist() if w.size else [1.0] * src.shape[0]
    ids = network.node_ids.tolist()
    lines += [f"{_id_text(ids[a])} {_id_text(ids[b])} {x!r}" for a, b, x in zip(src.tolist(), tgt.tolist(), weights)]
    return "\n".join(lines) + "\n"


def render_states_clu(result: "InfomapResult", clu_level: int = 1, info: RunInfo | None = None) -> str:
    """The state-level ``.clu`` of a state network: state_id module flow node_id (and layer_id,
    multilayer networks), headed ``# state level`` as the official's."""
    network = result.network
    if not network.is_state_network:
        raise OptionError("the states output needs a state, multilayer or memory network", field="output")
    tree = result.tree
    modules = modules_at_level(tree, clu_level)
    flows = result.flow.node_flow
    ids, physical_ids = network.node_ids.tolist(), network.physical_ids.tolist()
    order = tree.depth_first()
    nodes = tree.leaf[order[tree.leaf[order] >= 0]].tolist()
    layer = network.layers  # multilayer: the layer of each state, as the official's fifth column
    body = "".join(f"{_id_text(ids[a])} {modules[a]} {flows[a]:.9g} {_id_text(physical_ids[network.physical[a]])}"
                   + (f" {int(layer[a])}\n" if layer is not None else "\n") for a in nodes)
    columns = "# state_id module flow node_id" + (" layer_id" if layer is not None else "")
    return _head(result, info, "# higher order", "# state level", f"# module level {clu_level}", columns) + body


def render_clu(result: "InfomapResult", clu_level: int = 1, info: RunInfo | None = None, *,
               hide_bipartite_nodes: bool = False) -> str:
    tree = result.tree
    if result.network.is_state_network:  # physical level: a physical node once per module holding it
        modules = modules_at_level(tree, clu_level)
        network = result.network
        flows = result.flow.node_flow
        ids = network.physical_ids.tolist()
        order = tree.depth_first()
        nodes = tree.leaf[order[tree.leaf[order] >= 0]].tolist()
        groups: dict[tuple[int, int], float] = {}
        for a in nodes:
            key = (int(modules[a]), int(network.physical[a]))
            groups[key] = groups.get(key, 0.0) + float(flows[a])
        body = "".join(f"{_id_text(ids[p])} {m} {f:.9g}\n" for (m, p), f in groups.items())
        return _head(result, info, "# higher order", "# physical level", f"# module level {clu_level}",
                     "# node_id module flow") + body
    modules = modules_at_level(tree, clu_level)
    _, nodes = _leaves_in_order(tree, hidden_nodes(result.network, hide_bipartite_nodes))
    rows = _id_field(Rows(), result.network, nodes).lit(" ").int(modules[nodes]).lit(" ")
    rows = rows.float(result.flow.node_flow[nodes]).lit("\n")
    return _head(result, info, f"# module level {clu_level}", "# node_id module flow") + _text(rows, len(nodes))


def render_csv(result: "InfomapResult", info: RunInfo | None = None, *, hide_bipartite_nodes: bool = False) -> str:
    tree, network = result.tree, result.network
    if network.is_state_network:  # the physical level, as the .tree (the official's NAME.csv)
        rows = _physical_rows(result)
        names = csv_cell_texts([nm for _, _, _, nm, _ in rows])
        ids = [str(i) if isinstance(i, int) else '"' + csv_cell_texts([str(i)])[0] + '"' for *_, i in rows]
        return "path,flow,name,node_id\n" + "".join(
            f'{prefix + ":" if prefix else ""}{rank},{f:.9g},"{nm}",{i}\n'
            for (prefix, rank, f, _, _), nm, i in zip(rows, names, ids))
    leaves, nodes = _leaves_in_order(tree, hidden_nodes(network, hide_bipartite_nodes))
    rows = _path_fields(Rows(), tree, leaves).lit(",").float(tree.flow[leaves]).lit(',"')
    if network.node_names is None and network.node_ids.dtype.kind == "i":
        rows = rows.int(network.node_ids[nodes])          # a number's text needs no guard or doubled quote
    else:
        names = node_names(network)
        rows = rows.text(csv_cell_texts([names[a] for a in nodes.tolist()]))
    rows = rows.lit('",')
    if network.node_ids.dtype.kind == "i":
        rows = rows.int(network.node_ids[nodes])
    else:
        rows = rows.lit('"').text(csv_cell_texts([str(v) for v in network.node_ids[nodes].tolist()])).lit('"')
    return "path,flow,name,node_id\n" + _text(rows.lit("\n"), len(leaves))


def render_states_csv(result: "InfomapResult", info: RunInfo | None = None) -> str:
    """The state level of a state network as CSV (the official ``NAME_states.csv``): path, flow,
    physical name, state id, (layer id,) physical id of every state node, in tree order."""
    network = result.network
    paths, flows, ids, nodes = _state_rows(result)
    names = csv_cell_texts([_physical_names(network)[network.physical[a]] for a in nodes])
    physical_ids = network.physical_ids.tolist()

    def cell(i) -> str:
        return str(i) if isinstance(i, int) else '"' + csv_cell_texts([str(i)])[0] + '"'

    layer = network.layers  # multilayer: the official's layer_id column, before node_id
    return ("path,flow,name,state_id," + ("layer_id," if layer is not None else "") + "node_id\n") + "".join(
        f'{p},{f:.9g},"{nm}",{cell(i)},' + (f"{int(layer[a])}," if layer is not None else "")
        + f"{cell(physical_ids[network.physical[a]])}\n"
        for p, f, nm, i, a in zip(paths, flows, names, ids, nodes))


def render_newick(result: "InfomapResult", info: RunInfo | None = None, *, states: bool = False) -> str:
    """``(TREE);`` where a module is ``(child,child,...):flow`` and a node ``id:flow``; the root
    is the outermost module (flow 1), wrapped once more as the official writes it. A state
    network's leaves are its physical nodes (:func:`_physical_newick`), or with ``states`` its
    state nodes (the official ``NAME_states.nwk``).

    Written as one row per event in depth-first order: every tree node opens (``,`` unless it is
    its parent's first child, then ``(`` for a module or ``label:flow`` for a leaf) and every
    module closes (``):flow``) right after the last node under it, the deepest first."""
    tree = result.tree
    if result.network.is_state_network and not states:
        return _physical_newick(result)
    size = tree.size
    order = tree.depth_first()
    position = np.empty(size, dtype=np.int64)
    position[order] = np.arange(size)
    last = position.copy()          # preorder position of the last node under each tree node
    for depth in range(int(tree.depth.max()), 0, -1):
        nodes = np.flatnonzero(tree.depth == depth)
        np.maximum.at(last, tree.parent[nodes], last[nodes])
    is_leaf = tree.leaf >= 0
    modules = np.flatnonzero(~is_leaf)
    leaves = np.flatnonzero(is_leaf)
    ids = result.network.node_ids
    labels = np.empty(size, dtype=object)
    labels[modules] = "("
    if ids.dtype.kind == "i":        # an integer's text is a bare label
        labels[leaves] = ids[tree.leaf[leaves]].astype(str).astype(object) + ":"
    else:
        labels[leaves] = [label + ":" for label in newick_labels([str(v) for v in ids[tree.leaf[leaves]].tolist()])]
    comma = np.where((tree.rank > 1) & (np.arange(size) > 0), ",", "").astype(object)
    keys = np.concatenate([2 * position, 2 * last[modules] + 1])
    deeper_first = np.concatenate([np.zeros(size, dtype=np.int64), -tree.depth[modules]])
    events = np.lexsort((deeper_first, keys))
    texts = np.concatenate([comma + labels, np.full(len(modules), "):", dtype=object)])[events]
    flows = np.concatenate([tree.flow, tree.flow[modules]])[events]
    skip = np.concatenate([~is_leaf, np.zeros(len(modules), dtype=bool)])[events]   # an opening "(" has no flow
    return "(" + _text(Rows().text(texts.tolist()).float(flows, skip=skip), len(events)) + ");\n"


def _physical_newick(result: "InfomapResult") -> str:
    """:func:`render_newick` of a state network's physical level (the official's ``NAME.nwk``): a
    leaf module's children are its physical nodes, each once with the summed flow of its states."""
    tree, network = result.tree, result.network
    ids = network.physical_ids
    if ids.dtype.kind == "i":
        labels = [str(i) for i in ids.tolist()]
    else:
        labels = newick_labels([str(v) for v in ids.tolist()])
    groups = _physical_groups(result)
    children: dict[int, list[int]] = {}
    for t in tree.depth_first().tolist()[1:]:
        if tree.leaf[t] < 0:
            children.setdefault(int(tree.parent[t]), []).append(t)

    def module(t: int) -> str:
        if t in groups:
            inner = ",".join(f"{labels[p]}:{f:.9g}" for p, f in groups[t])
        else:
            inner = ",".join(module(c) for c in children.get(t, []))
        return f"({inner}):{float(tree.flow[t]):.9g}"

    return "(" + module(0) + ");\n"
