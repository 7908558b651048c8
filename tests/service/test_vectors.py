"""Vector clustering: exact and approximate kNN graphs against brute force, metrics, precisions, binary
files against JSON, cost limits before work, and the savings rule."""

import io

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from app.vectors import VectorOptions, cluster_vectors, estimate_vector_cost, knn_graph, progress_total
from app.vectors import ann
from app.vectors.ann import approximate_knn, approximate_steps
from app.vectors.knn import exact_knn, exact_steps, prepare_vectors

from .test_api import assert_error


def brute_force_knn(x, k, threshold, metric="cosine"):
    """Links (i, j) of each row's k most similar others (lower index first on ties), by full sorting."""
    if metric == "cosine":
        x = x / np.linalg.norm(x, axis=1, keepdims=True)
    s = x @ x.T
    np.fill_diagonal(s, -np.inf)
    links = set()
    for i in range(len(x)):
        for j in np.argsort(-s[i], kind="stable")[:k]:
            if s[i, j] >= threshold:
                links.add((i, int(j)))
    return links


def planted(n_per, centers, d, noise, seed):
    """Vectors around ``centers`` random directions, with their planted cluster of each."""
    rng = np.random.default_rng(seed)
    c = rng.normal(size=(centers, d))
    truth = np.repeat(np.arange(centers), n_per)
    return c[truth] + noise * rng.normal(size=(truth.size, d)), truth


def links_of(graph):
    return set(zip(graph.source.tolist(), graph.target.tolist()))


@pytest.mark.parametrize("block", [1 << 24, 37 * 120])
@pytest.mark.parametrize("metric", ["cosine", "inner_product"])
def test_exact_knn_equals_brute_force(block, metric):
    rng = np.random.default_rng(4)
    x = rng.normal(size=(120, 8))
    idx, sim = exact_knn(prepare_vectors(x, metric), 7, max_block_entries=block)
    g = knn_graph(x, VectorOptions(top_k=7, min_similarity=0.2, metric=metric, method="exact"))
    assert links_of(g) == brute_force_knn(x, 7, 0.2, metric)
    xn = x / np.linalg.norm(x, axis=1, keepdims=True) if metric == "cosine" else x
    np.testing.assert_allclose(g.similarity, np.maximum((xn[g.source] * xn[g.target]).sum(axis=1), 0), rtol=1e-12)
    assert g.info["method"] == "exact" and g.info["recall_at_k"] == 1.0


def test_exact_knn_breaks_ties_by_lower_index():
    x = np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    idx, _ = exact_knn(prepare_vectors(x), 2)
    assert idx.tolist() == [[1, 2], [0, 2], [0, 1], [0, 1], [0, 1]]


def test_exact_knn_of_chosen_rows_equals_all_rows():
    x = prepare_vectors(np.random.default_rng(1).normal(size=(300, 5)))
    rows = np.array([0, 7, 299, 150])
    full = exact_knn(x, 9)
    part = exact_knn(x, 9, rows=rows)
    assert np.array_equal(part[0], full[0][rows]) and np.array_equal(part[1], full[1][rows])
    # points along an arc: each one's nearest are the previous and the next, which a block must not skip
    arc = prepare_vectors(np.column_stack([np.cos(np.arange(300) / 400), np.sin(np.arange(300) / 400)]))
    rows = np.arange(1, 300)
    part, full = exact_knn(arc, 2, rows=rows), exact_knn(arc, 2)
    assert np.array_equal(part[0], full[0][rows]) and set(part[0][10].tolist()) == {10, 12}


@pytest.mark.parametrize("scale", [1e-300, 1e200])
def test_cosine_knn_is_scale_free_at_the_float_limits(scale):
    """Cosine ignores scale: tiny or huge vectors give the same graph, no overflow to 0 or NaN."""
    rng = np.random.default_rng(5)
    x = rng.normal(size=(40, 6))
    row_scale = scale * rng.uniform(0.5, 2.0, size=(40, 1))
    options = VectorOptions(top_k=5, min_similarity=0.1, method="exact")
    with np.errstate(all="raise"):
        scaled = knn_graph(x * row_scale, options)
    plain = knn_graph(x, options)
    assert links_of(scaled) == links_of(plain)
    np.testing.assert_allclose(scaled.similarity, plain.similarity, rtol=1e-12)


