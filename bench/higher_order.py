"""Higher-order networks side by side with the official Infomap.

``python -m bench.higher_order [--seeds 1] [--trials 1] [--scale 1.0] [--only NAME,...] [--window T]`` writes three networks in
the official file formats (cached in ``bench/cache/``) and runs both tools on the same file in
this process, one after the other: mapeq (``read_network`` + ``run_infomap``, after
``warmup()``) and the official package (``Infomap.read_file`` + ``run``), multilevel, ``--seed
S --num-trials T``. Time is read + flow + search for each, as CPU time of this process
(``time.process_time``: user + system, all threads; the machine is shared, so wall time is
noisy) with the wall time beside it. The table goes to ``bench/results/higher_order.md``.

``--window T`` (with ``--trials 1`` and seeds ``1..S+T-1``) also prints the issue's quality rule,
the mean over seeds ``s = 1..S`` of the best of ``T`` trials, from single trials: trial ``j`` of a
run with seed ``s`` is seeded ``s + j`` in both tools (``tests/engine/test_quality.py`` checks
it), so the official's run is the best of its single runs with seeds ``s..s+T-1``; ours
alternates two kinds of multilevel trials by the parity of ``j`` (:func:`infomap_core.infomap.run_trial`),
so the odd trials of every seed are run too (trial 1 of seed ``t - 1``) and run ``s`` takes
trial ``j``'s kind from ``j``.

* **second-order states**: a state network from random walks on a planted network (20k
  physical nodes in groups of 50, 90% of steps inside the group); the state of a step is
  (previous node, current node); about 100k+ state nodes.
* **multiplex 5 x 20k**: ``*Intra`` links in 5 layers over 20k nodes (planted groups of 100
  shared by the layers, average degree 8 per layer), relax rate 0.15.
* **bipartite 50k + 5k**: ``*Bipartite``: 50k primary nodes each linked to 4 of 5k feature
  nodes (mostly of its group's).
"""

from __future__ import annotations

import argparse
import os
import platform
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / "cache"
RESULTS = ROOT / "bench" / "results"


def second_order_file(path: Path, scale: float) -> None:
    rng = np.random.default_rng(1)
    n, group_size = int(20_000 * scale), 50
    steps = int(600_000 * scale)
    group = np.arange(n) // group_size
    node, previous = 0, 0
    inside = rng.random(steps) < 0.9
    offsets = rng.integers(0, group_size, steps)
    anywhere = rng.integers(0, n, steps)
    pairs = np.empty((steps, 3), dtype=np.int64)
    for k in range(steps):
        nxt = int(group[node] * group_size + offsets[k]) if inside[k] else int(anywhere[k])
        nxt = min(nxt, n - 1)
        pairs[k] = (previous, node, nxt)
        previous, node = node, nxt
    state_keys, index = np.unique(np.concatenate([pairs[:, :2], pairs[:, 1:]]), axis=0, return_inverse=True)
    index = index.reshape(-1)
    src, tgt = index[:steps] + 1, index[steps:] + 1
    links, counts = np.unique(np.stack([src, tgt], axis=1), axis=0, return_counts=True)
    with open(path, "w") as f:
        f.write("*States\n")
        f.writelines(f"{s + 1} {int(b) + 1}\n" for s, (_, b) in enumerate(state_keys))
        f.write("*Links\n")
        f.writelines(f"{a} {b} {c}\n" for (a, b), c in zip(links.tolist(), counts.tolist()))


