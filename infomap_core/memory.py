r"""Physical content of units, for state (memory, multilayer) networks.

In a state network a leaf module codes each physical node once, at the summed flow
of its state nodes in the module (:mod:`.mapequation`). A *unit* of the search (a
state node, or a module of them after aggregation) therefore carries its *content*:
the physical nodes it holds with their summed flow, as a CSR
``(indptr, physical, flow)`` with one row per unit and distinct physical nodes per row.

The core loop keeps, for every physical node ``i``, the modules that hold some of it
with their flow ``p_{i,m}`` (:func:`physical_slots`); moving unit ``u`` from ``A`` to
``B`` changes each module's ``sum_i plogp(p_{i,m})`` by

    Delta_A = sum_{(i, f) in u} plogp(p_{i,A} - f) - plogp(p_{i,A})
    Delta_B = sum_{(i, f) in u} plogp(p_{i,B} + f) - plogp(p_{i,B})

and the codelength by ``-Delta_A - Delta_B`` on top of the first-order terms.

The core loop evaluates all candidate modules of a unit at once (:func:`content_gains`):
a module that holds none of ``i`` gains ``plogp(f)``, so ``Delta_B = sum_{(i, f) in u}
plogp(f) + sum_{(i, f) in u, B holds i} [plogp(p_{i,B} + f) - plogp(p_{i,B}) - plogp(f)]``,
by a pass over the slots of the unit's physical nodes (the modules holding them). A
meta-data category (the same kernels code the meta map equation, categories in place of
physical nodes) sits in up to every module, and with the modules still singletons that pass
would visit every node of the category: content with many rows per key
(``INDEX_MIN_ROWS_PER_KEY``) also gets a hash index of its slots keyed by (module, physical
node), and per physical node the core loop looks each candidate module up in it when that is
shorter than the pass (:func:`indexed_content_gains`). A state network's physical node sits
in a handful of modules; there the index costs more than it saves.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .parallel import _plogp

__all__ = ["leaf_content", "merge_content", "select_content", "content_plogp_sums"]


def leaf_content(physical: np.ndarray, node_flow: np.ndarray):
    """The content of state nodes: one row each, its physical node and flow."""
    n = physical.shape[0]
    return np.arange(n + 1, dtype=np.int64), np.ascontiguousarray(physical, dtype=np.int64), node_flow.copy()


@njit(cache=True)
def merge_content(indptr, physical, flow, mod, k, num_physical):
    """Content of the ``k`` modules of partition ``mod``: each module's units' rows merged,
    flows of the same physical node summed."""
    n = mod.shape[0]
    counts = np.zeros(k + 1, dtype=np.int64)
    for u in range(n):
        counts[mod[u] + 1] += 1
    start = np.cumsum(counts)
    members = np.empty(n, dtype=np.int64)
    fill = start[:-1].copy()
    for u in range(n):
        members[fill[mod[u]]] = u
        fill[mod[u]] += 1
    mark = np.full(num_physical, -1, dtype=np.int64)
    slot = np.empty(num_physical, dtype=np.int64)
    out_indptr = np.zeros(k + 1, dtype=np.int64)
    out_physical = np.empty(physical.shape[0], dtype=np.int64)
    out_flow = np.empty(physical.shape[0])
    nnz = 0
    for m in range(k):
        for j in range(start[m], start[m + 1]):
            u = members[j]
            for e in range(indptr[u], indptr[u + 1]):
                i = physical[e]
                if mark[i] != m:
                    mark[i] = m
                    slot[i] = nnz
                    out_physical[nnz] = i
                    out_flow[nnz] = flow[e]
                    nnz += 1
                else:
                    out_flow[slot[i]] += flow[e]
        out_indptr[m + 1] = nnz
    return out_indptr, out_physical[:nnz].copy(), out_flow[:nnz].copy()


def select_content(indptr, physical, flow, selected: np.ndarray):
    """The rows ``selected`` (in that order)."""
    lengths = np.diff(indptr)[selected]
    new_indptr = np.zeros(selected.shape[0] + 1, dtype=np.int64)
    np.cumsum(lengths, out=new_indptr[1:])
    rows = np.repeat(indptr[selected], lengths) + (np.arange(new_indptr[-1]) - np.repeat(new_indptr[:-1], lengths))
    return new_indptr, physical[rows], flow[rows]


def content_plogp_sums(indptr, physical, flow, group_of_unit: np.ndarray, num_groups: int) -> np.ndarray:
    """``sum_i plogp(p_{i,g})`` of each group: the units' content summed per physical node."""
    from .mapequation import keyed_plogp_sums

    group = np.repeat(group_of_unit, np.diff(indptr))
    return keyed_plogp_sums(group, flow, num_groups, physical)


