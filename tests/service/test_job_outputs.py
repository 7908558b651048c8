"""A job's output formats are rendered on demand from its stored result, kept once rendered, and
are the bytes of the synchronous render; its request is stored as the bytes sent."""

from __future__ import annotations

import orjson
import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.service.results import RENDERED, render_stored, stored_result
from infomap_core import InfomapOptions, Network, run_infomap
from infomap_core.formats import render

from .test_jobs import karate_edges, settings_for, wait_for

TIMING = ("# started at", "# completed in")


def without_timing(text: str) -> str:
    """The file without its two wall-clock header lines (a job and a later sync run differ only there)."""
    return "\n".join(line for line in text.split("\n") if not line.startswith(TIMING))


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(settings_for(tmp_path_factory.mktemp("outputs")))) as c:
        yield c


@pytest.mark.parametrize("name", RENDERED)
def test_stored_result_renders_the_same_bytes(name):
    """Every format of the slim stored result equals the full result's, byte for byte (a directed
    multilevel network with names, so that .ftree has links at several levels)."""
    import networkx as nx

    graph = nx.les_miserables_graph()
    names = sorted(graph.nodes)
    index = {n: i + 1 for i, n in enumerate(names)}
    edges = [(index[u], index[v], float(d["weight"])) for u, v, d in graph.edges(data=True)]
    network = Network.from_arrays([e[0] for e in edges], [e[1] for e in edges], [e[2] for e in edges],
                                  directed=True, node_names={index[n]: n for n in names})
    result = run_infomap(network, InfomapOptions(num_trials=2, seed=5))
    assert result.num_levels >= 2
    assert render_stored(stored_result(result), name) == render(result, name)


def test_job_formats_are_rendered_on_demand_kept_and_equal_the_sync_render(client):
    body = {"kind": "infomap", "edges": karate_edges(), "num_trials": 3, "seed": 11}
    raw = orjson.dumps(body)
    job = client.post("/v1/jobs", content=raw, headers={"content-type": "application/json"}).json()
    assert wait_for(client, job["id"])["status"] == "succeeded"
    store = client.app.state.jobs
    assert store.request_bytes(job["id"]) == raw  # the body as sent, not a re-serialized model
    assert not any(store.output(job["id"], name) for name in RENDERED)  # nothing rendered eagerly
    result = client.get(f"/v1/jobs/{job['id']}/result").json()
    assert "formats" not in result

    network = Network.from_edges([tuple(e) for e in karate_edges()])
    sync = run_infomap(network, InfomapOptions(num_trials=3, seed=11))
    assert sync.codelength == result["codelength"]
    for name in RENDERED:
        text = client.get(f"/v1/jobs/{job['id']}/result", params={"format": name}).text
        expected = render(sync, name)
        if name in ("csv", "newick"):  # no header: byte for byte
            assert text == expected
        else:  # the header's wall-clock lines (start, duration) are the run's own
            assert without_timing(text) == without_timing(expected) and text.count("\n") == expected.count("\n")
        assert store.output(job["id"], name) == text.encode()  # kept
        again = client.get(f"/v1/jobs/{job['id']}/result", params={"format": name}).text
        assert again == text


