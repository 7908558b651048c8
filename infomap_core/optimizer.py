"""The two-level search: core loop, repeated aggregation, fine- and coarse-tuning.

One trial (:func:`optimize_two_level`):

1. Start from singletons (or a warm-start partition); move nodes (core loop), then
   aggregate the modules into super-nodes and move those, until no module merges.
2. Alternate *fine-tuning* (re-move single leaf nodes starting from the current
   modules, then aggregate again) and *coarse-tuning* (split every module into
   sub-modules by a constrained search, then move the sub-modules as units and
   aggregate again) until an iteration gains less than ``max(1e-10, 1e-5 L1)`` (on large
   networks also: less than 5% of what tuning has gained so far).
3. On networks of at most ``SearchSettings.pair_merge_max_units`` nodes: merge each pair of
   linked modules and search again from there, keeping the shortest while ``L`` shortens
   (:func:`pair_merge_restarts`, an iterated local search; ours, not the official's).
4. If the result is longer than the one-level codelength, return one module (unless
   ``prefer_modular_solution``, as the official ``--prefer-modular-solution``).

All randomness comes from ``rng`` so a seed fixes the result.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

import numba
import numpy as np

from .flow import FlowGraph
from .kernels import core_loop, induced, module_sums, relabel
from .memory import content_plogp_sums, leaf_content, merge_content, select_content
from .grouped import grouped_core_loop
from .parallel import colour_classes, coloured_core_loop, members_of, module_network
from .speculative import speculative_core_loop
from .mapequation import NO_VARIANT, Objective, codebook_length, grouped_codelength, keyed_plogp_sums, plogp

__all__ = ["Level", "SearchSettings", "find_modules", "level_codelength", "optimize_level", "optimize_two_level", "sub_modules",
           "pair_merge_restarts", "copy_generator"]


#: Smallest codelength gain (bits) that counts as an improvement anywhere in the search.
MIN_GAIN = 1e-10


@dataclass(frozen=True)
class SearchSettings:
    """Limits of the search.

    Loop limits and thresholds are the official Infomap's defaults. Fine- and coarse-tuning
    alternate until an iteration gains less than ``tune_relative_threshold`` of the
    one-level codelength (at most ``max_tune_iterations``); the sub-module searches of the
    multilevel mode tune the promising modules the same way (``sub_module_tune_iterations``).
    On levels of at least ``tune_progress_min_units`` units tuning also stops, once a
    coarse-tune has run, when an iteration gains less than ``tune_progress_fraction`` of all
    that tuning has gained so far (0 turns it off): on the 100k-node LFR graphs at
    mu = 0.5-0.6 the iterations after that point made the search 1.5-1.8x longer for
    0.03-0.07% of the codelength (bench/README.md). Smaller levels tune to convergence: their
    iterations are cheap, and the last ones still pay there (lesmis with meta-data: 0.03%).
    On state (memory) networks the relative threshold is ``state_tune_factor`` times larger:
    their later tune iterations each gain ~2e-5 of the one-level codelength and leave the
    final multilevel code as long (bench/README.md, "Higher-order networks"). There, too, the
    core loop on module networks stops repeating (aggregating again) once a module network's
    core loop merges fewer than ``state_min_merge_fraction`` of its units: on the second-order
    state network of 475k state nodes a sub-module search otherwise ran eight more module
    networks of ~84.5k units each, 0.3 s apiece for 35, 11, 4, ..., 0 merges.

    ``parallel_moves``: on more than one thread, core loops on levels of at least
    ``parallel_min_units`` units (first-order flow, plain map equation) evaluate each
    sweep's moves on every thread (:func:`.parallel.coloured_core_loop`), all but the very
    first loop from singletons; that one, and the loops on smaller levels of at least
    ``speculative_min_links`` stored links (the dense module networks), choose their moves
    in batches on every thread and re-choose the stale ones on the calling thread
    (:func:`.speculative.speculative_core_loop`; ``speculative_moves=False``: sequential).
    The result then depends on the seed and on whether there is more than one thread, not
    on how many.
    The module sums and the aggregation use every thread of ``num_threads`` either way.

    ``grouped_min_units``: the sub-module searches (coarse-tuning) of first-order levels of
    at least this many units run on the units reordered module by module with only the
    links inside modules (:meth:`Level.induced`), as those of state networks always do, and
    there each module's search runs on its own, the modules split over the threads
    (:func:`.grouped.grouped_core_loop`; state networks: :func:`.kernels.core_loop` group by
    group). A unit moved no longer re-queues its neighbours in other modules, whose searches
    it cannot change, and a module's units stay in cache: on the 1M-node planted graph that
    search took 2.0 s of CPU instead of 15.3 s (one thread; on two, the colour classes took
    ~21 s of CPU), and the result does not depend on the number of threads (bench/README.md,
    "10M-link planted graph"). Smaller levels keep the plain loop (their results, seed for
    seed, are those of earlier versions).

    ``pair_merge_*``: the module-pair merge restarts of the top search
    (:func:`pair_merge_restarts`) on networks of at most ``pair_merge_max_units`` nodes; each
    restart searches with at most ``pair_merge_tune_iterations`` tune iterations, at most
    ``pair_merge_rounds`` rounds. Measured on 30 single two-level trials each: 4 iterations
    reach the best basin as often as 1000 (directed Les Miserables with variable Markov time
    22/30, jazz-d 29/30, jazz 30/30; 2, 2 and 15 without restarts), 2 iterations (fine, then
    coarse) 12, 21 and 28; a second round lifts jazz-d from 17 to 29, a fifth adds nothing.
    The cost (CPU, 50 trials): 17-56 ms a trial on jazz, lesmis-d and jazz-d instead of 1-3 ms.
    """

    core_loop_limit: int = 10
    aggregated_loop_limit: int = 20
    num_random_moves: int = 5
    max_degree_for_random_moves: int = 2
    parallel_moves: bool = True
    parallel_min_units: int = 20_000
    speculative_moves: bool = True
    speculative_min_links: int = 50_000
    grouped_min_units: int = 10_000
    core_loop_threshold: float = 1e-10
    tune_relative_threshold: float = 1e-5
    tune_progress_fraction: float = 0.05
    tune_progress_min_units: int = 10_000  # smaller levels tune to the relative threshold alone
    state_tune_factor: float = 10.0
    state_min_merge_fraction: float = 1e-3
    core_level_limit: int = 0  # most levels of core loops (the network, then each aggregate); 0: no limit
    max_tune_iterations: int = 1000
    sub_module_tune_iterations: int = 1000
    super_module_trials: int = 5  # searches of each module network for super-modules (multilevel), the best kept
    super_module_trials_max_units: int = 1000  # larger module networks are searched once
    preferred_merge_max_modules: int = 64  # best-pair mergers toward a preferred number of modules up to this
    pair_merge_max_units: int = 500  # module-pair merge restarts of the top search on networks up to this size
    pair_merge_rounds: int = 2  # at most this many rounds of them (each round: every linked pair once)
    pair_merge_tune_iterations: int = 4  # tune iterations of the search after a merger
    prefer_modular_solution: bool = False  # keep a partition of 2+ modules even if one module is shorter


@dataclass(frozen=True, eq=False)
class Level:
    """A network of units in the layout the kernels take (see :mod:`.kernels`).

    ``content`` (state networks only) is each unit's physical nodes with their flow, a
    CSR ``(indptr, physical, flow)`` (:mod:`.memory`); None for first-order networks,
    and for the super-module levels, whose units are coded at their enter flow.
    """

    indptr: np.ndarray
    indices: np.ndarray
    pflow: np.ndarray
    flow: np.ndarray
    enter: np.ndarray
    exit: np.ndarray
    tf: np.ndarray
    tw: np.ndarray
    recorded: bool
    content: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
    num_physical: int = 0
    objective: Objective = NO_VARIANT
    top: bool = True  # the whole network (or its module networks); False for a module's sub-network
    meta: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # units' meta weight per category
    grouped: bool = False  # units contiguous per group, links inside groups only: core loops go group by group

    @property
    def n(self) -> int:
        return int(self.flow.shape[0])

    @classmethod
    def from_flow(cls, fg: FlowGraph, objective: Objective = NO_VARIANT) -> "Level":
        content = None if fg.physical is None else leaf_content(fg.physical, fg.node_flow)
        meta = leaf_content(objective.meta_category, objective.meta_weight) if objective.has_meta else None
        return cls(fg.pair_indptr, fg.pair_indices, fg.pair_flow, fg.node_flow, fg.enter, fg.exit,
                   fg.tele_flow, fg.tele_weight, fg.recorded, content, fg.num_physical, objective, meta=meta)

    def merged(self, mod: np.ndarray, k: int) -> "Level":
        """The module network of partition ``mod`` (ids 0..k-1)."""
        mflow, menter, mexit, mtf, mtw, indptr, indices, pflow = module_network(
            self.indptr, self.indices, self.pflow, self.flow, self.enter, self.exit, self.tf, self.tw,
            mod, k, self.recorded, numba.get_num_threads())
        content = None if self.content is None else merge_content(*self.content, mod, k, self.num_physical)
        meta = None if self.meta is None else merge_content(*self.meta, mod, k, self.objective.num_categories)
        # modules are numbered in order of their first unit (relabel): a grouped level's stay grouped
        return Level(indptr, indices, pflow, mflow, np.maximum(menter, 0.0), np.maximum(mexit, 0.0),
                     mtf, mtw, self.recorded, content, self.num_physical, self.objective, self.top, meta, self.grouped)

    def induced(self, selected: np.ndarray, group: np.ndarray, top: bool = False, grouped: bool = False) -> "Level":
        """The units ``selected`` (in that order: unit ``j`` of the new level is ``selected[j]``)
        with only the links inside their own ``group`` (one per selected unit); ``grouped``:
        the selection is ordered by group, and its core loops go group by group."""
        pos = np.full(self.n, -1, dtype=np.int64)
        pos[selected] = np.arange(selected.shape[0])
        indptr, indices, pflow = induced(self.indptr, self.indices, self.pflow, pos, group)
        content = None if self.content is None else select_content(*self.content, selected)
        meta = None if self.meta is None else select_content(*self.meta, selected)
        return Level(indptr, indices, pflow, self.flow[selected], self.enter[selected], self.exit[selected],
                     self.tf[selected], self.tw[selected], self.recorded, content, self.num_physical,
                     self.objective, top=top, meta=meta, grouped=grouped)

    def unit_plogp_sums(self, group: np.ndarray, num_groups: int) -> np.ndarray:
        """``sum plogp`` of the units' flow in each group, a physical node counted once
        per group in a state network."""
        if self.content is None:
            return np.bincount(group, weights=self.flow_plogp, minlength=num_groups)
        return content_plogp_sums(*self.content, group, num_groups)

    def meta_terms(self, group: np.ndarray, num_groups: int) -> np.ndarray:
        """The meta map equation's term of each group of units (a module of leaves)."""
        if self.meta is None:
            return np.zeros(num_groups)
        indptr, category, weight = self.meta
        entry_group = np.repeat(group, np.diff(indptr))
        total = np.bincount(entry_group, weights=weight, minlength=num_groups)
        return self.objective.meta_rate * (plogp(total) - keyed_plogp_sums(entry_group, weight, num_groups, category))

    def is_top_search(self, parent_exit: np.ndarray) -> bool:
        """The search that chooses the top modules: the whole network in one group."""
        return self.top and parent_exit.shape[0] == 1

    @cached_property
    def flow_plogp(self) -> np.ndarray:
        """``p log2 p`` of each unit's flow, computed once per level."""
        return plogp(self.flow)

    @cached_property
    def colouring(self) -> tuple[np.ndarray, np.ndarray]:
        """Colour classes of the units (:func:`.parallel.colour_classes`), computed once per level."""
        return colour_classes(self.indptr, self.indices)

    def parallel_moves(self, settings: "SearchSettings") -> bool:
        """Whether core loops on this level move units on every thread: several threads, a level
        large enough (``parallel_min_units`` units or ``speculative_min_links`` stored links),
        first-order flow, the plain map equation, unrecorded teleportation."""
        # get_num_threads first, always: it starts numba's thread pool, which a kernel loaded
        # from the cache does not do before it calls a parallel one (a segfault otherwise)
        return (numba.get_num_threads() > 1 and settings.parallel_moves
                and (self.n >= settings.parallel_min_units or _stored_links(self) >= settings.speculative_min_links)
                and self.plain_first_order)

    @property
    def plain_first_order(self) -> bool:
        """First-order flow, the plain map equation, unrecorded teleportation: what the parallel
        core loops (:mod:`.parallel`, :mod:`.speculative`, :mod:`.grouped`) handle."""
        return self.content is None and self.meta is None and not self.objective.active and not self.recorded

    def run_core_loop(self, mod, parent, parent_exit, seed, loop_limit, settings: "SearchSettings",
                      first_loop: bool = False):
        # colour classes on large levels; batches (re-chosen when stale) for the very first loop
        # (a colour class moving at once into its neighbours' singletons seeds other modules:
        # LFR 100k mu 0.5 +0.014% codelength) and for the dense module networks (bench/README.md)
        parallel = self.parallel_moves(settings)  # always called: it starts the thread pool (see there)
        if self.grouped and self.plain_first_order:  # every group on its own, groups on every thread
            return grouped_core_loop(self.indptr, self.indices, self.pflow, self.flow, self.enter, self.exit, parent,
                                     parent_exit, mod, seed, loop_limit, settings.core_loop_threshold, first_loop,
                                     settings.num_random_moves, settings.max_degree_for_random_moves,
                                     numba.get_num_threads())
        if parallel and not first_loop and self.n >= settings.parallel_min_units:
            class_start, class_units = self.colouring
            return coloured_core_loop(self.indptr, self.indices, self.pflow, self.flow, self.enter, self.exit, parent,
                                      parent_exit, mod, seed, loop_limit, settings.core_loop_threshold, first_loop,
                                      settings.num_random_moves, settings.max_degree_for_random_moves, class_start,
                                      class_units, numba.get_num_threads())
        if parallel and settings.speculative_moves:
            return speculative_core_loop(self.indptr, self.indices, self.pflow, self.flow, self.enter, self.exit,
                                         parent, parent_exit, mod, seed, loop_limit, settings.core_loop_threshold,
                                         first_loop, settings.num_random_moves, settings.max_degree_for_random_moves,
                                         numba.get_num_threads())
        memory = self.content is not None
        cptr, cphys, cflow = self.content if memory else _NO_CONTENT
        top = self.is_top_search(parent_exit)
        meta = self.meta is not None
        mptr, mcat, mweight = self.meta if meta else _NO_CONTENT
        return core_loop(self.indptr, self.indices, self.pflow, self.flow, self.enter, self.exit,
                         self.tf, self.tw, parent, parent_exit, mod, self.recorded, seed, loop_limit,
                         settings.core_loop_threshold, first_loop, settings.num_random_moves,
                         settings.max_degree_for_random_moves, memory, cptr, cphys, cflow, self.num_physical,
                         self.objective.module_cost, top, self.objective.preferred_num_modules if top else 0,
                         self.objective.meta_rate if meta else 0.0, mptr, mcat, mweight,
                         self.objective.num_categories if meta else 0, memory or self.grouped)


