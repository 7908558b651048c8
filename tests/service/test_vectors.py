"""kNN cosine graph and vector clustering."""

import numpy as np
import pytest
from fastapi.testclient import TestClient

from app.knn import knn_graph
from app.main import create_app
from app.settings import Settings

from .test_api import assert_error


def brute_force_knn(x, k, threshold):
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    s = x @ x.T
    np.fill_diagonal(s, -np.inf)
    links = set()
    for i in range(len(x)):
        for j in np.argsort(-s[i], kind="stable")[:k]:
            if s[i, j] >= threshold:
                links.add((i, int(j)))
    return links


@pytest.mark.parametrize("block", [1 << 24, 37])
def test_blocked_knn_equals_brute_force(block):
    rng = np.random.default_rng(4)
    x = rng.normal(size=(120, 8))
    src, tgt, sim = knn_graph(x, top_k=7, min_similarity=0.2, max_block_entries=block)
    assert set(zip(src.tolist(), tgt.tolist())) == brute_force_knn(x, 7, 0.2)
    xn = x / np.linalg.norm(x, axis=1, keepdims=True)
    np.testing.assert_allclose(sim, (xn[src] * xn[tgt]).sum(axis=1), rtol=1e-12)


@pytest.mark.parametrize("scale", [1e-300, 1e200])
def test_knn_is_scale_free_at_the_float_limits(scale):
    """Cosine ignores scale: tiny or huge vectors give the same graph, no overflow to 0 or NaN."""
    rng = np.random.default_rng(5)
    x = rng.normal(size=(40, 6))
    row_scale = scale * rng.uniform(0.5, 2.0, size=(40, 1))
    with np.errstate(all="raise"):
        scaled = knn_graph(x * row_scale, top_k=5, min_similarity=0.1)
    plain = knn_graph(x, top_k=5, min_similarity=0.1)
    assert [a.tolist() for a in scaled[:2]] == [a.tolist() for a in plain[:2]]
    np.testing.assert_allclose(scaled[2], plain[2], rtol=1e-12)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("v"), dask_workers=1, dask_processes=False,
                        max_sync_vectors=500)
    with TestClient(create_app(settings)) as c:
        yield c


def test_clusters_of_planted_directions(client):
    rng = np.random.default_rng(0)
    centers = rng.normal(size=(4, 16))
    x = np.concatenate([c + 0.05 * rng.normal(size=(25, 16)) for c in centers])
    labels = [f"g{i // 25}-{i % 25}" for i in range(100)]
    data = client.post("/v1/cluster/vectors", json={"vectors": x.tolist(), "labels": labels, "top_k": 10}).json()
    assert data["num_clusters"] == 4
    for cluster in data["clusters"]:
        assert len({m.split("-")[0] for m in cluster["members"]}) == 1 and cluster["size"] == 25
    assert data["graph"]["nodes"] == 100 and data["graph"]["links"] == 1000 and data["graph"]["directed"]


@pytest.mark.parametrize("body,field", [
    ({"vectors": [[1, 0], [0]]}, "vectors"),
    ({"vectors": [[0, 0], [1, 0]]}, "vectors"),
    ({"vectors": [[1, 0], [0, 1]], "labels": ["a"]}, "labels"),
    ({"vectors": [[1, 0], [0, 1]], "min_similarity": 0.9}, "min_similarity"),
    ({"vectors": [[1, 0]] * 501}, "vectors"),
], ids=["ragged", "zero-vector", "labels", "no-links", "too-many"])
def test_vector_errors(client, body, field):
    response = client.post("/v1/cluster/vectors", json=body)
    assert_error(response, 413 if len(body["vectors"]) > 500 else 422, field)
