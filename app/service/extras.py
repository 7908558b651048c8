"""What an InfoMap answer can carry for a page that draws it (no FastAPI here).

* :func:`module_links_json`: the ``.ftree`` link sections as JSON, one entry per module
  (the root first, then every module depth first, as the ``.ftree`` writes them), from
  :func:`infomap_core.formats.module_links.module_links`, the one implementation.
* :func:`links_json`: the links of the network as the engine stored them (ids, weights;
  duplicates summed), so that a client draws exactly what was clustered.
* :func:`result_file`: a result in one output format, the bytes :func:`infomap_core.formats.render`
  writes (the files of the command line and of ``GET /v1/jobs/{id}/result?format=``).

Examples
--------
>>> from infomap_core import Network, run_infomap
>>> result = run_infomap(Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]))
>>> root = module_links_json(result)["modules"][0]
>>> root["path"], root["num_children"], root["links"]
('root', 2, [[1, 2, 0.14285714285714285]])
>>> links_json(result.network)["source"][:3]
[1, 2, 3]
>>> result_file(result, "clu").data.splitlines()[-1]
b'6 2 0.142857143'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from infomap_core.formats import format_for, path_string_of, render
from infomap_core.formats.module_links import module_links

if TYPE_CHECKING:  # pragma: no cover
    from infomap_core import InfomapResult, Network

__all__ = ["module_links_json", "links_json", "result_file", "ResultFile"]


def module_links_json(result: "InfomapResult") -> dict[str, Any]:
    """``{"directed", "modules": [{"path", "enter", "exit", "num_children", "links"}]}``.

    ``links`` rows are ``[source_rank, target_rank, flow]`` between two children of the
    module (the children's paths are the module's path plus ``:rank``; the root's children
    are the top modules, path ``rank``). Undirected flow: one row per unordered pair, the
    flow of both directions summed, the smaller rank first (as the ``.ftree`` writes it).
    """
    tree = result.tree
    links = module_links(result)
    kids = tree.children()
    src, tgt, flow = links.source_rank.tolist(), links.target_rank.tolist(), links.flow.tolist()
    modules = []
    for t in tree.depth_first().tolist():
        if tree.leaf[t] >= 0:
            continue
        lo, hi = int(links.first[t]), int(links.first[t + 1])
        modules.append({
            "path": "root" if t == 0 else path_string_of(tree, t),
            "enter": float(tree.enter[t]),
            "exit": float(tree.exit[t]),
            "num_children": len(kids[t]),
            "links": [[src[k], tgt[k], flow[k]] for k in range(lo, hi)],
        })
    return {"directed": links.directed, "modules": modules}


def links_json(network: "Network") -> dict[str, Any]:
    """``{"directed", "source", "target", "weight"}``: the stored links, by node id.

    An undirected network stores each pair once (``directed`` false: draw no arrowhead).
    """
    src, tgt, weight = network.to_coo()
    ids = network.node_ids
    return {"directed": bool(network.directed), "source": ids[src].tolist(), "target": ids[tgt].tolist(),
            "weight": weight.tolist()}


@dataclass(frozen=True)
class ResultFile:
    """One output format of a result: its bytes (UTF-8), media type and file extension."""

    data: bytes
    media_type: str
    extension: str


def result_file(result: "InfomapResult", name: str, *, hide_bipartite_nodes: bool = False) -> ResultFile:
    """``result`` written in format ``name`` (an :class:`~infomap_core.errors.OptionError`
    naming ``format`` when there is no such format)."""
    spec = format_for(name)
    return ResultFile(render(result, name, hide_bipartite_nodes=hide_bipartite_nodes).encode("utf-8"),
                      spec.media_type, spec.extension)
