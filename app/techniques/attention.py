r"""Sparse attention: atrous, local and sparse masks without an n x n matrix (post 2, kexue.fm/archives/6853).

.. math::

    \mathrm{Attention}(Q, K, V)_i = \sum_{j \in A(i)} \frac{\exp(q_i\cdot k_j/\sqrt{d})}
        {\sum_{j' \in A(i)} \exp(q_i\cdot k_{j'}/\sqrt{d})}\, v_j

with the allowed keys :math:`A(i)` of query :math:`i`, written with the offset :math:`d=i-j`:

============  ==========================================  =======================
mode          allowed keys                                keys per query
============  ==========================================  =======================
``full``      every key                                   n
``atrous``    :math:`d \bmod r = 0`                       :math:`\lceil n/r\rceil`
``local``     :math:`|d| \le w`                           :math:`2w+1`
``sparse``    :math:`|d| \le w` or :math:`d \bmod r = 0`  :math:`2w+1+\lceil n/r\rceil`
============  ==========================================  =======================

``causal`` keeps :math:`j \le i` only. ``sparse`` is the post's mask ("dense locally, sparse
at long range", OpenAI's Sparse Transformer) with one softmax over the union, each key once;
its window defaults to :math:`w = r` (the post's :math:`|d|\le k`; :math:`w = r-1`, the value
of Su's code, gives the same mask because :math:`\pm r` are multiples of :math:`r`). Su's
``SparseSelfAttention`` layer passes ``dilation=rate`` to the patch extractor, so its "local"
branch is atrous and counts the query itself twice: that code is not followed here.

Implementation: each query's allowed keys are an index table ``[n, K]`` (``-1`` for unused
slots; atrous as residue classes, local as a sliding window of offsets), built without
materialising the mask. Queries are processed in blocks, gathering ``[heads, block, K, d]``
keys, so memory is O(block x K x d) and never n x n outside ``full`` mode. Softmax subtracts
each row's maximum (every row holds the query itself, so it is never empty).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from . import TechniqueError, as_float_array, too_large

MODES = ("full", "atrous", "local", "sparse")
#: Largest sequence length n.
MAX_SEQUENCE = 16_384
#: Largest number of heads.
MAX_HEADS = 64
#: Largest number of values in each of q, k, v.
MAX_TENSOR_VALUES = 4_000_000
#: Largest ``heads x (query, key) slots x (d + d_v)`` of one call.
MAX_WORK = 1_000_000_000
#: Dense weights [heads, n, n] are returned only up to this n.
MAX_WEIGHTS_N = 256
#: The mask (CSR index lists) is returned only up to this many pairs.
MAX_MASK_PAIRS = 1_000_000
#: Gathered values per query block (memory bound: 8 bytes each).
_BLOCK_VALUES = 1 << 21


def _width_bound(n: int, mode: str, rate: int | None, window: int | None, causal: bool) -> int:
    """Upper bound of the key-table width (keys per query) of ``mode``."""
    if mode == "full":
        return n
    local = 0 if mode == "atrous" else min(int(window), n - 1) * (1 if causal else 2) + 1
    strided = 0 if mode == "local" else -(-n // int(rate))
    return local + strided


def _key_rows(rows: npt.NDArray[np.int64], n: int, mode: str, rate: int | None, window: int | None,
              causal: bool) -> npt.NDArray[np.int64]:
    """Allowed key indices of the queries ``rows``, shape ``[len(rows), K]``, -1 in unused slots."""
    i = rows[:, None]
    if mode == "full":
        keys = np.broadcast_to(np.arange(n, dtype=np.int64), (rows.shape[0], n))
    elif mode == "local":
        w = min(int(window), n - 1)
        offsets = np.arange(0, w + 1) if causal else np.arange(-w, w + 1)
        keys = i - offsets[None, :]
    elif mode in ("atrous", "sparse"):
        r = int(rate)
        m = np.arange(-(-n // r), dtype=np.int64)[None, :]
        keys = i - r * m if causal else (i % r) + r * m
        if mode == "sparse":
            w = min(int(window), n - 1)
            keys = np.where(np.abs(i - keys) <= w, -1, keys)       # those are in the window already
            offsets = np.arange(0, w + 1) if causal else np.arange(-w, w + 1)
            keys = np.concatenate([i - offsets[None, :], keys], axis=1)
    else:
        raise TechniqueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}", "mode")
    valid = (keys >= 0) & (keys < n)
    if causal:
        valid &= keys <= i
    keys = np.where(valid, keys, -1)
    return keys[:, valid.any(axis=0)]


def key_table(n: int, mode: str, *, rate: int | None = None, window: int | None = None,
              causal: bool = False) -> npt.NDArray[np.int64]:
    """Allowed key indices of every query, shape ``[n, K]``, ``-1`` in unused slots.

    Each row lists each allowed key once. For small n (tests, the mask output):
    :func:`sparse_attention` builds it block by block instead.
    """
    return _key_rows(np.arange(n, dtype=np.int64), n, mode, rate, window, causal)


@dataclass(frozen=True)
class AttentionResult:
    """Outputs ``[n, d_v]`` (or ``[heads, n, d_v]``), pair counts, optional weights and mask."""

    output: npt.NDArray[np.float64]
    mode: str
    rate: int | None
    window: int | None
    causal: bool
    n: int
    heads: int
    pairs_computed: int
    pairs_full: int
    max_keys_per_query: int
    weights: npt.NDArray[np.float64] | None = None
    mask_indptr: npt.NDArray[np.int64] | None = None
    mask_indices: npt.NDArray[np.int64] | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in ("output", "mode", "rate", "window", "causal", "n", "heads",
                                              "pairs_computed", "pairs_full", "max_keys_per_query", "weights")}
        out["density"] = self.pairs_computed / self.pairs_full
        out["mask"] = (None if self.mask_indptr is None
                       else {"indptr": self.mask_indptr, "indices": self.mask_indices})
        return out


def _check_inputs(q, k, v):
    q = as_float_array(q, "q", ndim=(2, 3), max_values=MAX_TENSOR_VALUES)
    k = as_float_array(k, "k", ndim=(2, 3), max_values=MAX_TENSOR_VALUES)
    v = as_float_array(v, "v", ndim=(2, 3), max_values=MAX_TENSOR_VALUES)
    if not q.ndim == k.ndim == v.ndim:
        bad = "k" if k.ndim != q.ndim else "v"
        raise TechniqueError(f"q, k and v must all be [n, d] or all [heads, n, d]; q is {q.ndim}-D, "
                             f"{bad} is {(k if bad == 'k' else v).ndim}-D", bad)
    single = q.ndim == 2
    if single:
        q, k, v = q[None], k[None], v[None]
    heads, n, d = q.shape
    if k.shape != q.shape:
        raise TechniqueError(f"k must have the shape of q {list(q.shape[single:])}, got {list(k.shape[single:])}",
                             "k")
    if v.shape[:2] != (heads, n):
        raise TechniqueError(f"v must have shape {[heads, n][single:] + ['d_v']}, got {list(v.shape[single:])}",
                             "v")
    if n > MAX_SEQUENCE:
        raise too_large("q", "the sequence length n", n, MAX_SEQUENCE)
    if heads > MAX_HEADS:
        raise too_large("q", "the number of heads", heads, MAX_HEADS)
    return q, k, v, single


def sparse_attention(q: Any, k: Any, v: Any, *, mode: str = "sparse", rate: int | None = None,
                     window: int | None = None, causal: bool = False, return_weights: bool = False,
                     return_mask: bool = False) -> AttentionResult:
    r"""Scaled dot-product attention restricted to the keys of ``mode``.

    Parameters
    ----------
    q, k : array_like, ``[n, d]`` or ``[heads, n, d]``
    v : array_like, ``[n, d_v]`` or ``[heads, n, d_v]``
    mode : {"full", "atrous", "local", "sparse"}
    rate : int >= 1
        :math:`r` of ``atrous`` and ``sparse`` (required there, ignored otherwise).
    window : int >= 0
        :math:`w` of ``local`` (required) and ``sparse`` (default ``rate``).
    causal : bool
        Keep keys :math:`j \le i` only.
    return_weights : bool
        Also return the dense weights ``[(heads,) n, n]`` (n <= ``MAX_WEIGHTS_N``).
    return_mask : bool
        Also return the allowed keys as CSR index lists (``indptr`` [n + 1], ``indices``),
        at most ``MAX_MASK_PAIRS`` pairs.

    Returns
    -------
    AttentionResult
        ``pairs_computed`` is the number of allowed (query, key) pairs per head, against
        ``pairs_full = n^2``; ``max_keys_per_query`` is the largest number of keys of a query.
    """
    q, k, v, single = _check_inputs(q, k, v)
    heads, n, d = q.shape
    dv = v.shape[2]
    if mode not in MODES:
        raise TechniqueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}", "mode")
    if mode in ("atrous", "sparse"):
        if rate is None or rate < 1:
            raise TechniqueError(f"mode {mode} needs rate >= 1 (keys with (i - j) mod rate = 0), got {rate}", "rate")
        rate = int(min(rate, n))       # rate >= n allows d = 0 only, like rate = n
    else:
        rate = None
    if mode == "sparse" and window is None:
        window = rate
    if mode in ("local", "sparse"):
        if window is None or window < 0:
            raise TechniqueError(f"mode {mode} needs window >= 0 (keys with |i - j| <= window), got {window}",
                                 "window")
        window = int(min(window, n))   # |d| <= n - 1 always
    else:
        window = None
    if return_weights and n > MAX_WEIGHTS_N:
        raise too_large("return_weights", "n (dense weights are n x n)", n, MAX_WEIGHTS_N)

    width = _width_bound(n, mode, rate, window, causal)
    work = heads * n * width * (d + dv)
    if work > MAX_WORK:
        raise too_large("q", f"heads x n x keys per query x (d + d_v) for mode {mode}", work, MAX_WORK)

    scale = 1.0 / np.sqrt(d)
    out = np.empty((heads, n, dv))
    weights = np.zeros((heads, n, n)) if return_weights else None
    pairs = 0
    max_keys = 0
    block = max(1, _BLOCK_VALUES // (heads * width * max(d, dv)))
    for a in range(0, n, block):                       # query blocks bound the memory
        b = min(n, a + block)
        if mode == "full":
            scores = np.matmul(q[:, a:b], k.transpose(0, 2, 1)) * scale          # [h, B, n]
            valid = np.arange(n)[None, :] <= np.arange(a, b)[:, None] if causal else np.ones((b - a, n), bool)
            scores = np.where(valid, scores, -np.inf)
        else:
            tbl = _key_rows(np.arange(a, b, dtype=np.int64), n, mode, rate, window, causal)
            valid = tbl >= 0
            safe = np.where(valid, tbl, 0)
            scores = np.einsum("hbd,hbkd->hbk", q[:, a:b], k[:, safe]) * scale   # [h, B, K]
            scores = np.where(valid, scores, -np.inf)
        counts = valid.sum(axis=1)
        pairs += int(counts.sum())
        max_keys = max(max_keys, int(counts.max()))
        scores -= scores.max(axis=-1, keepdims=True)
        w = np.exp(scores)
        w /= w.sum(axis=-1, keepdims=True)
        if mode == "full":
            out[:, a:b] = np.matmul(w, v)
            if weights is not None:
                weights[:, a:b] = w
        else:
            out[:, a:b] = np.einsum("hbk,hbkd->hbd", w, v[:, safe])
            if weights is not None:
                rows, slots = np.nonzero(valid)
                weights[:, a + rows, tbl[rows, slots]] = w[:, rows, slots]

    indptr = indices = None
    if return_mask:
        if pairs > MAX_MASK_PAIRS:
            raise too_large("return_mask", "the number of allowed pairs", pairs, MAX_MASK_PAIRS)
        tbl = key_table(n, mode, rate=rate, window=window, causal=causal)
        tbl = np.sort(np.where(tbl >= 0, tbl, n), axis=1)
        indices = tbl[tbl < n]
        indptr = np.concatenate([[0], np.cumsum((tbl < n).sum(axis=1))]).astype(np.int64)

    return AttentionResult(
        output=out[0] if single else out, mode=mode, rate=rate, window=window, causal=bool(causal), n=n,
        heads=heads, pairs_computed=pairs, pairs_full=n * n, max_keys_per_query=max_keys,
        weights=None if weights is None else (weights[0] if single else weights),
        mask_indptr=indptr, mask_indices=indices)
