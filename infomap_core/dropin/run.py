"""Run an official command line: read the network, optimize (or score a given tree), write the
files the official Infomap writes, named and headed as it names and heads them.

Files go to ``OUT_DIR/NAME.EXT`` with ``NAME`` the network file's stem or ``--out-name``;
``--print-all-trials`` adds ``NAME_trial_K.EXT`` for each trial K (1-based). Without any
format option the ``.tree`` is written, as by the official. ``-o json`` is the official
JSON document.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from .. import __version__
from ..cli_io import DIRECTED_FLOW_MODELS, read_cluster_file, read_meta_data
from ..errors import OptionError
from ..formats import FORMATS, FileInfo, RunInfo, render, render_official_json
from .. import infomap as engine  # engine.best_of etc. looked up at call time (tests wrap best_of)
from ..infomap import InfomapOptions, InfomapResult, Problem, TrialResult
from ..official_options import OPTIONS, OUTPUT_FORMATS
from ..optimizer import SearchSettings
from ..progress import progress_wanted, trial_progress
from ..tree import Tree
from .arguments import DropinArgs

__all__ = ["run", "run_trials", "fixed_result", "output_formats", "engine_options", "search_settings",
           "input_links"]


def output_formats(args: DropinArgs) -> list[str]:
    """The formats to write, in the order asked (``-o`` list, then ``--tree``/``--ftree``/``--clu``)."""
    chosen: list[str] = []
    for name in [*(args.output or []), *(n for n in ("tree", "ftree", "clu") if getattr(args, n))]:
        if name not in OUTPUT_FORMATS:
            raise OptionError(f"unknown output format {name!r}; expected a comma list of "
                              f"{', '.join(n for n, ok in OUTPUT_FORMATS.items() if ok)}", field="output")
        if not OUTPUT_FORMATS[name]:
            raise OptionError(f"the official output format {name!r} is not supported by mapeq", field="output")
        if name not in chosen:
            chosen.append(name)
    return chosen or ["tree"]


def engine_options(args: DropinArgs) -> tuple[InfomapOptions, SearchSettings]:
    """The engine's options and search settings of the official flags (defaults: the engine's)."""
    given = {k: v for k, v in args.values.items() if v is not None}
    valued = ("flow_model", "teleportation_probability", "markov_time", "num_trials", "seed")
    options = InfomapOptions(
        two_level=bool(args.two_level),
        directed=True if args.directed else None,
        recorded_teleportation=bool(args.recorded_teleportation),
        to_nodes=bool(args.to_nodes),
        skip_adjust_bipartite_flow=bool(args.skip_adjust_bipartite_flow),
        **{name: given[name] for name in valued if name in given},
        **{o.engine: _checked(o, given[o.dest]) for o in OPTIONS if o.engine and o.dest in given},
    )
    if options.converge and "num_trials" not in given:  # the official's default cap
        options = replace(options, num_trials=engine.CONVERGE_DEFAULT_CAP)
    return options, search_settings(given)


def _checked(option, value):
    """``value`` of an engine option as the official takes it: at least ``option.minimum``, a count
    beyond ``option.maximum`` counted as the maximum."""
    if option.minimum is not None and value < option.minimum:
        raise OptionError(f"{option.long} must be >= {option.minimum:g}, got {value}", field=option.dest)
    return min(value, option.maximum) if option.maximum is not None else value


def search_settings(values: dict) -> SearchSettings:
    """The engine's search settings with the official search options in ``values`` (by ``dest``)
    applied; ``-T 0`` is the engine's default, tuning until the gain is below the threshold."""
    settings = SearchSettings()
    for option in OPTIONS:
        if option.setting is None or values.get(option.dest) is None:
            continue
        value = values[option.dest]
        if option.minimum is not None and value < option.minimum:
            raise OptionError(f"{option.long} must be >= {option.minimum:g}, got {value}", field=option.dest)
        if option.setting == "max_tune_iterations" and value == 0:
            continue
        settings = replace(settings, **{option.setting: value})
    return settings


def input_links(network, no_self_links: bool, weight_threshold: float | None):
    """The network without the links ``--no-self-links`` and ``--weight-threshold`` leave out."""
    if weight_threshold is not None and not weight_threshold >= 0:
        raise OptionError(f"--weight-threshold must be >= 0, got {weight_threshold}", field="weight_threshold")
    if not no_self_links and not weight_threshold:
        return network
    return network.without_links(self_links=no_self_links, weight_below=weight_threshold or None)


