"""What clustering n vectors of dimension d with top_k neighbours costs, known before any work.

The service calls :func:`estimate_vector_cost` with the shape alone (the JSON body's length,
an ``.npy`` header) and refuses a request above its limits with 413 before allocating: the kNN
graph has ``n * min(top_k, n - 1)`` links, derived from a body that may be tiny (10,000
one-dimensional vectors with ``top_k`` 1000 are an 89 KB body and 10M links).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .ann import list_count
from .options import EXACT_MAX_VECTORS

#: Peak resident memory of a whole run per kNN link (bench/README.md: 4.79 GB for 1M x 128
#: vectors and 40M links, 1.15 GB for 200k and 8M); the vectors and the index are added on top,
#: so the estimate errs high.
BYTES_PER_LINK = 120
#: Bytes per vector of the IVF-Flat index: its float32 copy of the vector is counted from d; the id (int64).
IVF_BYTES_PER_VECTOR = 8
#: Inverted lists scanned per query assumed by the work estimate (calibrated: 1 of 894 on 200k clustered vectors,
#: 256 of 447 on 50k nearly equidistant ones; bench/README.md).
ASSUMED_NPROBE = 16


@dataclass(frozen=True)
class VectorCost:
    """Links of the kNN graph, memory and multiply-adds of the kNN search, and the method."""

    vectors: int
    dimension: int
    neighbors: int
    links: int
    method: str
    knn_multiply_adds: int
    memory_bytes: int

    def to_dict(self) -> dict:
        return asdict(self)


def estimate_vector_cost(n: int, d: int, top_k: int, method: str = "auto", itemsize: int = 8) -> VectorCost:
    """Cost of clustering ``n`` vectors of dimension ``d`` with ``top_k`` neighbours each.

    Exact search: :math:`n^2 d` multiply-adds; approximate (IVF-Flat with ``nlist`` lists): the
    k-means, the assignment and the coarse search, about :math:`3\\,n\\,d\\,nlist`, and the scan of
    :data:`ASSUMED_NPROBE` lists per vector, :math:`n\\,d\\,nprobe\\,n / nlist`.

    Examples
    --------
    >>> estimate_vector_cost(10_000, 1, 1000).links
    10000000
    """
    n, d, top_k = int(n), int(d), int(top_k)
    k = max(0, min(top_k, n - 1))
    if method == "auto":
        method = "exact" if n <= EXACT_MAX_VECTORS else "approximate"
    if method == "exact":
        work = n * n * d
        index_bytes = 0
    else:
        nlist = list_count(n)
        work = n * d * (3 * nlist + min(nlist, ASSUMED_NPROBE) * -(-n // nlist))
        index_bytes = n * (4 * d + IVF_BYTES_PER_VECTOR)
    links = n * k
    memory = n * d * itemsize + index_bytes + links * BYTES_PER_LINK
    return VectorCost(n, d, k, links, method, work, memory)
