"""Vectors -> kNN similarity graph: exact or approximate neighbours, then the links.

Each vector u links to each of its ``top_k`` most similar other vectors v with
``s(u, v) >= min_similarity``: a directed link u -> v of weight ``max(s, 0)`` (the seed
post's experiment, where weights are cosines >= 0.5; cosines are also clipped at 1).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from .ann import KnnSearch, Progress, approximate_knn, approximate_steps
from .knn import as_vector_array, exact_knn, exact_steps, prepare_vectors
from .options import EXACT_MAX_VECTORS, RECALL_SAMPLE, VectorOptions


@dataclass(frozen=True)
class KnnGraph:
    """Links of the kNN graph (source, target, similarity) and how the neighbours were found."""

    source: np.ndarray
    target: np.ndarray
    similarity: np.ndarray
    num_vectors: int
    info: dict = field(default_factory=dict)


def choose_method(n: int, options: VectorOptions, exact_max_vectors: int = EXACT_MAX_VECTORS) -> str:
    """``exact`` up to ``exact_max_vectors`` vectors (or when asked), else ``approximate``."""
    if options.method != "auto":
        return options.method
    return "exact" if n <= exact_max_vectors else "approximate"


def knn_steps(n: int, options: VectorOptions, exact_max_vectors: int = EXACT_MAX_VECTORS) -> int:
    """Progress steps of the kNN search of ``n`` vectors (its blocks, or its index's stages)."""
    method = choose_method(n, options, exact_max_vectors)
    return exact_steps(n) if method == "exact" else approximate_steps(n)


def nearest_neighbors(x: np.ndarray, options: VectorOptions, method: str, recall_sample: int = RECALL_SAMPLE,
                      progress: Progress | None = None) -> KnnSearch:
    """The k nearest neighbours of every row of ``x`` (from :func:`.knn.prepare_vectors`) by ``method``."""
    if method == "exact":
        indices, sims = exact_knn(x, options.top_k, progress=progress)
        return KnnSearch(indices, sims, "exact", 1.0, 0)
    return approximate_knn(x, options.top_k, recall_target=options.recall_target, seed=options.seed,
                           recall_sample=recall_sample, progress=progress)


def knn_graph(vectors: np.ndarray, options: VectorOptions | None = None, *,
              exact_max_vectors: int = EXACT_MAX_VECTORS, recall_sample: int = RECALL_SAMPLE,
              progress: Progress | None = None) -> KnnGraph:
    """The kNN similarity graph of ``vectors`` ``[n, d]`` under ``options``; ``progress`` (optional) is
    called with the search's steps done, up to :func:`knn_steps`.

    Examples
    --------
    >>> g = knn_graph(np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]]), VectorOptions(top_k=1, min_similarity=0.5))
    >>> list(zip(g.source.tolist(), g.target.tolist()))
    [(0, 1), (1, 0)]
    """
    options = options or VectorOptions()
    started = time.perf_counter()
    vectors = as_vector_array(vectors)
    method = choose_method(vectors.shape[0] if vectors.ndim else 0, options, exact_max_vectors)
    # the IVF index holds float32: search in float32 unless float64 is asked for
    dtype = "float32" if method == "approximate" and options.dtype == "auto" else options.dtype
    x = prepare_vectors(vectors, options.metric, dtype)
    search = nearest_neighbors(x, options, method, recall_sample, progress)
    sims = search.similarities.astype(np.float64)
    keep = sims >= options.min_similarity
    rows, slots = np.nonzero(keep)
    weight = np.maximum(sims[rows, slots], 0.0)
    if options.metric == "cosine":
        weight = np.minimum(weight, 1.0)
    info = {"method": search.method, "metric": options.metric, "dtype": x.dtype.name,
            "neighbors": int(search.indices.shape[1]), "recall_at_k": search.recall_at_k,
            "recall_sample": search.recall_sample, "recall_target": options.recall_target,
            "exact_max_vectors": exact_max_vectors, **search.details,
            "seconds": time.perf_counter() - started}
    return KnnGraph(rows.astype(np.int64), search.indices[rows, slots], weight, x.shape[0], info)