def fixed_result(problem: Problem, options: InfomapOptions, tree: Tree, *, elapsed: float,
                 started_at: float | None = None) -> InfomapResult:
    """The result of a given tree, as if one trial had found it in ``elapsed`` seconds (``--no-infomap``)."""
    total, _, _ = tree.codelength()
    trial = TrialResult(trial=0, seed=int(options.seed), codelength=total, tree=tree, elapsed=elapsed)
    return engine.best_of(problem, options, [trial], elapsed=elapsed, started_at=started_at)


class _Console:
    """Console lines on stdout: none with --silent, more with -v."""

    def __init__(self, args: DropinArgs, out: TextIO):
        self.level = -1 if args.silent else int(args.verbose or 0)
        self.out = out

    def say(self, text: str, level: int = 0) -> None:
        if self.level >= level:
            self.out.write(text + "\n")
            self.out.flush()


def run(args: DropinArgs, argv: list[str], out: TextIO | None = None) -> int:
    if args.network is None or args.out_dir is None:
        missing = "NETWORK and OUT_DIR" if args.network is None else "OUT_DIR"
        raise OptionError(f"missing {missing}: mapeq NETWORK OUT_DIR [options]", field="arguments")
    formats = output_formats(args)
    options, settings = engine_options(args)
    console = _Console(args, out or sys.stdout)
    started_at, start = time.time(), time.perf_counter()
    network, info = _read_input(args, argv, options)
    network, = engine.node_limited(input_links(network, bool(args.no_self_links), args.weight_threshold), options)
    console.say(f"mapeq v{__version__}: {args.network} -> {args.out_dir}")
    console.say(f"  network   {network.num_nodes} nodes, {network.num_links} links, "
                f"flow model {options.resolved_flow_model(network)}")
    cluster = None
    if args.cluster_data:
        cluster = read_cluster_file(args.cluster_data, field="cluster_data")
        info = replace(info, cluster_data=FileInfo.of(args.cluster_data))
    meta_data = None
    if args.meta_data:
        _, meta_data = engine.node_limited(network, options, read_meta_data(args.meta_data))
        labels = dict(zip(network.index_of(meta_data.keys(), field_name="meta_data").tolist(),
                          map(str, meta_data.values())))
        info = replace(info, meta_data=FileInfo.of(args.meta_data),
                       meta_labels=tuple(labels.get(a, "") for a in range(network.num_nodes)))
    elif network.meta_data is not None:  # the input's own (official JSON nodes[].meta), in the JSON output too
        info = replace(info, meta_labels=tuple(str(network.meta_data.get(i, "")) for i in network.node_ids.tolist()))
    if args.no_infomap:
        options = replace(options, num_trials=1)
        result = _score(network, options, cluster, meta_data, started_at)
        trials: list[TrialResult] = []
        problem = None
    else:
        initial = {k: (v[0] if isinstance(v, tuple) else v) for k, v in cluster.items()} if cluster else None
        problem = engine.prepare(network, options, initial, meta_data)
        trials = run_trials(problem, options, settings, show_progress=progress_wanted(bool(args.silent)),
                            on_trial=lambda t: console.say(
                                f"  trial {t.trial + 1}/{options.num_trials} codelength {t.codelength:.9f} bits, "
                                f"{t.tree.num_top_modules} top modules, {t.tree.num_levels} levels ({t.elapsed:.3g} s)"))
        result = engine.best_of(problem, options, trials, elapsed=time.perf_counter() - start, started_at=started_at)
    console.say(f"  best      codelength {result.codelength:.9f} bits in {result.num_levels} levels with "
                f"{result.num_modules} top modules (one-level {result.one_level_codelength:.9f}, "
                f"relative savings {100 * result.relative_codelength_savings:.2f}%)")
    if options.preferred_number_of_levels and trials:
        console.say(f"  preferred {options.preferred_number_of_levels} levels: penalty {result.level_penalty:.9f} bits "
                    f"({options.preferred_number_of_levels_strength:g} per level away; not in the codelength)")
    console.say(f"  levels    codelength per depth: {' '.join(f'{x:.6f}' for x in result.level_codelengths)}", 1)
    if args.no_file_output:
        return 0
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = args.out_name or Path(args.network).stem
    _write(out_dir, name, result, formats, info, args, console)
    if args.print_all_trials and len(trials) > 1:
        for trial in trials:
            single = engine.best_of(problem, options, [trial], elapsed=trial.elapsed, started_at=started_at)
            _write(out_dir, f"{name}_trial_{trial.trial + 1}", single, formats,
                   replace(info, trials_done=trial.trial + 1), args, console)
    return 0


