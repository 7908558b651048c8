"""Vector quantization against brute-force argmin; codebook fitting by k-means and EMA."""

import numpy as np
import pytest

from app.techniques import TechniqueError
from app.techniques.vq import MAX_ITERATIONS, fit_codebook, nearest_codes, quantize


def brute_force_codes(z, codebook):
    return np.array([int(np.argmin([np.sum((zi - c) ** 2) for c in codebook])) for zi in z])


def test_codes_equal_brute_force_argmin():
    rng = np.random.default_rng(3)
    for N, K, d in [(300, 17, 6), (1, 1, 1), (50, 3, 1), (40, 64, 9)]:
        z, codebook = rng.normal(size=(N, d)), rng.normal(size=(K, d))
        r = quantize(z, codebook, beta=1.0, gamma=0.25)
        ref = brute_force_codes(z, codebook)
        assert r.codes.tolist() == ref.tolist()
        np.testing.assert_array_equal(r.quantized, codebook[ref])
        dist = np.sum((z - codebook[ref]) ** 2, axis=1)
        np.testing.assert_allclose(r.distances, dist, rtol=1e-13)
        mse = dist.sum() / (N * d)
        assert r.mse == pytest.approx(mse, rel=1e-13)
        assert r.codebook_loss == pytest.approx(mse) and r.commitment_loss == pytest.approx(0.25 * mse)
        assert r.usage.tolist() == np.bincount(ref, minlength=K).tolist()
        p = np.bincount(ref, minlength=K) / N
        p = p[p > 0]
        assert r.perplexity == pytest.approx(np.exp(-np.sum(p * np.log(p))), rel=1e-13)
        assert r.dead_codes == K - len(p)


def test_blocked_distances_equal_unblocked(monkeypatch):
    import app.techniques.vq as vq

    rng = np.random.default_rng(4)
    z, codebook = rng.normal(size=(1000, 4)), rng.normal(size=(30, 4))
    whole = nearest_codes(z, codebook)
    monkeypatch.setattr(vq, "_BLOCK_VALUES", 30 * 7)      # blocks of 7 rows
    blocked = nearest_codes(z, codebook)
    assert np.array_equal(whole[0], blocked[0]) and np.allclose(whole[1], blocked[1], rtol=1e-15)


def test_losses_by_hand():
    r = quantize([[0.0, 1.0], [2.0, 0.0]], [[0.0, 0.0], [3.0, 0.0]], beta=2.0, gamma=0.5)
    # codes 0 and 1, squared distances 1 and 1, mean over 4 values 0.5
    assert r.codes.tolist() == [0, 1] and r.distances.tolist() == [1.0, 1.0] and r.mse == 0.5
    assert (r.codebook_loss, r.commitment_loss, r.loss) == (1.0, 0.25, 1.25)
    assert r.perplexity == pytest.approx(2.0) and r.dead_codes == 0


def three_clusters(seed=4):
    rng = np.random.default_rng(seed)
    centers = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]])
    return centers, np.concatenate([c + 0.1 * rng.normal(size=(50, 2)) for c in centers])


