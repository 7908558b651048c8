r"""Biased and unbiased variance, and a Monte-Carlo view of the bias (post 1, kexue.fm/archives/6747).

.. math::

    \hat\mu = \frac1n\sum_i x_i,\qquad
    \hat\sigma^2_b = \frac1n\sum_i (x_i-\hat\mu)^2,\qquad
    \hat\sigma^2_u = \frac1{n-1}\sum_i (x_i-\hat\mu)^2,\qquad
    \mathbb E[\hat\sigma^2_b] = \frac{n-1}{n}\sigma^2 .

The biased estimator is nonlinear in the expectation (:math:`E[x^2]-E[x]^2`), hence the
factor :math:`(n-1)/n`; multiplying by :math:`n/(n-1)` removes it. With ``n = 1`` the
biased estimate is always 0 and the unbiased one is undefined: it is reported as ``None``
(not NaN), with a note. Standard deviations are the square roots of the two variances (the
square root of the unbiased variance is itself biased; the post does not cover it).

Examples
--------
>>> r = variance([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
>>> float(r.variance_biased), round(float(r.variance_unbiased), 6), r.ratio
(4.0, 4.571429, 0.875)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import numpy.typing as npt

from . import TechniqueError, as_float_array, too_large

#: At most this many samples in ``variance``.
MAX_SAMPLES = 10_000_000
#: At most ``n * repetitions`` draws in ``bias_simulation``.
MAX_DRAWS = 10_000_000
#: Draws generated at once (memory bound of the simulation).
_DRAW_BLOCK = 1 << 20


@dataclass(frozen=True)
class Distribution:
    """A sampling distribution: its parameter names, validity rule, sampler and true variance."""

    params: tuple[str, ...]
    valid: Callable[[dict[str, float]], str | None]
    sample: Callable[[np.random.Generator, dict[str, float], tuple[int, int]], npt.NDArray[np.float64]]
    variance: Callable[[dict[str, float]], float]


def _positive(*names: str) -> Callable[[dict[str, float]], str | None]:
    def check(p: dict[str, float]) -> str | None:
        for name in names:
            if not p[name] > 0:
                return f"{name} must be > 0, got {p[name]}"
        return None
    return check


DISTRIBUTIONS: dict[str, Distribution] = {
    "normal": Distribution(("mean", "std"), _positive("std"),
                           lambda rng, p, size: rng.normal(p["mean"], p["std"], size), lambda p: p["std"] ** 2),
    "uniform": Distribution(("low", "high"),
                            lambda p: None if p["high"] > p["low"] else f"high must be > low, got {p['high']}",
                            lambda rng, p, size: rng.uniform(p["low"], p["high"], size),
                            lambda p: (p["high"] - p["low"]) ** 2 / 12.0),
    "exponential": Distribution(("scale",), _positive("scale"),
                                lambda rng, p, size: rng.exponential(p["scale"], size), lambda p: p["scale"] ** 2),
    "bernoulli": Distribution(("p",), lambda p: None if 0 < p["p"] < 1 else f"p must be in (0, 1), got {p['p']}",
                              lambda rng, p, size: (rng.random(size) < p["p"]).astype(np.float64),
                              lambda p: p["p"] * (1.0 - p["p"])),
    "poisson": Distribution(("lam",),
                            lambda p: None if 0 < p["lam"] <= 1e12 else f"lam must be in (0, 1e12], got {p['lam']}",
                            lambda rng, p, size: rng.poisson(p["lam"], size).astype(np.float64),
                            lambda p: p["lam"]),
}
#: Parameter bound of the simulation (keeps squares of draws finite).
MAX_PARAM = 1e100


def mean_and_squared_deviations(x: npt.NDArray[np.float64],
                                axis: int | None) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    r""":math:`\hat\mu` and :math:`S=\sum_i(x_i-\hat\mu)^2` along ``axis``, accurate far from the origin.

    :math:`E[x^2]-E[x]^2` and even the plain two-pass :math:`\sum(x-\bar x)^2` lose the
    variance of data at a large offset (values around 1e15 with unit spread: a relative error
    of 3e-3), because the mean is rounded at the scale of the offset. Here the data are first
    shifted by their first value :math:`x_0` (exact for values within a factor 2 of it), and
    the corrected two-pass form removes the first-order effect of the rounded mean:

    .. math:: s = x - x_0,\quad \delta = s - \bar s,\quad
              S = \sum\delta^2 - \tfrac1n\bigl(\sum\delta\bigr)^2,\quad \hat\mu = x_0 + \bar s .

    Examples
    --------
    >>> mean, S = mean_and_squared_deviations(np.array([1e15 + 1, 1e15 + 3]), None)
    >>> float(mean), float(S)
    (1000000000000002.0, 2.0)
    """
    first = x.ravel()[0] if axis is None else np.take(x, [0], axis=axis)
    s = x - first
    s_mean = s.mean(axis=axis, keepdims=axis is not None)
    dev = s - s_mean
    n = x.size if axis is None else x.shape[axis]
    squares = np.maximum(np.sum(dev * dev, axis=axis) - np.sum(dev, axis=axis) ** 2 / n, 0.0)
    mean = first + s_mean
    return np.asarray(mean if axis is None else np.squeeze(mean, axis=axis)), np.asarray(squares)


@dataclass(frozen=True)
class VarianceResult:
    """Both estimators along an axis; arrays are 0-D for ``axis=None``."""

    n: int
    mean: npt.NDArray[np.float64]
    variance_biased: npt.NDArray[np.float64]
    variance_unbiased: npt.NDArray[np.float64] | None
    std_biased: npt.NDArray[np.float64]
    std_unbiased: npt.NDArray[np.float64] | None
    ratio: float
    correction: float | None
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        def out(a):
            return None if a is None else (float(a) if a.ndim == 0 else a)
        return {"n": self.n, "mean": out(self.mean), "variance_biased": out(self.variance_biased),
                "variance_unbiased": out(self.variance_unbiased), "std_biased": out(self.std_biased),
                "std_unbiased": out(self.std_unbiased), "ratio": self.ratio, "correction": self.correction,
                "note": self.note}


def variance(samples: Any, *, axis: int | None = None) -> VarianceResult:
    r"""Mean, biased (1/n) and unbiased (1/(n-1)) variance and standard deviation.

    Parameters
    ----------
    samples : array_like, 1-D or 2-D
        At most ``MAX_SAMPLES`` finite numbers.
    axis : {None, 0, 1, -1, -2}
        ``None`` pools every value; for 2-D input 0 gives one estimate per column and 1 one
        per row (numpy's convention). 1-D input accepts ``None``, 0 or -1.

    Returns
    -------
    VarianceResult
        ``n`` values per estimate, the estimates, ``ratio = (n-1)/n`` (the bias factor) and
        ``correction = n/(n-1)`` (``None`` for n = 1, where ``variance_unbiased`` is ``None``).

    Raises
    ------
    TechniqueError
        ``samples`` not a finite 1-D/2-D array (422) or too large (413); bad ``axis``.
    """
    x = as_float_array(samples, "samples", ndim=(1, 2), max_values=MAX_SAMPLES)
    if axis is not None:
        if not -x.ndim <= axis < x.ndim:
            raise TechniqueError(f"axis must be in [{-x.ndim}, {x.ndim - 1}] for {x.ndim}-D samples, got {axis}",
                                 "axis")
        axis %= x.ndim
    n = int(x.size if axis is None else x.shape[axis])
    mean, squares = mean_and_squared_deviations(x, axis)
    biased = squares / n
    unbiased = squares / (n - 1) if n > 1 else None
    return VarianceResult(
        n=n, mean=mean, variance_biased=biased, variance_unbiased=unbiased, std_biased=np.sqrt(biased),
        std_unbiased=None if unbiased is None else np.sqrt(unbiased), ratio=(n - 1) / n,
        correction=n / (n - 1) if n > 1 else None,
        note=("n = 1: the biased variance is always 0 and the unbiased one (division by n - 1 = 0) is undefined"
              if n == 1 else None))


@dataclass(frozen=True)
class BiasSimulationResult:
    """Monte-Carlo means of both estimators against the true variance."""

    distribution: str
    params: dict[str, float]
    n: int
    repetitions: int
    seed: int
    true_variance: float
    ratio: float
    expected_biased: float
    mean_biased: float
    stderr_biased: float
    observed_ratio: float
    stderr_ratio: float
    mean_unbiased: float | None
    stderr_unbiased: float | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def bias_simulation(distribution: str, params: dict[str, float], *, n: int, repetitions: int,
                    seed: int | None = None) -> BiasSimulationResult:
    r"""Draw ``repetitions`` samples of size ``n`` and average both estimators over them.

    For each repetition :math:`r`, :math:`\hat\sigma^2_{b,r}` is computed on its own sample; the
    result reports :math:`\overline{\hat\sigma^2_b}` with its standard error
    :math:`s/\sqrt{R}`, the observed ratio :math:`\overline{\hat\sigma^2_b}/\sigma^2` (expected
    :math:`(n-1)/n`, 0.5 for n = 2) and the unbiased mean (``None`` for n = 1).

    Parameters
    ----------
    distribution : {"normal", "uniform", "exponential", "bernoulli", "poisson"}
    params : dict
        normal: mean, std > 0; uniform: low < high; exponential: scale > 0;
        bernoulli: 0 < p < 1; poisson: 0 < lam <= 1e12. Every value finite, ``|x| <= 1e100``.
    n : int, >= 1
    repetitions : int, >= 2; ``n * repetitions <= MAX_DRAWS``.
    seed : int or None
        For ``np.random.default_rng``.
    """
    if distribution not in DISTRIBUTIONS:
        raise TechniqueError(f"distribution must be one of {', '.join(DISTRIBUTIONS)}, got {distribution!r}",
                             "distribution")
    dist = DISTRIBUTIONS[distribution]
    unknown = sorted(set(params) - set(dist.params))
    if unknown:
        raise TechniqueError(f"{distribution} takes parameters {', '.join(dist.params)}; unknown: "
                             f"{', '.join(unknown)}", f"params.{unknown[0]}")
    missing = [name for name in dist.params if name not in params]
    if missing:
        raise TechniqueError(f"{distribution} needs parameters {', '.join(dist.params)}; missing: "
                             f"{', '.join(missing)}", f"params.{missing[0]}")
    p = {name: float(params[name]) for name in dist.params}
    for name, value in p.items():
        if not abs(value) <= MAX_PARAM:
            raise TechniqueError(f"{name} must be finite with |x| <= {MAX_PARAM:g}, got {value}", f"params.{name}")
    problem = dist.valid(p)
    if problem:
        raise TechniqueError(f"{distribution}: {problem}", f"params.{problem.split()[0]}")
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise TechniqueError(f"n must be an integer >= 1, got {n}", "n")
    if not isinstance(repetitions, (int, np.integer)) or repetitions < 2:
        raise TechniqueError(f"repetitions must be an integer >= 2 (for a standard error), got {repetitions}",
                             "repetitions")
    if n * repetitions > MAX_DRAWS:
        raise too_large("repetitions", "n x repetitions", n * repetitions, MAX_DRAWS)
    sigma2 = float(dist.variance(p))
    if not 0 < sigma2 < np.inf:
        raise TechniqueError(f"the true variance {sigma2} must be positive and finite", "params")
    rng = np.random.default_rng(seed)
    biased = np.empty(repetitions)
    per_block = max(1, _DRAW_BLOCK // n)
    for start in range(0, repetitions, per_block):   # blocks of repetitions bound the memory
        stop = min(repetitions, start + per_block)
        biased[start:stop] = mean_and_squared_deviations(dist.sample(rng, p, (stop - start, n)), 1)[1] / n
    mean_b = float(biased.mean())
    se_b = float(biased.std(ddof=1) / np.sqrt(repetitions))
    if not (np.isfinite(mean_b / sigma2) and np.isfinite(se_b / sigma2)):
        # e.g. std / |mean| near 1e-250: float64 rounding of the draws dwarfs the variance
        raise TechniqueError("the variance is too small relative to the values for float64 "
                             f"(true variance {sigma2:g}); rescale the parameters", "params")
    # the unbiased estimate of each repetition is n/(n-1) times its biased one
    corr = n / (n - 1) if n > 1 else None
    return BiasSimulationResult(
        distribution=distribution, params=p, n=int(n), repetitions=int(repetitions),
        seed=None if seed is None else int(seed), true_variance=sigma2, ratio=(n - 1) / n,
        expected_biased=(n - 1) / n * sigma2, mean_biased=mean_b, stderr_biased=se_b,
        observed_ratio=mean_b / sigma2, stderr_ratio=se_b / sigma2,
        mean_unbiased=None if corr is None else mean_b * corr,
        stderr_unbiased=None if corr is None else se_b * corr)
