"""A preferred number of levels: which of the trees a multilevel trial can build it returns.

With ``preferred_number_of_levels`` ``P > 0`` and ``preferred_number_of_levels_strength``
``s`` (bits per level) a multilevel trial returns, among

* the tree its search found (``D`` levels),
* that tree with levels collapsed, to every depth from ``D - 1`` down to ``max(P, 2)``
  (:func:`collapsed`: modules of modules dissolved into their parents, which keeps the top
  and the leaf modules), and
* deeper trees, one level more at a time up to ``P`` (:func:`deepened`: top modules
  grouped under new super-modules, by a super-module search of the top modules taken
  even when it does not shorten the code, or by the one pair of top modules whose grouping
  lengthens it least),

the one of least ``L + s |levels - P|`` (the first found on ties within ``MIN_GAIN``; the
cheapest deeper tree often groups a single pair, deeper in one branch only),
``L`` the map equation of the tree and ``levels`` its depth, that of its deepest leaf
(:attr:`.tree.Tree.num_levels`, the official's ``numLevels``: 2 for a two-level
partition). The reported codelength stays ``L``; ``s |levels - P|`` is reported apart as
the level penalty. ``s = 0`` or ``P = 0`` returns the search's tree untouched.

These are mapeq's semantics, not the official's: Infomap 2.16 biases the accept tests of its
own hierarchy stages by a depth prior (mapequation/infomap pull request 678), which leaves
the codelength of a given tree unchanged and does not reach the depth asked
(``tests/engine/test_search_options.py``).
"""

from __future__ import annotations

import numpy as np

from .flow import FlowGraph
from .infomap import MAX_PREFERRED_LEVELS
from .mapequation import NO_VARIANT, Objective, codebook_length, plogp
from .multilevel import _best_partition, _dissolving, _enter_as_flow
from .optimizer import MIN_GAIN, Level, SearchSettings
from .tree import Tree

__all__ = ["level_penalty", "prefer_levels", "collapsed", "deepened", "MAX_PREFERRED_LEVELS", "PAIR_CANDIDATES"]

#: Top-module pairs :func:`deepened` scores exactly for one level: the ones of least estimated
#: codelength increase (:func:`_cheapest_pairs`).
PAIR_CANDIDATES = 8


def level_penalty(num_levels: int, preferred: int, strength: float) -> float:
    """``strength * |num_levels - preferred|`` bits; 0 without a preference (``preferred`` 0).

    Examples
    --------
    >>> level_penalty(4, 2, 1.5), level_penalty(2, 2, 1.5), level_penalty(3, 0, 1.5)
    (3.0, 0.0, 0.0)
    """
    if preferred <= 0:
        return 0.0
    return float(strength) * abs(int(num_levels) - int(preferred))


def prefer_levels(fg: FlowGraph, tree: Tree, preferred: int, strength: float, rng: np.random.Generator,
                  settings: SearchSettings | None = None, objective: Objective = NO_VARIANT) -> tuple[Tree, float]:
    """The tree of least ``L + strength |levels - preferred|`` among ``tree``, its collapses and
    its deepenings (see the module docstring): (tree, its level penalty)."""
    if preferred <= 0 or strength == 0:
        return tree, 0.0
    settings = settings or SearchSettings()

    def score(t: Tree) -> float:
        return t.codelength(objective)[0] + level_penalty(t.num_levels, preferred, strength)

    best, best_score = tree, score(tree)
    for depth in range(tree.num_levels - 1, max(preferred, 2) - 1, -1):
        candidate = collapsed(fg, tree, depth, objective)
        if score(candidate) < best_score - MIN_GAIN:
            best, best_score = candidate, score(candidate)
    current = tree
    while current.num_levels < preferred:
        current = deepened(fg, current, rng, settings, objective)
        if current is None:
            break
        if score(current) < best_score - MIN_GAIN:
            best, best_score = current, score(current)
    return best, level_penalty(best.num_levels, preferred, strength)


