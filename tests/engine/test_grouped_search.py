"""Sub-module searches of state networks (and of large first-order levels) on units reordered
module by module.

The core loop's sweeps visit a state network's groups one after the other
(``kernels._group_by_group_order``), on a level whose units are contiguous per group with
only the links inside groups (``Level.induced``). The reordered level must score every
partition as the original does, the kernel's summed change of L must equal the exact
recomputation, and the sub-modules mapped back must stay inside their modules.
"""

from __future__ import annotations

import numpy as np
import pytest

from infomap_core import compute_flow
from infomap_core.kernels import _group_by_group_order, induced, module_sums
from infomap_core.optimizer import Level, SearchSettings, find_modules, level_codelength, sub_modules

from .networks import lfr
from .test_states import second_order


@pytest.mark.parametrize("seed", range(5))
def test_induced_in_any_order_equals_a_filtered_renumbered_copy(seed):
    rng = np.random.default_rng(seed)
    n, m = 40, 160
    src, tgt = rng.integers(0, n, m), rng.integers(0, n, m)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.add.at(indptr, src + 1, 1)
    indptr = np.cumsum(indptr)
    row_order = np.argsort(src, kind="stable")
    indices, pflow = tgt[row_order].astype(np.int32), rng.uniform(0.1, 1.0, m)
    selected = rng.permutation(n)[:30]  # any order, some units left out
    pos = np.full(n, -1, dtype=np.int64)
    pos[selected] = np.arange(selected.shape[0])
    group = rng.integers(0, 4, selected.shape[0])
    new_indptr, new_indices, new_flow = induced(indptr, indices, pflow, pos, group)
    assert new_indices.dtype == np.int32
    for j, u in enumerate(selected.tolist()):
        expect = [(int(pos[v]), f) for v, f in zip(indices[indptr[u]:indptr[u + 1]].tolist(),
                                                    pflow[indptr[u]:indptr[u + 1]].tolist())
                  if pos[v] >= 0 and group[pos[v]] == group[j]]
        got = list(zip(new_indices[new_indptr[j]:new_indptr[j + 1]].tolist(),
                       new_flow[new_indptr[j]:new_indptr[j + 1]].tolist()))
        assert got == expect


def test_group_by_group_order_is_a_permutation_with_each_group_contiguous():
    rng = np.random.default_rng(3)
    parent = rng.integers(0, 6, 50)
    group_units = np.argsort(parent, kind="stable").astype(np.int32)
    group_start = np.concatenate([[0], np.cumsum(np.bincount(parent, minlength=6))])
    order = np.empty(50, dtype=np.int32)
    _group_by_group_order(order, np.arange(6), group_start, group_units.copy())
    assert sorted(order.tolist()) == list(range(50))
    groups_in_order = parent[order]
    changes = np.count_nonzero(np.diff(groups_in_order)) + 1
    assert changes == 6  # one run per group


def _state_level(seed):
    fg = compute_flow(second_order(num_physical=90, groups=5, steps=3000, seed=seed), "directed")
    return fg, Level.from_flow(fg)


