"""Sparse attention against dense masked attention built from the post's masks (1e-10)."""

import zlib

import numpy as np
import pytest

from app.techniques import TechniqueError
from app.techniques.attention import MAX_SEQUENCE, MAX_WEIGHTS_N, key_table, sparse_attention


def post_mask(n, mode, rate=None, window=None, causal=False):
    """The n x n mask of the post, from the offsets d = i - j."""
    i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    d = i - j
    if mode == "full":
        mask = np.ones((n, n), dtype=bool)
    elif mode == "atrous":
        mask = d % rate == 0
    elif mode == "local":
        mask = np.abs(d) <= window
    else:
        mask = (np.abs(d) <= (rate if window is None else window)) | (d % rate == 0)
    return mask & (j <= i) if causal else mask


def dense_attention(q, k, v, mask):
    """softmax(q k^T / sqrt(d) masked) v with an explicit n x n matrix."""
    scores = np.einsum("...id,...jd->...ij", q, k) / np.sqrt(q.shape[-1])
    scores = np.where(mask, scores, -np.inf)
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return w @ v, w


CASES = [("full", None, None), ("atrous", 3, None), ("atrous", 1, None), ("atrous", 40, None),
         ("local", None, 0), ("local", None, 2), ("local", None, 30), ("sparse", 3, None), ("sparse", 4, 1),
         ("sparse", 2, 5), ("sparse", 5, 0)]


@pytest.mark.parametrize("mode,rate,window", CASES)
@pytest.mark.parametrize("causal", [False, True])
@pytest.mark.parametrize("heads", [None, 3])
def test_equals_dense_masked_attention(mode, rate, window, causal, heads):
    rng = np.random.default_rng(zlib.crc32(repr((mode, rate, window, causal, heads)).encode()))
    n, d, dv = 23, 5, 3
    shape = (n,) if heads is None else (heads, n)
    q, k = rng.normal(size=(2, *shape, d))
    v = rng.normal(size=(*shape, dv))
    mask = post_mask(n, mode, rate, window, causal)
    ref, w = dense_attention(q, k, v, mask)
    r = sparse_attention(q, k, v, mode=mode, rate=rate, window=window, causal=causal, return_weights=True,
                         return_mask=True)
    assert r.output.shape == ref.shape
    np.testing.assert_allclose(r.output, ref, rtol=0, atol=1e-10)
    np.testing.assert_allclose(r.weights, w, rtol=0, atol=1e-10)
    assert r.pairs_computed == mask.sum() and r.pairs_full == n * n
    assert r.max_keys_per_query == mask.sum(axis=1).max()
    rows, cols = np.nonzero(mask)
    assert np.array_equal(r.mask_indices, cols)
    assert np.array_equal(r.mask_indptr, np.r_[0, np.cumsum(mask.sum(axis=1))])


