"""The official Infomap's command-line options, and which of them mapeq supports.

:data:`OPTIONS` is the one table of the official options (Infomap 2.16, ``infomap -hh``):
their short and long names, what kind of value they take, and for the supported ones the
mapeq Python keyword and REST field. The drop-in command line
(:mod:`infomap_core.dropin`) is built from it, the file headers use it to write the
command line equivalent to a run's options (:func:`equivalent_flags`), and
``docs/command-line.md`` prints it. An official option that mapeq does not support is
refused by name, never ignored.

Examples
--------
>>> from infomap_core import InfomapOptions
>>> equivalent_flags(InfomapOptions(two_level=True, num_trials=10, seed=7))
['--two-level', '--num-trials', '10', '--seed', '7']
>>> equivalent_flags(InfomapOptions(entropy_corrected=True, preferred_number_of_modules=3))
['--entropy-corrected', '--preferred-number-of-modules', '3']
>>> equivalent_flags(InfomapOptions(fast_hierarchical_solution=2, node_limit=100))
['-FF', '--node-limit', '100']
>>> find_option("-N").long
'--num-trials'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .infomap import InfomapOptions

__all__ = ["OfficialOption", "OPTIONS", "OUTPUT_FORMATS", "find_option", "equivalent_flags", "options_table",
           "refusal"]


@dataclass(frozen=True)
class OfficialOption:
    """One official option. ``kind``: flag, count, int, float, str or list (comma list).

    ``python``, ``rest`` and ``run`` say where the same setting lives in mapeq's Python API,
    REST API and own command line (None: nowhere else); ``supported=False`` options are
    refused by name.
    """

    long: str
    short: str | None = None
    kind: str = "flag"
    python: str | None = None
    rest: str | None = None
    help: str = ""
    supported: bool = True
    run: str | None = None  # the same setting in ``mapeq run`` / ``mapeq codelength``
    setting: str | None = None  # the SearchSettings field it sets
    minimum: float | None = None  # smallest accepted value
    maximum: int | None = None  # a counted option: repeats beyond this count as this (the official's -FFFF is -FFF)
    engine: str | None = None  # the InfomapOptions field it sets (the value as given)
    why: str = ""  # for an unsupported option: why (ends the refusal message)

    @property
    def dest(self) -> str:
        return self.long.lstrip("-").replace("-", "_")

    @property
    def takes_value(self) -> bool:
        return self.kind in ("int", "float", "str", "list")


_S = OfficialOption
OPTIONS: tuple[OfficialOption, ...] = (
    # About
    _S("--help", "-h", "count", help="print this help"),
    _S("--version", "-V", help="print the version"),
    # Input
    _S("--cluster-data", "-c", "str", "run_infomap(initial_partition=...)", "initial_partition",
       "start from a .clu partition or the top modules of a .tree/.ftree (with --no-infomap: score it)",
       run="-c, --cluster-data"),
    _S("--no-infomap", None, "flag", "compute_codelength(network, partition)", "POST /v1/codelength",
       "do not optimize: write the --cluster-data tree (every node its own module without it) and its "
       "codelength", run="mapeq codelength --partition"),
    # Algorithm
    _S("--two-level", "-2", "flag", "InfomapOptions.two_level", "two_level", "a flat partition instead of a hierarchy",
       run="-2, --two-level"),
    _S("--flow-model", "-f", "str", "InfomapOptions.flow_model", "flow_model",
       "undirected, directed, undirdir, outdirdir or rawdir", run="-f, --flow-model"),
    _S("--directed", "-d", "flag", "InfomapOptions.directed", "directed", "links are arcs (flow model directed)",
       run="-d, --directed"),
    _S("--recorded-teleportation", "-e", "flag", "InfomapOptions.recorded_teleportation", "recorded_teleportation",
       "code the teleportation steps too", run="-e, --recorded-teleportation"),
    _S("--to-nodes", None, "flag", "InfomapOptions.to_nodes", "to_nodes", "teleport to nodes instead of links",
       run="--to-nodes"),
    _S("--teleportation-probability", "-p", "float", "InfomapOptions.teleportation_probability",
       "teleportation_probability", "teleportation probability of the directed flow (default 0.15)",
       run="-p, --teleportation-probability"),
    _S("--markov-time", None, "float", "InfomapOptions.markov_time", "markov_time",
       "scale link flow; larger gives fewer modules (default 1)", run="--markov-time"),
    _S("--variable-markov-time", None, "flag", "InfomapOptions.variable_markov_time", "variable_markov_time",
       "a local Markov time per node: longer where the network is sparse (fewer modules there)",
       run="--variable-markov-time", engine="variable_markov_time"),
    _S("--variable-markov-damping", None, "float", "InfomapOptions.variable_markov_damping",
       "variable_markov_damping", "with --variable-markov-time: local scale from the effective degree (0) to its "
       "log, the local entropy (1, the default)", run="--variable-markov-damping", engine="variable_markov_damping"),
    _S("--variable-markov-min-scale", None, "float", "InfomapOptions.variable_markov_min_scale",
       "variable_markov_min_scale", "with --variable-markov-time: the smallest local scale (default 1)",
       run="--variable-markov-min-scale", engine="variable_markov_min_scale"),
    # Map-equation variants
    _S("--regularized", None, "flag", "InfomapOptions.regularized", "regularized",
       "add a Bayesian prior network against overfitting sparse data (codes its steps as recorded teleportation)",
       run="--regularized", engine="regularized"),
    _S("--regularization-strength", None, "float", "InfomapOptions.regularization_strength",
       "regularization_strength", "scale of the prior network (default 1)", run="--regularization-strength",
       engine="regularization_strength"),
    _S("--entropy-corrected", None, "flag", "InfomapOptions.entropy_corrected", "entropy_corrected",
       "correct the entropy bias of small samples (fewer modules in sparse data)", run="--entropy-corrected",
       engine="entropy_corrected"),
    _S("--entropy-correction-strength", None, "float", "InfomapOptions.entropy_correction_strength",
       "entropy_correction_strength", "scale of the entropy correction (default 1)",
       run="--entropy-correction-strength", engine="entropy_correction_strength"),
    _S("--preferred-number-of-modules", None, "int", "InfomapOptions.preferred_number_of_modules",
       "preferred_number_of_modules", "one bit per top module more or fewer than this (default 0: none)",
       run="--preferred-number-of-modules", engine="preferred_number_of_modules"),
    _S("--preferred-number-of-levels", None, "int", "InfomapOptions.preferred_number_of_levels",
       "preferred_number_of_levels", "multilevel: of the trees a trial builds (found, levels collapsed, top "
       "modules grouped deeper), the one of least codelength + strength x levels away from this; default 0: none; "
       "mapeq's own semantics, not the official's (docs/command-line.md); with --two-level only 2",
       run="--preferred-number-of-levels", engine="preferred_number_of_levels"),
    _S("--preferred-number-of-levels-strength", None, "float", "InfomapOptions.preferred_number_of_levels_strength",
       "preferred_number_of_levels_strength", "bits per level away from --preferred-number-of-levels (default 1; "
       "0: the plain search)", run="--preferred-number-of-levels-strength",
       engine="preferred_number_of_levels_strength", minimum=0),
    _S("--meta-data", None, "str", "run_infomap(meta_data=...)", "meta_data",
       "a .clu file of a category per node, coded with the modules (the meta map equation)",
       run="--meta-data"),
    _S("--meta-data-rate", None, "float", "InfomapOptions.meta_data_rate", "meta_data_rate",
       "with --meta-data: bits of meta data per step (default 1)", run="--meta-data-rate", engine="meta_data_rate"),
    _S("--meta-data-unweighted", None, "flag", "InfomapOptions.meta_data_unweighted", "meta_data_unweighted",
       "with --meta-data: weigh categories by node count instead of node flow", run="--meta-data-unweighted",
       engine="meta_data_unweighted"),
    # Accuracy
    _S("--seed", "-s", "int", "InfomapOptions.seed", "seed", "random seed (default 123)", run="-s, --seed"),
    _S("--num-trials", "-N", "int", "InfomapOptions.num_trials", "num_trials", "trials; the shortest wins (default 1)",
       run="-N, --num-trials"),
    _S("--converge", None, "flag", "InfomapOptions.converge", None,
       "--num-trials is a cap (default 50): stop once 5 trials in a row did not shorten the best codelength",
       run="--converge", engine="converge"),
    _S("--core-loop-limit", "-M", "int", "SearchSettings.core_loop_limit", None,
       "core loops that move each node (default 10)", setting="core_loop_limit", minimum=1),
    _S("--tune-iteration-limit", "-T", "int", "SearchSettings.max_tune_iterations", None,
       "fine/coarse-tune iterations, 0 = until an iteration gains less than the relative threshold "
       "or, on 10,000 units or more, than 5% of the tuning's gain so far (the default)",
       run="-T, --tune-iteration-limit", setting="max_tune_iterations", minimum=0),
    _S("--core-level-limit", "-L", "int", "SearchSettings.core_level_limit", None,
       "most levels of core loops: the network, then each aggregated module network (default 0: no limit)",
       setting="core_level_limit", minimum=0),
    _S("--core-loop-codelength-threshold", None, "float", "SearchSettings.core_loop_threshold", None,
       "smallest codelength gain a core loop accepts (default 1e-10)", setting="core_loop_threshold", minimum=0),
    _S("--tune-iteration-relative-threshold", None, "float", "SearchSettings.tune_relative_threshold", None,
       "smallest tune gain, relative to the one-level codelength (default 1e-5; 10x that on state networks)",
       setting="tune_relative_threshold", minimum=0),
    _S("--num-random-moves", None, "int", "SearchSettings.num_random_moves", None,
       "random moves per core loop for low-degree nodes (default 5)", setting="num_random_moves", minimum=0),
    _S("--max-degree-for-random-moves", None, "int", "SearchSettings.max_degree_for_random_moves", None,
       "largest degree of a node tried with random moves (default 2)", setting="max_degree_for_random_moves",
       minimum=0),
    _S("--fast-hierarchical-solution", "-F", "count", "InfomapOptions.fast_hierarchical_solution",
       "fast_hierarchical_solution", "a quicker hierarchy: -F finds the top modules by untuned searches, then "
       "the sub-modules as usual; -FF and -FFF keep every such level over the two-level modules",
       run="-F, --fast-hierarchical-solution", engine="fast_hierarchical_solution", maximum=3),
    _S("--prefer-modular-solution", None, "flag", "SearchSettings.prefer_modular_solution", None,
       "keep a partition of two or more modules even when one module is shorter",
       run="--prefer-modular-solution", setting="prefer_modular_solution"),
    _S("--use-node-weights-as-flow", None, "flag", "InfomapOptions.use_node_weights_as_flow",
       "use_node_weights_as_flow", "node flow = the node weights (Pajek vertex weights), normalized; "
       "undirected flow model", engine="use_node_weights_as_flow"),
    # Input links
    _S("--no-self-links", None, "flag", "network.without_links(self_links=True)", None,
       "leave out self-links (they are kept by default)", run="--no-self-links"),
    _S("--weight-threshold", None, "float", "network.without_links(weight_below=X)", None,
       "leave out links of weight below X (default 0: none)", run="--weight-threshold", minimum=0),
    _S("--node-limit", None, "int", "InfomapOptions.node_limit", "node_limit",
       "read only the nodes of id at most N and the links between them (default 0: every node; the official 2.16 "
       "documents this but reads every node)", run="--node-limit", engine="node_limit", minimum=1),
    # Output
    _S("--out-name", None, "str", help="base name of the output files (default: the network file's stem)"),
    _S("--no-file-output", "-0", help="write no files"),
    _S("--tree", None, help="write NAME.tree (the default when no format is chosen)"),
    _S("--ftree", None, help="write NAME.ftree (the tree and the flow between modules)"),
    _S("--clu", None, help="write NAME.clu (module of each node at --clu-level)"),
    _S("--clu-level", None, "int", "render(result, 'clu', clu_level=...)", None,
       "module level of the .clu: 1 top modules, -1 bottom modules (default 1)", run="--clu-level"),
    _S("--output", "-o", "list", "render(result, format)", "GET /v1/jobs/{id}/result?format=",
       "comma list of clu, tree, ftree, newick, json (the official schema), csv", run="--output"),
    _S("--print-all-trials", None, help="also write each trial's files (NAME_trial_K.EXT)"),
    _S("--verbose", "-v", "count", help="more console output (-vv, -vvv: more still)"),
    _S("--silent", None, help="no console output"),
    _S("--pretty", None, help="no-op (deprecated in the official Infomap too)"),
    # Higher-order networks (multilayer files, *Intra only for most; bipartite files)
    _S("--multilayer-relax-rate", None, "float", "Network.from_multilayer(relax_rate=...)", "layers.relax_rate",
       "probability to relax to another layer, intra-only multilayer networks (default 0.15)",
       run="--multilayer-relax-rate"),
    _S("--multilayer-relax-limit", None, "int", "Network.from_multilayer(relax_limit=...)", "layers.relax_limit",
       "relax only to layers at most this many layer ids away (default -1: any)",
       run="--multilayer-relax-limit"),
    _S("--multilayer-relax-limit-up", None, "int", "Network.from_multilayer(relax_limit_up=...)",
       "layers.relax_limit_up", "the same cap towards higher layer ids (default -1: any)",
       run="--multilayer-relax-limit-up"),
    _S("--multilayer-relax-limit-down", None, "int", "Network.from_multilayer(relax_limit_down=...)",
       "layers.relax_limit_down", "the same cap towards lower layer ids (default -1: any)",
       run="--multilayer-relax-limit-down"),
    _S("--multilayer-relax-by-jsd", None, "flag", "Network.from_multilayer(relax_by_jsd=True)",
       "layers.relax_by_jsd", "intra-only multilayer networks: relax to layers in proportion to out-link "
       "similarity (1 - Jensen-Shannon divergence)", run="--multilayer-relax-by-jsd"),
    _S("--multilayer-relax-to-self", None, "flag", "Network.from_multilayer(relax_to_self=True)",
       "layers.relax_to_self", "relax through the node's own state in the target layer (a smaller state "
       "network, the same state flow)", run="--multilayer-relax-to-self"),
    _S("--skip-adjust-bipartite-flow", None, "flag", "InfomapOptions.skip_adjust_bipartite_flow",
       "skip_adjust_bipartite_flow", "bipartite networks: keep flow on the feature nodes",
       run="--skip-adjust-bipartite-flow"),
    _S("--bipartite-teleportation", None, "flag", "InfomapOptions.bipartite_teleportation",
       "bipartite_teleportation", "bipartite networks, directed: teleport between primary nodes on the "
       "two-step walk", run="--bipartite-teleportation", engine="bipartite_teleportation"),
    _S("--hide-bipartite-nodes", None, "flag", "render(result, format, hide_bipartite_nodes=True)",
       "hide_bipartite_nodes", "bipartite networks: leave the feature nodes out of the node rows of the "
       "output", run="--hide-bipartite-nodes"),
) + tuple(
    _S(name, short, kind, supported=False)
    for name, short, kind in (
        ("--completion", None, "str"), ("--print-json-parameters", None, "flag"),
        ("--include-self-links", "-k", "flag"),
        ("--matchable-multilayer-ids", None, "int"), ("--assign-to-neighbouring-module", None, "flag"),
        ("--max-flow-iterations", None, "int"),
        ("--min-flow-iterations", None, "int"), ("--flow-tolerance", None, "float"),
        ("--intra-regularization-strength", None, "float"), ("--inter-regularization-strength", None, "float"),
        ("--multilayer-skip-absent-nodes", None, "flag"),
        ("--inner-parallelization", None, "flag"),
        ("--parallel-trials", None, "flag"), ("--num-threads", None, "str"),
        ("--threads", None, "str"),
        ("--no-overwrite", None, "flag"),
        ("--print-config-fingerprint", None, "flag"), ("--timing-json", None, "str"),
        ("--summary-json", None, "str"), ("--manifest-json", None, "str"), ("--memory-report", None, "flag"),
        ("--trial-offset", None, "int"), ("--trial-results", None, "str"), ("--no-final-output", None, "flag"),
    )
)

#: ``-o`` formats of the official Infomap: the ones mapeq writes, and the ones it refuses by name.
#: ``states`` adds, for a state (memory, multilayer) network, ``NAME_states.tree`` and
#: ``NAME_states.net`` (and ``NAME_states.clu`` with ``clu``) to the physical-level files.
OUTPUT_FORMATS = {"clu": True, "tree": True, "ftree": True, "newick": True, "json": True, "csv": True,
                  "network": False, "states": True, "flow": False}

_BY_NAME = {name: o for o in OPTIONS for name in (o.long, o.short) if name}


def refusal(option: OfficialOption, spelled: str | None = None) -> str:
    """The error message for an unsupported official option (named as ``spelled``)."""
    why = f": {option.why}" if option.why else " (docs/command-line.md lists the supported ones)"
    return f"the official option {spelled or option.long!r} is not supported by mapeq{why}"


def find_option(name: str) -> OfficialOption | None:
    """The option spelled ``name`` (``-N`` or ``--num-trials``), None if the official has none."""
    return _BY_NAME.get(name)


def equivalent_flags(options: "InfomapOptions") -> list[str]:
    """Official flags that give ``options`` (defaults left out), for a file's command-line line."""
    default = type(options)()
    flags: list[str] = []
    if options.two_level:
        flags.append("--two-level")
    if options.flow_model:
        flags += ["--flow-model", options.flow_model]
    elif options.directed:
        flags.append("--directed")
    if options.recorded_teleportation:
        flags.append("--recorded-teleportation")
    if options.to_nodes:
        flags.append("--to-nodes")
    if options.teleportation_probability != default.teleportation_probability:
        flags += ["--teleportation-probability", f"{options.teleportation_probability:g}"]
    if options.markov_time != default.markov_time:
        flags += ["--markov-time", f"{options.markov_time:g}"]
    if options.num_trials != default.num_trials:
        flags += ["--num-trials", str(options.num_trials)]
    if options.seed != default.seed:
        flags += ["--seed", str(options.seed)]
    for option in OPTIONS:
        if option.engine is None:
            continue
        value = getattr(options, option.engine)
        if value == getattr(default, option.engine):
            continue
        if option.kind == "count":
            flags.append("-" + option.short.lstrip("-") * int(value))
        else:
            flags += [option.long] if option.kind == "flag" else [option.long, f"{value:g}" if option.kind == "float"
                                                                   else str(value)]
    return flags


def options_table() -> str:
    """The Markdown table of ``docs/command-line.md``: every official option and where it lives in mapeq."""

    def cell(text: str | None) -> str:
        return f"`{text}`" if text else "-"

    rows = ["| official option (the same in `mapeq NETWORK OUT_DIR`) | what it does | `mapeq run` | Python | REST |",
            "|---|---|---|---|---|"]
    for o in OPTIONS:
        names = ", ".join(n for n in (o.short, o.long) if n)
        if o.supported:
            rows.append(f"| `{names}` | {o.help} | {cell(o.run)} | {cell(o.python)} | {cell(o.rest)} |")
    unsupported = ", ".join(f"`{o.long}`" for o in OPTIONS if not o.supported and not o.why)
    rows.append(f"| {unsupported} | refused by name (not supported yet) | - | - | - |")
    for o in OPTIONS:
        if not o.supported and o.why:
            names = ", ".join(n for n in (o.short, o.long) if n)
            rows.append(f"| `{names}` | refused by name: {o.why} | - | - | - |")
    return "\n".join(rows) + "\n"
