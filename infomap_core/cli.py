"""The ``mapeq`` command line.

``mapeq run NETWORK [options]`` finds modules (multilevel by default, ``--two-level``
for flat) and prints JSON on stdout or writes the chosen formats.
``mapeq codelength NETWORK --partition FILE`` scores a ``.clu`` or ``.tree`` file.
``mapeq NETWORK OUT_DIR [official options]`` is the official Infomap's command line
(:mod:`infomap_core.dropin`).

Bad input exits with status 2 and one line on stderr, no traceback. An option value may
start with ``-`` (``--clu-level -1``, ``--seed -1`` is then refused by its range check).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Sequence

import orjson

from .cli_io import DIRECTED_FLOW_MODELS, read_cluster_file, read_meta_data, read_network_arg
from .errors import MapEqError
from .flow import FLOW_MODELS
from .infomap import CONVERGE_DEFAULT_CAP, InfomapOptions
from .multilayer import RELAX_RATE, RelaxOptions

#: Every default of the command line is the engine's (one place: the option types).
DEFAULTS = InfomapOptions()
RELAX_DEFAULTS = RelaxOptions()

__all__ = ["main"]


def _add_flow_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("network", help="link-list or Pajek file ('-' reads stdin)")
    p.add_argument("-d", "--directed", action="store_true", help="treat links as directed (flow model 'directed')")
    p.add_argument("-f", "--flow-model", choices=FLOW_MODELS, help="flow model (default: undirected, or directed with -d)")
    p.add_argument("-p", "--teleportation-probability", type=float, default=DEFAULTS.teleportation_probability,
                   metavar="P")
    p.add_argument("-e", "--recorded-teleportation", action="store_true")
    p.add_argument("--to-nodes", action="store_true", help="teleport to nodes (by node weight) instead of links")
    p.add_argument("--markov-time", type=float, default=DEFAULTS.markov_time, metavar="T")
    p.add_argument("--variable-markov-time", action="store_true",
                   help="a local Markov time per node, longer where the network is sparse")
    p.add_argument("--variable-markov-damping", type=float, default=DEFAULTS.variable_markov_damping, metavar="D",
                   help="local scale from the effective degree (0) to its log (1, default)")
    p.add_argument("--variable-markov-min-scale", type=float, default=DEFAULTS.variable_markov_min_scale,
                   metavar="S", help=f"smallest local scale (default {DEFAULTS.variable_markov_min_scale:g})")
    p.add_argument("--format", choices=("link-list", "pajek"), help="input format (default: detect)")
    p.add_argument("--no-self-links", action="store_true", help="leave out self-links")
    p.add_argument("--weight-threshold", type=float, metavar="X", help="leave out links of weight below X")
    p.add_argument("--node-limit", type=int, default=DEFAULTS.node_limit, metavar="N",
                   help="read only the nodes of id at most N and the links between them (default 0: every node)")
    # map-equation variants (official names; docs/command-line.md)
    p.add_argument("--regularized", action="store_true", help="Bayesian prior network against overfitting sparse data")
    p.add_argument("--regularization-strength", type=float, default=DEFAULTS.regularization_strength, metavar="X")
    p.add_argument("--entropy-corrected", action="store_true", help="correct the entropy bias of small samples")
    p.add_argument("--entropy-correction-strength", type=float,
                   default=DEFAULTS.entropy_correction_strength, metavar="X")
    p.add_argument("--preferred-number-of-modules", type=int, default=DEFAULTS.preferred_number_of_modules, metavar="K",
                   help="one bit per top module more or fewer than K (0: no preference)")
    p.add_argument("--meta-data", metavar="FILE", help=".clu file of a category per node (the meta map equation)")
    p.add_argument("--meta-data-rate", type=float, default=DEFAULTS.meta_data_rate, metavar="X")
    p.add_argument("--meta-data-unweighted", action="store_true")
    p.add_argument("--multilayer-relax-rate", type=float, metavar="R",
                   help="multilayer files with *Intra links only: probability to relax to another layer "
                        f"(default {RELAX_RATE})")
    p.add_argument("--multilayer-relax-limit", type=int, default=RELAX_DEFAULTS.limit, metavar="K",
                   help="relax only to layers at most K layer ids away (default -1: any)")
    p.add_argument("--multilayer-relax-limit-up", type=int, default=RELAX_DEFAULTS.limit_up, metavar="K")
    p.add_argument("--multilayer-relax-limit-down", type=int, default=RELAX_DEFAULTS.limit_down, metavar="K")
    p.add_argument("--multilayer-relax-by-jsd", action="store_true",
                   help="multilayer files with *Intra links only: relax by out-link similarity (Jensen-Shannon)")
    p.add_argument("--multilayer-relax-to-self", action="store_true",
                   help="multilayer files: relax through the node's own state in the target layer")
    p.add_argument("--skip-adjust-bipartite-flow", action="store_true",
                   help="bipartite files: keep flow on the feature nodes")
    p.add_argument("--bipartite-teleportation", action="store_true",
                   help="bipartite files, directed: teleport between primary nodes on the two-step walk")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mapeq", description="Community detection with the map equation.",
        epilog="The official Infomap's command line works too: mapeq NETWORK OUT_DIR [official options] "
               "(mapeq NETWORK OUT_DIR -h lists them).")
    parser.add_argument("--version", action="version", version=f"mapeq {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="find modules")
    _add_flow_options(run)
    run.add_argument("-2", "--two-level", action="store_true", help="flat partition instead of a hierarchy")
    run.add_argument("-N", "--num-trials", type=int, metavar="N",
                     help=f"trials, the shortest wins (default {DEFAULTS.num_trials}; the cap of --converge, "
                          f"default {CONVERGE_DEFAULT_CAP})")
    run.add_argument("-F", "--fast-hierarchical-solution", action="count", default=DEFAULTS.fast_hierarchical_solution,
                     help="a quicker hierarchy: -F top modules found fast, -FF/-FFF the fast levels over the "
                          "two-level modules")
    run.add_argument("--preferred-number-of-levels", type=int, default=DEFAULTS.preferred_number_of_levels,
                     metavar="K", help="the tree of least codelength + strength x |levels - K| among those a trial "
                     "builds (found, levels collapsed, top modules grouped deeper; 0: no preference)")
    run.add_argument("--preferred-number-of-levels-strength", type=float,
                     default=DEFAULTS.preferred_number_of_levels_strength, metavar="X",
                     help=f"bits per level away from --preferred-number-of-levels "
                          f"(default {DEFAULTS.preferred_number_of_levels_strength:g})")
    run.add_argument("--converge", action="store_true",
                     help="stop trials once 5 in a row did not shorten the best codelength")
    run.add_argument("-s", "--seed", type=int, default=DEFAULTS.seed, metavar="S")
    run.add_argument("--num-threads", type=int, metavar="N",
                     help="threads of the parallel kernels (default: every core); the result depends on the seed "
                          "and on whether N is 1, not on how many more")
    run.add_argument("-T", "--tune-iteration-limit", type=int, metavar="N",
                     help="fine/coarse-tune iterations per trial (default 0: until the gain is below 1e-5 L1)")
    run.add_argument("--prefer-modular-solution", action="store_true",
                     help="keep a partition of two or more modules even when one module is shorter")
    run.add_argument("-c", "--cluster-data", metavar="FILE", help="initial partition (.clu or .tree) to start from")
    run.add_argument("--distributed", action="store_true",
                     help="search one network across the workers of a Dask cluster (link list with integer ids "
                          "on storage the workers share; undirected or directed; --num-trials: trials of the finish)")
    run.add_argument("--dask-address", metavar="ADDR",
                     help="scheduler of --distributed (default: $MAPEQ_DASK_ADDRESS)")
    run.add_argument("--output", default="json", help="comma list of formats: json,clu,tree,ftree,csv,newick")
    run.add_argument("--clu-level", type=int, default=1, help="module level in .clu (1 top, -1 leaf modules)")
    run.add_argument("--hide-bipartite-nodes", action="store_true",
                     help="bipartite files: leave the feature nodes out of the node rows of the output")
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
    return InfomapOptions(
        flow_model=args.flow_model or ("directed" if args.directed else None),
        directed=True if args.directed else None,
        teleportation_probability=args.teleportation_probability,
        recorded_teleportation=args.recorded_teleportation,
        to_nodes=args.to_nodes,
        markov_time=args.markov_time,
        variable_markov_time=args.variable_markov_time,
        variable_markov_damping=args.variable_markov_damping,
        variable_markov_min_scale=args.variable_markov_min_scale,
        regularized=args.regularized,
        regularization_strength=args.regularization_strength,
        entropy_corrected=args.entropy_corrected,
        entropy_correction_strength=args.entropy_correction_strength,
        preferred_number_of_modules=args.preferred_number_of_modules,
        meta_data_rate=args.meta_data_rate,
        meta_data_unweighted=args.meta_data_unweighted,
        skip_adjust_bipartite_flow=args.skip_adjust_bipartite_flow,
        bipartite_teleportation=args.bipartite_teleportation,
        node_limit=args.node_limit,
        **extra,
    )


def _levels(args: argparse.Namespace) -> dict:
    """The preferred number of levels of ``mapeq run`` (search options: not for ``codelength``)."""
    return {"preferred_number_of_levels": args.preferred_number_of_levels,
            "preferred_number_of_levels_strength": args.preferred_number_of_levels_strength}


def num_trials(args: argparse.Namespace) -> int:
    """``--num-trials``, else the engine's default (the official's cap of 50 with ``--converge``)."""
    if args.num_trials is not None:
        return args.num_trials
    return CONVERGE_DEFAULT_CAP if getattr(args, "converge", False) else DEFAULTS.num_trials


def _meta_data(args: argparse.Namespace) -> dict | None:
    return read_meta_data(args.meta_data) if args.meta_data else None


def _read_network(args: argparse.Namespace):
    from .dropin.run import input_links

    directed = bool(args.directed) or args.flow_model in DIRECTED_FLOW_MODELS
    relax = RelaxOptions(rate=RELAX_RATE if args.multilayer_relax_rate is None else args.multilayer_relax_rate,
                         limit=args.multilayer_relax_limit, limit_up=args.multilayer_relax_limit_up,
                         limit_down=args.multilayer_relax_limit_down, by_jsd=args.multilayer_relax_by_jsd,
                         to_self=args.multilayer_relax_to_self)
    network = read_network_arg(args.network, format=args.format, directed=directed, relax=relax)
    return input_links(network, args.no_self_links, args.weight_threshold)


def _run_distributed(args: argparse.Namespace) -> int:
    """``--distributed``: :func:`infomap_core.distributed.run_distributed` on the given cluster; JSON on stdout."""
    from .distributed import DistributedSettings, check_options, run_distributed
    from .errors import OptionError

    address = args.dask_address or os.environ.get("MAPEQ_DASK_ADDRESS")
    if not address:
        raise OptionError("--distributed needs --dask-address (or MAPEQ_DASK_ADDRESS)", field="dask_address")
    if args.format == "pajek" or args.cluster_data or args.output != "json" or args.out:
        raise OptionError("--distributed reads a link list and writes JSON on stdout", field="distributed")
    if args.meta_data or args.no_self_links or args.weight_threshold is not None or args.node_limit:
        raise OptionError("--distributed reads every link and codes no meta data", field="distributed")
    if args.converge:
        raise OptionError("--distributed runs every trial of its finish (no --converge)", field="converge")
    for flag, name in (("--prefer-modular-solution", "prefer_modular_solution"),
                       ("--tune-iteration-limit", "tune_iteration_limit")):
        if getattr(args, name, None):
            raise OptionError(f"--distributed does not run {flag}", field=name)
    options = _options(args, two_level=args.two_level, num_trials=num_trials(args), seed=args.seed,
                       **_levels(args))
    check_options(options)
    from distributed import Client

    try:
        client = Client(address, timeout=30)
    except OSError as exc:
        raise OptionError(f"cannot reach the Dask scheduler at {address}: {exc}", field="dask_address")
    with client:
        # the JSON on stdout has no module links: the workers need not reduce them (~7% of 10M links' wall time)
        result = run_distributed(os.path.abspath(args.network), client, options=options,
                                 settings=DistributedSettings(module_links=False))
    sys.stdout.write(orjson.dumps(result.to_dict(), option=orjson.OPT_INDENT_2).decode() + "\n")
    return 0


def _run(args: argparse.Namespace, argv: list[str]) -> int:
    if args.distributed:
        return _run_distributed(args)
    from .dropin.run import run_trials, search_settings
    from .formats import FORMATS, FileInfo, RunInfo, format_for, render
    from .formats.json_formats import write_json
    from .infomap import best_of, prepare, threads
    from .progress import progress_wanted

    started_at, start = time.time(), time.perf_counter()
    network = _read_network(args)
    formats = [f.strip() for f in args.output.split(",") if f.strip()]
    for name in formats:
        format_for(name)
    initial = read_cluster_file(args.cluster_data, field="cluster_data") if args.cluster_data else None
    if initial and any(isinstance(v, tuple) for v in initial.values()):
        initial = {k: v[0] for k, v in initial.items()}  # start from the top modules of a tree

    options = _options(args, two_level=args.two_level, num_trials=num_trials(args), seed=args.seed,
                       num_threads=args.num_threads, converge=args.converge,
                       fast_hierarchical_solution=args.fast_hierarchical_solution, **_levels(args))
    settings = search_settings({"tune_iteration_limit": args.tune_iteration_limit,
                                "prefer_modular_solution": args.prefer_modular_solution or None})
    with threads(options.num_threads):
        problem = prepare(network, options, initial, _meta_data(args))
        trials = run_trials(problem, options, settings, show_progress=progress_wanted(False))
    problem = replace(problem, flow=problem.flow.without_pairs())  # the search's, not the output's
    result = best_of(problem, options, trials, elapsed=time.perf_counter() - start, started_at=started_at)
    info = RunInfo(command_line=tuple(argv), input=None if args.network == "-" else FileInfo.of(args.network),
                   cluster_data=FileInfo.of(args.cluster_data) if args.cluster_data else None)

    def text(name: str) -> str:
        return render(result, name, clu_level=args.clu_level, info=info,
                      hide_bipartite_nodes=args.hide_bipartite_nodes)

    if args.out is None:
        for name in formats:
            if name == "json":
                payload = result.to_dict(include_tree=args.include_tree,
                                         hide_bipartite_nodes=args.hide_bipartite_nodes)
                sys.stdout.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n")
            else:
                sys.stdout.write(text(name))
        return 0
    def write(path: Path, name: str) -> None:
        if name == "json":  # written piece by piece (its text is never whole in memory)
            with open(path, "wb") as fh:
                write_json(result, fh, hide_bipartite_nodes=args.hide_bipartite_nodes)
        else:
            path.write_text(text(name), encoding="utf-8")

    out = Path(args.out)
    if out.is_dir() or len(formats) > 1 or args.out.endswith(os.sep):
        out.mkdir(parents=True, exist_ok=True)
        stem = Path(args.network).stem if args.network != "-" else "network"
        for name in formats:
            write(out / f"{stem}{FORMATS[name].extension}", name)
    else:
        write(out, formats[0])
    return 0


def _codelength(args: argparse.Namespace) -> int:
    from .infomap import compute_codelength

    network = _read_network(args)
    partition = read_cluster_file(args.partition)
    result = compute_codelength(network, partition, _options(args), meta_data=_meta_data(args))
    sys.stdout.write(orjson.dumps(result.to_dict(), option=orjson.OPT_INDENT_2).decode() + "\n")
    return 0


SUBCOMMANDS = ("run", "codelength")


def _attach_dash_values(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``--opt -1`` -> ``--opt=-1`` for the options that take a value: argparse reads ``-1`` as an
    option because ``-2`` is one, so ``--clu-level -1`` would be refused."""
    subcommand = parser._subparsers._group_actions[0].choices[argv[0]]  # noqa: SLF001 (argparse has no public walk)
    takes_value = {name for action in subcommand._actions if action.nargs != 0  # noqa: SLF001
                   for name in action.option_strings}
    out: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        if word in takes_value and i + 1 < len(argv) and argv[i + 1].startswith("-") and argv[i + 1] != "-":
            out.append(f"{word}={argv[i + 1]}" if word.startswith("--") else f"{word}{argv[i + 1]}")
            i += 2
            continue
        out.append(word)
        i += 1
    return out


