"""Flow models: from link weights to the visit rates the map equation codes.

``compute_flow`` returns a :class:`FlowGraph`: node flow ``p``, per-link flow, the
node enter/exit flow used by the optimizer, and (for recorded teleportation) the
node teleportation flow ``t`` and weight ``w``.

Models (as the official Infomap defines them):

* ``undirected``: ``p_a = s_a / S`` with ``s_a`` the strength and ``S`` the total
  strength (self-links counted once); a link carries ``2 w / S`` (``w / S`` for a self-link).
* ``directed``: PageRank by power iteration with teleportation probability ``tau``.
  Teleportation goes to links (node ``a`` receives in proportion to its out-weight,
  in-weight when recorded) or, with ``to_nodes``, in proportion to node weights.
  Dangling nodes teleport. Unrecorded (the default): one last step without
  teleportation, renormalised by ``1 - dangling``; link flow ``p_a w_ab / w_a``.
  Recorded: link flow ``(1 - tau) p_a w_ab / w_a`` and teleportation enters the
  enter/exit flow of modules.
* ``undirdir``: the undirected visit rates, then one directed step.
* ``outdirdir``: visit rates from out-links only, then one directed step.
* ``rawdir``: link weights are the link flow; node flow is the inflow.

``markov_time`` scales the link flow (not the node flow): larger values give
fewer, larger modules. ``variable_markov_time`` scales it by a local Markov time per
node on top (:func:`local_markov_times`). Self-links never add to enter/exit flow.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numba
import numpy as np
from numba import njit

from .errors import NetworkError, OptionError
from .parallel import PARALLEL_MIN_LINKS, symmetric_pair_counts, symmetric_pairs
from .network import Network

__all__ = ["FLOW_MODELS", "FlowGraph", "compute_flow", "regularized_walk", "local_markov_times", "local_scale"]

FLOW_MODELS = ("undirected", "directed", "undirdir", "outdirdir", "rawdir")


@dataclass(frozen=True, eq=False)
class FlowGraph:
    """Flow on a network, ready for the map equation.

    ``link_source/link_target/link_flow`` are the network's stored links (self-links
    included) with their flow after Markov-time scaling. ``pair_*`` is a symmetric CSR
    without self-links: entry (a, b) is the total link flow between a and b in both
    directions, which is all a move of a node needs.
    """

    node_flow: np.ndarray
    enter: np.ndarray
    exit: np.ndarray
    tele_flow: np.ndarray
    tele_weight: np.ndarray
    link_indptr: np.ndarray
    link_target: np.ndarray
    link_flow: np.ndarray
    pair_indptr: np.ndarray
    pair_indices: np.ndarray
    pair_flow: np.ndarray
    flow_model: str
    recorded: bool
    teleportation_probability: float
    pagerank_iterations: int = 0
    pagerank_error: float = 0.0
    physical: np.ndarray | None = None  # physical node of each (state) node; None: first order

    @property
    def num_nodes(self) -> int:
        return int(self.node_flow.shape[0])

    @property
    def num_physical(self) -> int:
        return self.num_nodes if self.physical is None else int(self.physical.max()) + 1

    def physical_flow(self) -> np.ndarray:
        """Flow of each physical node: the summed flow of its state nodes."""
        if self.physical is None:
            return self.node_flow
        return np.bincount(self.physical, weights=self.node_flow, minlength=self.num_physical)

    def without_pairs(self) -> "FlowGraph":
        """This flow without its pair CSR (no pairs: ``pair_indptr`` zeros, the others empty), which
        only the search reads: trees, codelengths and every output format read the node and link
        flow. The command line drops it once the trials are done (10M-link planted network: 248 MB
        of 1.1 GB)."""
        return replace(self, pair_indptr=np.zeros_like(self.pair_indptr), pair_indices=self.pair_indices[:0].copy(),
                       pair_flow=np.zeros(0))

    @property
    def link_source(self) -> np.ndarray:
        """Source node of every link (computed on demand: it is not kept, to save memory)."""
        return np.repeat(np.arange(self.num_nodes, dtype=np.int64), np.diff(self.link_indptr))


MAX_MARKOV_TIME = 1e6


def check_markov_time(markov_time: float) -> None:
    """0 < markov_time <= 1e6. Beyond that the module codelengths subtract plogp terms of
    exit flows so large that float64 keeps no bits of their difference."""
    if not (np.isfinite(markov_time) and 0 < markov_time <= MAX_MARKOV_TIME):
        raise OptionError(f"markov_time must be in (0, {MAX_MARKOV_TIME:g}], got {markov_time}", field="markov_time")


def local_scale(x: np.ndarray, damping: float = 1.0, min_scale: float = 1.0) -> np.ndarray:
    r"""The local scale of nodes of effective degree ``x`` (variable Markov time).

    ``s(x) = (1 - (1 - ln 2) l^2) (x^l - 1) / (l ln 2) + l^2`` with ``l = 1 - damping``:
    the effective degree itself (``s = x``) at damping 0, its logarithm (``s = log2 x``,
    the local entropy of a node with ``x`` equal links) at damping 1 (the official default),
    a continuous blend between; then at least ``min_scale``. The blend is the one the
    official Infomap 2.16 computes: measured from its codelengths (probed, not read from its
    source) and equal to it to 1e-12 (``tests/engine/test_variable_markov.py``).

    Examples
    --------
    >>> [round(float(v), 6) for v in local_scale(np.array([0.5, 4.0, 8.0]))]
    [1.0, 2.0, 3.0]
    >>> [round(float(v), 6) for v in local_scale(np.array([0.5, 4.0, 8.0]), damping=0.0)]
    [1.0, 4.0, 8.0]
    """
    x = np.asarray(x, dtype=np.float64)
    lam = 1.0 - float(damping)
    positive = np.where(x > 0, x, 1.0)
    if lam == 0.0:
        scale = np.log2(positive)
    else:
        ln2 = np.log(2.0)
        scale = (1.0 - (1.0 - ln2) * lam * lam) * np.expm1(lam * np.log(positive)) / (lam * ln2) + lam * lam
    return np.maximum(np.where(x > 0, scale, min_scale), float(min_scale))


def local_markov_times(node_flow: np.ndarray, num_arcs: float, damping: float = 1.0,
                       min_scale: float = 1.0) -> np.ndarray:
    r"""Local Markov time of every node (variable Markov time, Edler, Smiljanić, Holmgren,
    Antonelli & Rosvall 2022, arXiv:2211.04287).

    A node's effective degree is its flow times the number of arcs, ``x_a = A p_a`` with
    ``A = 2 L - L_self`` for ``L`` links of which ``L_self`` self-links (an undirected link
    counts once; for the undirected model ``x_a`` is the strength over the mean link weight);
    its local Markov time is ``t_a = max_b s(x_b) / s(x_a)`` with the local scale ``s`` of
    :func:`local_scale`: 1 at the node of largest scale, longer in sparser places, so that
    the walker's field of view widens where the network is sparse. A link's flow is
    multiplied by the local time of its source (directed, outdirdir, rawdir) or the smaller of
    its two ends' (undirected, undirdir), and by the global ``markov_time``. ``num_arcs`` is
    ``A``.

    Examples
    --------
    A hub of four links and a node of two (undirected, equal weights: ``x`` is the degree):

    >>> [round(float(t), 6) for t in local_markov_times(np.array([4, 1, 1, 1, 2, 1]) / 10, 10)]
    [1.0, 2.0, 2.0, 2.0, 2.0, 2.0]
    """
    scale = local_scale(float(num_arcs) * np.asarray(node_flow, dtype=np.float64), damping, min_scale)
    return scale.max() / scale if scale.size else scale


def check_variable_markov(damping: float, min_scale: float) -> None:
    """0 <= damping <= 1 and min_scale > 0 (finite)."""
    if not (np.isfinite(damping) and 0.0 <= damping <= 1.0):
        raise OptionError(f"variable_markov_damping must be in [0, 1], got {damping}", field="variable_markov_damping")
    if not (np.isfinite(min_scale) and 0.0 < min_scale <= 1e6):
        raise OptionError(f"variable_markov_min_scale must be in (0, 1e6], got {min_scale}",
                          field="variable_markov_min_scale")


@njit(cache=True)
def endpoint_sums(indptr, indices, values, scale, self_at_source):
    """Per node, the sums of ``scale * values`` of the links (CSR order) it starts and it ends:
    ``(from_source, into_target)``, self-links left out of both unless ``self_at_source``
    (then counted once, at the source). Each sum runs in link order (as ``np.bincount``).

    Examples
    --------
    >>> endpoint_sums(np.array([0, 2, 3]), np.array([0, 1, 0]), np.array([1.0, 2.0, 4.0]), 0.5, True)
    (array([1.5, 2. ]), array([2., 1.]))
    """
    n = indptr.shape[0] - 1
    from_source = np.zeros(n)
    into_target = np.zeros(n)
    for s in range(n):
        for e in range(indptr[s], indptr[s + 1]):
            t = indices[e]
            v = values[e] * scale
            if t != s:
                from_source[s] += v
                into_target[t] += v
            elif self_at_source:
                from_source[s] += v
    return from_source, into_target


def node_enter_exit(network: Network, link_flow: np.ndarray, undirected: bool) -> tuple[np.ndarray, np.ndarray]:
    """Enter and exit flow of each node over its links to other nodes (``link_flow`` in the
    order of ``network``'s CSR): undirected, half of each link's flow at both ends, for both;
    directed, exit at the source and enter at the target."""
    if undirected:
        from_source, into_target = endpoint_sums(network.indptr, network.indices, link_flow, 0.5, False)
        half = from_source + into_target
        return half, half.copy()
    exit_, enter = endpoint_sums(network.indptr, network.indices, link_flow, 1.0, False)
    return enter, exit_


def compute_flow(
    network: Network,
    flow_model: str | None = None,
    *,
    teleportation_probability: float = 0.15,
    recorded_teleportation: bool = False,
    to_nodes: bool = False,
    markov_time: float = 1.0,
    variable_markov_time: bool = False,
    variable_markov_damping: float = 1.0,
    variable_markov_min_scale: float = 1.0,
    node_weights_as_flow: bool = False,
    regularized: bool = False,
    regularization_strength: float = 1.0,
    tolerance: float = 1e-15,
    max_iterations: int = 400,
    min_iterations: int = 50,
    adjust_bipartite: bool = True,
    bipartite_teleportation: bool = False,
) -> FlowGraph:
    """Compute the flow of ``network`` under ``flow_model`` (default: from directedness);
    ``regularized``: see :func:`regularized_walk`.

    A bipartite network (``network.bipartite_start``) under the undirected or directed model
    has, with ``adjust_bipartite`` (the official default), the flow of its feature nodes moved
    onto the primary nodes (a two-step walk primary -> feature -> primary), see
    :func:`_bipartite_adjusted`. ``bipartite_teleportation`` (directed model) instead walks the
    two-step chain on the primary nodes and teleports between them, see
    :func:`_bipartite_teleportation`; under the undirected model it keeps the node flow on the
    feature nodes and doubles the link flow (as the official). ``variable_markov_time``: see
    :func:`local_markov_times`.
    """
    model = flow_model or ("directed" if network.directed else "undirected")
    if model not in FLOW_MODELS:
        raise OptionError(f"unknown flow model {model!r}; expected one of {', '.join(FLOW_MODELS)}", field="flow_model")
    if variable_markov_time:
        check_variable_markov(variable_markov_damping, variable_markov_min_scale)
        for name, on in (("regularized", regularized), ("use_node_weights_as_flow", node_weights_as_flow),
                         ("a state or multilayer network", network.physical is not None),
                         ("a bipartite network", network.bipartite_start is not None)):
            if on:
                raise OptionError(f"variable_markov_time cannot be combined with {name} yet",
                                  field="variable_markov_time")
    if network.self_relays:
        return _relayed_flow(network, model, teleportation_probability=teleportation_probability,
                             recorded_teleportation=recorded_teleportation, to_nodes=to_nodes, markov_time=markov_time,
                             regularized=regularized, tolerance=tolerance, max_iterations=max_iterations,
                             min_iterations=min_iterations, node_weights_as_flow=node_weights_as_flow)
    if regularized:
        return _regularized_flow(network, model, regularization_strength, tolerance, max_iterations, min_iterations)
    tau = float(teleportation_probability)
    if not (0.0 <= tau < 1.0):
        raise OptionError("teleportation_probability must be in [0, 1)", field="teleportation_probability")
    check_markov_time(markov_time)

    two_step = bool(bipartite_teleportation) and network.bipartite_start is not None and model != "undirected"
    if two_step and (model != "directed" or recorded_teleportation or to_nodes):
        raise OptionError("bipartite_teleportation needs the directed flow model without recorded "
                          "teleportation or to_nodes", field="bipartite_teleportation")
    undirected_two_step = bool(bipartite_teleportation) and network.bipartite_start is not None and not two_step
    if undirected_two_step:
        adjust_bipartite = False  # as the official: the node flow stays on the feature nodes, link flow doubles
    bipartite = network.bipartite_start is not None and adjust_bipartite and not two_step
    if bipartite and (model not in ("undirected", "directed") or recorded_teleportation):
        what = "recorded teleportation" if model == "directed" else f"the {model} flow model"
        raise OptionError(f"a bipartite network with {what} is not supported yet (use the undirected or "
                          "directed model, or skip_adjust_bipartite_flow)", field="flow_model")
    if model != "undirected":
        network = network.as_arcs()
    n = network.num_nodes
    src, tgt, w = network.to_coo()
    self_link = src == tgt
    with np.errstate(over="ignore"):
        total_w = float(w.sum())
    if not total_w <= 1e300:
        # Flow only depends on weight ratios; rescale so sums like 2 W stay finite.
        w = w / w.max()
        total_w = float(w.sum())
    strength_norm = 2.0 * total_w - float(w[self_link].sum())

    from_source, into_target = endpoint_sums(network.indptr, network.indices, w, 1.0, True)
    strength = from_source + into_target  # the undirected strength, self-links counted once
    out_w = strength if model in ("undirected", "undirdir") else from_source
    dangling = out_w <= 0.0

    # Degree-based visit rates: the undirected answer and the power iteration's start.
    p0 = (from_source if model == "outdirdir" else strength) / strength_norm

    tele_weight = np.zeros(n)
    iterations, error = 0, 0.0
    recorded = bool(recorded_teleportation) and model == "directed"
    if model == "undirected":
        node_flow = p0
        link_flow = np.where(self_link, w, 2.0 * w) / strength_norm
    elif two_step:  # the flow is on the primary nodes already
        node_flow, link_flow, iterations, error = _bipartite_teleportation(
            n, src, tgt, w, network.bipartite_start, tau, tolerance, max_iterations, min_iterations)
    elif model == "directed":
        if to_nodes:
            peak = network.node_weights.max()
            if not peak > 0:
                raise NetworkError("teleporting to nodes needs a positive node weight somewhere",
                                   field="node_weights")
            tele_weight = network.node_weights / peak  # scaled first: the sum stays finite
            tele_weight = tele_weight / tele_weight.sum()
        else:
            tele_weight = np.bincount(tgt if recorded else src, weights=w, minlength=n) / total_w
        trans = np.divide(w, out_w[src], out=np.zeros_like(w), where=out_w[src] > 0)
        node_flow, link_flow, iterations, error = _pagerank(
            network.indptr, network.indices, trans, p0, tele_weight, dangling, tau, recorded,
            tolerance, max_iterations, min_iterations,
        )
    elif model in ("undirdir", "outdirdir"):
        step = p0[src] * w / out_w[src]
        node_flow = np.bincount(tgt, weights=step, minlength=n)
        total = node_flow.sum()
        link_flow = step / total
        node_flow = node_flow / total
    else:  # rawdir
        link_flow = w / total_w
        node_flow = np.bincount(tgt, weights=link_flow, minlength=n)
        node_flow = node_flow / node_flow.sum()

    if undirected_two_step:
        link_flow = 2.0 * link_flow
    if bipartite:
        node_flow, link_flow = _bipartite_adjusted(node_flow, link_flow, src, tgt, network.bipartite_start,
                                                  model == "undirected")
    if node_weights_as_flow:
        # the official --use-node-weights-as-flow: node flow from the node weights, link flow as computed
        if model != "undirected" or network.physical is not None or bipartite:
            raise OptionError("use_node_weights_as_flow is supported for the undirected flow model of "
                              "first-order networks only", field="use_node_weights_as_flow")
        node_flow = network.node_weights / network.node_weights.sum()
    if variable_markov_time:
        if model == "undirected":  # (u, v) and (v, u) are one link
            keys = np.unique(np.minimum(src, tgt) * np.int64(n) + np.maximum(src, tgt))
            num_links, num_self = keys.shape[0], int((keys // n == keys % n).sum())
        else:
            num_links, num_self = src.shape[0], int(self_link.sum())
        local = local_markov_times(node_flow, 2 * num_links - num_self, variable_markov_damping,
                                   variable_markov_min_scale)
        both_ends = model in ("undirected", "undirdir")
        link_flow = link_flow * (np.minimum(local[src], local[tgt]) if both_ends else local[src])
    link_flow = link_flow * float(markov_time)
    tele_flow = np.where(dangling, node_flow, tau * node_flow)

    # Enter/exit flow of each node: its links to other nodes (self-links excluded).
    enter, exit_ = node_enter_exit(network, link_flow, model == "undirected")
    if recorded:
        dangling_flow = np.where(dangling, node_flow, 0.0)
        sum_dangling = dangling_flow.sum()
        exit_ = exit_ + (tau * node_flow + (1 - tau) * dangling_flow) * (1.0 - tele_weight)
        enter = enter + (tau * (1.0 - node_flow) + (1 - tau) * (sum_dangling - dangling_flow)) * tele_weight

    pair_indptr, pair_indices, pair_flow = pair_csr(network, link_flow)

    return FlowGraph(
        node_flow=np.ascontiguousarray(node_flow, dtype=np.float64),
        enter=np.ascontiguousarray(enter, dtype=np.float64),
        exit=np.ascontiguousarray(exit_, dtype=np.float64),
        tele_flow=np.ascontiguousarray(tele_flow if recorded else np.zeros(n)),
        tele_weight=np.ascontiguousarray(tele_weight if recorded else np.zeros(n)),
        link_indptr=network.indptr,
        link_target=tgt,
        link_flow=np.ascontiguousarray(link_flow),
        pair_indptr=pair_indptr,
        pair_indices=pair_indices,
        pair_flow=pair_flow,
        flow_model=model,
        recorded=recorded,
        teleportation_probability=tau,
        pagerank_iterations=int(iterations),
        pagerank_error=float(error),
        physical=network.physical,
    )


def _relayed_flow(network: Network, model: str, *, regularized: bool, **options) -> FlowGraph:
    """Flow of a multilayer network relaxed to self (``network.self_relays``).

    A relay ``(alpha, i) -> (beta, i)`` (two states of one physical node in different layers)
    is passed through: the walker continues at once along the other out-links of
    ``(beta, i)``, in proportion to their weights. The node flow is that of the network where
    each relay of weight ``x`` is replaced by links ``(alpha, i) -> (beta, j)`` of weight
    ``x w_{(beta, i) j} / w_{(beta, i)}``. The link flow of the relay is the summed flow of
    the links it stands for, and it is carried on by the out-links of ``(beta, i)`` other than
    relays and its self-link, in proportion to their weights (the official's link flow; with
    only a self-link it is not carried on). A relay into a state without other out-links is
    an ordinary link. Under the undirected model (explicit links) the node and link flow are
    those without relays, and each relay's flow is carried on in the same way.
    """
    own_model = "directed" if network.directed else "undirected"
    if model != own_model or options["recorded_teleportation"] or regularized:
        raise OptionError(f"a multilayer network relaxed to self needs its own flow model ({own_model}), without "
                          "recorded teleportation or regularization", field="relax_to_self")
    src, tgt, w = network.to_coo()
    n = network.num_nodes
    relay = (src != tgt) & (network.physical[src] == network.physical[tgt]) & (network.layers[src] != network.layers[tgt])
    if model == "undirected":  # the node and link flow as without relays; the relays' flow is carried on
        flow = compute_flow(replace(network, self_relays=False), model, **options)
        link_flow = flow.link_flow.copy()
        _carry_on(src, tgt, w, relay, link_flow * relay, link_flow, n)
        return _with_link_flow(network, flow, link_flow, *node_enter_exit(network, link_flow, True))
    plain_out = np.bincount(src[~relay], weights=w[~relay], minlength=n)
    relay &= plain_out[tgt] > 0
    # continuations: every relay k = (a -> b) with every plain out-link c of b
    order = np.argsort(src, kind="stable")
    plain = order[~relay[order]]
    plain_src = src[plain]
    first = np.searchsorted(plain_src, tgt[relay], side="left")
    count = np.searchsorted(plain_src, tgt[relay], side="right") - first
    relay_idx = np.nonzero(relay)[0]
    k = np.repeat(relay_idx, count)
    c = plain[np.repeat(first, count) + (np.arange(k.shape[0]) - np.repeat(np.cumsum(count) - count, count))]
    cw = w[k] * w[c] / plain_out[tgt[k]]
    keep = ~relay
    eff_src = np.concatenate([src[keep], src[k]])
    eff_tgt = np.concatenate([tgt[keep], tgt[c]])
    eff_w = np.concatenate([w[keep], cw])
    expanded = Network._from_index_links(eff_src, eff_tgt, eff_w, n, True, network.node_ids, network.node_weights, None)
    expanded = replace(expanded, physical=network.physical, physical_ids=network.physical_ids, layers=network.layers)
    flow = compute_flow(expanded, model, **options)
    # the flow of each expanded link, split over the links it came from in proportion to weight
    e_src, e_tgt, e_w = expanded.to_coo()
    pos = _link_positions(expanded, eff_src, eff_tgt)
    share = np.divide(flow.link_flow[pos] * eff_w, e_w[pos], out=np.zeros_like(eff_w), where=e_w[pos] > 0)
    link_flow = np.zeros(src.shape[0])
    m = int(keep.sum())
    np.add.at(link_flow, np.nonzero(keep)[0], share[:m])
    np.add.at(link_flow, k, share[m:])
    relay_flow = np.bincount(k, weights=share[m:], minlength=src.shape[0])
    _carry_on(src, tgt, w, relay, relay_flow, link_flow, n)
    return _with_link_flow(network, flow, link_flow, *node_enter_exit(network, link_flow, False))


def _carry_on(src, tgt, w, relay, relay_flow, link_flow, n) -> None:
    """Add to ``link_flow`` the flow of each relay ``a -> b`` (``relay_flow``) carried on by the
    out-links of ``b`` that are neither relays nor self-links, in proportion to their weights
    (as the official; nothing when ``b`` has none)."""
    onward = ~relay & (src != tgt)
    onward_out = np.bincount(src[onward], weights=w[onward], minlength=n)
    order = np.argsort(src, kind="stable")
    links = order[onward[order]]
    links_src = src[links]
    relays = np.nonzero(relay & (onward_out[tgt] > 0))[0]
    first = np.searchsorted(links_src, tgt[relays], side="left")
    count = np.searchsorted(links_src, tgt[relays], side="right") - first
    k = np.repeat(relays, count)
    c = links[np.repeat(first, count) + (np.arange(k.shape[0]) - np.repeat(np.cumsum(count) - count, count))]
    np.add.at(link_flow, c, relay_flow[k] * w[c] / onward_out[tgt[k]])


def pair_csr(network: Network, link_flow: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The symmetric CSR of ``network``'s links without self-links, with ``link_flow`` on both
    entries of each (:func:`.parallel.symmetric_pairs`); indices int32 below 2**31 nodes.
    Networks of ``PARALLEL_MIN_LINKS`` links or more are read on every thread."""
    chunks = numba.get_num_threads() if network.indices.shape[0] >= PARALLEL_MIN_LINKS else 1
    pair_indptr, fill, bounds = symmetric_pair_counts(network.indptr, network.indices, chunks)
    index_type = np.int32 if network.num_nodes < 2**31 - 1 else np.int64
    pair_indices = np.empty(pair_indptr[-1], dtype=index_type)
    pair_flow = np.empty(pair_indptr[-1])
    symmetric_pairs(network.indptr, network.indices, link_flow, fill, bounds, pair_indices, pair_flow)
    return pair_indptr, pair_indices, pair_flow


def _with_link_flow(network: Network, flow: FlowGraph, link_flow, enter, exit_) -> FlowGraph:
    """``flow`` on ``network``'s own links: their ``link_flow`` and the node enter/exit flow."""
    pair_indptr, pair_indices, pair_flow = pair_csr(network, link_flow)
    return replace(flow, enter=np.ascontiguousarray(enter), exit=np.ascontiguousarray(exit_),
                   link_indptr=network.indptr, link_target=network.indices,
                   link_flow=np.ascontiguousarray(link_flow), pair_indptr=pair_indptr, pair_indices=pair_indices,
                   pair_flow=pair_flow)


def _link_positions(network: Network, src: np.ndarray, tgt: np.ndarray) -> np.ndarray:
    """Index in ``network``'s stored links of each link ``src -> tgt`` (all present)."""
    indptr, indices = network.indptr, network.indices
    key = np.repeat(np.arange(network.num_nodes, dtype=np.int64), np.diff(indptr)) * network.num_nodes + indices
    return np.searchsorted(key, src.astype(np.int64) * network.num_nodes + tgt)


def regularized_walk(src: np.ndarray, tgt: np.ndarray, w: np.ndarray, num_nodes: int, strength: float):
    """The prior of the regularized map equation (Smiljanić, Blöcker, Edler & Rosvall 2021,
    doi:10.1093/comnet/cnab044) on the arcs ``src -> tgt`` (each link once; an undirected link
    as two arcs, a self-link as one).

    A fully connected prior network adds to every arc ``u -> v`` the pseudo-weight
    ``lambda f_u^out f_v^in / <w>`` with ``lambda = strength ln N / N``, ``f^out``
    (``f^in``) a node's mean out- (in-) link weight and ``<w>`` the mean arc weight; a node
    without in-links takes the smallest ``f^in`` of the others. The walker leaves ``u`` along
    an observed arc with probability ``w_uv / (s_u + Lambda_u)`` and by a prior step with
    ``alpha_u = Lambda_u / (s_u + Lambda_u)`` (1 without out-links), landing on ``v`` with
    probability ``q_v = f_v^in / sum f^in``; ``Lambda_u = lambda f_u^out sum_v f_v^in / <w>``.
    The prior steps are coded as recorded teleportation.

    Returns ``(s_out, Lambda, q)``.

    Examples
    --------
    >>> s, lam, q = regularized_walk(np.array([0, 1, 1, 2]), np.array([1, 0, 2, 1]), np.ones(4), 3, 1.0)
    >>> [round(float(x), 6) for x in lam], [round(float(x), 6) for x in q]
    ([1.098612, 1.098612, 1.098612], [0.333333, 0.333333, 0.333333])
    """
    k_out = np.bincount(src, minlength=num_nodes)
    k_in = np.bincount(tgt, minlength=num_nodes)
    s_out = np.bincount(src, weights=w, minlength=num_nodes)
    s_in = np.bincount(tgt, weights=w, minlength=num_nodes)
    f_out = np.divide(s_out, k_out, out=np.zeros(num_nodes), where=k_out > 0)
    f_in = np.divide(s_in, k_in, out=np.zeros(num_nodes), where=k_in > 0)
    if (k_in > 0).any():
        f_in[k_in == 0] = f_in[k_in > 0].min()
    else:
        f_in[:] = 1.0
    mean_weight = float(w.mean()) if w.size else 1.0
    lam = float(strength) * np.log(num_nodes) / num_nodes if num_nodes > 1 else 0.0
    total_in = float(f_in.sum())
    return s_out, lam * f_out * total_in / mean_weight, f_in / total_in


def _unique_arcs(src: np.ndarray, tgt: np.ndarray, w: np.ndarray, n: int):
    """Arcs with repeated (source, target) pairs merged (weights summed)."""
    key = src.astype(np.int64) * n + tgt
    uniq, inverse = np.unique(key, return_inverse=True)
    return uniq // n, uniq % n, np.bincount(inverse, weights=w)


def _regularized_flow(network: Network, model: str, strength: float, tolerance: float, max_iterations: int,
                      min_iterations: int) -> FlowGraph:
    if model not in ("undirected", "directed"):
        raise OptionError(f"regularized flow needs the undirected or directed flow model, not {model!r}",
                          field="flow_model")
    if not (np.isfinite(strength) and strength >= 0):
        raise OptionError("regularization_strength must be >= 0", field="regularization_strength")
    if network.physical is not None or getattr(network, "bipartite_start", None) is not None:
        raise OptionError("regularized is not available for state, multilayer or bipartite networks yet",
                          field="regularized")
    if model == "directed":
        network = network.as_arcs()
    n = network.num_nodes
    src, tgt, w = network.to_coo()
    if not w.size or not float(w.sum()) > 0:
        raise NetworkError("the regularized flow needs a link of positive weight", field="links")
    w = w / w.max()  # only weight ratios matter; keeps the sums finite
    if model == "undirected":
        a, b = np.minimum(src, tgt), np.maximum(src, tgt)
        a, b, ww = _unique_arcs(a, b, w, n)
        off = a != b
        arc_src, arc_tgt, arc_w = np.concatenate([a, b[off]]), np.concatenate([b, a[off]]), np.concatenate([ww, ww[off]])
    else:
        arc_src, arc_tgt, arc_w = _unique_arcs(src, tgt, w, n)
    with np.errstate(over="ignore", invalid="ignore"):
        s_out, lam, q = regularized_walk(arc_src, arc_tgt, arc_w, n, strength)
        leave = s_out + lam
    if not np.isfinite(leave).all():
        raise OptionError(f"regularization_strength {strength!r} is too large: the prior's weights overflow "
                          "(the walk is the prior alone well before that, e.g. from 1e100)",
                          field="regularization_strength")
    alpha = np.divide(lam, leave, out=np.ones(n), where=leave > 0)
    step = np.divide(1.0, leave, out=np.zeros(n), where=leave > 0)  # observed arc u -> v: w_uv / (s_u + Lambda_u)
    if model == "undirected" and (leave > 0).all():
        node_flow = leave / leave.max()  # scaled first: a huge strength must not overflow the sum
        node_flow = node_flow / node_flow.sum()  # reversible: p_u T_uv = w_uv / sum(s + Lambda)
        iterations, error = 0, 0.0
    else:  # directed, or a node without links (it only jumps, and breaks the reversibility)
        node_flow, iterations, error = _walk_power(arc_src, arc_tgt, arc_w * step[arc_src], alpha, q,
                                                   tolerance, max_iterations, min_iterations)
    self_link = src == tgt
    arc_flow = node_flow[src] * w * step[src]
    link_flow = np.where(self_link, arc_flow, 2.0 * arc_flow) if model == "undirected" else arc_flow
    enter, exit_ = node_enter_exit(network, link_flow, model == "undirected")
    tele_flow = alpha * node_flow
    exit_ = exit_ + tele_flow * (1.0 - q)
    enter = enter + (tele_flow.sum() - tele_flow) * q
    pair_indptr, pair_indices, pair_flow = pair_csr(network, link_flow)
    return FlowGraph(
        node_flow=np.ascontiguousarray(node_flow, dtype=np.float64), enter=enter, exit=exit_,
        tele_flow=np.ascontiguousarray(tele_flow), tele_weight=np.ascontiguousarray(q),
        link_indptr=network.indptr, link_target=tgt, link_flow=np.ascontiguousarray(link_flow),
        pair_indptr=pair_indptr, pair_indices=pair_indices, pair_flow=pair_flow, flow_model=model,
        recorded=True, teleportation_probability=0.0, pagerank_iterations=int(iterations),
        pagerank_error=float(error), physical=network.physical,
    )


@njit(cache=True)
def _walk_power(src, tgt, trans, alpha, q, tol, max_iter, min_iter):
    """Stationary distribution of ``p_v = sum_u p_u trans_uv + (sum_u alpha_u p_u) q_v`` (arcs src -> tgt)."""
    n = q.shape[0]
    p = np.full(n, 1.0 / n)
    tmp = np.zeros(n)
    err = 0.0
    it = 0
    while True:
        jump = 0.0
        for i in range(n):
            jump += alpha[i] * p[i]
        for i in range(n):
            tmp[i] = jump * q[i]
        for e in range(src.shape[0]):
            tmp[tgt[e]] += trans[e] * p[src[e]]
        total = 0.0
        for i in range(n):
            total += tmp[i]
        err = 0.0
        for i in range(n):
            tmp[i] /= total
            err += abs(tmp[i] - p[i])
            p[i] = tmp[i]
        it += 1
        if not (it < max_iter and (err > tol or it < min_iter)):
            break
    return p, it, err


def _bipartite_teleportation(n, src, tgt, w, start, tau, tol, max_iter, min_iter):
    """The official ``--bipartite-teleportation`` flow of a directed bipartite network.

    The walker moves on the primary nodes by two-step transitions ``T_ab = sum_f P_af P_fb``
    (``P`` the out-weight-normalized links) and teleports with probability ``tau`` to primary
    node ``a`` in proportion to its out-weight; a primary node without out-links always
    teleports. Power iteration gives ``v``; as for the directed model, one last step without
    teleportation gives the node flow ``p_b = sum_a v_a T_ab``, normalized. Feature nodes get
    no flow; the link flows are those of the two steps, doubled as for the adjusted flow:
    ``a -> f``: ``2 v_a P_af / (1 - d)``, ``f -> b``: ``2 (sum_a v_a P_af) P_fb / (1 - d)``,
    with ``d`` the dangling share of the last iterate and ``v`` that iterate before it is
    normalized (it sums to less than 1 when flow leaks into feature nodes without out-links;
    as the official).
    """
    primary = np.arange(n) < start
    out_w = np.bincount(src, weights=w, minlength=n)
    trans = np.divide(w, out_w[src], out=np.zeros_like(w), where=out_w[src] > 0)
    first = primary[src] & ~primary[tgt]
    second = ~primary[src] & primary[tgt]
    if not (first.any() and second.any()):
        raise NetworkError("bipartite_teleportation needs links from primary nodes to feature nodes and links back "
                           "from feature nodes to primary nodes", field="bipartite_teleportation")
    tele = np.where(primary, out_w, 0.0)
    tele = tele / tele.sum()
    dangling = primary & (out_w <= 0)

    def features(v):
        return np.bincount(tgt[first], weights=v[src[first]] * trans[first], minlength=n)

    def two_steps(v):
        q = features(v)
        return np.bincount(tgt[second], weights=q[src[second]] * trans[second], minlength=n)

    v = tele.copy()
    it, err = 0, 0.0
    while True:
        d = float(v[dangling].sum())
        last = (tau + (1.0 - tau) * d) * tele + (1.0 - tau) * two_steps(v)
        total = float(last.sum())
        err = float(np.abs(last - v).sum())
        v = last / total if abs(total - 1.0) > 1e-10 and total > 0 else last
        it += 1
        if not (it < max_iter and (err > tol or it < min_iter)):
            break
    v, norm = last, 1.0 - d  # the last iterate before it was normalized, as the official
    q = features(v)
    node_flow = np.bincount(tgt[second], weights=q[src[second]] * trans[second], minlength=n)
    total = float(node_flow.sum())
    if not (total > 0 and norm > 0):
        raise NetworkError("bipartite_teleportation: no two-step path leads back to a primary node",
                           field="bipartite_teleportation")
    node_flow = node_flow / total
    link_flow = np.zeros_like(w)
    link_flow[first] = 2.0 * v[src[first]] * trans[first] / norm
    link_flow[second] = 2.0 * q[src[second]] * trans[second] / norm
    return node_flow, link_flow, it, err


def _bipartite_adjusted(node_flow, link_flow, src, tgt, start, undirected):
    """The official's flow of a bipartite network: primary node ``a`` gets its own flow plus half
    the flow of its links to feature nodes (``a -> f``; an undirected link either way round),
    renormalized; feature nodes get none; the link flow of the two-step walk is doubled."""
    n = node_flow.shape[0]
    primary = np.arange(n) < start
    to_feature = primary[src] & ~primary[tgt]
    half = np.bincount(src[to_feature], weights=link_flow[to_feature], minlength=n).astype(np.float64)
    if undirected:
        from_feature = ~primary[src] & primary[tgt]
        half += np.bincount(tgt[from_feature], weights=link_flow[from_feature], minlength=n)
    adjusted = np.where(primary, node_flow + 0.5 * half, 0.0)
    return adjusted / adjusted.sum(), 2.0 * link_flow


@njit(cache=True, inline="always")
def _walk_step(indptr, indices, trans, p, tmp, tele, dangling, alpha):
    """One step of the teleporting walk: ``tmp = (alpha + beta d) tele + beta p P``, ``d`` the
    flow ``p`` holds on dangling nodes, ``beta = 1 - alpha``; returns (sum of ``tmp``, L1
    distance from ``p``, ``d``)."""
    n = p.shape[0]
    beta = 1.0 - alpha
    dangling_rank = 0.0
    for i in range(n):
        if dangling[i]:
            dangling_rank += p[i]
    tele_flow = alpha + beta * dangling_rank
    for i in range(n):
        tmp[i] = tele_flow * tele[i]
    for s in range(n):
        ps = beta * p[s]
        for e in range(indptr[s], indptr[s + 1]):
            tmp[indices[e]] += trans[e] * ps
    total = 0.0
    err = 0.0
    for i in range(n):
        total += tmp[i]
        err += abs(tmp[i] - p[i])
    return total, err, dangling_rank


@njit(cache=True)
def _lazy_pagerank(indptr, indices, trans, p, tmp, tele, dangling, alpha, tol, max_iter):
    """The stationary distribution of the walk of :func:`_pagerank` by the lazy walk
    ``p <- (p + pP) / 2`` from ``p`` (same fixed point, aperiodic). Leaves it in ``p`` and in
    ``tmp`` (normalized); returns (iterations, dangling rank of ``p``)."""
    n = p.shape[0]
    it = 0
    while True:
        total, err, _ = _walk_step(indptr, indices, trans, p, tmp, tele, dangling, alpha)
        norm = 0.5 * (1.0 + total)
        for i in range(n):
            p[i] = 0.5 * (p[i] + tmp[i]) / norm
        it += 1
        if err <= tol or it >= max_iter:
            break
    dangling_rank = 0.0
    for i in range(n):
        tmp[i] = p[i]
        if dangling[i]:
            dangling_rank += p[i]
    return it, dangling_rank


@njit(cache=True)
def _pagerank(indptr, indices, trans, p0, tele, dangling, alpha, recorded, tol, max_iter, min_iter):
    """Power iteration; returns (node_flow, link_flow in CSR order, iterations, error)."""
    n = p0.shape[0]
    p = p0.copy()
    tmp = np.zeros(n)
    beta = 1.0 - alpha
    err = 0.0
    it = 0
    dangling_rank = 0.0
    while True:
        old_err = err
        total, err, dangling_rank = _walk_step(indptr, indices, trans, p, tmp, tele, dangling, alpha)
        for i in range(n):
            p[i] = tmp[i]
        if abs(total - 1.0) > 1e-10 and total > 0:
            for i in range(n):
                p[i] /= total
        if abs(err - old_err) < 1e-17:
            alpha += 1e-12
            beta = 1.0 - alpha
        it += 1
        if not (it < max_iter and (err > tol or it < min_iter)):
            break
    if err > tol:
        # Not converged: a periodic walk (no teleportation, e.g. teleportation_probability 0, and
        # cycles through dangling nodes of lengths with a common divisor) oscillates for ever. The
        # lazy walk p <- (p + pP) / 2 has the same stationary distribution and no period.
        lazy, dangling_rank = _lazy_pagerank(indptr, indices, trans, p, tmp, tele, dangling, alpha, tol,
                                             50 * max_iter)
        it += lazy
    link_flow = np.empty(indices.shape[0])
    if recorded:
        for s in range(n):
            for e in range(indptr[s], indptr[s + 1]):
                link_flow[e] = trans[e] * beta * tmp[s]
        return p, link_flow, it, err
    norm = 1.0 - dangling_rank
    node_flow = np.zeros(n)
    for s in range(n):
        for e in range(indptr[s], indptr[s + 1]):
            f = trans[e] * tmp[s] / norm
            link_flow[e] = f
            node_flow[indices[e]] += f
    return node_flow, link_flow, it, err