_NO_CONTENT = (np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))


def _seed(rng: np.random.Generator) -> int:
    return int(rng.integers(0, 2**31 - 1))


def find_modules(level: Level, initial: np.ndarray | None, rng: np.random.Generator,
                 settings: SearchSettings, parent: np.ndarray | None = None,
                 parent_exit: np.ndarray | None = None, first_loop: bool = False,
                 origin: tuple[Level, np.ndarray] | None = None) -> tuple[np.ndarray, int]:
    """Core loop, then aggregate and repeat while modules keep merging.

    Returns the module (0..k-1) of every unit of ``level`` and ``k``. With ``parent``
    the units only join modules of their own group (see :mod:`.kernels`). With
    ``first_loop`` the first sweep lets modules grow from their first movers.

    ``origin`` is the finer level ``level`` was aggregated from, with the unit of ``level``
    of each of its units; module networks may then be built from it (memory, below).
    Each module network is aggregated from the network being searched, unless that one
    holds more than ``REAGGREGATE_FRACTION`` of the stored links of the finest level at
    hand: then it is dropped first and the next is built from the finest level, so that
    at most one module network is alive next to it (the search's peak memory).
    """
    n = level.n
    if parent is None:
        parent = np.zeros(n, dtype=np.int64)
        parent_exit = np.zeros(1)
    mod = np.arange(n, dtype=np.int64) if initial is None else np.array(initial, dtype=np.int64)
    unit_of = np.arange(n, dtype=np.int64)  # current-level unit of each unit of `level`
    finest, finest_unit = origin if origin is not None else (level, None)
    finest_links = _stored_links(finest)
    current, cur_parent = level, parent
    del level  # `current` holds it while it is searched, and no longer
    loop_limit = settings.core_loop_limit
    levels_done = 0
    while True:
        current.run_core_loop(mod, cur_parent, parent_exit, _seed(rng), loop_limit, settings,
                              first_loop and levels_done == 0)
        mod, k = relabel(mod)
        unit_of = mod[unit_of]
        levels_done += 1
        if k == current.n or k <= 1 or levels_done == settings.core_level_limit:
            return unit_of, k
        if (current.content is not None and levels_done > 1
                and current.n - k < settings.state_min_merge_fraction * current.n):
            return unit_of, k
        group = np.empty(k, dtype=np.int64)
        group[mod] = cur_parent
        if current is not finest and _stored_links(current) > finest_links * REAGGREGATE_FRACTION:
            current = None
            current = finest.merged(unit_of if finest_unit is None else unit_of[finest_unit], k)
        else:
            current = current.merged(mod, k)
        cur_parent = group
        mod = np.arange(k, dtype=np.int64)
        loop_limit = settings.aggregated_loop_limit


