"""Output formats of a result, compatible with the official Infomap files.

``FORMATS`` is the one table of every format: name -> (extension, media type).
``render(result, name, clu_level=1)`` returns the text of a format. Every text
format starts with the same header facts as the official files (codelength,
relative savings, levels, top modules, trials, seed, flow model).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import orjson

from .errors import OptionError
from .network import Network
from .tree import Tree

if TYPE_CHECKING:  # pragma: no cover
    from .infomap import InfomapResult

__all__ = ["FORMATS", "Format", "render", "tree_to_json", "path_string_of", "format_for"]


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str
    description: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", ".json", "application/json", "our documented JSON schema (also the REST API's)"),
        Format("clu", ".clu", "text/plain", "node_id module flow, at --clu-level (1 top, -1 leaf modules)"),
        Format("tree", ".tree", "text/plain", "path flow name node_id, the official hierarchy file"),
        Format("ftree", ".ftree", "text/plain", "the tree plus the links between modules with their flow"),
        Format("csv", ".csv", "text/csv", "path,flow,name,node_id"),
        Format("newick", ".nwk", "text/plain", "the hierarchy as a Newick tree with flows as lengths"),
    )
}


def format_for(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise OptionError(f"unknown output format {name!r}; expected one of {', '.join(FORMATS)}", field="format")


def path_string_of(tree: Tree, t: int) -> str:
    parts = []
    while t > 0:
        parts.append(str(int(tree.rank[t])))
        t = int(tree.parent[t])
    return ":".join(reversed(parts))


def _names(network: Network) -> list[str]:
    if network.node_names is not None:
        return list(network.node_names)
    return [str(i) for i in network.node_ids.tolist()]


def tree_to_json(tree: Tree, network: Network) -> dict[str, Any]:
    """Nested modules: {path, flow, enter, exit, modules: [...]} or leaf {node, name, flow}."""
    kids = tree.children()
    ids = network.node_ids.tolist()
    names = _names(network)

    def build(t: int, path: str) -> dict[str, Any]:
        if tree.leaf[t] >= 0:
            a = int(tree.leaf[t])
            return {"path": path, "node": ids[a], "name": names[a], "flow": float(tree.flow[t])}
        children = [build(int(c), f"{path}:{int(tree.rank[c])}" if path else str(int(tree.rank[c]))) for c in kids[t]]
        return {"path": path or "root", "flow": float(tree.flow[t]), "enter": float(tree.enter[t]),
                "exit": float(tree.exit[t]), "children": children}

    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        return build(0, "")
    finally:
        sys.setrecursionlimit(limit)


def _header(result: "InfomapResult", columns: str | None) -> str:
    lines = [
        f"# mapeq {_version()}",
        f"# trials {result.best_trial + 1} of {result.options.num_trials}",
        f"# seed {result.options.seed}",
        f"# partitioned into {result.num_levels} levels with {result.num_modules} top modules",
        f"# codelength {result.codelength:.9g} bits",
        f"# relative codelength savings {100 * result.relative_codelength_savings:.6g}%",
        f"# flow model {result.flow.flow_model}",
    ]
    if columns:
        lines.append(f"# {columns}")
    return "\n".join(lines) + "\n"


def _version() -> str:
    from . import __version__

    return __version__


def _tree_rows(result: "InfomapResult") -> tuple[list[str], list[float], list[str], list[Any]]:
    tree = result.tree
    order = tree.depth_first()
    leaves = order[tree.leaf[order] >= 0]
    paths = tree.paths()
    names = _names(result.network)
    ids = result.network.node_ids.tolist()
    nodes = tree.leaf[leaves]
    return ([":".join(map(str, paths[a])) for a in nodes.tolist()], tree.flow[leaves].tolist(),
            [names[a] for a in nodes.tolist()], [ids[a] for a in nodes.tolist()])


def _quote(name: str) -> str:
    return '"' + name.replace('"', "'") + '"'


def render_tree(result: "InfomapResult") -> str:
    paths, flows, names, ids = _tree_rows(result)
    body = "".join(f"{p} {f:.9g} {_quote(nm)} {i}\n" for p, f, nm, i in zip(paths, flows, names, ids))
    return _header(result, "path flow name node_id") + body


def render_csv(result: "InfomapResult") -> str:
    paths, flows, names, ids = _tree_rows(result)
    body = "".join(f"{p},{f:.9g},{_quote(nm)},{i}\n" for p, f, nm, i in zip(paths, flows, names, ids))
    return "path,flow,name,node_id\n" + body


def render_clu(result: "InfomapResult", clu_level: int = 1) -> str:
    modules = result.module_ids(clu_level)
    flows = result.flow.node_flow
    ids = result.network.node_ids.tolist()
    order = np.lexsort((np.arange(len(ids)), modules))
    header = _header(result, None) + f"# module level {clu_level}\n# node_id module flow\n"
    return header + "".join(f"{ids[a]} {modules[a]} {flows[a]:.9g}\n" for a in order.tolist())


def render_ftree(result: "InfomapResult") -> str:
    tree = result.tree
    text = render_tree(result)
    directed = result.flow.flow_model != "undirected"
    lines = [f"*Links {'directed' if directed else 'undirected'}",
             "#*Links path enterFlow exitFlow numEdges numChildren"]
    # Link flow between sibling sub-trees: lift each link to the children of its
    # lowest common ancestor.
    leaf_t = tree.leaf_tree_index()
    src, tgt, f = result.flow.link_source, result.flow.link_target, result.flow.link_flow
    keep = src != tgt
    a, b, f = leaf_t[src[keep]], leaf_t[tgt[keep]], f[keep]
    depth = tree.depth
    parent = tree.parent
    # climb the deeper end until both ends are siblings
    a, b = a.copy(), b.copy()
    while True:
        same_parent = parent[a] == parent[b]
        if same_parent.all():
            break
        da, db = depth[a], depth[b]
        up_a = ~same_parent & (da >= db)
        up_b = ~same_parent & (db >= da)
        a[up_a] = parent[a[up_a]]
        b[up_b] = parent[b[up_b]]
    owner = parent[a]
    ra, rb = tree.rank[a], tree.rank[b]
    if not directed:
        ra, rb = np.minimum(ra, rb), np.maximum(ra, rb)
    # Sum the flow of equal (owner, ra, rb) triples: sort once, then reduce each run.
    order = np.lexsort((rb, ra, owner))
    owner, ra, rb, f = owner[order], ra[order], rb[order], f[order]
    new_run = np.ones(owner.shape[0], dtype=bool)
    new_run[1:] = (owner[1:] != owner[:-1]) | (ra[1:] != ra[:-1]) | (rb[1:] != rb[:-1])
    starts = np.flatnonzero(new_run)
    owner, ra, rb = owner[starts], ra[starts], rb[starts]
    sums = np.add.reduceat(f, starts) if starts.size else f[:0]
    # The links of module t are rows first[t]:first[t + 1] (owners are sorted).
    first = np.searchsorted(owner, np.arange(tree.parent.shape[0] + 1))
    link_lines = [f"{x} {y} {s:.9g}" for x, y, s in zip(ra.tolist(), rb.tolist(), sums.tolist())]
    kids = tree.children()
    for t in tree.depth_first().tolist():
        if tree.leaf[t] >= 0:
            continue
        lo, hi = int(first[t]), int(first[t + 1])
        path = "root" if t == 0 else path_string_of(tree, t)
        lines.append(f"*Links {path} {tree.enter[t]:.9g} {tree.exit[t]:.9g} {hi - lo} {len(kids[t])}")
        lines.extend(link_lines[lo:hi])
    return text + "\n".join(lines) + "\n"


def render_newick(result: "InfomapResult") -> str:
    tree = result.tree
    kids = tree.children()
    ids = result.network.node_ids.tolist()

    def label(value: Any) -> str:
        s = str(value)
        return s if all(c.isalnum() or c in "_-." for c in s) else "'" + s.replace("'", "''") + "'"

    out: list[str] = []
    stack: list[tuple[int, bool]] = [(0, False)]
    while stack:
        t, closing = stack.pop()
        if closing:
            out.append(f"):{tree.flow[t]:.9g}")
            continue
        if out and out[-1] not in ("(",):
            out.append(",")
        if tree.leaf[t] >= 0:
            out.append(f"{label(ids[int(tree.leaf[t])])}:{tree.flow[t]:.9g}")
            continue
        out.append("(")
        stack.append((t, True))
        for c in kids[t][::-1].tolist():
            stack.append((c, False))
    text = "".join(out).replace("(,", "(")
    return _header(result, None) + text + ";\n"


def render_json(result: "InfomapResult") -> str:
    return orjson.dumps(result.to_dict(include_flow=True), option=orjson.OPT_SERIALIZE_NUMPY).decode()


def render(result: "InfomapResult", name: str, *, clu_level: int = 1) -> str:
    """The text of ``result`` in format ``name`` (see :data:`FORMATS`)."""
    format_for(name)
    if name == "clu":
        return render_clu(result, clu_level)
    return {"json": render_json, "tree": render_tree, "ftree": render_ftree, "csv": render_csv,
            "newick": render_newick}[name](result)