def test_inner_product_keeps_magnitudes_and_refuses_overflow():
    x = np.array([[1.0, 0.0], [0.9, 0.1], [5.0, 5.0]])
    ip = knn_graph(x, VectorOptions(top_k=1, min_similarity=-10.0, method="exact", metric="inner_product"))
    cos = knn_graph(x, VectorOptions(top_k=1, min_similarity=-1.0, method="exact", metric="cosine"))
    # the long vector wins the inner products; [5, 5] ties between 5 = 5 and takes the lower index
    assert sorted(links_of(ip)) == [(0, 2), (1, 2), (2, 0)] and ip.similarity.tolist() == [5.0, 5.0, 5.0]
    assert sorted(links_of(cos)) == [(0, 1), (1, 0), (2, 1)]
    with pytest.raises(Exception) as err:
        knn_graph(np.array([[1e200, 0.0], [1e200, 1.0]]), VectorOptions(metric="inner_product", top_k=1))
    assert err.value.field == "vectors"


def test_float32_and_float64_give_the_same_graph_and_clusters():
    """Where no two neighbours are within float32 noise of each other, both precisions agree exactly on the
    links and the clusters; similarities agree to float32 precision."""
    x, truth = planted(40, 5, 16, 0.3, seed=2)
    options = dict(top_k=8, min_similarity=0.0, method="exact")
    g64 = knn_graph(x, VectorOptions(**options, dtype="float64"))
    g32 = knn_graph(x.astype(np.float32), VectorOptions(**options))
    assert g32.info["dtype"] == "float32" and g64.info["dtype"] == "float64"
    assert np.array_equal(g64.source, g32.source) and np.array_equal(g64.target, g32.target)
    np.testing.assert_allclose(g32.similarity, g64.similarity, atol=1e-6)
    a = cluster_vectors(x, VectorOptions(**options, dtype="float64"))
    b = cluster_vectors(x, VectorOptions(**options, dtype="float32"))
    assert [c["members"] for c in a["clusters"]] == [c["members"] for c in b["clusters"]]
    assert a["num_clusters"] == b["num_clusters"] and b["codelength"] == pytest.approx(a["codelength"], rel=1e-6)


def brute_force_recall(x, indices, rows, k):
    """Recall@k of ``indices`` on ``rows`` from brute force in float64: the fraction of found neighbours at
    least as similar as the exact k-th (ties, equal to 1e-9, are hits)."""
    x64 = x.astype(np.float64)
    sims = x64[rows] @ x64.T
    sims[np.arange(len(rows)), rows] = -np.inf
    kth = -np.sort(-sims, axis=1)[:, k - 1:k]
    found = np.einsum("skd,sd->sk", x64[indices[rows]], x64[rows])
    return np.minimum(k, (found >= kth - 1e-9 * np.maximum(1, np.abs(kth))).sum(axis=1)).mean() / k


@pytest.mark.parametrize("metric", ["cosine", "inner_product"])
def test_approximate_knn_against_exact(metric):
    """The IVF search finds (nearly) the exact neighbours on small inputs, and the recall it reports is the
    true one on its sample (recomputed here from brute force)."""
    x, _ = planted(150, 8, 24, 0.6, seed=3)
    xp = prepare_vectors(x.astype(np.float32), metric)
    search = approximate_knn(xp, 15, recall_target=0.95, seed=0, recall_sample=300)
    exact_idx, _ = exact_knn(xp, 15)
    hits = [len(set(a) & set(b)) / 15 for a, b in zip(search.indices.tolist(), exact_idx.tolist())]
    assert np.mean(hits) >= 0.95 and search.recall_at_k >= 0.95
    sample = np.sort(np.random.default_rng(0).choice(len(x), 300, replace=False))
    assert search.recall_at_k == pytest.approx(brute_force_recall(xp, search.indices, sample, 15), abs=1e-12)
    assert not np.any(search.indices == np.arange(len(x))[:, None])        # never a vector's own index
    assert search.details["index"].startswith("IVF") and 1 <= search.details["nprobe"] <= search.details["nlist"]


