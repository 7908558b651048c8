"""The module hierarchy: a table of tree nodes with their flows.

A :class:`Tree` is a table of tree nodes: index 0 is the root; every other tree node
has a ``parent``; leaves carry the network node index in ``leaf`` (-1 for modules).
Children are ordered by decreasing flow (ties by first node), so the 1-based path of
a node (``1:2:3``) is the same as in the official ``.tree`` files.

Leaves may sit at different depths (a *ragged* tree). Every module's flow, enter and
exit flow are those of the set of leaves under it, whatever their depths; the
codelength is the multilevel map equation of :mod:`.mapequation`
(:func:`.mapequation.tree_codelength_terms`).

Shape rules (the official Infomap's): a leaf directly under the root becomes a module
of its own; a module below the root holds either leaves or modules, never both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numba import njit

from .errors import PartitionError
from .flow import FlowGraph
from .mapequation import NO_VARIANT, Objective, module_flows, tree_codelength_terms

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
    leaf_key: np.ndarray | None = None  # physical node of each tree node's leaf (state networks)
    _children: list = field(default=None, repr=False)

    # ------------------------------------------------------------- building
    @classmethod
    def from_columns(cls, fg: FlowGraph, columns: list[np.ndarray], *, node_labels=None) -> "Tree":
        """Build from module keys per depth, top first: ``columns[d][a]`` is the key of
        node ``a``'s module at depth ``d + 1``, or -1 where its path has ended.

        Keys are labels (int64 >= 0): they only need to differ among siblings and are
        never used in arithmetic. A node whose path is empty becomes a module of its own.
        Children are ordered by flow.
        """
        n = fg.num_nodes
        ids = np.zeros(n, dtype=np.int64)  # current tree node of each leaf's path (0: the root)
        module_parent = [np.array([-1], dtype=np.int64)]
        count = 1
        for col in columns:
            col = np.asarray(col, dtype=np.int64)
            valid = col >= 0
            if not valid.any():
                break
            new_parent, inverse = _distinct_pairs(ids[valid], col[valid])
            module_parent.append(new_parent)
            ids[valid] = count + inverse
            count += new_parent.shape[0]
        at_root = ids == 0
        if at_root.any():
            # A leaf directly under the root is a module of its own (as in the official files).
            module_parent.append(np.zeros(int(at_root.sum()), dtype=np.int64))
            ids[at_root] = count + np.arange(int(at_root.sum()))
            count += int(at_root.sum())
        return cls._assemble(fg, np.concatenate(module_parent), ids, count, node_labels=node_labels)

    @classmethod
    def from_paths(cls, fg: FlowGraph, paths: list[tuple], *, node_labels=None) -> "Tree":
        """Build from one module path (tuple of non-negative ints, top first) per node.

        Path components are labels of any size (Python ints): they are compared, never
        added or multiplied. ``node_labels`` (one per node) names nodes in errors.
        """
        n = fg.num_nodes
        if len(paths) != n:
            raise PartitionError(f"the tree must cover every node: {len(paths)} paths for {n} nodes", field="partition")
        depth = max((len(p) for p in paths), default=0)
        columns = []
        for d in range(depth):
            raw = [p[d] if len(p) > d else None for p in paths]
            present = np.fromiter((x is not None for x in raw), dtype=bool, count=n)
            values = [x for x in raw if x is not None]
            if any(x < 0 for x in values):
                a = next(i for i, x in enumerate(raw) if x is not None and x < 0)
                who = node_labels[a] if node_labels is not None else a
                raise PartitionError(f"tree path of node {who!r} has a negative module index", field="partition")
            try:
                keys = np.asarray(values, dtype=np.int64)
            except OverflowError:  # labels beyond int64: rank them as Python ints
                keys = np.unique(np.asarray(values, dtype=object), return_inverse=True)[1].astype(np.int64)
            col = np.full(n, -1, dtype=np.int64)
            col[present] = keys
            columns.append(col)
        return cls.from_columns(fg, columns, node_labels=node_labels)

    @classmethod
    def two_level(cls, fg: FlowGraph, modules: np.ndarray) -> "Tree":
        return cls.from_columns(fg, [np.asarray(modules, dtype=np.int64)])

    @classmethod
    def one_level(cls, fg: FlowGraph) -> "Tree":
        """Every node directly under the root (``infomap --no-infomap``): codelength ``H(p)``."""
        return cls._assemble(fg, np.array([-1], dtype=np.int64), np.zeros(fg.num_nodes, dtype=np.int64), 1)

    @classmethod
    def _assemble(cls, fg: FlowGraph, module_parent: np.ndarray, leaf_parent: np.ndarray, num_modules: int,
                  *, node_labels=None) -> "Tree":
        """Append the leaves, compute every module's flow, enter and exit, rank children."""
        n = fg.num_nodes
        parent = np.concatenate([module_parent, leaf_parent])
        leaf = np.concatenate([np.full(num_modules, -1, dtype=np.int64), np.arange(n, dtype=np.int64)])
        depth = _depths(parent)
        _check_unmixed(parent, leaf, node_labels)
        total = parent.shape[0]
        flow = np.zeros(total)
        enter = np.zeros(total)
        exit_ = np.zeros(total)
        flow[num_modules:] = fg.node_flow
        enter[num_modules:] = fg.enter
        exit_[num_modules:] = fg.exit
        # Deepest modules first: at step d every leaf whose current ancestor sits at depth d
        # is grouped by it; the others wait in bucket 0 (the root, never read here).
        anc = leaf_parent.copy()
        anc_depth = depth[anc]
        for d in range(int(anc_depth.max()), 0, -1):
            here = anc_depth == d
            grouped = np.where(here, anc, 0)
            mflow, menter, mexit = module_flows(fg, grouped, num_modules)
            touched = np.unique(anc[here])
            flow[touched] = mflow[touched]
            enter[touched] = menter[touched]
            exit_[touched] = mexit[touched]
            anc[here] = module_parent[anc[here]]
            anc_depth[here] -= 1
        flow[0] = fg.node_flow.sum()
        rank = _ranks(parent, flow)
        leaf_key = None
        if fg.physical is not None:
            leaf_key = np.full(total, -1, dtype=np.int64)
            leaf_key[num_modules:] = fg.physical
        return cls(parent=parent, leaf=leaf, flow=flow, enter=enter, exit=exit_, rank=rank, depth=depth,
                   leaf_key=leaf_key)

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
        """Children of the root (the nodes themselves in a one-level tree, as the official counts)."""
        return int(np.count_nonzero(self.parent == 0))

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
        """Module id (0-based, in tree order) of each node at ``level`` (1 = top, -1 = leaf
        modules): its ancestor module at depth ``level``, or its own (deepest) module when
        that is shallower (a ragged tree), as the official's ``get_modules(depth_level)``."""
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
            anc = np.where(self.leaf[anc] >= 0, self.parent[anc], anc)  # a leaf is no module: its parent is
        _, ids = np.unique(self.sort_key()[anc], return_inverse=True)
        return ids.astype(np.int64)

    def sort_key(self) -> np.ndarray:
        """A key per tree node that orders tree nodes depth-first by path."""
        order = self.depth_first()
        key = np.empty(self.size, dtype=np.int64)
        key[order] = np.arange(self.size)
        return key

    def depth_first(self) -> np.ndarray:
        """Tree node indices in depth-first (pre-)order by rank (computed once per tree)."""
        cached = self.__dict__.get("_preorder")
        if cached is None:
            order = np.lexsort((self.rank, self.parent))
            order = order[self.parent[order] >= 0]
            first = np.searchsorted(self.parent[order], np.arange(self.size + 1))
            cached = _preorder(first, order, self.size)
            cached.flags.writeable = False      # shared by every caller
            object.__setattr__(self, "_preorder", cached)
        return cached

    # ------------------------------------------------------------ codelength
    def codelength_terms(self, objective: Objective = NO_VARIANT) -> np.ndarray:
        """L_M of every tree node (0 for leaves); with the top-module penalty of
        ``objective`` their sum is the codelength."""
        return tree_codelength_terms(self.parent, self.leaf >= 0, self.flow, self.enter, self.exit, self.leaf_key,
                                     objective, self.leaf)

    def codelength(self, objective: Objective = NO_VARIANT) -> tuple[float, float, float]:
        """(total, index, module) codelength in bits; a top-module penalty counts as module
        codelength (as the official reports it)."""
        terms = self.codelength_terms(objective)
        one_level = self.size > 1 and bool((self.leaf[self.parent == 0] >= 0).any())
        total = float(terms.sum()) + float(objective.top_penalty(1 if one_level else self.num_top_modules))
        return total, float(terms[0]), total - float(terms[0])

    def level_codelengths(self, objective: Objective = NO_VARIANT) -> list[float]:
        """Sum of the codebook terms of the modules at each depth (0 = the index codebook)."""
        terms = self.codelength_terms(objective)
        modules = self.leaf < 0
        depth = self.depth[modules]
        return np.bincount(depth, weights=terms[modules]).tolist()


