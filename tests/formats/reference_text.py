"""The per-row renderers before infomap_core/formats/rows.py (main at the merge), kept as the reference
of tests/formats/test_rows.py.

The official Infomap's text formats: ``.tree``, ``.ftree``, ``.clu``, ``.csv``, ``.nwk``.

Byte for byte the layout of the files the official Infomap 2.16 writes (header lines from
:mod:`.header`, the column line, one row per node in depth-first order of the tree with
children by decreasing flow), with numbers to 9 significant digits where the official
writes 6. ``.csv`` and ``.nwk`` have no header, as in the official. Names and string ids
are written with :mod:`infomap_core.textfields`, so no value can forge a line or a field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from infomap_core.errors import OptionError
from infomap_core.textfields import csv_text_cell, escape_name, escape_token, newick_label
from infomap_core.formats.header import RunInfo, header_lines
from infomap_core.formats.levels import modules_at_level
from infomap_core.formats.module_links import module_links

if TYPE_CHECKING:  # pragma: no cover
    from infomap_core.infomap import InfomapResult

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


def _physical_rows(result: "InfomapResult") -> list[tuple[str, int, float, str, Any]]:
    """(module path, rank, flow, name, physical id) of a state network's physical level: in each
    leaf module its physical nodes, each once with the summed flow of its state nodes there, by
    decreasing flow (the official's physical-level ``.tree``)."""
    tree, network = result.tree, result.network
    order = tree.depth_first()
    leaves = order[tree.leaf[order] >= 0]
    names, ids = _physical_names(network), network.physical_ids.tolist()
    groups: dict[int, dict[int, float]] = {}
    for t in leaves.tolist():
        module = int(tree.parent[t])
        group = groups.setdefault(module, {})
        p = int(network.physical[int(tree.leaf[t])])
        group[p] = group.get(p, 0.0) + float(tree.flow[t])
    rows = []
    for module, group in groups.items():
        prefix = path_string_of(tree, module)
        ranked = sorted(group.items(), key=lambda item: -item[1])  # stable: first seen first on ties
        rows.extend((prefix, k + 1, f, names[p], ids[p]) for k, (p, f) in enumerate(ranked))
    return rows


def render_tree(result: "InfomapResult", info: RunInfo | None = None, *, hide_bipartite_nodes: bool = False) -> str:
    if result.network.is_state_network:
        body = "".join(f'{prefix + ":" if prefix else ""}{rank} {f:.9g} "{escape_name(nm)}" {_id_text(i)}\n'
                       for prefix, rank, f, nm, i in _physical_rows(result))
        return _head(result, info, "# higher order", "# physical level", "# path flow name node_id") + body
    paths, flows, names, ids = _leaf_rows(result, hide_bipartite_nodes)
    body = "".join(f'{p} {f:.9g} "{escape_name(nm)}" {_id_text(i)}\n'
                   for p, f, nm, i in zip(paths, flows, names, ids))
    return _head(result, info, "# path flow name node_id") + body


def render_ftree(result: "InfomapResult", info: RunInfo | None = None) -> str:
    tree = result.tree
    links = module_links(result)
    lines = [f"*Links {'directed' if links.directed else 'undirected'}"]
    if not links.directed:
        lines.append("# link flow is both directions combined, one row per module pair")
    lines.append("#*Links path enterFlow exitFlow numEdges numChildren")
    rows = [f"{x} {y} {s:.9g}" for x, y, s in zip(links.source_rank.tolist(), links.target_rank.tolist(),
                                                   links.flow.tolist())]
    kids = tree.children()
    for t in tree.depth_first().tolist():
        if tree.leaf[t] >= 0:
            continue
        path = "root" if t == 0 else path_string_of(tree, t)
        lines.append(f"*Links {path} {tree.enter[t]:.9g} {tree.exit[t]:.9g} {links.count(t)} {len(kids[t])}")
        lines.extend(rows[int(links.first[t]):int(links.first[t + 1])])
    return render_tree(result, info) + "\n".join(lines) + "\n"


def render_states_tree(result: "InfomapResult", info: RunInfo | None = None) -> str:
    """The state level of a state network (the official ``NAME_states.tree``): a row per state
    node with its state id, physical id (and layer id, multilayer networks)."""
    network = result.network
    if not network.is_state_network:
        raise OptionError("the states output needs a state, multilayer or memory network", field="output")
    paths, flows, _, ids = _leaf_rows(result)
    tree = result.tree
    order = tree.depth_first()
    nodes = tree.leaf[order[tree.leaf[order] >= 0]].tolist()
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
    lines += ["*States", "# stateId physicalId"]
    state_names = network.node_names if network.layers is None else None
    physical_ids = network.physical_ids.tolist()
    for a, sid in enumerate(network.node_ids.tolist()):
        row = f"{_id_text(sid)} {_id_text(physical_ids[network.physical[a]])}"
        lines.append(row + (f' "{escape_name(state_names[a])}"' if state_names else ""))
    lines.append("*Links")
    src, tgt, w = network.to_coo()
    weights = w.tolist() if w.size else [1.0] * src.shape[0]
    ids = network.node_ids.tolist()
    lines += [f"{_id_text(ids[a])} {_id_text(ids[b])} {x!r}" for a, b, x in zip(src.tolist(), tgt.tolist(), weights)]
    return "\n".join(lines) + "\n"


def render_states_clu(result: "InfomapResult", clu_level: int = 1, info: RunInfo | None = None) -> str:
    """The state-level ``.clu`` of a state network: state_id module flow node_id."""
    network = result.network
    if not network.is_state_network:
        raise OptionError("the states output needs a state, multilayer or memory network", field="output")
    tree = result.tree
    modules = modules_at_level(tree, clu_level)
    flows = result.flow.node_flow
    ids, physical_ids = network.node_ids.tolist(), network.physical_ids.tolist()
    order = tree.depth_first()
    nodes = tree.leaf[order[tree.leaf[order] >= 0]].tolist()
    body = "".join(f"{_id_text(ids[a])} {modules[a]} {flows[a]:.9g} {_id_text(physical_ids[network.physical[a]])}\n"
                   for a in nodes)
    return _head(result, info, f"# module level {clu_level}", "# state_id module flow node_id") + body


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
        return _head(result, info, f"# module level {clu_level}", "# node_id module flow") + body
    modules = modules_at_level(tree, clu_level)
    flows = result.flow.node_flow
    ids = result.network.node_ids.tolist()
    order = tree.depth_first()
    hide = hidden_nodes(result.network, hide_bipartite_nodes)
    nodes = [a for a in tree.leaf[order[tree.leaf[order] >= 0]].tolist() if not hide[a]]
    body = "".join(f"{_id_text(ids[a])} {modules[a]} {flows[a]:.9g}\n" for a in nodes)
    return _head(result, info, f"# module level {clu_level}", "# node_id module flow") + body


def render_csv(result: "InfomapResult", info: RunInfo | None = None, *, hide_bipartite_nodes: bool = False) -> str:
    paths, flows, names, ids = _leaf_rows(result, hide_bipartite_nodes)
    body = "".join(f"{p},{f:.9g},{csv_text_cell(nm)},{csv_text_cell(i) if isinstance(i, str) else i}\n"
                   for p, f, nm, i in zip(paths, flows, names, ids))
    return "path,flow,name,node_id\n" + body


def render_newick(result: "InfomapResult", info: RunInfo | None = None) -> str:
    """``(TREE);`` where a module is ``(child,child,...):flow`` and a node ``id:flow``; the root
    is the outermost module (flow 1), wrapped once more as the official writes it."""
    tree = result.tree
    kids = tree.children()
    ids = result.network.node_ids.tolist()
    out: list[str] = ["("]
    stack: list[tuple[int, int]] = [(0, 0)]  # (tree node, 0 open / 1 close)
    first = True
    while stack:
        t, closing = stack.pop()
        if closing:
            out.append(f"):{tree.flow[t]:.9g}")
            continue
        if not first:
            out.append(",")
        first = False
        if tree.leaf[t] >= 0:
            out.append(f"{newick_label(str(ids[int(tree.leaf[t])]))}:{tree.flow[t]:.9g}")
            continue
        out.append("(")
        first = True
        stack.append((t, 1))
        stack.extend((int(c), 0) for c in kids[t][::-1].tolist())
    return "".join(out) + ");\n"
