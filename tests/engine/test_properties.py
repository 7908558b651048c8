"""Invariants of the map equation and of the optimizer's move delta (hypothesis)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infomap_core import InfomapOptions, Network, compute_codelength, compute_flow, run_infomap
from infomap_core.mapequation import Objective, plogp
from infomap_core.optimizer import Level, SearchSettings


@st.composite
def networks(draw, directed=None):
    n = draw(st.integers(3, 25))
    m = draw(st.integers(n, 4 * n))
    src = draw(st.lists(st.integers(0, n - 1), min_size=m, max_size=m))
    tgt = draw(st.lists(st.integers(0, n - 1), min_size=m, max_size=m))
    w = draw(st.lists(st.floats(0.1, 10.0), min_size=m, max_size=m))
    is_directed = draw(st.booleans()) if directed is None else directed
    return Network.from_arrays(src, tgt, w, directed=is_directed)


def _partition(net, k, seed):
    rng = np.random.default_rng(seed)
    return dict(zip(net.node_ids.tolist(), rng.integers(0, k, net.num_nodes).tolist()))


@settings(max_examples=60, deadline=None)
@given(networks())
def test_one_module_codelength_is_entropy_of_node_flow(net):
    result = compute_codelength(net, {i: 0 for i in net.node_ids.tolist()})
    p = compute_flow(net).node_flow
    assert result.codelength == pytest.approx(float(-plogp(p).sum()), rel=1e-12, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(networks(), st.integers(1, 6), st.integers(0, 10**6))
def test_relabelling_nodes_and_modules_leaves_codelength_unchanged(net, k, seed):
    part = _partition(net, k, seed)
    base = compute_codelength(net, part).codelength
    rng = np.random.default_rng(seed)
    new_ids = rng.permutation(10 * net.num_nodes)[: net.num_nodes] + 1000
    rename = dict(zip(net.node_ids.tolist(), new_ids.tolist()))
    src, tgt, w = net.to_coo()
    relabelled = Network.from_arrays(new_ids[src], new_ids[tgt], w, directed=net.directed)
    module_names = {m: f"m{(m * 7919) % 101}" for m in range(k)}
    part2 = {rename[i]: module_names[m] for i, m in part.items()}
    assert compute_codelength(relabelled, part2).codelength == pytest.approx(base, rel=1e-10)


@settings(max_examples=60, deadline=None)
@given(networks(), st.integers(1, 6), st.integers(0, 10**6), st.floats(0.01, 1000.0))
def test_scaling_weights_leaves_codelength_unchanged(net, k, seed, scale):
    part = _partition(net, k, seed)
    src, tgt, w = net.to_coo()
    scaled = Network.from_arrays(net.node_ids[src], net.node_ids[tgt], w * scale, directed=net.directed)
    assert compute_codelength(scaled, part).codelength == pytest.approx(
        compute_codelength(net, part).codelength, rel=1e-9)


@settings(max_examples=150, deadline=None)
@given(networks(), st.integers(1, 6), st.integers(0, 10**6), st.booleans(),
       st.sampled_from([(0.0, 0, 0.0), (0.05, 0, 0.0), (0.0, 2, 0.0), (0.03, 3, 0.0), (0.0, 0, 1.5),
                        (0.02, 2, 0.7)]))
def test_core_loop_delta_equals_recomputation(net, k, seed, recorded, variant):
    """The kernel's accumulated change of L equals the exact recomputation (with the
    variants' module cost and top-module penalty)."""
    from infomap_core.tree import Tree

    fg = compute_flow(net, "directed" if net.directed else "undirected", recorded_teleportation=recorded)
    rng = np.random.default_rng(seed)
    meta = dict(meta_rate=variant[2], meta_category=rng.integers(0, 3, net.num_nodes),
                meta_weight=fg.node_flow) if variant[2] else {}
    objective = Objective(module_cost=variant[0], preferred_num_modules=variant[1], **meta)
    mod = np.unique(rng.integers(0, k, net.num_nodes), return_inverse=True)[1].astype(np.int64)  # ids < n
    before = Tree.two_level(fg, mod).codelength(objective)[0]
    level = Level.from_flow(fg, objective)
    delta, moves = level.run_core_loop(mod, np.zeros(net.num_nodes, dtype=np.int64), np.zeros(1),
                                       int(seed % 1000), 1, SearchSettings(core_loop_threshold=0.0))
    after = Tree.two_level(fg, mod).codelength(objective)[0]
    assert after - before == pytest.approx(delta, abs=1e-9)
    assert delta <= 1e-12


