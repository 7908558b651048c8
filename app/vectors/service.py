"""Vector clustering as the service runs it: vectors + options -> kNN graph -> InfoMap -> payload.

No web code: the routers (JSON body, uploaded file) and the job task call
:func:`cluster_vectors` (:func:`cluster_file_vectors` for a file); errors are engine errors
(:class:`.options.VectorError`, 422).
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from infomap_core import InfomapOptions, Network, __version__, run_infomap
from infomap_core.errors import EmptyNetworkError

from .graph import knn_graph, knn_steps
from .knn import as_vector_array
from .options import VectorError, VectorOptions


def vector_shape(rows: Any) -> tuple[int, int]:
    """``(n, d)`` of JSON vector rows (lists, or an array), or a :class:`VectorError` (field ``vectors``) when they are
    empty or ragged; the check before any work (a synchronous request's limits, a job's submission).

    >>> vector_shape([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    (3, 2)
    """
    if hasattr(rows, "shape"):  # the JSON fast path's array (app.tensors)
        if rows.ndim != 2 or rows.shape[0] == 0:
            raise VectorError(f"vectors must be a non-empty [n, d] matrix, got shape {list(rows.shape)}",
                              field="vectors")
        return int(rows.shape[0]), int(rows.shape[1])
    if len(rows) == 0 or len({len(r) for r in rows}) != 1:
        raise VectorError("vectors must be a non-empty [n, d] matrix (ragged rows?)", field="vectors")
    return len(rows), len(rows[0])


def progress_total(n: int, options: VectorOptions) -> int:
    """Progress steps of clustering ``n`` vectors: the kNN search's (:func:`.graph.knn_steps`), then one
    for the graph and InfoMap; known from the shape, before any work (a job's progress total).

    >>> progress_total(200_000, VectorOptions()), progress_total(1_000, VectorOptions())
    (11, 2)
    """
    return knn_steps(n, options) + 1


def cluster_vectors(vectors: Any, options: VectorOptions, labels: Sequence[str] | None = None,
                    progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Cluster the rows of ``vectors`` ``[n, d]``; the payload of ``/v1/cluster/vectors``.

    ``relative_codelength_savings`` is the engine's (:class:`infomap_core.InfomapResult`), so
    its rule for a one-level codelength of 0 and for float noise applies here too. ``progress``
    (optional) is called with ``(steps done, steps in all)`` as the kNN search advances and when
    InfoMap is done (:func:`progress_total` steps in all).
    """
    x = as_vector_array(vectors)
    n = x.shape[0] if x.ndim >= 1 else 0
    if labels is not None and len(labels) != n:
        raise VectorError(f"{len(labels)} labels for {n} vectors", field="labels")
    total = progress_total(n, options) if progress is not None and n > 0 else 0
    graph = knn_graph(x, options, progress=None if progress is None else (lambda done: progress(done, total)))
    src, tgt, sim = graph.source, graph.target, graph.similarity
    if src.size == 0:
        raise EmptyNetworkError("no pair of vectors reaches min_similarity; lower it", field="min_similarity")
    net = Network.from_arrays(src, tgt, sim, directed=options.directed, nodes=np.arange(n))
    result = run_infomap(net, InfomapOptions(two_level=options.two_level, num_trials=options.num_trials,
                                             seed=options.seed))
    if progress is not None:
        progress(total, total)
    degree = np.bincount(src, minlength=n) + (0 if options.directed else np.bincount(tgt, minlength=n))
    linked = np.zeros(n, dtype=bool)
    linked[src] = linked[tgt] = True
    clusters = _clusters(result.module_ids(1), result.flow.node_flow, labels)
    return {
        "codelength": result.codelength,
        "one_level_codelength": result.one_level_codelength,
        "relative_codelength_savings": result.relative_codelength_savings,
        "num_clusters": len(clusters),
        "clusters": clusters,
        "graph": {"nodes": n, "links": int(net.num_links), "directed": options.directed,
                  "mean_out_degree": float(degree.mean()), "isolated": int(n - linked.sum()),
                  "mean_similarity": float(sim.mean())},
        "metadata": {"seed": options.seed, "engine_version": __version__, "input_sha256": net.fingerprint(),
                     "elapsed_seconds": result.elapsed, "knn": graph.info},
    }


def cluster_file_vectors(vectors: Any, options: VectorOptions, labels: Sequence[str] | None = None) -> dict[str, Any]:
    """:func:`cluster_vectors` of vectors read from an uploaded file: errors about the vectors or
    their labels name the ``file`` field (that is where they came from)."""
    try:
        return cluster_vectors(vectors, options, labels)
    except VectorError as exc:
        if exc.field in ("vectors", "labels"):
            raise VectorError(f"file: {exc.message}", field="file") from None
        raise


def _clusters(modules: np.ndarray, flow: np.ndarray, labels: Sequence[str] | None) -> list[dict[str, Any]]:
    """Members of each module by decreasing flow; modules by decreasing flow, then number."""
    order = np.lexsort((-flow, modules))               # by module, then flow (stable: index on ties)
    sorted_modules = modules[order]
    starts = np.flatnonzero(np.r_[True, sorted_modules[1:] != sorted_modules[:-1]])
    ends = np.r_[starts[1:], order.size]
    module_flow = np.add.reduceat(flow[order], starts)
    names = [str(i) for i in order.tolist()] if labels is None else [labels[i] for i in order.tolist()]
    clusters = [{"module": int(sorted_modules[a]), "size": int(b - a), "flow": float(f), "members": names[a:b]}
                for a, b, f in zip(starts.tolist(), ends.tolist(), module_flow.tolist())]
    clusters.sort(key=lambda c: (-c["flow"], c["module"]))
    return clusters