#: A module network holding more than this fraction of the finest level's stored links is
#: not aggregated further itself: the next one is built from the finest level (memory).
REAGGREGATE_FRACTION = 0.25


def _stored_links(level: Level) -> int:
    return int(level.indices.shape[0])


def sub_modules(level: Level, modules: np.ndarray, k: int, rng: np.random.Generator,
                settings: SearchSettings) -> tuple[np.ndarray, int]:
    """Split every module into sub-modules, all modules at once.

    Each module is searched as its own network: units only join units of the same
    module, and the module's exit flow enters its index codebook. On a state network the
    search runs on the units reordered module by module, with only the links inside modules
    (:meth:`Level.induced`), so that the core loop's group-by-group sweeps read contiguous
    memory; the sub-modules are numbered in that order. So does the search on a first-order
    level of at least ``settings.grouped_min_units`` units, each module's on its own (see
    :class:`SearchSettings`).
    """
    _, _, mexit, _, _ = module_sums(level.indptr, level.indices, level.pflow, level.flow, level.enter,
                                    level.exit, level.tf, level.tw, modules, k, level.recorded)
    parent_exit = np.maximum(mexit, 0.0)
    modules = modules.astype(np.int64)
    if level.content is None and level.n < settings.grouped_min_units:
        return find_modules(level, None, rng, settings, parent=modules, parent_exit=parent_exit)
    _, order = members_of(modules, k)  # the units module by module, in order (a stable counting sort)
    group = modules[order]
    subs, ks = find_modules(level.induced(order, group, top=level.top, grouped=True), None, rng, settings,
                            parent=group, parent_exit=parent_exit)
    unit_subs = np.empty_like(subs)
    unit_subs[order] = subs
    return unit_subs, ks