def collapsed(fg: FlowGraph, tree: Tree, depth: int, objective: Objective = NO_VARIANT) -> Tree:
    """``tree`` cut to at most ``depth`` levels (``depth >= 2``) by dissolving modules of
    modules into their parents, only ones above a deepest leaf: the shortest of two ways,
    (1) the module whose dissolving lengthens ``L`` least first, (2) every such module at
    one depth ``k``, for each ``k`` (whole levels removed). The leaf modules stay; a
    dissolved top module's children become top modules."""
    if depth < 2:
        raise ValueError("a collapsed tree keeps two levels at least")
    if tree.num_levels <= depth:
        return tree
    modules = np.nonzero(tree.leaf < 0)[0]
    leaf_parents = np.unique(tree.parent[tree.leaf >= 0])  # fixed: only modules of modules are dissolved

    def chooser(at_depth: int | None):
        def choose(candidates, delta, state):
            parent, _ = state
            module_depth = _module_depths(parent, modules)
            deepest = int(module_depth[leaf_parents].max()) + 1  # of a leaf
            if deepest <= depth:
                return None
            above = np.zeros(parent.shape[0], dtype=bool)
            anc = leaf_parents[module_depth[leaf_parents] + 1 == deepest]
            while anc.size:
                above[anc] = True
                anc = np.unique(parent[anc])
                anc = anc[anc >= 0]
            allowed = above[candidates]
            if at_depth is not None:
                allowed &= module_depth[candidates] == at_depth
            if not allowed.any():
                return None
            return int(np.nonzero(allowed)[0][np.argmin(delta[allowed])])
        return choose

    best, best_length = None, np.inf
    for at_depth in [None, *range(1, tree.num_levels - 1)]:
        candidate = _dissolving(fg, tree, objective, chooser(at_depth))
        if candidate.num_levels > depth:
            continue
        length = candidate.codelength(objective)[0]
        if length < best_length - MIN_GAIN:
            best, best_length = candidate, length
    return best


def _module_depths(parent: np.ndarray, modules: np.ndarray) -> np.ndarray:
    """Depth of the tree nodes ``modules`` under the current ``parent`` (others: 0)."""
    depth = np.zeros(parent.shape[0], dtype=np.int64)
    cur = parent[modules]
    hops = np.zeros(modules.shape[0], dtype=np.int64)
    while True:
        up = cur >= 0
        if not up.any():
            depth[modules] = hops
            return depth
        hops[up] += 1
        cur[up] = parent[cur[up]]


def deepened(fg: FlowGraph, tree: Tree, rng: np.random.Generator, settings: SearchSettings | None = None,
             objective: Objective = NO_VARIANT) -> Tree | None:
    """``tree`` with one level more (None when it has fewer than three top modules): top
    modules grouped under new super-modules, a group of one left as it is, two top modules at
    least kept (a single top module would add a level that codes nothing: every
    codelength term stays the same). The shorter of
    (1) the best of ``settings.super_module_trials`` searches of the module network of the
    top modules (coded at their enter flow, as :func:`.multilevel._super_module_levels`
    searches it), taken even when it lengthens the code, if it groups a deepest top module;
    (2) the pair of a deepest top module and a top module linked to it (any other when it
    has no link) whose grouping lengthens ``L`` least (of the :data:`PAIR_CANDIDATES` pairs
    :func:`_cheapest_pairs` estimates cheapest)."""
    settings = settings or SearchSettings()
    tops = tree.children()[0]
    num_tops = int(tops.shape[0])
    if num_tops < 3 or (tree.leaf[tops] >= 0).any():
        return None
    position = np.full(tree.size, -1, dtype=np.int64)
    position[tops] = np.arange(num_tops)
    leaves = tree.leaf_tree_index()
    anc = leaves.copy()
    while True:
        up = tree.parent[anc] > 0
        if not up.any():
            break
        anc[up] = tree.parent[anc[up]]
    top_of_node = position[anc]
    top_depth = np.zeros(num_tops, dtype=np.int64)
    np.maximum.at(top_depth, top_of_node, tree.depth[leaves])
    deepest = top_depth == tree.num_levels
    units = _enter_as_flow(Level.from_flow(fg, objective).merged(top_of_node, num_tops))
    candidates = []
    sm, ks, _ = _best_partition(units, np.zeros(num_tops, dtype=np.int64), np.zeros(1), rng, settings)
    if 1 < ks < num_tops and (np.bincount(sm, minlength=ks)[sm] > 1)[deepest].any():
        candidates.append(_grouped(fg, tree, tops, sm))
    for a, b in _cheapest_pairs(units, deepest)[:PAIR_CANDIDATES].tolist():
        group = np.arange(num_tops, dtype=np.int64)
        group[b] = a
        candidates.append(_grouped(fg, tree, tops, group))
    candidates = [t for t in candidates if t.num_levels > tree.num_levels and t.num_top_modules > 1]
    if not candidates:
        return None
    lengths = [t.codelength(objective)[0] for t in candidates]
    return candidates[int(np.argmin(lengths))]


