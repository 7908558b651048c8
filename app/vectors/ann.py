r"""Approximate k-nearest-neighbour lists with a faiss HNSW index, checked against exact on a sample.

faiss-cpu (``IndexHNSWFlat``, inner-product metric on float32; cosine is the inner product of
unit rows) was chosen over pynndescent by measurement on this 2-core machine (bench/README.md:
faster at every size and a higher recall at the same time). The graph is built with one thread so
that it depends only on the data (faiss's parallel insertion order varies between runs); the
search, a pure function of the graph, uses every core.

Each row asks for ``k + 1`` neighbours and drops itself. The recall@k is estimated on a sample of
rows (seeded) whose exact neighbours are computed by :func:`.knn.exact_knn`: the fraction of
returned neighbours at least as similar as the exact k-th (so ties do not count as misses). The
candidate list (``efSearch``) is calibrated on that sample first: doubled from max(64, 2k) until the
sample's recall reaches ``recall_target`` (or :data:`MAX_EF_SEARCH`); then every row is searched once
with it, and the sample's rows get the same answers (a search depends only on the graph and ef).
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


def sampled_recall(x: np.ndarray, indices: np.ndarray, sample: np.ndarray, sample_rows: bool = False) -> float:
    """Mean over the ``sample`` rows of the fraction of their neighbours at least as similar as the exact k-th.

    ``indices`` holds the neighbours of every row, or of the sample rows only (``sample_rows``).
    """
    k = indices.shape[1]
    _, exact_sim = exact_knn(x, k, rows=sample)
    kth = exact_sim[:, -1].astype(np.float64)
    found = np.einsum("skd,sd->sk", x[indices if sample_rows else indices[sample]], x[sample], dtype=np.float64)
    # the same similarity computed by two summation orders may differ in the last bits
    tolerance = 8 * np.finfo(x.dtype).eps * np.maximum(1.0, np.abs(kth))
    hits = np.minimum(k, np.sum(found >= (kth - tolerance)[:, None], axis=1))
    return float(hits.mean() / k)


def _without_self(found: np.ndarray, sims: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Drop each query's own index (or, when absent, its last neighbour) from its k + 1 results."""
    m = found.shape[0]
    own = found == queries[:, None]
    drop = np.where(own.any(axis=1), own.argmax(axis=1), k)
    keep = np.ones_like(own)
    keep[np.arange(m), drop] = False
    return found[keep].reshape(m, k), sims[keep].reshape(m, k)


def _search(index, data: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """k neighbours of the rows ``queries`` of ``data``; rows the graph search left short are done exactly."""
    every = queries.size == data.shape[0]               # all rows, in order: no copy of the data
    sims, found = index.search(data if every else data[queries], k + 1)
    indices, sims = _without_self(found.astype(np.int64), sims, queries, k)
    short = np.flatnonzero((indices < 0).any(axis=1))     # faiss pads with -1 when it finds too few
    if short.size:
        indices[short], sims[short] = exact_knn(data, k, rows=queries[short])
    return indices, sims


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
    # Calibrate the candidate list on the sample (cheap), then search every row once with it.
    ef = max(64, 2 * k)
    calibration = []
    while True:
        index.hnsw.efSearch = ef
        found, _ = _search(index, data, sample, k)
        recall = sampled_recall(x, found, sample, sample_rows=True)
        calibration.append({"ef_search": ef, "recall_at_k": recall})
        if recall >= recall_target or ef >= MAX_EF_SEARCH:
            break
        ef *= 2
    t = time.perf_counter()
    indices, sims = _search(index, data, np.arange(n), k)
    searched = time.perf_counter() - t
    details = {"library": f"faiss-cpu {faiss.__version__}", "index": f"HNSW{HNSW_LINKS},Flat inner product float32",
               "ef_construction": EF_CONSTRUCTION, "ef_search": ef, "build_seconds": built,
               "search_seconds": searched, "calibration": calibration}
    if x.dtype != np.float32:                          # similarities in the asked precision
        sims = np.empty(indices.shape, dtype=x.dtype)
        for a in range(0, n, 2048):
            sims[a:a + 2048] = np.einsum("rkd,rd->rk", x[indices[a:a + 2048]], x[a:a + 2048])
    return KnnSearch(indices, sims, "approximate", recall, int(sample.size), details)