def test_approximate_search_scans_the_fewest_lists_that_reach_the_recall_target():
    """nprobe doubles from 1 until the sample's recall reaches the target, then bisects down to within 1/8 of
    the smallest that does; the recall never falls as nprobe grows; the recall reported is the one of the
    lists returned (brute force)."""
    x = prepare_vectors(np.random.default_rng(9).normal(size=(3000, 64)).astype(np.float32))  # no structure
    search = approximate_knn(x, 40, recall_target=0.99, seed=1, recall_sample=200)
    steps, nprobe, nlist = search.details["calibration"], search.details["nprobe"], search.details["nlist"]
    tried = [s["nprobe"] for s in steps]
    first = 4                                          # 76 lists of 39.5 vectors: 4 hold 2 x 41 on average
    doubling = [first << i for i in range(tried.index(max(tried)) + 1)]
    assert nlist == 76 and tried[:len(doubling)] == doubling[:-1] + [min(nlist, doubling[-1])] and len(tried) > 3
    reached = [s["nprobe"] for s in steps if s["recall_at_k"] >= 0.99]
    assert reached and nprobe == min(reached) < nlist
    below = max(p for p in tried if p < nprobe)
    assert nprobe - below <= max(1, nprobe // 8)
    recalls = [s["recall_at_k"] for s in sorted(steps, key=lambda s: s["nprobe"])]
    assert recalls == sorted(recalls) and recalls[0] < 0.9
    rows = np.sort(np.random.default_rng(1).choice(3000, 200, replace=False))
    assert search.recall_at_k == pytest.approx(brute_force_recall(x, search.indices, rows, 40), abs=1e-12)
    assert search.recall_at_k >= 0.99


def test_approximate_knn_is_deterministic_whatever_the_threads():
    """The same vectors and seed give the same neighbours, similarities and nprobe on 1 thread and on 2, twice."""
    x, _ = planted(400, 10, 32, 0.9, seed=7)
    xp = prepare_vectors(x.astype(np.float32))
    runs = [approximate_knn(xp, 12, recall_target=0.97, seed=5, recall_sample=300, threads=t) for t in (1, 2, 2)]
    for other in runs[1:]:
        assert np.array_equal(runs[0].indices, other.indices)
        assert np.array_equal(runs[0].similarities, other.similarities)
        assert other.details["nprobe"] == runs[0].details["nprobe"] and other.recall_at_k == runs[0].recall_at_k
    another_seed = approximate_knn(xp, 12, recall_target=0.97, seed=6, recall_sample=300)
    assert another_seed.details["calibration"] != runs[0].details["calibration"]   # the seed is used


def test_progress_counts_each_chunk_and_chunks_change_nothing(monkeypatch):
    """Added and searched in chunks of 128 rows, the index gives the lists of one chunk; progress is called
    once per step, 1 .. approximate_steps(n)."""
    x, _ = planted(100, 7, 16, 0.5, seed=8)
    xp = prepare_vectors(x.astype(np.float32))
    whole = approximate_knn(xp, 9, recall_target=0.95, seed=2, recall_sample=200)
    monkeypatch.setattr(ann, "ROWS_PER_STEP", 128)
    calls = []
    chunked = approximate_knn(xp, 9, recall_target=0.95, seed=2, recall_sample=200, progress=calls.append)
    assert np.array_equal(whole.indices, chunked.indices) and np.array_equal(whole.similarities, chunked.similarities)
    assert approximate_steps(700) == 2 + 2 * 6 and calls == list(range(1, approximate_steps(700) + 1))


@pytest.mark.parametrize("method", ["exact", "approximate"])
def test_cluster_vectors_reports_progress_up_to_its_total(method):
    x, _ = planted(60, 5, 12, 0.3, seed=2)
    options = VectorOptions(top_k=6, min_similarity=0.0, method=method)
    calls = []
    payload = cluster_vectors(x, options, progress=lambda done, total: calls.append((done, total)))
    total = progress_total(len(x), options)
    assert total == (exact_steps(300) if method == "exact" else approximate_steps(300)) + 1
    assert calls == [(i, total) for i in range(1, total + 1)]
    assert payload == cluster_vectors(x, options) | {"metadata": payload["metadata"]}


def test_exact_knn_reports_each_block():
    x = prepare_vectors(planted(20, 5, 6, 0.3, seed=1)[0])
    blocks = []
    exact_knn(x, 4, max_block_entries=100 * 7, progress=blocks.append)
    assert blocks == list(range(1, 16))                # 100 rows in blocks of 7


def test_clustering_twice_gives_the_same_answer():
    x, _ = planted(200, 6, 24, 0.8, seed=11)
    options = VectorOptions(top_k=10, min_similarity=0.0, method="approximate", seed=17)
    a, b = cluster_vectors(x.astype(np.float32), options), cluster_vectors(x.astype(np.float32), options)
    assert a["clusters"] == b["clusters"] and a["codelength"] == b["codelength"]
    assert {k: v for k, v in a["metadata"]["knn"].items() if not k.endswith("seconds")} == \
        {k: v for k, v in b["metadata"]["knn"].items() if not k.endswith("seconds")}


def test_approximate_and_exact_find_the_same_planted_clusters():
    """At recall 1 the approximate graph is the exact one (the same clusters and codelength); at the default
    target (0.95) it misses a few neighbours and still finds the planted clusters, never mixing two."""
    x, truth = planted(100, 6, 32, 0.15, seed=5)
    options = dict(top_k=10, min_similarity=0.0)
    exact = cluster_vectors(x, VectorOptions(**options, method="exact"))
    complete = cluster_vectors(x, VectorOptions(**options, method="approximate", recall_target=1.0))
    approx = cluster_vectors(x, VectorOptions(**options, method="approximate"))
    assert complete["metadata"]["knn"]["method"] == "approximate" and exact["metadata"]["knn"]["method"] == "exact"
    assert complete["metadata"]["knn"]["recall_at_k"] == 1.0
    assert [sorted(c["members"]) for c in complete["clusters"]] == [sorted(c["members"]) for c in exact["clusters"]]
    assert complete["codelength"] == pytest.approx(exact["codelength"], rel=1e-6)
    assert 0.95 <= approx["metadata"]["knn"]["recall_at_k"] < 1.0
    for payload in (exact, approx):
        for cluster in payload["clusters"]:          # pure: never two planted clusters in one
            assert len({int(truth[int(m)]) for m in cluster["members"]}) == 1
        assert sum(c["size"] for c in payload["clusters"][:6]) >= 0.95 * len(x)


def test_auto_method_switches_at_the_threshold():
    x, _ = planted(30, 3, 8, 0.2, seed=6)
    small = knn_graph(x, VectorOptions(top_k=5), exact_max_vectors=90)
    large = knn_graph(x, VectorOptions(top_k=5), exact_max_vectors=89)
    assert small.info["method"] == "exact" and large.info["method"] == "approximate"
    assert large.info["dtype"] == "float32" and large.info["library"].startswith("faiss-cpu")


def test_cost_counts_the_derived_links():
    cost = estimate_vector_cost(10_000, 1, 1000)
    assert cost.links == 10_000 * 1000 and cost.method == "exact"
    assert estimate_vector_cost(5, 3, 1000).links == 20                     # top_k is capped at n - 1
    assert estimate_vector_cost(1_000_000, 128, 40).method == "approximate"


# --- over HTTP ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("v"), dask_workers=1, dask_processes=False,
                        max_sync_vectors=500, max_sync_links=100_000, max_body_bytes=2_000_000)
    with TestClient(create_app(settings)) as c:
        yield c


