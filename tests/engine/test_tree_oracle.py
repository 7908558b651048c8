"""The multilevel map equation of any tree against the official Infomap (--no-infomap -c TREE).

Hypothesis draws random networks (weighted, directed or not, self-links, dangling nodes,
isolated nodes) and random *ragged* trees of depth 1-5 (leaves at different depths,
modules with a single child, leaves directly under the root), scores them with
:func:`compute_codelength` and with the official package, and asserts equality to
1e-9 relative, for every flow model.
"""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infomap_core import InfomapOptions, Network, PartitionError, compute_codelength

from .oracle import flow_flags, official_run_on_paths

# flow model, recorded teleportation, to_nodes, markov time
FLOW_CASES = [
    ("undirected", False, False, 1.0),
    ("directed", False, False, 1.0),
    ("directed", True, False, 1.0),
    ("directed", False, True, 1.0),
    ("undirdir", False, False, 1.0),
    ("outdirdir", False, False, 1.0),
    ("rawdir", False, False, 1.0),
    ("undirected", False, False, 2.5),
    ("directed", False, False, 0.4),
]


@st.composite
def networks(draw):
    n = draw(st.integers(2, 24))
    m = draw(st.integers(1, 4 * n))
    src = draw(st.lists(st.integers(0, n - 1), min_size=m, max_size=m))
    tgt = draw(st.lists(st.integers(0, n - 1), min_size=m, max_size=m))
    weights = draw(st.lists(st.sampled_from([0.5, 1.0, 2.0, 3.7, 10.0]), min_size=m, max_size=m))
    extra = draw(st.integers(0, 2))  # isolated nodes (declared, without links)
    nodes = list(range(n + extra))
    node_weights = {i: draw(st.sampled_from([0.5, 1.0, 2.0])) for i in nodes}
    return Network.from_arrays(src, tgt, weights, nodes=nodes, node_weights=node_weights)


@st.composite
def ragged_paths(draw, num_nodes: int):
    """A module path (top first, leaf rank last) per node: a random tree of depth <= 5.

    Every module holds either leaves or sub-modules; branches end at different depths;
    some modules have one child; some nodes sit directly under the root.
    """
    order = draw(st.permutations(range(num_nodes)))
    paths: dict[int, tuple[int, ...]] = {}

    def split(members: list[int], prefix: tuple[int, ...], depth: int) -> None:
        as_leaves = depth >= 5 or len(members) == 1 or draw(st.integers(0, 3)) == 0
        if as_leaves and prefix:
            for rank, a in enumerate(members, start=1):
                paths[a] = prefix + (rank,)
            return
        k = draw(st.integers(1, min(4, len(members))))
        cuts = sorted(draw(st.lists(st.integers(1, len(members) - 1), min_size=k - 1, max_size=k - 1,
                                    unique=True))) if len(members) > 1 and k > 1 else []
        groups = [members[i:j] for i, j in zip([0] + cuts, cuts + [len(members)])]
        for label, group in enumerate(groups, start=1):
            if not prefix and len(group) == 1 and draw(st.booleans()):
                paths[group[0]] = (label,)  # a leaf directly under the root
            else:
                split(group, prefix + (label,), depth + 1)

    split(list(order), (), 1)
    return paths