def _read_input(args: DropinArgs, argv: list[str], options: InfomapOptions):
    from ..io import parse_network
    from ..io._common import read_bytes

    path = args.network
    if not os.path.exists(path):
        raise OptionError(f"no such file: {path}", field="network")
    raw = read_bytes(path)
    directed = bool(options.directed) or options.flow_model in DIRECTED_FLOW_MODELS
    network = parse_network(raw, directed=True if directed else None, relax=relax_options(args))
    return network, RunInfo(command_line=tuple(argv), input=FileInfo.of(path, raw))


def relax_options(args: DropinArgs):
    """The multilayer relaxation of the ``--multilayer-relax-*`` flags (defaults: the official's)."""
    from ..multilayer import RELAX_RATE, RelaxOptions

    def given(name, default):
        value = args.values.get(name)
        return default if value is None else value

    return RelaxOptions(rate=float(given("multilayer_relax_rate", RELAX_RATE)),
                        limit=int(given("multilayer_relax_limit", -1)),
                        limit_up=int(given("multilayer_relax_limit_up", -1)),
                        limit_down=int(given("multilayer_relax_limit_down", -1)),
                        by_jsd=bool(given("multilayer_relax_by_jsd", False)),
                        to_self=bool(given("multilayer_relax_to_self", False)))


def _score(network, options: InfomapOptions, cluster: dict | None, meta_data: dict | None,
           started_at: float) -> InfomapResult:
    from ..infomap import compute_codelength

    start = time.perf_counter()
    problem = engine.prepare(network, options, meta_data=meta_data)
    cluster = cluster or network.initial_partition  # the input's own start partition (official JSON paths)
    if cluster:
        tree = compute_codelength(network, cluster, options).tree
    else:
        tree = Tree.one_level(problem.flow)
    return fixed_result(problem, options, tree, elapsed=time.perf_counter() - start, started_at=started_at)


def run_trials(problem: Problem, options: InfomapOptions, settings: SearchSettings | None = None, *,
               show_progress: bool = False, on_trial=None) -> list[TrialResult]:
    """Every trial of ``options`` in turn, with a progress display (trials, best codelength, time)."""
    trials: list[TrialResult] = []
    with trial_progress(options.num_trials, show_progress) as update:
        for j in range(options.num_trials):
            trial = engine.run_trial(problem, options, j, settings)
            trials.append(trial)
            update(j + 1, options.num_trials, min(t.codelength for t in trials))
            if on_trial is not None:
                on_trial(trial)
            if options.converge and engine.converged([t.score for t in trials]):
                break
    return trials


def _write(out_dir: Path, name: str, result: InfomapResult, formats: list[str], info: RunInfo,
           args: DropinArgs, console: _Console) -> None:
    if "states" in formats:
        formats = [f for f in formats if f != "states"] or ["tree"]
        if result.network.is_state_network:
            _write_states(out_dir, name, result, formats, info, args, console)
    for fmt in formats:
        path = out_dir / f"{name}{FORMATS[fmt].extension}"
        hide = bool(args.hide_bipartite_nodes)
        if fmt == "json":
            text = render_official_json(result, info, hide_bipartite_nodes=hide)
        else:
            text = render(result, fmt, clu_level=args.clu_level if args.clu_level is not None else 1, info=info,
                          hide_bipartite_nodes=hide)
        path.write_text(text, encoding="utf-8")
        console.say(f"  wrote     {path}")


def _write_states(out_dir: Path, name: str, result: InfomapResult, formats: list[str], info: RunInfo,
                  args: DropinArgs, console: _Console) -> None:
    """``-o states``: the state-level files beside the physical-level ones, as the official names them."""
    from ..formats.json_formats import render_official_json
    from ..formats.text import (render_newick, render_states_clu, render_states_csv, render_states_ftree,
                                render_states_net, render_states_tree)

    level = args.clu_level if args.clu_level is not None else 1
    texts = {"_states.net": render_states_net(result, info), "_states.tree": render_states_tree(result, info)}
    if "clu" in formats:
        texts["_states.clu"] = render_states_clu(result, level, info)
    if "csv" in formats:
        texts["_states.csv"] = render_states_csv(result, info)
    if "newick" in formats:
        texts["_states.nwk"] = render_newick(result, info, states=True)
    if "ftree" in formats:
        texts["_states.ftree"] = render_states_ftree(result, info)
    if "json" in formats:
        texts["_states.json"] = render_official_json(result, info, state_level=True)
    for suffix, text in texts.items():
        path = out_dir / f"{name}{suffix}"
        path.write_text(text, encoding="utf-8")
        console.say(f"  wrote     {path}")