def _load_numba_without_blas_probe() -> None:
    """Load numba's array-math registry with ``scipy.linalg`` hidden.

    numba's first kernel call imports that registry, which imports ``scipy.linalg``
    (0.2 s CPU and 18 MB, a fifth of the CLI's start-up) only to learn whether ``np.dot``
    may be compiled. No kernel of ours uses BLAS, so a CLI process loads the registry
    with the module hidden (numba records "no BLAS") and then un-hides it: a later
    ``import scipy.linalg`` works as usual. Only the command lines call this (their
    process is theirs alone); a library never changes another library's state.
    """
    if "numba.np.arraymath" in sys.modules or "scipy.linalg" in sys.modules:
        return
    sys.modules["scipy.linalg"] = None  # type: ignore[assignment]  # makes the import fail fast
    try:
        import numba.np.arraymath  # noqa: F401
    finally:
        del sys.modules["scipy.linalg"]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _load_numba_without_blas_probe()
    if argv and argv[0] not in SUBCOMMANDS and argv[0] not in ("-h", "--help", "--version"):
        from .dropin import main as dropin_main

        return dropin_main(argv)
    parser = _parser()
    if argv and argv[0] in SUBCOMMANDS:
        argv = _attach_dash_values(argv, parser)
    args = parser.parse_args(argv)
    try:
        return _run(args, argv) if args.command == "run" else _codelength(args)
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