def test_key_counts_of_the_post():
    n, k = 64, 4
    local = key_table(n, "local", window=k)
    counts = (local >= 0).sum(axis=1)
    assert counts.max() == 2 * k + 1 and counts[k:n - k].min() == 2 * k + 1   # 2k + 1 keys away from the ends
    atrous = (key_table(n, "atrous", rate=k) >= 0).sum(axis=1)
    assert set(atrous.tolist()) == {n // k}                                     # n / k keys per query
    # key tables are [n, keys per query], never [n, n]
    assert key_table(n, "atrous", rate=k).shape == (n, n // k)
    assert key_table(n, "local", window=k).shape == (n, 2 * k + 1)
    assert key_table(n, "sparse", rate=k, window=k).shape[1] <= 2 * k + 1 + n // k
    # sparse with window rate - 1 (Su's code) is the same mask as window rate (the post)
    assert np.array_equal(post_mask(n, "sparse", k, k - 1), post_mask(n, "sparse", k, k))
    r1 = sparse_attention(np.eye(n)[:, :8], np.eye(n)[:, :8], np.eye(n)[:, :8], mode="sparse", rate=k, window=k - 1)
    r2 = sparse_attention(np.eye(n)[:, :8], np.eye(n)[:, :8], np.eye(n)[:, :8], mode="sparse", rate=k)
    assert r1.pairs_computed == r2.pairs_computed and np.allclose(r1.output, r2.output, atol=1e-15)


def test_sparse_mask_counts_each_key_once():
    # Su's Sparse layer counts the query itself twice; the post's mask gives each key weight once:
    # with q = 0 every allowed key gets the same weight 1 / |A(i)|
    n = 12
    q = np.zeros((n, 2))
    k = np.random.default_rng(1).normal(size=(n, 2))
    r = sparse_attention(q, k, np.eye(n), mode="sparse", rate=2, window=1, return_weights=True)
    mask = post_mask(n, "sparse", 2, 1)
    np.testing.assert_allclose(r.weights, mask / mask.sum(axis=1, keepdims=True), atol=1e-15)


def test_softmax_is_stable_for_large_logits():
    rng = np.random.default_rng(2)
    q, k, v = rng.normal(size=(3, 16, 4)) * 1e3
    r = sparse_attention(q, k, v, mode="local", window=3)
    ref, _ = dense_attention(q, k, v, post_mask(16, "local", window=3))
    assert np.all(np.isfinite(r.output))
    np.testing.assert_allclose(r.output, ref, atol=1e-7)


def test_large_rate_and_window_are_clipped():
    q = np.random.default_rng(3).normal(size=(10, 2))
    r = sparse_attention(q, q, q, mode="atrous", rate=10**15)
    np.testing.assert_allclose(r.output, q, atol=1e-15)          # only the query itself
    assert r.pairs_computed == 10 and r.rate == 10
    full = sparse_attention(q, q, q, mode="full")
    local = sparse_attention(q, q, q, mode="local", window=10**12)
    np.testing.assert_allclose(local.output, full.output, atol=1e-13)


@pytest.mark.parametrize("kwargs,field,status", [
    ({"q": np.ones((4, 2)), "k": np.ones((3, 2)), "v": np.ones((4, 2))}, "k", 422),
    ({"q": np.ones((4, 2)), "k": np.ones((4, 3)), "v": np.ones((4, 2))}, "k", 422),
    ({"q": np.ones((4, 2)), "k": np.ones((4, 2)), "v": np.ones((5, 2))}, "v", 422),
    ({"q": np.ones((4, 2)), "k": np.ones((1, 4, 2)), "v": np.ones((4, 2))}, "k", 422),
    ({"q": [[1.0, np.nan]], "k": [[1.0, 1.0]], "v": [[1.0]]}, "q", 422),
    ({"q": [[1.0]], "k": [[np.inf]], "v": [[1.0]]}, "k", 422),
    ({"q": [1.0, 2.0], "k": [1.0, 2.0], "v": [1.0, 2.0]}, "q", 422),
    ({"q": np.ones((4, 2)), "k": np.ones((4, 2)), "v": np.ones((4, 2)), "mode": "atrous"}, "rate", 422),
    ({"q": np.ones((4, 2)), "k": np.ones((4, 2)), "v": np.ones((4, 2)), "mode": "local"}, "window", 422),
    ({"q": np.ones((4, 2)), "k": np.ones((4, 2)), "v": np.ones((4, 2)), "mode": "dilated"}, "mode", 422),
    ({"q": np.ones((MAX_SEQUENCE + 1, 1)), "k": np.ones((MAX_SEQUENCE + 1, 1)), "v": np.ones((MAX_SEQUENCE + 1, 1))},
     "q", 413),
    ({"q": np.ones((8000, 32)), "k": np.ones((8000, 32)), "v": np.ones((8000, 32)), "mode": "full"}, "q", 413),
    ({"q": np.ones((MAX_WEIGHTS_N + 1, 1)), "k": np.ones((MAX_WEIGHTS_N + 1, 1)),
      "v": np.ones((MAX_WEIGHTS_N + 1, 1)), "mode": "local", "window": 1, "return_weights": True},
     "return_weights", 413),
])
def test_rejects(kwargs, field, status):
    kwargs = dict(kwargs)
    q, k, v = kwargs.pop("q"), kwargs.pop("k"), kwargs.pop("v")
    with pytest.raises(TechniqueError) as err:
        sparse_attention(q, k, v, **{"mode": "full", **kwargs})
    assert (err.value.field, err.value.status) == (field, status)
