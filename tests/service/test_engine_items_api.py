"""Issue 12's engine items, seen through the API with the issue's exact requests (the fixes are
in ``infomap_core``; these tests hold the REST behaviour to them): tree path components are
labels, a partition must name every node, ``undirdir`` does not depend on node numbering, and
the relative savings rule when the one-level codelength is 0 or float noise."""

import pytest
from fastapi.testclient import TestClient

from app.main import create_app

from .test_hardening import error_of, make_settings
from .test_jobs import wait_for

TT = [[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 6], [6, 4]]
PATHS = {"1": "1:1", "2": "1:2", "3": "1:3", "4": "2:1", "5": "2:2", "6": "2:3"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(make_settings(tmp_path_factory.mktemp("engine-items"), work_processes=1))) as c:
        yield c


@pytest.mark.parametrize("module", ["99999999999999999999999", "9223372036854775807"])
def test_huge_module_index_in_a_tree_path_is_a_label_not_an_overflow(client, module):
    """The same tree with module 1 renamed to a huge label has the same codelength (no 500)."""
    response = client.post("/v1/codelength", json={"edges": TT, "partition": {**PATHS, "1": f"{module}:1",
                                                                               "2": f"{module}:2",
                                                                               "3": f"{module}:3"}})
    assert response.status_code == 200, response.text
    assert response.json()["codelength"] == pytest.approx(2.320730, abs=5e-7)


def test_huge_module_index_as_a_job_does_not_fail_with_an_internal_error(client):
    job = client.post("/v1/jobs", json={"kind": "codelength", "edges": TT,
                                        "partition": {**PATHS, "1": "99999999999999999999999:1"}})
    assert job.status_code == 202, job.text
    done = wait_for(client, job.json()["id"])
    assert "internal error" not in (done["error"] or "")


def test_sub_index_2_62_minus_1_gives_the_right_codelength(client):
    """The issue's int64 overflow: a leaf rank of 2^62 - 1 must not change the codelength."""
    big = str(2**62 - 1)
    plain = client.post("/v1/codelength", json={"edges": TT, "partition": PATHS}).json()["codelength"]
    response = client.post("/v1/codelength", json={"edges": TT, "partition": {**PATHS, "1": f"1:{big}"}})
    assert response.status_code == 200, response.text
    assert response.json()["codelength"] == pytest.approx(plain, abs=1e-9)


def test_a_partition_that_leaves_a_node_out_is_422_naming_it(client):
    partial = {"1": 1, "2": 1, "3": 1, "4": 2, "5": 2}
    error = error_of(client.post("/v1/codelength", json={"edges": TT, "partition": partial}), 422, "partition")
    assert "6" in error["message"]


def test_undirdir_is_invariant_under_relabelling(client):
    """[[5,2],[2,3],[3,5],[3,4]] and the same network with 5 renamed 1: same codelength (2.0, the official)."""
    a = client.post("/v1/infomap", json={"edges": [[5, 2], [2, 3], [3, 5], [3, 4]], "flow_model": "undirdir"})
    b = client.post("/v1/infomap", json={"edges": [[1, 2], [2, 3], [3, 1], [3, 4]], "flow_model": "undirdir"})
    assert a.status_code == b.status_code == 200
    assert a.json()["codelength"] == pytest.approx(b.json()["codelength"], abs=1e-9)
    assert a.json()["num_modules"] == b.json()["num_modules"]
    assert a.json()["codelength"] == pytest.approx(2.0, abs=1e-9)


def test_savings_of_a_single_arc_are_zero(client):
    response = client.post("/v1/infomap", json={"edges": [[1, 2]], "directed": True})
    assert response.status_code == 200, response.text
    assert response.json()["relative_codelength_savings"] == 0.0


def test_savings_of_vector_clustering_are_never_float_noise_below_zero(client):
    """Eight 2-D vectors, all pairs linked: one module; before the rule the savings were -2.2e-15."""
    vectors = [[0.35, 0.82], [0.33, -1.3], [0.91, 0.45], [-0.54, 0.58], [0.36, 0.29], [0.03, 0.55], [-0.74, -0.16],
               [-0.48, 0.6]]
    response = client.post("/v1/cluster/vectors", json={"vectors": vectors, "top_k": 7, "min_similarity": -1})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["relative_codelength_savings"] >= 0.0
    if data["num_clusters"] == 1:
        assert data["relative_codelength_savings"] == 0.0