def _cheapest_pairs(units: Level, deepest: np.ndarray) -> np.ndarray:
    """Pairs ``(a, b)`` of top modules (the ``units`` of the module network, coded at their enter
    flow), ``a`` of the ``deepest`` and ``b`` linked to it (every other top module when ``a`` has
    no link), cheapest first by the codelength increase of grouping the two under a new
    super-module ``S``: with ``d`` the flow between them (recorded teleportation included),
    ``e_S = e_a + e_b - d``, ``x_S = x_a + x_b - d``, the root codebook trades ``e_a, e_b`` for
    ``e_S`` and ``S`` adds ``codebook(x_S; e_a, e_b)`` (:func:`.mapequation.codebook_length`).
    The variants' terms are the same for every pair (one module more, one top module fewer) and
    are left out: the estimate only orders the pairs."""
    n = units.n
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(units.indptr))
    keep = deepest[rows] & (units.indices != rows)
    a, b, d = rows[keep], units.indices[keep].astype(np.int64), units.pflow[keep]
    lonely = np.nonzero(deepest & (np.bincount(rows[units.indices != rows], minlength=n) == 0))[0]
    if lonely.size:
        others = np.arange(n, dtype=np.int64)
        la = np.repeat(lonely, n)
        lb = np.tile(others, lonely.size)
        keep = la != lb
        a, b = np.concatenate([a, la[keep]]), np.concatenate([b, lb[keep]])
        d = np.concatenate([d, np.zeros(int(keep.sum()))])
    if units.recorded:
        d = d + units.tf[a] * units.tw[b] + units.tf[b] * units.tw[a]
    a, b = np.minimum(a, b), np.maximum(a, b)
    _, first = np.unique(a * n + b, return_index=True)
    a, b, d = a[first], b[first], d[first]
    e, x = units.enter, units.exit
    rate, rate_plogp = float(e.sum()), float(plogp(e).sum())
    e_s, x_s = np.maximum(e[a] + e[b] - d, 0.0), np.maximum(x[a] + x[b] - d, 0.0)
    pair_plogp = plogp(e[a]) + plogp(e[b])
    delta = (codebook_length(0.0, rate - e[a] - e[b] + e_s, rate_plogp - pair_plogp + plogp(e_s))
             + codebook_length(x_s, e[a] + e[b], pair_plogp))
    return np.stack([a, b], axis=1)[np.argsort(delta, kind="stable")]


def _grouped(fg: FlowGraph, tree: Tree, tops: np.ndarray, group: np.ndarray) -> Tree:
    """``tree`` with its top modules ``tops`` (``group[j]`` the group of ``tops[j]``) under one
    new super-module per group of two or more."""
    is_leaf = tree.leaf >= 0
    keep = np.nonzero(~is_leaf)[0]  # the root (index 0) and every module
    new_index = np.full(tree.size, -1, dtype=np.int64)
    new_index[keep] = np.arange(keep.shape[0])
    module_parent = np.where(tree.parent[keep] >= 0, new_index[np.maximum(tree.parent[keep], 0)], -1)
    labels, group = np.unique(group, return_inverse=True)
    size = np.bincount(group, minlength=labels.shape[0])
    wrapped = np.nonzero(size > 1)[0]
    super_index = np.full(labels.shape[0], -1, dtype=np.int64)
    super_index[wrapped] = keep.shape[0] + np.arange(wrapped.shape[0])
    members = size[group] > 1
    module_parent[new_index[tops[members]]] = super_index[group[members]]
    module_parent = np.concatenate([module_parent, np.zeros(wrapped.shape[0], dtype=np.int64)])
    leaves = np.nonzero(is_leaf)[0]
    leaf_parent = np.empty(fg.num_nodes, dtype=np.int64)
    leaf_parent[tree.leaf[leaves]] = new_index[tree.parent[leaves]]
    return Tree._assemble(fg, module_parent, leaf_parent, module_parent.shape[0])