@pytest.mark.parametrize("seed", range(4))
def test_reordered_level_scores_partitions_as_the_original(seed):
    fg, level = _state_level(seed)
    rng = np.random.default_rng(seed)
    modules = rng.integers(0, 6, level.n)
    parts = rng.integers(0, 40, level.n)
    parts = np.unique(modules * 40 + parts, return_inverse=True)[1].astype(np.int64)
    k = int(parts.max()) + 1
    exits = rng.uniform(0.0, 0.05, 6)
    order = np.argsort(modules, kind="stable")
    sub = level.induced(order, modules[order])
    np.testing.assert_allclose(level_codelength(sub, parts[order], k, modules[order], exits),
                               level_codelength(level, parts, k, modules, exits), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_grouped_core_loop_delta_equals_recomputation(seed):
    fg, level = _state_level(seed)
    modules, k = find_modules(level, None, np.random.default_rng(seed), SearchSettings(), first_loop=True)
    assert k > 1
    exits = np.random.default_rng(seed).uniform(0.0, 0.05, k)
    order = np.argsort(modules, kind="stable")
    group = modules[order]
    sub = level.induced(order, group)
    mod = np.arange(sub.n, dtype=np.int64)
    before = level_codelength(sub, mod, sub.n, group, exits).sum()
    delta, moves = sub.run_core_loop(mod, group, exits, seed, 3, SearchSettings(core_loop_threshold=0.0))
    after = level_codelength(sub, mod, sub.n, group, exits).sum()
    assert moves > 0
    assert after - before == pytest.approx(delta, abs=1e-9)
    assert all(np.unique(group[mod == m]).shape[0] == 1 for m in np.unique(mod))  # modules inside their group


@pytest.mark.parametrize("seed", range(4))
def test_state_sub_modules_stay_inside_their_modules_and_shorten_them(seed):
    fg, level = _state_level(seed)
    modules, k = find_modules(level, None, np.random.default_rng(seed), SearchSettings(), first_loop=True)
    subs, ks = sub_modules(level, modules, k, np.random.default_rng(seed + 10), SearchSettings())
    assert np.array_equal(np.unique(subs), np.arange(ks))
    for s in range(ks):
        assert np.unique(modules[subs == s]).shape[0] == 1
    _, _, mexit, _, _ = module_sums(level.indptr, level.indices, level.pflow, level.flow, level.enter, level.exit,
                                    level.tf, level.tw, modules, k, level.recorded)
    exits = np.maximum(mexit, 0.0)
    one = level_codelength(level, np.arange(level.n), level.n, modules, exits)  # every unit alone: the start
    split = level_codelength(level, subs, ks, modules, exits)
    assert (split <= one + 1e-12).all() and (split < one - 1e-9).any()


def _first_order_level(seed):
    net, _ = lfr(1000, 0.4, seed=10)
    fg = compute_flow(net, "undirected")
    return Level.from_flow(fg)


def _grouped_level(seed):
    """The LFR level's units reordered module by module (its modules after a first search), with
    only the links inside modules, and random exit flows of the modules: (level, group, exits)."""
    level = _first_order_level(seed)
    modules, k = find_modules(level, None, np.random.default_rng(seed), SearchSettings(), first_loop=True)
    exits = np.random.default_rng(seed).uniform(0.0, 0.05, k)
    order = np.argsort(modules, kind="stable")
    group = modules[order]
    return level.induced(order, group, grouped=True), group, exits


@pytest.mark.parametrize("seed", range(3))
def test_grouped_first_order_core_loop_delta_equals_recomputation(seed):
    sub, group, exits = _grouped_level(seed)
    mod = np.arange(sub.n, dtype=np.int64)
    before = level_codelength(sub, mod, sub.n, group, exits).sum()
    delta, moves = sub.run_core_loop(mod, group, exits, seed, 3, SearchSettings(core_loop_threshold=0.0))
    after = level_codelength(sub, mod, sub.n, group, exits).sum()
    assert moves > 0
    assert after - before == pytest.approx(delta, abs=1e-9)
    assert all(np.unique(group[mod == m]).shape[0] == 1 for m in np.unique(mod))


@pytest.mark.parametrize("seed", range(3))
def test_large_first_order_sub_modules_run_grouped_inside_their_modules(seed):
    """From ``grouped_min_units`` units on, a first-order level's sub-module search runs on the
    reordered level too; below, on the level itself (the same draws as before the option)."""
    level = _first_order_level(seed)
    modules, k = find_modules(level, None, np.random.default_rng(seed), SearchSettings(), first_loop=True)
    _, _, mexit, _, _ = module_sums(level.indptr, level.indices, level.pflow, level.flow, level.enter, level.exit,
                                    level.tf, level.tw, modules, k, level.recorded)
    exits = np.maximum(mexit, 0.0)
    one = level_codelength(level, np.arange(level.n), level.n, modules, exits)
    for settings in (SearchSettings(grouped_min_units=level.n), SearchSettings(grouped_min_units=level.n + 1)):
        subs, ks = sub_modules(level, modules, k, np.random.default_rng(seed + 10), settings)
        assert np.array_equal(np.unique(subs), np.arange(ks))
        assert all(np.unique(modules[subs == s]).shape[0] == 1 for s in range(ks))
        split = level_codelength(level, subs, ks, modules, exits)
        assert (split <= one + 1e-12).all() and (split < one - 1e-9).any()
    plain, kp = find_modules(level, None, np.random.default_rng(seed + 10), SearchSettings(), parent=modules,
                             parent_exit=exits)
    assert kp == ks and np.array_equal(plain, subs)  # the last settings: below the threshold


@pytest.mark.parametrize("seed", range(3))
def test_grouped_core_loop_is_exact_inside_groups_and_the_same_on_any_number_of_threads(seed):
    """The first-order grouped loop (:mod:`infomap_core.grouped`): each group searched on its own,
    groups split over threads; the summed change of L is exact and the result does not depend
    on the number of threads (nor on how the groups are split: 1, 2 and 3 chunks)."""
    import numba

    from infomap_core.grouped import grouped_core_loop

    sub, group, exits = _grouped_level(seed)
    numba.get_num_threads()  # starts the thread pool before a cached kernel calls a parallel one
    results = []
    for threads in (1, 2, 3):
        mod = np.arange(sub.n, dtype=np.int64)
        before = level_codelength(sub, mod, sub.n, group, exits).sum()
        delta, moves = grouped_core_loop(sub.indptr, sub.indices, sub.pflow, sub.flow, sub.enter, sub.exit, group,
                                         exits, mod, seed, 10, 0.0, False, 5, 2, threads, 0)
        after = level_codelength(sub, mod, sub.n, group, exits).sum()
        assert moves > 0
        assert after - before == pytest.approx(delta, abs=1e-9)
        assert all(np.unique(group[mod == m]).shape[0] == 1 for m in np.unique(mod))
        results.append((mod, delta, moves))
    for mod, delta, moves in results[1:]:
        assert np.array_equal(mod, results[0][0]) and delta == results[0][1] and moves == results[0][2]


CLASSIC_GRAPHS = ["karate_club_graph", "les_miserables_graph", "florentine_families_graph",
                  "davis_southern_women_graph"]


@pytest.mark.parametrize("two_level", [True, False], ids=["two-level", "multilevel"])
@pytest.mark.parametrize("name", CLASSIC_GRAPHS)
def test_grouped_coarse_tune_results_are_scored_exactly_on_classic_graphs(name, two_level, monkeypatch):
    """The grouped sub-module search runs on levels of 10,000+ units only; forced on every level
    here (``grouped_min_units=1``), runs on networkx's classic data sets are reported == the
    official's score of our own tree (conftest re-scores every result; here once more by hand)
    and as short as the plain search's within 1%."""
    import networkx as nx

    from infomap_core import InfomapOptions, Network, run_infomap

    import infomap_core.optimizer as optimizer

    from .oracle import official_score_of_tree

    calls = []
    grouped_loop = optimizer.grouped_core_loop
    monkeypatch.setattr(optimizer, "grouped_core_loop", lambda *a: calls.append(1) or grouped_loop(*a))
    net = Network.from_networkx(getattr(nx, name)())
    options = InfomapOptions(two_level=two_level, num_trials=3, seed=7)
    grouped = run_infomap(net, options, settings=SearchSettings(grouped_min_units=1))
    assert calls  # the grouped loop ran
    plain = run_infomap(net, options)
    theirs = official_score_of_tree(grouped.network, grouped.tree, grouped.options, grouped.flow.flow_model,
                                    grouped.objective)
    assert grouped.codelength == pytest.approx(theirs, rel=1e-9)
    assert grouped.codelength <= plain.codelength * 1.01
