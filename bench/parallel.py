"""One trial on 1 and 2 threads (issue 16, part 1: the parallel core loop).

``python -m bench.parallel [--mu 0.1,0.3,0.5] [--seeds 1,2,3] [--phases]`` loads each 100k
LFR graph once (kernels warmed up: the parallel core loops, and one untimed trial per thread
count on the first graph, so that no kernel compiles inside a timed trial), then for every seed
runs ``run_infomap(two_level=True, num_trials=1, num_threads=T)`` for T = 1 and 2,
alternating, and prints per graph the median wall time, the median CPU time of the process
(all threads), the median CPU time of the calling thread on 2 threads, the wall speedup 1 -> 2
threads, the CPU ratio 2 / 1 threads, the *critical-path speedup* (1-thread CPU / calling
thread's CPU on 2 threads: the wall speedup an idle machine would show if the second thread
were never waited for; it is robust to a loaded machine, the wall time is not) and the mean
codelength difference (2 threads - 1 thread) in percent, and *the machine's ceiling*: the
median speedup 1 -> 2 threads of a perfectly parallel kernel (:func:`ceiling`: ``log2`` sums
split in two, no shared data, no serial part), timed alternately after each seed's pair of
trials, so that it samples the machine while the trials run. On this project's 2-core
machines a single timing of it ranges from ~1.2x to ~2.1x, and its median moved between 1.4x
and 1.97x within one morning (the host's load): read a trial's speedup against it. Run it
with ``OMP_WAIT_POLICY=passive`` on a loaded machine: otherwise an OpenMP thread spins
between parallel regions (up to ~3 ms each, :mod:`infomap_core.openmp`) and its CPU time
counts idle waiting. Flow is computed once per run inside
``run_infomap`` and included, as in ``bench.run``. The codelength is the result's, which
:func:`~infomap_core.infomap.best_of` re-scores from the partition.

``--no-speculative`` runs 2+ threads as before the batched loop
(:mod:`infomap_core.speculative`): the first loop and the loops on levels below
``parallel_min_units`` units sequential (an A/B on one branch).

``--phases`` also prints, per thread count, where a trial's time goes (median over the
seeds, wall and CPU seconds): the flow, the first search (its core loops on the network,
on the module networks, and the aggregations), fine-tuning and coarse-tuning (the
sub-module search and the search of the sub-modules), and the codelength evaluations. The
phases are timed by wrapping the optimizer's functions for the run (:class:`PhaseClock`).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import statistics
import time
from collections import defaultdict

import numpy as np

import numba
from numba import njit, prange

from infomap_core import InfomapOptions, Network, infomap, optimizer, run_infomap, warmup

from .graphs import generate_lfr


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


class PhaseClock:
    """Wall and CPU seconds per phase of a trial, from wrappers around the optimizer's steps.

    The search's phase is set by the wrapped :func:`~infomap_core.optimizer.find_modules`
    call (first search, fine-tune, coarse-tune's sub-module search or its search of the
    sub-modules); core loops are booked as ``<phase>: core loop, network`` when they run on
    the level the trial started from and ``... module networks`` otherwise; aggregations
    (``Level.merged``) and codelength evaluations have their own rows.
    """

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.main: dict[str, float] = defaultdict(float)  # CPU of the calling thread alone
        self.phase = "coarse-tune"  # the aggregation between its two searches
        self.network_units = -1

    @contextlib.contextmanager
    def booked(self, name: str):
        wall, cpu, main = time.perf_counter(), _cpu(), time.thread_time()
        try:
            yield
        finally:
            self.wall[name] += time.perf_counter() - wall
            self.cpu[name] += _cpu() - cpu
            self.main[name] += time.thread_time() - main

    @contextlib.contextmanager
    def installed(self):
        clock = self
        originals = {"find_modules": optimizer.find_modules, "level_codelength": optimizer.level_codelength,
                     "run_core_loop": optimizer.Level.run_core_loop, "merged": optimizer.Level.merged,
                     "prepare": infomap.prepare}

        def find_modules(level, initial, rng, settings, parent=None, parent_exit=None, first_loop=False, origin=None):
            before = clock.phase
            if first_loop or (initial is None and parent is None):
                clock.phase, clock.network_units = "first search", level.n
            elif origin is not None:
                clock.phase = "coarse-tune: search of the sub-modules"
            elif initial is None:
                clock.phase = "coarse-tune: sub-module search"
            else:
                clock.phase = "fine-tune"
            try:
                return originals["find_modules"](level, initial, rng, settings, parent, parent_exit, first_loop,
                                                 origin)
            finally:
                clock.phase = before

        def run_core_loop(level, *args, **kwargs):
            where = "network" if level.n == clock.network_units else "module networks"
            with clock.booked(f"{clock.phase}: core loop, {where}"):
                return originals["run_core_loop"](level, *args, **kwargs)

        def merged(level, mod, k):
            with clock.booked(f"{clock.phase}: aggregation"):
                return originals["merged"](level, mod, k)

        def level_codelength(*args, **kwargs):
            with clock.booked("codelength evaluations"):
                return originals["level_codelength"](*args, **kwargs)

        def prepare(*args, **kwargs):
            with clock.booked("flow"):
                return originals["prepare"](*args, **kwargs)

        optimizer.find_modules, optimizer.level_codelength = find_modules, level_codelength
        optimizer.Level.run_core_loop, optimizer.Level.merged = run_core_loop, merged
        infomap.prepare = prepare
        try:
            yield self
        finally:
            optimizer.find_modules, optimizer.level_codelength = originals["find_modules"], originals["level_codelength"]
            optimizer.Level.run_core_loop, optimizer.Level.merged = originals["run_core_loop"], originals["merged"]
            infomap.prepare = originals["prepare"]


def measure(net: Network, seed: int, threads: int, phases: bool = False,
            settings: optimizer.SearchSettings | None = None) -> dict:
    clock = PhaseClock()
    with clock.installed() if phases else contextlib.nullcontext():
        wall, cpu, main = time.perf_counter(), _cpu(), time.thread_time()
        result = run_infomap(net, InfomapOptions(two_level=True, num_trials=1, seed=seed, num_threads=threads),
                             settings=settings)
        wall, cpu, main = time.perf_counter() - wall, _cpu() - cpu, time.thread_time() - main
    return {"wall": wall, "cpu": cpu, "main": main, "L": result.codelength, "modules": result.num_modules,
            "phase_wall": dict(clock.wall), "phase_cpu": dict(clock.cpu), "phase_main": dict(clock.main)}


@njit(parallel=True, cache=True)
def _log_sums(n: int, chunks: int) -> float:
    out = np.zeros(chunks)
    step = (n + chunks - 1) // chunks
    for c in prange(chunks):
        total = 0.0
        for i in range(c * step, min(n, (c + 1) * step)):
            total += np.log2(i + 1.0)
        out[c] = total
    return out.sum()


def ceiling(threads: tuple[int, int], repeats: int = 9, n: int = 20_000_000) -> float:
    """Median speedup from ``threads[0]`` to ``threads[1]`` threads of :func:`_log_sums` (a kernel
    with no serial part and no shared data: the best any parallel code can do here, now)."""
    before = numba.get_num_threads()
    ratios = []
    try:
        _log_sums(10, 2)
        for _ in range(repeats):
            times = []
            for t in threads:
                numba.set_num_threads(t)
                start = time.perf_counter()
                _log_sums(n, t)
                times.append(time.perf_counter() - start)
            ratios.append(times[0] / times[1])
    finally:
        numba.set_num_threads(before)
    return statistics.median(ratios)


def warm_parallel() -> None:
    """Load the parallel core loop (a network above ``parallel_min_units`` on 2 threads)."""
    rng = np.random.default_rng(0)
    n = optimizer.SearchSettings().parallel_min_units
    net = Network.from_arrays(rng.integers(0, n, 2 * n), rng.integers(0, n, 2 * n))
    run_infomap(net, InfomapOptions(two_level=True, num_trials=1, seed=1, num_threads=2))


def print_phases(runs: dict[int, list[dict]]) -> None:
    """Per phase, median over the seeds: wall, process CPU and the calling thread's CPU (s)."""
    names = sorted({name for rs in runs.values() for r in rs for name in r["phase_cpu"]})
    print("\n| phase | 1 thread: wall, CPU | 2 threads: wall, CPU, main-thread CPU |")
    print("|---|---|---|")
    for name in names + ["(whole run)"]:
        cells = []
        for threads in (1, 2):
            if name == "(whole run)":
                values = [statistics.median(r[key] for r in runs[threads]) for key in ("wall", "cpu", "main")]
            else:
                values = [statistics.median(r[key].get(name, 0.0) for r in runs[threads])
                          for key in ("phase_wall", "phase_cpu", "phase_main")]
            cells.append(", ".join(f"{v:.2f}" for v in (values if threads == 2 else values[:2])))
        print(f"| {name} | {cells[0]} | {cells[1]} |")
    print(flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="100k")
    parser.add_argument("--mu", default="0.1,0.3,0.5")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--threads", default="1,2", help="the two thread counts to compare")
    parser.add_argument("--phases", action="store_true", help="also print the per-phase breakdown")
    parser.add_argument("--no-speculative", action="store_true",
                        help="2+ threads without the batched loop (SearchSettings.speculative_moves=False): the first "
                             "loop and the loops on levels below parallel_min_units run sequentially")
    args = parser.parse_args(argv)
    settings = optimizer.SearchSettings(speculative_moves=not args.no_speculative)
    warmup()
    warm_parallel()
    seeds = [int(s) for s in args.seeds.split(",")]
    one, two = (int(t) for t in args.threads.split(","))
    header = ("| graph | links | 1 thread: wall s, CPU s | 2 threads: wall s, CPU s, main-thread CPU s "
              "| wall speedup | CPU 2 / 1 | CPU 1 / main-thread CPU 2 | L 1 thread | L diff % (2 - 1) | modules 1 / 2 "
              "| load avg | ceiling |")
    rows = []
    for mu in args.mu.split(","):
        graph = generate_lfr(args.size, mu)
        edges, _ = graph.load()
        net = Network.from_arrays(edges[:, 0], edges[:, 1])
        if not rows:  # one untimed trial per thread count: every kernel the search takes there is loaded
            for threads in (one, two):
                measure(net, 0, threads, settings=settings)
        runs: dict[int, list[dict]] = {one: [], two: []}
        machine = []
        loads = []
        for seed in seeds:
            for threads in (one, two):
                runs[threads].append(measure(net, seed, threads, args.phases, settings))
                loads.append(os.getloadavg()[0])
            machine.append(ceiling((one, two), repeats=3))
        med = {t: {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu", "main")} for t, rs in runs.items()}
        diff = np.mean([(b["L"] - a["L"]) / a["L"] * 100 for a, b in zip(runs[one], runs[two])])
        if args.phases:
            print(f"{graph.label}, seeds {args.seeds}:")
            print_phases({1: runs[one], 2: runs[two]})
        rows.append(f"| {graph.label} | {edges.shape[0]} | {med[one]['wall']:.2f}, {med[one]['cpu']:.2f} "
                    f"| {med[two]['wall']:.2f}, {med[two]['cpu']:.2f}, {med[two]['main']:.2f} "
                    f"| {med[one]['wall'] / med[two]['wall']:.2f} | {med[two]['cpu'] / med[one]['cpu']:.2f} "
                    f"| {med[one]['cpu'] / med[two]['main']:.2f} "
                    f"| {statistics.mean(r['L'] for r in runs[one]):.6f} | {diff:+.4f} "
                    f"| {runs[one][0]['modules']} / {runs[two][0]['modules']} | {statistics.mean(loads):.1f} "
                    f"| {statistics.median(machine):.2f} |")
        print(rows[-1], flush=True)
    print("\n" + header)
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(row)


if __name__ == "__main__":
    main()