@pytest.mark.parametrize("mode", ["kmeans", "ema"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_fit_finds_well_separated_clusters(mode, seed):
    centers, z = three_clusters()
    r = fit_codebook(z, 3, mode=mode, decay=0.5, iterations=20, seed=seed)
    for c in centers:
        assert np.min(np.linalg.norm(r.codebook - c, axis=1)) < 0.1
    assert r.dead_codes == 0 and r.perplexity == pytest.approx(3.0)
    assert r.distortion_history[-1] < r.distortion_history[0] or r.distortion_history[0] < 0.05
    assert r.codes.tolist() == brute_force_codes(z, r.codebook).tolist()


def test_kmeans_iteration_is_the_mean_of_assigned_vectors():
    centers, z = three_clusters()
    r = fit_codebook(z, 3, mode="kmeans", iterations=1, init="random", seed=5)
    initial = z[np.random.default_rng(5).choice(len(z), 3, replace=False)]
    codes = brute_force_codes(z, initial)
    expected = np.array([z[codes == i].mean(axis=0) if np.any(codes == i) else initial[i] for i in range(3)])
    np.testing.assert_allclose(r.codebook, expected, rtol=1e-13)


def test_ema_updates_by_hand():
    rng = np.random.default_rng(6)
    z = rng.normal(size=(40, 3))
    lam = 0.8
    r = fit_codebook(z, 4, mode="ema", decay=lam, iterations=3, init="random", seed=7)
    codebook = z[np.random.default_rng(7).choice(40, 4, replace=False)].copy()
    N, m = np.zeros(4), np.zeros((4, 3))
    for _ in range(3):
        codes = brute_force_codes(z, codebook)
        for i in range(4):
            N[i] = lam * N[i] + (1 - lam) * np.sum(codes == i)
            m[i] = lam * m[i] + (1 - lam) * z[codes == i].sum(axis=0)
            if N[i] > 0:
                codebook[i] = m[i] / N[i]
    np.testing.assert_allclose(r.codebook, codebook, rtol=1e-12)


def test_ema_with_batches_and_determinism():
    _, z = three_clusters()
    a = fit_codebook(z, 3, mode="ema", decay=0.7, iterations=30, batch_size=16, seed=3)
    b = fit_codebook(z, 3, mode="ema", decay=0.7, iterations=30, batch_size=16, seed=3)
    assert np.array_equal(a.codebook, b.codebook) and a.mse < 0.05


def test_duplicate_vectors_leave_a_dead_code():
    r = fit_codebook([[0.0, 0.0], [0.0, 0.0], [1.0, 1.0]], 3, iterations=3, seed=0)
    assert r.usage.sum() == 3 and r.dead_codes == 1 and r.mse == 0.0


@pytest.mark.parametrize("fn,kwargs,field,status", [
    (quantize, {"z": [[1.0, 2.0]], "codebook": [[1.0, 2.0, 3.0]]}, "codebook", 422),
    (quantize, {"z": [[1.0, float("nan")]], "codebook": [[1.0, 2.0]]}, "z", 422),
    (quantize, {"z": [[1.0], [1.0, 2.0]], "codebook": [[1.0]]}, "z", 422),
    (quantize, {"z": [1.0, 2.0], "codebook": [[1.0]]}, "z", 422),
    (quantize, {"z": [[1.0]], "codebook": [[1.0]], "beta": -1.0}, "beta", 422),
    (quantize, {"z": np.zeros((100_000, 20)), "codebook": np.zeros((1001, 20))}, "z", 413),
    (quantize, {"z": np.zeros((4_000_001, 1)), "codebook": [[0.0]]}, "z", 413),
    (fit_codebook, {"z": [[1.0, 2.0]], "num_codes": 3}, "num_codes", 422),
    (fit_codebook, {"z": [[1.0, 2.0]], "num_codes": 1, "mode": "gmm"}, "mode", 422),
    (fit_codebook, {"z": [[1.0, 2.0]], "num_codes": 1, "decay": 1.0, "mode": "ema"}, "decay", 422),
    (fit_codebook, {"z": [[1.0, 2.0]], "num_codes": 1, "batch_size": 1}, "batch_size", 422),
    (fit_codebook, {"z": [[1.0, 2.0]], "num_codes": 1, "init": "zeros"}, "init", 422),
    (fit_codebook, {"z": [[1.0, 2.0]], "num_codes": 1, "iterations": MAX_ITERATIONS + 1}, "iterations", 413),
    (fit_codebook, {"z": np.zeros((20_000, 50)), "num_codes": 2000, "iterations": 5}, "iterations", 413),
])
def test_rejects(fn, kwargs, field, status):
    kwargs = dict(kwargs)
    z = kwargs.pop("z")
    with pytest.raises(TechniqueError) as err:
        if fn is quantize:
            fn(z, kwargs.pop("codebook"), **kwargs)
        else:
            fn(z, kwargs.pop("num_codes"), **kwargs)
    assert (err.value.field, err.value.status) == (field, status)