@njit(cache=True)
def _preorder(first: np.ndarray, kids: np.ndarray, size: int) -> np.ndarray:
    """Pre-order from the root of a tree whose children of ``t`` are ``kids[first[t]:first[t + 1]]``."""
    out = np.empty(size, dtype=np.int64)
    stack = np.empty(size, dtype=np.int64)
    stack[0] = 0
    top, k = 1, 0
    while top > 0:
        top -= 1
        t = stack[top]
        out[k] = t
        k += 1
        for j in range(first[t + 1] - 1, first[t] - 1, -1):
            stack[top] = kids[j]
            top += 1
    return out[:k]


def _distinct_pairs(parent_ids: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct ``(parent, key)`` pairs: (parent of each pair, pair index of each input).

    Sorted by (parent, key) with a lexsort, so keys of any int64 size are never combined
    arithmetically (no overflow)."""
    if keys.size and parent_ids.min() == parent_ids.max() and 0 <= keys.min() and keys.max() < 4 * keys.size:
        # one parent (the top level): the distinct keys in order, without a sort
        present = np.zeros(int(keys.max()) + 1, dtype=bool)
        present[keys] = True
        number = np.cumsum(present) - 1
        return np.full(int(number[-1]) + 1, parent_ids[0], dtype=np.int64), number[keys]
    order = np.lexsort((keys, parent_ids))
    p, k = parent_ids[order], keys[order]
    new = np.ones(order.shape[0], dtype=bool)
    new[1:] = (p[1:] != p[:-1]) | (k[1:] != k[:-1])
    pair_of_sorted = np.cumsum(new) - 1
    inverse = np.empty(order.shape[0], dtype=np.int64)
    inverse[order] = pair_of_sorted
    return p[new], inverse


def _check_unmixed(parent: np.ndarray, leaf: np.ndarray, node_labels) -> None:
    """A module below the root holds leaves or modules, not both (the official's rule:
    the codelength of such a module is not defined)."""
    is_leaf = leaf >= 0
    has_parent = parent >= 0
    leaf_kids = np.bincount(parent[has_parent & is_leaf], minlength=parent.shape[0])
    module_kids = np.bincount(parent[has_parent & ~is_leaf], minlength=parent.shape[0])
    mixed = np.nonzero((leaf_kids > 0) & (module_kids > 0))[0]
    mixed = mixed[mixed > 0]
    if mixed.size:
        m = int(mixed[0])
        a = int(leaf[np.nonzero((parent == m) & is_leaf)[0][0]])
        who = node_labels[a] if node_labels is not None else a
        raise PartitionError(f"node {who!r} sits next to sub-modules in its module: a module holds either "
                             "nodes or sub-modules, so give every node under it the same depth",
                             field="partition")


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


def _ranks(parent: np.ndarray, flow: np.ndarray) -> np.ndarray:
    """1-based rank among siblings by decreasing flow (ties: modules before leaves, then index).

    Modules come before leaves in the table, so the ties are by index alone: one stable sort
    by decreasing flow, then each node counted among its siblings in that order."""
    order = np.argsort(-flow[1:], kind="stable") + 1
    return _count_among_siblings(parent, order)


@njit(cache=True)
def _count_among_siblings(parent, order):
    """``rank[u]``: how many of ``u``'s siblings come up to ``u`` in ``order`` (1-based)."""
    total = parent.shape[0]
    seen = np.zeros(total, dtype=np.int64)
    rank = np.zeros(total, dtype=np.int64)
    for u in order:
        p = parent[u]
        seen[p] += 1
        rank[u] = seen[p]
    return rank
