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
