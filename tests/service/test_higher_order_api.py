"""REST: state, multilayer and bipartite networks in /v1/infomap and /v1/codelength.

The numbers are the official Infomap's on the same networks (its example files): codelength
of the found partition (the conftest re-scores every result with the official too) and the
overlapping physical membership.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import infomap
import pytest

from service_client import small_service
from shared_data import examples_dir

# the official example networks: shared/ beside the checkout, or $SHARED_DIR (as tests/cli/conftest.py)
EXAMPLES = examples_dir()
INTRA = [[1, 1, 4], [1, 4, 1], [1, 1, 5], [1, 5, 1], [1, 4, 5], [1, 5, 4],
         [2, 1, 2], [2, 2, 1], [2, 1, 3], [2, 3, 1], [2, 2, 3], [2, 3, 2]]  # multilayer_intra.net


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with small_service(tmp_path_factory.mktemp("data")) as c:
        yield c


def _official_codelength(name: str, flags: str = "") -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent --num-trials 5 {flags}")
        im.read_file(str(EXAMPLES / f"{name}.net"))
        im.run()
        return float(im.codelength)


def test_intra_multilayer_body_gives_overlapping_physical_modules(client):
    response = client.post("/v1/infomap", json={"layers": {"intra": INTRA}, "num_trials": 5})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["codelength"] == pytest.approx(_official_codelength("multilayer_intra"), rel=1e-9)
    assert len(body["states"]) == 6 and {s["layer_id"] for s in body["states"].values()} == {1, 2}
    assert len(body["physical_modules"]["1"]) == 2  # node i is in a module of each layer
    assert sum(m["flow"] for ms in body["physical_modules"].values() for m in ms) == pytest.approx(1.0)


def test_relax_rate_changes_the_result_as_the_official(client):
    response = client.post("/v1/infomap", json={"layers": {"intra": INTRA, "relax_rate": 0.3}, "num_trials": 5})
    assert response.json()["codelength"] == pytest.approx(
        _official_codelength("multilayer_intra", "--multilayer-relax-rate 0.3"), rel=1e-9)


@pytest.mark.parametrize("layers, flags", [({"relax_by_jsd": True}, "--multilayer-relax-by-jsd"),
                                           ({"relax_to_self": True}, "--multilayer-relax-to-self"),
                                           ({"relax_by_jsd": True, "relax_to_self": True, "relax_rate": 0.4},
                                            "--multilayer-relax-by-jsd --multilayer-relax-to-self "
                                            "--multilayer-relax-rate 0.4")])
def test_relax_by_jsd_and_to_self_as_the_official(client, layers, flags):
    response = client.post("/v1/infomap", json={"layers": {"intra": INTRA, **layers}, "num_trials": 5,
                                                "include_flow": True})
    assert response.status_code == 200, response.text
    assert response.json()["codelength"] == pytest.approx(_official_codelength("multilayer_intra", flags), rel=1e-9)


def test_bipartite_teleportation_and_hidden_feature_nodes(client):
    edges = [[1, 5, 1], [5, 2, 1], [2, 6, 2], [6, 1, 1], [3, 6, 1], [6, 3, 0.5], [3, 7, 1], [7, 4, 1], [4, 5, 1],
             [5, 1, 0.5]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap("--silent --num-trials 5 --directed --bipartite-teleportation")
        for e in edges:
            im.add_link(*e)
        im.bipartite_start_id = 5
        im.run()
    response = client.post("/v1/infomap", json={"edges": edges, "directed": True, "bipartite_start_id": 5,
                                                "bipartite_teleportation": True, "hide_bipartite_nodes": True,
                                                "include_flow": True, "num_trials": 5})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["codelength"] == pytest.approx(float(im.codelength), rel=1e-9)
    assert sorted(body["modules"]) == sorted(body["node_flow"]) == ["1", "2", "3", "4"]  # features 5-7 hidden
    assert sum(body["node_flow"].values()) == pytest.approx(1.0)
    tree = client.post("/v1/infomap", params={"format": "tree"},
                       json={"edges": edges, "directed": True, "bipartite_start_id": 5, "hide_bipartite_nodes": True,
                             "bipartite_teleportation": True})
    assert tree.status_code == 200, tree.text
    assert sorted(line.split()[-1] for line in tree.text.splitlines() if not line.startswith("#")) == [
        "1", "2", "3", "4"]


def test_states_body_equals_the_official_states_example(client):
    links = [[1, 2, 0.8], [1, 3, 0.8], [1, 5, 0.2], [1, 6, 0.2], [2, 1, 1], [2, 3, 1], [3, 1, 1], [3, 2, 1],
             [4, 5, 0.8], [4, 6, 0.8], [4, 2, 0.2], [4, 3, 0.2], [5, 4, 1], [5, 6, 1], [6, 4, 1], [6, 5, 1]]
    states = {"1": 1, "2": 2, "3": 3, "4": 1, "5": 4, "6": 5}
    response = client.post("/v1/infomap", json={"edges": links, "states": states, "num_trials": 5})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["codelength"] == pytest.approx(_official_codelength("states"), rel=1e-9)
    assert body["states"]["4"]["physical_id"] == 1
    partition = {k: v["module"] for k, v in body["states"].items()}
    scored = client.post("/v1/codelength", json={"edges": links, "states": states, "partition": partition})
    assert scored.status_code == 200, scored.text
    assert scored.json()["codelength"] == pytest.approx(body["codelength"], rel=1e-12)


def test_bipartite_body_equals_the_official_example(client):
    edges = [[1, 4, 1], [2, 4, 1], [2, 5, 0.25], [3, 5, 1]]
    response = client.post("/v1/infomap", json={"edges": edges, "bipartite_start_id": 4, "num_trials": 5})
    assert response.status_code == 200, response.text
    assert response.json()["codelength"] == pytest.approx(_official_codelength("bipartite"), rel=1e-9)
    skipped = client.post("/v1/infomap", json={"edges": edges, "bipartite_start_id": 4, "num_trials": 5,
                                               "skip_adjust_bipartite_flow": True})
    assert skipped.json()["codelength"] == pytest.approx(
        _official_codelength("bipartite", "--skip-adjust-bipartite-flow"), rel=1e-9)


def test_higher_order_file_upload(client):
    response = client.post("/v1/infomap/file", files={"file": ("m.net", (EXAMPLES / "multilayer.net").read_bytes())},
                           data={"num_trials": "5"})
    assert response.status_code == 200, response.text
    assert response.json()["codelength"] == pytest.approx(_official_codelength("multilayer"), rel=1e-9)


@pytest.mark.parametrize("body, field", [
    ({"edges": [[1, 2], [2, 3]], "states": {"1": 1, "2": 1}}, "edges"),  # link to undeclared state 3
    ({"edges": [[1, 2], [2, 3]], "bipartite_start_id": 9}, "bipartite_start_id"),
    ({"edges": [[1, 2], [2, 3]], "bipartite_start_id": 3}, "edges"),  # 1-2 joins two primary nodes
    ({"layers": {"intra": [[1, 1, 2]], "inter": [[1, 1, 1]]}}, "layers.inter"),
    ({"layers": {"intra": [[-1, 1, 2]]}}, "layers.intra"),
    ({"layers": {"intra": [[1, 1, 2], [2, 1, 3]], "inter": [[1, 1, 5]]}}, "layers.inter"),  # no layer 5
    ({"layers": {"intra": [[1, 1, 2]], "relax_rate": 2}}, "relax_rate"),
    ({"adjacency": [[0, 1], [1, 0]], "states": {"0": 1, "1": 1}}, "states"),
    ({"layers": {"intra": [[1, 1, 2]], "inter": [[1, 1, 2]], "relax_by_jsd": True}}, "layers.relax_by_jsd"),
    ({"layers": {"intra": [[1, 1, 2], [2, 1, 2]], "relax_by_jsd": True, "relax_rate": 1.0}}, "relax_rate"),
    ({"edges": [[1, 3], [2, 3]], "directed": True, "bipartite_start_id": 3, "bipartite_teleportation": True},
     "bipartite_teleportation"),  # no link back from the feature node

    # the official ignores it on state networks; ours scored |T - P| bits on top (a wrong 200)
    ({"edges": [[1, 2], [2, 3]], "states": {"1": 1, "2": 1, "3": 2}, "preferred_number_of_modules": 2},
     "preferred_number_of_modules"),
    ({"layers": {"intra": INTRA}, "preferred_number_of_modules": 3}, "preferred_number_of_modules"),
])
def test_bad_higher_order_body_names_the_field(client, body, field):
    response = client.post("/v1/infomap", json=body)
    assert response.status_code == 422, response.text
    assert field in (response.json()["error"]["field"] or "")


def test_multilayer_job_gives_states_and_a_physical_level_tree(client):
    import time

    job = client.post("/v1/jobs", json={"kind": "infomap", "layers": {"intra": INTRA}, "num_trials": 5}).json()
    deadline = time.monotonic() + 120
    while client.get(f"/v1/jobs/{job['id']}").json()["status"] not in ("succeeded", "failed", "cancelled"):
        assert time.monotonic() < deadline, "job still running"
        time.sleep(0.05)
    result = client.get(f"/v1/jobs/{job['id']}/result").json()
    assert result["codelength"] == pytest.approx(_official_codelength("multilayer_intra"), rel=1e-9)
    assert len(result["physical_modules"]["1"]) == 2
    tree = client.get(f"/v1/jobs/{job['id']}/result", params={"format": "tree"}).text
    assert "# physical level" in tree
    rows = [line.split() for line in tree.splitlines() if not line.startswith("#")]
    assert sorted(int(r[-1]) for r in rows) == [1, 1, 2, 3, 4, 5]  # node i once in each module


def test_bipartite_job_hides_feature_nodes_in_its_files(client):
    import time

    job = client.post("/v1/jobs", json={"kind": "infomap", "edges": [[1, 4, 1], [2, 4, 1], [2, 5, 0.25], [3, 5, 1]],
                                        "bipartite_start_id": 4, "hide_bipartite_nodes": True}).json()
    deadline = time.monotonic() + 120
    while client.get(f"/v1/jobs/{job['id']}").json()["status"] not in ("succeeded", "failed", "cancelled"):
        assert time.monotonic() < deadline, "job still running"
        time.sleep(0.05)
    assert sorted(client.get(f"/v1/jobs/{job['id']}/result").json()["modules"]) == ["1", "2", "3"]
    for fmt, column in (("tree", -1), ("clu", 0)):
        text = client.get(f"/v1/jobs/{job['id']}/result", params={"format": fmt}).text
        assert sorted(line.split()[column] for line in text.splitlines() if not line.startswith("#")) == [
            "1", "2", "3"], fmt
