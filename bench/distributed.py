"""One graph across 1, 2, 4 Dask worker processes (issue 16, part 2).

``python -m bench.distributed [--graph lfr|planted] [--size 100k] [--mu 0.3] [--links 20000000]
[--workers 1,2,4] [--memory-limit 1GB] [--directed] [--multilevel] [--no-in-process] [--stages] [--fine-tune-ab]
[--finish-units N]``
starts a ``LocalCluster`` of W worker processes (one thread each, ``memory_limit`` each) for
every W, runs :func:`infomap_core.distributed.run_distributed` on the cached link list
(``measure_bytes=True``), and prints per W: wall time, the peak resident memory of the
largest worker (``VmHWM``), the bytes exchanged between shards, levels and rounds, the
codelength against the in-process engine (``run_infomap``, two-level, one trial, same seed;
skipped with ``--no-in-process``) and the NMI against the planted partition. ``--stages``
also prints the largest worker's peak memory during each stage (read and split, CSR, flow,
the levels, finish), from ``VmHWM`` reset between stages (``/proc/self/clear_refs``). The
per-link cost lines feed ``docs/scale.md``. Every row has the CPU seconds of the run (user +
system of every worker process, read through ``client.run`` before and after, plus the
driver's). ``--fine-tune-ab`` runs every W twice on the same cluster, without the fine-tune
(``fine_tune_rounds=0``) and with it, alternating, and prints both rows (``fine_tune`` column:
cycles, rounds, moves and the codelength before and after it).
"""

from __future__ import annotations

import argparse
import os

import numpy as np
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _ready() -> float:
    """Import the module and load its kernels on a worker; its resident MB afterwards."""
    import numpy as np

    from infomap_core.csr import links_to_csr
    from infomap_core.distributed import raw_shard  # noqa: F401
    from infomap_core.parallel import _propose  # noqa: F401

    links_to_csr(np.zeros(1, np.int64), np.ones(1, np.int64), np.zeros(0), 2)
    return _status_mb("VmRSS")


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process so far (run on every worker)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return _status_mb("VmHWM")


def _peak_and_reset() -> tuple[float, float]:
    """(peak MB since the last reset, resident MB now); resets the peak."""
    peak, now = _status_mb("VmHWM"), _status_mb("VmRSS")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    return peak, now


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", choices=("lfr", "planted"), default="lfr")
    parser.add_argument("--size", default="100k")
    parser.add_argument("--mu", default="0.3")
    parser.add_argument("--links", type=int, default=None, help="planted: links (10 per node)")
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--memory-limit", default="1GB")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--directed", action="store_true", help="read the links as directed (PageRank flow)")
    parser.add_argument("--multilevel", action="store_true",
                        help="multilevel (default two-level) here and in the in-process engine; NMI of the top modules")
    parser.add_argument("--no-in-process", action="store_true", help="skip the in-process engine")
    parser.add_argument("--stages", action="store_true", help="the peak memory of every stage")
    parser.add_argument("--fine-tune-ab", action="store_true", help="each W without and with the fine-tune")
    parser.add_argument("--finish-units", type=int, default=None,
                        help="contract on the workers down to this many units (default: DistributedSettings'; "
                             "small graphs: below their size)")
    args = parser.parse_args(argv)
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    from distributed import Client, LocalCluster, wait

    from infomap_core import InfomapOptions, Network, run_infomap
    from infomap_core.distributed import DistributedSettings, run_distributed

    from .graphs import generate_lfr, generate_planted
    from .runner import nmi

    graph = generate_planted(links=args.links) if args.graph == "planted" else generate_lfr(args.size, args.mu)
    edges, truth = graph.load()
    links = edges.shape[0]
    options = InfomapOptions(two_level=not args.multilevel, seed=args.seed, num_threads=1, directed=args.directed)
    ours = None
    if not args.no_in_process:
        start, cpu0 = time.perf_counter(), time.process_time()
        ours = run_infomap(Network.from_arrays(edges[:, 0], edges[:, 1], directed=args.directed), options)
        in_process, in_cpu = time.perf_counter() - start, time.process_time() - cpu0
        print(f"{graph.label}, {links} links; in-process engine (1 thread, after import): {in_cpu:.1f} s CPU "
              f"({in_process:.1f} s wall), L {ours.codelength:.6f}, {ours.num_modules} modules, "
              f"{ours.tree.num_levels} levels, {ours.tree.num_top_modules} top modules, "
              f"load {os.getloadavg()[0]:.1f}\n")
    del edges
    print("| workers | fine-tune | CPU s (workers + driver) | wall s | worker MB before, peak (max) | "
          "growth B/link per worker | bytes exchanged | exchanged B/link | levels: units -> modules (rounds) | L | "
          "L diff % vs in-process | modules | NMI | load avg |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for workers in [int(w) for w in args.workers.split(",")]:
        stages: list[tuple[str, float, float]] = []
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, memory_limit=args.memory_limit,
                          dashboard_address=None, host="127.0.0.1") as cluster, Client(cluster) as client:
            ready = max(client.run(_ready).values())
            variants = [0, DistributedSettings.fine_tune_rounds] if args.fine_tune_ab else \
                [DistributedSettings.fine_tune_rounds]
            for rounds in variants:
                stages: list[tuple[str, float, float]] = []

                def probe(stage, futures):
                    wait(futures)
                    got = client.run(_peak_and_reset).values()
                    stages.append((stage, max(p for p, _ in got), max(r for _, r in got)))

                if args.stages:
                    client.run(_peak_and_reset)
                limit = {} if args.finish_units is None else {"finish_units": args.finish_units}
                cpu0 = sum(client.run(_cpu_seconds).values()) + _cpu_seconds()
                start = time.perf_counter()
                result = run_distributed(graph.links_path, client, options=options, measure_bytes=True,
                                         settings=DistributedSettings(fine_tune_rounds=rounds, **limit),
                                         probe=probe if args.stages else None)
                wall = time.perf_counter() - start
                cpu = sum(client.run(_cpu_seconds).values()) + _cpu_seconds() - cpu0
                peak = max(max(p for p, _ in client.run(_peak_and_reset).values()),
                           max((p for _, p, _ in stages), default=0.0))
                _row(args, workers, rounds, result, ours, links, truth, nmi, ready, peak, wall, cpu, stages)


