r"""Tied-embedding output layer (post 6, kexue.fm/archives/6985): the input embedding reused as output weights.

.. math::

    y = \mathrm{act}(H E^\top + b),\qquad E\in\mathbb R^{V\times d},\ H\in\mathbb R^{n\times d},\ b\in\mathbb R^V,

Su's ``EmbeddingDense`` (kernel :math:`E^\top`), as in BERT's MLM head. The vocabulary is
processed in blocks of columns: a running log-sum-exp gives the softmax normaliser and a
running top-k merge keeps the k best ids, so memory is O(n x block + n x k), never n x V
(unless the full distribution is asked for, for small n x V).

Activations: ``softmax`` (probabilities), ``log_softmax``, ``sigmoid`` (independent
probabilities, ``scipy.special.expit``), ``linear`` (the logits). Top-k order: largest
logit first, ties by the smaller id.

Precision: a float32 ``E`` (a BERT-base head, 30522 x 768, is 94 MB) is used as it is, never
copied to float64: ``H`` is rounded to float32 and each block's ``H E^T`` is a float32 matmul;
the bias, the log-sum-exp and the activations are then float64. Each float32 logit is within
:math:`(d + 2)\,2^{-24} \sum_i |h_i e_i|` of the float64 ``H E^T`` (the dot-product rounding
bound, plus rounding ``H``). When ``max|H| max|E| d`` could overflow float32 (above
``FLOAT32_SAFE``), or ``E`` is not float32, everything is float64.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.special import expit

from . import TechniqueError, as_float_array, too_large

ACTIVATIONS = ("softmax", "log_softmax", "sigmoid", "linear")
#: Largest vocabulary V.
MAX_VOCAB = 1_000_000
#: Largest number of values of E (a BERT-base head, 30522 x 768 = 23.4M, fits).
MAX_EMBEDDING_VALUES = 32_000_000
#: Largest number of hidden states n.
MAX_HIDDEN = 4096
#: Largest number of values of H.
MAX_HIDDEN_VALUES = 8_000_000
#: Largest n x V x d of one call.
MAX_WORK = 2_000_000_000
#: Largest k.
MAX_TOP_K = 1000
#: The full [n, V] output is returned only up to this many values.
MAX_FULL_VALUES = 1_000_000
#: Logit values per vocabulary block (memory bound: 8 bytes each).
_BLOCK_VALUES = 1 << 21
#: float32 matmul only while max|H| max|E| d stays below this (float32 overflows at 3.4e38).
FLOAT32_SAFE = 1e36


@dataclass(frozen=True)
class TiedLogitsResult:
    """Top-k ids, their activations and logits, the log normaliser; rows per hidden state."""

    top_ids: npt.NDArray[np.int64]
    top_values: npt.NDArray[np.float64]
    top_logits: npt.NDArray[np.float64]
    log_normalizer: npt.NDArray[np.float64]
    activation: str
    full: npt.NDArray[np.float64] | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _activate(logits: npt.NDArray[np.float64], lse: npt.NDArray[np.float64], activation: str):
    if activation == "softmax":
        return np.exp(logits - lse[:, None])
    if activation == "log_softmax":
        return logits - lse[:, None]
    if activation == "sigmoid":
        return expit(logits)
    return logits


def tied_logits(embeddings: Any, hidden: Any, *, bias: Any = None, activation: str = "softmax", top_k: int = 5,
                return_full: bool = False, block: int | None = None) -> TiedLogitsResult:
    r"""``act(H E^T + b)``: the top-k token ids per hidden state, blocked over the vocabulary.

    Parameters
    ----------
    embeddings : array_like, [V, d]
    hidden : array_like, [n, d] (or [d] for one state; results then have one row)
    bias : array_like, [V], optional
    activation : {"softmax", "log_softmax", "sigmoid", "linear"}
    top_k : int, 1 <= top_k <= MAX_TOP_K (clipped to V)
    return_full : bool
        Also return the whole ``[n, V]`` activation (n x V <= ``MAX_FULL_VALUES``).
    block : int, optional
        Vocabulary columns per block (default: about 2M logits per block).

    Returns
    -------
    TiedLogitsResult
        ``log_normalizer`` is :math:`\log\sum_v \exp(\ell_v)` per row (for every activation).
    """
    E = as_float_array(embeddings, "embeddings", ndim=2, max_values=MAX_EMBEDDING_VALUES, keep_float32=True)
    H = as_float_array(hidden, "hidden", ndim=(1, 2), max_values=MAX_HIDDEN_VALUES)
    if H.ndim == 1:
        H = H[None]
    V, d = E.shape
    n = H.shape[0]
    if V > MAX_VOCAB:
        raise too_large("embeddings", "the vocabulary size V", V, MAX_VOCAB)
    if H.shape[1] != d:
        raise TechniqueError(f"hidden must have d = {d} columns like embeddings, got {H.shape[1]}", "hidden")
    if n > MAX_HIDDEN:
        raise too_large("hidden", "the number of hidden states", n, MAX_HIDDEN)
    if n * V * d > MAX_WORK:
        raise too_large("hidden", "n x V x d", n * V * d, MAX_WORK)
    b = np.zeros(V) if bias is None else as_float_array(bias, "bias", ndim=1, max_values=MAX_VOCAB)
    if b.shape[0] != V:
        raise TechniqueError(f"bias must have V = {V} values, got {b.shape[0]}", "bias")
    if activation not in ACTIVATIONS:
        raise TechniqueError(f"activation must be one of {', '.join(ACTIVATIONS)}, got {activation!r}",
                             "activation")
    if not isinstance(top_k, (int, np.integer)) or top_k < 1:
        raise TechniqueError(f"top_k must be an integer >= 1, got {top_k}", "top_k")
    if top_k > MAX_TOP_K:
        raise too_large("top_k", "top_k", top_k, MAX_TOP_K)
    if return_full and n * V > MAX_FULL_VALUES:
        raise too_large("return_full", "n x V", n * V, MAX_FULL_VALUES)
    k = int(min(top_k, V))
    block = int(block) if block else max(k, _BLOCK_VALUES // n)
    if E.dtype == np.float32:
        if float(np.abs(H).max()) * max(float(E.max()), -float(E.min())) * d <= FLOAT32_SAFE:
            H = H.astype(np.float32)
        else:
            E = E.astype(np.float64)     # rare: values near float32's range

    best_ids = np.zeros((n, 0), dtype=np.int64)
    best_logits = np.zeros((n, 0))
    run_max = np.full(n, -np.inf)
    run_sum = np.zeros(n)
    full_logits = np.empty((n, V)) if return_full else None
    rows = np.arange(n)[:, None]
    for start in range(0, V, block):                    # vocabulary blocks bound the memory
        stop = min(V, start + block)
        logits = (H @ E[start:stop].T).astype(np.float64, copy=False) + b[start:stop]    # [n, B], float64 from here
        if full_logits is not None:
            full_logits[:, start:stop] = logits
        new_max = np.maximum(run_max, logits.max(axis=1))
        run_sum = run_sum * np.exp(run_max - new_max) + np.exp(logits - new_max[:, None]).sum(axis=1)
        run_max = new_max
        ids = np.concatenate([best_ids, np.broadcast_to(np.arange(start, stop), (n, stop - start))], axis=1)
        vals = np.concatenate([best_logits, logits], axis=1)
        if vals.shape[1] > k:
            keep = np.argpartition(-vals, k - 1, axis=1)[:, :k]
            # the k-th value may be tied with dropped ones: keep the smaller ids among ties
            kth = np.take_along_axis(vals, keep, axis=1).min(axis=1, keepdims=True)
            if np.any((vals == kth).sum(axis=1) > (np.take_along_axis(vals, keep, axis=1) == kth).sum(axis=1)):
                order = np.lexsort((ids, -vals), axis=1)[:, :k]
                keep = order
            ids, vals = ids[rows, keep], vals[rows, keep]
        best_ids, best_logits = ids, vals
    order = np.lexsort((best_ids, -best_logits), axis=1)
    best_ids, best_logits = best_ids[rows, order], best_logits[rows, order]
    lse = run_max + np.log(run_sum)
    return TiedLogitsResult(top_ids=best_ids, top_values=_activate(best_logits, lse, activation),
                            top_logits=best_logits, log_normalizer=lse, activation=activation,
                            full=None if full_logits is None else _activate(full_logits, lse, activation))
