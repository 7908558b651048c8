"""The ``mapeq`` command line.

``mapeq run NETWORK [options]`` finds modules (multilevel by default, ``--two-level``
for flat) and prints JSON on stdout or writes the chosen formats.
``mapeq codelength NETWORK --partition FILE`` scores a ``.clu`` or ``.tree`` file.

Bad input exits with status 2 and one line on stderr, no traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

import orjson

from .errors import MapEqError
from .flow import FLOW_MODELS

__all__ = ["main"]


def _add_flow_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("network", help="link-list or Pajek file ('-' reads stdin)")
    p.add_argument("-d", "--directed", action="store_true", help="treat links as directed (flow model 'directed')")
    p.add_argument("-f", "--flow-model", choices=FLOW_MODELS, help="flow model (default: undirected, or directed with -d)")
    p.add_argument("-p", "--teleportation-probability", type=float, default=0.15, metavar="P")
    p.add_argument("-e", "--recorded-teleportation", action="store_true")
    p.add_argument("--to-nodes", action="store_true", help="teleport to nodes (by node weight) instead of links")
    p.add_argument("--markov-time", type=float, default=1.0, metavar="T")
    p.add_argument("--format", choices=("link-list", "pajek"), help="input format (default: detect)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mapeq", description="Community detection with the map equation.")
    parser.add_argument("--version", action="version", version=f"mapeq {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="find modules")
    _add_flow_options(run)
    run.add_argument("-2", "--two-level", action="store_true", help="flat partition instead of a hierarchy")
    run.add_argument("-N", "--num-trials", type=int, default=1, metavar="N")
    run.add_argument("-s", "--seed", type=int, default=123, metavar="S")
    run.add_argument("-T", "--tune-iteration-limit", type=int, default=2, metavar="N",
                     help="fine/coarse-tune iterations per trial (0 = until the gain is below 1e-5 L1)")
    run.add_argument("-c", "--cluster-data", metavar="FILE", help="initial partition (.clu or .tree) to start from")
    run.add_argument("--output", default="json", help="comma list of formats: json,clu,tree,ftree,csv,newick")
    run.add_argument("--clu-level", type=int, default=1, help="module level in .clu (1 top, -1 leaf modules)")
    run.add_argument("-o", "--out", dest="out", metavar="PATH", help="file (one format) or directory (default: stdout)")
    run.add_argument("--include-tree", action=argparse.BooleanOptionalAction, default=True,
                     help="include the tree in the JSON on stdout")

    cl = sub.add_parser("codelength", help="codelength of a given partition or tree")
    _add_flow_options(cl)
    cl.add_argument("--partition", required=True, metavar="FILE", help=".clu (node module [flow]) or .tree file")
    return parser


def _version() -> str:
    from . import __version__

    return __version__


def _options(args: argparse.Namespace, **extra):
    from .infomap import InfomapOptions

    return InfomapOptions(
        flow_model=args.flow_model or ("directed" if args.directed else None),
        directed=True if args.directed else None,
        teleportation_probability=args.teleportation_probability,
        recorded_teleportation=args.recorded_teleportation,
        to_nodes=args.to_nodes,
        markov_time=args.markov_time,
        **extra,
    )


def _read_network(args: argparse.Namespace):
    from .io import parse_network, read_network

    directed = True if args.directed or args.flow_model in ("directed", "undirdir", "outdirdir", "rawdir") else None
    if args.network == "-":
        return parse_network(sys.stdin.buffer.read(), format=args.format, directed=directed)
    if not os.path.exists(args.network):
        raise MapEqError(f"no such file: {args.network}", field="network")
    return read_network(args.network, format=args.format, directed=directed)


def _read_partition(path: str, network) -> dict:
    """{id: module} from a .clu file or {id: 'path'} from a .tree/.ftree file."""
    from .io import read_partition, read_tree

    if not os.path.exists(path):
        raise MapEqError(f"no such file: {path}", field="partition")
    text = Path(path).read_text(errors="replace")
    looks_like_tree = path.endswith((".tree", ".ftree")) or any(
        ":" in line.split()[0] for line in text.splitlines()[:50] if line.strip() and not line.startswith("#")
    )
    if looks_like_tree:
        rows = read_tree(path)
        return {row[3]: tuple(row[0]) for row in rows}
    return read_partition(path)


class _Progress:
    """A progress bar over trials on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\rtrials [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _run(args: argparse.Namespace) -> int:
    from .formats import FORMATS, format_for, render
    from .infomap import run_infomap

    network = _read_network(args)
    formats = [f.strip() for f in args.output.split(",") if f.strip()]
    for name in formats:
        format_for(name)
    initial = _read_partition(args.cluster_data, network) if args.cluster_data else None
    if initial and any(isinstance(v, tuple) for v in initial.values()):
        initial = {k: v[0] for k, v in initial.items()}  # start from the top modules of a tree
    options = _options(args, two_level=args.two_level, num_trials=args.num_trials, seed=args.seed)
    from .optimizer import SearchSettings

    if args.tune_iteration_limit < 0:
        raise MapEqError("--tune-iteration-limit must be >= 0", field="tune_iteration_limit")
    settings = SearchSettings(max_tune_iterations=args.tune_iteration_limit or 1000)
    result = run_infomap(network, options, initial_partition=initial, progress=_Progress(sys.stderr.isatty()),
                         settings=settings)

    if args.out is None:
        for name in formats:
            if name == "json":
                payload = result.to_dict(include_tree=args.include_tree)
                sys.stdout.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n")
            else:
                sys.stdout.write(render(result, name, clu_level=args.clu_level))
        return 0
    out = Path(args.out)
    if out.is_dir() or len(formats) > 1 or args.out.endswith(os.sep):
        out.mkdir(parents=True, exist_ok=True)
        stem = Path(args.network).stem if args.network != "-" else "network"
        for name in formats:
            (out / f"{stem}{FORMATS[name].extension}").write_text(render(result, name, clu_level=args.clu_level))
    else:
        out.write_text(render(result, formats[0], clu_level=args.clu_level))
    return 0


def _codelength(args: argparse.Namespace) -> int:
    from .infomap import compute_codelength

    network = _read_network(args)
    partition = _read_partition(args.partition, network)
    result = compute_codelength(network, partition, _options(args))
    sys.stdout.write(orjson.dumps(result.to_dict(), option=orjson.OPT_INDENT_2).decode() + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _run(args) if args.command == "run" else _codelength(args)
    except MapEqError as exc:
        sys.stderr.write(f"mapeq: error: {exc}\n")
        return 2
    except OSError as exc:
        sys.stderr.write(f"mapeq: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