@settings(max_examples=20, deadline=None)
@given(networks(), st.integers(0, 1000))
def test_same_seed_same_result(net, seed):
    a = run_infomap(net, InfomapOptions(seed=seed, num_trials=2))
    b = run_infomap(net, InfomapOptions(seed=seed, num_trials=2))
    assert a.modules == b.modules and a.codelength == b.codelength


@settings(max_examples=300, deadline=None)
@given(networks(), st.integers(1, 6), st.integers(1, 4), st.integers(0, 10**6), st.booleans(),
       st.sampled_from([(0.0, 0, 0.0), (0.05, 0, 0.0), (0.0, 2, 0.0), (0.03, 3, 0.0), (0.0, 0, 1.5),
                        (0.02, 2, 0.7)]))
def test_tree_moves_delta_equals_recomputation(net, k, depth, seed, recorded, variant):
    """Single-node moves in a multilevel tree: the kernel's summed change of L equals the
    difference of the two trees' codelengths, and it never grows."""
    from infomap_core.tree import Tree
    from infomap_core.treemoves import tree_moves

    fg = compute_flow(net, "directed" if net.directed else "undirected", recorded_teleportation=recorded)
    rng = np.random.default_rng(seed)
    # a random ragged hierarchy: up to ``depth`` levels of up to ``k`` children, each top
    # module ending at its own depth (so a module holds nodes or modules, never both)
    columns = [rng.integers(0, k, net.num_nodes) for _ in range(depth)]
    ends = rng.integers(1, depth + 1, k)[columns[0]]
    for d in range(1, depth):
        columns[d] = np.where(ends > d, columns[d], -1)
    tree = Tree.from_columns(fg, columns)
    meta = dict(meta_rate=variant[2], meta_category=rng.integers(0, 3, net.num_nodes),
                meta_weight=fg.node_flow) if variant[2] else {}
    objective = Objective(module_cost=variant[0], preferred_num_modules=variant[1], **meta)
    tuned, delta, moves = tree_moves(fg, tree, rng, loop_limit=3, min_improvement=0.0, objective=objective)
    before, after = tree.codelength(objective)[0], tuned.codelength(objective)[0]
    assert after - before == pytest.approx(delta, abs=1e-9)
    assert delta <= 1e-12
    assert (moves == 0) == (tuned is tree)


@settings(max_examples=200, deadline=None)
@given(networks(), st.sampled_from(["undirected", "directed", "undirdir", "outdirdir", "rawdir"]), st.booleans(),
       st.integers(0, 2**32 - 1))
def test_flow_and_codelength_invariant_under_relabelling(net, flow_model, recorded, seed):
    """Issue 12: renumbering the nodes must not change anyone's flow, for every flow model
    (undirdir once depended on the numbering), nor the codelength of the same partition."""
    rng = np.random.default_rng(seed)
    perm = rng.permutation(net.num_nodes)  # node i gets the id perm[i]
    src, tgt, w = net.to_coo()
    renamed = Network.from_arrays(perm[src], perm[tgt], w, directed=net.directed, nodes=perm)
    options = dict(recorded_teleportation=recorded)
    a = compute_flow(net, flow_model, **options)
    b = compute_flow(renamed, flow_model, **options)
    np.testing.assert_allclose(b.node_flow[perm], a.node_flow, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(b.enter[perm], a.enter, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(b.exit[perm], a.exit, rtol=1e-9, atol=1e-15)
    modules = rng.integers(0, 4, net.num_nodes)
    opts = InfomapOptions(flow_model=flow_model, recorded_teleportation=recorded)
    la = compute_codelength(net, dict(zip(net.node_ids.tolist(), modules.tolist())), opts).codelength
    lb = compute_codelength(renamed, dict(zip(perm.tolist(), modules.tolist())), opts).codelength
    assert lb == pytest.approx(la, rel=1e-9, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(networks(), st.integers(1, 1000), st.booleans())
def test_sibling_ranks_order_by_flow_then_table_index(net, seed, two_level):
    """A tree node's rank is 1 + its siblings of larger flow, or of equal flow earlier in the table
    (modules precede leaves there), whatever the depth."""
    tree = run_infomap(net, InfomapOptions(seed=seed, two_level=two_level, num_trials=1)).tree
    for u in range(1, tree.size):
        siblings = np.nonzero(tree.parent == tree.parent[u])[0]
        before = (tree.flow[siblings] > tree.flow[u]) | ((tree.flow[siblings] == tree.flow[u]) & (siblings < u))
        assert tree.rank[u] == 1 + int(before.sum())
    first_leaf = int(np.argmax(tree.leaf >= 0))
    assert np.all(tree.leaf[:first_leaf] < 0) and np.all(tree.leaf[first_leaf:] >= 0)  # modules, then leaves
