"""``preferred_number_of_levels``: mapeq's semantics (:mod:`infomap_core.levels`).

A multilevel trial returns, of the tree its search found, that tree with levels collapsed and
deeper trees (its top modules grouped), the one of least ``L + strength |levels - P|``; the
reported codelength is ``L`` (re-scored by the official after every test, ``tests/conftest.py``),
the penalty is reported apart. Why not the official's: ``test_search_options.py``
(``test_the_officials_preferred_number_of_levels_neither_scores_nor_reaches_the_depth``).
"""

from __future__ import annotations

import numpy as np
import pytest

from infomap_core import InfomapOptions, Network, run_infomap
from infomap_core.errors import OptionError
from infomap_core.infomap import TrialResult, best_of, prepare
from infomap_core.levels import collapsed, deepened

from .test_search_options import planted_cliques_links


@pytest.fixture(scope="module")
def networks():
    from bench.quality import quality_networks

    return {"cliques": Network.from_edges(planted_cliques_links()),
            "ninetriangles": quality_networks()["ninetriangles.net"]}


def _leaf_partition(result) -> list[frozenset]:
    """The leaf modules of a result as sets of node ids (labels left out)."""
    groups: dict[int, set] = {}
    for node, module in result.modules_at(-1).items():
        groups.setdefault(module, set()).add(node)
    return sorted(map(frozenset, groups.values()), key=min)


def _canonical(labels: np.ndarray) -> list[int]:
    """Module labels renumbered by first appearance (node order)."""
    first: dict[int, int] = {}
    return [first.setdefault(int(x), len(first)) for x in labels]


#: (network, preferred levels) -> the codelength of the tree returned with a large strength, seed 1
#: (the search itself finds 3 levels on both: 6.391893 and 3.371875 bits).
EXPECTED = {("cliques", 2): 6.582491486, ("cliques", 3): 6.391893125, ("cliques", 4): 6.437699707,
            ("cliques", 5): 6.494753551, ("ninetriangles", 2): 3.517754809, ("ninetriangles", 3): 3.371875026,
            ("ninetriangles", 4): 3.385830820, ("ninetriangles", 5): 3.450541127}


@pytest.mark.parametrize("name", ["cliques", "ninetriangles"])
def test_a_large_strength_gives_the_depth_asked(networks, name):
    net = networks[name]
    plain = run_infomap(net, seed=1)
    assert plain.num_levels == 3 and plain.level_penalty == 0.0 and "level_penalty" not in plain.to_dict()
    for levels in (2, 3, 4, 5):
        result = run_infomap(net, seed=1, preferred_number_of_levels=levels, preferred_number_of_levels_strength=100)
        assert result.num_levels == levels and result.level_penalty == 0.0
        assert result.to_dict()["num_levels"] == levels and result.to_dict()["level_penalty"] == 0.0
        assert result.codelength == pytest.approx(EXPECTED[name, levels], rel=1e-9)
        assert result.codelength == pytest.approx(result.tree.codelength()[0], rel=1e-15)  # plain L, no penalty
        # the leaf modules are the search's: levels collapsed above them, or its top modules grouped
        assert _leaf_partition(result) == _leaf_partition(plain)
        if levels == 3:
            assert result.codelength == plain.codelength and result.tree.paths() == plain.tree.paths()
        else:  # another depth costs bits: the search's own tree is the shortest it builds
            assert result.codelength > plain.codelength + 1e-3
        if levels > 3:  # one pair of top modules grouped per level: deeper in one branch only
            assert result.num_modules == plain.num_modules - (levels - 3)


def test_the_strength_trades_bits_of_codelength_for_levels(networks):
    """Two levels cost the cliques 0.1906 bits of codelength: a strength of 0.1 bit per level keeps
    the search's three levels (and reports 0.1 bit of penalty), 0.2 takes two."""
    net = networks["cliques"]
    plain = run_infomap(net, seed=1)
    weak = run_infomap(net, seed=1, preferred_number_of_levels=2, preferred_number_of_levels_strength=0.1)
    assert weak.num_levels == 3 and weak.codelength == plain.codelength
    assert weak.level_penalty == pytest.approx(0.1) and weak.to_dict()["level_penalty"] == pytest.approx(0.1)
    strong = run_infomap(net, seed=1, preferred_number_of_levels=2, preferred_number_of_levels_strength=0.2)
    assert strong.num_levels == 2 and strong.level_penalty == 0.0
    assert 0.1 < strong.codelength - plain.codelength < 0.2
    default = run_infomap(net, seed=1, preferred_number_of_levels=2)  # the official's default strength, 1 bit
    assert default.options.preferred_number_of_levels_strength == 1.0 and default.num_levels == 2


@pytest.mark.parametrize("levels", [2, 4])
def test_strength_zero_is_the_plain_search(networks, levels):
    net = networks["cliques"]
    plain = run_infomap(net, seed=2, num_trials=2)
    zero = run_infomap(net, seed=2, num_trials=2, preferred_number_of_levels=levels,
                       preferred_number_of_levels_strength=0)
    assert zero.trial_codelengths == plain.trial_codelengths and zero.tree.paths() == plain.tree.paths()
    assert zero.level_penalty == 0.0


def test_trials_are_compared_with_their_level_penalty(networks):
    """The best trial is the one of least codelength + level penalty, not of least codelength."""
    net = networks["ninetriangles"]
    problem = prepare(net, InfomapOptions())
    tree = run_infomap(net, seed=1).tree
    short = TrialResult(trial=0, seed=1, codelength=3.0, tree=tree, elapsed=0.0, level_penalty=2.0)
    longer = TrialResult(trial=1, seed=2, codelength=4.0, tree=tree, elapsed=0.0, level_penalty=0.0)
    options = InfomapOptions(preferred_number_of_levels=3)
    result = best_of(problem, options, [short, longer])
    assert result.best_trial == 1 and result.level_penalty == 0.0
    assert result.trial_codelengths == [3.0, 4.0]  # the plain codelengths