@settings(max_examples=2200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_ragged_tree_codelength_equals_official(data):
    net = data.draw(networks())
    paths = data.draw(ragged_paths(net.num_nodes))
    flow_model, recorded, to_nodes, markov_time = data.draw(st.sampled_from(FLOW_CASES))
    options = InfomapOptions(flow_model=flow_model, recorded_teleportation=recorded, to_nodes=to_nodes,
                             markov_time=markov_time)
    ids = net.node_ids.tolist()
    ours = compute_codelength(net, {ids[a]: p for a, p in paths.items()}, options)
    im = official_run_on_paths(net, paths, flow_flags(flow_model, recorded, to_nodes, markov_time))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = float(im.codelength)
    assert ours.codelength == pytest.approx(theirs, rel=1e-9, abs=1e-12)
    assert ours.index_codelength + ours.module_codelength == pytest.approx(ours.codelength, rel=1e-12)


FOUR_TRIANGLES = [(1, 2), (2, 3), (3, 1), (4, 5), (5, 6), (6, 4), (7, 8), (8, 9), (9, 7), (10, 11), (11, 12),
                  (12, 10), (1, 4), (4, 7), (7, 1), (9, 10)]


def test_issue_example_ragged_tree():
    """Leaves at depths 4, 3 and 2 (issue 11): the official scores it 3.045566 bits."""
    net = Network.from_edges(FOUR_TRIANGLES)
    tree = {1: "1:1:1:1", 2: "1:1:1:2", 3: "1:1:1:3", 4: "1:1:2:1", 5: "1:1:2:2", 6: "1:1:2:3",
            7: "1:2:1", 8: "1:2:2", 9: "1:2:3", 10: "2:1", 11: "2:2", 12: "2:3"}
    result = compute_codelength(net, tree)
    assert result.codelength == pytest.approx(3.045565997, abs=1e-9)
    assert result.index_codelength == pytest.approx(0.0625, rel=1e-12)
    assert result.tree.num_levels == 4


def test_leaves_under_the_root_become_modules_of_their_own():
    """As the official: every top-level leaf is wrapped in a module (here 12 singletons)."""
    net = Network.from_edges(FOUR_TRIANGLES)
    result = compute_codelength(net, {i: (i,) for i in range(1, 13)})  # paths of one component
    assert result.codelength == pytest.approx(5.515319531, abs=1e-9)
    assert result.tree.num_top_modules == 12


def test_module_with_leaves_and_submodules_is_refused_naming_a_node():
    net = Network.from_edges(FOUR_TRIANGLES)
    tree = {i: f"1:1:{i}" for i in (1, 2, 3)} | {4: "1:2", 5: "1:3"} | {i: f"2:{i}" for i in range(6, 13)}
    with pytest.raises(PartitionError, match="node 4 sits next to sub-modules"):
        compute_codelength(net, tree)


@pytest.mark.parametrize("label", ["99999999999999999999999", "9223372036854775807", "4611686018427387903"])
def test_huge_path_components_are_labels(label):
    """Path components are compared, never combined (issue 12: int64 overflow gave a wrong codelength)."""
    net = Network.from_edges(FOUR_TRIANGLES)
    small = {i: f"{1 + (i - 1) // 3}:{1 + (i - 1) % 3}" for i in range(1, 13)}
    huge = dict(small)
    huge.update({i: f"{label}:{1 + (i - 1) % 3}" for i in (10, 11, 12)})  # module 4 renamed
    sub = {i: f"1:{label if i < 4 else 2}:{i}" for i in range(1, 7)} | {i: f"2:{i}" for i in range(7, 13)}
    sub_small = {i: f"1:{1 if i < 4 else 2}:{i}" for i in range(1, 7)} | {i: f"2:{i}" for i in range(7, 13)}
    assert compute_codelength(net, huge).codelength == pytest.approx(compute_codelength(net, small).codelength,
                                                                     rel=1e-15)
    assert compute_codelength(net, sub).codelength == pytest.approx(compute_codelength(net, sub_small).codelength,
                                                                    rel=1e-15)


@pytest.mark.parametrize("bad", ["0:1", "-1:2", "1:x", ":", "1::2"])
def test_bad_paths_are_refused_naming_the_node(bad):
    net = Network.from_edges(FOUR_TRIANGLES)
    tree = {i: f"1:{i}" for i in range(1, 13)}
    tree[5] = bad
    with pytest.raises(PartitionError, match="node 5"):
        compute_codelength(net, tree)


@pytest.mark.parametrize("odd", [1, "1", "a"])
def test_paths_mixed_with_module_ids_are_refused(odd):
    """{1: 1, 2: "1:2", ...} was read as module labels 1, "1:2", ...: every node alone (4.5567 bits
    for the two-triangle tree's 2.3207), status 200 over REST."""
    net = Network.from_edges(FOUR_TRIANGLES)
    tree = {i: f"{1 + (i - 1) // 3}:{i}" for i in range(1, 13)}
    tree[1] = odd
    with pytest.raises(PartitionError, match="mixes tree paths") as info:
        compute_codelength(net, tree)
    assert info.value.field == "partition"
    assert compute_codelength(net, {i: 1 + (i - 1) // 3 for i in range(1, 13)}).codelength == pytest.approx(
        compute_codelength(net, {i: f"{1 + (i - 1) // 3}:{i}" for i in range(1, 13)}).codelength, rel=1e-15)


def test_scoring_needs_every_node():
    net = Network.from_edges(FOUR_TRIANGLES)
    with pytest.raises(PartitionError, match=r"leaves out 1 of 12 nodes \(12\)"):
        compute_codelength(net, {i: 1 + (i - 1) // 3 for i in range(1, 12)})
    with pytest.raises(PartitionError, match=r"leaves out 2 of 12 nodes \(11, 12\)"):
        compute_codelength(net, {i: f"1:{i}" for i in range(1, 11)})
