r"""The core loop in batches: moves chosen on every thread, applied in order, re-chosen when stale.

:func:`speculative_core_loop` is the sequential core loop (:func:`.kernels.core_loop`,
first-order flow, plain map equation) with each sweep's visiting order cut into batches.
The units of a batch choose their best move at once, on every thread, against the
module statistics at the start of the batch; then the moves are applied one by one in
the visiting order. A unit's choice stands if its flows ``d_old``, ``d_new`` to its own
and to the target module are still exact, and the move still lowers L against the
statistics of that moment (an O(1) check); otherwise the unit chooses again, on the
calling thread, against the current statistics: it then sees what the sequential loop
would see. The flows are exact if none of the unit's neighbours moved earlier in the
batch, or, after the first loop, if no unit of the batch moved into or out of either of
those two modules (a neighbour's move between other modules changes neither flow; the
unit is visited again next sweep, as every neighbour of a mover is). So every applied
move lowers L by exactly the reported amount, and a choice whose flows went stale is
never applied. On the dense module networks, where one move makes most of a batch stale,
this keeps most choices: in one trial on the 100k LFR graph (mu 0.5) the batched loops
after the first re-chose 1,212 units instead of 5,676, and their summed change of L moved
by 0.2% of itself. The very first loop re-chooses every unit next to an earlier
mover: there a neighbour's move is what seeds a module, and keeping such choices made that
loop's gain 8% smaller (bench/README.md).

Unlike the colour classes of :func:`.parallel.coloured_core_loop`, a batch need not be
an independent set: units linked to an earlier mover are re-chosen when their flows went
stale. This serves the two loops the colour classes cannot: the very first loop from
singletons (there a whole colour class choosing at once seeds too many modules; a batch
is a small slice of the visiting order, and a unit next to an earlier mover of its batch
sees that move), and the dense module networks (a few thousand units of hundreds of
links each, whose colour classes hold a handful of units). The batch size adapts: halved
when more than a quarter of a batch had to choose again, doubled when fewer than one in
sixteen did. The choices do not depend on how the batch is split among threads, nor on
the number of threads.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .parallel import (_NEW, _STAY, _TF, PARALLEL_MIN_CHOICE_LINKS, _best_moves, _best_moves_parallel, _move_delta,
                       apply_move, members_of, module_bookkeeping, module_records)

__all__ = ["speculative_core_loop"]

#: Batch sizes (units) of :func:`speculative_core_loop`: the first, the smallest and the largest.
FIRST_BATCH, MIN_BATCH, MAX_BATCH = 256, 16, 4096


@njit(cache=True)
def speculative_core_loop(indptr, indices, pflow, flow, enter, exit_, parent, parent_exit, mod, seed, loop_limit,
                          min_improvement, first_loop, num_random_moves, max_degree_for_random_moves, threads):
    r"""The core loop with each sweep's moves chosen in batches on ``threads`` threads.

    Sweeps visit the units whose neighbourhood changed, in a fresh random order, and stop
    as the sequential loop's do; with ``first_loop`` a unit that others have joined stays.
    Each batch of the order chooses at once (see the module docstring); a unit whose flows
    to its two modules went stale (a neighbour moved earlier in the batch, and, after the
    first loop, into or out of one of them), or whose move no longer lowers L, chooses
    again against the current statistics. ``mod`` is updated in place; returns (total change of
    L, number of moves): the sum of the applied moves' exact changes.
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
    order = np.arange(n)
    visiting = np.empty(n, dtype=np.int64)
    batch = np.empty(n, dtype=np.int64)
    dirty = np.ones(n, dtype=np.bool_)
    stale = np.full(n, -1, dtype=np.int64)  # stale[u] == b: a neighbour of u moved in batch b
    touched = np.full(n, -1, dtype=np.int64)  # touched[m] == b: a unit moved into or out of m in batch b
    lmod = mod.astype(np.int32)
    batch_size = FIRST_BATCH
    batch_id = 0
    total_delta = 0.0
    total_moves = 0
    for sweep in range(loop_limit):
        np.random.shuffle(order)
        num_visiting = 0
        for i in range(n):
            if dirty[order[i]]:
                visiting[num_visiting] = order[i]
                num_visiting += 1
        sweep_delta = 0.0
        sweep_moves = 0
        # stamps of the scratch rows: (2 sweep) n + u when chosen in a batch, (2 sweep + 1) n + u when again
        batch_visit = np.int64(2 * sweep) * n
        again_visit = batch_visit + n
        pos = 0
        while pos < num_visiting:
            hi = min(num_visiting, pos + batch_size)
            nb = 0
            links = 0
            for i in range(pos, hi):
                u = visiting[i]
                if first_loop and msize[lmod[u]] > 1:
                    continue
                dirty[u] = False
                batch[nb] = u
                nb += 1
                links += indptr[u + 1] - indptr[u]
            pos = hi
            if nb == 0:
                continue
            new_module = empty[num_empty - 1] if num_empty > 0 else -1
            if chunks > 1 and links >= PARALLEL_MIN_CHOICE_LINKS:
                _best_moves_parallel(indptr, indices, pflow, flow, enter, exit_, parent, constrained, lmod, rec, gq,
                                     msize, new_module, batch, nb, links, scratch, cand, batch_visit, seed, sweep,
                                     num_random_moves, max_degree_for_random_moves, group_start, group_units, target,
                                     target_d_old, target_d_new)
            else:
                _best_moves(indptr, indices, pflow, flow, enter, exit_, parent, constrained, lmod, rec, gq, msize,
                            new_module, batch, 0, nb, scratch[0], cand[0], batch_visit, seed, sweep,
                            num_random_moves, max_degree_for_random_moves, group_start, group_units, target,
                            target_d_old, target_d_new)
            num_again = 0
            for i in range(nb):
                u = batch[i]
                old = np.int64(lmod[u])
                if first_loop and msize[old] > 1:  # joined since: stays, as in the sequential loop
                    continue
                g = parent[u]
                best = target[u]
                # stale: a neighbour moved since u chose; u's flows to its two modules still hold
                # unless one of them was touched (the first loop re-chooses all stale units)
                again = stale[u] == batch_id and (first_loop or touched[old] == batch_id
                                                  or (best >= 0 and touched[best] == batch_id))
                delta = 0.0
                if not again:
                    if best == _STAY:
                        continue
                    if best == _NEW:
                        if num_empty == 0 or msize[old] == 1:
                            again = True
                        else:
                            best = empty[num_empty - 1]
                    elif msize[best] == 0:  # a random-move target emptied since
                        again = True
                    if not again:
                        delta = _move_delta(rec, old, best, gq[g], flow[u], enter[u], exit_[u], target_d_old[u],
                                            target_d_new[u])
                        again = delta >= -1e-16
                if again:  # chosen now against the current statistics, as the sequential loop would
                    num_again += 1
                    dirty[u] = False
                    _best_moves(indptr, indices, pflow, flow, enter, exit_, parent, constrained, lmod, rec, gq,
                                msize, empty[num_empty - 1] if num_empty > 0 else -1, batch, i, i + 1, scratch[0],
                                cand[0], again_visit, seed, sweep, num_random_moves, max_degree_for_random_moves,
                                group_start, group_units, target, target_d_old, target_d_new)
                    best = target[u]
                    if best == _STAY:
                        continue
                    if best == _NEW:
                        best = empty[num_empty - 1]
                    delta = _move_delta(rec, old, best, gq[g], flow[u], enter[u], exit_[u], target_d_old[u],
                                        target_d_new[u])
                    if delta >= -1e-16:
                        continue
                pu, eu, xu = flow[u], enter[u], exit_[u]
                d_old, d_new = target_d_old[u], target_d_new[u]
                num_empty = apply_move(rec, msize, mgroup, empty, num_empty, gq, g, old, best, pu, eu, xu, d_old, d_new)
                lmod[u] = best
                touched[old] = batch_id
                touched[best] = batch_id
                for e in range(indptr[u], indptr[u + 1]):
                    v = indices[e]
                    dirty[v] = True
                    stale[v] = batch_id
                sweep_delta += delta
                sweep_moves += 1
            if 4 * num_again > nb:
                batch_size = max(MIN_BATCH, batch_size // 2)
            elif 16 * num_again < nb:
                batch_size = min(MAX_BATCH, batch_size * 2)
            batch_id += 1
        total_delta += sweep_delta
        total_moves += sweep_moves
        if sweep_moves == 0 or -sweep_delta < min_improvement:
            break
    for u in range(n):
        mod[u] = lmod[u]
    return total_delta, total_moves
