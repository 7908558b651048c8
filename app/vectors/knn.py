r"""Exact k-nearest-neighbour lists of embedding vectors, by blocked matrix products.

Similarity :math:`s(u, v)` is the cosine :math:`u\cdot v/(\|u\|\|v\|)` (rows are scaled to
unit length once, after dividing by their largest value so that neither 1e-300 nor 1e200
vectors underflow or overflow) or the plain inner product :math:`u\cdot v`. For every row
:math:`u`, its ``k`` most similar other rows (itself excluded), most similar first, the
lower index first on ties. Rows are processed in blocks, so memory is
``block_rows x n`` similarities, never an n x n matrix; a numba kernel selects the top k
of each row in one pass (numpy's ``argpartition`` took 4x the matrix product).
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
from numba import njit

from .options import METRICS, VectorError

#: Similarities per block of rows (memory bound: 4 or 8 bytes each).
MAX_BLOCK_ENTRIES = 1 << 24


def as_vector_array(vectors: Any) -> np.ndarray:
    """``vectors`` as a numpy array, or a :class:`VectorError` for ragged or non-numeric rows."""
    try:
        return np.asarray(vectors)
    except (TypeError, ValueError):
        raise VectorError("vectors must be a rectangular [n, d] array of numbers (ragged rows?)",
                          field="vectors") from None


def prepare_vectors(vectors: Any, metric: str = "cosine", dtype: str = "auto") -> np.ndarray:
    """The validated ``[n, d]`` matrix in the search precision; unit rows for ``cosine``.

    ``dtype="auto"`` keeps float32 input in float32 and computes anything else in float64.

    Raises
    ------
    VectorError
        Not a finite ``[n, d]`` matrix with n >= 2, an all-zero row (cosine), or inner
        products that overflow the precision (field ``vectors``).
    """
    if metric not in METRICS:
        raise VectorError(f"metric must be one of {', '.join(METRICS)}, got {metric!r}", field="metric")
    x = as_vector_array(vectors)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 1:
        raise VectorError(f"vectors must be a [n, d] matrix with n >= 2 and d >= 1, got shape {list(x.shape)}",
                          field="vectors")
    if x.dtype.kind not in "fiub":
        raise VectorError(f"vectors must be numbers, got dtype {x.dtype}", field="vectors")
    target = np.dtype(np.float32 if dtype == "float32" or (dtype == "auto" and x.dtype == np.float32)
                      else np.float64)
    if not np.all(np.isfinite(x)):
        raise VectorError("vectors must be finite numbers", field="vectors")
    if target == np.float32 and not np.all(np.abs(x) <= np.finfo(np.float32).max):
        raise VectorError("vectors exceed the float32 range; use dtype float64", field="vectors")
    # rounded to the search precision first, so float64 copies of float32 values give the same answer
    x = np.array(x, dtype=target, order="C", copy=True)
    if metric == "cosine":
        # Cosine ignores scale: divide each row by its largest |value| before the norm.
        peak = np.max(np.abs(x), axis=1)
        if np.any(peak == 0):
            raise VectorError(f"vector {int(np.argmax(peak == 0))} is all zeros (no cosine similarity)",
                              field="vectors")
        x /= peak[:, None]
        x /= np.linalg.norm(x, axis=1)[:, None]
    else:
        norms = np.sqrt(np.einsum("nd,nd->n", x, x, dtype=np.float64))
        if not np.all(norms * norms.max() < np.finfo(target).max / 4):
            raise VectorError(f"inner products overflow {target.name}: the largest vector norm is {norms.max():.3g}",
                              field="vectors")
    return x


# Serial on purpose: a parallel kernel called from several request threads at once aborts the
# process under numba's workqueue threading layer (the one left where no OpenMP/TBB runtime is
# installed, as in a slim container). The matrix product before it uses every core.
@njit(cache=True)
def _top_k_rows(sims, k, first_row):  # pragma: no cover - compiled
    """Indices and values of the k largest entries of each row, row ``r`` skipping column
    ``first_row + r`` (none when ``first_row`` is negative); largest first, the lower column first on ties."""
    rows, n = sims.shape
    idx = np.empty((rows, k), dtype=np.int64)
    val = np.empty((rows, k), dtype=sims.dtype)
    for r in range(rows):
        own = first_row + r if first_row >= 0 else -1
        count = 0
        for j in range(n):
            if j == own:
                continue
            v = sims[r, j]
            if count == k and v <= val[r, k - 1]:
                continue                    # not better than the k-th (ties keep the lower column)
            pos = count if count < k else k - 1
            while pos > 0 and val[r, pos - 1] < v:
                if pos < k:
                    val[r, pos] = val[r, pos - 1]
                    idx[r, pos] = idx[r, pos - 1]
                pos -= 1
            val[r, pos] = v
            idx[r, pos] = j
            if count < k:
                count += 1
    return idx, val


def _block_rows(queries: int, n: int, max_block_entries: int = MAX_BLOCK_ENTRIES) -> int:
    return max(1, min(queries, max_block_entries // n))


def exact_steps(n: int) -> int:
    """Progress steps of :func:`exact_knn` on all ``n`` rows: its blocks of rows.

    >>> exact_steps(50_000)
    150
    """
    return -(-n // _block_rows(n, n))


def exact_knn(x: np.ndarray, k: int, rows: np.ndarray | None = None, max_block_entries: int = MAX_BLOCK_ENTRIES,
              progress: Callable[[int], None] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``(indices, similarities)`` ``[m, k]`` of the k most similar other rows of ``x``.

    ``x`` comes from :func:`prepare_vectors`; ``rows`` (default: all) are the query rows;
    ``progress`` (optional) is called with the blocks done (:func:`exact_steps` in all).

    Examples
    --------
    >>> x = prepare_vectors(np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]]))
    >>> exact_knn(x, 1)[0].ravel().tolist()
    [1, 0, 1]
    """
    n = x.shape[0]
    k = int(min(k, n - 1))
    queries = np.arange(n) if rows is None else np.asarray(rows, dtype=np.int64)
    block = _block_rows(queries.size, n, max_block_entries)
    idx = np.empty((queries.size, k), dtype=np.int64)
    sim = np.empty((queries.size, k), dtype=x.dtype)
    for a in range(0, queries.size, block):            # blocks of query rows bound the memory
        q = queries[a:a + block]
        s = x[q] @ x.T
        if rows is None:
            idx[a:a + block], sim[a:a + block] = _top_k_rows(s, k, a)
        else:                                           # arbitrary rows: mask each one's own column
            s[np.arange(q.size), q] = -np.inf
            idx[a:a + block], sim[a:a + block] = _top_k_rows(s, k, -1)
        if progress is not None:
            progress(a // block + 1)
    return idx, sim
