"""Exact cosine kNN graph of embedding vectors, by blocked matrix products.

For each vector, its ``top_k`` most similar other vectors with cosine similarity
``>= min_similarity`` become links (directed u -> v with weight = similarity, as in
the seed post). Rows are processed in blocks so memory stays bounded by
``block_rows x n`` similarities, never an n x n matrix.
"""

from __future__ import annotations

import numpy as np

from infomap_core.errors import NetworkError

MAX_BLOCK_ENTRIES = 1 << 24  # 16M similarities (128 MB) per block


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    x = np.asarray(vectors, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 1:
        raise NetworkError(f"vectors must be a [n, d] matrix with n >= 2, got shape {x.shape}", field="vectors")
    if not np.all(np.isfinite(x)):
        raise NetworkError("vectors must be finite numbers", field="vectors")
    # Cosine ignores scale: divide each row by its largest |value| first, so the norm of
    # vectors like 1e200 neither overflows to inf nor underflows to 0 (exact either way).
    peak = np.max(np.abs(x), axis=1)
    if np.any(peak == 0):
        raise NetworkError(f"vector {int(np.argmax(peak == 0))} is all zeros (no cosine similarity)", field="vectors")
    x = x / peak[:, None]
    return x / np.linalg.norm(x, axis=1)[:, None]


def knn_graph(vectors: np.ndarray, top_k: int = 40, min_similarity: float = 0.5,
              max_block_entries: int = MAX_BLOCK_ENTRIES) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(source, target, similarity) arrays of the kNN links (self excluded)."""
    x = normalize_rows(vectors)
    n = x.shape[0]
    k = int(min(top_k, n - 1))
    if k < 1:
        raise NetworkError("top_k must be >= 1", field="top_k")
    block = max(1, min(n, max_block_entries // n))
    sources, targets, sims = [], [], []
    for start in range(0, n, block):
        stop = min(n, start + block)
        s = x[start:stop] @ x.T
        rows = np.arange(stop - start)
        s[rows, start + rows] = -np.inf
        top = np.argpartition(-s, k - 1, axis=1)[:, :k]
        top_sim = np.take_along_axis(s, top, axis=1)
        keep = top_sim >= min_similarity
        r, c = np.nonzero(keep)
        sources.append(start + r)
        targets.append(top[r, c])
        sims.append(np.clip(top_sim[r, c], 0.0, 1.0))
    return (np.concatenate(sources).astype(np.int64), np.concatenate(targets).astype(np.int64),
            np.concatenate(sims))
