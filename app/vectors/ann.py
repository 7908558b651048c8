r"""Approximate k-nearest-neighbour lists with a faiss IVF-Flat index, checked against exact on a sample.

The index (faiss-cpu ``IndexIVFFlat``, inner-product metric on float32; cosine is the inner product
of unit rows) splits the vectors into ``nlist`` inverted lists by spherical k-means (faiss's
``Clustering``, seeded: the training sample and the initial centroids come from ``seed``); a query
scans the ``nprobe`` lists whose centroids are most similar to it and keeps the k best it finds.
Chosen by measurement on this 2-core machine (bench/README.md): on 200k x 128 vectors it builds and
searches several times faster than the HNSW graph used before, whose build was serial to be
reproducible (faiss's parallel HNSW insertion order varies between runs). Every step here is a pure
function of the data and the seed whatever the number of threads: the k-means (the assignment of
each point and the sum of each centroid's points are per point and per centroid), the inverted
lists (filled in row order) and each query's scan; the threads only split the rows.

Each row asks for ``k + 1`` neighbours and drops itself. The recall@k is estimated on a sample of
rows (seeded) whose exact neighbours are computed by :func:`.knn.exact_knn`: the fraction of
returned neighbours at least as similar as the exact k-th, similarities in float64 (so ties do not
count as misses). The
number of lists scanned (``nprobe``) is calibrated on that sample first, where it is cheap: doubled
from the smallest power of two whose lists hold ``2 (k + 1)`` vectors on average until the sample's
recall reaches ``recall_target`` (or every list is scanned: an exact search), then narrowed by
bisection to within 1/8 of the smallest that reaches it (recall does not fall as ``nprobe`` grows:
the lists scanned only grow). Every row is then searched once with it, and
the recall reported is that of the final lists on the sample rows.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from .knn import exact_knn

#: Inverted lists per square root of the number of vectors (nlist = LISTS_PER_ROOT sqrt(n)).
LISTS_PER_ROOT = 2.0
#: Fewest vectors per list on average (faiss's k-means wants at least 39 training points per centroid).
MIN_LIST_SIZE = 39
#: Training vectors per list (a seeded sample when there are more; faiss's max_points_per_centroid) and
#: iterations of the k-means that places the lists. On 1M planted vectors (bench/README.md) 100 and 10
#: split planted clusters between lists (90.6% of the vectors in their cluster's main list; recall 0.88 at
#: nprobe 1, 0.91 at 4); 256 and 20 keep 96.7% (0.96 at nprobe 1), for a longer k-means.
TRAINING_PER_LIST = 256
KMEANS_ITERATIONS = 20
#: Extra exact neighbours whose similarities are recomputed in float64 to find the exact k-th of a sampled row.
RERANK = 8
#: Rows added to the index, or searched, per progress step.
ROWS_PER_STEP = 1 << 16

#: A progress callback: called with the number of steps done so far (see :func:`approximate_steps`).
Progress = Callable[[int], None]


@dataclass(frozen=True)
class KnnSearch:
    """Neighbour lists ``[n, k]`` (most similar first) and how they were found."""

    indices: np.ndarray
    similarities: np.ndarray
    method: str
    recall_at_k: float
    recall_sample: int
    details: dict = field(default_factory=dict)


class RecallSample:
    """Rows of ``x`` and the exact similarity of each one's k-th neighbour: the recall of any lists for them.

    The exact neighbours are computed once (:func:`.knn.exact_knn`); :meth:`recall` then costs
    one product per found neighbour.
    """

    def __init__(self, x: np.ndarray, k: int, rows: np.ndarray):
        self.x, self.k, self.rows = x, k, np.asarray(rows, dtype=np.int64)
        # The k + RERANK most similar in the search precision, their similarities again in float64 (as
        # :meth:`recall` computes them): the k-th of those is the exact one, not float32's rounding of it.
        candidates, _ = exact_knn(x, min(x.shape[0] - 1, k + RERANK), rows=self.rows)
        sims = np.einsum("skd,sd->sk", x[candidates], x[self.rows], dtype=np.float64)
        self.kth = -np.partition(-sims, k - 1, axis=1)[:, k - 1]
        # equal similarities computed by two summation orders differ in the last bits of a float64
        self.tolerance = 1e-9 * np.maximum(1.0, np.abs(self.kth))

    @classmethod
    def seeded(cls, x: np.ndarray, k: int, size: int, seed: int) -> "RecallSample":
        """``min(n, size)`` distinct rows drawn with ``seed``, in increasing order."""
        n = x.shape[0]
        return cls(x, k, np.sort(np.random.default_rng(seed).choice(n, min(n, size), replace=False)))

    def recall(self, found: np.ndarray) -> float:
        """Mean over the rows of the fraction of their ``found`` neighbours (``[rows, k]``) at least as
        similar as the exact k-th."""
        x, k = self.x, self.k
        sims = np.einsum("skd,sd->sk", x[found], x[self.rows], dtype=np.float64)
        hits = np.minimum(k, np.sum(sims >= (self.kth - self.tolerance)[:, None], axis=1))
        return float(hits.mean() / k)


def sampled_recall(x: np.ndarray, indices: np.ndarray, sample: np.ndarray, sample_rows: bool = False) -> float:
    """Mean over the ``sample`` rows of the fraction of their neighbours at least as similar as the exact k-th.

    ``indices`` holds the neighbours of every row, or of the sample rows only (``sample_rows``).
    """
    return RecallSample(x, indices.shape[1], sample).recall(indices if sample_rows else indices[sample])


def list_count(n: int) -> int:
    """Inverted lists for ``n`` vectors: ``LISTS_PER_ROOT sqrt(n)``, at most ``n / MIN_LIST_SIZE``, at least 1.

    >>> list_count(200_000), list_count(1_000_000), list_count(100)
    (894, 2000, 2)
    """
    return int(max(1, min(round(LISTS_PER_ROOT * math.sqrt(n)), n // MIN_LIST_SIZE)))


def approximate_steps(n: int) -> int:
    """Progress steps of :func:`approximate_knn` on ``n`` vectors: the k-means, the rows added
    (per :data:`ROWS_PER_STEP`), the calibration, the rows searched.

    >>> approximate_steps(200_000)
    10
    """
    chunks = -(-n // ROWS_PER_STEP)
    return 2 + 2 * chunks


def _without_self(found: np.ndarray, sims: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Drop each query's own index (or, when absent, its last neighbour) from its k + 1 results."""
    m = found.shape[0]
    own = found == queries[:, None]
    drop = np.where(own.any(axis=1), own.argmax(axis=1), k)
    keep = np.ones_like(own)
    keep[np.arange(m), drop] = False
    return found[keep].reshape(m, k), sims[keep].reshape(m, k)


