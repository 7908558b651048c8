"""Search quality against the official Infomap on real and planted networks.

``python -m bench.quality [--seeds 1,2,3,4,5] [--trials 10]`` prints two tables (and
writes them to ``bench/results/quality.md``):

1. Real networks (the official's first-order examples, networkx's classic data sets as
   undirected and as directed networks in networkx's edge order, the jazz musicians): mean
   codelength over the seeds with ``--trials`` trials, ours and the official's, multilevel
   and two-level, with the wall time of all the runs of each tool.
2. Planted three-level hierarchies (:data:`bench.graphs.PLANTED_HIERARCHIES`): best-of-5
   over seeds 1-5 for both tools, and the spread of single trials (25 seeds).

Every mapeq result is re-scored by the official (``--no-infomap`` with our tree): the
``true`` column says the reported codelength equals that score to 1e-9.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "infomap_core" / "data"
TWO_TRIANGLES = [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]


def quality_networks() -> dict:
    """name -> Network; ``-d`` marks the directed reading of the same links."""
    import networkx as nx

    from infomap_core import Network
    from infomap_core.io import read_network

    def from_networkx(graph, directed: bool) -> Network:
        index = {v: i for i, v in enumerate(graph.nodes())}
        edges = [(index[u], index[v], float(d.get("weight", 1.0))) for u, v, d in graph.edges(data=True)]
        return Network.from_edges(edges, directed=directed)

    nets = {}
    for directed in (False, True):
        tag = "-d" if directed else ""
        for name in ("twotriangles.net", "ninetriangles.net", "modular_w.net", "modular_wd.net"):
            nets[name + tag] = read_network(EXAMPLES / name, directed=directed)
        # the official's recorded_teleportation_directed.edges and twotriangles_weighted.edges
        nets["recorded_teleportation_directed.edges" + tag] = Network.from_edges(TWO_TRIANGLES, directed=directed)
        nets["twotriangles_weighted.edges" + tag] = Network.from_edges([e + (0.5,) for e in TWO_TRIANGLES],
                                                                       directed=directed)
        for name, graph in (("karate", nx.karate_club_graph()), ("lesmis", nx.les_miserables_graph()),
                            ("florentine", nx.florentine_families_graph()),
                            ("davis", nx.davis_southern_women_graph())):
            nets[name + tag] = from_networkx(graph, directed)
        nets["jazz" + tag] = read_network(ROOT / "tests" / "data" / "jazz.net", directed=directed)
        nets["lesmis.net" + tag] = read_network(EXAMPLES / "lesmis.net", directed=directed)
    return nets


def _official(flags: str, net):
    import infomap

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent {flags}")
        im.add_nodes(range(1, net.num_nodes + 1))
        src, tgt, w = net.as_arcs().to_coo()
        im.add_links(np.stack([src + 1, tgt + 1, w], axis=1))
        im.run()
    return im


def official_codelength(net, *, two_level: bool, seed: int, num_trials: int) -> float:
    model = "directed" if net.directed else "undirected"
    flags = f"--seed {seed} --num-trials {num_trials} --flow-model {model}" + (" --two-level" if two_level else "")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(_official(flags, net).codelength)


def official_score(result) -> float:
    """The official's codelength of ``result.tree`` (``--no-infomap -c``)."""
    fd, name = tempfile.mkstemp(suffix=".tree")
    try:
        with os.fdopen(fd, "w") as f:
            f.write("# path flow name node_id\n")
            for a, path in enumerate(result.tree.paths()):
                f.write(f"{':'.join(map(str, path))} 0 \"n\" {a + 1}\n")
        flags = f"--no-infomap --flow-model {result.flow.flow_model} --cluster-data {name}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return float(_official(flags, result.network).codelength)
    finally:
        os.unlink(name)


def real_network_rows(seeds: list[int], trials: int) -> list[str]:
    from infomap_core import InfomapOptions, run_infomap

    rows = []
    for name, net in quality_networks().items():
        for two_level in (False, True):
            start = time.perf_counter()
            results = [run_infomap(net, InfomapOptions(two_level=two_level, num_trials=trials, seed=s)) for s in seeds]
            ours_s = time.perf_counter() - start
            start = time.perf_counter()
            theirs = [official_codelength(net, two_level=two_level, seed=s, num_trials=trials) for s in seeds]
            theirs_s = time.perf_counter() - start
            ours = [r.codelength for r in results]
            true = all(abs(r.codelength - official_score(r)) <= 1e-9 * r.codelength for r in results)
            ratio = np.mean(ours) / np.mean(theirs)
            rows.append(f"| {name} | {'two-level' if two_level else 'multilevel'} | {np.mean(ours):.6f} | "
                        f"{np.mean(theirs):.6f} | {ratio:.6f} | {min(ours):.6f} / {min(theirs):.6f} | "
                        f"{ours_s:.2f} / {theirs_s:.2f} | {'yes' if true else 'NO'} |")
            print(rows[-1], flush=True)
    return rows


def planted_rows() -> list[str]:
    from bench.graphs import PLANTED_HIERARCHIES, planted_hierarchy
    from infomap_core import InfomapOptions, Network, run_infomap

    rows = []
    for name in PLANTED_HIERARCHIES:
        edges, _ = planted_hierarchy(name)
        net = Network.from_arrays(edges[:, 0], edges[:, 1])
        for two_level in (False, True):
            best5 = [run_infomap(net, InfomapOptions(two_level=two_level, num_trials=5, seed=s)) for s in range(1, 6)]
            their5 = [official_codelength(net, two_level=two_level, seed=s, num_trials=5) for s in range(1, 6)]
            ours_single = np.concatenate([r.trial_codelengths for r in best5])
            their_single = np.array([official_codelength(net, two_level=two_level, seed=s, num_trials=1)
                                     for s in range(1, 26)])
            true = all(abs(r.codelength - official_score(r)) <= 1e-9 * r.codelength for r in best5)
            rows.append(
                f"| {name} ({net.num_nodes} nodes, {net.num_links} links) | {'two-level' if two_level else 'multilevel'} | "
                f"{np.mean([r.codelength for r in best5]):.6f} / {np.mean(their5):.6f} | "
                f"{min(r.codelength for r in best5):.6f} / {min(their5):.6f} | "
                f"{ours_single.min():.6f}-{ours_single.max():.6f} ({np.unique(ours_single.round(8)).size}) | "
                f"{their_single.min():.6f}-{their_single.max():.6f} ({np.unique(their_single.round(8)).size}) | "
                f"{'yes' if true else 'NO'} |")
            print(rows[-1], flush=True)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--trials", type=int, default=10)
    args = parser.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split(",")]
    from infomap_core import warmup

    warmup()
    head1 = ["| network | mode | mapeq mean L | official mean L | ratio | best ours / official | "
             "seconds ours / official | reported == official's score |", "|---|---|---|---|---|---|---|---|"]
    print("\n".join(head1), flush=True)
    real = real_network_rows(seeds, args.trials)
    head2 = ["| planted hierarchy | mode | best-of-5 mean ours / official | best-of-5 min ours / official | "
             "single trials ours (distinct) | single trials official (distinct) | reported == official's score |",
             "|---|---|---|---|---|---|---|"]
    print("\n" + "\n".join(head2), flush=True)
    planted = planted_rows()
    text = "\n".join(head1 + real) + "\n\n" + "\n".join(head2 + planted) + "\n"
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "quality.md").write_text(text)


if __name__ == "__main__":
    main()
