"""Variance estimators against numpy var(ddof=0/1); the Monte-Carlo bias against (n-1)/n."""

import numpy as np
import pytest

from app.techniques import TechniqueError
from app.techniques.variance import MAX_DRAWS, bias_simulation, variance


@pytest.mark.parametrize("axis", [None, 0, 1, -1, -2])
def test_variance_equals_numpy_ddof_0_and_1(axis):
    x = np.random.default_rng(0).normal(3.0, 2.0, size=(7, 5))
    r = variance(x.tolist(), axis=axis)
    np.testing.assert_allclose(r.mean, x.mean(axis=axis), rtol=1e-14)
    np.testing.assert_allclose(r.variance_biased, x.var(axis=axis, ddof=0), rtol=1e-13)
    np.testing.assert_allclose(r.variance_unbiased, x.var(axis=axis, ddof=1), rtol=1e-13)
    np.testing.assert_allclose(r.std_biased, x.std(axis=axis, ddof=0), rtol=1e-13)
    np.testing.assert_allclose(r.std_unbiased, x.std(axis=axis, ddof=1), rtol=1e-13)
    n = x.size if axis is None else x.shape[axis]
    assert r.n == n and r.ratio == (n - 1) / n and r.correction == n / (n - 1)
    np.testing.assert_allclose(r.variance_biased, r.ratio * r.variance_unbiased, rtol=1e-13)


def test_variance_textbook_numbers():
    r = variance([2, 4, 4, 4, 5, 5, 7, 9])
    assert (r.n, float(r.mean), float(r.variance_biased), float(r.std_biased)) == (8, 5.0, 4.0, 2.0)
    assert float(r.variance_unbiased) == pytest.approx(32 / 7, rel=1e-15)
    assert r.ratio == 0.875
    d = r.to_dict()
    assert isinstance(d["mean"], float) and d["note"] is None


def test_variance_n_equals_one_is_explicit():
    r = variance([3.5])
    assert (r.n, float(r.mean), float(r.variance_biased), r.ratio) == (1, 3.5, 0.0, 0.0)
    assert r.variance_unbiased is None and r.std_unbiased is None and r.correction is None
    assert "n = 1" in r.note
    # one row per column: n = 1 along axis 0
    r = variance([[1.0, 2.0]], axis=0)
    assert r.variance_biased.tolist() == [0.0, 0.0] and r.variance_unbiased is None


@pytest.mark.parametrize("samples,axis,field", [
    ([[1, 2], [3]], None, "samples"), ([], None, "samples"), ([[[1.0]]], None, "samples"),
    ([1.0, float("nan")], None, "samples"), ([1.0, float("inf")], None, "samples"), ([1e101], None, "samples"),
    ([1.0, 2.0], 1, "axis"), ([[1.0, 2.0]], 2, "axis"),
])
def test_variance_rejects(samples, axis, field):
    with pytest.raises(TechniqueError) as err:
        variance(samples, axis=axis)
    assert (err.value.field, err.value.status) == (field, 422)


def test_bias_n2_ratio_is_one_half_within_its_standard_error():
    r = bias_simulation("normal", {"mean": 1.0, "std": 2.0}, n=2, repetitions=200_000, seed=3)
    assert r.true_variance == 4.0 and r.ratio == 0.5 and r.expected_biased == 2.0
    assert abs(r.observed_ratio - 0.5) < 3 * r.stderr_ratio
    assert abs(r.mean_biased - 2.0) < 3 * r.stderr_biased
    assert abs(r.mean_unbiased - 4.0) < 3 * r.stderr_unbiased
    # the standard error is that of the mean of the 1/n estimates: Var = 2 sigma^4 / 4 for n = 2
    assert r.stderr_biased == pytest.approx(np.sqrt(2 * 16 / 4 / 200_000), rel=0.02)


@pytest.mark.parametrize("dist,params,var", [
    ("uniform", {"low": -1.0, "high": 3.0}, 16 / 12), ("exponential", {"scale": 2.0}, 4.0),
    ("bernoulli", {"p": 0.3}, 0.21), ("poisson", {"lam": 4.0}, 4.0), ("normal", {"mean": 0.0, "std": 1.0}, 1.0),
])
@pytest.mark.parametrize("n", [2, 5])
def test_bias_factor_is_n_minus_1_over_n(dist, params, var, n):
    r = bias_simulation(dist, params, n=n, repetitions=40_000, seed=11)
    assert r.true_variance == pytest.approx(var) and r.ratio == (n - 1) / n
    assert abs(r.observed_ratio - (n - 1) / n) < 4 * r.stderr_ratio


def test_bias_simulation_n1_and_determinism():
    r = bias_simulation("normal", {"mean": 0.0, "std": 1.0}, n=1, repetitions=10, seed=0)
    assert r.mean_biased == 0.0 and r.observed_ratio == 0.0 and r.mean_unbiased is None and r.ratio == 0.0
    a = bias_simulation("poisson", {"lam": 2.0}, n=3, repetitions=1000, seed=5)
    assert a == bias_simulation("poisson", {"lam": 2.0}, n=3, repetitions=1000, seed=5)


@pytest.mark.parametrize("args,field,status", [
    (("gamma", {}, 2, 10), "distribution", 422),
    (("normal", {"mean": 0.0}, 2, 10), "params.std", 422),
    (("normal", {"mean": 0.0, "std": 1.0, "df": 3.0}, 2, 10), "params.df", 422),
    (("normal", {"mean": 0.0, "std": -1.0}, 2, 10), "params.std", 422),
    (("uniform", {"low": 1.0, "high": 1.0}, 2, 10), "params.high", 422),
    (("bernoulli", {"p": 1.0}, 2, 10), "params.p", 422),
    (("normal", {"mean": float("nan"), "std": 1.0}, 2, 10), "params.mean", 422),
    (("normal", {"mean": 0.0, "std": 1.0}, 0, 10), "n", 422),
    (("normal", {"mean": 0.0, "std": 1.0}, 2, 1), "repetitions", 422),
    (("normal", {"mean": 0.0, "std": 1.0}, 1000, MAX_DRAWS), "repetitions", 413),
])
def test_bias_simulation_rejects(args, field, status):
    dist, params, n, reps = args
    with pytest.raises(TechniqueError) as err:
        bias_simulation(dist, params, n=n, repetitions=reps, seed=0)
    assert (err.value.field, err.value.status) == (field, status)
