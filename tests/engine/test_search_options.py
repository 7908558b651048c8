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
    if (name, two_level) == ("ninetriangles.net", True):
        # ours shorter: the module-pair merge restarts (optimizer.pair_merge_restarts) merge the
        # triangles into three modules, which no official trial finds
        assert ours.codelength < theirs["codelength"] - 0.01
    else:
        assert ours.codelength == pytest.approx(theirs["codelength"], rel=1e-9)


def test_converge_caps_at_num_trials():
    net = Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)])
    assert len(run_infomap(net, converge=True, num_trials=3).trial_codelengths) == 3
    assert len(run_infomap(net, converge=True, num_trials=50).trial_codelengths) == 6


def test_unsupported_official_keywords_are_refused_by_name():
    from infomap_core.errors import OptionError

    with pytest.raises(OptionError) as info:
        run_infomap(Network.from_edges([(1, 2), (2, 3), (3, 1)]), flow_tolerance=1e-10)
    assert info.value.field == "flow_tolerance" and "is not supported by mapeq" in str(info.value)


def planted_cliques_links() -> list[tuple[int, int]]:
    """A planted four-level hierarchy (6 x 4 x 4 cliques of 4 nodes; link probability 1, 0.35,
    0.05 and 0.004 by the closest common level), links 1-based, drawn with seed 1."""
    import numpy as np

    n = 6 * 4 * 4 * 4
    src, tgt = np.triu_indices(n, 1)
    p = np.full(src.shape[0], 0.004)
    for block, prob in ((64, 0.05), (16, 0.35), (4, 1.0)):
        p = np.where(src // block == tgt // block, prob, p)
    keep = np.random.default_rng(1).random(src.shape[0]) < p
    return [(a + 1, b + 1) for a, b in zip(src[keep].tolist(), tgt[keep].tolist())]


def _official_file(links_file, flags: str) -> tuple[float, int]:
    """(codelength, number of levels) of the official command line on ``links_file`` (seed 1)."""
    import json
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as out:
        infomap_cli = Path(sys.executable).with_name("infomap")
        subprocess.run([str(infomap_cli), str(links_file), out, "-s", "1", "-o", "json", "--silent", *flags.split()],
                       check=True)
        found = json.loads(next(Path(out).glob("*.json")).read_text())
    return found["codelength"], found["numLevels"]


def test_the_officials_preferred_number_of_levels_neither_scores_nor_reaches_the_depth(tmp_path):
    """Why mapeq's --preferred-number-of-levels has its own semantics (infomap_core.levels,
    docs/command-line.md): the official's leaves the codelength of a given tree unchanged, and
    does not steer to the depth asked, so there is neither an objective nor a depth to match (a
    change in the official fails this test: revisit the docs and whether to follow it)."""
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
    from shared_data import examples_dir

    nine = examples_dir() / "ninetriangles.net"
    free, asked = _official_file(nine, ""), _official_file(nine, "--preferred-number-of-levels 3")
    assert free[1] == asked[1] == 3 and asked[0] > free[0] * (1 + 1e-3)  # the depth it found, a longer code
    cliques = tmp_path / "cliques.txt"
    cliques.write_text("".join(f"{a} {b}\n" for a, b in planted_cliques_links()))
    assert _official_file(cliques, "")[1] == 3
    assert _official_file(cliques, "--preferred-number-of-levels 3")[1] == 4  # asked for 3 levels: 4
    for levels in (2, 3):
        base = f"--preferred-number-of-levels {levels}"
        assert _official_file(nine, base) == _official_file(nine, base + " --preferred-number-of-levels-strength 5")


def test_the_official_reads_every_node_under_node_limit(tmp_path):
    """The official 2.16 documents --node-limit ("read only nodes up to this node id and ignore
    links connected to higher node ids") but reads every node of link-list and Pajek files;
    mapeq does what the documentation says (a change in the official fails this test: compare
    our --node-limit with its own then)."""
    links = [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4), (7, 1), (10, 2)]
    text = tmp_path / "links.txt"
    text.write_text("".join(f"{a} {b}\n" for a, b in links))
    pajek = tmp_path / "links.net"
    pajek.write_text("*Vertices 10\n*Edges\n" + "".join(f"{a} {b}\n" for a, b in links))
    for path in (text, pajek):
        assert _official_file(path, "--node-limit 3") == _official_file(path, "")
    ours = run_infomap(Network.from_edges(links), node_limit=3)
    assert ours.network.node_ids.tolist() == [1, 2, 3] and ours.network.num_links == 3


def test_node_limit_keeps_the_nodes_up_to_the_id_not_the_first_read():
    """Nodes count by id, not by the order links name them; links to a higher id are left out,
    and a node left without links too (as the official never creates it); a node of no link
    (a Pajek vertex) up to the limit stays."""
    from infomap_core.errors import NetworkError

    net = Network.from_edges([(9, 8), (8, 7), (5, 6), (6, 7), (7, 5), (1, 2), (2, 3), (3, 1), (3, 5), (4, 9)])
    limited = net.up_to_node(6)
    assert limited.node_ids.tolist() == [1, 2, 3, 5, 6]  # 4 linked only to 9
    src, tgt, _ = limited.to_coo()
    kept = {tuple(sorted(pair)) for pair in zip(limited.node_ids[src].tolist(), limited.node_ids[tgt].tolist())}
    assert kept == {(1, 2), (2, 3), (1, 3), (3, 5), (5, 6)}
    assert net.up_to_node(100) is net
    with_vertex = Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4)], nodes=[1, 2, 3, 4, 5])
    assert with_vertex.up_to_node(5).node_ids.tolist() == [1, 2, 3, 4, 5]
    with pytest.raises(NetworkError) as info:
        Network.from_edges([("a", "b"), ("b", "c")]).up_to_node(2)
    assert info.value.field == "node_limit" and "integer node ids" in str(info.value)
    from infomap_core.errors import OptionError

    with pytest.raises(OptionError) as info:
        InfomapOptions(node_limit=-1)
    assert info.value.field == "node_limit"


