"""The module hierarchy and its multilevel map equation.

A :class:`Tree` is a table of tree nodes: index 0 is the root; every other tree node
has a ``parent``; leaves carry the network node index in ``leaf`` (-1 for modules).
Children are ordered by decreasing flow (ties by first node), so the 1-based path of
a node (``1:2:3``) is the same as in the official ``.tree`` files.

Multilevel map equation (Rosvall & Bergstrom 2011): every module ``M`` (the root
included, whose exit is 0) has a codebook for its exit and its children's entries::

    L_M = plogp(q_M + sum_c e_c) - plogp(q_M) - sum_c plogp(e_c)

where ``q_M`` is the exit flow of ``M`` and ``e_c`` the enter flow of child module
``c`` or the flow ``p_a`` of a leaf child. ``L = sum_M L_M``; the root's term is the
index codelength. A two-level tree gives exactly the two-level map equation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .errors import PartitionError
from .flow import FlowGraph
from .mapequation import module_flows, plogp

__all__ = ["Tree"]


@dataclass(frozen=True, eq=False)
class Tree:
    """A hierarchy of modules over the leaf nodes of a network."""

    parent: np.ndarray  # int64, -1 for the root
    leaf: np.ndarray  # int64, node index for leaves, -1 for modules
    flow: np.ndarray
    enter: np.ndarray
    exit: np.ndarray
    rank: np.ndarray  # 1-based position among siblings
    depth: np.ndarray  # 0 for the root
    _children: list = field(default=None, repr=False)

    # ------------------------------------------------------------- building
    @classmethod
    def from_columns(cls, fg: FlowGraph, columns: list[np.ndarray]) -> "Tree":
        """Build from module keys per depth, top first: ``columns[d][a]`` is the key of
        node ``a``'s module at depth ``d + 1``, or -1 where its path has ended.

        Keys only need to differ among siblings. Children are ordered by flow.
        """
        n = fg.num_nodes
        ids = np.zeros(n, dtype=np.int64)
        module_parent = [np.array([-1], dtype=np.int64)]
        count = 1
        for col in columns:
            col = np.asarray(col, dtype=np.int64)
            valid = col >= 0
            if not valid.any():
                break
            base = int(col.max()) + 1
            uniq, inv = np.unique(ids[valid] * base + col[valid], return_inverse=True)
            module_parent.append(uniq // base)
            ids[valid] = count + inv
            count += uniq.shape[0]
        return cls._assemble(fg, np.concatenate(module_parent), ids, count)

    @classmethod
    def from_paths(cls, fg: FlowGraph, paths: list[tuple]) -> "Tree":
        """Build from one module path (tuple of ints, top first) per node."""
        n = fg.num_nodes
        if len(paths) != n:
            raise PartitionError(f"the tree must cover every node: {len(paths)} paths for {n} nodes", field="partition")
        depth = max(len(p) for p in paths)
        cols = np.full((depth, n), -1, dtype=np.int64)
        for a, path in enumerate(paths):
            if any(int(x) < 0 for x in path):
                raise PartitionError(f"tree path {path!r} has a negative module", field="partition")
            cols[: len(path), a] = path
        return cls.from_columns(fg, list(cols))

    @classmethod
    def two_level(cls, fg: FlowGraph, modules: np.ndarray) -> "Tree":
        return cls.from_columns(fg, [np.asarray(modules, dtype=np.int64)])

    @classmethod
    def _assemble(cls, fg: FlowGraph, module_parent: np.ndarray, leaf_parent: np.ndarray, num_modules: int) -> "Tree":
        """Append the leaves, compute every module's flow, enter and exit, rank children."""
        n = fg.num_nodes
        parent = np.concatenate([module_parent, leaf_parent])
        leaf = np.concatenate([np.full(num_modules, -1, dtype=np.int64), np.arange(n, dtype=np.int64)])
        total = parent.shape[0]
        depth = _depths(parent)
        flow = np.zeros(total)
        enter = np.zeros(total)
        exit_ = np.zeros(total)
        flow[num_modules:] = fg.node_flow
        enter[num_modules:] = fg.enter
        exit_[num_modules:] = fg.exit
        # Group the leaves by their ancestor at each depth in turn (deepest first).
        anc = leaf_parent.copy()
        while True:
            valid = anc > 0
            if not valid.any():
                break
            grouped = np.where(valid, anc, 0)  # bucket 0 (the root) collects the finished leaves
            mflow, menter, mexit = module_flows(fg, grouped, num_modules)
            touched = np.unique(anc[valid])
            flow[touched] = mflow[touched]
            enter[touched] = menter[touched]
            exit_[touched] = mexit[touched]
            anc = np.where(valid, module_parent[grouped], 0)
        flow[0] = fg.node_flow.sum()
        rank = _ranks(parent, flow, leaf)
        return cls(parent=parent, leaf=leaf, flow=flow, enter=enter, exit=exit_, rank=rank, depth=depth)

    # ------------------------------------------------------------ structure
    @property
    def size(self) -> int:
        return int(self.parent.shape[0])

    def children(self) -> list[np.ndarray]:
        """Children of each tree node, ordered by rank."""
        if self._children is None:
            order = np.lexsort((self.rank, self.parent))
            order = order[self.parent[order] >= 0]
            bounds = np.searchsorted(self.parent[order], np.arange(self.size + 1))
            object.__setattr__(self, "_children", [order[bounds[i]:bounds[i + 1]] for i in range(self.size)])
        return self._children

    @property
    def num_levels(self) -> int:
        """Depth of the deepest leaf (2 for a two-level partition)."""
        return int(self.depth[self.leaf >= 0].max()) if self.size > 1 else 0

    @property
    def num_top_modules(self) -> int:
        return int(len(self.children()[0]))

    def leaf_tree_index(self) -> np.ndarray:
        """Tree index of each network node."""
        out = np.empty(int((self.leaf >= 0).sum()), dtype=np.int64)
        mask = self.leaf >= 0
        out[self.leaf[mask]] = np.nonzero(mask)[0]
        return out

    def paths(self) -> list[tuple[int, ...]]:
        """1-based path of every network node (top module first, leaf rank last)."""
        cache: dict[int, tuple] = {0: ()}
        order = np.argsort(self.depth, kind="stable")
        for t in order[1:]:
            cache[t] = cache[self.parent[t]] + (int(self.rank[t]),)
        idx = self.leaf_tree_index()
        return [cache[int(t)] for t in idx]

    def modules_at_level(self, level: int = 1) -> np.ndarray:
        """Module id (0-based, in tree order) of each node at ``level`` (1 = top, -1 = leaf modules)."""
        idx = self.leaf_tree_index()
        if level == -1:
            anc = self.parent[idx]
        else:
            anc = idx.copy()
            while True:
                deeper = self.depth[anc] > level
                if not deeper.any():
                    break
                anc[deeper] = self.parent[anc[deeper]]
            anc = np.where(self.depth[anc] == level, anc, self.parent[anc] if level > 0 else anc)
        _, ids = np.unique(self.sort_key()[anc], return_inverse=True)
        return ids.astype(np.int64)

    def sort_key(self) -> np.ndarray:
        """A key per tree node that orders tree nodes depth-first by path."""
        order = self.depth_first()
        key = np.empty(self.size, dtype=np.int64)
        key[order] = np.arange(self.size)
        return key

    def depth_first(self) -> np.ndarray:
        """Tree node indices in depth-first (pre-)order by rank."""
        kids = self.children()
        out = []
        stack = [0]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(kids[t][::-1].tolist())
        return np.asarray(out, dtype=np.int64)

    # ------------------------------------------------------------ codelength
    def codelength_terms(self) -> np.ndarray:
        """L_M of every tree node (0 for leaves); their sum is the codelength."""
        is_leaf = self.leaf >= 0
        child_rate = np.where(is_leaf, self.flow, self.enter)
        has_parent = self.parent >= 0
        p = self.parent[has_parent]
        sum_rate = np.bincount(p, weights=child_rate[has_parent], minlength=self.size)
        sum_plogp = np.bincount(p, weights=plogp(child_rate[has_parent]), minlength=self.size)
        exit_ = np.where(np.arange(self.size) == 0, 0.0, self.exit)
        terms = plogp(exit_ + sum_rate) - plogp(exit_) - sum_plogp
        terms[is_leaf] = 0.0
        return terms

    def codelength(self) -> tuple[float, float, float]:
        """(total, index, module) codelength in bits."""
        terms = self.codelength_terms()
        total = float(terms.sum())
        return total, float(terms[0]), total - float(terms[0])

    def level_codelengths(self) -> list[float]:
        """Sum of the codebook terms of the modules at each depth (0 = the index codebook)."""
        terms = self.codelength_terms()
        modules = self.leaf < 0
        depth = self.depth[modules]
        return np.bincount(depth, weights=terms[modules]).tolist()


def _depths(parent: np.ndarray) -> np.ndarray:
    """Distance of every tree node from the root (index 0)."""
    depth = np.zeros(parent.shape[0], dtype=np.int64)
    cur = parent.copy()
    hops = 0
    while True:
        up = cur >= 0
        if not up.any():
            return depth
        depth[up] += 1
        cur[up] = parent[cur[up]]
        hops += 1
        if hops > parent.shape[0]:
            raise PartitionError("the tree has a cycle", field="partition")


def _ranks(parent: np.ndarray, flow: np.ndarray, leaf: np.ndarray) -> np.ndarray:
    """1-based rank among siblings by decreasing flow (ties: modules before leaves, then index)."""
    total = parent.shape[0]
    rank = np.zeros(total, dtype=np.int64)
    idx = np.arange(1, total)
    order = np.lexsort((idx, -flow[idx], parent[idx]))
    sorted_idx = idx[order]
    sorted_parent = parent[sorted_idx]
    starts = np.r_[0, np.nonzero(np.diff(sorted_parent))[0] + 1]
    group_start = np.repeat(starts, np.diff(np.r_[starts, sorted_idx.shape[0]]))
    rank[sorted_idx] = np.arange(sorted_idx.shape[0]) - group_start + 1
    return rank
