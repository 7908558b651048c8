"""Multilevel search: super-modules above, sub-modules below the two-level partition.

1. Two-level partition of the network (:func:`.optimizer.optimize_level`).
2. Sub-modules: every module with more than two nodes is searched as its own
   network (units join only units of the same module; the module's exit flow is in
   its index codebook). A split is kept where it shortens that module's codelength;
   kept sub-modules are split again, to any depth. All modules of one depth are
   searched at once, so the result does not depend on the order of modules.
3. Super-modules: the module network (each module's enter flow as its node flow) is
   partitioned repeatedly; a new level is kept only while it shortens the index
   codebook.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .flow import FlowGraph
from .kernels import induced, module_sums, relabel
from .mapequation import codebook_length, plogp
from .optimizer import Level, SearchSettings, level_codelength, one_module_codelength, optimize_level
from .tree import Tree

__all__ = ["optimize_multilevel"]

MAX_DEPTH = 30
MIN_GAIN = 1e-10


def optimize_multilevel(fg: FlowGraph, rng: np.random.Generator, settings: SearchSettings | None = None,
                        initial: np.ndarray | None = None) -> Tree:
    """One trial of the multilevel search; returns the module tree."""
    settings = settings or SearchSettings()
    level = Level.from_flow(fg)
    n = level.n
    modules, k = optimize_level(level, rng, settings, initial)
    zero = np.zeros(n, dtype=np.int64)
    two_level = float(level_codelength(level, modules, k)[0])
    one_level = float(one_module_codelength(level, zero, np.zeros(1))[0])
    if k <= 1 or two_level >= one_level:
        return Tree.two_level(fg, zero)
    below = _sub_module_columns(level, modules, k, rng, settings)
    above = _super_module_columns(level, modules, k, rng, settings)
    return dissolve_redundant_modules(fg, Tree.from_columns(fg, above + [modules] + below))


def dissolve_redundant_modules(fg: FlowGraph, tree: Tree) -> Tree:
    """Replace modules of modules by their children where that shortens L.

    Dissolving module ``M`` (enter ``e_M``, exit ``x_M``; children's rates summing to
    ``R_M``, their plogp to ``S_M``) into its parent ``P`` replaces two codebooks by one::

        delta L = codebook(x_P; R_P - e_M + R_M, S_P - plogp(e_M) + S_M)
                  - codebook(x_P; R_P, S_P) - codebook(x_M; R_M, S_M)

    (:func:`.mapequation.codebook_length`); the best such move is applied until none
    gains. Only modules whose children are modules qualify, so every module keeps
    children of one kind (as the official tree files expect).
    """
    parent = tree.parent.copy()
    is_leaf = tree.leaf >= 0
    rate = np.where(is_leaf, tree.flow, tree.enter)
    exit_ = tree.exit.copy()
    exit_[0] = 0.0
    alive = np.ones(parent.shape[0], dtype=bool)
    changed = False
    while True:
        has_parent = (parent >= 0) & alive
        sum_rate = np.bincount(parent[has_parent], weights=rate[has_parent], minlength=parent.shape[0])
        sum_plogp = np.bincount(parent[has_parent], weights=plogp(rate[has_parent]), minlength=parent.shape[0])
        leaf_kids = np.bincount(parent[has_parent & is_leaf], minlength=parent.shape[0])
        candidates = np.nonzero(alive & ~is_leaf & (parent >= 0) & (leaf_kids == 0) & (sum_rate > 0))[0]
        if candidates.size == 0:
            break
        p, m = parent[candidates], candidates
        e_m = rate[m]
        delta = (codebook_length(exit_[p], sum_rate[p] - e_m + sum_rate[m], sum_plogp[p] - plogp(e_m) + sum_plogp[m])
                 - codebook_length(exit_[p], sum_rate[p], sum_plogp[p])
                 - codebook_length(exit_[m], sum_rate[m], sum_plogp[m]))
        best = int(np.argmin(delta))
        if not delta[best] < -MIN_GAIN:
            break
        m = candidates[best]
        parent[(parent == m) & alive] = parent[m]
        alive[m] = False
        changed = True
    if not changed:
        return tree
    keep = np.nonzero(alive & ~is_leaf)[0]
    new_index = np.full(parent.shape[0], -1, dtype=np.int64)
    new_index[keep] = np.arange(keep.shape[0])
    module_parent = np.where(parent[keep] >= 0, new_index[np.maximum(parent[keep], 0)], -1)
    leaves = np.nonzero(is_leaf)[0]
    leaf_parent = np.empty(fg.num_nodes, dtype=np.int64)
    leaf_parent[tree.leaf[leaves]] = new_index[parent[leaves]]
    return Tree._assemble(fg, module_parent, leaf_parent, keep.shape[0])


def _sub_module_columns(level: Level, modules: np.ndarray, k: int, rng, settings) -> list[np.ndarray]:
    """Key columns of the recursive sub-module levels (-1 where a path ends)."""
    n = level.n
    columns: list[np.ndarray] = []
    current = modules.copy()
    next_key = k
    for _ in range(MAX_DEPTH):
        current_ids, kc = relabel(current)
        sizes = np.bincount(current_ids, minlength=kc)
        selected = np.nonzero(sizes[current_ids] > 2)[0]
        if selected.size == 0:
            break
        _, _, mexit, _, _ = module_sums(level.indptr, level.indices, level.pflow, level.flow, level.enter,
                                        level.exit, level.tf, level.tw, current_ids, kc, level.recorded)
        group, num_groups = relabel(current_ids[selected])
        group_exit = np.zeros(num_groups)
        group_exit[group] = np.maximum(mexit[current_ids[selected]], 0.0)
        sub = _induced(level, selected, group)
        untuned = replace(settings, max_tune_iterations=settings.sub_module_tune_iterations)
        subs, ks = optimize_level(sub, rng, untuned, parent=group, parent_exit=group_exit)
        split = level_codelength(sub, subs, ks, group, group_exit)
        flat = one_module_codelength(sub, group, group_exit)
        count = np.bincount(np.unique(group * (ks + 1) + subs) // (ks + 1), minlength=num_groups)
        keep = (split < flat - MIN_GAIN) & (count > 1)
        kept_leaf = keep[group]
        if not kept_leaf.any():
            break
        column = np.full(n, -1, dtype=np.int64)
        column[selected[kept_leaf]] = next_key + subs[kept_leaf]
        next_key += ks
        columns.append(column)
        current = np.where(column >= 0, column, -1)
        # Only the new sub-modules are searched further.
        if not (current >= 0).any():
            break
        current = np.where(current >= 0, current, next_key + np.arange(n))  # finished leaves: singletons
        next_key += n
    return columns


def _induced(level: Level, selected: np.ndarray, group: np.ndarray) -> Level:
    """The units ``selected`` (increasing) with only the links inside their own group."""
    pos = np.full(level.n, -1, dtype=np.int64)
    pos[selected] = np.arange(selected.shape[0])
    indptr, indices, pflow = induced(level.indptr, level.indices, level.pflow, pos, group)
    return Level(indptr, indices, pflow, level.flow[selected], level.enter[selected], level.exit[selected],
                 level.tf[selected], level.tw[selected], level.recorded)


def _super_module_columns(level: Level, modules: np.ndarray, k: int, rng, settings) -> list[np.ndarray]:
    """Key columns of the super-module levels above the modules (top first)."""
    merged = level.merged(modules, k)
    units = _enter_as_flow(merged)
    top_of_leaf = modules
    columns: list[np.ndarray] = []
    for _ in range(MAX_DEPTH):
        if units.n <= 2:
            break
        zero = np.zeros(units.n, dtype=np.int64)
        index_length = float(_index_codelength(units))
        sm, ks = optimize_level(units, rng, settings)
        if ks <= 1 or ks >= units.n:
            break
        new_length = float(level_codelength(units, sm, ks, zero, np.zeros(1))[0])
        if not new_length < index_length - MIN_GAIN:
            break
        top_of_leaf = sm[top_of_leaf]
        columns.insert(0, top_of_leaf.copy())
        units = _enter_as_flow(units.merged(sm, ks))
    return columns


def _enter_as_flow(level: Level) -> Level:
    return Level(level.indptr, level.indices, level.pflow, level.enter.copy(), level.enter, level.exit,
                 level.tf, level.tw, level.recorded)


def _index_codelength(units: Level) -> float:
    """The index codebook with every unit a module of its own (units coded at their enter flow)."""
    return float(codebook_length(0.0, units.enter.sum(), plogp(units.enter).sum()))