def test_clusters_of_planted_directions(client):
    x, _ = planted(25, 4, 16, 0.05, seed=0)
    labels = [f"g{i // 25}-{i % 25}" for i in range(100)]
    data = client.post("/v1/cluster/vectors", json={"vectors": x.tolist(), "labels": labels, "top_k": 10}).json()
    assert data["num_clusters"] == 4
    for cluster in data["clusters"]:
        assert len({m.split("-")[0] for m in cluster["members"]}) == 1 and cluster["size"] == 25
    assert data["graph"]["nodes"] == 100 and data["graph"]["links"] == 1000 and data["graph"]["directed"]
    assert data["metadata"]["knn"]["method"] == "exact" and data["metadata"]["knn"]["metric"] == "cosine"


@pytest.mark.parametrize("body,field", [
    ({"vectors": [[1, 0], [0]]}, "vectors"),
    ({"vectors": [[0, 0], [1, 0]]}, "vectors"),
    ({"vectors": [[1, 0], [0, 1]], "labels": ["a"]}, "labels"),
    ({"vectors": [[1, 0], [0, 1]], "min_similarity": 0.9}, "min_similarity"),
    ({"vectors": [[1, 0], [0, 1]], "min_similarity": 1.5}, "min_similarity"),
    ({"vectors": [[1, 0], [0, 1]], "metric": "euclidean"}, "metric"),
    ({"vectors": [[1, 0], [0, 1]], "method": "lsh"}, "method"),
    ({"vectors": [[1, 0], [0, 1]], "recall_target": 0}, "recall_target"),
    ({"vectors": [[1, 0]] * 501}, "vectors"),
], ids=["ragged", "zero-vector", "labels", "no-links", "cosine-above-1", "metric", "method", "recall", "too-many"])
def test_vector_errors(client, body, field):
    response = client.post("/v1/cluster/vectors", json=body)
    assert_error(response, 413 if len(body["vectors"]) > 500 else 422, field)