#: Content with at least this many unit rows per physical node (or category) gets the hash
#: index of its slots: a meta-data category sits in up to every module, and the core loop's
#: pass over its slots would cost that per visit; a state network's physical node is held by
#: a handful of modules, and the index costs more than it saves (second-order state network:
#: ~24 state nodes per physical node, search 10% longer with the index).
INDEX_MIN_ROWS_PER_KEY = 64


@njit(cache=True)
def physical_slots(indptr, physical, flow, mod, num_physical, indexed):
    """Per physical node, the modules holding some of it: slots ``slot_ptr[i]..`` with
    (module, flow, number of units) and ``slot_len[i]`` in use. Capacity: one slot per
    unit row that holds ``i`` (no more modules can hold it at once). Also returns the
    hash index of the slots in use (:func:`slot_index`) ``(index_keys, index_slots)`` if
    ``indexed`` (:func:`wants_index`), else empty arrays."""
    n = mod.shape[0]
    slot_ptr = np.zeros(num_physical + 1, dtype=np.int64)
    for e in range(physical.shape[0]):
        slot_ptr[physical[e] + 1] += 1
    for i in range(num_physical):
        slot_ptr[i + 1] += slot_ptr[i]
    slot_len = np.zeros(num_physical, dtype=np.int64)
    slot_module = np.full(physical.shape[0], -1, dtype=np.int64)
    slot_flow = np.zeros(physical.shape[0])
    slot_units = np.zeros(physical.shape[0], dtype=np.int64)
    if indexed:
        index_keys, index_slots = slot_index(physical.shape[0])
    else:
        index_keys = index_slots = np.zeros(0, dtype=np.int64)
    for u in range(n):
        m = mod[u]
        for e in range(indptr[u], indptr[u + 1]):
            i = physical[e]
            s = find_slot(slot_ptr, slot_len, slot_module, index_keys, index_slots, i, m)
            if s < 0:
                s = slot_ptr[i] + slot_len[i]
                slot_len[i] += 1
                slot_module[s] = m
                if index_keys.shape[0] > 0:
                    index_set(index_keys, index_slots, m * num_physical + i, s)
            slot_flow[s] += flow[e]
            slot_units[s] += 1
    return slot_ptr, slot_len, slot_module, slot_flow, slot_units, index_keys, index_slots


@njit(cache=True, inline="always")
def wants_index(physical, num_physical):
    """Whether content of these rows gets the hash index (``INDEX_MIN_ROWS_PER_KEY``)."""
    return physical.shape[0] >= INDEX_MIN_ROWS_PER_KEY * num_physical


@njit(cache=True, inline="always")
def find_slot(slot_ptr, slot_len, slot_module, index_keys, index_slots, i, m):
    """The slot of (physical node i, module m), or -1: from the index if there is one."""
    if index_keys.shape[0] > 0:
        return index_find(index_keys, index_slots, m * slot_len.shape[0] + i)
    for s in range(slot_ptr[i], slot_ptr[i] + slot_len[i]):
        if slot_module[s] == m:
            return s
    return -1


# Fibonacci hashing: the key times 2^64 / golden ratio, high bits folded onto the low ones.
_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_HASH_FOLD = np.uint64(32)


@njit(cache=True)
def slot_index(capacity):
    """An empty hash index for up to ``capacity`` slots: ``(index_keys, index_slots)``,
    open addressing with linear probing at a load of at most one half; key ``m * P + i``
    (``P`` physical nodes) of the slot of (module ``m``, physical node ``i``), -1 empty."""
    size = 16
    while size < 2 * capacity:
        size *= 2
    return np.full(size, -1, dtype=np.int64), np.zeros(size, dtype=np.int64)


