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