def test_inner_product_accepts_similarities_above_one(client):
    body = {"vectors": [[2.0, 0.0], [3.0, 0.0], [0.0, 2.0], [0.0, 3.0]], "metric": "inner_product",
            "min_similarity": 5.0, "top_k": 1}
    data = client.post("/v1/cluster/vectors", json=body).json()
    assert data["graph"]["links"] == 4 and data["num_clusters"] == 2


def test_issue12_derived_links_are_refused_before_work(client, monkeypatch):
    """10,000 one-dimensional vectors with top_k 1000 (an 89 KB body) are 10M kNN links: 413 naming top_k,
    and no kNN work starts."""
    import app.routers.vectors as router

    monkeypatch.setattr(router, "cluster_vectors", lambda *a, **k: pytest.fail("the work started"))
    body = {"vectors": [[float(i % 7 + 1)] for i in range(400)], "top_k": 1000, "min_similarity": -1}
    assert_error(client.post("/v1/cluster/vectors", json=body), 413, "top_k")
    npy = io.BytesIO()
    np.save(npy, np.ones((400, 1)))
    response = client.post("/v1/cluster/vectors/file", files={"file": ("v.npy", npy.getvalue())},
                           data={"top_k": "1000", "min_similarity": "-1"})
    assert_error(response, 413, "top_k")


@pytest.mark.parametrize("seed,directed", [(27, False), (28, True), (33, True)])
def test_issue12_one_module_saves_zero_not_float_noise(client, seed, directed):
    """Vector clustering reported relative_codelength_savings -2.1e-14: one module saves nothing, and the
    endpoint reports the engine's rule (0 within float noise), never a negative saving."""
    x = np.random.default_rng(seed).normal(size=(8, 3))
    body = {"vectors": x.tolist(), "top_k": 7, "min_similarity": -1, "directed": directed}
    data = client.post("/v1/cluster/vectors", json=body).json()
    assert data["num_clusters"] == 1
    assert data["codelength"] == pytest.approx(data["one_level_codelength"], rel=1e-12)
    assert data["relative_codelength_savings"] == 0.0


