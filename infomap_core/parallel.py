r"""Kernels that use every core: module sums, aggregation and synchronous local moving.

Each is written so that its result does not depend on the number of threads: work is
split into independent slots (a node's own contribution, a module's own output row),
and every floating-point sum runs in the same order as a single thread would run it.
``numba.set_num_threads`` (the ``num_threads`` option) only changes the speed.

Synchronous local moving (:func:`synchronous_moves`; Hamann, Strasser, Wagner & Zeitz
2018, "Distributed graph clustering using modularity and map equation", Euro-Par,
doi:10.1007/978-3-319-96983-1_49): in a round every unit computes its best move
against the module statistics of the previous round, all at once; a random half of
the improving moves (fixed by the seed and the round) is applied, so that two units
cannot keep swapping; the statistics are recomputed and the next round starts. The
sequential core loop then refines the result.
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange

__all__ = ["module_sums", "aggregate", "synchronous_moves"]


@njit(cache=True, inline="always")
def _plogp(x):
    if x > 0.0:
        return x * np.log2(x)
    return 0.0


#: Below this many stored links a kernel runs on the calling thread: starting the thread
#: team costs more than the work (and far more on a loaded machine).
PARALLEL_MIN_LINKS = 50_000


@njit(cache=True)
def _inner_flow_rows(indptr, indices, pflow, mod, lo, hi, inner):
    """``inner[u]`` for ``lo <= u < hi``: flow from ``u`` to the units of its own module with a
    larger index."""
    for u in range(lo, hi):
        m = mod[u]
        s = 0.0
        for e in range(indptr[u], indptr[u + 1]):
            v = indices[e]
            if v > u and mod[v] == m:
                s += pflow[e]
        inner[u] = s


@njit(cache=True, parallel=True)
def _inner_flow_parallel(indptr, indices, pflow, mod, chunks, inner):
    n = mod.shape[0]
    step = (n + chunks - 1) // chunks
    for c in prange(chunks):
        _inner_flow_rows(indptr, indices, pflow, mod, c * step, min(n, (c + 1) * step), inner)


@njit(cache=True)
def _inner_flow(indptr, indices, pflow, mod):
    """Flow from each unit to the units of its own module with a larger index."""
    n = mod.shape[0]
    inner = np.zeros(n)
    if indptr[n] >= PARALLEL_MIN_LINKS:  # each unit's own slot: any split gives the same sums
        _inner_flow_parallel(indptr, indices, pflow, mod, 64, inner)
    else:
        _inner_flow_rows(indptr, indices, pflow, mod, 0, n, inner)
    return inner


@njit(cache=True)
def module_sums(indptr, indices, pflow, flow, enter, exit_, tf, tw, mod, k, recorded):
    """Flow, enter, exit, teleportation flow and weight of each of ``k`` modules.

    A module's enter (exit) is the sum of its units' enter (exit) minus the flow on
    links between its own units, and with recorded teleportation minus its own
    teleportation ``T_m W_m - sum_u t_u w_u``.
    """
    n = flow.shape[0]
    inner = _inner_flow(indptr, indices, pflow, mod)
    mflow = np.zeros(k)
    menter = np.zeros(k)
    mexit = np.zeros(k)
    mtf = np.zeros(k)
    mtw = np.zeros(k)
    own = np.zeros(k)
    for u in range(n):
        m = mod[u]
        mflow[m] += flow[u]
        menter[m] += enter[u] - inner[u]
        mexit[m] += exit_[u] - inner[u]
        mtf[m] += tf[u]
        mtw[m] += tw[u]
        own[m] += tf[u] * tw[u]
    if recorded:
        for m in range(k):
            inner_tele = mtf[m] * mtw[m] - own[m]
            menter[m] -= inner_tele
            mexit[m] -= inner_tele
    return mflow, menter, mexit, mtf, mtw


@njit(cache=True)
def members_of(mod, k):
    """Units of each module, contiguous (counting sort): (start, members)."""
    n = mod.shape[0]
    start = np.zeros(k + 1, dtype=np.int64)
    for u in range(n):
        start[mod[u] + 1] += 1
    for m in range(k):
        start[m + 1] += start[m]
    members = np.empty(n, dtype=np.int64)
    fill = start[:-1].copy()
    for u in range(n):
        members[fill[mod[u]]] = u
        fill[mod[u]] += 1
    return start, members


@njit(cache=True)
def _row_lengths_of(indptr, indices, mod, k, start, members, lo, hi, lengths):
    """Number of distinct other modules each module ``lo <= m < hi`` links to."""
    mark = np.full(k, -1, dtype=np.int64)
    for m in range(lo, hi):
        nt = 0
        for i in range(start[m], start[m + 1]):
            u = members[i]
            for e in range(indptr[u], indptr[u + 1]):
                mv = mod[indices[e]]
                if mv != m and mark[mv] != m:
                    mark[mv] = m
                    nt += 1
        lengths[m] = nt


@njit(cache=True)
def _fill_rows_of(indptr, indices, pflow, mod, k, start, members, lo, hi, new_indptr, new_indices, new_flow):
    """The rows of modules ``lo <= m < hi`` of the module network."""
    mark = np.full(k, -1, dtype=np.int64)
    acc = np.zeros(k)
    touched = np.empty(k, dtype=np.int64)
    for m in range(lo, hi):
        nt = 0
        for i in range(start[m], start[m + 1]):
            u = members[i]
            for e in range(indptr[u], indptr[u + 1]):
                mv = mod[indices[e]]
                if mv == m:
                    continue
                if mark[mv] != m:
                    mark[mv] = m
                    acc[mv] = 0.0
                    touched[nt] = mv
                    nt += 1
                acc[mv] += pflow[e]
        out = new_indptr[m]
        for j in range(nt):  # in order of first appearance: no kernel needs sorted rows
            new_indices[out + j] = touched[j]
            new_flow[out + j] = acc[touched[j]]


@njit(cache=True, parallel=True)
def _row_lengths(indptr, indices, mod, k, start, members, chunks, lengths):
    step = (k + chunks - 1) // chunks
    for c in prange(chunks):
        _row_lengths_of(indptr, indices, mod, k, start, members, c * step, min(k, (c + 1) * step), lengths)


@njit(cache=True, parallel=True)
def _fill_rows(indptr, indices, pflow, mod, k, start, members, new_indptr, new_indices, new_flow, chunks):
    step = (k + chunks - 1) // chunks
    for c in prange(chunks):
        _fill_rows_of(indptr, indices, pflow, mod, k, start, members, c * step, min(k, (c + 1) * step),
                      new_indptr, new_indices, new_flow)


@njit(cache=True)
def aggregate(indptr, indices, pflow, mod, k, threads):
    """CSR of the module network: summed flow between different modules.

    The module indices keep the dtype of ``indices`` (int32 for every network below
    2**31 - 1 nodes), so the kernels see one index type at every level. Modules are
    split among ``threads`` chunks; each module's row is the same whatever the split.
    """
    start, members = members_of(mod, k)
    chunks = max(1, min(k, threads))
    serial = chunks == 1 or indptr[mod.shape[0]] < PARALLEL_MIN_LINKS
    lengths = np.zeros(k, dtype=np.int64)
    if serial:
        _row_lengths_of(indptr, indices, mod, k, start, members, 0, k, lengths)
    else:
        _row_lengths(indptr, indices, mod, k, start, members, chunks, lengths)
    new_indptr = np.zeros(k + 1, dtype=np.int64)
    for m in range(k):
        new_indptr[m + 1] = new_indptr[m] + lengths[m]
    new_indices = np.empty(new_indptr[k], dtype=indices.dtype)
    new_flow = np.empty(new_indptr[k])
    if serial:
        _fill_rows_of(indptr, indices, pflow, mod, k, start, members, 0, k, new_indptr, new_indices, new_flow)
    else:
        _fill_rows(indptr, indices, pflow, mod, k, start, members, new_indptr, new_indices, new_flow, chunks)
    return new_indptr, new_indices, new_flow


@njit(cache=True, inline="always")
def _hash_bit(seed, round_, u):
    """One pseudo-random bit of (seed, round, unit): splitmix64."""
    x = np.uint64(seed) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(round_) * np.uint64(0xBF58476D1CE4E5B9) \
        + np.uint64(u)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    x = x ^ (x >> np.uint64(31))
    return (x >> np.uint64(17)) & np.uint64(1)


@njit(cache=True, parallel=True)
def _propose(indptr, indices, pflow, flow, enter, exit_, parent, gq, mod, menter, mexit, mflow, chunks):
    """Every unit's best move against the current module statistics: (target, gain)."""
    n = flow.shape[0]
    k = menter.shape[0]
    target = np.empty(n, dtype=np.int64)
    gain = np.zeros(n)
    step = (n + chunks - 1) // chunks
    for c in prange(chunks):
        acc = np.zeros(k)
        stamp = np.full(k, -1, dtype=np.int64)
        cand = np.empty(k, dtype=np.int64)
        for u in range(c * step, min(n, (c + 1) * step)):
            old = mod[u]
            g = parent[u]
            target[u] = old
            ncand = 0
            for e in range(indptr[u], indptr[u + 1]):
                v = indices[e]
                if parent[v] != g:
                    continue
                mv = mod[v]
                if stamp[mv] != u:
                    stamp[mv] = u
                    acc[mv] = pflow[e]
                    cand[ncand] = mv
                    ncand += 1
                else:
                    acc[mv] += pflow[e]
            d_old = acc[old] if stamp[old] == u else 0.0
            pu, eu, xu = flow[u], enter[u], exit_[u]
            q = gq[g]
            eo, xo, po = menter[old], mexit[old], mflow[old]
            old_side = (-_plogp(eo - eu + d_old) + _plogp(eo) - _plogp(xo - xu + d_old) + _plogp(xo)
                        + _plogp(xo + po - xu - pu + d_old) - _plogp(xo + po))
            best = 0.0
            best_d = -1.0
            for j in range(ncand):
                m = cand[j]
                if m == old:
                    continue
                d_new = acc[m]
                en, xn, pn = menter[m], mexit[m], mflow[m]
                delta = (_plogp(q + d_old - d_new) - _plogp(q) + old_side
                         - _plogp(en + eu - d_new) + _plogp(en) - _plogp(xn + xu - d_new) + _plogp(xn)
                         + _plogp(xn + pn + xu + pu - d_new) - _plogp(xn + pn))
                if delta < best - 1e-14 or (delta <= best + 1e-14 and d_new > best_d and target[u] != old):
                    best = delta
                    best_d = d_new
                    target[u] = m
            gain[u] = best
    return target, gain