def test_collapsed_and_deepened_trees(networks):
    """The building blocks: a collapse keeps the leaf modules and reaches the depth asked; one
    deepening adds exactly one level over the same leaf modules; none over a single top module."""
    net = networks["cliques"]
    problem = prepare(net, InfomapOptions())
    tree = run_infomap(net, seed=1).tree
    deeper = deepened(problem.flow, tree, np.random.default_rng(1))
    deepest = deepened(problem.flow, deeper, np.random.default_rng(1))
    assert (deeper.num_levels, deepest.num_levels) == (4, 5)
    for t in (deeper, deepest):
        assert t.codelength()[0] > tree.codelength()[0]
    for start in (deepest, deeper):
        for depth in range(start.num_levels - 1, 1, -1):
            cut = collapsed(problem.flow, start, depth)
            assert cut.num_levels == depth
            assert _canonical(cut.modules_at_level(-1)) == _canonical(tree.modules_at_level(-1))
    assert collapsed(problem.flow, deeper, 3).codelength()[0] <= deeper.codelength()[0] + 1e-12
    two = run_infomap(Network.from_edges([(1, 2), (2, 3), (3, 1)]), seed=1).tree  # one module
    assert deepened(prepare(Network.from_edges([(1, 2), (2, 3), (3, 1)])).flow, two,
                    np.random.default_rng(1)) is None
    # two top modules: grouping them would leave one top module, a level that codes nothing
    triangles = Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)])
    pair = run_infomap(triangles, seed=1).tree
    assert pair.num_top_modules == 2
    assert deepened(prepare(triangles).flow, pair, np.random.default_rng(1)) is None
    asked = run_infomap(triangles, seed=1, preferred_number_of_levels=3)
    assert (asked.tree.num_levels, asked.level_penalty) == (2, 1.0)


@pytest.mark.parametrize("options,field", [
    (dict(preferred_number_of_levels=-1), "preferred_number_of_levels"),
    (dict(preferred_number_of_levels=1), "preferred_number_of_levels"),
    (dict(preferred_number_of_levels=2.5), "preferred_number_of_levels"),
    (dict(preferred_number_of_levels="3"), "preferred_number_of_levels"),
    (dict(preferred_number_of_levels=True), "preferred_number_of_levels"),
    (dict(preferred_number_of_levels=33), "preferred_number_of_levels"),
    (dict(preferred_number_of_levels_strength=-0.5), "preferred_number_of_levels_strength"),
    (dict(preferred_number_of_levels_strength=float("nan")), "preferred_number_of_levels_strength"),
    (dict(preferred_number_of_levels_strength=float("inf")), "preferred_number_of_levels_strength"),
    (dict(two_level=True, preferred_number_of_levels=3), "preferred_number_of_levels"),
])
def test_bad_values_are_errors_naming_the_field(options, field):
    with pytest.raises(OptionError) as info:
        InfomapOptions(**options)
    assert info.value.field == field and field in str(info.value)


def test_two_level_takes_two_preferred_levels_as_a_no_op():
    net = Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)])
    plain = run_infomap(net, two_level=True)
    asked = run_infomap(net, two_level=True, preferred_number_of_levels=2, preferred_number_of_levels_strength=5)
    assert asked.codelength == plain.codelength and asked.num_levels == 2 and asked.level_penalty == 0.0


@pytest.mark.parametrize("variant", [
    dict(entropy_corrected=True), dict(preferred_number_of_modules=3), dict(directed=True),
    dict(directed=True, recorded_teleportation=True), dict(markov_time=0.6), dict(fast_hierarchical_solution=1),
    dict(fast_hierarchical_solution=2), dict(meta_data_rate=0.5), dict(num_trials=3)],
    ids=lambda v: ",".join(f"{k}={x}" for k, x in v.items()))
@pytest.mark.parametrize("levels", [2, 4])
def test_with_the_variants_the_returned_tree_scores_its_map_equation(networks, variant, levels):
    """Every variant's codelength of the returned tree (re-scored by the official after the test,
    tests/conftest.py) and the depth asked; the penalty reported is the strength times the
    levels away."""
    net = networks["ninetriangles"]
    meta = {node: node % 3 for node in net.node_ids.tolist()} if "meta_data_rate" in variant else None
    result = run_infomap(net, seed=3, preferred_number_of_levels=levels, preferred_number_of_levels_strength=50,
                         meta_data=meta, **variant)
    assert result.num_levels == levels and result.level_penalty == 0.0
    assert result.codelength == pytest.approx(result.tree.codelength(result.objective)[0], rel=1e-15)
    weak = run_infomap(net, seed=3, preferred_number_of_levels=levels, preferred_number_of_levels_strength=1e-6,
                       meta_data=meta, **variant)
    assert weak.level_penalty == pytest.approx(1e-6 * abs(weak.num_levels - levels), abs=1e-18)


def test_on_a_state_network_and_a_tiny_one():
    from .test_states import second_order

    net = second_order(num_physical=60, steps=3000)
    plain = run_infomap(net, seed=1)
    for levels in (2, plain.num_levels + 1):
        result = run_infomap(net, seed=1, preferred_number_of_levels=levels, preferred_number_of_levels_strength=50)
        assert result.num_levels == levels
    one_module = run_infomap(Network.from_edges([(1, 2), (2, 3), (3, 1)]), preferred_number_of_levels=4)
    assert one_module.num_levels == 2 and one_module.level_penalty == 2.0  # nothing deeper to build
