"""The content slots of the core loop and the tree moves (:mod:`infomap_core.memory`).

Units hold physical nodes (or meta-data categories) with flow; the slots keep, per
physical node, the modules holding it, and a hash index finds the slot of (module,
physical node). Hypothesis draws contents and sequences of moves; after every move the
slots and the index must equal a recount from scratch, and the candidate gains (by a
pass over the slots or by index look-ups, whichever the kernel picks) must equal the
definition ``plogp(p_{i,B} + f) - plogp(p_{i,B}) - plogp(f)`` summed over the unit.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infomap_core.memory import (content_delta, content_gains, content_move, find_slot, index_find, index_remove,
                                 index_set, indexed_content_gains, physical_slots, slot_index)


def _plogp(x: float) -> float:
    return x * np.log2(x) if x > 0 else 0.0


@st.composite
def contents(draw):
    num_units = draw(st.integers(1, 30))
    num_physical = draw(st.integers(1, 6))
    rows = [sorted(draw(st.sets(st.integers(0, num_physical - 1), min_size=1, max_size=num_physical)))
            for _ in range(num_units)]
    indptr = np.zeros(num_units + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    physical = np.array([i for r in rows for i in r], dtype=np.int64)
    flow = np.array(draw(st.lists(st.sampled_from([0.01, 0.02, 0.05, 0.125, 0.3]), min_size=len(physical),
                                  max_size=len(physical))))
    mod = np.array(draw(st.lists(st.integers(0, num_units - 1), min_size=num_units, max_size=num_units)),
                   dtype=np.int64)
    return indptr, physical, flow, mod, num_physical


def _recount(indptr, physical, flow, mod, num_physical):
    held = {}
    for u in range(mod.shape[0]):
        for e in range(indptr[u], indptr[u + 1]):
            key = (int(mod[u]), int(physical[e]))
            f, c = held.get(key, (0.0, 0))
            held[key] = (f + flow[e], c + 1)
    return held


def _check_slots(slots, held, num_modules, num_physical):
    slot_ptr, slot_len, slot_module, slot_flow, slot_units, keys, index = slots
    seen = {}
    for i in range(num_physical):
        for s in range(slot_ptr[i], slot_ptr[i] + slot_len[i]):
            seen[(int(slot_module[s]), i)] = (slot_flow[s], int(slot_units[s]))
            assert find_slot(slot_ptr, slot_len, slot_module, keys, index, i, slot_module[s]) == s
    assert seen.keys() == held.keys()
    for key, (f, c) in held.items():
        assert seen[key][0] == pytest.approx(f, abs=1e-12)
        assert seen[key][1] == c
    for m in range(num_modules):
        for i in range(num_physical):
            if (m, i) not in held:
                assert find_slot(slot_ptr, slot_len, slot_module, keys, index, i, m) == -1
    assert (keys >= 0).sum() == (len(held) if keys.shape[0] else 0)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contents(), st.booleans(), st.data())
def test_slots_index_and_gains_equal_a_recount_after_every_move(content, indexed, data):
    indptr, physical, flow, mod, num_physical = content
    n = mod.shape[0]
    slots = physical_slots(indptr, physical, flow, mod, num_physical, indexed)
    slot_ptr, slot_len, slot_module, slot_flow, slot_units, keys, index = slots
    _check_slots(slots, _recount(indptr, physical, flow, mod, num_physical), n, num_physical)
    for _ in range(data.draw(st.integers(1, 25))):
        u = data.draw(st.integers(0, n - 1))
        old = int(mod[u])
        held = _recount(indptr, physical, flow, mod, num_physical)
        # candidates: a random set of modules (a few: index look-ups; many: a pass over the slots)
        cand = np.array(sorted(data.draw(st.sets(st.integers(0, n - 1), max_size=n))), dtype=np.int64)
        scratch = np.zeros((n, 2))
        scratch[:, 1] = -1.0
        scratch[cand, 1] = 7.0
        gains = np.zeros(n)
        if indexed:
            leave, base = indexed_content_gains(indptr, physical, flow, u, old, slot_ptr, slot_len, slot_module,
                                                slot_flow, keys, index, scratch, 7.0, cand, cand.shape[0], gains)
        else:
            leave, base = content_gains(indptr, physical, flow, u, old, slot_ptr, slot_len, slot_module, slot_flow,
                                        scratch, 7.0, gains)
        rows = range(indptr[u], indptr[u + 1])
        expect_leave = sum(_plogp(held[(old, int(physical[e]))][0] - flow[e]) - _plogp(held[(old, int(physical[e]))][0])
                           for e in rows)
        assert leave == pytest.approx(expect_leave, abs=1e-12)
        assert leave == pytest.approx(content_delta(indptr, physical, flow, u, old, -1.0, slot_ptr, slot_len,
                                                    slot_module, slot_flow, keys, index), abs=1e-12)
        assert base == pytest.approx(sum(_plogp(flow[e]) for e in rows), abs=1e-12)
        for m in cand.tolist():
            if m == old:
                continue
            join = sum(_plogp(held.get((m, int(physical[e])), (0.0, 0))[0] + flow[e])
                       - _plogp(held.get((m, int(physical[e])), (0.0, 0))[0]) for e in rows)
            assert base + gains[m] == pytest.approx(join, abs=1e-12)
            assert join == pytest.approx(content_delta(indptr, physical, flow, u, m, 1.0, slot_ptr, slot_len,
                                                       slot_module, slot_flow, keys, index), abs=1e-12)
        new = data.draw(st.integers(0, n - 1))
        if new == old:
            continue
        content_move(indptr, physical, flow, u, old, new, slot_ptr, slot_len, slot_module, slot_flow, slot_units,
                     keys, index)
        mod[u] = new
        _check_slots(slots, _recount(indptr, physical, flow, mod, num_physical), n, num_physical)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 60)), max_size=200))
def test_hash_index_matches_a_dict(operations):
    keys, index = slot_index(20)  # 64 entries at most half full: long probe runs wrap around
    expected = {}
    for put, key in operations:
        if put and (key in expected or len(expected) < 32):
            expected[key] = key * 3 + 1
            index_set(keys, index, key, key * 3 + 1)
        elif not put and key in expected:
            del expected[key]
            index_remove(keys, index, key)
        assert index_find(keys, index, key) == expected.get(key, -1)
    for k in range(61):
        assert index_find(keys, index, k) == expected.get(k, -1)
    assert (keys >= 0).sum() == len(expected)


def _meta_network(seed: int, n: int = 300, categories: int = 2):
    """A random directed network with meta-data of ``categories`` categories: with n / categories
    >= INDEX_MIN_ROWS_PER_KEY nodes per category the kernels use the slots' hash index."""
    from infomap_core import Network, compute_flow
    from infomap_core.mapequation import Objective

    rng = np.random.default_rng(seed)
    m = 4 * n
    net = Network.from_arrays(rng.integers(0, n, m), rng.integers(0, n, m), rng.uniform(0.1, 2.0, m), directed=True)
    fg = compute_flow(net, "directed")
    category = rng.integers(0, categories, net.num_nodes)
    return fg, Objective(meta_rate=1.5, meta_category=category, meta_weight=fg.node_flow), rng