@njit(cache=True)
def synchronous_moves(indptr, indices, pflow, flow, enter, exit_, tf, tw, parent, parent_exit, mod, seed,
                      max_rounds, min_fraction, threads):
    """Rounds of synchronous local moving (first-order flow, unrecorded teleportation);
    ``mod`` is updated in place. Stops when a round applies fewer than ``min_fraction`` of
    the units or after ``max_rounds``. Returns the number of moves applied."""
    n = flow.shape[0]
    chunks = max(1, min(n, threads))
    moves = 0
    for round_ in range(max_rounds):
        k = n  # module ids stay below n
        mflow, menter, mexit, _, _ = module_sums(indptr, indices, pflow, flow, enter, exit_, tf, tw, mod, k, False)
        gq = parent_exit.copy()
        seen = np.zeros(k, dtype=np.bool_)
        for u in range(n):
            m = mod[u]
            if not seen[m]:
                seen[m] = True
                gq[parent[u]] += menter[m]
        target, gain = _propose(indptr, indices, pflow, flow, enter, exit_, parent, gq, mod, menter, mexit, mflow,
                                chunks)
        applied = 0
        for u in range(n):
            if target[u] != mod[u] and gain[u] < -1e-12 and _hash_bit(seed, round_, u) == 1:
                mod[u] = target[u]
                applied += 1
        moves += applied
        if applied < min_fraction * n:
            break
    return moves
