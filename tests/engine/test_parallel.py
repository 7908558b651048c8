"""The parallel kernels: the same results on any number of threads, and equal to a plain reference."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infomap_core import InfomapOptions, Network, compute_flow, run_infomap
from infomap_core.optimizer import Level, SearchSettings, level_codelength
from infomap_core.parallel import (PARALLEL_MIN_CHOICE_LINKS, PARALLEL_MIN_LINKS, active_bounds, aggregate,
                                   colour_classes, coloured_core_loop, module_network, module_sums,
                                   symmetric_pair_counts, symmetric_pairs)

from .test_properties import networks


@settings(max_examples=100, deadline=None)
@given(networks(), st.integers(1, 6), st.integers(0, 10**6), st.integers(1, 5))
def test_module_sums_and_aggregate_equal_a_plain_reference(net, k, seed, threads):
    """Small networks: the kernels run on the calling thread (below ``PARALLEL_MIN_LINKS``)."""
    mod = np.unique(np.random.default_rng(seed).integers(0, k, net.num_nodes), return_inverse=True)[1]
    assert_sums_and_aggregate_equal_reference(net, mod, threads)


@pytest.mark.parametrize("threads", [1, 2, 4])
def test_the_parallel_branch_equals_a_plain_reference(threads):
    """A network above ``PARALLEL_MIN_LINKS`` stored links, so the thread-team branch runs."""
    rng = np.random.default_rng(7)
    n = 20_000
    src, tgt = rng.integers(0, n, 40_000), rng.integers(0, n, 40_000)
    net = Network.from_arrays(src, tgt, rng.random(40_000) + 0.5)
    assert net.num_links * 2 >= PARALLEL_MIN_LINKS
    mod = np.unique(rng.integers(0, 300, net.num_nodes), return_inverse=True)[1]
    assert_sums_and_aggregate_equal_reference(net, mod, threads)


def assert_sums_and_aggregate_equal_reference(net, mod, threads):
    fg = compute_flow(net, "directed" if net.directed else "undirected")
    level = Level.from_flow(fg)
    k = int(mod.max()) + 1
    mflow, menter, mexit, _, _ = module_sums(level.indptr, level.indices, level.pflow, level.flow, level.enter,
                                             level.exit, level.tf, level.tw, mod, k, False)
    src = np.repeat(np.arange(level.n), np.diff(level.indptr))
    inside = mod[src] == mod[level.indices]
    inner = np.bincount(mod[src[inside]], weights=level.pflow[inside], minlength=k) / 2  # both directions stored
    np.testing.assert_allclose(mflow, np.bincount(mod, weights=level.flow, minlength=k), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(menter, np.bincount(mod, weights=level.enter, minlength=k) - inner, atol=1e-12)
    np.testing.assert_allclose(mexit, np.bincount(mod, weights=level.exit, minlength=k) - inner, atol=1e-12)
    indptr, indices, flow = aggregate(level.indptr, level.indices, level.pflow, mod, k, threads)
    ours = {(m, int(t)): f for m in range(k) for t, f in zip(indices[indptr[m]:indptr[m + 1]], flow[indptr[m]:indptr[m + 1]])}
    reference: dict = {}
    for s, t, f in zip(mod[src[~inside]].tolist(), mod[level.indices[~inside]].tolist(), level.pflow[~inside].tolist()):
        reference[(s, t)] = reference.get((s, t), 0.0) + f
    assert ours.keys() == reference.keys()
    assert all(ours[key] == pytest.approx(reference[key], rel=1e-12) for key in ours)
    # the module network in two passes: the same sums and the very same links
    for recorded in (False, True):
        network = module_network(level.indptr, level.indices, level.pflow, level.flow, level.enter, level.exit,
                                 level.tf, level.tw, mod, k, recorded, threads)
        sums = module_sums(level.indptr, level.indices, level.pflow, level.flow, level.enter, level.exit, level.tf,
                           level.tw, mod, k, recorded)
        for got, want in zip(network[:5], sums):
            np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)
        for got, want in zip(network[5:], (indptr, indices, flow)):
            assert np.array_equal(got, want)



def _pairs_by_one_pass(indptr, indices, link_flow):
    """The symmetric pair CSR as one pass over the rows in order appends it (the reference)."""
    n = indptr.shape[0] - 1
    rows = [[] for _ in range(n)]
    for s in range(n):
        for e in range(indptr[s], indptr[s + 1]):
            t = int(indices[e])
            if t != s:
                rows[s].append((t, link_flow[e]))
                rows[t].append((s, link_flow[e]))
    return rows


def _csr_of(indptr, indices, flow):
    return [list(zip(indices[indptr[r]:indptr[r + 1]].tolist(), flow[indptr[r]:indptr[r + 1]].tolist()))
            for r in range(indptr.shape[0] - 1)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 2000), min_size=0, max_size=60), st.integers(1, 8), st.randoms(use_true_random=False))
def test_active_bounds_cut_the_units_into_chunks_of_about_equal_cost(degrees, chunks, rnd):
    """The choosing threads' chunks: consecutive slices covering every active unit once, each
    costing (links + 1 per unit) at most an equal share plus one unit's cost."""
    indptr = np.concatenate([[0], np.cumsum(degrees)]).astype(np.int64)
    active = np.array(rnd.sample(range(len(degrees)), len(degrees)), dtype=np.int64)
    bounds = active_bounds(indptr, active, active.shape[0], int(np.sum(degrees)) + len(degrees), chunks)
    assert bounds.shape == (chunks + 1,) and bounds[0] == 0 and bounds[-1] == active.shape[0]
    assert np.all(np.diff(bounds) >= 0)
    cost = np.array(degrees, dtype=np.int64)[active] + 1
    total = int(cost.sum())
    largest = int(cost.max()) if cost.shape[0] else 0
    for c in range(chunks):
        assert cost[bounds[c]:bounds[c + 1]].sum() <= total / chunks + largest


