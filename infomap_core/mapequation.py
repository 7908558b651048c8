"""The two-level map equation for a given partition.

With ``plogp(x) = x log2 x``, module enter flow ``q_i_in``, exit flow ``q_i_out``
and flow ``p_i = sum_{a in i} p_a``::

    index  = plogp(sum_i q_i_in) - sum_i plogp(q_i_in)
    module = -sum_i plogp(q_i_out) + sum_i plogp(q_i_out + p_i) - sum_a plogp(p_a)
    L      = index + module  =  q H(Q) + sum_i p_i_circ H(P_i)

Module enter/exit flow is the sum of its nodes' enter/exit flow minus the flow on
links inside the module (and, with recorded teleportation, minus the teleportation
between its own nodes, ``T_i W_i - sum_a t_a w_a``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .flow import FlowGraph
from .kernels import link_module_sums

__all__ = ["Codelength", "plogp", "module_flows", "two_level_codelength", "one_level_codelength"]


def plogp(x: np.ndarray | float) -> np.ndarray | float:
    """x * log2(x), with 0 for x <= 0 (round-off can give tiny negatives)."""
    arr = np.asarray(x, dtype=np.float64)
    safe = np.where(arr > 0, arr, 1.0)
    out = np.where(arr > 0, arr * np.log2(safe), 0.0)
    return float(out) if out.ndim == 0 else out


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
        if self.one_level_codelength <= 0:
            return 0.0
        return 1.0 - self.codelength / self.one_level_codelength


def one_level_codelength(flow: FlowGraph) -> float:
    """H(p): the codelength with every node in one module."""
    return float(-plogp(flow.node_flow).sum())


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
    return mflow, np.maximum(menter, 0.0), np.maximum(mexit, 0.0)


def two_level_codelength(flow: FlowGraph, modules: np.ndarray) -> Codelength:
    """Exact two-level codelength of the partition ``modules`` (one id per node)."""
    modules = np.asarray(modules, dtype=np.int64)
    _, modules = np.unique(modules, return_inverse=True)
    mflow, menter, mexit = module_flows(flow, modules)
    node_term = float(plogp(flow.node_flow).sum())
    index = float(plogp(menter.sum()) - plogp(menter).sum())
    node_terms_per_module = np.bincount(modules, weights=plogp(flow.node_flow), minlength=mflow.shape[0])
    module_term = plogp(mexit + mflow) - plogp(mexit) - node_terms_per_module
    module = float(-plogp(mexit).sum() + plogp(mexit + mflow).sum() - node_term)
    return Codelength(
        codelength=index + module,
        index_codelength=index,
        module_codelength=module,
        one_level_codelength=-node_term,
        module_flow=mflow,
        module_enter=menter,
        module_exit=mexit,
        module_term=module_term,
    )
