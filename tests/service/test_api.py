"""The REST API over the engine (real app, real engine, in-process over ASGI)."""

import math

import pytest

from service_client import small_service

TWO_TRIANGLES = [[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 6], [6, 4]]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with small_service(tmp_path_factory.mktemp("data"), warmup=True) as c:
        yield c


def assert_error(response, status, field=None):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["message"]
    if field is not None:
        assert body["error"]["field"] is not None and field in body["error"]["field"]


def test_health_ready_version(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready", "store": "ok", "executor": "ok",
                                            "version": client.get("/v1/version").json()["mapeq"]}
    assert client.get("/v1/version").json()["mapeq"]


@pytest.mark.parametrize("body", [
    {"edges": TWO_TRIANGLES},
    {"links": [{"source": a, "target": b} for a, b in TWO_TRIANGLES]},
    {"edges": [[f"n{a}", f"n{b}", 1.0] for a, b in TWO_TRIANGLES]},
    {"sparse": {"shape": [6, 6], "row": [a - 1 for a, _ in TWO_TRIANGLES], "col": [b - 1 for _, b in TWO_TRIANGLES],
                "data": [1.0] * 7}, "directed": False},
    {"adjacency": [[1.0 if (i + 1, j + 1) in {tuple(e) for e in TWO_TRIANGLES} or (j + 1, i + 1) in
                    {tuple(e) for e in TWO_TRIANGLES} else 0.0 for j in range(6)] for i in range(6)]},
], ids=["edges", "links", "string-ids", "sparse", "adjacency"])
def test_every_network_form_gives_the_two_triangles_answer(client, body):
    response = client.post("/v1/infomap", json={**body, "two_level": True})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["codelength"] == pytest.approx(2.320730, abs=5e-7)
    assert data["one_level_codelength"] == pytest.approx(2.556657, abs=5e-7)
    assert data["num_modules"] == 2 and len(data["modules"]) == 6
    assert len(data["metadata"]["input_sha256"]) == 64


def test_multilevel_default_returns_tree_and_flow(client):
    response = client.post("/v1/infomap", json={"edges": TWO_TRIANGLES, "include_flow": True})
    data = response.json()
    assert data["num_levels"] == 2 and data["tree"]["children"]
    assert sum(data["node_flow"].values()) == pytest.approx(1.0)