@settings(max_examples=100, deadline=None)
@given(networks(), st.integers(1, 7))
def test_symmetric_pairs_equal_one_pass_over_the_rows_for_any_number_of_chunks(net, chunks):
    """Row ``t``: links into ``t`` from earlier rows, its own, from later rows, in that order, however the
    rows are split into chunks (self-links left out; reciprocal links kept apart)."""
    link_flow = np.random.default_rng(net.indices.shape[0]).random(net.indices.shape[0])
    out_indptr, fill, bounds = symmetric_pair_counts(net.indptr, net.indices, chunks)
    assert bounds[0] == 0 and bounds[-1] == net.num_nodes and np.all(np.diff(bounds) >= 0)
    out_indices = np.empty(out_indptr[-1], dtype=np.int32)
    out_flow = np.empty(out_indptr[-1])
    symmetric_pairs(net.indptr, net.indices, link_flow, fill, bounds, out_indices, out_flow)
    assert _csr_of(out_indptr, out_indices, out_flow) == _pairs_by_one_pass(net.indptr, net.indices, link_flow)


@pytest.mark.parametrize("threads", [1, 2])
def test_the_flows_pair_csr_and_the_induced_level_do_not_depend_on_threads(threads):
    """Above ``PARALLEL_MIN_LINKS`` links both are built on every thread: the same arrays as one pass."""
    import numba

    rng = np.random.default_rng(5)
    n = 30_000
    net = Network.from_arrays(rng.integers(0, n, 60_000), rng.integers(0, n, 60_000), rng.random(60_000) + 0.5)
    assert net.num_links >= PARALLEL_MIN_LINKS
    before = numba.get_num_threads()
    numba.set_num_threads(threads)
    try:
        fg = compute_flow(net)
        level = Level.from_flow(fg)
        mod = rng.integers(0, 50, level.n)
        order = np.argsort(mod, kind="stable")
        sub = level.induced(order, mod[order])
    finally:
        numba.set_num_threads(before)
    assert _csr_of(fg.pair_indptr, fg.pair_indices, fg.pair_flow) == _pairs_by_one_pass(
        net.indptr, net.indices, fg.link_flow)
    pos = np.empty(level.n, dtype=np.int64)
    pos[order] = np.arange(level.n)
    rows = _csr_of(level.indptr, level.indices, level.pflow)
    reference = [[(int(pos[v]), f) for v, f in rows[u] if mod[v] == mod[u]] for u in order]
    assert _csr_of(sub.indptr, sub.indices, sub.pflow) == reference


