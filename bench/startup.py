"""The whole command-line process, ours and the official's, side by side (issue 16, part 1).

``python -m bench.startup [--size 100k --mu 0.3 | --planted] [--repeat 3]`` runs, one after the
other and interleaved, each in a fresh process:

* ``mapeq run FILE --two-level --num-trials 1 --output json --no-include-tree --out FILE`` with
  ``--num-threads 1`` and ``--num-threads 2``;
* the official ``infomap FILE OUT --two-level --num-trials 1 --silent`` (writes ``.tree``) in
  its default configuration (its thread budget: every core), with ``--num-threads 1`` and with
  ``--inner-parallelization`` (its experimental parallel node moves); the ratio column divides
  by the fastest of the three (issue 16 compares against the official's fastest configuration);
* both again on a three-link file: the fixed cost of a process (interpreter, libraries,
  numba kernels loaded from the cache).

The package is byte-compiled first (``compileall``), as ``pip install`` leaves it: a source
checkout run with ``PYTHONDONTWRITEBYTECODE=1`` (this project's environment) would otherwise
compile every module from source in every process (~0.07 s CPU, measured on the three-link
file), which no installed ``mapeq`` does.

For each it records the wall time, the CPU time (user + system, of the process and its
threads, from ``wait4``) and the peak resident set (``ru_maxrss``). *Growth per link* is
the peak on the graph minus the peak on the three-link file, per link: what the input costs
on top of the fixed start-up. CPU time is the figure to compare on a shared machine; the
wall time is printed too. Medians over ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .graphs import generate_lfr, generate_planted

OFFICIAL = shutil.which("infomap") or str(Path(sys.executable).with_name("infomap"))


def run(cmd: list[str]) -> dict:
    """Wall s, CPU s (user + sys), peak RSS MB and the codelength of one process (from the head of
    the JSON or ``.tree`` file it wrote). This process must stay small: a child started with
    ``vfork`` runs in the parent's memory until it execs, and Linux keeps that memory's peak as
    the child's ``ru_maxrss`` (parsing a whole 1M-node result here once made every later
    three-link run report 746 MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[:4]} failed: {err[-300:]}")
    if cmd[0] == OFFICIAL:
        head = _head(Path(cmd[2]) / (Path(cmd[1]).stem + ".tree"))
        codelength = float(re.search(r"^# codelength ([0-9.eE+-]+)", head, re.M).group(1))
    else:
        codelength = float(re.search(r'"codelength": ?([0-9.eE+-]+)', _head(Path(cmd[cmd.index("--out") + 1]))).group(1))
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
            "codelength": codelength}


def _head(path: Path) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read(4096)


def commands(path: Path, out_dir: str) -> dict[str, list[str]]:
    mapeq = [sys.executable, "-m", "infomap_core.cli", "run", str(path), "--two-level", "--num-trials", "1",
             "--output", "json", "--no-include-tree", "--out", str(Path(out_dir) / "mapeq.json")]
    official = [OFFICIAL, str(path), out_dir, "--two-level", "--num-trials", "1", "--silent"]
    return {
        "mapeq 1 thread": mapeq + ["--num-threads", "1"],
        "mapeq 2 threads": mapeq + ["--num-threads", "2"],
        **{f"official{name}": official + flags for name, flags in OFFICIAL_CONFIGS.items()},
    }


#: The official's configurations: its default (every core for what it parallelizes), one thread,
#: and its experimental batched parallel node moves.
OFFICIAL_CONFIGS = {"": [], " 1 thread": ["--num-threads", "1"], " --inner-parallelization": ["--inner-parallelization"]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="100k")
    parser.add_argument("--mu", default="0.3")
    parser.add_argument("--planted", action="store_true", help="the 1M-node / 10M-link planted partition instead")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    graph = generate_planted() if args.planted else generate_lfr(args.size, args.mu)
    links = int(graph.meta()["links"])
    package = importlib.util.find_spec("infomap_core").submodule_search_locations[0]
    compileall.compile_dir(package, quiet=1)  # as installed (see the module docstring)
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("1 2\n2 3\n3 1\n")
        runs: dict[tuple[str, str], list[dict]] = {}
        for _ in range(args.repeat):
            for label, path in (("graph", graph.links_path), ("tiny", tiny)):
                for tool, cmd in commands(path, tmp).items():
                    runs.setdefault((tool, label), []).append(run(cmd))
        load = os.getloadavg()[0]
    med = {key: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for key, rs in runs.items()}
    tools = list(commands(tiny, "").keys())
    official = min((med[(tool, "graph")] for tool in tools if tool.startswith("official")), key=lambda m: m["wall"])
    print(f"{graph.label}, {links} links, median of {args.repeat}, load average {load:.1f}\n")
    print("(ratios: to the official's fastest configuration by wall time)\n")
    print("| process | CPU s | CPU / official | wall s | wall / official | peak MB | fixed: CPU s, peak MB (3 links) "
          "| growth B/link | codelength |")
    print("|---|---|---|---|---|---|---|---|---|")
    for tool in tools:
        g, t = med[(tool, "graph")], med[(tool, "tiny")]
        growth = (g["peak_mb"] - t["peak_mb"]) * 2**20 / links
        print(f"| {tool} | {g['cpu']:.2f} | {g['cpu'] / official['cpu']:.2f} | {g['wall']:.2f} "
              f"| {g['wall'] / official['wall']:.2f} | {g['peak_mb']:.0f} "
              f"| {t['cpu']:.2f}, {t['peak_mb']:.0f} | {growth:.0f} | {g['codelength']:.6f} |")


if __name__ == "__main__":
    main()