def test_karate_file_upload(client):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "infomap_core" / "data" / "karate.net").read_bytes()
    response = client.post("/v1/infomap/file", files={"file": ("karate.net", text)},
                           data={"two_level": "true", "num_trials": "5"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["codelength"] == pytest.approx(4.311793, abs=1e-6) and data["num_modules"] == 3


def test_official_json_network_file_upload(client):
    """The official's infomap-network JSON format, detected by content like the text formats;
    a bad document is a 4xx naming the file and the document's field."""
    import json

    doc = {"format": "infomap-network", "version": "1.0",
           "nodes": [{"id": 1, "name": "Alice"}],
           "edges": [{"source": a, "target": b} for a, b in TWO_TRIANGLES]}
    response = client.post("/v1/infomap/file", files={"file": ("net.json", json.dumps(doc).encode())},
                           data={"two_level": "true"})
    assert response.status_code == 200, response.text
    assert response.json()["codelength"] == pytest.approx(2.320730, abs=1e-6)
    doc["edges"][2] = {"source": 3, "target": -1}
    response = client.post("/v1/infomap/file", files={"file": ("net.json", json.dumps(doc).encode())})
    assert response.status_code == 422, response.text
    assert "edges[2].target" in response.text and '"file"' in response.text


def test_codelength_with_breakdown(client):
    response = client.post("/v1/codelength", json={
        "edges": TWO_TRIANGLES, "partition": {"1": 1, "2": 1, "3": 1, "4": 2, "5": 2, "6": 2}})
    data = response.json()
    assert data["codelength"] == pytest.approx(2.320730, abs=5e-7)
    assert len(data["modules"]) == 2
    assert sum(m["flow"] for m in data["modules"]) == pytest.approx(1.0)
    assert data["modules"][0]["exit"] == pytest.approx(1 / 14)


def test_codelength_of_tree_paths(client):
    response = client.post("/v1/codelength", json={
        "edges": TWO_TRIANGLES, "partition": {"1": "1:1", "2": "1:2", "3": "1:3", "4": "2:1", "5": "2:2", "6": "2:3"}})
    assert response.json()["codelength"] == pytest.approx(2.320730, abs=5e-7)


@pytest.mark.parametrize("body,field", [
    ({"edges": [[1, 2, float("nan")]]}, "body"),  # NaN is not JSON: refused by the parser
    ({"edges": [[1, 2, -1.0]]}, "edges"),
    ({"edges": [[1, 2, 1.0, 4]]}, "edges"),
    ({"edges": []}, "edges"),
    ({"adjacency": [[0, 1], [1]]}, "adjacency"),
    ({"adjacency": [[0, 1, 1], [1, 0, 1]]}, "adjacency"),
    ({"sparse": {"shape": [2, 3], "row": [0], "col": [1], "data": [1.0]}}, "sparse"),
    ({"edges": [[1, 2]], "links": [{"source": 1, "target": 2}]}, "links"),
    ({}, "edges"),
    ({"edges": [[1, 2]], "teleportation_probability": 1.5}, "teleportation_probability"),
    ({"edges": [[1, 2]], "unknown_option": 1}, "unknown_option"),
], ids=["nan", "negative", "width", "empty", "ragged", "non-square", "sparse-shape", "two-forms", "no-form",
        "bad-option", "unknown-field"])
def test_invalid_networks_are_422_naming_the_field(client, body, field):
    import json

    response = client.post("/v1/infomap", content=json.dumps(body, allow_nan=True),
                           headers={"content-type": "application/json"})
    assert_error(response, 422, field)


def test_unknown_node_in_partition_is_422(client):
    response = client.post("/v1/codelength", json={"edges": TWO_TRIANGLES, "partition": {"1": 1, "99": 2}})
    assert_error(response, 422, "partition")
    assert "99" in response.json()["error"]["message"]


def test_sync_size_limit_points_to_jobs(client):
    edges = [[i, i + 1] for i in range(1500)]
    response = client.post("/v1/infomap", json={"edges": edges})
    assert_error(response, 413, "edges")
    assert "/v1/jobs" in response.json()["error"]["message"]


def test_body_limit_is_413(client):
    response = client.post("/v1/infomap", content=b"[" + b"1," * 150_000 + b"1]",
                           headers={"content-type": "application/json"})
    assert_error(response, 413)


def test_unknown_route_is_404_with_error_body(client):
    assert_error(client.get("/v1/nope"), 404)


@pytest.mark.parametrize("method,path,allow", [
    ("GET", "/v1/infomap", "POST"),
    ("PUT", "/v1/jobs", "GET, POST"),
    ("POST", "/v1/jobs/abc", "DELETE, GET"),
])
def test_wrong_method_is_405_with_allow_and_error_body(client, method, path, allow):
    response = client.request(method, path)
    assert_error(response, 405)
    assert response.headers["allow"] == allow


def test_same_seed_same_answer(client):
    body = {"edges": TWO_TRIANGLES + [[6, 7], [7, 8], [8, 6]], "seed": 5, "num_trials": 3}
    a, b = client.post("/v1/infomap", json=body).json(), client.post("/v1/infomap", json=body).json()
    assert a["modules"] == b["modules"] and a["trial_codelengths"] == b["trial_codelengths"]
    assert not math.isnan(a["codelength"])


def test_api_error_round_trips_through_pickle():
    import pickle

    from app.errors import ApiError

    copy = pickle.loads(pickle.dumps(ApiError(422, "invalid_vectors", "ragged rows", field="vectors")))
    assert (copy.status, copy.code, copy.message, copy.field) == (422, "invalid_vectors", "ragged rows", "vectors")