@pytest.mark.parametrize("seed", range(6))
def test_indexed_meta_core_loop_delta_equals_recomputation(seed):
    from infomap_core.memory import INDEX_MIN_ROWS_PER_KEY, wants_index
    from infomap_core.optimizer import Level, SearchSettings
    from infomap_core.tree import Tree

    fg, objective, rng = _meta_network(seed)
    assert wants_index(objective.meta_category, objective.num_categories)  # the indexed path
    assert fg.num_nodes >= INDEX_MIN_ROWS_PER_KEY * objective.num_categories
    for start_modules in (fg.num_nodes, 7):  # singletons (every category in ~150 modules), then a few modules
        mod = np.unique(rng.integers(0, start_modules, fg.num_nodes), return_inverse=True)[1].astype(np.int64)
        before = Tree.two_level(fg, mod).codelength(objective)[0]
        level = Level.from_flow(fg, objective)
        delta, moves = level.run_core_loop(mod, np.zeros(fg.num_nodes, dtype=np.int64), np.zeros(1), seed, 3,
                                           SearchSettings(core_loop_threshold=0.0))
        after = Tree.two_level(fg, mod).codelength(objective)[0]
        assert moves > 0
        assert after - before == pytest.approx(delta, abs=1e-9)
        assert delta < 0


@pytest.mark.parametrize("seed", range(6))
def test_indexed_meta_tree_moves_delta_equals_recomputation(seed):
    from infomap_core.tree import Tree
    from infomap_core.treemoves import tree_moves

    fg, objective, rng = _meta_network(seed)
    columns = [rng.integers(0, 4, fg.num_nodes), rng.integers(0, 30, fg.num_nodes)]
    tree = Tree.from_columns(fg, columns)
    tuned, delta, moves = tree_moves(fg, tree, rng, loop_limit=3, min_improvement=0.0, objective=objective)
    before, after = tree.codelength(objective)[0], tuned.codelength(objective)[0]
    assert moves > 0
    assert after - before == pytest.approx(delta, abs=1e-9)
    assert delta < 0