def multiplex_file(path: Path, scale: float) -> None:
    rng = np.random.default_rng(2)
    n, layers, group_size, degree = int(20_000 * scale), 5, 100, 8
    rows = []
    for layer in range(1, layers + 1):
        m = n * degree // 2
        src = rng.integers(0, n, m)
        inside = rng.random(m) < 0.8
        tgt = np.where(inside, (src // group_size) * group_size + rng.integers(0, group_size, m), rng.integers(0, n, m))
        tgt = np.minimum(tgt, n - 1)
        keep = src != tgt
        rows.append(np.stack([np.full(keep.sum(), layer), src[keep] + 1, tgt[keep] + 1], axis=1))
    data = np.concatenate(rows)
    with open(path, "w") as f:
        f.write("*Intra\n")
        f.writelines(f"{a} {b} {c} 1\n" for a, b, c in data.tolist())


def bipartite_file(path: Path, scale: float) -> None:
    rng = np.random.default_rng(3)
    primary, features, per_node, groups = int(50_000 * scale), int(5_000 * scale), 4, int(250 * scale)
    group = rng.integers(0, groups, primary)
    per_group = features // groups
    links = set()
    for a in range(primary):
        for _ in range(per_node):
            f = group[a] * per_group + int(rng.integers(0, per_group)) if rng.random() < 0.85 \
                else int(rng.integers(0, features))
            links.add((a + 1, primary + 1 + f))
    with open(path, "w") as f:
        f.write(f"*Bipartite {primary + 1}\n")
        f.writelines(f"{a} {b} 1\n" for a, b in sorted(links))


NETWORKS = {"second-order states": ("second_order.net", second_order_file),
            "multiplex 5 x 20k": ("multiplex.net", multiplex_file),
            "bipartite 50k + 5k": ("bipartite.net", bipartite_file)}


def ours(path: Path, seed: int, trials: int) -> tuple[float, float, float, int]:
    from infomap_core import InfomapOptions, run_infomap
    from infomap_core.io import read_network

    start, cpu = time.perf_counter(), time.process_time()
    net = read_network(path)
    result = run_infomap(net, InfomapOptions(seed=seed, num_trials=trials))
    return time.process_time() - cpu, time.perf_counter() - start, result.codelength, net.num_nodes


def official(path: Path, seed: int, trials: int) -> tuple[float, float, float]:
    import infomap

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start, cpu = time.perf_counter(), time.process_time()
        im = infomap.Infomap(f"--silent --seed {seed} --num-trials {trials}")
        im.read_file(str(path))
        im.run()
        return time.process_time() - cpu, time.perf_counter() - start, float(im.codelength)


def odd_trial(path: Path, seed: int) -> float:
    """Our multilevel trial 1 of a run with seed ``seed - 1`` (seeded ``seed``)."""
    from infomap_core import InfomapOptions
    from infomap_core.infomap import prepare, run_trial
    from infomap_core.io import read_network

    options = InfomapOptions(seed=seed - 1)
    return run_trial(prepare(read_network(path), options), options, 1).codelength


def window_row(name: str, seeds: list[int], ours_l: dict[tuple[int, int], float], theirs_l: list[float],
               window: int) -> str:
    """The mean over runs ``s`` of the best of ``window`` trials, both tools: the official's
    trial ``j`` is its single run of seed ``s + j``, ours ``ours_l[(s + j, j % 2)]``."""
    if seeds != list(range(1, len(seeds) + 1)) or len(seeds) < window:
        raise SystemExit(f"--window {window} needs --seeds 1,2,...,N with N >= {window}")
    runs = len(seeds) - window + 1
    best_ours = [min(ours_l[(s + 1 + j, j % 2)] for j in range(window)) for s in range(runs)]
    best_theirs = [min(theirs_l[s:s + window]) for s in range(runs)]
    mean_ours, mean_theirs = float(np.mean(best_ours)), float(np.mean(best_theirs))
    return (f"| {name}: mean of seeds 1-{runs}, best of {window} trials | | | | | | {mean_ours:.6f} | {mean_theirs:.6f} "
            f"| {100 * (mean_ours - mean_theirs) / mean_theirs:+.4f} (ratio {mean_ours / mean_theirs:.6f}) |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", default="1")
    parser.add_argument("--trials", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0, help="shrink the networks (quick runs)")
    parser.add_argument("--only", default=",".join(NETWORKS), help="comma list of the networks to run")
    parser.add_argument("--out", default="higher_order.md", help="file name under bench/results/")
    parser.add_argument("--window", type=int, default=0, help="also the mean over runs of the best of this many trials")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",")]
    seeds = [int(s) for s in args.seeds.split(",")]
    from infomap_core import warmup

    warmup()
    CACHE.mkdir(parents=True, exist_ok=True)
    rows = ["| network | state nodes | mapeq CPU s | official CPU s | CPU ratio | mapeq / official wall s "
            "| mapeq L | official L | L diff % |",
            "|---|---|---|---|---|---|---|---|---|"]
    for name, (file_name, make) in NETWORKS.items():
        if name not in chosen:
            continue
        path = CACHE / (f"{args.scale:g}_" + file_name)
        if not path.exists():
            make(path, args.scale)
        ours_runs = [ours(path, s, args.trials) for s in seeds]
        theirs_runs = [official(path, s, args.trials) for s in seeds]
        t_ours, w_ours, l_ours = (np.mean([r[k] for r in ours_runs]) for k in range(3))
        t_theirs, w_theirs, l_theirs = (np.mean([r[k] for r in theirs_runs]) for k in range(3))
        rows.append(f"| {name} | {ours_runs[0][3]:,} | {t_ours:.2f} | {t_theirs:.2f} | {t_ours / t_theirs:.2f} | "
                    f"{w_ours:.2f} / {w_theirs:.2f} | {l_ours:.6f} | {l_theirs:.6f} | "
                    f"{100 * (l_ours - l_theirs) / l_theirs:+.4f} |")
        print(rows[-1], flush=True)
        if args.window:
            odd = {t: odd_trial(path, t) for t in seeds[1:]}
            ours_l = {(t, 0): r[2] for t, r in zip(seeds, ours_runs)} | {(t, 1): v for t, v in odd.items()}
            rows.append(window_row(name, seeds, ours_l, [r[2] for r in theirs_runs], args.window))
            print(rows[-1], flush=True)
    import infomap

    note = (f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.node()} (shared 2-core machine, "
            f"load average {os.getloadavg()[0]:.1f} at the end), infomap {infomap.__version__}, seeds {args.seeds}, "
            f"{args.trials} trial(s), multilevel, scale {args.scale:g}, NUMBA_NUM_THREADS="
            f"{os.environ.get('NUMBA_NUM_THREADS', 'all')}.")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / args.out).write_text("\n".join(rows) + "\n\n" + note + "\n")
    print(note)


if __name__ == "__main__":
    main()