def _search(index, data: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """k neighbours of the rows ``queries`` of ``data``; rows whose scanned lists held too few are done exactly."""
    sims, found = index.search(data[queries], k + 1)
    indices, sims = _without_self(found, sims, queries, k)
    short = np.flatnonzero((indices < 0).any(axis=1))     # faiss pads with -1 when it finds too few
    if short.size:
        indices[short], sims[short] = exact_knn(data, k, rows=queries[short])
    return indices, sims


def _calibrate(index, data: np.ndarray, sample: RecallSample, k: int, recall_target: float,
               nlist: int) -> tuple[int, list[dict]]:
    """The smallest ``nprobe`` (to within 1/8) whose search reaches ``recall_target`` on the sample, or ``nlist``."""
    tried: dict[int, float] = {}

    def recall_at(nprobe: int) -> float:
        if nprobe not in tried:
            index.nprobe = nprobe
            tried[nprobe] = sample.recall(_search(index, data, sample.rows, k)[0])
        return tried[nprobe]

    # Start where the lists scanned hold 2 (k + 1) vectors on average: with fewer, many rows find fewer than
    # k + 1 and are searched exactly (:func:`_search`), which would make tiny nprobe look good.
    first = 1 << max(0, math.ceil(math.log2(2 * (k + 1) * nlist / data.shape[0])))
    low, high = first // 2, min(nlist, first)          # low: reaches less than the target (or was not tried)
    while recall_at(high) < recall_target and high < nlist:
        low, high = high, min(nlist, 2 * high)
    if recall_at(high) >= recall_target:
        while high - low > max(1, high // 8):
            middle = (low + high) // 2
            if recall_at(middle) >= recall_target:
                high = middle
            else:
                low = middle
    return high, [{"nprobe": p, "recall_at_k": r} for p, r in tried.items()]


def approximate_knn(x: np.ndarray, k: int, *, recall_target: float, seed: int, recall_sample: int,
                    threads: int | None = None, progress: Progress | None = None) -> KnnSearch:
    """IVF-Flat neighbours of every row of ``x`` (from :func:`.knn.prepare_vectors`), recall-checked.

    ``progress`` (optional) is called with the steps done, up to :func:`approximate_steps` ``(n)``.
    """
    import faiss

    n, d = x.shape
    k = int(min(k, n - 1))
    data = np.ascontiguousarray(x, dtype=np.float32)
    report = progress or (lambda done: None)
    nlist = list_count(n)
    faiss.omp_set_num_threads(threads or os.cpu_count() or 1)
    started = time.perf_counter()
    quantizer = faiss.IndexFlatIP(d)
    index = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
    index.cp.seed = seed
    index.cp.niter = KMEANS_ITERATIONS
    index.cp.max_points_per_centroid = TRAINING_PER_LIST
    index.cp.min_points_per_centroid = 1                # small inputs: no warning, nlist is bounded above
    index.train(data)
    trained = time.perf_counter()
    step = 1
    report(step)
    for a in range(0, n, ROWS_PER_STEP):                 # row order: the same lists as one add
        index.add(data[a:a + ROWS_PER_STEP])
        step += 1
        report(step)
    built = time.perf_counter()
    sample = RecallSample.seeded(x, k, recall_sample, seed)
    nprobe, calibration = _calibrate(index, data, sample, k, recall_target, nlist)
    step += 1
    report(step)
    calibrated = time.perf_counter()
    index.nprobe = nprobe
    indices = np.empty((n, k), dtype=np.int64)
    sims = np.empty((n, k), dtype=np.float32)
    for a in range(0, n, ROWS_PER_STEP):
        rows = np.arange(a, min(n, a + ROWS_PER_STEP))
        indices[rows], sims[rows] = _search(index, data, rows, k)
        step += 1
        report(step)
    searched = time.perf_counter()
    recall = sample.recall(indices[sample.rows])          # of the lists returned, not of the calibration's
    details = {"library": f"faiss-cpu {faiss.__version__}", "index": f"IVF{nlist},Flat inner product float32",
               "nlist": nlist, "nprobe": nprobe, "kmeans_iterations": KMEANS_ITERATIONS,
               "train_seconds": trained - started, "build_seconds": built - started,
               "calibration_seconds": calibrated - built, "search_seconds": searched - calibrated,
               "calibration": calibration}
    if x.dtype != np.float32:                          # similarities in the asked precision
        sims = np.empty(indices.shape, dtype=x.dtype)
        for a in range(0, n, 2048):
            sims[a:a + 2048] = np.einsum("rkd,rd->rk", x[indices[a:a + 2048]], x[a:a + 2048])
    return KnnSearch(indices, sims, "approximate", recall, int(sample.rows.size), details)
