"""A BERT-base-sized tied head (30522 x 768 float32, 94 MB) through the real app as an .npz body.

Issue 13's target: the default ``MAPEQ_MAX_BODY_BYTES`` admits it, the float32 logits equal a
float64 numpy reference within the documented float32 bound (docs/techniques-api.md, *Tied
embeddings*), and one value above ``MAX_EMBEDDING_VALUES`` is refused from the .npz header
(413 naming ``embeddings``). Memory: the array, the body and its copies on the way in
(about 460 MB above the app's own, measured with /usr/bin/time).
"""

from __future__ import annotations

import io

import numpy as np
import orjson
import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from app.techniques.tied import MAX_EMBEDDING_VALUES

V, D, N = 30522, 768, 3
NPZ = "application/zip"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("tied"), warmup=False, dask_workers=1, dask_processes=False,
                        work_processes=0, max_body_bytes=Settings.model_fields["max_body_bytes"].default)
    with TestClient(create_app(settings)) as c:
        yield c


def npz_body(compressed: bool = False, **arrays) -> bytes:
    buf = io.BytesIO()
    (np.savez_compressed if compressed else np.savez)(buf, **arrays)
    return buf.getvalue()


def reference(E: np.ndarray, H: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """float64 ``H E^T + b`` and the float32 bound ``(d + 2) 2^-24 sum_i |h_i e_i|``, in row blocks of E."""
    logits, scale = np.empty((len(H), len(E))), np.empty((len(H), len(E)))
    H64 = H.astype(np.float64)
    for start in range(0, len(E), 4096):
        block = E[start:start + 4096].astype(np.float64)
        logits[:, start:start + 4096] = H64 @ block.T + b[start:start + 4096]
        scale[:, start:start + 4096] = np.abs(H64) @ np.abs(block).T
    return logits, (E.shape[1] + 2) * 2.0**-24 * scale


def test_a_bert_base_tied_head_as_npz_gives_the_float64_logits_within_the_float32_bound(client):
    assert V * D * 4 > 64 * 2**20                       # above the former 64 MiB cap
    rng = np.random.default_rng(13)
    E = rng.standard_normal((V, D), dtype=np.float32)
    E *= np.float32(0.05)
    H = rng.standard_normal((N, D), dtype=np.float32)
    b = rng.standard_normal(V, dtype=np.float32)
    body = npz_body(embeddings=E, hidden=H, bias=b)
    r = client.post("/v1/reuse/tied-logits", params={"top_k": 5}, content=body, headers={"content-type": NPZ})
    del body
    assert r.status_code == 200, r.text[:300]
    got = r.json()
    logits, bound = reference(E, H, b.astype(np.float64))
    ids = np.array(got["top_ids"])
    rows = np.arange(N)[:, None]
    assert ids.shape == (N, 5)
    slack = bound.max(axis=1, keepdims=True)
    # the returned logits are the reference's at those ids, and they are the 5 largest (up to the bound)
    np.testing.assert_array_less(np.abs(np.array(got["top_logits"]) - logits[rows, ids]), bound[rows, ids] + 1e-12)
    best = -np.sort(-logits, axis=1)[:, :5]
    assert np.all(np.abs(np.array(got["top_logits"]) - best) < 2 * slack + 1e-12)
    lse = np.logaddexp.reduce(logits, axis=1)
    np.testing.assert_array_less(np.abs(np.array(got["log_normalizer"]) - lse), slack[:, 0] + 1e-12)
    np.testing.assert_allclose(np.array(got["top_values"]), np.exp(logits[rows, ids] - lse[:, None]),
                               rtol=3 * slack.max() + 1e-12)
    # the same head as a raw .npy body (the first tensor field, embeddings), one hidden state as a query parameter
    buf = io.BytesIO()
    np.save(buf, E)
    del E
    one = client.post("/v1/reuse/tied-logits", content=buf.getvalue(), headers={"content-type": "application/x-npy"},
                      params={"top_k": 5, "hidden": orjson.dumps(H[0].tolist()).decode()})
    del buf
    assert one.status_code == 200, one.text[:300]
    unbiased = logits[0] - b                             # no bias in this request
    one_ids, one_logits = np.array(one.json()["top_ids"][0]), np.array(one.json()["top_logits"][0])
    assert np.all(np.abs(one_logits - unbiased[one_ids]) <= bound[0, one_ids] + 1e-6)
    assert np.all(np.abs(one_logits - -np.sort(-unbiased)[:5]) <= 2 * slack[0, 0] + 1e-6)


def test_one_value_above_the_embedding_limit_is_413_from_the_npz_header(client):
    E = np.zeros((1, MAX_EMBEDDING_VALUES + 1), dtype=np.int8)   # 32 MB, compressed to a few KB
    body = npz_body(compressed=True, embeddings=E, hidden=np.zeros((1, E.shape[1]), dtype=np.int8))
    del E
    assert len(body) < 1_000_000
    r = client.post("/v1/reuse/tied-logits", content=body, headers={"content-type": NPZ})
    assert r.status_code == 413, r.text[:300]
    error = r.json()["error"]
    assert error["field"] == "embeddings"
    assert f"{MAX_EMBEDDING_VALUES + 1:,}" in error["message"] and f"{MAX_EMBEDDING_VALUES:,}" in error["message"]