def level_codelength(level: Level, mod: np.ndarray, k: int, parent: np.ndarray | None = None,
                     parent_exit: np.ndarray | None = None) -> np.ndarray:
    """Two-level codelength of partition ``mod`` of ``level``, one value per group
    (:func:`.mapequation.grouped_codelength`); without groups a single value, the
    network's codelength."""
    if parent is None:
        parent = np.zeros(level.n, dtype=np.int64)
        parent_exit = np.zeros(1)
    mflow, menter, mexit, _, _ = module_sums(level.indptr, level.indices, level.pflow, level.flow, level.enter,
                                             level.exit, level.tf, level.tw, mod, k, level.recorded)
    mgroup = np.zeros(k, dtype=np.int64)
    mgroup[mod] = parent
    unit_plogp = level.unit_plogp_sums(mod, k)
    lengths = grouped_codelength(mgroup, mflow, np.maximum(menter, 0.0), np.maximum(mexit, 0.0),
                                 unit_plogp, parent_exit)
    groups = parent_exit.shape[0]
    meta = np.bincount(mgroup, weights=level.meta_terms(mod, k), minlength=groups) if level.meta is not None else 0.0
    return lengths + _variant_terms(level, np.bincount(mgroup, minlength=groups), parent_exit) + meta


def one_module_codelength(level: Level, parent: np.ndarray, parent_exit: np.ndarray) -> np.ndarray:
    """Codelength of each group kept as a single module: the codebook of its exit and its units."""
    groups = parent_exit.shape[0]
    lengths = codebook_length(parent_exit, np.bincount(parent, weights=level.flow, minlength=groups),
                              level.unit_plogp_sums(parent, groups))
    return lengths + _variant_terms(level, np.zeros(groups, dtype=np.int64), parent_exit) + level.meta_terms(parent, groups)


