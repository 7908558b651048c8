"""Search controls of the official Infomap: ``--prefer-modular-solution`` and ``--converge``.

Both change which answer a search returns, not the map equation, so they are checked on the
behaviour the official shows on the same networks (its codelengths are re-scored for ours by
``tests/conftest.py``).
"""

from __future__ import annotations

import warnings

import infomap
import networkx as nx
import pytest

from infomap_core import InfomapOptions, Network, run_infomap
from infomap_core.optimizer import SearchSettings


def _weak_search_network() -> Network:
    """A dense random graph on which one core loop without aggregation (``-M 1 -L 1``) ends in
    modules longer than one module, in our search and in the official's (seed 1, 3 trials)."""
    graph = nx.gnp_random_graph(25, 0.3, seed=21)
    return Network.from_edges(list(graph.edges()))


def _official(network: Network, flags: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent {flags}")
        src, tgt, _ = network.to_coo()
        for a, b in zip((src + 1).tolist(), (tgt + 1).tolist()):
            im.add_link(a, b)
        im.run()
        return float(im.codelength), float(im.one_level_codelength), int(im.num_top_modules)


@pytest.mark.parametrize("two_level", [True, False], ids=["two-level", "multilevel"])
def test_prefer_modular_solution_keeps_modules_longer_than_one_module_as_the_official(two_level):
    net = _weak_search_network()
    level = "-2 " if two_level else ""
    for prefer in (False, True):
        settings = SearchSettings(core_level_limit=1, core_loop_limit=1, prefer_modular_solution=prefer)
        ours = run_infomap(net, InfomapOptions(two_level=two_level, seed=1, num_trials=3), settings=settings)
        theirs = _official(net, f"{level}-L 1 -M 1 -s 1 -N 3" + (" --prefer-modular-solution" if prefer else ""))
        if prefer:  # modules, though one module is shorter: in both
            assert ours.num_modules > 1 and theirs[2] > 1
            assert ours.codelength > ours.one_level_codelength and theirs[0] > theirs[1]
        else:  # one module: in both, at the same codelength
            assert ours.num_modules == 1 == theirs[2]
            assert ours.codelength == pytest.approx(theirs[0], rel=1e-12)


@pytest.mark.parametrize("two_level", [False, True], ids=["multilevel", "two-level"])
@pytest.mark.parametrize("name", ["modular_w.net", "ninetriangles.net", "karate", "twotriangles.net"])
def test_converge_stops_after_as_many_trials_as_the_official(name, two_level):
    """On networks where every trial lands on the same codelength (ours and the official's), both
    stop after 6 trials: the first sets the best, five more do not shorten it."""
    import json
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from bench.quality import quality_networks

    net = quality_networks()[name]
    ours = run_infomap(net, InfomapOptions(two_level=two_level, converge=True, num_trials=50, seed=3))
    with tempfile.TemporaryDirectory() as out:
        src, tgt, w = net.to_coo()
        links = Path(out) / "links.txt"
        links.write_text("".join(f"{a + 1} {b + 1} {x!r}\n" for a, b, x in zip(src.tolist(), tgt.tolist(),
                                                                               w.tolist())))
        infomap_cli = Path(sys.executable).with_name("infomap")
        subprocess.run([str(infomap_cli), str(links), out, "--converge", "-s", "3", "-o", "json", "--silent",
                        *(["-2"] if two_level else [])], check=True)
        theirs = json.loads((Path(out) / "links.json").read_text())
    assert len(set(ours.trial_codelengths)) == 1
    assert len(ours.trial_codelengths) == theirs["trials"] == 6
    assert theirs["numTrials"] == 50  # the default cap
    assert ours.codelength == pytest.approx(theirs["codelength"], rel=1e-9)


def test_converge_caps_at_num_trials():
    net = Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)])
    assert len(run_infomap(net, converge=True, num_trials=3).trial_codelengths) == 3
    assert len(run_infomap(net, converge=True, num_trials=50).trial_codelengths) == 6


@pytest.mark.parametrize("keyword", ["preferred_number_of_levels", "node_limit", "fast_hierarchical_solution"])
def test_unsupported_official_keywords_are_refused_by_name(keyword):
    from infomap_core.errors import OptionError

    with pytest.raises(OptionError) as info:
        run_infomap(Network.from_edges([(1, 2), (2, 3), (3, 1)]), **{keyword: 2})
    assert info.value.field == keyword and "is not supported by mapeq: " in str(info.value)


def test_the_refusal_reasons_still_hold_for_the_official():
    """What the refusals of --node-limit and --preferred-number-of-levels say about the official:
    it reads every node under --node-limit, and --preferred-number-of-levels leaves the codelength
    of a given tree unchanged (a change in the official fails this test: revisit the refusal)."""
    links = [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4), (7, 1), (10, 2)]

    def official(flags: str, partition=None):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            im = infomap.Infomap(f"--silent --two-level {flags}")
            for a, b in links:
                im.add_link(a, b)
            im.run(initial_partition=partition)
            return int(im.num_nodes), float(im.codelength)

    assert official("--node-limit 3") == official("") and official("")[0] == 8
    from bench.quality import quality_networks

    from .oracle import official_run_on_paths

    net = quality_networks()["ninetriangles.net"]
    for tree in ({a: (a // 9 + 1, a % 9 // 3 + 1, a % 3 + 1) for a in range(27)},  # three levels
                 {a: (a // 9 + 1, a % 9 // 3 + 1, 1, a % 3 + 1) for a in range(27)}):  # four
        lengths = set()
        for flags in ("", "--preferred-number-of-levels 2", "--preferred-number-of-levels 3 "
                      "--preferred-number-of-levels-strength 2.5", "--preferred-number-of-levels 5"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                lengths.add(float(official_run_on_paths(net, tree, flags).codelength))
        assert len(lengths) == 1