@settings(max_examples=100, deadline=None)
@given(networks())
def test_colour_classes_are_independent_sets_covering_every_unit(net):
    level = Level.from_flow(compute_flow(net, "directed" if net.directed else "undirected"))
    start, units = colour_classes(level.indptr, level.indices)
    assert np.array_equal(np.sort(units), np.arange(level.n))
    colour = np.empty(level.n, dtype=np.int64)
    colour[units] = np.repeat(np.arange(start.shape[0] - 1), np.diff(start))
    src = np.repeat(np.arange(level.n), np.diff(level.indptr))
    assert not np.any(colour[src] == colour[level.indices])
    assert np.all(np.diff(start) > 0)
    assert start.shape[0] - 1 <= np.diff(level.indptr).max(initial=0) + 1  # first-fit's bound


def _planted_level(n=24_000, groups=300, seed=3):
    """A planted partition large enough that its colour classes run on the thread team."""
    rng = np.random.default_rng(seed)
    group = rng.integers(0, groups, n)
    src = rng.integers(0, n, 8 * n)
    inside = rng.random(8 * n) < 0.7
    members = np.argsort(group, kind="stable")
    first = np.searchsorted(group[members], np.arange(groups))
    size = np.bincount(group, minlength=groups)
    tgt = np.where(inside, members[first[group[src]] + (rng.random(8 * n) * size[group[src]]).astype(np.int64)],
                   rng.integers(0, n, 8 * n))
    net = Network.from_arrays(src, tgt, rng.random(8 * n) + 0.5)
    return Level.from_flow(compute_flow(net, "undirected")), group


def _coloured_run(level, mod, threads, parent=None, parent_exit=None, first_loop=True, seed=11):
    if parent is None:
        parent, parent_exit = np.zeros(level.n, dtype=np.int64), np.zeros(1)
    start, units = level.colouring
    mod = mod.copy()
    delta, moves = coloured_core_loop(level.indptr, level.indices, level.pflow, level.flow, level.enter, level.exit,
                                      parent, parent_exit, mod, seed, 10, 1e-10, first_loop, 5, 2, start, units, threads)
    return mod, delta, moves


def _codelength(level, mod, parent=None, parent_exit=None):
    ids, k = np.unique(mod, return_inverse=True)[1], int(np.unique(mod).shape[0])
    return float(level_codelength(level, ids, k, parent, parent_exit).sum())


@pytest.mark.parametrize("first_loop", [True, False])
def test_coloured_core_loop_reports_the_exact_change_and_does_not_depend_on_threads(first_loop):
    """From singletons: the reported change of L equals the re-scored codelengths' difference,
    L drops, and 1, 2, 3 and 5 chunks of every class give the same partition."""
    level, _ = _planted_level()
    class_start, class_units = level.colouring
    class_links = np.add.reduceat(np.diff(level.indptr)[class_units], class_start[:-1])
    assert class_links.max() >= 2 * PARALLEL_MIN_CHOICE_LINKS  # the thread-team branch runs
    assert class_links.min() < PARALLEL_MIN_CHOICE_LINKS  # and the calling thread's
    singletons = np.arange(level.n, dtype=np.int64)
    runs = [_coloured_run(level, singletons, threads, first_loop=first_loop) for threads in (1, 2, 3, 5)]
    mod, delta, moves = runs[0]
    for other, other_delta, other_moves in runs[1:]:
        assert np.array_equal(mod, other) and other_delta == delta and other_moves == moves
    before, after = _codelength(level, singletons), _codelength(level, mod)
    assert moves > level.n // 2 and delta < 0
    assert after - before == pytest.approx(delta, rel=1e-9, abs=1e-9)


def test_coloured_core_loop_keeps_units_in_their_groups_and_scores_each_group():
    """Constrained (the sub-module search of coarse-tuning): every unit stays in modules of its
    own group; the change of the summed per-group codelength is exact."""
    check_constrained_loop(_coloured_run)