def _row(args, workers, rounds, result, ours, links, truth, nmi, ready, peak, wall, cpu, stages) -> None:
    exchanged = sum(level.get("bytes_exchanged", 0) for level in result.levels)
    exchanged += result.flow.get("bytes_exchanged", 0)
    trail = ", ".join(f"{lv['units']} -> {lv['modules']} ({lv['rounds']})" for lv in result.levels)
    growth = (peak - ready) * 2**20 / (links / workers)
    diff = f"{(result.codelength - ours.codelength) / ours.codelength * 100:+.3f}" if ours else "-"
    tune = "; ".join(f"{c['rounds']} rounds, {c['moves']} moves, {c['codelength_before']:.6f} -> "
                     f"{min(c['codelength_tuned'], c.get('codelength_refinished', np.inf)):.6f}"
                     for c in result.fine_tune) if rounds else "off"
    print(f"| {workers} | {tune or 'nothing to tune'} | {cpu:.1f} | {wall:.1f} | {ready:.0f}, {peak:.0f} | {growth:.0f} "
          f"| {exchanged / 2**20:.1f} MB | {exchanged / links:.0f} | {trail} | {result.codelength:.6f} | {diff} "
          f"| {result.num_modules} | {nmi(truth[result.node_ids], result.top_modules):.3f} "
          f"| {os.getloadavg()[0]:.1f} |",
          flush=True)
    if result.module_paths is not None:
        print(f"  multilevel: {1 + max(len(p) for p in result.module_paths)} levels, "
              f"{int(result.top_modules.max())} top modules")
    if result.module_network is not None:
        print(f"  module links: {result.module_network['link_flow'].shape[0]} links between "
              f"{result.module_network['flow'].shape[0]} modules, {result.module_network['seconds']} s")
    if result.flow:
        print(f"  flow: {result.flow}")
    for stage, stage_peak, after in stages:
        print(f"  stage {stage}: peak {stage_peak:.0f} MB ({(stage_peak - ready) * 2**20 / (links / workers):.0f}"
              f" B/link over the ready worker), {after:.0f} MB after", flush=True)


if __name__ == "__main__":
    main()
