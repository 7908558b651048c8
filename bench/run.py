"""Benchmark table: mapeq against the official Infomap and igraph on the same graphs.

``python -m bench.run [--quick] [--sizes 1k,10k,100k] [--mu 0.1,0.3,0.5,0.6] [--big]
[--multilevel] [--tools ...] [--seeds 1] [--repeat 1]``

Every measurement is its own fresh process, started one after the other (never two at
once): ``bench.runner`` for the in-process tools, and a whole ``mapeq run FILE --two-level
--num-trials 1`` process for ``mapeq-cli``. Missing graphs are generated first, also in a
subprocess, so this process stays small. The table goes to stdout and to
``bench/results/latest.md``; the raw measurements to ``bench/results/latest.json``.
See bench/README.md for what each column means.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .graphs import MUS, SIZES, Graph, select

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_TOOLS = ("mapeq", "mapeq-cli", "official", "igraph")
MULTILEVEL_TOOLS = ("mapeq-ml", "official-ml")
ALL_TOOLS = ("mapeq", "mapeq-cli", "mapeq-ml", "official", "official-ml", "igraph")


def _spawn(cmd: list[str], timeout: float) -> tuple[int, str, str, float, float]:
    """Run ``cmd`` from the repository root; (status, stdout, stderr, wall s, peak RSS MB).

    The peak comes from ``wait4`` for this one child (Linux ``ru_maxrss``, KiB).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                status = -1
                break
            time.sleep(0.005)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status) if status != -1 else -1
        out.seek(0)
        err.seek(0)
        return proc.returncode, out.read().decode(), err.read().decode(), wall, usage.ru_maxrss / 1024


def _error(stderr: str, status: int) -> str:
    if status == -1:
        return "timeout"
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else f"exit status {status}"


def measure(tool: str, graph: Graph, seed: int, timeout: float) -> dict:
    """One fresh process: ``bench.runner`` for in-process tools, the whole CLI for mapeq-cli."""
    if tool == "mapeq-cli":
        cmd = [sys.executable, "-m", "infomap_core.cli", "run", str(graph.links_path), "--two-level",
               "--num-trials", "1", "--seed", str(seed), "--output", "json", "--no-include-tree"]
        status, stdout, stderr, wall, peak = _spawn(cmd, timeout)
        if status != 0:
            return {"tool": tool, "error": _error(stderr, status)}
        result = json.loads(stdout)
        return {"tool": tool, "time": wall, "peak_mb": peak, "codelength": float(result["codelength"]),
                "modules": int(result["num_modules"])}
    status, stdout, stderr, wall, peak = _spawn([sys.executable, "-m", "bench.runner", tool, graph.name, str(seed)],
                                               timeout)
    if status != 0:
        return {"tool": tool, "error": _error(stderr, status)}
    result = json.loads(stdout.strip().splitlines()[-1])
    result["wall_s"] = wall
    return result


def _combine(runs: list[dict]) -> dict:
    """Median time and memory over repeats; the quality numbers of the first run."""
    ok = [r for r in runs if "error" not in r]
    if not ok:
        return runs[0]
    out = dict(ok[0])
    for key in ("time", "peak_mb", "growth_mb", "build_s"):
        if key in out:
            out[key] = statistics.median(r[key] for r in ok)
    out["repeats"] = len(ok)
    return out