def test_formats_of_a_job_without_an_engine_result_are_refused(client):
    job = client.post("/v1/jobs", json={"kind": "codelength", "edges": [[1, 2], [2, 3], [3, 1]],
                                        "partition": {"1": 1, "2": 1, "3": 1}}).json()
    assert wait_for(client, job["id"])["status"] == "succeeded"
    response = client.get(f"/v1/jobs/{job['id']}/result", params={"format": "tree"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "format_unavailable"
    assert response.json()["error"]["field"] == "format"


def test_a_row_stored_before_formats_on_demand_still_serves_them(client):
    """Rows written by the previous version: the request without ``kind`` and every format inside the
    result. Such a job still runs (kind from the row) and its kept formats are served."""
    store = client.app.state.jobs
    old = store.submit("infomap", {"edges": [[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 6], [6, 4]]}, 1)
    assert wait_for(client, old.id)["status"] == "succeeded"
    assert client.get(f"/v1/jobs/{old.id}/result", params={"format": "clu"}).text.endswith("6 2 0.142857143\n")

    import datetime as dt
    import uuid

    from sqlalchemy.orm import Session

    from app.jobs.store import JobRow

    now = dt.datetime.now(dt.timezone.utc)
    job_id = str(uuid.uuid4())
    finished = JobRow(id=job_id, kind="infomap", status="succeeded", progress_done=1, progress_total=1,
                      created_at=now, started_at=now, finished_at=now, attempts=1,
                      result=orjson.dumps({"codelength": 1.0, "formats": {"tree": "# old tree\n"}}))
    with Session(store.engine) as session, session.begin():
        session.add(finished)
    assert client.get(f"/v1/jobs/{job_id}/result", params={"format": "tree"}).text == "# old tree\n"
    assert client.get(f"/v1/jobs/{job_id}/result").json() == {"codelength": 1.0}


INVALID_NETWORKS = [
    {"edges": [[1, 2, -1.0]]},
    {"edges": []},
    {"links": []},
    {"edges": [[1, "a"]]},
    {"edges": [[1, 2]], "nodes": [{"id": "x"}]},
    {"edges": [[1, 2, 3, 4]]},
    {"edges": [[1.5, 2, 1.0]]},
    {"edges": [["a", "b", "heavy"]]},
    {"links": [{"source": 1, "target": 2, "weight": -2.0}]},
    {"links": [{"source": 1, "target": "b"}]},
    {"edges": [[1, 2]], "nodes": [{"id": 1, "weight": -1.0}]},
    {"sparse": {"shape": [2, 2], "row": [0, 5], "col": [1, 0], "data": [1.0, 1.0]}},
    {"sparse": {"shape": [2, 3], "row": [0], "col": [1], "data": [1.0]}},
    {"sparse": {"shape": [2, 2], "row": [0, 1], "col": [1], "data": [1.0]}},
    {"sparse": {"shape": [2, 2], "row": [0], "col": [1], "data": [-1.0]}},
    {"adjacency": [[0, 1], [1]]},
    {"adjacency": [[0, -1], [1, 0]]},
    {"edges": [[1, 2]], "adjacency": [[0, 1], [1, 0]]},
    {"directed": True},
]


@pytest.mark.parametrize("network", INVALID_NETWORKS, ids=lambda n: orjson.dumps(n).decode()[:60])
def test_a_job_refuses_at_submission_what_the_sync_endpoint_refuses(client, network):
    """Checked from its shape at submission (no network built): the same 422, code and field as the
    synchronous endpoint, which builds the network."""
    sync = client.post("/v1/infomap", json=network)
    assert sync.status_code == 422, sync.text
    job = client.post("/v1/jobs", json={"kind": "infomap", **network})
    assert job.status_code == 422, job.text
    assert job.json()["error"]["code"] == sync.json()["error"]["code"]
    assert job.json()["error"]["field"] == sync.json()["error"]["field"]


@pytest.mark.parametrize("vectors", [[], [[1.0, 0.0], [1.0]]], ids=["empty", "ragged"])
def test_a_vectors_job_with_ragged_or_no_rows_is_refused_at_submission(client, vectors):
    sync = client.post("/v1/cluster/vectors", json={"vectors": vectors})
    job = client.post("/v1/jobs", json={"kind": "cluster_vectors", "vectors": vectors})
    assert sync.status_code == job.status_code == 422, job.text
    assert job.json()["error"]["field"] == sync.json()["error"]["field"] == "vectors"
    assert job.json()["error"]["code"] == sync.json()["error"]["code"] == "invalid_vectors"


@pytest.mark.parametrize("name", RENDERED)
def test_stored_result_of_a_multilayer_network_renders_the_same_bytes(name):
    """State networks: the formats read the physical nodes, kept in the stored result."""
    intra = [[layer, a, b] for layer in (1, 2) for a, b in [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]]
    network = Network.from_multilayer(intra=intra, directed=False)
    assert network.is_state_network
    result = run_infomap(network, InfomapOptions(seed=3))
    assert render_stored(stored_result(result), name) == render(result, name)


def test_a_stored_result_is_a_valid_result_of_no_links():
    """The slimmed result a job keeps renders like the full one, and reading its network does
    not read past its arrays (a row pointer into the dropped links crashed ``num_links``)."""
    import pickle

    from infomap_core import Network, run_infomap
    from infomap_core.formats import render

    from app.service.results import stored_result

    net = Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)])
    result = run_infomap(net, two_level=True)
    slim = pickle.loads(stored_result(result))
    assert slim.network.num_nodes == 6 and slim.network.num_links == 0
    for name in ("clu", "tree", "ftree", "csv", "newick"):
        assert render(slim, name) == render(result, name), name
