"""numba kernels of the optimizer: module sums, the core move loop, aggregation.

A *level* is a network of units (leaf nodes, or modules aggregated into super-nodes)
given by arrays over contiguous memory:

* ``indptr, indices, pflow``: symmetric CSR without self-entries; ``pflow`` is the
  total flow between two units in both directions.
* ``flow, enter, exit``: unit flow and enter/exit flow (links to other units only).
* ``tf, tw``: teleportation flow and weight (zeros unless teleportation is recorded).
* ``parent``: a constraint group per unit; a unit only moves to modules of its own
  group. ``parent_exit[g]`` is the exit flow of the enclosing module of group ``g``
  (0 for the whole network). One group runs the plain two-level search; one group per
  module runs all the sub-module searches of coarse-tuning and of the multilevel
  recursion at once, each with its own index codebook.

Moving unit ``u`` (flow ``p``, enter ``e``, exit ``x``) from module ``a`` to ``b``,
with ``d_a``, ``d_b`` the flow between ``u`` and the other members of ``a`` and ``b``,
changes ``E_a -> E_a - e + d_a``, ``X_a -> X_a - x + d_a``, ``E_b -> E_b + e - d_b``,
``X_b -> X_b + x - d_b`` and the group's codeword total ``Q -> Q + d_a - d_b``; the
change of L needs the plogp of those 13 quantities, so a move is O(degree).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .memory import content_gains, content_move, indexed_content_gains, physical_slots, wants_index
from .parallel import (_ENTER, _EXIT, _FLOW, _PL_ENTER, _PL_EXIT, _PL_EXIT_FLOW, _TF, _TW, _plogp, aggregate,
                       apply_move, induced, members_of, module_bookkeeping, module_records, module_sums,
                       symmetric_pair_counts, symmetric_pairs)

__all__ = ["module_sums", "core_loop", "aggregate", "induced", "relabel", "symmetric_pair_counts", "symmetric_pairs",
           "link_module_sums"]


@njit(cache=True)
def core_loop(indptr, indices, pflow, flow, enter, exit_, tf, tw, parent, parent_exit,
              mod, recorded, seed, loop_limit, min_improvement, first_loop, num_random_moves,
              max_degree_for_random_moves, memory, cptr, cphys, cflow, num_physical, module_cost, top,
              preferred_modules, meta_rate, mptr, mcat, mweight, num_categories, grouped):
    """Move units to the neighbouring (or an empty) module that lowers L the most.

    ``mod`` (initial module per unit, values < n) is updated in place. Sweeps visit
    units in a fresh random order and skip units whose neighbourhood did not change;
    they stop when nothing moves, the sweep gains less than ``min_improvement`` or
    after ``loop_limit`` sweeps. Returns (total change of L, number of moves).

    With ``grouped`` and groups, a sweep visits the groups in a random order and each
    group's units in a random order (:func:`_group_by_group_order`): the groups' searches
    are independent (each group's units are still visited in a uniformly random order), and
    a group's units, modules and physical slots stay in cache while it is visited (the
    sub-module searches on units contiguous per group with only the links inside groups,
    :meth:`.optimizer.Level.induced`: on a state network 2.8x faster than one random order
    over all units, bench/README.md, "Higher-order networks"; first-order levels search their
    groups with :func:`.grouped.grouped_core_loop` instead).

    Randomness beyond the order, as in the official Infomap: units with at most
    ``max_degree_for_random_moves`` neighbours also try the modules of
    ``num_random_moves`` random units of their group; with ``first_loop`` a unit that
    others have already joined stays (modules grow from the first movers).

    With ``memory`` (state networks) each unit's content ``(cptr, cphys, cflow)`` of
    physical nodes enters the module codebooks (:mod:`.memory`).

    Variants (:class:`.mapequation.Objective`): each module costs ``module_cost`` bits
    (none for a lone module of the ``top`` search, the one-level code), and the ``top``
    search pays ``|M - preferred_modules|`` bits for ``M`` modules (when > 0). With
    ``meta_rate`` > 0 each unit's meta-data content ``(mptr, mcat, mweight)`` adds
    ``meta_rate * (plogp(R_m) - sum_c plogp(r_{c,m}))`` per module (the meta map equation).
    """
    np.random.seed(seed)
    n = flow.shape[0]
    rec, menter = module_records(indptr, indices, pflow, flow, enter, exit_, tf, tw, mod, recorded, _TW + 1)
    msize, mgroup, gq, empty, num_empty = module_bookkeeping(mod, parent, parent_exit, menter)
    constrained = parent_exit.shape[0] > 1
    group_start, group_units = members_of(parent, parent_exit.shape[0])  # for the random moves
    if memory:
        slot_ptr, slot_len, slot_module, slot_flow, slot_units, slot_keys, slot_index = physical_slots(
            cptr, cphys, cflow, mod, num_physical, wants_index(cphys, num_physical))
    else:
        slot_ptr = slot_len = slot_module = slot_units = slot_keys = slot_index = np.zeros(0, dtype=np.int64)
        slot_flow = np.zeros(0)
    meta = meta_rate > 0.0
    if meta:
        meta_ptr, meta_len, meta_module, meta_flow, meta_units, meta_keys, meta_index = physical_slots(
            mptr, mcat, mweight, mod, num_categories, wants_index(mcat, num_categories))
        meta_total = np.zeros(n)
        for u in range(n):
            for e in range(mptr[u], mptr[u + 1]):
                meta_total[mod[u]] += mweight[e]
    else:
        meta_ptr = meta_len = meta_module = meta_units = meta_keys = meta_index = np.zeros(0, dtype=np.int64)
        meta_flow = meta_total = np.zeros(0)
    num_modules = 0
    for m in range(n):
        if msize[m] > 0:
            num_modules += 1
    variant = module_cost != 0.0 or preferred_modules > 0

    # scratch[m] = (flow between the visited unit and module m, visit stamp); gains[m]: the
    # content part of joining m (state networks only: the first-order loop keeps 16-byte rows)
    scratch = np.zeros((n, 2))
    scratch[:, 1] = -1.0
    gains = np.zeros(n if memory else 1)
    meta_gains = np.zeros(n if meta else 1)  # the same for the meta-data categories
    cand = np.empty(n, dtype=np.int64)
    dirty = np.ones(n, dtype=np.bool_)
    order = np.arange(n).astype(np.int32)
    lmod = mod.astype(np.int32)  # a compact copy: random reads of module ids dominate
    grouped = grouped and constrained
    if grouped:
        group_order = np.arange(parent_exit.shape[0])
        group_visits = group_units.astype(np.int32)
    total_delta = 0.0
    total_moves = 0
    visit = 0.0
    for _sweep in range(loop_limit):
        if grouped:
            _group_by_group_order(order, group_order, group_start, group_visits)
        else:
            np.random.shuffle(order)
        sweep_delta = 0.0
        sweep_moves = 0
        for idx in range(n):
            u = order[idx]
            if not dirty[u]:
                continue
            old = np.int64(lmod[u])
            if first_loop and msize[old] > 1:
                continue
            dirty[u] = False
            visit += 1.0
            g = parent[u]
            ncand = 0
            for e in range(indptr[u], indptr[u + 1]):
                v = indices[e]
                if constrained and parent[v] != g:
                    continue
                mv = lmod[v]
                if scratch[mv, 1] != visit:
                    scratch[mv, 1] = visit
                    scratch[mv, 0] = pflow[e]
                    if memory:
                        gains[mv] = 0.0
                    if meta:
                        meta_gains[mv] = 0.0
                    cand[ncand] = mv
                    ncand += 1
                else:
                    scratch[mv, 0] += pflow[e]
            if indptr[u + 1] - indptr[u] <= max_degree_for_random_moves:
                size_g = group_start[g + 1] - group_start[g]
                for _r in range(num_random_moves):
                    mv = lmod[group_units[group_start[g] + np.random.randint(0, size_g)]]
                    if scratch[mv, 1] != visit:
                        scratch[mv, 1] = visit
                        scratch[mv, 0] = 0.0
                        if memory:
                            gains[mv] = 0.0
                        if meta:
                            meta_gains[mv] = 0.0
                        cand[ncand] = mv
                        ncand += 1
            d_old = scratch[old, 0] if scratch[old, 1] == visit else 0.0
            if recorded:
                d_old += tf[u] * (rec[old, _TW] - tw[u]) + (rec[old, _TF] - tf[u]) * tw[u]
            pu = flow[u]
            eu = enter[u]
            xu = exit_[u]
            q = gq[g]
            plq = _plogp(q)
            eo = rec[old, _ENTER]
            xo = rec[old, _EXIT]
            po = rec[old, _FLOW]
            # enter == exit (undirected flow) lets one plogp serve both codebooks
            same_ex = eu == xu
            pl_eo_after = _plogp(eo - eu + d_old)
            pl_xo_after = pl_eo_after if (same_ex and eo == xo) else _plogp(xo - xu + d_old)
            old_side = (-pl_eo_after + rec[old, _PL_ENTER] - pl_xo_after + rec[old, _PL_EXIT]
                        + _plogp(xo + po - xu - pu + d_old) - rec[old, _PL_EXIT_FLOW])
            join_base = 0.0
            if memory:
                if slot_keys.shape[0] > 0:
                    leave, join_base = indexed_content_gains(cptr, cphys, cflow, u, old, slot_ptr, slot_len,
                                                             slot_module, slot_flow, slot_keys, slot_index, scratch,
                                                             visit, cand, ncand, gains)
                else:
                    leave, join_base = content_gains(cptr, cphys, cflow, u, old, slot_ptr, slot_len, slot_module,
                                                     slot_flow, scratch, visit, gains)
                old_side -= leave
            unit_meta = 0.0
            meta_base = 0.0
            if meta:
                for e in range(mptr[u], mptr[u + 1]):
                    unit_meta += mweight[e]
                if meta_keys.shape[0] > 0:
                    meta_leave, meta_base = indexed_content_gains(mptr, mcat, mweight, u, old, meta_ptr, meta_len,
                                                                  meta_module, meta_flow, meta_keys, meta_index,
                                                                  scratch, visit, cand, ncand, meta_gains)
                else:
                    meta_leave, meta_base = content_gains(mptr, mcat, mweight, u, old, meta_ptr, meta_len,
                                                          meta_module, meta_flow, scratch, visit, meta_gains)
                old_side += meta_rate * (_plogp(meta_total[old] - unit_meta) - _plogp(meta_total[old]) - meta_leave)
            best = old
            best_delta = 0.0
            best_d = -1.0
            extra = 1 if (msize[old] > 1 and num_empty > 0) else 0
            for c in range(ncand + extra):
                if c < ncand:
                    m = cand[c]
                    if m == old:
                        continue
                    d_new = scratch[m, 0]
                    gain = gains[m] if memory else 0.0
                    meta_gain = meta_gains[m] if meta else 0.0
                else:
                    m = empty[num_empty - 1]
                    d_new = 0.0
                    gain = 0.0
                    meta_gain = 0.0
                if recorded:
                    d_new += tf[u] * rec[m, _TW] + rec[m, _TF] * tw[u]
                en = rec[m, _ENTER]
                xn = rec[m, _EXIT]
                pn = rec[m, _FLOW]
                pl_en_after = _plogp(en + eu - d_new)
                pl_xn_after = pl_en_after if (same_ex and en == xn) else _plogp(xn + xu - d_new)
                delta = (_plogp(q + d_old - d_new) - plq + old_side
                         - pl_en_after + rec[m, _PL_ENTER] - pl_xn_after + rec[m, _PL_EXIT]
                         + _plogp(xn + pn + xu + pu - d_new) - rec[m, _PL_EXIT_FLOW])
                if memory:
                    delta -= join_base + gain
                if variant:
                    delta += _variant_delta(num_modules, msize[m] == 0, msize[old] == 1, module_cost, top,
                                            preferred_modules)
                if meta:
                    delta += meta_rate * (_plogp(meta_total[m] + unit_meta) - _plogp(meta_total[m])
                                          - meta_base - meta_gain)
                if delta < best_delta - 1e-14 or (delta <= best_delta + 1e-14 and d_new > best_d and best != old):
                    best = m
                    best_delta = delta
                    best_d = d_new
            if best == old or best_delta >= -1e-16:
                continue
            # Apply the move.
            d_new = scratch[best, 0] if scratch[best, 1] == visit else 0.0
            if recorded:
                d_new += tf[u] * rec[best, _TW] + rec[best, _TF] * tw[u]
            if msize[best] == 0:
                num_modules += 1
            if msize[old] == 1:
                num_modules -= 1
            if meta:
                content_move(mptr, mcat, mweight, u, old, best, meta_ptr, meta_len, meta_module, meta_flow,
                             meta_units, meta_keys, meta_index)
                meta_total[old] -= unit_meta
                meta_total[best] += unit_meta
            if memory:
                content_move(cptr, cphys, cflow, u, old, best, slot_ptr, slot_len, slot_module, slot_flow,
                             slot_units, slot_keys, slot_index)
            rec[old, _TF] -= tf[u]
            rec[old, _TW] -= tw[u]
            rec[best, _TF] += tf[u]
            rec[best, _TW] += tw[u]
            num_empty = apply_move(rec, msize, mgroup, empty, num_empty, gq, g, old, best, pu, eu, xu, d_old, d_new)
            lmod[u] = best
            for e in range(indptr[u], indptr[u + 1]):
                dirty[indices[e]] = True
            sweep_delta += best_delta
            sweep_moves += 1
        total_delta += sweep_delta
        total_moves += sweep_moves
        if sweep_moves == 0 or -sweep_delta < min_improvement:
            break
    for u in range(n):
        mod[u] = lmod[u]
    return total_delta, total_moves


@njit(cache=True)
def _group_by_group_order(order, group_order, group_start, group_units):
    """Fill ``order`` with the units group by group: the groups in a random order, the units
    of each (``group_units[group_start[g]:group_start[g + 1]]``, shuffled in place) in a
    random order."""
    np.random.shuffle(group_order)
    fill = 0
    for j in range(group_order.shape[0]):
        g = group_order[j]
        members = group_units[group_start[g]:group_start[g + 1]]
        np.random.shuffle(members)
        for i in range(members.shape[0]):
            order[fill + i] = members[i]
        fill += members.shape[0]


@njit(cache=True, inline="always")
def _variant_delta(num_modules, creates, empties, module_cost, top, preferred_modules):
    """Change of the objective's variant terms when a move creates and/or empties a module."""
    after = num_modules + (1 if creates else 0) - (1 if empties else 0)
    delta = module_cost * (after - num_modules)
    if top:
        if after == 1:
            delta -= module_cost
        if num_modules == 1:
            delta += module_cost
        if preferred_modules > 0:
            delta += abs(after - preferred_modules) - abs(num_modules - preferred_modules)
    return delta


@njit(cache=True)
def relabel(mod):
    """Renumber module ids to 0..k-1 in order of first appearance; returns (new ids, k)."""
    n = mod.shape[0]
    size = 1
    for u in range(n):
        if mod[u] + 1 > size:
            size = mod[u] + 1
    remap = np.full(size, -1, dtype=np.int64)
    out = np.empty(n, dtype=np.int64)
    k = 0
    for u in range(n):
        m = mod[u]
        if remap[m] < 0:
            remap[m] = k
            k += 1
        out[u] = remap[m]
    return out, k


@njit(cache=True)
def link_module_sums(indptr, indices, link_flow, modules, k):
    """Flow on links inside each module (self-links excluded), from the CSR link store."""
    inside = np.zeros(k)
    n = indptr.shape[0] - 1
    for s in range(n):
        m = modules[s]
        for e in range(indptr[s], indptr[s + 1]):
            t = indices[e]
            if t != s and modules[t] == m:
                inside[m] += link_flow[e]
    return inside
