r"""Vector quantization as in VQ-VAE (post 8, kexue.fm/archives/6760): nearest codes, losses, codebook fitting.

Each vector :math:`z` becomes its nearest code, :math:`k=\arg\min_j\|z-e_j\|_2`, :math:`z_q=e_k`,
chosen exactly (lowest index on ties) at any offset and scale: Su's
:math:`\|z\|^2+\|e\|^2-2z\cdot e` (``vq_vae_keras.py``) on centred data, in blocks of rows
(memory O(block x K)), shortlists the codes, and differences rank the shortlist
(:func:`nearest_codes`). The reported distance is :math:`\|z-e_k\|^2` from the differences.

Losses, with the post's naming (the paper's is the opposite):
:math:`\beta\,\|sg[z]-z_q\|^2` (codebook loss, default :math:`\beta=1`) and
:math:`\gamma\,\|z-sg[z_q]\|^2` (commitment loss, default :math:`\gamma=0.25`, the code's
``mse_e + 0.25 * mse_z``); :math:`\|\cdot\|^2` is the mean over all :math:`N\times d` values
(Keras ``K.mean``). In the forward pass both equal the same mean squared error; the stop
gradients only decide what each term trains. Code usage: counts per code, the perplexity
:math:`\exp(-\sum_k p_k\log p_k)` of their frequencies, and the number of unused codes.

Fitting a codebook of K codes (initial codes: K distinct rows of z, by k-means++ seeding by
default, or uniformly; drawn with the seed), on the data centred on their mean (sums far from
the origin lose digits):

* ``kmeans``: Lloyd iterations, :math:`e_i` = mean of its vectors; a code left without
  vectors moves to the vector farthest from its code (distinct vectors, farthest first);
* ``ema`` (the VQ-VAE paper's appendix, not the post):
  :math:`N_i\leftarrow\lambda N_i+(1-\lambda)n_i`,
  :math:`m_i\leftarrow\lambda m_i+(1-\lambda)\sum_{z\to i}z`, :math:`e_i=m_i/N_i`, starting
  from :math:`N=m=0`; a code that has never been chosen keeps its vector. With
  ``batch_size`` each iteration uses a random batch (the online form).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from . import TechniqueError, as_float_array, too_large

#: Largest number of vectors N.
MAX_VECTORS = 200_000
#: Largest number of codes K.
MAX_CODES = 65_536
#: Largest number of values in z and in the codebook.
MAX_VALUES = 4_000_000
#: Largest number of fitting iterations.
MAX_ITERATIONS = 1_000
#: Largest ``N x K x d x (distance passes)`` of one call.
MAX_WORK = 2_000_000_000
#: Distances per block (memory bound: 8 bytes each).
_BLOCK_VALUES = 1 << 21
#: Unit roundoff of float64.
_U = 2.0 ** -53
#: Bound of the absolute error of a squared difference that underflows (scaled values are below 1).
_TINY = 2.0 ** -1060


def nearest_codes(z: npt.NDArray[np.float64],
                  codebook: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    r"""Index of the exactly nearest code of every row of ``z`` and its squared distance.

    The code is :math:`\arg\min_j\|z-e_j\|^2` in exact arithmetic, the lowest index on ties,
    at any offset and scale. Su's :math:`\|z\|^2+\|e\|^2-2z\cdot e` alone cancels far from
    the origin (``z = 1000000.0004`` between the codes ``1e6`` and ``1e6 + 0.001`` gets the
    farther one), so:

    1. data and codebook are scaled by one power of two (exact; squares neither overflow nor
       underflow) and shifted by the codebook mean;
    2. the expanded form on the shifted values (one matrix product per block of rows) gives
       distances :math:`a_j` with an error below
       :math:`\epsilon = 4(d+4)u(\|z'\|^2+\max_j\|e'_j\|^2)` (:math:`u=2^{-53}`); every code
       with :math:`a_j\le\min a+2\epsilon` is a candidate, and the nearest always is one;
    3. the candidates are ranked by :math:`\|z-e_j\|^2` summed from the differences
       (relative error below :math:`(d+3)u`);
    4. a row whose runner-up (a different vector) lies within that error of its best is
       decided in exact integer arithmetic (:func:`_exact_squared_distances`): rare, except
       for exact ties such as a point midway between two codes of a grid.

    The returned distance is :math:`\|z-e_k\|^2` summed from the differences.

    Examples
    --------
    >>> codes, dist = nearest_codes(np.array([[1000000.0004]]), np.array([[1e6], [1e6 + 0.001]]))
    >>> codes.tolist()
    [0]
    """
    n, d = z.shape
    peak = max(float(np.abs(z).max()), float(np.abs(codebook).max()))
    # 2^-e brings the peak into [1/2, 1); e >= -1021 keeps 2^-e finite for subnormal data
    scale = 1.0 if peak == 0 else float(np.ldexp(1.0, -max(int(np.frexp(peak)[1]), -1021)))
    zs, cs = z * scale, codebook * scale
    shift = cs.mean(axis=0)
    cc = cs - shift
    c2 = np.einsum("kd,kd->k", cc, cc)
    c2_max = float(c2.max())
    codes = np.empty(n, dtype=np.int64)
    block = max(1, _BLOCK_VALUES // codebook.shape[0])
    for a in range(0, n, block):                      # row blocks bound the memory
        b = min(n, a + block)
        zc = zs[a:b] - shift
        z2 = np.einsum("nd,nd->n", zc, zc)
        approx = z2[:, None] + c2[None, :] - 2.0 * (zc @ cc.T)
        slack = 4 * (d + 4) * _U * (z2 + c2_max) + _TINY * d
        rows = np.arange(b - a)
        first = approx.argmin(axis=1)
        low = approx[rows, first]
        bound = low + 2.0 * slack
        approx[rows, first] = np.inf                  # the runner-up decides whether a row needs ranking
        unsure = np.flatnonzero(approx.min(axis=1) <= bound)
        approx[rows, first] = low
        codes[a:b] = first
        if unsure.size:
            codes[a + unsure] = _rank_candidates(zs[a + unsure], cs, approx[unsure] <= bound[unsure, None],
                                                 z[a + unsure], codebook)
    diff = z - codebook[codes]
    return codes, np.einsum("nd,nd->n", diff, diff)


def _rank_candidates(zs: npt.NDArray[np.float64], cs: npt.NDArray[np.float64], candidates: npt.NDArray[np.bool_],
                     z: npt.NDArray[np.float64], codebook: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """The nearest candidate of each row of ``zs`` by direct differences; exactly where those cannot tell.

    ``zs``/``cs`` are the scaled values, ``z``/``codebook`` the originals (for the exact step).
    """
    d = zs.shape[1]
    rows, cand = np.nonzero(candidates)               # every row has at least its minimum
    dist = np.empty(rows.size)
    step = max(1, _BLOCK_VALUES // d)
    for s in range(0, rows.size, step):               # chunks of pairs bound the memory
        diff = zs[rows[s:s + step]] - cs[cand[s:s + step]]
        dist[s:s + step] = np.einsum("pd,pd->p", diff, diff)
    order = np.lexsort((cand, dist, rows))            # per row: nearest first, lowest index on ties
    rows, cand, dist = rows[order], cand[order], dist[order]
    first = np.ones(rows.size, dtype=bool)
    first[1:] = rows[1:] != rows[:-1]
    starts = np.append(np.flatnonzero(first), rows.size)
    best = cand[first].copy()
    gamma = (d + 3) * _U
    limit = dist[first] * ((1 + gamma) / (1 - gamma)) + _TINY * d
    row_of = np.cumsum(first) - 1
    # A different vector whose computed distance is within the rounding error of the best
    # may truly be nearer, or tied with a lower index: such rows are decided exactly.
    close = ~first & (dist <= limit[row_of])
    close[close] = np.any(cs[cand[close]] != cs[best[row_of[close]]], axis=1)
    for r in np.unique(row_of[close]).tolist():
        seg = slice(starts[r], starts[r + 1])
        options = np.sort(cand[seg][dist[seg] <= limit[r]])
        exact = _exact_squared_distances(z[r], codebook[options])
        best[r] = options[exact.index(min(exact))]
    return best


def _exact_squared_distances(z: npt.NDArray[np.float64], codes: npt.NDArray[np.float64]) -> list[int]:
    """``||z - e||^2`` to each row of ``codes`` in exact integer arithmetic, up to one common factor.

    Every float is an integer times a power of two: on the smallest common power all values
    are integers, and so are the sums of squared differences.
    """
    values = [v.as_integer_ratio() for v in np.concatenate([z[None, :], codes]).ravel().tolist()]
    unit = max(den for _, den in values)               # powers of two: the largest is the lcm
    ints = [num * (unit // den) for num, den in values]
    d = z.shape[0]
    return [sum((a - b) ** 2 for a, b in zip(ints[:d], ints[d * (j + 1):d * (j + 2)]))
            for j in range(codes.shape[0])]


@dataclass(frozen=True)
class QuantizeResult:
    """Codes, quantized vectors, distances, losses and code usage."""

    codes: npt.NDArray[np.int64]
    quantized: npt.NDArray[np.float64]
    distances: npt.NDArray[np.float64]
    mse: float
    codebook_loss: float
    commitment_loss: float
    loss: float
    usage: npt.NDArray[np.int64]
    perplexity: float
    dead_codes: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class FitCodebookResult(QuantizeResult):
    """The fitted codebook, the statistics of quantizing z with it, and the distortion per iteration."""

    codebook: npt.NDArray[np.float64] = None
    distortion_history: npt.NDArray[np.float64] = None
    mode: str = "kmeans"
    iterations: int = 0


def _initial_codes(Z: npt.NDArray[np.float64], num_codes: int, rng: np.random.Generator,
                   init: str) -> npt.NDArray[np.float64]:
    """K distinct rows of Z: uniformly (``random``) or by k-means++ D^2 sampling (``kmeans++``).

    k-means++ adds one code at a time (a loop over codes, each step O(N d) vectorised), with
    probability proportional to the squared distance to the nearest chosen code.
    """
    N = Z.shape[0]
    if init == "random":
        return Z[rng.choice(N, num_codes, replace=False)].copy()
    chosen = np.empty(num_codes, dtype=np.int64)
    chosen[0] = rng.integers(N)
    d2 = np.einsum("nd,nd->n", Z - Z[chosen[0]], Z - Z[chosen[0]])
    taken = np.zeros(N, dtype=bool)
    taken[chosen[0]] = True
    for c in range(1, num_codes):
        weights = np.where(taken, 0.0, d2)
        total = weights.sum()
        if total > 0 and np.isfinite(total):
            pick = int(rng.choice(N, p=weights / total))
        else:                                   # the rest duplicate chosen rows: any unchosen row
            pick = int(rng.choice(np.flatnonzero(~taken)))
        chosen[c] = pick
        taken[pick] = True
        diff = Z - Z[pick]
        d2 = np.minimum(d2, np.einsum("nd,nd->n", diff, diff))
    return Z[chosen].copy()


def _statistics(z, codebook, codes, dist, beta: float, gamma: float) -> dict[str, Any]:
    mse = float(dist.sum() / z.size)
    usage = np.bincount(codes, minlength=codebook.shape[0])
    p = usage[usage > 0] / codes.shape[0]
    return {"codes": codes, "quantized": codebook[codes], "distances": dist, "mse": mse,
            "codebook_loss": beta * mse, "commitment_loss": gamma * mse, "loss": (beta + gamma) * mse,
            "usage": usage, "perplexity": float(np.exp(-np.sum(p * np.log(p)))),
            "dead_codes": int(np.sum(usage == 0))}


def _weights(beta: float, gamma: float) -> None:
    for name, value in (("beta", beta), ("gamma", gamma)):
        if not 0 <= value <= 1e6:
            raise TechniqueError(f"{name} must be in [0, 1e6], got {value}", name)


def _vectors(z: Any) -> npt.NDArray[np.float64]:
    Z = as_float_array(z, "z", ndim=2, max_values=MAX_VALUES)
    if Z.shape[0] > MAX_VECTORS:
        raise too_large("z", "the number of vectors", Z.shape[0], MAX_VECTORS)
    return Z


def quantize(z: Any, codebook: Any, *, beta: float = 1.0, gamma: float = 0.25) -> QuantizeResult:
    r"""Quantize every row of ``z`` [N, d] to its nearest row of ``codebook`` [K, d]."""
    Z = _vectors(z)
    C = as_float_array(codebook, "codebook", ndim=2, max_values=MAX_VALUES)
    if C.shape[0] > MAX_CODES:
        raise too_large("codebook", "the number of codes", C.shape[0], MAX_CODES)
    if C.shape[1] != Z.shape[1]:
        raise TechniqueError(f"codebook must have d = {Z.shape[1]} columns like z, got {C.shape[1]}", "codebook")
    _weights(beta, gamma)
    if Z.size * C.shape[0] > MAX_WORK:
        raise too_large("z", "N x K x d", Z.size * C.shape[0], MAX_WORK)
    codes, dist = nearest_codes(Z, C)
    return QuantizeResult(**_statistics(Z, C, codes, dist, beta, gamma))


def fit_codebook(z: Any, num_codes: int, *, mode: str = "kmeans", iterations: int = 20, decay: float = 0.99,
                 init: str = "kmeans++", batch_size: int | None = None,
                 seed: int | np.random.Generator | None = None,
                 beta: float = 1.0, gamma: float = 0.25) -> FitCodebookResult:
    r"""Fit ``num_codes`` codes to ``z`` by k-means or EMA updates, then quantize ``z`` with them.

    Parameters
    ----------
    z : array_like, [N, d]
    num_codes : int, 1 <= K <= N
    mode : {"kmeans", "ema"}
    iterations : int, 1 <= iterations <= MAX_ITERATIONS
    decay : float in [0, 1)
        :math:`\lambda` of ``ema``.
    init : {"kmeans++", "random"}
        Initial codes: k-means++ seeding or K distinct rows drawn uniformly.
    batch_size : int, optional
        ``ema`` only: vectors per iteration (None: all).
    seed : int, Generator or None
        Initial codes and batches.

    Returns
    -------
    FitCodebookResult
        ``distortion_history[t]`` is the mean squared distance before iteration t's update.
    """
    Z = _vectors(z)
    N = Z.shape[0]
    if not isinstance(num_codes, (int, np.integer)) or num_codes < 1:
        raise TechniqueError(f"num_codes must be an integer >= 1, got {num_codes}", "num_codes")
    if num_codes > MAX_CODES:
        raise too_large("num_codes", "num_codes", num_codes, MAX_CODES)
    if num_codes > N:
        raise TechniqueError(f"num_codes must be at most the number of vectors ({N}), got {num_codes}", "num_codes")
    if mode not in ("kmeans", "ema"):
        raise TechniqueError(f"mode must be kmeans or ema, got {mode!r}", "mode")
    if not isinstance(iterations, (int, np.integer)) or iterations < 1:
        raise TechniqueError(f"iterations must be an integer >= 1, got {iterations}", "iterations")
    if iterations > MAX_ITERATIONS:
        raise too_large("iterations", "iterations", iterations, MAX_ITERATIONS)
    if init not in ("kmeans++", "random"):
        raise TechniqueError(f"init must be kmeans++ or random, got {init!r}", "init")
    if not 0 <= decay < 1:
        raise TechniqueError(f"decay must be in [0, 1), got {decay}", "decay")
    if batch_size is not None:
        if mode != "ema":
            raise TechniqueError("batch_size applies to mode ema only", "batch_size")
        if not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
            raise TechniqueError(f"batch_size must be an integer >= 1, got {batch_size}", "batch_size")
    _weights(beta, gamma)
    rows = N if batch_size is None else min(N, int(batch_size))
    work = (rows * iterations + 2 * N) * num_codes * Z.shape[1]
    if work > MAX_WORK:
        raise too_large("iterations", "(rows per iteration x iterations + N) x K x d", work, MAX_WORK)

    # Sums of vectors far from the origin lose their low digits: fit on the data centred on
    # their mean, then shift the codes back (the final codes are chosen on the original data).
    centre = Z.mean(axis=0)
    Zc = Z - centre
    rng = np.random.default_rng(seed)
    C = _initial_codes(Zc, num_codes, rng, init)
    ema_n = np.zeros(num_codes)
    ema_m = np.zeros_like(C)
    history = np.empty(iterations)
    for it in range(iterations):                      # iterations, each fully vectorised
        idx = rng.choice(N, rows, replace=False) if rows < N else None
        X = Zc if idx is None else Zc[idx]
        codes, dist = nearest_codes(X, C)
        history[it] = dist.mean()
        counts = np.bincount(codes, minlength=num_codes).astype(np.float64)
        sums = np.zeros_like(C)
        np.add.at(sums, codes, X)
        if mode == "kmeans":
            used = counts > 0
            C[used] = sums[used] / counts[used, None]
            empty = np.flatnonzero(~used)
            if empty.size:
                farthest = np.argsort(-dist, kind="stable")[: empty.size]
                C[empty] = X[farthest]
        else:
            ema_n = decay * ema_n + (1.0 - decay) * counts
            ema_m = decay * ema_m + (1.0 - decay) * sums
            seen = ema_n > 0
            C[seen] = ema_m[seen] / ema_n[seen, None]
    C += centre
    codes, dist = nearest_codes(Z, C)
    return FitCodebookResult(**_statistics(Z, C, codes, dist, beta, gamma), codebook=C,
                             distortion_history=history, mode=mode, iterations=int(iterations))
