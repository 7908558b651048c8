"""Vector quantization against brute-force argmin; codebook fitting by k-means and EMA."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

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
    # the fit works on centred data: rounding is relative to the spread of z, not to each value
    np.testing.assert_allclose(r.codebook, expected, rtol=0, atol=1e-13 * np.abs(z).max())


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


# --- exact codes far from the origin (issue 12) -------------------------------------------------

def exact_nearest(z, codebook):
    """The true nearest code of each row (lowest index on ties), in rational arithmetic."""
    from fractions import Fraction

    out = []
    for zi in z.tolist():
        exact = [sum((Fraction(a) - Fraction(b)) ** 2 for a, b in zip(zi, e)) for e in codebook.tolist()]
        out.append(exact.index(min(exact)))
    return out


def test_issue12_code_far_from_the_origin(client):
    """||z||^2 + ||e||^2 - 2 z.e picked code 1; 1000000.0004 is 0.0004 from code 0 and 0.0006 from code 1."""
    body = {"z": [[1000000.0004]], "codebook": [[1e6], [1e6 + 0.001]]}
    data = client.post("/v1/vq/quantize", json=body).json()
    assert data["codes"] == [0] and data["quantized"] == [[1e6]]
    assert data["distances"] == [(1000000.0004 - 1e6) ** 2]


def test_issue12_snapping_to_a_5cm_grid_at_4500_km(client):
    """Coordinates around 4.5e6 quantized to a 5 cm grid codebook are rounded to the grid (Su's form got
    176 of these 200 codes wrong)."""
    rng = np.random.default_rng(12)
    axis = 4.5e6 + 0.05 * np.arange(10)
    codebook = np.array([[a, b] for a in axis for b in axis])
    z = 4.5e6 + rng.uniform(0, 0.45, size=(200, 2))
    data = client.post("/v1/vq/quantize", json={"z": z.tolist(), "codebook": codebook.tolist()}).json()
    assert data["codes"] == exact_nearest(z, codebook)
    np.testing.assert_array_equal(data["quantized"], 4.5e6 + 0.05 * np.round((z - 4.5e6) / 0.05))


def test_issue12_fit_codebook_far_from_the_origin(client):
    """The fitted codes of data at 4.5e6 are the exactly nearest of the returned codebook."""
    rng = np.random.default_rng(13)
    z = 4.5e6 + np.round(rng.uniform(0, 1.0, size=(300, 2)) / 0.05) * 0.05
    for mode in ("kmeans", "ema"):
        data = client.post("/v1/vq/fit-codebook", json={"z": z.tolist(), "num_codes": 12, "mode": mode,
                                                        "iterations": 10, "decay": 0.5, "seed": 1}).json()
        assert data["codes"] == exact_nearest(z, np.array(data["codebook"]))
        assert data["mse"] < 0.01                      # codes spread over the 1 m square, not collapsed


def test_exact_ties_go_to_the_lowest_index():
    # 0.5 is midway between 0 and 1 (at any offset); duplicated codes tie too.
    for offset in (0.0, 4.5e6, 1e15):
        z = np.array([[offset + 0.5], [offset + 1.0]])
        codebook = np.array([[offset + 1.0], [offset + 0.0], [offset + 1.0]])
        assert nearest_codes(z, codebook)[0].tolist() == exact_nearest(z, codebook) == [0, 0]


def test_subnormal_data_keep_exact_codes():
    """All values subnormal: the power-of-two scaling must stay finite (2^1073 overflowed to inf, NaN codes)."""
    z = np.array([[5e-324], [1.5e-323], [0.0]])
    codebook = np.array([[0.0], [1e-323]])
    with np.errstate(all="raise"):
        codes, dist = nearest_codes(z, codebook)
    assert codes.tolist() == exact_nearest(z, codebook) == [0, 1, 0]


grids = st.sampled_from([0.0, 1.0, -3.0e9, 4.5e6, 1e15, 2.0 ** 60])
scales = st.sampled_from([1e-300, 1e-160, 1e-3, 0.05, 1.0, 7.0, 1e80])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(data=st.data())
def test_codes_are_true_nearest_at_any_offset_and_scale(data):
    """Small integer patterns (many exact and near ties) at an offset and scale, plus arbitrary floats."""
    N, K, d = data.draw(st.integers(1, 8)), data.draw(st.integers(1, 6)), data.draw(st.integers(1, 4))
    if data.draw(st.booleans()):
        offset, scale = data.draw(grids), data.draw(scales)
        ints = st.integers(-4, 4)
        z = offset + scale * data.draw(arrays(np.int64, (N, d), elements=ints)).astype(np.float64)
        codebook = offset + scale * data.draw(arrays(np.int64, (K, d), elements=ints)).astype(np.float64)
    else:
        values = st.floats(-1e100, 1e100, allow_nan=False, allow_subnormal=True)
        z = data.draw(arrays(np.float64, (N, d), elements=values))
        codebook = data.draw(arrays(np.float64, (K, d), elements=values))
    codes, dist = nearest_codes(z, codebook)
    assert codes.tolist() == exact_nearest(z, codebook)
    np.testing.assert_allclose(dist, np.sum((z - codebook[codes]) ** 2, axis=1), rtol=1e-14, atol=0)