def test_node_limit_scores_and_searches_the_limited_network():
    """``run_infomap(node_limit=N)`` and ``compute_codelength`` with ``node_limit`` are the same
    calls on the network of the nodes of id at most N (a partition may name the nodes left out)."""
    from infomap_core import compute_codelength

    edges = [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4), (6, 7), (7, 8), (8, 9), (9, 7), (9, 1)]
    net = Network.from_edges(edges)
    small = Network.from_edges([e for e in edges if max(e) <= 6])
    ours = run_infomap(net, node_limit=6, seed=3, num_trials=2)
    assert ours.codelength == pytest.approx(run_infomap(small, seed=3, num_trials=2).codelength, rel=1e-12)
    assert ours.num_modules == 2 and len(ours.modules) == 6
    partition = {a: 1 + (a - 1) // 3 for a in range(1, 10)}
    scored = compute_codelength(net, partition, InfomapOptions(node_limit=6))
    expected = compute_codelength(small, {a: m for a, m in partition.items() if a <= 6})
    assert scored.codelength == pytest.approx(expected.codelength, rel=1e-12)
    assert compute_codelength(net, partition).codelength != pytest.approx(scored.codelength)


@pytest.mark.parametrize("fast", [2, 3], ids=["-FF", "-FFF"])
def test_fast_levels_sit_over_the_two_level_modules_as_in_the_official(fast, tmp_path):
    """-FF and -FFF: the leaf modules are the two-level partition of the same seed and every leaf
    is at the same depth (the super-module levels over all of it), in the official and ours (our
    two-level partition before the module-pair merge restarts)."""
    from shared_data import examples_dir

    from infomap_core.cli_io import read_network_arg

    cliques = tmp_path / "cliques.txt"
    cliques.write_text("".join(f"{a} {b}\n" for a, b in planted_cliques_links()))
    for path in (cliques, examples_dir() / "ninetriangles.net"):
        net = read_network_arg(str(path))
        for seed in (1, 2):
            tree = run_infomap(net, seed=seed, fast_hierarchical_solution=fast).tree
            # (our two-level search without its module-pair merge restarts, which -FF/-FFF do not run)
            flat = run_infomap(net, seed=seed, two_level=True,
                               settings=SearchSettings(pair_merge_max_units=0)).tree.modules_at_level(-1)
            leaf = tree.modules_at_level(-1)
            assert len(set(zip(leaf.tolist(), flat.tolist()))) == len(set(leaf.tolist())) == len(set(flat.tolist()))
            assert len({len(p) for p in tree.paths()}) == 1
            theirs = _official_tree(path, f"-s {seed} -{'F' * fast}")
            two = _official_tree(path, f"-s {seed} -2")
            assert _same_partition({a: p[:-1] for a, p in theirs.items()}, {a: p[:-1] for a, p in two.items()})
            assert len({len(p) for p in theirs.values()}) == 1


def _official_tree(path, flags: str) -> dict:
    """{node id: path} of the official's .tree on ``path``."""
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as out:
        infomap_cli = Path(sys.executable).with_name("infomap")
        subprocess.run([str(infomap_cli), str(path), out, "-o", "tree", "--silent", *flags.split()], check=True)
        rows = [line.split() for line in next(Path(out).glob("*.tree")).read_text().splitlines()
                if line and not line.startswith("#")]
    return {int(r[-1]): tuple(int(x) for x in r[0].split(":")) for r in rows}


def _same_partition(a: dict, b: dict) -> bool:
    pairs = {(a[k], b[k]) for k in a}
    return a.keys() == b.keys() and len(pairs) == len(set(a.values())) == len(set(b.values()))


@pytest.mark.parametrize("fast", [1, 2, 3], ids=["-F", "-FF", "-FFF"])
@pytest.mark.parametrize("name", ["karate", "lesmis", "karate-d", "lesmis-d", "jazz"])
def test_fast_hierarchical_solution_no_worse_than_the_official_on_classic_graphs(name, fast):
    """networkx's karate and Les Miserables (undirected, and their links read as arcs) and the
    jazz musicians: the mean codelength of one trial for each of the seeds 1-5 is no worse than
    the official's (ratio <= 1 + 1e-4); the reported codelengths are re-scored by the official
    (tests/conftest.py)."""
    from bench.quality import quality_networks

    net = quality_networks()[name]
    flow = " --flow-model directed" if net.directed else ""
    ours = [run_infomap(net, InfomapOptions(seed=s, fast_hierarchical_solution=fast)).codelength for s in range(1, 6)]
    theirs = [_official(net, f"-s {s} -N 1 -{'F' * fast}{flow}")[0] for s in range(1, 6)]
    assert sum(ours) <= sum(theirs) * (1 + 1e-4)
