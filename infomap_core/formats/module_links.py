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
from numba import njit

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


@njit(cache=True)
def _sibling_ends(src, tgt, leaf_t, parent, depth, rank, directed):
    """Per link between two different nodes: the module that owns it and the ranks of the two
    children of that module holding its ends (ordered for undirected flow)."""
    m = src.shape[0]
    owner = np.empty(m, dtype=np.int64)
    ra = np.empty(m, dtype=np.int64)
    rb = np.empty(m, dtype=np.int64)
    keep = np.zeros(m, dtype=np.bool_)
    for i in range(m):
        if src[i] == tgt[i]:
            continue
        a, b = leaf_t[src[i]], leaf_t[tgt[i]]
        while parent[a] != parent[b]:   # lift the deeper end (both when level) until they are siblings
            da, db = depth[a], depth[b]
            if da >= db:
                a = parent[a]
            if db >= da:
                b = parent[b]
        keep[i] = True
        owner[i] = parent[a]
        x, y = rank[a], rank[b]
        if not directed and x > y:
            x, y = y, x
        ra[i], rb[i] = x, y
    return owner[keep], ra[keep], rb[keep], keep


@njit(cache=True)
def _counting_order(keys, bound, order):
    """``order`` stably sorted by ``keys[order]`` (``0 <= keys < bound``): one counting-sort pass."""
    counts = np.zeros(bound + 1, dtype=np.int64)
    for i in range(order.shape[0]):
        counts[keys[order[i]] + 1] += 1
    for k in range(bound):
        counts[k + 1] += counts[k]
    out = np.empty_like(order)
    for i in range(order.shape[0]):
        k = keys[order[i]]
        out[counts[k]] = order[i]
        counts[k] += 1
    return out


def _stable_order(owner, ra, rb, size, span) -> np.ndarray:
    """Indices sorting the triples ``(owner, ra, rb)``, equal triples in their given order (so their
    flows are summed in the order of the links): one quicksort of the distinct keys
    ``((owner x span + ra) x span + rb) x m + i`` when they fit in int64, else stable counting-sort
    passes, least significant key first."""
    m = owner.shape[0]
    if m == 0 or size * span * span * m < 2**62:
        return np.argsort(((owner * span + ra) * span + rb) * m + np.arange(m))
    order = np.arange(m, dtype=np.int64)
    for keys, bound in ((rb, span), (ra, span), (owner, size)):
        order = _counting_order(keys, bound, order)
    return order


def module_links(result: "InfomapResult") -> ModuleLinks:
    tree = result.tree
    directed = result.flow.flow_model != "undirected"
    owner, ra, rb, keep = _sibling_ends(result.flow.link_source, result.flow.link_target, tree.leaf_tree_index(),
                                        tree.parent, tree.depth, tree.rank, directed)
    f = result.flow.link_flow[keep]
    # sum equal (owner, ra, rb) triples: sort them, stably, and reduce each run
    order = _stable_order(owner, ra, rb, tree.size, int(tree.rank.max()) + 1 if tree.size else 1)
    owner, ra, rb, f = owner[order], ra[order], rb[order], f[order]
    new_run = np.ones(owner.shape[0], dtype=bool)
    new_run[1:] = (owner[1:] != owner[:-1]) | (ra[1:] != ra[:-1]) | (rb[1:] != rb[:-1])
    starts = np.flatnonzero(new_run)
    sums = np.add.reduceat(f, starts) if starts.size else f[:0]
    owner = owner[starts]
    first = np.searchsorted(owner, np.arange(tree.size + 1))
    return ModuleLinks(ra[starts], rb[starts], sums, first, directed)