@njit(cache=True, inline="always")
def _home(key, mask):
    x = np.uint64(key) * _HASH_MULTIPLIER
    x ^= x >> _HASH_FOLD
    return np.int64(x & np.uint64(mask))


@njit(cache=True, inline="always")
def index_find(index_keys, index_slots, key):
    """The slot of ``key``, or -1."""
    mask = index_keys.shape[0] - 1
    h = _home(key, mask)
    while True:
        k = index_keys[h]
        if k == key:
            return index_slots[h]
        if k < 0:
            return -1
        h = (h + 1) & mask


@njit(cache=True, inline="always")
def index_set(index_keys, index_slots, key, slot):
    """Point ``key`` at ``slot`` (added if absent)."""
    mask = index_keys.shape[0] - 1
    h = _home(key, mask)
    while index_keys[h] >= 0 and index_keys[h] != key:
        h = (h + 1) & mask
    index_keys[h] = key
    index_slots[h] = slot


@njit(cache=True, inline="always")
def index_remove(index_keys, index_slots, key):
    """Remove ``key`` (present): the entries after it in its probe run shift back into the
    hole where their own probe would otherwise pass it (no tombstones)."""
    mask = index_keys.shape[0] - 1
    hole = _home(key, mask)
    while index_keys[hole] != key:
        hole = (hole + 1) & mask
    j = hole
    while True:
        j = (j + 1) & mask
        k = index_keys[j]
        if k < 0:
            break
        if ((j - _home(k, mask)) & mask) >= ((j - hole) & mask):
            index_keys[hole] = k
            index_slots[hole] = index_slots[j]
            hole = j
    index_keys[hole] = -1


@njit(cache=True)
def content_delta(indptr, physical, flow, u, m, sign, slot_ptr, slot_len, slot_module, slot_flow, index_keys,
                  index_slots):
    """Change of module ``m``'s ``sum_i plogp(p_{i,m})`` if unit ``u`` leaves (sign -1) or
    joins (sign +1) it."""
    delta = 0.0
    for e in range(indptr[u], indptr[u + 1]):
        s = find_slot(slot_ptr, slot_len, slot_module, index_keys, index_slots, physical[e], m)
        before = slot_flow[s] if s >= 0 else 0.0
        after = before + sign * flow[e]
        delta += _plogp(after) - _plogp(before)
    return delta


@njit(cache=True)
def content_gains(indptr, physical, flow, u, old, slot_ptr, slot_len, slot_module, slot_flow, scratch, visit, gains):
    """``Delta_A`` of unit ``u`` leaving its module ``old`` and ``sum_{(i, f) in u} plogp(f)``
    (the ``Delta_B`` of a module holding none of its physical nodes); adds the rest of
    ``Delta_B`` to ``gains[B]`` of every candidate module ``B`` (``scratch[B, 1] ==
    visit``; the caller zeroes ``gains[B]`` when it stamps ``B``): a pass over the slots of
    the unit's physical nodes."""
    leave = 0.0
    base = 0.0
    for e in range(indptr[u], indptr[u + 1]):
        i = physical[e]
        f = flow[e]
        pl_f = _plogp(f)
        base += pl_f
        for s in range(slot_ptr[i], slot_ptr[i] + slot_len[i]):
            m = slot_module[s]
            before = slot_flow[s]
            if m == old:
                leave += _plogp(before - f) - _plogp(before)
            elif scratch[m, 1] == visit:
                gains[m] += _plogp(before + f) - _plogp(before) - pl_f
    return leave, base