# --- binary files -------------------------------------------------------------------------------

def npy_bytes(x):
    out = io.BytesIO()
    np.save(out, x)
    return out.getvalue()


def npz_bytes(compressed=False, **arrays):
    out = io.BytesIO()
    (np.savez_compressed if compressed else np.savez)(out, **arrays)
    return out.getvalue()


def arrow_bytes(table, kind):
    sink = pa.BufferOutputStream()
    if kind == "parquet":
        pq.write_table(table, sink)
    else:
        writer = (pa.ipc.new_stream if kind == "stream" else pa.ipc.new_file)(sink, table.schema)
        writer.write_table(table)
        writer.close()
    return sink.getvalue().to_pybytes()


@pytest.fixture(scope="module")
def planted_set():
    x, _ = planted(20, 3, 6, 0.1, seed=8)
    return x, [f"w{i}" for i in range(len(x))]


def _files(x, labels):
    x32 = x.astype(np.float32)
    list_table = pa.table({"label": labels, "vector": pa.array(x32.tolist(), type=pa.list_(pa.float32(), x.shape[1]))})
    column_table = pa.table({**{f"d{j}": x[:, j] for j in range(x.shape[1])}, "label": labels})
    return {
        "npy": (npy_bytes(x), False), "npy-float32": (npy_bytes(x32), False),
        "npz": (npz_bytes(vectors=x, labels=np.array(labels)), True),
        "npz-compressed": (npz_bytes(True, vectors=x, labels=np.array(labels)), True),
        "parquet-list": (arrow_bytes(list_table, "parquet"), True),
        "arrow-stream-columns": (arrow_bytes(column_table, "stream"), True),
        "arrow-file-list": (arrow_bytes(list_table, "file"), True),
        "parquet-varlist": (arrow_bytes(pa.table({"label": labels, "vector": pa.array(x32.tolist(),
                                                 type=pa.list_(pa.float32()))}), "parquet"), True),
    }


@pytest.mark.parametrize("kind", ["npy", "npy-float32", "npz", "npz-compressed", "parquet-list",
                                  "arrow-stream-columns", "arrow-file-list", "parquet-varlist"])
def test_file_gives_the_json_answer(client, planted_set, kind):
    """Every binary form gives the JSON form's clusters; the file name says nothing (format by content)."""
    x, labels = planted_set
    raw, has_labels = _files(x, labels)[kind]
    float32 = kind == "npy-float32" or "list" in kind
    reference = np.asarray(x, dtype=np.float32 if float32 else np.float64)
    json_body = {"vectors": reference.astype(np.float64).tolist(), "top_k": 5, "seed": 3,
                 "dtype": "float32" if float32 else "float64"}
    if has_labels:
        json_body["labels"] = labels
    expected = client.post("/v1/cluster/vectors", json=json_body).json()
    got = client.post("/v1/cluster/vectors/file", files={"file": ("data.bin", raw)}, data={"top_k": "5", "seed": "3"})
    assert got.status_code == 200, got.text
    got = got.json()
    assert got["clusters"] == expected["clusters"] and got["num_clusters"] == expected["num_clusters"] >= 3
    assert got["codelength"] == expected["codelength"]
    assert got["metadata"]["knn"]["dtype"] == ("float32" if float32 else "float64")


