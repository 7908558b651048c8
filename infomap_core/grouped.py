r"""The sub-module search of many groups at once: each group's core loop on its own, groups on every thread.

:func:`grouped_core_loop` is the core loop (:func:`.kernels.core_loop`, first-order flow, plain
map equation) for a level whose units are contiguous per group with only the links inside
groups (:meth:`.optimizer.Level.induced`, the sub-module searches of coarse-tuning on large
levels). The groups' searches share nothing: a unit's moves change only its own module, the
module it joins and its group's index codebook, and it sees only units of its own group. So
each group runs its own sweeps, from its own random numbers (splitmix64 from ``(seed,
group)``), and stops on its own (no move in a sweep, or a sweep gaining less than
``min_improvement``) as a separate search of that module would, as the official Infomap's
sub-Infomaps do; and the groups are split over the threads. The result depends on the seed
only, not on the number of threads, and every applied move is exact as in the sequential loop.
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange

from .parallel import (_ENTER, _EXIT, _FLOW, _PL_ENTER, _PL_EXIT, _PL_EXIT_FLOW, _TF, PARALLEL_MIN_LINKS,
                       _link_balanced_bounds, _plogp, apply_move, members_of, module_bookkeeping, module_records)

__all__ = ["grouped_core_loop"]

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


@njit(cache=True, inline="always")
def _splitmix(state):
    """``(next state, a pseudo-random 64-bit word)``: one step of splitmix64."""
    state = state + _GOLDEN
    z = state
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return state, z ^ (z >> np.uint64(31))


@njit(cache=True)
def _search_group(g, indptr, indices, pflow, flow, enter, exit_, parent, lmod, rec, msize, mgroup, gq, pool,
                  pool_size, units, seed, loop_limit, min_improvement, first_loop, num_random_moves,
                  max_degree_for_random_moves, dirty, scratch, base, cand, visit, result):
    """The core loop of group ``g`` (its ``units``, shuffled in place; ``pool[:pool_size]`` its
    unused module ids, the next one last). Module ``m``'s row of ``scratch`` is ``m - base``;
    visits are stamped there after ``visit``;
    returns the last stamp. Writes ``result[g]`` = (change of L, moves)."""
    state = np.uint64(seed) * _GOLDEN + np.uint64(g) * np.uint64(0xD6E8FEB86659FD93)
    size_g = units.shape[0]
    total_delta = 0.0
    total_moves = 0
    for _sweep in range(loop_limit):
        for i in range(size_g - 1, 0, -1):  # Fisher-Yates
            state, word = _splitmix(state)
            j = np.int64(word % np.uint64(i + 1))
            units[i], units[j] = units[j], units[i]
        sweep_delta = 0.0
        sweep_moves = 0
        for idx in range(size_g):
            u = units[idx]
            if not dirty[u]:
                continue
            old = np.int64(lmod[u])
            if first_loop and msize[old] > 1:
                continue
            dirty[u] = False
            visit += 1.0
            ncand = 0
            for e in range(indptr[u], indptr[u + 1]):
                v = indices[e]
                if parent[v] != g:
                    continue
                mv = lmod[v]
                if scratch[mv - base, 1] != visit:
                    scratch[mv - base, 1] = visit
                    scratch[mv - base, 0] = pflow[e]
                    cand[ncand] = mv
                    ncand += 1
                else:
                    scratch[mv - base, 0] += pflow[e]
            if indptr[u + 1] - indptr[u] <= max_degree_for_random_moves:
                for _r in range(num_random_moves):
                    state, word = _splitmix(state)
                    mv = lmod[units[np.int64(word % np.uint64(size_g))]]
                    if scratch[mv - base, 1] != visit:
                        scratch[mv - base, 1] = visit
                        scratch[mv - base, 0] = 0.0
                        cand[ncand] = mv
                        ncand += 1
            d_old = scratch[old - base, 0] if scratch[old - base, 1] == visit else 0.0
            pu = flow[u]
            eu = enter[u]
            xu = exit_[u]
            q = gq[g]
            plq = _plogp(q)
            eo = rec[old, _ENTER]
            xo = rec[old, _EXIT]
            po = rec[old, _FLOW]
            same_ex = eu == xu  # undirected flow: one plogp serves both codebooks
            pl_eo_after = _plogp(eo - eu + d_old)
            pl_xo_after = pl_eo_after if (same_ex and eo == xo) else _plogp(xo - xu + d_old)
            old_side = (-pl_eo_after + rec[old, _PL_ENTER] - pl_xo_after + rec[old, _PL_EXIT]
                        + _plogp(xo + po - xu - pu + d_old) - rec[old, _PL_EXIT_FLOW])
            best = old
            best_delta = 0.0
            best_d = -1.0
            extra = 1 if (msize[old] > 1 and pool_size > 0) else 0
            for c in range(ncand + extra):
                if c < ncand:
                    m = np.int64(cand[c])
                    if m == old:
                        continue
                    d_new = scratch[m - base, 0]
                else:
                    m = pool[pool_size - 1]
                    d_new = 0.0
                en = rec[m, _ENTER]
                xn = rec[m, _EXIT]
                pn = rec[m, _FLOW]
                pl_en_after = _plogp(en + eu - d_new)
                pl_xn_after = pl_en_after if (same_ex and en == xn) else _plogp(xn + xu - d_new)
                delta = (_plogp(q + d_old - d_new) - plq + old_side
                         - pl_en_after + rec[m, _PL_ENTER] - pl_xn_after + rec[m, _PL_EXIT]
                         + _plogp(xn + pn + xu + pu - d_new) - rec[m, _PL_EXIT_FLOW])
                if delta < best_delta - 1e-14 or (delta <= best_delta + 1e-14 and d_new > best_d and best != old):
                    best = m
                    best_delta = delta
                    best_d = d_new
            if best == old or best_delta >= -1e-16:
                continue
            d_new = scratch[best - base, 0] if scratch[best - base, 1] == visit else 0.0
            pool_size = apply_move(rec, msize, mgroup, pool, pool_size, gq, g, old, best, pu, eu, xu, d_old, d_new)
            lmod[u] = best
            for e in range(indptr[u], indptr[u + 1]):
                v = indices[e]
                if parent[v] == g:  # another group's units are another thread's
                    dirty[v] = True
            sweep_delta += best_delta
            sweep_moves += 1
        total_delta += sweep_delta
        total_moves += sweep_moves
        if sweep_moves == 0 or -sweep_delta < min_improvement:
            break
    result[g, 0] = total_delta
    result[g, 1] = total_moves
    return visit


@njit(cache=True)
def _search_groups(lo, hi, indptr, indices, pflow, flow, enter, exit_, parent, lmod, rec, msize, mgroup, gq, pools,
                   pool_sizes, group_start, group_units, base, span, seed, loop_limit, min_improvement, first_loop,
                   num_random_moves, max_degree_for_random_moves, dirty, result):
    """:func:`_search_group` of the groups ``lo <= g < hi``, with one scratch for all of them
    (``span`` rows: group ``g``'s module ids lie in ``base[g] <= m < base[g] + span``)."""
    scratch = np.zeros((span, 2))
    scratch[:, 1] = -1.0
    cand = np.empty(span, dtype=np.int32)
    visit = 0.0
    for g in range(lo, hi):
        a, b = group_start[g], group_start[g + 1]
        if b == a:
            continue
        visit = _search_group(g, indptr, indices, pflow, flow, enter, exit_, parent, lmod, rec, msize, mgroup, gq,
                      pools[a:b], pool_sizes[g], group_units[a:b], seed, loop_limit, min_improvement, first_loop,
                      num_random_moves, max_degree_for_random_moves, dirty, scratch, base[g], cand, visit, result)


@njit(cache=True, parallel=True)
def _search_groups_parallel(bounds, indptr, indices, pflow, flow, enter, exit_, parent, lmod, rec, msize, mgroup, gq,
                            pools, pool_sizes, group_start, group_units, base, span, seed, loop_limit,
                            min_improvement, first_loop, num_random_moves, max_degree_for_random_moves, dirty, result):
    for c in prange(bounds.shape[0] - 1):
        _search_groups(bounds[c], bounds[c + 1], indptr, indices, pflow, flow, enter, exit_, parent, lmod, rec, msize,
                       mgroup, gq, pools, pool_sizes, group_start, group_units, base, span, seed, loop_limit,
                       min_improvement, first_loop, num_random_moves, max_degree_for_random_moves, dirty, result)


@njit(cache=True)
def grouped_core_loop(indptr, indices, pflow, flow, enter, exit_, parent, parent_exit, mod, seed, loop_limit,
                      min_improvement, first_loop, num_random_moves, max_degree_for_random_moves, threads,
                      parallel_min_links=PARALLEL_MIN_LINKS):
    r"""The core loop of every group on its own (see the module docstring), on ``threads`` threads
    (on the calling thread below ``parallel_min_links`` stored links).

    A group's sweeps visit its units whose neighbourhood changed in a fresh random order; a
    unit joins the neighbouring (or an empty) module of its group that lowers L the most;
    units with at most ``max_degree_for_random_moves`` links also try the modules of
    ``num_random_moves`` random units of the group; with ``first_loop`` a unit that others
    have joined stays. A group stops after a sweep without moves, one that gains less than
    ``min_improvement``, or ``loop_limit`` sweeps. The unused module ids (``mod`` values below
    ``n``; ids of unused modules go to the group of the unit of that index) are each group's
    own: from singletons every group can open as many modules as it has units. ``mod`` is
    updated in place; returns (total change of L, number of moves), summed group by group.
    """
    n = flow.shape[0]
    num_groups = parent_exit.shape[0]
    rec, menter = module_records(indptr, indices, pflow, flow, enter, exit_, enter, enter, mod, False, _TF)
    msize, mgroup, gq, _, _ = module_bookkeeping(mod, parent, parent_exit, menter)
    group_start, group_units = members_of(parent, num_groups)
    pools = np.empty(n, dtype=np.int64)  # group g's unused ids in pools[group_start[g]:], the next one last
    pool_sizes = np.zeros(num_groups, dtype=np.int64)
    for m in range(n - 1, -1, -1):
        if msize[m] == 0:
            g = parent[m]
            pools[group_start[g] + pool_sizes[g]] = m
            pool_sizes[g] += 1
    # each group's module ids (its units' modules and unused ids, all among its units' indices
    # and modules) in a window base[g] <= m < base[g] + span: on a level ordered by group
    # (Level.induced) from singletons, each thread's scratch holds one group's rows, not n
    base = np.full(num_groups, n, dtype=np.int64)
    top = np.zeros(num_groups, dtype=np.int64)
    for u in range(n):
        g = parent[u]
        base[g] = min(base[g], u, mod[u])
        top[g] = max(top[g], u + 1, mod[u] + 1)
    span = 1
    for g in range(num_groups):
        if top[g] > base[g]:
            span = max(span, top[g] - base[g])
    lmod = mod.astype(np.int32)
    dirty = np.ones(n, dtype=np.bool_)
    result = np.zeros((num_groups, 2))
    chunks = max(1, min(threads, num_groups))
    if indptr[n] < parallel_min_links:
        chunks = 1
    if chunks == 1:
        _search_groups(0, num_groups, indptr, indices, pflow, flow, enter, exit_, parent, lmod, rec, msize, mgroup,
                       gq, pools, pool_sizes, group_start, group_units, base, span, seed, loop_limit, min_improvement,
                       first_loop, num_random_moves, max_degree_for_random_moves, dirty, result)
    else:
        bounds = _link_balanced_bounds(indptr, group_start, group_units, num_groups, chunks)
        _search_groups_parallel(bounds, indptr, indices, pflow, flow, enter, exit_, parent, lmod, rec, msize, mgroup,
                                gq, pools, pool_sizes, group_start, group_units, base, span, seed, loop_limit,
                                min_improvement, first_loop, num_random_moves, max_degree_for_random_moves, dirty,
                                result)
    total_delta = 0.0
    total_moves = 0
    for g in range(num_groups):
        total_delta += result[g, 0]
        total_moves += np.int64(result[g, 1])
    for u in range(n):
        mod[u] = lmod[u]
    return total_delta, total_moves
