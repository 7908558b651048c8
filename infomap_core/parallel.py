r"""Kernels that use every core: module sums, aggregation and the core loop's moves.

Each is written so that its result does not depend on the number of threads: work is
split into independent slots (a node's own contribution, a module's own output row, a
unit's own best move), and every floating-point sum runs in the same order as a single
thread would run it. ``numba.set_num_threads`` (the ``num_threads`` option) only changes
the speed, except that the search on more than one thread moves units with
:func:`coloured_core_loop` instead of the sequential :func:`.kernels.core_loop`.

:func:`coloured_core_loop` is the core loop with each sweep cut into the classes of a
greedy colouring: the units of a class share no link, so they choose their moves at
once on every thread, and the moves are applied in order, each re-checked in O(1)
(Lu, Halappanavar & Kalyanaraman 2015, "Parallel heuristics for scalable community
detection", Parallel Computing, doi:10.1016/j.parco.2015.03.003, colour classes for
parallel Louvain). It does the sequential loop's work, split over the threads.

:func:`_propose` is one round of synchronous local moving (Hamann, Strasser, Wagner &
Zeitz 2018, "Distributed graph clustering using modularity and map equation", Euro-Par,
doi:10.1007/978-3-319-96983-1_49): every unit's best move against the module statistics
of the previous round, all at once (:mod:`.distributed` runs its rounds on it).
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange

__all__ = ["module_sums", "aggregate", "module_network", "induced", "symmetric_pair_counts", "symmetric_pairs",
           "colour_classes", "coloured_core_loop"]


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
def _induced_counts(indptr, indices, pos, unit_group, lo, hi, new_indptr):
    """``new_indptr[pos[u] + 1]``: the entries of unit ``u`` (``lo <= u < hi``) that :func:`induced` keeps."""
    for u in range(lo, hi):
        pu = pos[u]
        if pu < 0:
            continue
        g = unit_group[u]
        count = 0
        for e in range(indptr[u], indptr[u + 1]):
            if unit_group[indices[e]] == g:
                count += 1
        new_indptr[pu + 1] = count


@njit(cache=True)
def _induced_rows(indptr, indices, pflow, pos, unit_group, lo, hi, new_indptr, new_indices, new_flow):
    """The rows of :func:`induced` of the units ``lo <= u < hi``."""
    for u in range(lo, hi):
        pu = pos[u]
        if pu < 0:
            continue
        g = unit_group[u]
        fill = new_indptr[pu]
        for e in range(indptr[u], indptr[u + 1]):
            v = indices[e]
            if unit_group[v] == g:
                new_indices[fill] = pos[v]
                new_flow[fill] = pflow[e]
                fill += 1


@njit(cache=True, parallel=True)
def _induced_count_parallel(indptr, indices, pos, unit_group, bounds, new_indptr):
    for c in prange(bounds.shape[0] - 1):
        _induced_counts(indptr, indices, pos, unit_group, bounds[c], bounds[c + 1], new_indptr)


@njit(cache=True, parallel=True)
def _induced_fill_parallel(indptr, indices, pflow, pos, unit_group, bounds, new_indptr, new_indices, new_flow):
    for c in prange(bounds.shape[0] - 1):
        _induced_rows(indptr, indices, pflow, pos, unit_group, bounds[c], bounds[c + 1], new_indptr, new_indices,
                      new_flow)


@njit(cache=True)
def induced(indptr, indices, pflow, pos, group):
    """CSR of the units with ``pos[u] >= 0`` (new index ``pos[u]``, any order), keeping only
    the entries between units of the same ``group`` (indexed by new index, ids >= 0), each row's in
    their order. Indices keep the dtype of ``indices``. Levels of ``PARALLEL_MIN_LINKS``
    stored links or more are copied on every thread (the same arrays)."""
    n = indptr.shape[0] - 1
    k = group.shape[0]
    unit_group = np.full(n, -1, dtype=np.int64)  # by old index: each entry then reads one array, not two
    for u in range(n):
        if pos[u] >= 0:
            unit_group[u] = group[pos[u]]
    parallel = indptr[n] >= PARALLEL_MIN_LINKS
    bounds = _row_bounds(indptr, 64) if parallel else np.zeros(0, dtype=np.int64)  # each unit writes its own row
    new_indptr = np.zeros(k + 1, dtype=np.int64)
    if parallel:
        _induced_count_parallel(indptr, indices, pos, unit_group, bounds, new_indptr)
    else:
        _induced_counts(indptr, indices, pos, unit_group, 0, n, new_indptr)
    for i in range(k):
        new_indptr[i + 1] += new_indptr[i]
    new_indices = np.empty(new_indptr[k], dtype=indices.dtype)
    new_flow = np.empty(new_indptr[k])
    if parallel:
        _induced_fill_parallel(indptr, indices, pflow, pos, unit_group, bounds, new_indptr, new_indices, new_flow)
    else:
        _induced_rows(indptr, indices, pflow, pos, unit_group, 0, n, new_indptr, new_indices, new_flow)
    return new_indptr, new_indices, new_flow


@njit(cache=True)
def _row_bounds(indptr, chunks):
    """``chunks + 1`` row bounds: chunk ``c`` is rows ``bounds[c] <= s < bounds[c + 1]``, cut
    where the stored links cross ``c / chunks`` of all."""
    n = indptr.shape[0] - 1
    bounds = np.empty(chunks + 1, dtype=np.int64)
    bounds[0] = 0
    bounds[chunks] = n
    for c in range(1, chunks):
        bounds[c] = min(n, np.searchsorted(indptr, (indptr[n] * c) // chunks))
    return bounds


@njit(cache=True)
def _pair_count_rows(indptr, indices, lo, hi, own, reverse):
    """For the rows ``lo <= s < hi``: ``own[s]``, the row's links to other nodes, and in
    ``reverse[t]`` the number of those links into ``t``."""
    for s in range(lo, hi):
        count = 0
        for e in range(indptr[s], indptr[s + 1]):
            t = indices[e]
            if t != s:
                count += 1
                reverse[t] += 1
        own[s] = count


@njit(cache=True)
def _pair_fill_rows(indptr, indices, link_flow, lo, hi, fill, out_indices, out_flow):
    """Each link ``(s, t, f)`` of the rows ``lo <= s < hi`` as ``(s, t, f)`` at ``fill[s]`` and
    ``(t, s, f)`` at ``fill[t]``, advancing both."""
    for s in range(lo, hi):
        for e in range(indptr[s], indptr[s + 1]):
            t = indices[e]
            if t != s:
                f = link_flow[e]
                out_indices[fill[s]] = t
                out_flow[fill[s]] = f
                fill[s] += 1
                out_indices[fill[t]] = s
                out_flow[fill[t]] = f
                fill[t] += 1


@njit(cache=True, parallel=True)
def _pair_count_parallel(indptr, indices, bounds, own, reverse):
    for c in prange(bounds.shape[0] - 1):
        _pair_count_rows(indptr, indices, bounds[c], bounds[c + 1], own, reverse[c])


@njit(cache=True, parallel=True)
def _pair_fill_parallel(indptr, indices, link_flow, bounds, fill, out_indices, out_flow):
    for c in prange(bounds.shape[0] - 1):
        _pair_fill_rows(indptr, indices, link_flow, bounds[c], bounds[c + 1], fill[c], out_indices, out_flow)


@njit(cache=True)
def symmetric_pair_counts(indptr, indices, chunks):
    """Row pointer of the symmetric pair CSR (see :func:`symmetric_pairs`), and the
    positions that function fills from: ``fill[c, t]``, where the rows of chunk ``c``
    (``bounds``) write their links into ``t``. ``chunks`` > 1 counts on every thread."""
    n = indptr.shape[0] - 1
    bounds = _row_bounds(indptr, chunks)
    own = np.zeros(n, dtype=np.int64)
    fill = np.zeros((chunks, n), dtype=np.int64)
    if chunks > 1:
        _pair_count_parallel(indptr, indices, bounds, own, fill)
    else:
        _pair_count_rows(indptr, indices, 0, n, own, fill[0])
    out_indptr = np.empty(n + 1, dtype=np.int64)
    out_indptr[0] = 0
    c = 0
    for t in range(n):
        while bounds[c + 1] <= t:
            c += 1
        at = out_indptr[t]
        for d in range(chunks):
            count = fill[d, t]
            fill[d, t] = at
            at += count
            if d == c:  # the row's own links come with its chunk's (one pass over the rows in order)
                at += own[t]
        out_indptr[t + 1] = at
    return out_indptr, fill, bounds


@njit(cache=True)
def symmetric_pairs(indptr, indices, link_flow, fill, bounds, out_indices, out_flow):
    """Fill the symmetric CSR of the links without self-links: each link (s, t, f)
    gives (s, t, f) and (t, s, f). Reciprocal links stay separate entries (the kernels
    sum them). ``out_indices`` may be int32 to halve its memory. ``fill`` and ``bounds``
    are :func:`symmetric_pair_counts`' (``fill`` is used up).

    Row ``t`` lists its links as one pass over the rows in order appends them: those
    into ``t`` from rows ``s < t``, its own, those from rows ``s > t``; each chunk of rows
    starts where the earlier chunks end, so the CSR is the same for any number of chunks.

    Examples
    --------
    >>> indptr, indices = np.array([0, 2, 3, 3]), np.array([1, 2, 2])
    >>> out_indptr, fill, bounds = symmetric_pair_counts(indptr, indices, 2)
    >>> out_indices, out_flow = np.empty(6, dtype=np.int64), np.empty(6)
    >>> symmetric_pairs(indptr, indices, np.array([0.5, 0.25, 0.25]), fill, bounds, out_indices, out_flow)
    >>> out_indptr.tolist(), out_indices.tolist()
    ([0, 2, 4, 6], [1, 2, 0, 2, 0, 1])
    """
    if fill.shape[0] > 1:
        _pair_fill_parallel(indptr, indices, link_flow, bounds, fill, out_indices, out_flow)
    else:
        _pair_fill_rows(indptr, indices, link_flow, 0, indptr.shape[0] - 1, fill[0], out_indices, out_flow)


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
def module_bookkeeping(mod, parent, parent_exit, menter):
    """The core loops' per-module state of partition ``mod`` (ids below ``n``, the number of
    units): units per module, each used module's group, each group's index-codebook rate
    ``q_g = X_g + sum of its modules' enter flow``, and the unused module ids as a stack
    (highest first) with its size."""
    n = mod.shape[0]
    msize = np.zeros(n, dtype=np.int64)
    mgroup = np.full(n, -1, dtype=np.int64)
    for u in range(n):
        msize[mod[u]] += 1
        mgroup[mod[u]] = parent[u]
    gq = parent_exit.copy()
    for m in range(n):
        if msize[m] > 0:
            gq[mgroup[m]] += menter[m]
    empty = np.empty(n, dtype=np.int64)
    num_empty = 0
    for m in range(n - 1, -1, -1):
        if msize[m] == 0:
            empty[num_empty] = m
            num_empty += 1
    return msize, mgroup, gq, empty, num_empty


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
def _row_lengths_of(indptr, indices, pflow, mod, k, start, members, lo, hi, lengths, inner):
    """Number of distinct other modules each module ``lo <= m < hi`` links to, and the flow
    between its own units (each pair once: both directions are stored)."""
    mark = np.full(k, -1, dtype=np.int64)
    for m in range(lo, hi):
        nt = 0
        own = 0.0
        for i in range(start[m], start[m + 1]):
            u = members[i]
            for e in range(indptr[u], indptr[u + 1]):
                mv = mod[indices[e]]
                if mv == m:
                    own += pflow[e]
                elif mark[mv] != m:
                    mark[mv] = m
                    nt += 1
        lengths[m] = nt
        inner[m] = 0.5 * own


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


@njit(cache=True)
def _unit_sums_of(flow, enter, exit_, tf, tw, start, members, lo, hi, sums):
    """Flow, enter, exit, teleportation flow and weight and ``sum t_u w_u`` of the units of each
    module ``lo <= m < hi`` (``sums[m]``), each summed in increasing unit order."""
    for m in range(lo, hi):
        f = x_in = x_out = t = w = own = 0.0
        for i in range(start[m], start[m + 1]):
            u = members[i]
            f += flow[u]
            x_in += enter[u]
            x_out += exit_[u]
            t += tf[u]
            w += tw[u]
            own += tf[u] * tw[u]
        sums[m, 0], sums[m, 1], sums[m, 2], sums[m, 3], sums[m, 4], sums[m, 5] = f, x_in, x_out, t, w, own


@njit(cache=True)
def _link_balanced_bounds(indptr, start, members, k, chunks):
    """``chunks + 1`` module bounds: chunk ``c`` is modules ``bounds[c] <= m < bounds[c + 1]``,
    cut where the running count of the modules' stored links crosses ``c / chunks`` of all
    (a chunk's work is its links; splitting by module count left one thread waiting)."""
    bounds = np.empty(chunks + 1, dtype=np.int64)
    bounds[0] = 0
    total = indptr[indptr.shape[0] - 1]
    c = 1
    seen = 0
    for m in range(k):
        if c >= chunks:
            break
        for i in range(start[m], start[m + 1]):
            u = members[i]
            seen += indptr[u + 1] - indptr[u]
        while c < chunks and seen * chunks >= c * total:
            bounds[c] = m + 1
            c += 1
    while c < chunks:
        bounds[c] = k
        c += 1
    bounds[chunks] = k
    return bounds


@njit(cache=True, parallel=True)
def _row_lengths(indptr, indices, pflow, mod, k, start, members, bounds, lengths, inner, flow, enter, exit_, tf, tw,
                 sums):
    for c in prange(bounds.shape[0] - 1):
        _row_lengths_of(indptr, indices, pflow, mod, k, start, members, bounds[c], bounds[c + 1], lengths, inner)
        _unit_sums_of(flow, enter, exit_, tf, tw, start, members, bounds[c], bounds[c + 1], sums)


@njit(cache=True, parallel=True)
def _fill_rows(indptr, indices, pflow, mod, k, start, members, new_indptr, new_indices, new_flow, bounds):
    for c in prange(bounds.shape[0] - 1):
        _fill_rows_of(indptr, indices, pflow, mod, k, start, members, bounds[c], bounds[c + 1],
                      new_indptr, new_indices, new_flow)


@njit(cache=True)
def aggregate(indptr, indices, pflow, mod, k, threads):
    """CSR of the module network: summed flow between different modules.

    The module indices keep the dtype of ``indices`` (int32 for every network below
    2**31 - 1 nodes), so the kernels see one index type at every level. Modules are
    split among ``threads`` chunks of about as many links each; each module's row is the
    same whatever the split.
    """
    n = mod.shape[0]
    none = np.zeros(n)
    new_indptr, new_indices, new_flow, _, _ = _aggregate(indptr, indices, pflow, mod, k, threads, none, none, none,
                                                         none, none)
    return new_indptr, new_indices, new_flow


@njit(cache=True)
def module_network(indptr, indices, pflow, flow, enter, exit_, tf, tw, mod, k, recorded, threads):
    """The module network of partition ``mod``: :func:`module_sums` and :func:`aggregate` in
    two passes over the links instead of three (the flow between a module's own units, and
    the sums of its units' flow, enter and exit, are taken while its row is sized). Returns
    ``(flow, enter, exit, tf, tw, indptr, indices, link flow)`` of the ``k`` modules."""
    new_indptr, new_indices, new_flow, inner, sums = _aggregate(indptr, indices, pflow, mod, k, threads, flow, enter,
                                                                exit_, tf, tw)
    mflow = sums[:, 0].copy()
    menter = sums[:, 1] - inner
    mexit = sums[:, 2] - inner
    mtf = sums[:, 3].copy()
    mtw = sums[:, 4].copy()
    if recorded:
        for m in range(k):
            inner_tele = mtf[m] * mtw[m] - sums[m, 5]
            menter[m] -= inner_tele
            mexit[m] -= inner_tele
    return mflow, menter, mexit, mtf, mtw, new_indptr, new_indices, new_flow


@njit(cache=True)
def _aggregate(indptr, indices, pflow, mod, k, threads, flow, enter, exit_, tf, tw):
    """:func:`aggregate`, the flow between each module's own units and the sums of
    :func:`_unit_sums_of`."""
    start, members = members_of(mod, k)
    chunks = max(1, min(k, threads))
    if indptr[mod.shape[0]] < PARALLEL_MIN_LINKS:
        chunks = 1
    lengths = np.zeros(k, dtype=np.int64)
    inner = np.zeros(k)
    sums = np.empty((k, 6))
    if chunks == 1:
        _row_lengths_of(indptr, indices, pflow, mod, k, start, members, 0, k, lengths, inner)
        _unit_sums_of(flow, enter, exit_, tf, tw, start, members, 0, k, sums)
    else:
        bounds = _link_balanced_bounds(indptr, start, members, k, chunks)
        _row_lengths(indptr, indices, pflow, mod, k, start, members, bounds, lengths, inner, flow, enter, exit_, tf,
                     tw, sums)
    new_indptr = np.zeros(k + 1, dtype=np.int64)
    for m in range(k):
        new_indptr[m + 1] = new_indptr[m] + lengths[m]
    new_indices = np.empty(new_indptr[k], dtype=indices.dtype)
    new_flow = np.empty(new_indptr[k])
    if chunks == 1:
        _fill_rows_of(indptr, indices, pflow, mod, k, start, members, 0, k, new_indptr, new_indices, new_flow)
    else:
        _fill_rows(indptr, indices, pflow, mod, k, start, members, new_indptr, new_indices, new_flow, bounds)
    return new_indptr, new_indices, new_flow, inner, sums


@njit(cache=True, inline="always")
def leave_delta(eo, xo, po, eu, xu, pu, d_old):
    """Change of the module terms of L when a unit (flow ``pu``, enter ``eu``, exit ``xu``)
    leaves its module (enter ``eo``, exit ``xo``, flow ``po``), ``d_old`` the flow between
    them; :func:`join_delta` adds the rest of a move."""
    return (-_plogp(eo - eu + d_old) + _plogp(eo) - _plogp(xo - xu + d_old) + _plogp(xo)
            + _plogp(xo + po - xu - pu + d_old) - _plogp(xo + po))


@njit(cache=True, inline="always")
def join_delta(q, d_old, d_new, old_side, en, xn, pn, eu, xu, pu):
    """Change of L when the unit of :func:`leave_delta` (``old_side``) joins module ``(en, xn,
    pn)``, ``d_new`` the flow between them, ``q`` the index codebook's rate."""
    return (_plogp(q + d_old - d_new) - _plogp(q) + old_side
            - _plogp(en + eu - d_new) + _plogp(en) - _plogp(xn + xu - d_new) + _plogp(xn)
            + _plogp(xn + pn + xu + pu - d_new) - _plogp(xn + pn))


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
            old_side = leave_delta(eo, xo, po, eu, xu, pu, d_old)
            best = 0.0
            best_d = -1.0
            for j in range(ncand):
                m = cand[j]
                if m == old:
                    continue
                d_new = acc[m]
                en, xn, pn = menter[m], mexit[m], mflow[m]
                delta = join_delta(q, d_old, d_new, old_side, en, xn, pn, eu, xu, pu)
                if delta < best - 1e-14 or (delta <= best + 1e-14 and d_new > best_d and target[u] != old):
                    best = delta
                    best_d = d_new
                    target[u] = m
            gain[u] = best
    return target, gain


# ---------------------------------------------------------------------------------------
# Colour-synchronous core loop: the sequential core loop's sweeps, split over threads.


@njit(cache=True)
def colour_classes(indptr, indices):
    """Greedy (first-fit) colouring in unit order: no two linked units share a colour.

    Returns ``(class_start, class_units)``: the units of colour ``c`` are
    ``class_units[class_start[c]:class_start[c + 1]]``, in increasing order. First-fit
    uses at most ``max degree + 1`` colours (a few dozen on the LFR graphs).
    """
    n = indptr.shape[0] - 1
    colour = np.empty(n, dtype=np.int64)
    seen = np.full(n + 1, -1, dtype=np.int64)  # seen[c] == u: a neighbour of u has colour c
    num_colours = 0
    for u in range(n):
        for e in range(indptr[u], indptr[u + 1]):
            v = indices[e]
            if v < u:
                seen[colour[v]] = u
        c = 0
        while seen[c] == u:
            c += 1
        colour[u] = c
        if c + 1 > num_colours:
            num_colours = c + 1
    start, members = members_of(colour, num_colours)
    return start, members


@njit(cache=True, inline="always")
def _mix(seed, a, b):
    """A pseudo-random 64-bit word of (seed, a, b): splitmix64's finaliser."""
    x = np.uint64(seed) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(a) * np.uint64(0xBF58476D1CE4E5B9) \
        + np.uint64(b) * np.uint64(0xD6E8FEB86659FD93)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


#: Columns of the core loops' record of module statistics, one row per module id, so that evaluating
#: a candidate module touches one cache line instead of several arrays: enter, exit, flow and their
#: plogp terms; the sequential loop's rows add the teleportation flow and weight (recorded teleportation).
_ENTER, _EXIT, _FLOW, _PL_ENTER, _PL_EXIT, _PL_EXIT_FLOW, _TF, _TW = 0, 1, 2, 3, 4, 5, 6, 7
#: ``target`` of a unit that stays, and of a unit that opens a new (empty) module.
_STAY, _NEW = -1, -2


@njit(cache=True, inline="always")
def _refresh_row(rec, m):
    rec[m, _PL_ENTER] = _plogp(rec[m, _ENTER])
    rec[m, _PL_EXIT] = _plogp(rec[m, _EXIT])
    rec[m, _PL_EXIT_FLOW] = _plogp(rec[m, _EXIT] + rec[m, _FLOW])


@njit(cache=True)
def module_records(indptr, indices, pflow, flow, enter, exit_, tf, tw, mod, recorded, width):
    """The core loops' record of partition ``mod`` (module ids below ``n``, the number of units):
    ``rec[m]`` = enter, exit, flow, ``plogp`` of enter, of exit and of exit + flow of module ``m``
    (:func:`module_sums`), and with ``width`` 8 its teleportation flow and weight; returns
    ``(rec, enter flow of each module)``."""
    n = flow.shape[0]
    mflow, menter, mexit, mtf, mtw = module_sums(indptr, indices, pflow, flow, enter, exit_, tf, tw, mod, n, recorded)
    rec = np.empty((n, width))
    for m in range(n):
        rec[m, _ENTER] = menter[m]
        rec[m, _EXIT] = mexit[m]
        rec[m, _FLOW] = mflow[m]
        if width > _TW:
            rec[m, _TF] = mtf[m]
            rec[m, _TW] = mtw[m]
        _refresh_row(rec, m)
    return rec, menter


@njit(cache=True, inline="always")
def _move_delta(rec, old, m, q, pu, eu, xu, d_old, d_new):
    """Change of L when a unit (flow ``pu``, enter ``eu``, exit ``xu``) leaves ``old`` for ``m``
    (see :mod:`.kernels`)."""
    eo, xo, po = rec[old, _ENTER], rec[old, _EXIT], rec[old, _FLOW]
    en, xn, pn = rec[m, _ENTER], rec[m, _EXIT], rec[m, _FLOW]
    return (_plogp(q + d_old - d_new) - _plogp(q)
            - _plogp(eo - eu + d_old) + rec[old, _PL_ENTER] - _plogp(xo - xu + d_old) + rec[old, _PL_EXIT]
            + _plogp(xo + po - xu - pu + d_old) - rec[old, _PL_EXIT_FLOW]
            - _plogp(en + eu - d_new) + rec[m, _PL_ENTER] - _plogp(xn + xu - d_new) + rec[m, _PL_EXIT]
            + _plogp(xn + pn + xu + pu - d_new) - rec[m, _PL_EXIT_FLOW])


@njit(cache=True, inline="always")
def apply_move(rec, msize, mgroup, empty, num_empty, gq, g, old, best, pu, eu, xu, d_old, d_new):
    """Move a unit (flow ``pu``, enter ``eu``, exit ``xu``; flows ``d_old``, ``d_new`` to the other
    members of ``old`` and of ``best``) from module ``old`` to ``best`` of group ``g``: the modules'
    records, sizes, the group's codeword total and the stack of empty modules (``best``, if
    empty, is its top). Returns the new number of empty modules. The caller sets the unit's
    module and marks its neighbours."""
    if msize[best] == 0:
        num_empty -= 1
        mgroup[best] = g
    rec[old, _ENTER] += -eu + d_old
    rec[old, _EXIT] += -xu + d_old
    rec[old, _FLOW] -= pu
    rec[best, _ENTER] += eu - d_new
    rec[best, _EXIT] += xu - d_new
    rec[best, _FLOW] += pu
    _refresh_row(rec, old)
    _refresh_row(rec, best)
    gq[g] += d_old - d_new
    msize[old] -= 1
    msize[best] += 1
    if msize[old] == 0:
        empty[num_empty] = old
        num_empty += 1
    return num_empty


@njit(cache=True)
def _best_moves(indptr, indices, pflow, flow, enter, exit_, parent, constrained, lmod, rec, gq, msize, new_module,
                active, lo, hi, scratch, cand, visit_base, seed, sweep, num_random_moves,
                max_degree_for_random_moves, group_start, group_units, target, target_d_old, target_d_new):
    """Best move of the units ``active[lo:hi]`` against the current statistics (read only).

    ``new_module`` is an empty module a unit may open (-1: none). Writes each unit's
    ``target`` (a module, ``_STAY`` or ``_NEW``) and the flows ``d_old``, ``d_new`` between
    the unit and the other members of its module and of the target. ``scratch`` (flow to
    module ``m``, visit stamp: one 16-byte row per module) and ``cand`` are the caller's
    own; a visit is stamped ``visit_base + u``, unique within the loop.
    """
    for i in range(lo, hi):
        u = active[i]
        visit = np.float64(visit_base + u)
        old = np.int64(lmod[u])
        g = parent[u]
        ncand = 0
        for e in range(indptr[u], indptr[u + 1]):
            v = indices[e]
            if constrained and parent[v] != g:
                continue
            mv = np.int64(lmod[v])
            if scratch[mv, 1] != visit:
                scratch[mv, 1] = visit
                scratch[mv, 0] = pflow[e]
                cand[ncand] = mv
                ncand += 1
            else:
                scratch[mv, 0] += pflow[e]
        if indptr[u + 1] - indptr[u] <= max_degree_for_random_moves:
            size_g = group_start[g + 1] - group_start[g]
            for r in range(num_random_moves):
                pick = np.int64(_mix(seed, sweep * num_random_moves + r, u) % np.uint64(size_g))
                mv = np.int64(lmod[group_units[group_start[g] + pick]])
                if scratch[mv, 1] != visit:
                    scratch[mv, 1] = visit
                    scratch[mv, 0] = 0.0
                    cand[ncand] = mv
                    ncand += 1
        d_old = scratch[old, 0] if scratch[old, 1] == visit else 0.0
        pu, eu, xu = flow[u], enter[u], exit_[u]
        q = gq[g]
        plq = _plogp(q)
        eo, xo, po = rec[old, _ENTER], rec[old, _EXIT], rec[old, _FLOW]
        old_side = (-_plogp(eo - eu + d_old) + rec[old, _PL_ENTER] - _plogp(xo - xu + d_old) + rec[old, _PL_EXIT]
                    + _plogp(xo + po - xu - pu + d_old) - rec[old, _PL_EXIT_FLOW])
        best = _STAY
        best_delta = 0.0
        best_d = -1.0
        extra = 1 if (msize[old] > 1 and new_module >= 0) else 0
        for c in range(ncand + extra):
            if c < ncand:
                m = cand[c]
                if m == old:
                    continue
                d_new = scratch[m, 0]
            else:
                m = new_module
                d_new = 0.0
            en, xn, pn = rec[m, _ENTER], rec[m, _EXIT], rec[m, _FLOW]
            delta = (_plogp(q + d_old - d_new) - plq + old_side
                     - _plogp(en + eu - d_new) + rec[m, _PL_ENTER] - _plogp(xn + xu - d_new) + rec[m, _PL_EXIT]
                     + _plogp(xn + pn + xu + pu - d_new) - rec[m, _PL_EXIT_FLOW])
            if delta < best_delta - 1e-14 or (delta <= best_delta + 1e-14 and d_new > best_d and best != _STAY):
                best = m if c < ncand else _NEW
                best_delta = delta
                best_d = d_new
        target[u] = best
        target_d_old[u] = d_old
        target_d_new[u] = best_d if best != _STAY else 0.0


@njit(cache=True)
def active_bounds(indptr, active, num_active, total, chunks):
    """``chunks + 1`` bounds into ``active[:num_active]``: chunk ``c`` is
    ``active[bounds[c]:bounds[c + 1]]``, cut where the units' cost (stored links + 1, what a
    unit's choice scans) crosses ``c / chunks`` of ``total``, their whole cost (the callers
    count the links as they collect the units).

    Examples
    --------
    >>> import numpy as np
    >>> indptr = np.array([0, 15, 16, 17, 18, 19, 20, 21, 22, 23])  # unit 0: 15 links, the others 1
    >>> active_bounds(indptr, np.arange(9), 9, 23 + 9, 2).tolist()  # costs 16 | 8 x 2: cut after unit 0
    [0, 1, 9]
    """
    bounds = np.full(chunks + 1, num_active, dtype=np.int64)
    bounds[0] = 0
    c = 1
    run = 0
    i = 0
    while c < chunks and i < num_active:
        u = active[i]
        run += indptr[u + 1] - indptr[u] + 1
        i += 1
        while c < chunks and run * chunks >= total * c:
            bounds[c] = i
            c += 1
    return bounds


@njit(cache=True, parallel=True)
def _best_moves_parallel(indptr, indices, pflow, flow, enter, exit_, parent, constrained, lmod, rec, gq, msize,
                         new_module, active, num_active, links, scratch, cand, visit_base, seed, sweep,
                         num_random_moves, max_degree_for_random_moves, group_start, group_units, target, target_d_old,
                         target_d_new):
    """:func:`_best_moves` of ``active[:num_active]`` (holding ``links`` stored links) in
    ``scratch.shape[0]`` chunks of about equal cost (:func:`active_bounds`), each with its own
    scratch. Halves by count left one thread waiting: on a module network of 44k units (LFR mu
    0.5; degrees 56 on average, up to 897) a colour sweep's choices took 0.35 s on two threads
    instead of 0.30 s."""
    chunks = scratch.shape[0]
    bounds = active_bounds(indptr, active, num_active, links + num_active, chunks)
    for c in prange(chunks):
        _best_moves(indptr, indices, pflow, flow, enter, exit_, parent, constrained, lmod, rec, gq, msize, new_module,
                    active, bounds[c], bounds[c + 1], scratch[c], cand[c], visit_base, seed,
                    sweep, num_random_moves, max_degree_for_random_moves, group_start, group_units, target,
                    target_d_old, target_d_new)


#: Units choose their moves on the thread team (a colour class, a batch of the speculative
#: loop) when they hold at least this many stored links; fewer, on the calling thread. Counted
#: in links, not units: the last colour classes of a module network hold few units of many
#: links (LFR mu 0.3, 25.8k units: 16% of the choices fell below 512 units; by links that
#: loop took 0.095 s on two threads instead of 0.115 s).
PARALLEL_MIN_CHOICE_LINKS = 8192
#: Moved units whose neighbours are marked on the thread team: at least this many.
PARALLEL_MIN_ACTIVE = 512


@njit(cache=True)
def coloured_core_loop(indptr, indices, pflow, flow, enter, exit_, parent, parent_exit, mod, seed, loop_limit,
                       min_improvement, first_loop, num_random_moves, max_degree_for_random_moves, class_start,
                       class_units, threads):
    r"""The core loop (:func:`.kernels.core_loop`, first-order flow, plain map equation) with
    each sweep's moves evaluated on ``threads`` threads.

    A sweep visits the colour classes of :func:`colour_classes` in a random order. The
    units of a class are not linked to each other, so the flow between a unit and each
    module does not change while the others of its class move: all of them choose their
    best move at once against the statistics at the start of the class (in parallel),
    then the moves are applied one by one in a random order, each only if it still
    lowers L against the statistics as they are by then (an O(1) check). So every applied
    move lowers L exactly as the sequential loop's do, and the result depends on ``seed``
    only, not on ``threads``. Sweeps skip units whose neighbourhood did not change and
    stop as the sequential loop's do. ``mod`` is updated in place; returns (total change
    of L, number of moves).
    """
    np.random.seed(seed)
    n = flow.shape[0]
    rec, menter = module_records(indptr, indices, pflow, flow, enter, exit_, enter, enter, mod, False, _TF)
    msize, mgroup, gq, empty, num_empty = module_bookkeeping(mod, parent, parent_exit, menter)
    constrained = parent_exit.shape[0] > 1
    group_start, group_units = members_of(parent, parent_exit.shape[0])
    chunks = max(1, threads)
    scratch = np.zeros((chunks, n, 2))
    scratch[:, :, 1] = -1.0
    cand = np.empty((chunks, n), dtype=np.int64)
    target = np.full(n, _STAY, dtype=np.int64)
    target_d_old = np.zeros(n)
    target_d_new = np.zeros(n)
    active = np.empty(n, dtype=np.int64)
    moved = np.empty(n, dtype=np.int64)
    dirty = np.ones(n, dtype=np.bool_)
    lmod = mod.astype(np.int32)
    units = class_units.copy()
    num_classes = class_start.shape[0] - 1
    class_order = np.arange(num_classes)
    total_delta = 0.0
    total_moves = 0
    for sweep in range(loop_limit):
        np.random.shuffle(class_order)
        sweep_delta = 0.0
        sweep_moves = 0
        visit_base = np.int64(sweep) * n
        for ci in range(num_classes):
            c = class_order[ci]
            lo, hi = class_start[c], class_start[c + 1]
            np.random.shuffle(units[lo:hi])
            num_active = 0
            links = 0
            for i in range(lo, hi):
                u = units[i]
                if not dirty[u] or (first_loop and msize[lmod[u]] > 1):
                    continue
                dirty[u] = False
                active[num_active] = u
                num_active += 1
                links += indptr[u + 1] - indptr[u]
            if num_active == 0:
                continue
            new_module = empty[num_empty - 1] if num_empty > 0 else -1
            if chunks > 1 and links >= PARALLEL_MIN_CHOICE_LINKS:
                _best_moves_parallel(indptr, indices, pflow, flow, enter, exit_, parent, constrained, lmod, rec, gq,
                                     msize, new_module, active, num_active, links, scratch, cand, visit_base, seed,
                                     sweep, num_random_moves, max_degree_for_random_moves, group_start, group_units,
                                     target, target_d_old, target_d_new)
            else:
                _best_moves(indptr, indices, pflow, flow, enter, exit_, parent, constrained, lmod, rec, gq, msize,
                            new_module, active, 0, num_active, scratch[0], cand[0], visit_base, seed, sweep,
                            num_random_moves, max_degree_for_random_moves, group_start, group_units, target,
                            target_d_old, target_d_new)
            num_moved = 0
            for i in range(num_active):
                u = active[i]
                best = target[u]
                if best == _STAY:
                    continue
                old = np.int64(lmod[u])
                if best == _NEW:
                    if num_empty == 0 or msize[old] == 1:
                        dirty[u] = True
                        continue
                    best = empty[num_empty - 1]
                elif msize[best] == 0:  # a random-move target emptied by its class: not on offer now
                    dirty[u] = True
                    continue
                g = parent[u]
                pu, eu, xu = flow[u], enter[u], exit_[u]
                d_old, d_new = target_d_old[u], target_d_new[u]
                delta = _move_delta(rec, old, best, gq[g], pu, eu, xu, d_old, d_new)
                if delta >= -1e-16:  # another move of the class took the gain away: choose again next sweep
                    dirty[u] = True
                    continue
                num_empty = apply_move(rec, msize, mgroup, empty, num_empty, gq, g, old, best, pu, eu, xu, d_old, d_new)
                lmod[u] = best
                moved[num_moved] = u
                num_moved += 1
                sweep_delta += delta
            if num_moved > 0 and chunks > 1 and num_moved >= PARALLEL_MIN_ACTIVE:
                _mark_neighbours_parallel(indptr, indices, moved, num_moved, chunks, dirty)
            else:
                _mark_neighbours(indptr, indices, moved, 0, num_moved, dirty)
            sweep_moves += num_moved
        total_delta += sweep_delta
        total_moves += sweep_moves
        if sweep_moves == 0 or -sweep_delta < min_improvement:
            break
    for u in range(n):
        mod[u] = lmod[u]
    return total_delta, total_moves


@njit(cache=True)
def _mark_neighbours(indptr, indices, moved, lo, hi, dirty):
    """Mark the neighbours of the units ``moved[lo:hi]`` for a new visit."""
    for i in range(lo, hi):
        u = moved[i]
        for e in range(indptr[u], indptr[u + 1]):
            dirty[indices[e]] = True


@njit(cache=True, parallel=True)
def _mark_neighbours_parallel(indptr, indices, moved, num_moved, chunks, dirty):
    """:func:`_mark_neighbours` in ``chunks`` chunks: threads may store the same True to one
    unit, and nothing reads ``dirty`` until all have finished, so the result is the same."""
    step = (num_moved + chunks - 1) // chunks
    for c in prange(chunks):
        _mark_neighbours(indptr, indices, moved, c * step, min(num_moved, (c + 1) * step), dirty)
