"""Distributed infomap jobs (issue 16): ``{"kind": "infomap", "distributed": true, "path": ...}`` reads
a link-list file under ``MAPEQ_SHARED_DATA_DIR`` on the workers of the embedded cluster (never sent,
never gathered), and nothing outside that directory can be named."""

from __future__ import annotations

import numpy as np
import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from infomap_core import InfomapOptions, compute_flow, run_infomap
from infomap_core.io import read_network
from infomap_core.mapequation import two_level_codelength

from engine.networks import lfr
from engine.oracle import codelength_of, official
from .test_api import assert_error
from .test_job_bodies import wait_for


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """The shared directory with an LFR graph (n=1000, mu=0.3) in a sub-directory, and a file
    beside the directory (outside it) that a job must not be able to name."""
    root = tmp_path_factory.mktemp("shared")
    net, _ = lfr(1000, 0.3)
    src, tgt, _ = net.to_coo()
    (root / "graphs").mkdir()
    rng = np.random.default_rng(2)
    with open(root / "graphs" / "lfr.txt", "w") as f:
        for a, b, w in zip(net.node_ids[src].tolist(), net.node_ids[tgt].tolist(), rng.integers(1, 3, src.shape[0])):
            f.write(f"{a} {b} {w}\n")
    outside = root.parent / "outside.txt"
    outside.write_text("1 2\n2 3\n")
    (root / "escape.txt").symlink_to(outside)
    return root


@pytest.fixture(scope="module")
def client(shared, tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("distributed-jobs"), dask_workers=2, dask_processes=False,
                        warmup=False, job_poll_interval=0.05, work_processes=0, shared_data_dir=shared)
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.mark.parametrize("directed", [False, True])
def test_a_distributed_job_reads_the_shared_file_on_the_workers(client, shared, directed):
    """The job's partition is scored exactly (our map equation and the official's, 1e-9) and is
    within 1% of the in-process search; the levels searched on the workers are reported."""
    body = {"kind": "infomap", "distributed": True, "path": "graphs/lfr.txt", "two_level": True, "seed": 3,
            "directed": directed}
    job = client.post("/v1/jobs", json=body)
    assert job.status_code == 202, job.text
    assert job.json()["progress"]["total"] == 1
    done = wait_for(client, job.json()["id"], timeout=600)
    assert done["status"] == "succeeded", done["error"]
    assert done["progress"]["done"] == 1
    result = client.get(f"/v1/jobs/{job.json()['id']}/result").json()
    assert result["flow_model"] == ("directed" if directed else "undirected")
    assert result["distributed"]["levels"] == []  # 1000 nodes fit the finishing worker: no rounds needed
    net = read_network(shared / "graphs" / "lfr.txt", directed=directed)
    partition = {int(k): v for k, v in result["modules"].items()}
    assert set(partition) == set(net.node_ids.tolist())
    modules = np.array([partition[int(i)] for i in net.node_ids])
    assert two_level_codelength(compute_flow(net), modules).codelength == pytest.approx(result["codelength"],
                                                                                        rel=1e-9)
    assert codelength_of(official(net, partition=partition)) == pytest.approx(result["codelength"], rel=1e-9)
    ours = run_infomap(net, InfomapOptions(two_level=True, seed=3, directed=directed))
    assert result["codelength"] <= ours.codelength * 1.01


@pytest.mark.parametrize("change, field", [
    ({"path": "../outside.txt"}, "path"),                       # out of the directory
    ({"path": "/etc/passwd"}, "path"),                          # an absolute server path
    ({"path": "escape.txt"}, "path"),                           # a link inside that leads out
    ({"path": "graphs/missing.txt"}, "path"),
    ({"path": "graphs"}, "path"),                               # a directory
    ({"path": "x" * 5000}, "path"),                             # a name the system refuses
    ({"path": "nul\x00byte"}, "path"),
    ({"path": None}, "path"),
    ({"edges": [[1, 2]]}, "edges"),                             # the network comes from the file only
    ({"distributed": False}, "path"),                           # path without distributed
    ({"num_trials": 2}, "num_trials"),
    ({"markov_time": 2.0}, "distributed"),
])
def test_a_distributed_job_is_refused_with_the_field_named(client, change, field):
    body = {"kind": "infomap", "distributed": True, "path": "graphs/lfr.txt", "two_level": True, **change}
    body = {k: v for k, v in body.items() if v is not None}
    assert_error(client.post("/v1/jobs", json=body), 422, field)


def test_distributed_jobs_are_off_without_a_shared_directory(tmp_path):
    settings = Settings(data_dir=tmp_path, dask_workers=1, dask_processes=False, warmup=False, work_processes=0)
    with TestClient(create_app(settings)) as c:
        response = c.post("/v1/jobs", json={"kind": "infomap", "distributed": True, "path": "lfr.txt",
                                            "two_level": True})
    assert_error(response, 422, "distributed")
    assert "MAPEQ_SHARED_DATA_DIR" in response.json()["error"]["message"]
