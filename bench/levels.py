"""What ``preferred_number_of_levels`` costs on the 100k LFR graphs (issue 15).

``NUMBA_NUM_THREADS=1 python -m bench.levels [--graphs lfr_n100000_mu0.3,lfr_n100000_mu0.5] [--seed 1]``

For each cached graph (``bench.graphs``): one plain multilevel trial, then one trial per
preferred depth (2 when the plain depth ``D`` is above 2, ``D + 1``, ``D + 2``) with a strength of
100 bits per level, in this process after a warm-up. *CPU s* is the process's user + system time
of the run (``resource.getrusage``; the trial repeats the plain search, so the difference to the
plain row is the preference's cost); every answer is re-scored by the official from our tree
(``--no-infomap``, :func:`bench.quality.official_score`). Writes the table to stdout and
``bench/results/levels.md``.
"""

from __future__ import annotations

import argparse
import resource
from pathlib import Path

import numpy as np

from .graphs import CACHE

RESULTS = Path(__file__).resolve().parent / "results"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rows(graph: str, seed: int) -> list[str]:
    from infomap_core import Network, run_infomap

    from .quality import official_score

    net = Network.from_edges(np.load(CACHE / f"{graph}.edges.npy"))
    out = []

    def run(levels: int):
        start = _cpu()
        result = run_infomap(net, seed=seed, preferred_number_of_levels=levels,
                             preferred_number_of_levels_strength=100.0)
        cpu = _cpu() - start
        theirs = official_score(result)
        out.append(f"| {graph} | {levels or '-'} | {cpu:.2f} | {result.num_levels} | {result.num_modules} | "
                   f"{result.codelength:.9f} | {result.level_penalty:g} | "
                   f"{'yes' if abs(theirs - result.codelength) <= 1e-9 * abs(theirs) else f'NO ({theirs!r})'} |")
        return result

    plain = run(0)
    depth = plain.num_levels
    for levels in ([2] if depth > 2 else []) + [depth + 1, depth + 2]:
        run(levels)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graphs", default="lfr_n100000_mu0.3,lfr_n100000_mu0.5")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    from infomap_core import warmup

    warmup()
    lines = ["| graph | preferred levels | CPU s | levels | top modules | L (bits) | level penalty | "
             "reported == official's score |", "|---|---|---|---|---|---|---|---|"]
    for graph in args.graphs.split(","):
        lines += rows(graph, args.seed)
    text = "\n".join(lines) + "\n"
    print(text, end="")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "levels.md").write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
