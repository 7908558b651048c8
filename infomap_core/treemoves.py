r"""Fine-tuning a module tree: single-node moves with the exact multilevel map equation.

The hierarchy search (:mod:`.multilevel`) builds a tree top-down; each split is
decided inside one module. :func:`fine_tune_tree` then moves single nodes between
leaf modules anywhere in the tree (or into a new leaf module next to an existing one)
while that shortens the whole tree's codelength, as the core loop does for a flat
partition.

Moving node ``u`` (flow ``p``, enter ``e``, exit ``x``) out of leaf module ``A`` and
into leaf module ``B`` changes the modules on the two paths from ``A`` and ``B`` up
to their lowest common ancestor ``C``. With ``d_M`` the flow between ``u`` and the
other nodes under ``M`` (both directions), a module ``M`` above ``A`` gets
``E_M - e + d_M`` and ``X_M - x + d_M``; one above ``B`` gets ``E_M + e - d_M`` and
``X_M + x - d_M``. Each changed module's codebook (:func:`.mapequation.codebook_length`)
sees its own exit change and one child's rate change (the leaf ``u`` itself in ``A``
and ``B``), and ``C`` sees two children's rates change; the move's delta is the sum
of these codebook differences, ``O(degree x depth)`` per node.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .flow import FlowGraph
from .mapequation import NO_VARIANT, Objective, keyed_plogp_sums
from .memory import content_delta, content_move, physical_slots, wants_index
from .parallel import _plogp
from .tree import Tree

__all__ = ["fine_tune_tree", "tree_moves"]


@njit(cache=True, inline="always")
def _codebook(exit_rate, rate_sum, rate_plogp_sum):
    return _plogp(exit_rate + rate_sum) - _plogp(exit_rate) - rate_plogp_sum


@njit(cache=True)
def _tree_moves(indptr, indices, pflow, flow, enter, exit_, tf, tw, recorded,
                leaf_module, mparent, mdepth, mflow, menter, mexit, mtf, mtw, msum, mplogp, msize,
                num_modules, seed, loop_limit, min_improvement, memory, physical, num_physical, mleaves,
                module_cost, preferred_modules, meta_rate, meta_category, meta_weight, num_categories):
    """Sweeps of single-node moves; updates the module arrays (capacity for new modules)
    and ``leaf_module`` in place. Returns (total change of L, number of moves).

    With ``memory`` a leaf module codes each physical node once (:mod:`.memory`): the
    leaf's term in its module is the change of ``plogp(p_{i,M})`` of its physical node.
    Variants (:class:`.mapequation.Objective`): ``module_cost`` per module that does not
    hold every leaf, ``|T - preferred_modules|`` for ``T`` top modules; ``mleaves`` is the
    number of leaves under each module (kept up to date); ``meta_rate`` times the meta-data
    entropy of every leaf module (``meta_category``, ``meta_weight`` per node).
    """
    np.random.seed(seed)
    n = flow.shape[0]
    cptr = np.arange(n + 1)
    if memory:
        slot_ptr, slot_len, slot_module, slot_flow, slot_units, slot_keys, slot_index = physical_slots(
            cptr, physical, flow, leaf_module, num_physical, wants_index(physical, num_physical))
    else:
        slot_ptr = slot_len = slot_module = slot_units = slot_keys = slot_index = np.zeros(0, dtype=np.int64)
        slot_flow = np.zeros(0)
    meta = meta_rate > 0.0
    if meta:
        meta_ptr, meta_len, meta_module, meta_flow, meta_units, meta_keys, meta_index = physical_slots(
            cptr, meta_category, meta_weight, leaf_module, num_categories, wants_index(meta_category, num_categories))
        meta_total = np.zeros(mparent.shape[0])
        for u in range(n):
            meta_total[leaf_module[u]] += meta_weight[u]
    else:
        meta_ptr = meta_len = meta_module = meta_units = meta_keys = meta_index = np.zeros(0, dtype=np.int64)
        meta_flow = meta_total = np.zeros(0)
    capacity = mparent.shape[0]
    max_depth = 0
    for m in range(num_modules):
        if mdepth[m] > max_depth:
            max_depth = mdepth[m]
    # scratch flow between the visited node and each module (stamped)
    dflow = np.zeros(capacity)
    stamp = np.full(capacity, -1, dtype=np.int64)
    path_a = np.empty(max_depth + 2, dtype=np.int64)
    path_b = np.empty(max_depth + 2, dtype=np.int64)
    cand = np.empty(capacity, dtype=np.int64)
    cand_parent = np.empty(capacity, dtype=np.int64)  # >= 0: a new leaf module under this module
    seen_new = np.full(capacity, -1, dtype=np.int64)
    new_e = np.empty(max_depth + 2)
    new_x = np.empty(max_depth + 2)
    dirty = np.ones(n, dtype=np.bool_)
    order = np.arange(n)
    num_top = 0
    for m in range(num_modules):
        if mparent[m] == 0 and mleaves[m] > 0:
            num_top += 1
    total_delta = 0.0
    total_moves = 0
    for sweep in range(loop_limit):
        np.random.shuffle(order)
        sweep_delta = 0.0
        sweep_moves = 0
        for idx in range(n):
            u = order[idx]
            if not dirty[u]:
                continue
            dirty[u] = False
            a = leaf_module[u]
            visit = sweep * n + idx
            # Flow between u and every module above each neighbour.
            ncand = 0
            for k in range(indptr[u], indptr[u + 1]):
                v = indices[k]
                f = pflow[k]
                m = leaf_module[v]
                if stamp[m] != visit:  # a neighbour's leaf module: a candidate (first visit)
                    cand[ncand] = m
                    cand_parent[ncand] = -1
                    ncand += 1
                while m >= 0:
                    if stamp[m] != visit:
                        stamp[m] = visit
                        dflow[m] = 0.0
                    dflow[m] += f
                    m = mparent[m]
            # New leaf modules: next to u's own and next to each candidate.
            base = ncand
            for c in range(-1, base):
                p = mparent[a] if c < 0 else mparent[cand[c]]
                if (p >= 0 and num_modules < capacity and seen_new[p] != visit
                        and not (c < 0 and msize[a] == 1)):
                    seen_new[p] = visit
                    cand[ncand] = -1
                    cand_parent[ncand] = p
                    ncand += 1
            # Path of u's leaf module up to the root, with its new enter/exit.
            la = 0
            m = a
            while m >= 0:
                d = dflow[m] if stamp[m] == visit else 0.0
                if recorded:
                    d += tf[u] * (mtw[m] - tw[u]) + (mtf[m] - tf[u]) * tw[u]
                path_a[la] = m
                new_e[la] = menter[m] - enter[u] + d
                new_x[la] = mexit[m] - exit_[u] + d
                la += 1
                m = mparent[m]
            if memory:
                leave_a = content_delta(cptr, physical, flow, u, a, -1.0, slot_ptr, slot_len, slot_module,
                                        slot_flow, slot_keys, slot_index)
            else:
                leave_a = -_plogp(flow[u])
            meta_a = 0.0
            wu = 0.0
            if meta:  # leaf module a's meta term loses u
                wu = meta_weight[u]
                meta_a = meta_rate * (_plogp(meta_total[a] - wu) - _plogp(meta_total[a])
                                      - content_delta(cptr, meta_category, meta_weight, u, a, -1.0, meta_ptr,
                                                      meta_len, meta_module, meta_flow, meta_keys, meta_index))
            top_before = num_top
            best_delta = 0.0
            best_c = -1
            for c in range(ncand):
                b = cand[c]
                if b == a:
                    continue
                new_parent = cand_parent[c]
                # Path of the target up to the root (a new module starts at its parent).
                lb = 0
                m = b if b >= 0 else new_parent
                while m >= 0:
                    path_b[lb] = m
                    lb += 1
                    m = mparent[m]
                # Lowest common ancestor: the first module of path_b that is on path_a.
                ia = la - 1
                ib = lb - 1
                while ia > 0 and ib > 0 and path_a[ia - 1] == path_b[ib - 1]:
                    ia -= 1
                    ib -= 1
                # path_a[ia] == path_b[ib] is the common ancestor (both end at the root).
                delta = 0.0
                # Side A: modules below the common ancestor lose u.
                prev_old = 0.0
                prev_new = 0.0
                for j in range(ia):
                    m = path_a[j]
                    x_old, x_new = mexit[m], new_x[j]
                    if j == 0:
                        r_new = msum[m] - flow[u]
                        s_new = mplogp[m] + leave_a
                    else:
                        r_new = msum[m] + prev_new - prev_old
                        s_new = mplogp[m] + _plogp(prev_new) - _plogp(prev_old)
                    delta += _codebook(x_new, r_new, s_new) - _codebook(x_old, msum[m], mplogp[m])
                    prev_old, prev_new = menter[m], new_e[j]
                a_child_old, a_child_new = prev_old, prev_new
                # Side B: modules below the common ancestor gain u.
                prev_old = 0.0
                prev_new = 0.0
                if b < 0:  # the new leaf module itself: only u, entered at e, left at x
                    delta += _codebook(exit_[u], flow[u], _plogp(flow[u]))
                    prev_old, prev_new = 0.0, enter[u]
                for j in range(ib):
                    m = path_b[j]
                    d = dflow[m] if stamp[m] == visit else 0.0
                    if recorded:
                        d += tf[u] * mtw[m] + mtf[m] * tw[u]
                    e_new = menter[m] + enter[u] - d
                    x_new = mexit[m] + exit_[u] - d
                    if j == 0 and b >= 0:
                        r_new = msum[m] + flow[u]
                        if memory:
                            s_new = mplogp[m] + content_delta(cptr, physical, flow, u, b, 1.0, slot_ptr, slot_len,
                                                              slot_module, slot_flow, slot_keys, slot_index)
                        else:
                            s_new = mplogp[m] + _plogp(flow[u])
                    else:
                        r_new = msum[m] + prev_new - prev_old
                        s_new = mplogp[m] + _plogp(prev_new) - _plogp(prev_old)
                    delta += _codebook(x_new, r_new, s_new) - _codebook(mexit[m], msum[m], mplogp[m])
                    prev_old, prev_new = menter[m], e_new
                # The common ancestor: two children change rate; its own exit does not.
                cm = path_a[ia]
                x_c = mexit[cm] if mparent[cm] >= 0 else 0.0
                r_new = msum[cm] + a_child_new - a_child_old + prev_new - prev_old
                s_new = (mplogp[cm] + _plogp(a_child_new) - _plogp(a_child_old)
                         + _plogp(prev_new) - _plogp(prev_old))
                delta += _codebook(x_c, r_new, s_new) - _codebook(x_c, msum[cm], mplogp[cm])
                if meta:
                    delta += meta_a
                    if b >= 0:
                        delta += meta_rate * (_plogp(meta_total[b] + wu) - _plogp(meta_total[b])
                                              - content_delta(cptr, meta_category, meta_weight, u, b, 1.0, meta_ptr,
                                                              meta_len, meta_module, meta_flow, meta_keys,
                                                              meta_index))
                if module_cost != 0.0 or preferred_modules > 0:
                    # modules below the common ancestor change their leaf count by one
                    proper = 0
                    top_after = top_before
                    for j in range(ia):
                        ml = mleaves[path_a[j]]
                        proper += (1 if 0 < ml - 1 < n else 0) - (1 if ml < n else 0)
                        if mparent[path_a[j]] == 0 and ml == 1:
                            top_after -= 1
                    if b < 0:
                        proper += 1 if 1 < n else 0
                        if new_parent == 0:
                            top_after += 1
                    for j in range(ib):
                        ml = mleaves[path_b[j]]
                        proper += (1 if ml + 1 < n else 0) - (1 if 0 < ml < n else 0)
                    delta += module_cost * proper
                    if preferred_modules > 0:
                        delta += abs(top_after - preferred_modules) - abs(top_before - preferred_modules)
                if delta < best_delta - 1e-14:
                    best_delta = delta
                    best_c = c
            if best_c < 0 or best_delta >= -1e-16:
                continue
            # Apply the move.
            b = cand[best_c]
            if b < 0:
                b = num_modules
                num_modules += 1
                p = cand_parent[best_c]
                mleaves[b] = 0
                mparent[b] = p
                mdepth[b] = mdepth[p] + 1
                menter[b] = 0.0
                mexit[b] = 0.0
                mflow[b] = 0.0
                mtf[b] = 0.0
                mtw[b] = 0.0
                msum[b] = 0.0
                mplogp[b] = 0.0
                msize[b] = 0
            # Side A, bottom-up: new enter/exit and the child-rate sums.
            prev_old = 0.0
            prev_new = 0.0
            m = a
            j = 0
            while m >= 0:
                old_e = menter[m]
                if j == 0:
                    msum[m] -= flow[u]
                    mplogp[m] += leave_a
                else:
                    msum[m] += prev_new - prev_old
                    mplogp[m] += _plogp(prev_new) - _plogp(prev_old)
                menter[m] = new_e[j]
                mexit[m] = new_x[j]
                mflow[m] -= flow[u]
                mtf[m] -= tf[u]
                mtw[m] -= tw[u]
                prev_old, prev_new = old_e, new_e[j]
                m = mparent[m]
                j += 1
            # Side B, bottom-up (the common ancestors above get u back: net zero change).
            msize[a] -= 1
            msize[b] += 1
            m = a
            while m >= 0:
                mleaves[m] -= 1
                if mparent[m] == 0 and mleaves[m] == 0:
                    num_top -= 1
                m = mparent[m]
            m = b
            while m >= 0:
                mleaves[m] += 1
                if mparent[m] == 0 and mleaves[m] == 1:
                    num_top += 1
                m = mparent[m]
            prev_old = 0.0
            prev_new = 0.0
            m = b
            j = 0
            while m >= 0:
                d = dflow[m] if stamp[m] == visit else 0.0
                if recorded:
                    d += tf[u] * mtw[m] + mtf[m] * tw[u]
                old_e = menter[m]
                e_new = menter[m] + enter[u] - d
                x_new = mexit[m] + exit_[u] - d
                if j == 0:
                    msum[m] += flow[u]
                    if memory:
                        mplogp[m] += content_delta(cptr, physical, flow, u, b, 1.0, slot_ptr, slot_len, slot_module,
                                                   slot_flow, slot_keys, slot_index)
                    else:
                        mplogp[m] += _plogp(flow[u])
                else:
                    msum[m] += prev_new - prev_old
                    mplogp[m] += _plogp(prev_new) - _plogp(prev_old)
                menter[m] = e_new
                mexit[m] = x_new
                mflow[m] += flow[u]
                mtf[m] += tf[u]
                mtw[m] += tw[u]
                prev_old, prev_new = old_e, e_new
                m = mparent[m]
                j += 1
            if memory:
                content_move(cptr, physical, flow, u, a, b, slot_ptr, slot_len, slot_module, slot_flow, slot_units,
                             slot_keys, slot_index)
            if meta:
                content_move(cptr, meta_category, meta_weight, u, a, b, meta_ptr, meta_len, meta_module, meta_flow,
                             meta_units, meta_keys, meta_index)
                meta_total[a] -= meta_weight[u]
                meta_total[b] += meta_weight[u]
            leaf_module[u] = b
            for k in range(indptr[u], indptr[u + 1]):
                dirty[indices[k]] = True
            sweep_delta += best_delta
            sweep_moves += 1
        total_delta += sweep_delta
        total_moves += sweep_moves
        if sweep_moves == 0 or -sweep_delta < min_improvement:
            break
    return total_delta, total_moves, num_modules


def fine_tune_tree(fg: FlowGraph, tree: Tree, rng: np.random.Generator, *, loop_limit: int = 10,
                   min_improvement: float = 1e-10, objective: Objective = NO_VARIANT) -> Tree:
    """Move single nodes between the leaf modules of ``tree`` while the tree's codelength
    shortens; returns the new tree (``tree`` itself when nothing moved).

    See :func:`tree_moves` for the parameters; this returns only the tree."""
    return tree_moves(fg, tree, rng, loop_limit=loop_limit, min_improvement=min_improvement, objective=objective)[0]


def tree_moves(fg: FlowGraph, tree: Tree, rng: np.random.Generator, *, loop_limit: int = 10,
               min_improvement: float = 1e-10, objective: Objective = NO_VARIANT) -> tuple[Tree, float, int]:
    """(new tree, the kernel's summed change of L, number of moves) of :func:`fine_tune_tree`.

    Parameters
    ----------
    fg : FlowGraph
        The flow the tree was built on.
    tree : Tree
        A tree whose modules hold either nodes or modules.
    rng : numpy.random.Generator
        Source of the visiting order.
    """
    is_module = tree.leaf < 0
    modules = np.nonzero(is_module)[0]
    if modules.shape[0] <= 1:
        return tree, 0.0, 0
    k = modules.shape[0]
    compact = np.full(tree.size, -1, dtype=np.int64)
    compact[modules] = np.arange(k)
    n = fg.num_nodes
    capacity = k + n
    mparent = np.full(capacity, -1, dtype=np.int64)
    mparent[:k] = np.where(tree.parent[modules] >= 0, compact[np.maximum(tree.parent[modules], 0)], -1)
    mdepth = np.zeros(capacity, dtype=np.int64)
    mdepth[:k] = tree.depth[modules]
    mflow, menter, mexit = (np.zeros(capacity) for _ in range(3))
    mflow[:k], menter[:k], mexit[:k] = tree.flow[modules], tree.enter[modules], tree.exit[modules]
    leaves = np.nonzero(~is_module)[0]
    leaf_module = np.empty(n, dtype=np.int64)
    leaf_module[tree.leaf[leaves]] = compact[tree.parent[leaves]]
    rate = np.where(is_module, tree.enter, tree.flow)
    has_parent = tree.parent >= 0
    child_parent = compact[tree.parent[has_parent]]
    msum = np.zeros(capacity)
    mplogp = np.zeros(capacity)
    msum[:k] = np.bincount(child_parent, weights=rate[has_parent], minlength=k)
    child_is_leaf = ~is_module[has_parent]
    child_key = None if fg.physical is None else np.where(child_is_leaf, tree.leaf_key[has_parent], -1)
    mplogp[:k] = keyed_plogp_sums(child_parent[~child_is_leaf], rate[has_parent][~child_is_leaf], k)
    mplogp[:k] += keyed_plogp_sums(child_parent[child_is_leaf], rate[has_parent][child_is_leaf], k,
                                   None if child_key is None else child_key[child_is_leaf])
    msize = np.zeros(capacity, dtype=np.int64)
    msize[:k] = np.bincount(leaf_module, minlength=k)
    mleaves = np.zeros(capacity, dtype=np.int64)
    m = leaf_module.copy()
    while (m >= 0).any():
        ok = m >= 0
        np.add.at(mleaves, m[ok], 1)
        m = np.where(ok, mparent[np.maximum(m, 0)], -1)
    mtf, mtw = np.zeros(capacity), np.zeros(capacity)
    if fg.recorded:
        # teleportation sums of every module: add each leaf's to all its ancestors
        m = leaf_module.copy()
        while (m >= 0).any():
            ok = m >= 0
            np.add.at(mtf, m[ok], fg.tele_flow[ok])
            np.add.at(mtw, m[ok], fg.tele_weight[ok])
            m = np.where(ok, mparent[np.maximum(m, 0)], -1)
    delta, moves, num_modules = _tree_moves(
        fg.pair_indptr, fg.pair_indices, fg.pair_flow, fg.node_flow, fg.enter, fg.exit, fg.tele_flow,
        fg.tele_weight, fg.recorded, leaf_module, mparent, mdepth, mflow, menter, mexit, mtf, mtw, msum, mplogp,
        msize, k, int(rng.integers(0, 2**31 - 1)), loop_limit, min_improvement, fg.physical is not None,
        np.zeros(0, dtype=np.int64) if fg.physical is None else fg.physical, fg.num_physical, mleaves,
        objective.module_cost, objective.preferred_num_modules, objective.meta_rate if objective.has_meta else 0.0,
        objective.meta_category if objective.has_meta else np.zeros(0, dtype=np.int64),
        objective.meta_weight if objective.has_meta else np.zeros(0), objective.num_categories)
    if moves == 0:
        return tree, 0.0, 0
    # Rebuild from each node's chain of modules (empty modules vanish).
    depth = int(mdepth[:num_modules].max())
    columns = np.full((depth, n), -1, dtype=np.int64)
    m = leaf_module.copy()
    while True:
        d = mdepth[np.maximum(m, 0)]
        ok = (m >= 0) & (d > 0)  # the root (depth 0) is no column
        if not ok.any():
            break
        columns[d[ok] - 1, np.nonzero(ok)[0]] = m[ok]
        m = np.where(ok, mparent[np.maximum(m, 0)], -1)
    return Tree.from_columns(fg, list(columns)), float(delta), int(moves)
