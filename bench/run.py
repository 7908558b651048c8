"""Benchmark table: mapeq against the official Infomap and igraph on the same graphs.

``python -m bench.run [--quick] [--sizes 1k,10k,100k] [--mu 0.1,0.3,0.5,0.6] [--big] [--seed 1]
[--tools mapeq,official,igraph,mapeq-ml,official-ml]``. Each tool runs in its own
subprocess (clean memory), one after the other, in the same run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from .graphs import lfr, planted

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}


def _run(tool: str, graph: Path, seed: int) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.runner", tool, str(graph), str(seed)], capture_output=True,
                         text=True, cwd=Path(__file__).resolve().parents[1])
    if out.returncode != 0:
        return {"tool": tool, "error": out.stderr.strip().splitlines()[-1] if out.stderr else "failed"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def _cli_time(graph: Path, seed: int) -> float:
    """Wall time of a whole `mapeq run FILE --two-level` process (parse + warm cache + search)."""
    import numpy as np

    text = graph.with_suffix(".txt")
    if not text.exists():
        edges = np.load(graph)["edges"]
        np.savetxt(text, edges, fmt="%d")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "infomap_core.cli", "run", str(text), "--two-level", "--seed", str(seed),
                    "--no-include-tree"], capture_output=True, check=True, cwd=Path(__file__).resolve().parents[1])
    return time.perf_counter() - start


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1k and 10k graphs only")
    parser.add_argument("--sizes", default="1k,10k,100k")
    parser.add_argument("--mu", default="0.1,0.3,0.5,0.6")
    parser.add_argument("--big", action="store_true", help="add the 1M-node / 10M-edge planted partition")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tools", default="mapeq,official,igraph")
    parser.add_argument("--cli", action="store_true", help="also time the whole mapeq CLI process")
    args = parser.parse_args(argv)
    sizes = ["1k", "10k"] if args.quick else args.sizes.split(",")
    graphs = [(f"LFR n={s} mu={mu}", lfr(SIZES[s], float(mu))) for s in sizes for mu in args.mu.split(",")]
    if args.big:
        graphs.append(("planted n=1M", planted()))
    tools = args.tools.split(",")
    header = ["graph", "edges"]
    for t in tools:
        header += [f"{t} s", f"{t} MB", f"{t} L", f"{t} mods", f"{t} NMI"]
    header += ["time ours/official", "MB ours/official", "L diff %", "B/edge ours"] + (["CLI s"] if args.cli else [])
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, graph in graphs:
        res = {t: _run(t, graph, args.seed) for t in tools}
        edges = next((r["edges"] for r in res.values() if "edges" in r), 0)
        cells = [name, str(edges)]
        for t in tools:
            r = res[t]
            if "error" in r:
                cells += ["err"] * 5
                continue
            cells += [f"{r['time']:.3f}", f"{r['peak_mb']:.0f}", f"{r['codelength']:.6f}", str(r["modules"]),
                      f"{r['nmi']:.3f}"]
        ours, off = res.get("mapeq", {}), res.get("official", {})
        if "time" in ours and "time" in off:
            cells += [f"{ours['time'] / off['time']:.2f}", f"{ours['peak_mb'] / max(off['peak_mb'], 1e-9):.2f}",
                      f"{100 * (ours['codelength'] - off['codelength']) / off['codelength']:+.4f}",
                      f"{ours['peak_mb'] * 1024 * 1024 / max(edges, 1):.0f}"]
        else:
            cells += ["-"] * 4
        if args.cli:
            cells.append(f"{_cli_time(graph, args.seed):.2f}")
        rows.append("| " + " | ".join(cells) + " |")
        print(rows[-1], flush=True)
    table = "\n".join(rows)
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(table + "\n")
    print("\n" + table)


if __name__ == "__main__":
    main()
