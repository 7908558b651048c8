"""Tied-embedding logits, blocked over the vocabulary, against the dense H E^T + b."""

import numpy as np
import pytest
from scipy.special import expit, log_softmax, softmax

from app.techniques import TechniqueError
from app.techniques.tied import MAX_HIDDEN, MAX_TOP_K, tied_logits


@pytest.mark.parametrize("activation", ["softmax", "log_softmax", "sigmoid", "linear"])
@pytest.mark.parametrize("block", [None, 1, 7, 64, 5000])
def test_blocks_equal_the_dense_computation(activation, block):
    rng = np.random.default_rng(9)
    E, H, b = rng.normal(size=(1000, 16)), rng.normal(size=(5, 16)), rng.normal(size=1000)
    r = tied_logits(E, H, bias=b, activation=activation, top_k=7, block=block, return_full=True)
    logits = H @ E.T + b
    ref = {"softmax": softmax(logits, axis=1), "log_softmax": log_softmax(logits, axis=1),
           "sigmoid": expit(logits), "linear": logits}[activation]
    ids = np.argsort(-logits, axis=1, kind="stable")[:, :7]
    assert np.array_equal(r.top_ids, ids)
    np.testing.assert_allclose(r.top_logits, np.take_along_axis(logits, ids, axis=1), rtol=1e-13)
    np.testing.assert_allclose(r.top_values, np.take_along_axis(ref, ids, axis=1), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(r.full, ref, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(r.log_normalizer, np.log(np.exp(logits).sum(axis=1)), rtol=1e-13)


def test_ties_keep_the_smaller_ids_and_k_is_clipped_to_v():
    E = np.zeros((10, 2))
    E[7] = [1.0, 0.0]
    r = tied_logits(E, [1.0, 0.0], top_k=4, block=3)
    assert r.top_ids.tolist() == [[7, 0, 1, 2]]
    r = tied_logits(E, [[1.0, 0.0]], top_k=50)
    assert r.top_ids.shape == (1, 10) and r.top_ids[0, 0] == 7
    assert r.top_values.sum() == pytest.approx(1.0)


def test_softmax_is_stable_for_large_logits():
    E = np.array([[1e3, 0.0], [0.0, 1e3], [-1e3, 0.0]])
    r = tied_logits(E, [[2.0, 1.0]], top_k=3)
    assert r.top_ids.tolist() == [[0, 1, 2]]
    np.testing.assert_allclose(r.top_values, [[1.0, np.exp(-1000.0), 0.0]], atol=1e-300)
    assert r.log_normalizer[0] == pytest.approx(2000.0)


@pytest.mark.parametrize("kwargs,field,status", [
    ({"embeddings": [[1.0, 0.0]], "hidden": [[1.0, 0.0, 0.0]]}, "hidden", 422),
    ({"embeddings": [[1.0, 0.0], [0.0]], "hidden": [[1.0, 0.0]]}, "embeddings", 422),
    ({"embeddings": [[1.0, float("nan")]], "hidden": [[1.0, 0.0]]}, "embeddings", 422),
    ({"embeddings": [[1.0, 0.0]], "hidden": [[1.0, 0.0]], "bias": [0.0, 1.0]}, "bias", 422),
    ({"embeddings": [[1.0, 0.0]], "hidden": [[1.0, 0.0]], "activation": "tanh"}, "activation", 422),
    ({"embeddings": [[1.0, 0.0]], "hidden": [[1.0, 0.0]], "top_k": 0}, "top_k", 422),
    ({"embeddings": [[1.0, 0.0]], "hidden": [[1.0, 0.0]], "top_k": MAX_TOP_K + 1}, "top_k", 413),
    ({"embeddings": [[1.0, 0.0]], "hidden": np.zeros((MAX_HIDDEN + 1, 2))}, "hidden", 413),
    ({"embeddings": np.zeros((2000, 2)), "hidden": np.zeros((600, 2)), "return_full": True}, "return_full", 413),
])
def test_rejects(kwargs, field, status):
    kwargs = dict(kwargs)
    with pytest.raises(TechniqueError) as err:
        tied_logits(kwargs.pop("embeddings"), kwargs.pop("hidden"), **kwargs)
    assert (err.value.field, err.value.status) == (field, status)


def test_a_float32_head_is_multiplied_in_float32_within_the_documented_bound():
    rng = np.random.default_rng(4)
    E, H = rng.normal(size=(3000, 64)).astype(np.float32), rng.normal(size=(4, 64)).astype(np.float32)
    logits = H.astype(float) @ E.astype(float).T
    bound = (64 + 2) * 2.0**-24 * (np.abs(H.astype(float)) @ np.abs(E.astype(float)).T)
    r = tied_logits(E, H, activation="linear", top_k=5, block=700, return_full=True)
    assert np.all(np.abs(r.full - logits) <= bound) and r.full.dtype == np.float64
    assert not np.array_equal(r.full, logits)               # float32 arithmetic, not float64
    ref = tied_logits(E.astype(float), H, activation="linear", return_full=True)
    np.testing.assert_array_equal(ref.full, logits)


def test_a_float32_head_near_float32_overflow_is_computed_in_float64():
    E = np.array([[3e30, 0.0], [0.0, 1.0]], dtype=np.float32)
    r = tied_logits(E, [[1e10, 1.0]], activation="linear", top_k=2)
    np.testing.assert_allclose(r.top_logits, [[float(np.float32(3e30)) * 1e10, 1.0]], rtol=1e-15)


def test_an_embedding_above_the_limit_is_refused_before_any_copy():
    from app.techniques.tied import MAX_EMBEDDING_VALUES
    huge = np.broadcast_to(np.float32(0), (1, MAX_EMBEDDING_VALUES + 1))   # no memory behind it
    with pytest.raises(TechniqueError) as err:
        tied_logits(huge, np.zeros((1, MAX_EMBEDDING_VALUES + 1), dtype=np.int8))
    assert err.value.status == 413 and err.value.field == "embeddings"