def _variant_terms(level: Level, modules_per_group: np.ndarray, parent_exit: np.ndarray) -> np.ndarray:
    """The objective's terms of ``modules_per_group`` modules in each group, relative to the
    group kept whole: ``module_cost`` per module (none for a lone top module, which is the
    one-level code) and the top-module penalty."""
    objective = level.objective
    if not objective.active:
        return np.zeros(parent_exit.shape[0])
    terms = objective.module_cost * modules_per_group.astype(np.float64)
    if level.is_top_search(parent_exit):
        top_modules = np.maximum(modules_per_group, 1)
        terms = terms - objective.module_cost * (modules_per_group == 1) + objective.top_penalty(top_modules)
    return terms


def _coarse_tune(level, modules, k, rng, settings, parent, parent_exit):
    subs, ks = sub_modules(level, modules, k, rng, settings)
    if ks == level.n:
        return modules, k
    top_of_sub = np.empty(ks, dtype=np.int64)
    top_of_sub[subs] = modules
    group_of_sub = np.empty(ks, dtype=np.int64)
    group_of_sub[subs] = parent
    tops, kt = find_modules(level.merged(subs, ks), top_of_sub, rng, settings, parent=group_of_sub,
                            parent_exit=parent_exit, origin=(level, subs))
    return tops[subs], kt


