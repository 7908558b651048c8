"""Multilevel search: the coarsest modules first, then modules inside modules.

As the official Infomap builds its hierarchy (Rosvall & Bergstrom 2011,
doi:10.1371/journal.pone.0018209), top-down:

1. A two-level partition of the network (:func:`.optimizer.optimize_level`); on networks of
   at most ``SearchSettings.pair_merge_max_units`` nodes also the one its module-pair merge
   restarts reach (:func:`.optimizer.pair_merge_restarts`): steps 2-4 run on each, and the
   shorter tree wins (not with ``fast`` 2 or 3).
2. *Super-modules*: the module network (each module's enter flow as its node flow)
   is partitioned repeatedly (the best of ``SearchSettings.super_module_trials``
   searches in each group); a new level is kept while it shortens the index
   codebook. The coarsest level found becomes the top modules, each holding its
   leaves directly (the finer levels are found again by step 3).
3. *Sub-modules*: every module with more than two leaves is searched as its own
   network (units join only units of the same module; the module's exit flow is in
   its index codebook), with steps 1-2 inside it. The split is kept where it
   shortens that module's codelength, and the new sub-modules are split again, to
   any depth. All modules of one depth are searched at once, so the result does not
   depend on the order of modules.
4. Modules whose removal shortens the code are dissolved into their parents, and
   single nodes move between leaf modules anywhere in the tree while the whole
   tree's codelength shortens (:func:`.treemoves.fine_tune_tree`).

Every acceptance test is a difference of codebook lengths
(:mod:`.mapequation`), so the tree's reported codelength is its map equation.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .flow import FlowGraph
from .kernels import module_sums, relabel
from .mapequation import NO_VARIANT, Objective, codebook_length, plogp
from .optimizer import (MIN_GAIN, Level, SearchSettings, copy_generator, level_codelength, one_module_codelength,
                        optimize_level, pair_merge_restarts)
from .tree import Tree
from .treemoves import fine_tune_tree

__all__ = ["optimize_multilevel"]

MAX_DEPTH = 30
#: A module's untuned split within this fraction of its flat codelength is tuned (most
#: modules of a large network have no inner structure and their splits stay far above).
PROMISING_MARGIN = 0.02


def optimize_multilevel(fg: FlowGraph, rng: np.random.Generator, settings: SearchSettings | None = None,
                        initial: np.ndarray | None = None, objective: Objective = NO_VARIANT,
                        fast: int = 0) -> Tree:
    """One trial of the multilevel search; returns the module tree.

    ``fast`` is the official ``--fast-hierarchical-solution`` (``-F`` 1, ``-FF`` 2, ``-FFF``
    3): the super-modules above the two-level partition are found by untuned searches
    (the best of ``super_module_trials`` per level) instead of tuned ones. At 1 the coarsest
    super-modules are the top modules and the sub-modules inside them are searched as
    usual; at 2 and 3 the tree is every super-module level over the two-level modules as
    found (no sub-module search, no dissolving, no node moves). As in the official
    Infomap 2.16, whose ``-FF`` and ``-FFF`` trees are the same (probed on the examples and
    planted hierarchies: the leaf modules are the two-level modules).
    """
    settings = settings or SearchSettings()
    level = Level.from_flow(fg, objective)
    modules, k = optimize_level(level, rng, settings, initial)
    restarted = None
    if level.n <= settings.pair_merge_max_units and fast < 2:
        # (not under -FF, -FFF: their leaves are the two-level modules, and the restarts merge
        # modules a fast hierarchy keeps as siblings: ninetriangles' triangles, three by three)
        local = copy_generator(rng)
        restarted = pair_merge_restarts(level, modules, k, local, settings)
    tree = _tree_over(fg, level, modules, k, rng, settings, objective, fast)
    if restarted is not None and restarted[0] is not modules:
        # The restarts' modules as another start of the hierarchy (from a copy of the
        # generator, so the tree above is the one found without them): the shorter tree wins.
        # Their shorter two-level code does not always make a shorter hierarchy (on plain
        # lesmis-d it merges modules the hierarchy keeps as siblings), hence both.
        # (With prefer_modular_solution a tree of one top module, which the hierarchy's node moves
        # can reach from the restarts' modules, is not an answer.)
        other = _tree_over(fg, level, *restarted, local, settings, objective, fast)
        modular = other.num_top_modules > 1 or not settings.prefer_modular_solution
        if modular and other.codelength(objective)[0] < tree.codelength(objective)[0] - MIN_GAIN:
            tree = other
    return tree


def _tree_over(fg: FlowGraph, level: Level, modules: np.ndarray, k: int, rng: np.random.Generator,
               settings: SearchSettings, objective: Objective, fast: int) -> Tree:
    """The multilevel tree built on the two-level ``modules`` (steps 2-4 of the module docstring)."""
    n = level.n
    zero = np.zeros(n, dtype=np.int64)
    two_level = float(level_codelength(level, modules, k)[0])
    one_level = float(one_module_codelength(level, zero, np.zeros(1))[0])
    if k <= 1 or (two_level >= one_level - MIN_GAIN and not settings.prefer_modular_solution):
        return Tree.two_level(fg, zero)
    if k == n:
        return Tree.two_level(fg, modules)
    if fast:
        return _fast_hierarchy(fg, level, modules, k, rng, settings, objective, fast)
    top = _coarsest_super_modules(level, modules, k, zero, np.zeros(1), rng, settings)
    columns = [top] + _sub_module_columns(level, top, rng, settings)
    tree = dissolve_redundant_modules(fg, Tree.from_columns(fg, columns), objective)
    if relabel(top)[1] < k:
        # The two-level modules under their super-modules: the sub-module search inside a
        # top module starts afresh and can miss them.
        kept = dissolve_redundant_modules(fg, Tree.from_columns(fg, [top, modules]), objective)
        if kept.codelength(objective)[0] < tree.codelength(objective)[0] - MIN_GAIN:
            tree = kept
    return _node_moves(fg, tree, rng, settings, objective)


def _node_moves(fg: FlowGraph, tree: Tree, rng, settings: SearchSettings, objective: Objective) -> Tree:
    """``tree`` after the node moves between its leaf modules (and the dissolving they make pay)."""
    if tree.num_levels <= 2 and fg.num_nodes >= settings.tune_progress_min_units:
        # A two-level tree of a large network: the two-level search's fine-tuning has moved its
        # nodes, and stopped where more moves no longer paid (SearchSettings); the tree's node
        # moves would repeat that search (0.8 s of 9 on the 100k-node LFR graph at mu = 0.6).
        return tree
    tuned = fine_tune_tree(fg, tree, rng, objective=objective)
    return tree if tuned is tree else dissolve_redundant_modules(fg, tuned, objective)


def _fast_hierarchy(fg: FlowGraph, level: Level, modules: np.ndarray, k: int, rng, settings: SearchSettings,
                    objective: Objective, fast: int) -> Tree:
    """The tree of ``optimize_multilevel(fast=...)`` over the two-level ``modules``."""
    quick = replace(settings, max_tune_iterations=0)
    levels = _super_module_levels(level, modules, k, np.zeros(level.n, dtype=np.int64), np.zeros(1), rng, quick)
    if fast >= 2:
        return Tree.from_columns(fg, levels + [modules])
    top = levels[0] if levels else modules
    columns = [top] + _sub_module_columns(level, top, rng, settings)
    return _node_moves(fg, dissolve_redundant_modules(fg, Tree.from_columns(fg, columns), objective), rng, settings,
                       objective)


def dissolve_redundant_modules(fg: FlowGraph, tree: Tree, objective: Objective = NO_VARIANT) -> Tree:
    """Replace modules of modules by their children where that shortens L.

    Dissolving module ``M`` (enter ``e_M``, exit ``x_M``; children's rates summing to
    ``R_M``, their plogp to ``S_M``) into its parent ``P`` replaces two codebooks by one::

        delta L = codebook(x_P; R_P - e_M + R_M, S_P - plogp(e_M) + S_M)
                  - codebook(x_P; R_P, S_P) - codebook(x_M; R_M, S_M)

    (:func:`.mapequation.codebook_length`), plus the variant terms of ``objective`` (one
    module fewer; a top module's children becoming top modules); the best such move is
    applied until none gains. Only modules whose children are modules qualify, so every
    module keeps children of one kind (as the official tree files expect).
    """
    return _dissolving(fg, tree, objective, lambda candidates, delta, state: (
        int(np.argmin(delta)) if delta[int(np.argmin(delta))] < -MIN_GAIN else None))


def _dissolving(fg: FlowGraph, tree: Tree, objective: Objective, choose) -> Tree:
    """``tree`` after dissolving modules of modules into their parents one at a time:
    ``choose(candidates, delta, state)`` picks the position in ``candidates`` (modules of
    modules, tree indices) to dissolve next, with ``delta`` the change of L each would make
    (see :func:`dissolve_redundant_modules`), or None to stop; ``state`` is
    ``(parent, alive)``, the current parents of the tree nodes and the ones not dissolved."""
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
        if objective.active:
            kids = np.bincount(parent[has_parent], minlength=parent.shape[0])
            top = int(kids[0])
            top_after = top - 1 + kids[m]
            lone = objective.module_cost * (float(top == 1) - (top_after == 1))  # a lone top module's exit
            delta = delta - objective.module_cost + np.where(
                p == 0, objective.top_penalty(top_after) - objective.top_penalty(top) + lone, 0.0)
        best = choose(candidates, delta, (parent, alive))
        if best is None:
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


def _sub_module_columns(level: Level, top: np.ndarray, rng, settings) -> list[np.ndarray]:
    """Key columns of the recursive sub-module levels below ``top`` (-1 where a path ends)."""
    n = level.n
    columns: list[np.ndarray] = []
    current = top.copy()
    for _ in range(MAX_DEPTH):
        active = current >= 0
        current_ids, kc = relabel(np.where(active, current, current.max() + 1 + np.arange(n)))
        sizes = np.bincount(current_ids, minlength=kc)
        selected = np.nonzero(active & (sizes[current_ids] > 2))[0]
        if selected.size == 0:
            break
        _, _, mexit, _, _ = module_sums(level.indptr, level.indices, level.pflow, level.flow, level.enter,
                                        level.exit, level.tf, level.tw, current_ids, kc, level.recorded)
        group, num_groups = relabel(current_ids[selected])
        if level.content is not None:  # module by module: the core loop's sweeps read contiguous memory
            by_group = np.argsort(group, kind="stable")
            selected, group = selected[by_group], group[by_group]
        group_exit = np.zeros(num_groups)
        group_exit[group] = np.maximum(mexit[current_ids[selected]], 0.0)
        sub = level.induced(selected, group)
        subs, keep = _split_modules(sub, group, group_exit, rng, settings)
        kept_leaf = keep[group]
        if not kept_leaf.any():
            break
        column = np.full(n, -1, dtype=np.int64)
        column[selected[kept_leaf]] = subs[kept_leaf]
        columns.append(column)
        current = column
    return columns


def _split_modules(sub: Level, group: np.ndarray, group_exit: np.ndarray, rng, settings) -> tuple[np.ndarray, np.ndarray]:
    """Sub-modules of every group (module) at once: (sub-module per unit, groups whose split
    shortens their codelength and is non-trivial).

    Every group is searched untuned first; the groups whose split comes within
    ``PROMISING_MARGIN`` of their flat codebook are searched again with tuning from there
    (a split far above the flat codebook untuned is not rescued by tuning, and most
    modules of a large network have no structure inside); then super-modules coarsen
    every split.
    """
    num_groups = group_exit.shape[0]
    quick = replace(settings, max_tune_iterations=0)
    subs, ks = optimize_level(sub, rng, quick, parent=group, parent_exit=group_exit)
    flat = one_module_codelength(sub, group, group_exit)
    if settings.sub_module_tune_iterations > 0:
        promising = level_codelength(sub, subs, ks, group, group_exit) < flat * (1 + PROMISING_MARGIN) - MIN_GAIN
        if promising.any():
            units = np.nonzero(promising[group])[0]
            tuned_group, num_tuned = relabel(group[units])
            tuned_exit = np.zeros(num_tuned)
            tuned_exit[tuned_group] = group_exit[group[units]]
            start, _ = relabel(subs[units])
            part = sub.induced(units, tuned_group)
            tuning = replace(settings, max_tune_iterations=settings.sub_module_tune_iterations)
            tuned, _ = optimize_level(part, rng, tuning, initial=start, parent=tuned_group, parent_exit=tuned_exit)
            subs = subs.copy()
            subs[units] = ks + tuned
            subs, ks = relabel(subs)
    subs = _coarsest_super_modules(sub, subs, ks, group, group_exit, rng, quick)
    subs, ks = relabel(subs)
    split = level_codelength(sub, subs, ks, group, group_exit)
    count = _modules_per_group(group, subs, num_groups)
    size = np.bincount(group, minlength=num_groups)
    return subs, (split < flat - MIN_GAIN) & (count > 1) & (count < size)


def _modules_per_group(group: np.ndarray, modules: np.ndarray, num_groups: int) -> np.ndarray:
    """Number of distinct modules in each group (modules never span groups)."""
    first = np.zeros(modules.max() + 1, dtype=np.int64)
    first[modules] = group
    return np.bincount(first[np.unique(modules)], minlength=num_groups)


def _coarsest_super_modules(level: Level, modules: np.ndarray, k: int, group: np.ndarray, group_exit: np.ndarray,
                            rng, settings) -> np.ndarray:
    """The coarsest super-modules of ``modules`` in each group, as a module id per unit.

    The module network (each module's enter flow as its node flow) is partitioned
    within each group; a group takes the new level while it shortens its index codebook
    ``codebook(X_g; E_m)`` (the new one being ``codebook(X_g; E_S) + sum_S
    codebook(X_S; E_m)``) and is searched again; the others keep their modules.
    """
    levels = _super_module_levels(level, modules, k, group, group_exit, rng, settings)
    return levels[0] if levels else modules


def _super_module_levels(level: Level, modules: np.ndarray, k: int, group: np.ndarray, group_exit: np.ndarray,
                         rng, settings) -> list[np.ndarray]:
    """Every super-module level found above ``modules`` (see :func:`_coarsest_super_modules`),
    coarsest first, each as a super-module id per unit; empty when none shortens the code."""
    num_groups = group_exit.shape[0]
    module_group = np.zeros(k, dtype=np.int64)
    module_group[modules] = group
    units = _enter_as_flow(level.merged(modules, k))
    top_search = units.is_top_search(group_exit)
    unit_group = module_group
    top_of_unit = modules.copy()  # super-module (a unit of ``units``) of every unit of ``level``
    open_groups = np.ones(num_groups, dtype=bool)
    levels: list[np.ndarray] = []
    for _ in range(MAX_DEPTH):
        units_per_group = np.bincount(unit_group, minlength=num_groups)
        open_groups &= units_per_group > 2
        if not open_groups.any():
            break
        index_length = codebook_length(group_exit, np.bincount(unit_group, weights=units.enter, minlength=num_groups),
                                       np.bincount(unit_group, weights=plogp(units.enter), minlength=num_groups))
        if top_search:  # the units are the top modules now; super-modules would be
            index_length = index_length + level.objective.top_penalty(units_per_group)
        sm, ks, new_length = _best_partition(units, unit_group, group_exit, rng, settings)
        count = _modules_per_group(unit_group, sm, num_groups)
        accept = open_groups & (new_length < index_length - MIN_GAIN) & (count > 1) & (count < units_per_group)
        if not accept.any():
            break
        # Units of groups that keep their level stay modules of their own.
        sm = np.where(accept[unit_group], sm, ks + np.arange(units.n))
        sm, ks = relabel(sm)
        top_of_unit = sm[top_of_unit]
        levels.append(top_of_unit)
        unit_group_next = np.zeros(ks, dtype=np.int64)
        unit_group_next[sm] = unit_group
        units = _enter_as_flow(units.merged(sm, ks))
        unit_group = unit_group_next
        open_groups = accept
    return levels[::-1]


def _best_partition(units: Level, unit_group: np.ndarray, group_exit: np.ndarray, rng,
                    settings) -> tuple[np.ndarray, int, np.ndarray]:
    """The shortest of ``settings.super_module_trials`` searches of ``units`` in each group:
    (module per unit, number of modules, codelength per group). On small module networks
    one search often misses the super-modules that make a hierarchy pay; networks of more
    than ``super_module_trials_max_units`` units are searched once (their searches vary
    little and cost more: 0.1 s each on the 2,500 modules of the 100k-node LFR graphs).
    All the searches run even when two agree (stopping at the first repeat cost lesmis with
    Markov time 0.7 its best hierarchy: the later searches still find it)."""
    best, best_length = None, None
    searches = settings.super_module_trials if units.n <= settings.super_module_trials_max_units else 1
    for _ in range(max(1, searches)):
        sm, ks = optimize_level(units, rng, settings, parent=unit_group, parent_exit=group_exit)
        length = level_codelength(units, sm, ks, unit_group, group_exit)
        if best is None:
            best, best_length = sm, length
            continue
        better = length < best_length - MIN_GAIN  # per group: groups are searched independently
        if better.any():
            take = better[unit_group]
            best = np.where(take, sm + best.max() + 1, best)
            best_length = np.where(better, length, best_length)
    best, k = relabel(best)
    return best, k, best_length


def _enter_as_flow(level: Level) -> Level:
    """The module network as units coded at their enter flow (no physical content)."""
    return Level(level.indptr, level.indices, level.pflow, level.enter.copy(), level.enter, level.exit,
                 level.tf, level.tw, level.recorded, objective=level.objective, top=level.top)
