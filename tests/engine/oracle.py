"""The official Infomap package as an oracle (a test dependency, never a runtime one)."""

from __future__ import annotations

import warnings

import infomap  # noqa: F401  -- a missing oracle must fail the tests, not skip them
import numpy as np

from infomap_core import Network


def _flags(directed: bool, flow_model: str | None, recorded: bool, to_nodes: bool, markov_time: float, extra: str) -> str:
    flags = ["--silent"]
    if flow_model:
        flags.append(f"--flow-model {flow_model}")
    elif directed:
        flags.append("--directed")
    if recorded:
        flags.append("--recorded-teleportation")
    if to_nodes:
        flags.append("--to-nodes")
    if markov_time != 1.0:
        flags.append(f"--markov-time {markov_time}")
    flags.append(extra)
    return " ".join(flags)


def official(network: Network, *, partition: dict | None = None, two_level: bool = True, seed: int = 123,
             num_trials: int = 1, flow_model: str | None = None, recorded: bool = False, to_nodes: bool = False,
             markov_time: float = 1.0, extra: str = ""):
    """Run the official Infomap on the same links (and node weights); return its result object."""
    flags = _flags(network.directed, flow_model, recorded, to_nodes, markov_time, extra)
    if two_level:
        flags += " --two-level"
    if partition is not None:
        flags += " --no-infomap"
    flags += f" --seed {seed} --num-trials {num_trials}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(flags)
        ids = network.node_ids
        numeric = ids.dtype.kind == "i"
        key = (lambda i: int(ids[i])) if numeric else (lambda i: i)
        for i in range(network.num_nodes):
            im.add_node(key(i), teleportation_weight=float(network.node_weights[i]))
        src, tgt, w = network.to_coo()
        for s, t, x in zip(src.tolist(), tgt.tolist(), w.tolist()):
            im.add_link(key(s), key(t), x)
        if partition is not None:
            im.run(initial_partition={(int(k) if numeric else int(network.index_of([k])[0])): v for k, v in partition.items()})
        else:
            im.run()
    return im


def official_flow(im, network: Network) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        flows = {n.node_id: n.flow for n in im.nodes}
    numeric = network.node_ids.dtype.kind == "i"
    return np.array([flows[int(i)] if numeric else flows[k] for k, i in enumerate(network.node_ids)])


def codelength_of(im) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(im.codelength)


def num_top_modules(im) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return int(im.num_top_modules)


def official_flags(options, flow_model: str) -> str:
    """The official command-line flags of an :class:`InfomapOptions` (flow part) for the
    resolved ``flow_model``."""
    flags = [f"--flow-model {flow_model}"]
    if options.recorded_teleportation:
        flags.append("--recorded-teleportation")
    if options.to_nodes:
        flags.append("--to-nodes")
    if options.teleportation_probability != 0.15:
        flags.append(f"--teleportation-probability {options.teleportation_probability!r}")
    if options.markov_time != 1.0:
        flags.append(f"--markov-time {options.markov_time!r}")
    if getattr(options, "variable_markov_time", False):
        flags.append(f"--variable-markov-time --variable-markov-damping {options.variable_markov_damping!r} "
                     f"--variable-markov-min-scale {options.variable_markov_min_scale!r}")
    if getattr(options, "use_node_weights_as_flow", False):
        flags.append("--use-node-weights-as-flow")
    if getattr(options, "regularized", False):
        flags.append(f"--regularized --regularization-strength {options.regularization_strength!r}")
    if options.entropy_corrected:
        flags.append(f"--entropy-corrected --entropy-correction-strength {options.entropy_correction_strength!r}")
    if options.preferred_number_of_modules:
        flags.append(f"--preferred-number-of-modules {options.preferred_number_of_modules}")
    if getattr(options, "skip_adjust_bipartite_flow", False):
        flags.append("--skip-adjust-bipartite-flow")
    if getattr(options, "bipartite_teleportation", False):
        flags.append("--bipartite-teleportation")
    return " ".join(f for f in flags if f)


