"""The map-equation variants on a large graph: mapeq against the official Infomap.

``python -m bench.variants [--graph lfr_n100000_mu0.3] [--seed 1] [--only NAME,...]``

For each variant (plain, regularized, entropy-corrected, Markov time 2, variable Markov time,
meta-data with the planted communities taken modulo 10 as categories at rate 1) both tools run the two-level
search with one trial on the same cached graph (``bench.graphs``), each in its own fresh
process, one after the other. *Time* is the search alone (flow included), wall and CPU time
(user + system of the process: run with ``NUMBA_NUM_THREADS=1`` on a shared machine); our codelength
is re-scored by the official from our own partition (``--no-infomap``, same variant), so
the *true* column says the reported figure is the variant's codelength of the answer.
Writes the table to stdout and ``bench/results/variants.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np

from .graphs import CACHE

RESULTS = Path(__file__).resolve().parent / "results"

#: name -> (our InfomapOptions keywords, the official's flags, meta-data categories?)
VARIANTS = {
    "plain": ({}, "", False),
    "regularized": ({"regularized": True}, "--regularized", False),
    "entropy-corrected": ({"entropy_corrected": True}, "--entropy-corrected", False),
    "markov-time 2": ({"markov_time": 2.0}, "--markov-time 2", False),
    "variable markov-time": ({"variable_markov_time": True}, "--variable-markov-time", False),
    "meta-data rate 1": ({"meta_data_rate": 1.0}, "--meta-data-rate 1", True),
}


def _load(graph: str) -> tuple[np.ndarray, np.ndarray]:
    return np.load(CACHE / f"{graph}.edges.npy"), np.load(CACHE / f"{graph}.truth.npy")


def _categories(truth: np.ndarray) -> np.ndarray:
    return np.asarray(truth, dtype=np.int64) % 10


def _official(edges, n, flags, meta, seed, partition=None):
    import infomap

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent --two-level --num-trials 1 --seed {seed} {flags}"
                             + (" --no-infomap" if partition is not None else ""))
        im.add_nodes(range(n))
        im.add_links(edges)
        if meta is not None:
            im.set_meta_data({i: int(c) for i, c in enumerate(meta)})
        if partition is not None:
            im.initial_partition = {i: int(m) for i, m in enumerate(partition)}
        start, cpu = time.perf_counter(), time.process_time()
        im.run()
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return elapsed, cpu, im.codelength, im.num_top_modules


def run_one(tool: str, graph: str, variant: str, seed: int) -> dict:
    """One measurement in this process (called by the child processes)."""
    edges, truth = _load(graph)
    n = truth.shape[0]
    keywords, flags, with_meta = VARIANTS[variant]
    meta = _categories(truth) if with_meta else None
    if tool == "official":
        elapsed, cpu, codelength, modules = _official(edges, n, flags, meta, seed)
        return {"time": elapsed, "cpu": cpu, "codelength": codelength, "modules": modules}
    from infomap_core import InfomapOptions, Network, run_infomap, warmup

    warmup()
    net = Network.from_arrays(edges[:, 0], edges[:, 1], nodes=np.arange(n))
    meta_data = {i: int(c) for i, c in enumerate(meta)} if meta is not None else None
    start, cpu = time.perf_counter(), time.process_time()
    result = run_infomap(net, InfomapOptions(two_level=True, num_trials=1, seed=seed, **keywords), meta_data=meta_data)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    modules = result.module_ids(1)
    _, _, rescored, _ = _official(edges, n, flags, meta, seed, partition=modules)
    return {"time": elapsed, "cpu": cpu, "codelength": result.codelength, "modules": result.num_modules,
            "rescored": rescored}


def _spawn(tool: str, graph: str, variant: str, seed: int, timeout: float) -> dict:
    cmd = [sys.executable, "-m", "bench.variants", "--child", tool, "--graph", graph, "--only", variant,
           "--seed", str(seed)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=Path(__file__).resolve().parents[1])
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1][:200]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", default="lfr_n100000_mu0.3", help="a cached graph of bench.graphs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", help=f"comma list from: {', '.join(VARIANTS)}")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--child", choices=("mapeq", "official"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(VARIANTS)
    unknown = [v for v in names if v not in VARIANTS]
    if unknown:
        parser.error(f"unknown variant {unknown[0]!r}")
    if args.child:
        print(json.dumps(run_one(args.child, args.graph, names[0], args.seed)))
        return
    rows = ["| variant | mapeq s | official s | time ratio | mapeq / official CPU s | CPU ratio | mapeq L | official L "
            "| L diff % | modules ours / official | reported == official's score |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    for variant in names:
        ours = _spawn("mapeq", args.graph, variant, args.seed, args.timeout)
        theirs = _spawn("official", args.graph, variant, args.seed, args.timeout)
        if "error" in ours or "error" in theirs:
            rows.append(f"| {variant} | {ours.get('error', '')} | {theirs.get('error', '')} | | | | | | | | |")
        else:
            true = abs(ours["rescored"] - ours["codelength"]) <= 1e-9 * ours["codelength"]
            rows.append(f"| {variant} | {ours['time']:.2f} | {theirs['time']:.2f} "
                        f"| {ours['time'] / theirs['time']:.2f} | {ours['cpu']:.2f} / {theirs['cpu']:.2f} "
                        f"| {ours['cpu'] / theirs['cpu']:.2f} "
                        f"| {ours['codelength']:.6f} | {theirs['codelength']:.6f} "
                        f"| {100 * (ours['codelength'] - theirs['codelength']) / theirs['codelength']:+.4f} "
                        f"| {ours['modules']} / {theirs['modules']} | {'yes' if true else 'NO'} |")
        print(rows[-1], flush=True)
    table = (f"`{args.graph}`, seed {args.seed}, two-level, one trial; "
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {os.getloadavg()[0]:.1f} at the end, "
             f"NUMBA_NUM_THREADS={os.environ.get('NUMBA_NUM_THREADS', 'all')}\n\n" + "\n".join(rows) + "\n")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "variants.md").write_text(table)
    print(table)


if __name__ == "__main__":
    main()