def check_constrained_loop(run) -> None:
    """``run(level, mod, threads, parent, parent_exit, first_loop=False)`` from singletons within
    planted groups: moves stay in their groups, the summed per-group change of L is exact and
    the result is the same on 2 and 3 threads (shared by the parallel core loops' tests)."""
    level, group = _planted_level(seed=5)
    parent = np.unique(group, return_inverse=True)[1].astype(np.int64)
    groups = int(parent.max()) + 1
    _, _, mexit, _, _ = module_sums(level.indptr, level.indices, level.pflow, level.flow, level.enter, level.exit,
                                    level.tf, level.tw, parent, groups, False)
    parent_exit = np.maximum(mexit, 0.0)
    singletons = np.arange(level.n, dtype=np.int64)
    mod, delta, moves = run(level, singletons, 2, parent, parent_exit, first_loop=False)
    assert moves > 0
    module_group = {}
    for m, g in zip(mod.tolist(), parent.tolist()):
        assert module_group.setdefault(m, g) == g
    before = _codelength(level, singletons, parent, parent_exit)
    after = _codelength(level, mod, parent, parent_exit)
    assert after - before == pytest.approx(delta, rel=1e-9, abs=1e-9)
    assert np.array_equal(mod, run(level, singletons, 3, parent, parent_exit, first_loop=False)[0])


def test_coloured_core_loop_from_a_partition_only_improves_it():
    """Fine-tuning's start: from the planted partition the loop only makes moves that lower L."""
    level, group = _planted_level(seed=9)
    start = np.unique(group, return_inverse=True)[1].astype(np.int64)
    mod, delta, _ = _coloured_run(level, start, 2, first_loop=False)
    assert delta <= 0
    assert _codelength(level, mod) - _codelength(level, start) == pytest.approx(delta, rel=1e-9, abs=1e-9)


RUN = """
import json, sys
import numpy as np, numba
from infomap_core import InfomapOptions, Network, run_infomap
from infomap_core.optimizer import SearchSettings
edges = np.array(json.loads(sys.argv[1]))
net = Network.from_arrays(edges[:, 0], edges[:, 1])
out = []
for threads in (1, 2, 3, 4):
    r = run_infomap(net, InfomapOptions(two_level=True, seed=5, num_threads=threads),
                    settings=SearchSettings(parallel_min_units=50))
    out.append([r.codelength, r.module_ids(1).tolist()])
print(json.dumps(out))
"""


def test_same_partition_on_two_three_and_four_threads():
    """The colour classes' moves are chosen in parallel and applied in one order, so the
    result depends on the seed only (one thread runs the sequential core loop)."""
    rng = np.random.default_rng(1)
    groups = np.repeat(np.arange(10), 30)
    src, tgt = np.triu_indices(300, 1)
    keep = rng.random(src.shape[0]) < np.where(groups[src] == groups[tgt], 0.3, 0.01)
    edges = np.stack([src[keep], tgt[keep]], axis=1).tolist()
    env = dict(os.environ, NUMBA_NUM_THREADS="4")
    done = subprocess.run([sys.executable, "-c", RUN, json.dumps(edges)], capture_output=True, text=True, env=env,
                          check=True, cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    results = json.loads(done.stdout)
    assert results[1] == results[2] == results[3]
    assert results[0][0] == pytest.approx(results[1][0], rel=1e-3)  # the sequential search lands close


def test_parallel_moves_keep_the_official_quality():
    """On the LFR benchmark graph (1000 nodes) the search with parallel moves is no worse than the
    official, and its codelength is the official's score of its partition."""
    from .networks import lfr
    from .oracle import codelength_of, official

    net, _ = lfr(1000, 0.3)
    results = [run_infomap(net, InfomapOptions(two_level=True, seed=s, num_threads=2),
                           settings=SearchSettings(parallel_min_units=100)) for s in range(1, 4)]
    theirs = [codelength_of(official(net, seed=s)) for s in range(1, 4)]
    assert np.mean([r.codelength for r in results]) <= np.mean(theirs) * (1 + 1e-4)
    for r in results:
        partition = dict(zip(net.node_ids.tolist(), r.module_ids(1).tolist()))
        assert codelength_of(official(net, partition=partition)) == pytest.approx(r.codelength, rel=1e-9)