def _official_score_of_relayed_tree(network: Network, paths, num_levels: int, flags: str) -> float:
    """A multilayer network relaxed to self (``network.self_relays``), scored by the official as
    explicit multilayer links with ``--multilayer-relax-to-self`` (a link between two states of
    one physical node is a relay there too). The official numbers the states itself: a first
    instance built the same way tells its state id of each (layer, node)."""
    import os
    import tempfile

    phys = network.physical_ids[network.physical].tolist()
    layers = network.layers.tolist()
    src, tgt, w = network.to_coo()
    flags = f"--silent --no-infomap {flags} --multilayer-relax-to-self"

    def built(extra: str):
        im = infomap.Infomap(f"{flags} {extra}")
        for s, t, x in zip(src.tolist(), tgt.tolist(), w.tolist()):
            im.add_multilayer_link((layers[s], phys[s]), (layers[t], phys[t]), x)
        return im

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        probe = built("--two-level")
        probe.run()
        ids = {(n.layer_id, n.node_id): n.state_id for n in probe.get_nodes(states=True)}
        if num_levels == 1:
            return float(probe.one_level_codelength)
        fd, name = tempfile.mkstemp(suffix=".tree")
        try:
            with os.fdopen(fd, "w") as f:
                f.write("# path flow name state_id node_id layer_id\n")
                for a, path in enumerate(paths):
                    f.write(f"{':'.join(map(str, path))} 0 \"n\" {ids[(layers[a], phys[a])]} {phys[a]} {layers[a]}\n")
            im = built(f"--cluster-data {name}")
            im.run()
            return float(im.codelength)
        finally:
            os.unlink(name)


def official_score_of_tree(network: Network, tree, options, flow_model: str, objective=None) -> float:
    """The official Infomap's codelength of our ``tree`` (``--no-infomap -c FILE.tree``).

    Node ids are written as 1-based indices, so string-id networks work too; a state
    network is given state by state with its physical nodes (1-based indices too). A one-level
    tree (every node under the root) is scored by ``--no-infomap`` alone: a tree file cannot say
    it, the official reads top-level leaves as modules of their own.
    """
    import os
    import tempfile

    paths = tree.paths()
    states = network.physical is not None
    if network.self_relays:
        return _official_score_of_relayed_tree(network, paths, tree.num_levels, official_flags(options, flow_model))
    fd, name = tempfile.mkstemp(suffix=".tree")
    try:
        with os.fdopen(fd, "w") as f:
            if states:
                f.write("# path flow name state_id node_id\n")
                for a, path in enumerate(paths):
                    f.write(f"{':'.join(map(str, path))} 0 \"n\" {a + 1} {int(network.physical[a]) + 1}\n")
            else:
                f.write("# path flow name node_id\n")
                for a, path in enumerate(paths):
                    f.write(f"{':'.join(map(str, path))} 0 \"n\" {a + 1}\n")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cluster = "" if tree.num_levels == 1 else f"--cluster-data {name}"
            flags = official_flags(options, flow_model)
            meta = objective is not None and objective.has_meta
            if meta:
                flags += f" --meta-data-rate {options.meta_data_rate!r}"
                flags += " --meta-data-unweighted" if options.meta_data_unweighted else ""
            im = infomap.Infomap(f"--silent --no-infomap {flags} {cluster}")
            node_weights = network.node_weights / max(float(network.node_weights.max()), 1e-300)
            src, tgt, w = network.as_arcs().to_coo()
            if w.max() > 1e100:  # only ratios matter (but for the entropy correction's total degree)
                w = w / w.max()  # and the official overflows near the float limits
            if states and (network.node_weights != 1.0).any():
                # state weights (teleportation) reach the official only through a *States file
                _read_weighted_states(im, network, src, tgt, w)
            else:
                for a in range(network.num_nodes):
                    if states:
                        im.add_state_node(a + 1, int(network.physical[a]) + 1)
                    else:
                        im.add_node(a + 1, teleportation_weight=float(node_weights[a]))
                for s, t, x in zip((src + 1).tolist(), (tgt + 1).tolist(), w.tolist()):
                    im.add_link(s, t, x)
            if meta:
                for a, c in enumerate(objective.meta_category.tolist()):
                    im.set_meta_data(a + 1, int(c))
            if network.bipartite_start is not None:
                im.bipartite_start_id = int(network.bipartite_start) + 1
            im.run()
            return float(im.codelength)
    finally:
        os.unlink(name)