def _fmt(value, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def _tool_cells(tool: str, r: dict | None, links: int) -> list[str]:
    if tool == "mapeq-cli":
        if r is None or "error" in r:
            return ["err"] * 2
        return [f"{r['time']:.2f}", f"{r['peak_mb']:.0f}"]
    if r is None or "error" in r:
        return ["err"] * 6
    return [f"{r['time']:.3f}", f"{r['peak_mb']:.0f}", f"{r['growth_mb'] * 2**20 / links:.0f}",
            f"{r['codelength']:.6f}", str(r["modules"]), f"{r['nmi']:.3f}"]


def _header(tools: list[str]) -> list[str]:
    cells = ["graph", "links"]
    for t in tools:
        if t == "mapeq-cli":
            cells += ["mapeq CLI s", "CLI MB"]
        else:
            cells += [f"{t} s", f"{t} MB", f"{t} B/link", f"{t} L", f"{t} mods", f"{t} NMI"]
    for ours, official in _pairs(tools):
        tag = "" if ours == "mapeq" else " (ml)"
        cells += [f"time ours/off{tag}", f"mem ours/off{tag}", f"L diff %{tag}"]
    return cells


def _pairs(tools: list[str]) -> list[tuple[str, str]]:
    return [(a, b) for a, b in (("mapeq", "official"), ("mapeq-ml", "official-ml")) if a in tools and b in tools]


def _ratio_cells(res: dict, tools: list[str]) -> list[str]:
    cells = []
    for ours, official in _pairs(tools):
        a, b = res.get(ours, {}), res.get(official, {})
        if "error" in a or "error" in b:
            cells += ["-"] * 3
            continue
        cells += [f"{a['time'] / b['time']:.2f}", f"{a['growth_mb'] / max(b['growth_mb'], 1e-9):.2f}",
                  f"{100 * (a['codelength'] - b['codelength']) / b['codelength']:+.4f}"]
    return cells


def _environment() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for package in ("infomap", "igraph", "networkx", "numpy", "numba", "scipy"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {"python": sys.version.split()[0], "cpus": os.cpu_count(), "versions": versions,
            "commit": commit.stdout.strip() or None,
            "date": time.strftime("%Y-%m-%d %H:%M:%S %Z")}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only the 1k and 10k graphs (overrides --sizes)")
    parser.add_argument("--sizes", default=",".join(SIZES), help="LFR sizes: 1k,10k,100k (empty: none)")
    parser.add_argument("--mu", default=",".join(MUS), help="LFR mixing parameters")
    parser.add_argument("--big", action="store_true", help="add the 1M-node / 10M-link planted partition")
    parser.add_argument("--multilevel", action="store_true", help="add mapeq-ml and official-ml (multilevel)")
    parser.add_argument("--tools", help=f"comma list from {','.join(ALL_TOOLS)} (default: "
                                        f"{','.join(DEFAULT_TOOLS)}, plus the multilevel pair with --multilevel)")
    parser.add_argument("--seeds", default="1", help="comma list of seeds; one table row per graph and seed")
    parser.add_argument("--repeat", type=int, default=1, help="fresh processes per measurement; medians reported")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per process")
    args = parser.parse_args(argv)

    tools = args.tools.split(",") if args.tools else list(DEFAULT_TOOLS) + (
        list(MULTILEVEL_TOOLS) if args.multilevel else [])
    unknown = [t for t in tools if t not in ALL_TOOLS]
    if unknown:
        parser.error(f"unknown tool {unknown[0]!r}: choose from {', '.join(ALL_TOOLS)}")
    seeds = [int(s) for s in args.seeds.split(",")]
    sizes = ["1k", "10k"] if args.quick else [s for s in args.sizes.split(",") if s]
    try:
        graphs = select(sizes, args.mu.split(","), args.big)
    except ValueError as exc:
        parser.error(str(exc))
    missing = [g for g in graphs if not g.exists]
    if missing:  # generate in a child, so this process (and the peak RSS its children inherit) stays small
        subprocess.run([sys.executable, "-m", "bench.graphs", "--sizes", ",".join(sizes), "--mu", args.mu]
                       + (["--big"] if args.big else []), cwd=ROOT, check=True)

    header = _header(tools)
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    print(rows[0] + "\n" + rows[1], flush=True)
    raw = []
    for graph in graphs:
        links = graph.meta()["links"]
        for seed in seeds:
            res = {}
            for tool in tools:
                res[tool] = _combine([measure(tool, graph, seed, args.timeout) for _ in range(args.repeat)])
                if "error" in res[tool]:
                    print(f"  {graph.label} seed {seed} {tool}: {res[tool]['error']}", file=sys.stderr, flush=True)
            label = graph.label if len(seeds) == 1 else f"{graph.label} seed={seed}"
            cells = [label, str(links)]
            for tool in tools:
                cells += _tool_cells(tool, res[tool], links)
            cells += _ratio_cells(res, tools)
            rows.append("| " + " | ".join(cells) + " |")
            print(rows[-1], flush=True)
            raw.append({"graph": graph.name, "label": graph.label, "links": links, "seed": seed,
                        "load_average": os.getloadavg(), "generator": graph.meta(), "results": res})

    checked = [(row["label"], tool, r["reported_is_true"]) for row in raw for tool, r in row["results"].items()
               if isinstance(r, dict) and r.get("reported_is_true") is not None]
    false = [f"{label} {tool}" for label, tool, ok in checked if not ok]
    rows.append("")
    rows.append(f"Reported == the official's score of our own tree (1e-9): {len(checked) - len(false)} of "
                f"{len(checked)} mapeq runs" + (f"; NOT for {', '.join(false)}" if false else "."))
    print(rows[-1], flush=True)
    table = "\n".join(rows) + "\n"
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(table)
    (RESULTS / "latest.json").write_text(json.dumps({"argv": sys.argv[1:] if argv is None else argv,
                                                     "repeat": args.repeat, "environment": _environment(),
                                                     "rows": raw}, indent=1) + "\n")
    print("\n" + table, end="")


if __name__ == "__main__":
    main()