@njit(cache=True)
def indexed_content_gains(indptr, physical, flow, u, old, slot_ptr, slot_len, slot_module, slot_flow, index_keys,
                          index_slots, scratch, visit, cand, ncand, gains):
    """:func:`content_gains` with the slots' hash index and the candidate modules
    ``cand[:ncand]`` (those with ``scratch[B, 1] == visit``): per physical node, a pass over
    its slots or a look-up per candidate, the shorter. Both add the same terms in the same
    order (entry by entry), so the sums are identical to :func:`content_gains`'s."""
    num_physical = slot_len.shape[0]
    leave = 0.0
    base = 0.0
    for e in range(indptr[u], indptr[u + 1]):
        i = physical[e]
        f = flow[e]
        pl_f = _plogp(f)
        base += pl_f
        if slot_len[i] <= ncand + 1:
            for s in range(slot_ptr[i], slot_ptr[i] + slot_len[i]):
                m = slot_module[s]
                before = slot_flow[s]
                if m == old:
                    leave += _plogp(before - f) - _plogp(before)
                elif scratch[m, 1] == visit:
                    gains[m] += _plogp(before + f) - _plogp(before) - pl_f
            continue
        s = index_find(index_keys, index_slots, old * num_physical + i)
        if s >= 0:
            before = slot_flow[s]
            leave += _plogp(before - f) - _plogp(before)
        for c in range(ncand):
            m = cand[c]
            if m == old:
                continue
            s = index_find(index_keys, index_slots, m * num_physical + i)
            if s >= 0:
                before = slot_flow[s]
                gains[m] += _plogp(before + f) - _plogp(before) - pl_f
    return leave, base


@njit(cache=True)
def content_move(indptr, physical, flow, u, old, new, slot_ptr, slot_len, slot_module, slot_flow, slot_units,
                 index_keys, index_slots):
    """Move unit ``u``'s content from module ``old`` to ``new`` in the slots (and their
    index, if there is one)."""
    if index_keys.shape[0] > 0:
        _indexed_content_move(indptr, physical, flow, u, old, new, slot_ptr, slot_len, slot_module, slot_flow,
                              slot_units, index_keys, index_slots)
        return
    for e in range(indptr[u], indptr[u + 1]):
        i = physical[e]
        s = find_slot(slot_ptr, slot_len, slot_module, index_keys, index_slots, i, old)
        slot_flow[s] -= flow[e]
        slot_units[s] -= 1
        if slot_units[s] == 0:  # free it: the last slot in use takes its place
            last = slot_ptr[i] + slot_len[i] - 1
            slot_module[s] = slot_module[last]
            slot_flow[s] = slot_flow[last]
            slot_units[s] = slot_units[last]
            slot_module[last] = -1
            slot_flow[last] = 0.0
            slot_units[last] = 0
            slot_len[i] -= 1
        s = find_slot(slot_ptr, slot_len, slot_module, index_keys, index_slots, i, new)
        if s < 0:
            s = slot_ptr[i] + slot_len[i]
            slot_len[i] += 1
            slot_module[s] = new
            slot_flow[s] = 0.0
            slot_units[s] = 0
        slot_flow[s] += flow[e]
        slot_units[s] += 1


@njit(cache=True)
def _indexed_content_move(indptr, physical, flow, u, old, new, slot_ptr, slot_len, slot_module, slot_flow,
                          slot_units, index_keys, index_slots):
    num_physical = slot_len.shape[0]
    for e in range(indptr[u], indptr[u + 1]):
        i = physical[e]
        key = old * num_physical + i
        s = index_find(index_keys, index_slots, key)
        slot_flow[s] -= flow[e]
        slot_units[s] -= 1
        if slot_units[s] == 0:  # free it: the last slot in use takes its place
            index_remove(index_keys, index_slots, key)
            last = slot_ptr[i] + slot_len[i] - 1
            if last != s:
                slot_module[s] = slot_module[last]
                slot_flow[s] = slot_flow[last]
                slot_units[s] = slot_units[last]
                index_set(index_keys, index_slots, slot_module[s] * num_physical + i, s)
            slot_module[last] = -1
            slot_flow[last] = 0.0
            slot_units[last] = 0
            slot_len[i] -= 1
        key = new * num_physical + i
        s = index_find(index_keys, index_slots, key)
        if s < 0:
            s = slot_ptr[i] + slot_len[i]
            slot_len[i] += 1
            slot_module[s] = new
            slot_flow[s] = 0.0
            slot_units[s] = 0
            index_set(index_keys, index_slots, key, s)
        slot_flow[s] += flow[e]
        slot_units[s] += 1
