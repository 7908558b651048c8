"""Embedding vectors -> kNN similarity graph -> InfoMap clusters (the vector service layer).

* :mod:`.options`  the options, their defaults and ranges (:class:`VectorOptions`)
* :mod:`.cost`     links, memory and work of a request from its shape (:func:`estimate_vector_cost`)
* :mod:`.knn`      exact neighbours by blocked matrix products
* :mod:`.ann`      approximate neighbours (faiss IVF-Flat) with a sampled recall
* :mod:`.graph`    neighbours -> links (:func:`knn_graph`)
* :mod:`.files`    vectors from ``.npy``, ``.npz``, Arrow IPC and Parquet bytes (detected by content)
* :mod:`.service`  the whole pipeline and its payload (:func:`cluster_vectors`)
"""

from .cost import VectorCost, estimate_vector_cost
from .graph import KnnGraph, knn_graph
from .options import VectorError, VectorOptions
from .service import cluster_file_vectors, cluster_vectors, progress_total, vector_shape

__all__ = ["KnnGraph", "VectorCost", "VectorError", "VectorOptions", "cluster_file_vectors", "cluster_vectors",
           "estimate_vector_cost", "knn_graph", "progress_total", "vector_shape"]
