"""Build the network's CSR link store from link arrays in one numba pass.

A counting sort by source, then per row a stable sort by target that sums duplicate
links. Compared with ``scipy.sparse`` (COO -> CSR -> ``sum_duplicates`` -> int64
copies) it allocates only the output arrays and one buffer of row positions, so the
peak memory of building a network stays near its final size.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["links_to_csr"]

#: Rows up to this many links are sorted in place by insertion (most rows of a sparse network).
_INSERTION_SORT_MAX = 32


@njit(cache=True)
def links_to_csr(source, target, weight, n):
    """(indptr, indices, weights) of the links ``source[e] -> target[e]`` (node indices < n).

    ``weight`` holds one weight per link, or is empty for weight 1 on every link.
    Row ``s`` holds the distinct targets of ``s`` in increasing order with their summed
    weights. Links keep their direction as given (an undirected flow model reads each
    link both ways; a directed one needs the direction).
    """
    m = source.shape[0]
    unit_weight = weight.shape[0] == 0 and m > 0
    indptr = np.zeros(n + 1, dtype=np.int64)
    for e in range(m):
        indptr[source[e] + 1] += 1
    for s in range(n):
        indptr[s + 1] += indptr[s]
    indices = np.empty(m, dtype=np.int64)
    weights = np.empty(m, dtype=np.float64)
    fill = indptr[:-1].copy()
    for e in range(m):
        s, t = source[e], target[e]
        indices[fill[s]] = t
        weights[fill[s]] = 1.0 if unit_weight else weight[e]
        fill[s] += 1
    # Sort each row by target (stable: duplicates are summed in input order) and compact.
    out = 0
    start = 0
    for s in range(n):
        end = indptr[s + 1]
        row_start = out
        if end - start > _INSERTION_SORT_MAX:
            order = np.argsort(indices[start:end], kind="mergesort")
            indices[start:end] = indices[start:end][order]
            weights[start:end] = weights[start:end][order]
        else:                       # a short row: an insertion sort in place (stable, no allocation)
            for j in range(start + 1, end):
                t, w = indices[j], weights[j]
                k = j - 1
                while k >= start and indices[k] > t:
                    indices[k + 1] = indices[k]
                    weights[k + 1] = weights[k]
                    k -= 1
                indices[k + 1] = t
                weights[k + 1] = w
        for j in range(start, end):
            if out > row_start and indices[out - 1] == indices[j]:
                weights[out - 1] += weights[j]
            else:
                indices[out] = indices[j]
                weights[out] = weights[j]
                out += 1
        indptr[s + 1] = out
        start = end
    if out < m:
        return indptr, indices[:out].copy(), weights[:out].copy()
    return indptr, indices, weights