def optimize_level(level: Level, rng: np.random.Generator, settings: SearchSettings | None = None,
                   initial: np.ndarray | None = None, parent: np.ndarray | None = None,
                   parent_exit: np.ndarray | None = None, pair_merges: bool = False) -> tuple[np.ndarray, int]:
    """Two-level search on ``level`` (within groups if ``parent`` is given).

    Returns the module (0..k-1) of every unit and ``k``. Tune iterations stop when
    an iteration gains less than ``max(1e-10, 1e-5 L1, f G)``, ``G`` the gain of the
    tuning so far and ``f`` the ``tune_progress_fraction`` on levels of at least
    ``tune_progress_min_units`` units, 0 below (after the first coarse-tune); modules are
    never worse than the starting point. With ``pair_merges`` (the top search of a trial)
    the tuned modules then get the module-pair merge restarts of :func:`pair_merge_restarts`.
    """
    settings = settings or SearchSettings()
    if parent is None:
        parent = np.zeros(level.n, dtype=np.int64)
        parent_exit = np.zeros(1)
    modules, k = _tuned_level(level, rng, settings, initial, parent, parent_exit)
    if pair_merges and level.is_top_search(parent_exit) and level.n <= settings.pair_merge_max_units:
        modules, k = pair_merge_restarts(level, modules, k, copy_generator(rng), settings)
    return modules, k


