"""The flow on the links between the children of every module (the ``.ftree`` link sections).

A link ``a -> b`` between two nodes belongs to their lowest common ancestor ``M``: it runs
between the two children of ``M`` that hold ``a`` and ``b`` and carries the link's flow.
Links that join the same pair of children are summed; for undirected flow the pair is
unordered (the smaller rank first). Self-links, and links inside one child, belong deeper.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from ..infomap import InfomapResult

__all__ = ["ModuleLinks", "module_links"]


@dataclass(frozen=True)
class ModuleLinks:
    """Rows ``first[t]:first[t + 1]`` of ``source_rank, target_rank, flow`` are module ``t``'s links."""

    source_rank: np.ndarray
    target_rank: np.ndarray
    flow: np.ndarray
    first: np.ndarray
    directed: bool

    def count(self, t: int) -> int:
        return int(self.first[t + 1] - self.first[t])


def module_links(result: "InfomapResult") -> ModuleLinks:
    tree = result.tree
    directed = result.flow.flow_model != "undirected"
    leaf_t = tree.leaf_tree_index()
    src, tgt, f = result.flow.link_source, result.flow.link_target, result.flow.link_flow
    keep = src != tgt
    a, b, f = leaf_t[src[keep]].copy(), leaf_t[tgt[keep]].copy(), f[keep]
    depth, parent = tree.depth, tree.parent
    while True:  # lift the deeper end until both ends are siblings
        apart = parent[a] != parent[b]
        if not apart.any():
            break
        da, db = depth[a], depth[b]
        up_a = apart & (da >= db)
        up_b = apart & (db >= da)
        a[up_a] = parent[a[up_a]]
        b[up_b] = parent[b[up_b]]
    owner = parent[a]
    ra, rb = tree.rank[a], tree.rank[b]
    if not directed:
        ra, rb = np.minimum(ra, rb), np.maximum(ra, rb)
    order = np.lexsort((rb, ra, owner))  # sum equal (owner, ra, rb) triples: sort, reduce each run
    owner, ra, rb, f = owner[order], ra[order], rb[order], f[order]
    new_run = np.ones(owner.shape[0], dtype=bool)
    new_run[1:] = (owner[1:] != owner[:-1]) | (ra[1:] != ra[:-1]) | (rb[1:] != rb[:-1])
    starts = np.flatnonzero(new_run)
    sums = np.add.reduceat(f, starts) if starts.size else f[:0]
    owner = owner[starts]
    first = np.searchsorted(owner, np.arange(tree.size + 1))
    return ModuleLinks(ra[starts], rb[starts], sums, first, directed)
