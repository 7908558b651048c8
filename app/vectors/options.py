"""Options of vector clustering: names, defaults and ranges, written once.

The routers' request models, the file form and the job task all build a
:class:`VectorOptions`; its ``__post_init__`` is the one validation of every value
(errors name the request field).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from numbers import Integral, Real
from typing import Any

from infomap_core import SEED_LIMIT, InfomapOptions
from infomap_core.errors import MapEqError

#: Similarity metrics: cosine of the angle, or the plain inner product.
METRICS = ("cosine", "inner_product")
#: kNN methods: exact below ``exact_max_vectors`` (``auto``), or forced.
METHODS = ("auto", "exact", "approximate")
#: Floating-point precision of the kNN search (``auto``: float32 for float32 input, else float64).
DTYPES = ("auto", "float32", "float64")
#: Largest ``top_k``.
MAX_TOP_K = 1000
#: Largest number of InfoMap trials on a vector graph.
MAX_TRIALS = 100
#: Below this many vectors ``auto`` computes the kNN exactly (bench/README.md: where the
#: approximate index starts to pay off on a 2-core machine).
EXACT_MAX_VECTORS = 50_000
#: Rows whose exact neighbours are computed to estimate the recall of an approximate search.
RECALL_SAMPLE = 1000


class VectorError(MapEqError):
    """Invalid vectors or vector-clustering options (HTTP 422 naming ``field``)."""

    code = "invalid_vectors"


@dataclass(frozen=True)
class VectorOptions:
    """How vectors become a kNN graph and how InfoMap clusters it.

    Each vector links to its ``top_k`` most similar other vectors with similarity
    ``>= min_similarity`` (directed u -> v, weight = similarity clipped at 0, as in the seed
    post's experiment); InfoMap then searches that graph.
    """

    top_k: int = 40
    min_similarity: float = 0.5
    metric: str = "cosine"
    method: str = "auto"
    dtype: str = "auto"
    recall_target: float = 0.95
    directed: bool = True
    two_level: bool = True
    num_trials: int = 1
    seed: int = InfomapOptions.seed

    def __post_init__(self):
        _integer(self.top_k, "top_k", 1, MAX_TOP_K)
        _integer(self.num_trials, "num_trials", 1, MAX_TRIALS)
        _integer(self.seed, "seed", 0, SEED_LIMIT - 1)
        for name, allowed in (("metric", METRICS), ("method", METHODS), ("dtype", DTYPES)):
            if getattr(self, name) not in allowed:
                raise VectorError(f"{name} must be one of {', '.join(allowed)}, got {getattr(self, name)!r}",
                                  field=name)
        bounded = self.metric == "cosine"
        value = self.min_similarity
        if (isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value)
                or (bounded and not -1 <= value <= 1)):
            raise VectorError(f"min_similarity must be a finite number{' in [-1, 1] for cosine' if bounded else ''}, "
                              f"got {value!r}", field="min_similarity")
        if not (isinstance(self.recall_target, Real) and 0 < self.recall_target <= 1):
            raise VectorError(f"recall_target must be in (0, 1], got {self.recall_target!r}", field="recall_target")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _integer(value: Any, name: str, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, Integral) or not low <= value <= high:
        raise VectorError(f"{name} must be an integer in [{low}, {high}], got {value!r}", field=name)