def copy_generator(rng: np.random.Generator) -> np.random.Generator:
    """A generator that draws what ``rng`` would draw next, leaving ``rng`` as it is."""
    local = np.random.Generator(type(rng.bit_generator)())
    local.bit_generator.state = rng.bit_generator.state
    return local


def _tuned_level(level: Level, rng: np.random.Generator, settings: SearchSettings, initial: np.ndarray | None,
                 parent: np.ndarray, parent_exit: np.ndarray) -> tuple[np.ndarray, int]:
    """The search of :func:`optimize_level` without the pair-merge restarts."""
    modules, k = find_modules(level, initial, rng, settings, parent, parent_exit,
                              first_loop=initial is None)
    codelength = float(level_codelength(level, modules, k, parent, parent_exit).sum())
    one_level = float(one_module_codelength(level, parent, parent_exit).sum())
    relative = settings.tune_relative_threshold * (settings.state_tune_factor if level.content is not None else 1.0)
    threshold = max(1e-10, relative * one_level)
    coarse_tried = False
    fine = True
    tuned = 0.0
    progress = settings.tune_progress_fraction if level.n >= settings.tune_progress_min_units else 0.0
    for _ in range(settings.max_tune_iterations):
        if k <= parent_exit.shape[0]:
            break
        if fine:
            new, nk = find_modules(level, modules, rng, settings, parent, parent_exit)
        else:
            new, nk = _coarse_tune(level, modules, k, rng, settings, parent, parent_exit)
            coarse_tried = True
        new_length = float(level_codelength(level, new, nk, parent, parent_exit).sum())
        gain = codelength - new_length
        if gain > 0:
            modules, k, codelength = new, nk, new_length
            tuned += gain
        if gain < max(threshold, progress * tuned) and coarse_tried:
            break
        fine = not fine
    return modules, k


def pair_merge_restarts(level: Level, modules: np.ndarray, k: int, rng: np.random.Generator,
                         settings: SearchSettings) -> tuple[np.ndarray, int]:
    """Merge each pair of linked top modules and search again from there; keep the
    shortest result while one shortens ``L`` (at most ``settings.pair_merge_rounds`` rounds).

    An iterated local search around the tuned modules. The core loop, fine- and
    coarse-tuning move nodes and sub-modules one at a time; a basin whose exit needs a
    whole module to merge into another, at first at a cost, and then nodes to move, is
    left only by luck. On directed Les Miserables with variable Markov time (the
    ``lesmis-d`` of ``bench/quality.py``) the best two-level basin (4.34598 bits) lies
    behind the merger of Fantine's module into Valjean's (+0.297 bits at once, -0.024 bits
    after the new search): 1 of the trial seeds 1-14 lands in it, 11 with these restarts.
    Draws from ``rng`` (callers pass a copy of the trial's generator, so that a trial the
    restarts do not improve continues as without them); returns ``modules`` itself when
    none shortens ``L``. Results of one module are not taken (the one-module code is the
    trial's own last comparison). The cost is one search of the level per linked module
    pair and round, which is why only levels of at most ``settings.pair_merge_max_units``
    units get them.
    """
    length = float(level_codelength(level, modules, k)[0])
    restart_settings = replace(settings, max_tune_iterations=min(settings.max_tune_iterations,
                                                                 settings.pair_merge_tune_iterations))
    for _ in range(settings.pair_merge_rounds):
        if k <= 1:
            break
        best = None
        for a, b in _linked_pairs(level.merged(modules, k)):
            start = np.where(modules == b, a, modules)
            new, nk = _tuned_level(level, rng, restart_settings, start, np.zeros(level.n, dtype=np.int64), np.zeros(1))
            new_length = float(level_codelength(level, new, nk)[0])
            if nk > 1 and new_length < (length if best is None else best[0]) - MIN_GAIN:
                best = (new_length, new, nk)
        if best is None:
            break
        length, modules, k = best[0], *relabel(best[1])
    return modules, k