def _read_weighted_states(im, network: Network, src, tgt, w) -> None:
    """Give ``im`` the state network with its state weights as a ``*States`` file (1-based ids)."""
    import os
    import tempfile

    lines = ["*States", *(f"{a + 1} {int(network.physical[a]) + 1} {float(network.node_weights[a])!r}"
                          for a in range(network.num_nodes)), "*Links"]
    lines += [f"{s} {t} {x!r}" for s, t, x in zip((src + 1).tolist(), (tgt + 1).tolist(), w.tolist())]
    fd, name = tempfile.mkstemp(suffix=".net")
    try:
        with os.fdopen(fd, "w") as f:
            f.write("\n".join(lines) + "\n")
        im.read_file(name)
    finally:
        os.unlink(name)


def official_run_on_paths(network: Network, paths: dict, flags: str, meta: dict | None = None):
    """The official Infomap run with ``--no-infomap`` on the tree ``paths`` ({node index:
    path tuple, top first, leaf rank last}) written as given: our own tree building is not
    involved, so the comparison also checks how we read paths. Node ids are 1-based
    indices; a state network is given by state and physical node. Returns the Infomap
    object after the run (read ``codelength``, ``one_level_codelength``, ``get_nodes``)."""
    import os
    import tempfile

    states = network.physical is not None
    fd, name = tempfile.mkstemp(suffix=".tree")
    try:
        with os.fdopen(fd, "w") as f:
            f.write("# path flow name state_id node_id\n" if states else "# path flow name node_id\n")
            for a, path in paths.items():
                physical = f" {int(network.physical[a]) + 1}" if states else ""
                f.write(f"{':'.join(map(str, path))} 0 \"n\" {a + 1}{physical}\n")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            im = infomap.Infomap(f"--silent --no-infomap {flags} --cluster-data {name}")
            for a in range(network.num_nodes):
                if states:
                    im.add_state_node(a + 1, int(network.physical[a]) + 1)
                else:
                    im.add_node(a + 1, teleportation_weight=float(network.node_weights[a]))
            src, tgt, w = network.as_arcs().to_coo()
            for s, t, x in zip((src + 1).tolist(), (tgt + 1).tolist(), w.tolist()):
                im.add_link(s, t, x)
            for a, category in (meta or {}).items():
                im.set_meta_data(a + 1, int(category))
            im.run()
        return im
    finally:
        os.unlink(name)


def official_search_codelength(network: Network, flags: str, categories: list | None = None) -> float:
    """The official's optimized codelength of ``network`` with ``flags`` (seed, trials, flow model,
    variants): nodes 1..n in our order, the links as stored, ``categories`` the meta-data category
    of each node in that order."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent {flags}")
        src, tgt, w = network.to_coo()
        for a in range(network.num_nodes):
            im.add_node(a + 1)
        for a, b, x in zip((src + 1).tolist(), (tgt + 1).tolist(), w.tolist()):
            im.add_link(a, b, x)
        for a, category in enumerate(categories or []):
            im.set_meta_data(a + 1, category)
        im.run()
        return float(im.codelength)


def flow_flags(flow_model: str, recorded: bool = False, to_nodes: bool = False, markov_time: float = 1.0) -> str:
    """The official flags of a flow model and its options."""
    flags = f"--flow-model {flow_model}"
    if recorded:
        flags += " --recorded-teleportation"
    if to_nodes:
        flags += " --to-nodes"
    if markov_time != 1.0:
        flags += f" --markov-time {markov_time!r}"
    return flags
