r"""Approximate k-nearest-neighbour lists with a faiss HNSW index, checked against exact on a sample.

faiss-cpu (``IndexHNSWFlat``, inner-product metric on float32; cosine is the inner product of
unit rows) was chosen over pynndescent by measurement on this 2-core machine (bench/README.md:
faster at every size and a higher recall at the same time). The graph is built with one thread so
that it depends only on the data (faiss's parallel insertion order varies between runs); the
search, a pure function of the graph, uses every core.

Each row asks for ``k + 1`` neighbours and drops itself. The recall@k is estimated on a sample of
rows (seeded) whose exact neighbours are computed by :func:`.knn.exact_knn`: the fraction of
returned neighbours at least as similar as the exact k-th (so ties do not count as misses). While
it is below ``recall_target``, the search is repeated with twice the candidate list (``efSearch``),
up to :data:`MAX_EF_SEARCH`.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

import numpy as np

from .knn import exact_knn

#: Links per HNSW node (faiss's M).
HNSW_LINKS = 32
#: Candidate list while building (faiss's efConstruction).
EF_CONSTRUCTION = 80
#: Largest candidate list of a search (faiss's efSearch); the first is max(64, 2k).
MAX_EF_SEARCH = 2048


@dataclass(frozen=True)
class KnnSearch:
    """Neighbour lists ``[n, k]`` (most similar first) and how they were found."""

    indices: np.ndarray
    similarities: np.ndarray
    method: str
    recall_at_k: float
    recall_sample: int
    details: dict = field(default_factory=dict)


def sampled_recall(x: np.ndarray, indices: np.ndarray, sample: np.ndarray) -> float:
    """Mean over ``sample`` rows of the fraction of ``indices`` at least as similar as the exact k-th."""
    k = indices.shape[1]
    _, exact_sim = exact_knn(x, k, rows=sample)
    kth = exact_sim[:, -1].astype(np.float64)
    found = np.einsum("skd,sd->sk", x[indices[sample]], x[sample], dtype=np.float64)
    # the same similarity computed by two summation orders may differ in the last bits
    tolerance = 8 * np.finfo(x.dtype).eps * np.maximum(1.0, np.abs(kth))
    hits = np.minimum(k, np.sum(found >= (kth - tolerance)[:, None], axis=1))
    return float(hits.mean() / k)


def _without_self(found: np.ndarray, sims: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Drop each row's own index (or, when absent, its last neighbour) from k + 1 results."""
    n = found.shape[0]
    own = found == np.arange(n)[:, None]
    drop = np.where(own.any(axis=1), own.argmax(axis=1), k)
    keep = np.ones_like(own)
    keep[np.arange(n), drop] = False
    return found[keep].reshape(n, k), sims[keep].reshape(n, k)


def approximate_knn(x: np.ndarray, k: int, *, recall_target: float, seed: int,
                    recall_sample: int, threads: int | None = None) -> KnnSearch:
    """HNSW neighbours of every row of ``x`` (from :func:`.knn.prepare_vectors`), recall-checked."""
    import faiss

    n, d = x.shape
    k = int(min(k, n - 1))
    data = np.ascontiguousarray(x, dtype=np.float32)
    threads = threads or os.cpu_count() or 1
    started = time.perf_counter()
    index = faiss.IndexHNSWFlat(d, HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = EF_CONSTRUCTION
    faiss.omp_set_num_threads(1)
    try:
        index.add(data)
    finally:
        faiss.omp_set_num_threads(threads)
    built = time.perf_counter() - started
    sample = np.sort(np.random.default_rng(seed).choice(n, min(n, recall_sample), replace=False))
    ef = max(64, 2 * k)
    searches = []
    while True:
        index.hnsw.efSearch = ef
        t = time.perf_counter()
        sims, found = index.search(data, k + 1)
        indices, sims = _without_self(found.astype(np.int64), sims, k)
        missing = np.flatnonzero((indices < 0).any(axis=1))   # faiss pads with -1 when it finds too few
        if missing.size:
            indices[missing], sims[missing] = exact_knn(data, k, rows=missing)
        recall = sampled_recall(x, indices, sample)
        searches.append({"ef_search": ef, "recall_at_k": recall, "seconds": time.perf_counter() - t})
        if recall >= recall_target or ef >= MAX_EF_SEARCH:
            break
        ef *= 2
    details = {"library": f"faiss-cpu {faiss.__version__}", "index": f"HNSW{HNSW_LINKS},Flat inner product float32",
               "ef_construction": EF_CONSTRUCTION, "ef_search": ef, "build_seconds": built, "searches": searches}
    return KnnSearch(indices, sims.astype(x.dtype, copy=False), "approximate", recall, int(sample.size), details)
