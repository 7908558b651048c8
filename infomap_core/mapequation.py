r"""The map equation: the one place where codelengths are computed.

Every codelength mapeq reports, scores or compares is a sum of *codebook lengths*.
A codebook belongs to a module ``M`` (the root included) and codes the exit from
``M`` (rate ``x_M``, 0 for the root) and the entry into each child ``c`` (rate
``r_c``: the enter flow of a child module, the flow ``p_a`` of a leaf node)::

    L_M = plogp(x_M + sum_c r_c) - plogp(x_M) - sum_c plogp(r_c)

with ``plogp(x) = x log2 x``. This is the multilevel map equation of Rosvall &
Bergstrom (2011, doi:10.1371/journal.pone.0018209) for a module at any depth; the
codelength of a tree is ``L = sum_M L_M`` and the root's term is the index
codelength. For a two-level partition with module enter ``q_i``, exit ``x_i`` and
flow ``p_i`` it reduces to the two-level map equation (Rosvall & Bergstrom 2008,
doi:10.1073/pnas.0706851105)::

    L = plogp(sum_i q_i) - sum_i plogp(q_i) - sum_i plogp(x_i) + sum_i plogp(x_i + p_i) - sum_a plogp(p_a)
      = q H(Q) + sum_i p_i_circ H(P_i)

A module's enter (exit) flow is the sum of its nodes' enter (exit) flow minus the
flow on links between its own nodes (and, with recorded teleportation, minus the
teleportation between its own nodes, ``T_i W_i - sum_a t_a w_a``).

Memory (state) networks (Rosvall et al. 2014, doi:10.1038/ncomms5630): a leaf module
codes each *physical* node once, at the summed flow of its state nodes in the module,
so the leaf children's ``sum_c plogp(r_c)`` runs over (module, physical node) pairs
(:func:`keyed_plogp_sums`); everything else is unchanged.

:func:`codebook_length` is the formula; :func:`tree_codelength_terms` (any tree),
:func:`two_level_codelength` (a flat partition of a network) and
:func:`grouped_codelength` (flat partitions inside groups, the optimizer's
acceptance test) all evaluate it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .flow import FlowGraph
from .kernels import link_module_sums

__all__ = [
    "Codelength", "plogp", "codebook_length", "module_flows", "tree_codelength_terms", "two_level_codelength",
    "grouped_codelength", "one_level_codelength", "relative_savings", "keyed_plogp_sums", "Objective",
]

#: Savings smaller than this (relative to the one-level codelength) are float noise.
SAVINGS_NOISE = 1e-12


@dataclass(frozen=True)
class Objective:
    r"""The variants' terms on top of the map equation (all off by default).

    * ``module_cost`` (entropy correction, Miller-Madow): every codebook of ``K``
      codewords costs ``module_cost * (K - 1)`` more bits (``module_cost = strength /
      (2 D ln 2)`` for total degree ``D``). A module's codewords are its children and
      its exit, unless it holds every leaf (the root, a lone top module), so a tree with
      ``N`` leaves and ``M`` modules holding fewer than all leaves pays
      ``module_cost * (N - 1 + M)``.
    * ``preferred_num_modules`` ``P > 0``: ``|T - P|`` bits for ``T`` top modules.
    * ``meta_rate`` ``eta > 0`` with a category per node: every module that holds nodes
      pays ``eta * R H(R_c / R)`` for its nodes' meta weights ``r_c`` per category.
    """

    module_cost: float = 0.0
    preferred_num_modules: int = 0
    meta_rate: float = 0.0
    meta_category: np.ndarray | None = None  # category of each node (0..C-1)
    meta_weight: np.ndarray | None = None  # its weight in the meta codebook (flow, or 1/N unweighted)

    @property
    def active(self) -> bool:
        return self.module_cost != 0.0 or self.preferred_num_modules > 0 or self.has_meta

    @property
    def has_meta(self) -> bool:
        return self.meta_rate > 0.0 and self.meta_category is not None

    @property
    def num_categories(self) -> int:
        return int(self.meta_category.max()) + 1 if self.meta_category is not None and self.meta_category.size else 0

    def meta_terms(self, group: np.ndarray, nodes: np.ndarray, num_groups: int) -> np.ndarray:
        """``meta_rate * (plogp(R_g) - sum_c plogp(r_{c,g}))`` of groups of nodes (the meta
        map equation of Emmons & Mucha 2019, doi:10.1103/PhysRevE.100.022301, per leaf module)."""
        if not self.has_meta:
            return np.zeros(num_groups)
        weight = self.meta_weight[nodes]
        total = np.bincount(group, weights=weight, minlength=num_groups)
        return self.meta_rate * (plogp(total) - keyed_plogp_sums(group, weight, num_groups,
                                                                 self.meta_category[nodes]))

    def top_penalty(self, num_top_modules) -> float | np.ndarray:
        """Bits for the number of top modules (``|T - P|``; 0 without a preference)."""
        if self.preferred_num_modules <= 0:
            return 0.0 * num_top_modules
        penalty = np.abs(np.asarray(num_top_modules) - self.preferred_num_modules).astype(np.float64)
        return float(penalty) if penalty.ndim == 0 else penalty


NO_VARIANT = Objective()


def plogp(x: np.ndarray | float) -> np.ndarray | float:
    """``x * log2(x)``, with 0 for ``x <= 0`` (round-off can give tiny negatives).

    Examples
    --------
    >>> float(plogp(0.5)), float(plogp(0.0))
    (-0.5, 0.0)
    """
    if type(x) is float:  # the scalar path of the codelength reports: no array round trip
        return x * math.log2(x) if x > 0.0 else 0.0
    arr = np.asarray(x, dtype=np.float64)
    positive = arr > 0
    out = np.log2(arr, out=np.zeros(arr.shape), where=positive)
    np.multiply(out, arr, out=out, where=positive)
    return float(out) if out.ndim == 0 else out


def codebook_length(exit_rate, rate_sum, rate_plogp_sum):
    """``L_M = plogp(x + sum r) - plogp(x) - sum plogp(r)`` of codebooks (elementwise).

    Parameters
    ----------
    exit_rate : float or ndarray
        ``x_M``, the exit flow of each module (0 for the root or a whole network).
    rate_sum : float or ndarray
        ``sum_c r_c`` over each module's children.
    rate_plogp_sum : float or ndarray
        ``sum_c plogp(r_c)`` over each module's children.

    Examples
    --------
    One module holding two nodes of flow 1/2 (one bit per step):

    >>> float(codebook_length(0.0, 1.0, 2 * plogp(0.5)))
    1.0
    """
    return plogp(np.asarray(exit_rate, dtype=np.float64) + rate_sum) - plogp(exit_rate) - rate_plogp_sum


def relative_savings(codelength: float, one_level: float) -> float:
    """``1 - L / L_1``; 0 when ``L_1`` is 0 (nothing to save) or the savings are float noise.

    Examples
    --------
    >>> relative_savings(2.3207303568337903, 2.556656707462823) > 0.09
    True
    >>> relative_savings(1.0, 0.0), relative_savings(1.0 + 1e-15, 1.0)
    (0.0, 0.0)
    """
    if not one_level > 0:
        return 0.0
    savings = 1.0 - codelength / one_level
    return 0.0 if abs(savings) < SAVINGS_NOISE else float(savings)


@dataclass(frozen=True)
class Codelength:
    """Codelength terms of a two-level partition, in bits."""

    codelength: float
    index_codelength: float
    module_codelength: float
    one_level_codelength: float
    module_flow: np.ndarray = field(repr=False)
    module_enter: np.ndarray = field(repr=False)
    module_exit: np.ndarray = field(repr=False)
    module_term: np.ndarray = field(repr=False)

    @property
    def relative_codelength_savings(self) -> float:
        return relative_savings(self.codelength, self.one_level_codelength)


def keyed_plogp_sums(group: np.ndarray, rate: np.ndarray, num_groups: int, key: np.ndarray | None = None) -> np.ndarray:
    """``sum plogp`` of the rates in each group, rates with the same ``key`` summed first.

    ``key`` (the physical node of each state node) makes a group code a physical node
    once; without it every rate is its own term.
    """
    if key is None:
        return np.bincount(group, weights=plogp(rate), minlength=num_groups)
    order = np.lexsort((key, group))
    g, k, r = group[order], key[order], rate[order]
    first = np.ones(order.shape[0], dtype=bool)
    first[1:] = (g[1:] != g[:-1]) | (k[1:] != k[:-1])
    starts = np.flatnonzero(first)
    summed = np.add.reduceat(r, starts) if starts.size else r[:0]
    return np.bincount(g[starts], weights=plogp(summed), minlength=num_groups)


def one_level_codelength(flow: FlowGraph, objective: Objective = NO_VARIANT) -> float:
    """``H(p)``: the codelength with every node in one module (the root's codebook);
    for a state network the entropy of the physical nodes' flow. With the variants'
    terms of ``objective`` for a single module."""
    node_flow = flow.node_flow
    zero = np.zeros(node_flow.shape[0], dtype=np.int64)
    entropy = float(codebook_length(0.0, node_flow.sum(), keyed_plogp_sums(zero, node_flow, 1, flow.physical)[0]))
    meta = float(objective.meta_terms(zero, np.arange(node_flow.shape[0]), 1)[0])
    return entropy + objective.module_cost * (flow.num_physical - 1) + float(objective.top_penalty(1)) + meta


def module_flows(flow: FlowGraph, modules: np.ndarray, num_modules: int | None = None):
    """(flow, enter, exit) per module for ``modules`` (module index per node, 0-based)."""
    modules = np.asarray(modules, dtype=np.int64)
    k = int(modules.max()) + 1 if num_modules is None else int(num_modules)
    inside = link_module_sums(flow.link_indptr, flow.link_target, flow.link_flow, modules, k)
    mflow = np.bincount(modules, weights=flow.node_flow, minlength=k)
    menter = np.bincount(modules, weights=flow.enter, minlength=k) - inside
    mexit = np.bincount(modules, weights=flow.exit, minlength=k) - inside
    if flow.recorded:
        t = np.bincount(modules, weights=flow.tele_flow, minlength=k)
        w = np.bincount(modules, weights=flow.tele_weight, minlength=k)
        tw = np.bincount(modules, weights=flow.tele_flow * flow.tele_weight, minlength=k)
        own = t * w - tw
        menter = menter - own
        mexit = mexit - own
    # a module of every node cannot be entered or left: its sums cancel to round-off, which is
    # 1e-10 at Markov time 1e6 and cost 4e-9 bits (plogp) against the one-level codelength
    whole = np.bincount(modules, minlength=k) == modules.shape[0]
    menter[whole] = 0.0
    mexit[whole] = 0.0
    return mflow, np.maximum(menter, 0.0), np.maximum(mexit, 0.0)


def tree_codelength_terms(parent: np.ndarray, is_leaf: np.ndarray, flow: np.ndarray, enter: np.ndarray,
                          exit_: np.ndarray, leaf_key: np.ndarray | None = None,
                          objective: Objective = NO_VARIANT, leaf_index: np.ndarray | None = None) -> np.ndarray:
    """``L_M`` of every tree node (0 for leaves); their sum is the tree's codelength.

    Parameters
    ----------
    parent : ndarray of int64
        Parent of each tree node, -1 for the root (index 0).
    is_leaf : ndarray of bool
        Leaf nodes (network nodes); the others are modules.
    flow, enter, exit_ : ndarray of float64
        Flow, enter and exit flow of each tree node. A leaf child is coded at its
        ``flow``, a module child at its ``enter``; the root's exit is taken as 0.
    leaf_key : ndarray of int64, optional
        The physical node of each tree node (leaves only are read): leaves of one
        module with the same key share a codeword (state networks).
    objective : Objective
        The variants' per-codebook terms (entropy correction, meta data); the top-module
        penalty is not a codebook's and is added by the caller.
    leaf_index : ndarray of int64, optional
        The network node of each tree node (leaves), for the meta data.
    """
    size = parent.shape[0]
    rate = np.where(is_leaf, flow, enter)
    has_parent = parent >= 0
    p = parent[has_parent]
    rate_sum = np.bincount(p, weights=rate[has_parent], minlength=size)
    modules = has_parent & ~is_leaf
    leaves = has_parent & is_leaf
    # float64 even without modules (bincount of an empty array is int64): a one-level tree
    rate_plogp = np.bincount(parent[modules], weights=plogp(enter[modules]), minlength=size).astype(np.float64)
    rate_plogp += keyed_plogp_sums(parent[leaves], flow[leaves], size,
                                   None if leaf_key is None else leaf_key[leaves])
    module_exit = np.where(has_parent, exit_, 0.0)
    lone = _lone_top_modules(parent, is_leaf)
    if lone.size:  # they hold every leaf: no exit (their enter/exit sums cancel only to round-off)
        module_exit[lone] = 0.0
        rate_plogp = rate_plogp - np.bincount(parent[lone], weights=plogp(enter[lone]), minlength=size)
        rate_sum = rate_sum - np.bincount(parent[lone], weights=enter[lone], minlength=size)
    terms = codebook_length(module_exit, rate_sum, rate_plogp)
    if objective.module_cost:
        # codewords: module children, distinct leaf keys (a physical node once), and the
        # exit of every module that does not hold all leaves (the root and a module with
        # everything in it cannot be left)
        children = np.bincount(parent[modules], minlength=size)
        if leaf_key is None:
            children += np.bincount(parent[leaves], minlength=size)
        else:
            pairs = np.unique(np.stack([parent[leaves], leaf_key[leaves]]), axis=1)
            children += np.bincount(pairs[0], minlength=size)
        proper = _leaf_counts(parent, is_leaf) < int(is_leaf.sum())
        terms = terms + objective.module_cost * np.maximum(children + proper - 1, 0)
    if objective.has_meta:
        terms = terms + objective.meta_terms(parent[leaves], leaf_index[leaves], size)
    terms[is_leaf] = 0.0
    return terms


def _lone_top_modules(parent: np.ndarray, is_leaf: np.ndarray) -> np.ndarray:
    """The modules holding every leaf: the root's only child if it is a module, its only child
    if that is a module, and so on (usually none)."""
    lone = []
    node = 0
    while True:
        kids = np.flatnonzero(parent == node)
        if kids.shape[0] != 1 or is_leaf[kids[0]]:
            return np.asarray(lone, dtype=np.int64)
        node = int(kids[0])
        lone.append(node)


def _leaf_counts(parent: np.ndarray, is_leaf: np.ndarray) -> np.ndarray:
    """Number of leaves under every tree node."""
    counts = np.zeros(parent.shape[0], dtype=np.int64)
    node = np.nonzero(is_leaf)[0]
    while node.size:
        node = parent[node]
        node = node[node >= 0]
        np.add.at(counts, node, 1)
    return counts


def two_level_codelength(flow: FlowGraph, modules: np.ndarray) -> Codelength:
    """Exact two-level codelength of the partition ``modules`` (one id per node).

    Examples
    --------
    >>> from infomap_core import Network, compute_flow
    >>> net = Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)])
    >>> cl = two_level_codelength(compute_flow(net), np.array([0, 0, 0, 1, 1, 1]))
    >>> round(cl.codelength, 10), round(cl.one_level_codelength, 10)
    (2.3207303568, 2.5566567075)
    """
    modules = np.asarray(modules, dtype=np.int64)
    _, modules = np.unique(modules, return_inverse=True)
    mflow, menter, mexit = module_flows(flow, modules)
    index = float(codebook_length(0.0, menter.sum(), plogp(menter).sum()))
    module_term = codebook_length(mexit, mflow, keyed_plogp_sums(modules, flow.node_flow, mflow.shape[0],
                                                                 flow.physical))
    module = float(module_term.sum())
    return Codelength(
        codelength=index + module,
        index_codelength=index,
        module_codelength=module,
        one_level_codelength=one_level_codelength(flow),
        module_flow=mflow,
        module_enter=menter,
        module_exit=mexit,
        module_term=module_term,
    )


def grouped_codelength(module_group: np.ndarray, module_flow: np.ndarray,
                       module_enter: np.ndarray, module_exit: np.ndarray, module_unit_plogp: np.ndarray,
                       group_exit: np.ndarray) -> np.ndarray:
    """Codelength of flat partitions searched inside groups, one value per group.

    Group ``g`` is a module with exit ``X_g`` whose children are the modules ``m`` of
    the search (flow ``P_m``, enter ``E_m``, exit ``X_m``), whose children are units::

        L_g = codebook(X_g; E_m for m in g) + sum_{m in g} codebook(X_m; p_u for u in m)

    With one group of exit 0 this is the two-level codelength of a network.
    """
    groups = group_exit.shape[0]
    index = codebook_length(group_exit, np.bincount(module_group, weights=module_enter, minlength=groups),
                            np.bincount(module_group, weights=plogp(module_enter), minlength=groups))
    modules = codebook_length(module_exit, module_flow, module_unit_plogp)
    return index + np.bincount(module_group, weights=modules, minlength=groups)