def _linked_pairs(units: Level) -> list[tuple[int, int]]:
    """The linked unit pairs ``(a, b)``, ``a < b``, each once, in order."""
    pairs = set()
    for a in range(units.n):
        pairs.update((a, int(b)) for b in units.indices[units.indptr[a]:units.indptr[a + 1]] if b > a)
    return sorted(pairs)


def _modules_toward_preferred_count(level: Level, rng: np.random.Generator,
                                    settings: SearchSettings) -> tuple[np.ndarray, int]:
    """Top modules for a preferred number of modules ``P``: the modules of the map equation
    without the count term, then merged pairwise, the pair whose merger shortens ``L`` (count
    term included) the most first, while a merger shortens it.

    With the ``|T - P|`` bits in every move, the core loop's first mergers (units in random
    order, each gaining a bit) decide the top modules before the flow does; best-pair-first
    merging of the flow's own modules lands in the best basin on networks where random-order
    moves rarely do (directed Les Miserables, P = 3: every trial of 20 against 1 in 5). The
    two-level search starts from these; the multilevel search reaches the preferred count
    through its super-modules instead (merging its first level's modules this way lands in a
    worse hierarchy on the same network). Module networks of more than
    ``settings.preferred_merge_max_modules`` modules keep the core loop's modules.
    """
    plain = replace(level, objective=replace(level.objective, preferred_num_modules=0))
    modules, k = find_modules(plain, None, rng, settings, first_loop=True)
    if k <= 1 or k > settings.preferred_merge_max_modules:
        return find_modules(level, modules, rng, settings)
    units = level.merged(modules, k)
    merged_into = _best_pair_mergers(units, k)
    return relabel(merged_into[modules])


def _best_pair_mergers(units: Level, k: int) -> np.ndarray:
    """The module (of the ``k`` units) each unit ends in after best-pair-first mergers of
    linked modules, while a merger shortens the top-level codelength of ``units``."""
    mod = np.arange(k, dtype=np.int64)
    length = float(level_codelength(units, mod, k)[0])
    while k > 1:
        module_network = units.merged(mod, k)
        best, best_pair = length - MIN_GAIN, None
        for a in range(k):
            for b in module_network.indices[module_network.indptr[a]:module_network.indptr[a + 1]]:
                if b <= a:
                    continue
                candidate = np.arange(k, dtype=np.int64)
                candidate[b] = a
                candidate[b + 1:] -= 1
                new_length = float(level_codelength(units, candidate[mod], k - 1)[0])
                if new_length < best:
                    best, best_pair = new_length, candidate
        if best_pair is None:
            break
        mod, k, length = best_pair[mod], k - 1, best
    return mod


def optimize_two_level(fg: FlowGraph, rng: np.random.Generator, settings: SearchSettings | None = None,
                       initial: np.ndarray | None = None, objective: Objective = NO_VARIANT) -> tuple[np.ndarray, float]:
    """One trial of the two-level search; returns (module per node, codelength).

    If no partition beats the one-level codelength by more than ``MIN_GAIN`` bits, every
    node is put in one module (a tie goes to the simpler answer), unless
    ``settings.prefer_modular_solution`` and the search found two modules or more. With a
    preferred number of modules the search starts from :func:`_modules_toward_preferred_count`.
    """
    settings = settings or SearchSettings()
    level = Level.from_flow(fg, objective)
    if initial is None and objective.preferred_num_modules > 0:
        initial = _modules_toward_preferred_count(level, rng, settings)[0]
    modules, k = optimize_level(level, rng, settings, initial, pair_merges=True)
    zero = np.zeros(fg.num_nodes, dtype=np.int64)
    codelength = float(level_codelength(level, modules, k)[0])
    one_level = float(one_module_codelength(level, zero, np.zeros(1))[0])
    prefer = settings.prefer_modular_solution and k > 1
    if codelength >= one_level - MIN_GAIN and not prefer:
        return zero, one_level
    return modules, codelength