@pytest.mark.parametrize("raw,status", [
    (b"source target\n1 2\n", 422),
    (b"\x93NUMPY\x01\x00garbage", 422),
    (npy_bytes(np.ones(5)), 422),
    (npy_bytes(np.ones((5, 2)))[:-8], 422),
    (npy_bytes(np.array([["a", "b"], ["c", "d"]])), 422),
    (npz_bytes(a=np.ones((3, 2)), b=np.ones((3, 2))), 422),
    (arrow_bytes(pa.table({"label": ["a", "b"], "text": ["x", "y"]}), "stream"), 422),
    (arrow_bytes(pa.table({"v": pa.array([[1.0, 2.0], [1.0]], type=pa.list_(pa.float64()))}), "parquet"), 422),
    (npy_bytes(np.ones((501, 2))), 413),
    (npz_bytes(True, vectors=np.zeros((100_000, 4))), 413),                 # 3 KB, inflates to 3.2 MB
    (npz_bytes(True, vectors=np.zeros((10, 4)), labels=np.zeros(30_000_000, dtype="U1")), 413),   # labels bomb
    (npz_bytes(True, vectors=np.zeros((10, 3_000_000))), 413),              # few vectors, huge dimension
    (arrow_bytes(pa.table({"v": pa.array([np.zeros(200_000).tolist()] * 10, type=pa.list_(pa.float64()))}),
                 "parquet"), 413),                                           # parquet lists inflate
], ids=["text", "bad-npy-header", "1-d", "truncated", "strings", "two-arrays", "no-vector-columns", "ragged-lists",
        "too-many",
        "npz-bomb", "npz-labels-bomb", "npz-wide", "parquet-bomb"])
def test_file_errors(client, raw, status):
    response = client.post("/v1/cluster/vectors/file", files={"file": ("v.npy", raw)})
    assert_error(response, status, "file")


def test_file_options_are_validated_as_form_fields(client):
    raw = npy_bytes(np.eye(3))
    response = client.post("/v1/cluster/vectors/file", files={"file": ("v.npy", raw)}, data={"metric": "l2"})
    assert_error(response, 422, "metric")


def wordllama_embeddings(rows):
    """The first ``rows`` token embeddings [32000, 256] float16 that the wordllama wheel ships (real data that
    nobody here made), read as safetensors with numpy."""
    import importlib.resources
    import json
    import struct

    raw = (importlib.resources.files("wordllama") / "weights" / "l2_supercat_256.safetensors").read_bytes()
    size = struct.unpack("<Q", raw[:8])[0]
    meta = json.loads(raw[8:8 + size])["embedding.weight"]
    start, _ = meta["data_offsets"]
    x = np.frombuffer(raw, dtype=np.float16, offset=8 + size + start, count=32000 * 256).reshape(32000, 256)
    x = x[:rows].astype(np.float32)
    return x[np.any(x != 0, axis=1)]


def test_approximate_knn_on_real_word_embeddings():
    """On real token embeddings (harder than planted clusters) the search widens until its sampled recall
    reaches the target, and that recall holds on every row (brute force)."""
    x = prepare_vectors(wordllama_embeddings(4000))
    search = approximate_knn(x, 20, recall_target=0.97, seed=0, recall_sample=400)
    exact_idx, exact_sim = exact_knn(x, 20)
    found = np.einsum("nkd,nd->nk", x[search.indices].astype(np.float64), x.astype(np.float64))
    true_recall = np.minimum(20, (found >= exact_sim[:, -1:] - 1e-5).sum(axis=1)).mean() / 20
    assert search.recall_at_k >= 0.97 and true_recall >= 0.96


def test_approximate_float64_reports_float64_similarities():
    x, _ = planted(40, 3, 8, 0.2, seed=4)
    g = knn_graph(x, VectorOptions(top_k=5, min_similarity=-1.0, method="approximate", dtype="float64"))
    xn = x / np.linalg.norm(x, axis=1, keepdims=True)
    assert g.info["dtype"] == "float64"
    np.testing.assert_allclose(g.similarity, np.clip((xn[g.source] * xn[g.target]).sum(axis=1), 0, 1),
                               rtol=1e-13, atol=1e-15)


def test_ragged_vectors_are_a_field_error_in_the_service_layer():
    """The job task calls the service layer without the router's checks: ragged rows are still a 422."""
    with pytest.raises(Exception) as err:
        cluster_vectors([[1.0, 0.0], [0.0]], VectorOptions())
    assert err.value.field == "vectors" and "rectangular" in str(err.value)
