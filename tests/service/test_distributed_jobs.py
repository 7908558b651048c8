"""Distributed infomap jobs (issue 16): ``{"kind": "infomap", "distributed": true, "path": ...}`` reads
a link-list file under ``MAPEQ_SHARED_DATA_DIR`` on the workers of the embedded cluster (never sent,
never gathered), and nothing outside that directory can be named."""

from __future__ import annotations

import threading
import time

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
                        warmup=False, job_poll_interval=0.05, work_processes=0, shared_data_dir=shared,
                        distributed_finish_units=100)
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.mark.parametrize("directed", [False, True])
def test_a_distributed_job_reads_the_shared_file_on_the_workers(client, shared, directed):
    """The job's partition is scored exactly (our map equation and the official's, 1e-9) and is
    within 1% of the in-process search; the levels searched on the workers (the service's
    distributed_finish_units, 100) and the fine-tune are reported; the job's progress ends at
    its total."""
    body = {"kind": "infomap", "distributed": True, "path": "graphs/lfr.txt", "two_level": True, "seed": 3,
            "directed": directed}
    job = client.post("/v1/jobs", json=body)
    assert job.status_code == 202, job.text
    assert job.json()["progress"]["total"] == 1
    done = wait_for(client, job.json()["id"], timeout=600)
    assert done["status"] == "succeeded", done["error"]
    assert done["progress"]["done"] == done["progress"]["total"] > 3 and "phase" not in done["progress"]
    result = client.get(f"/v1/jobs/{job.json()['id']}/result").json()
    assert result["flow_model"] == ("directed" if directed else "undirected")
    assert result["distributed"]["levels"][0]["units"] == 1000 > result["distributed"]["levels"][0]["modules"]
    assert result["distributed"]["fine_tune"]
    net = read_network(shared / "graphs" / "lfr.txt", directed=directed)
    partition = {int(k): v for k, v in result["modules"].items()}
    assert set(partition) == set(net.node_ids.tolist())
    modules = np.array([partition[int(i)] for i in net.node_ids])
    flow = compute_flow(net, "directed" if directed else "undirected")
    assert two_level_codelength(flow, modules).codelength == pytest.approx(result["codelength"], rel=1e-9)
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
    ({"entropy_corrected": True}, "entropy_corrected"),          # a variant the distributed mode does not run
    ({"flow_model": "rawdir"}, "flow_model"),
    ({"converge": True}, "converge"),
    ({"include_flow": True}, "include_flow"),                   # a result part it does not write
    ({"include_links": True}, "include_links"),
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


def test_markov_time_and_trials_of_a_distributed_job(client, shared):
    """markov_time and num_trials reach the distributed search: the partition is scored exactly at
    that Markov time (our map equation and the official's), every trial is reported."""
    body = {"kind": "infomap", "distributed": True, "path": "graphs/lfr.txt", "two_level": True, "seed": 1,
            "markov_time": 2.0, "num_trials": 2}
    job = client.post("/v1/jobs", json=body)
    assert job.status_code == 202, job.text
    done = wait_for(client, job.json()["id"], timeout=600)
    assert done["status"] == "succeeded", done["error"]
    result = client.get(f"/v1/jobs/{job.json()['id']}/result").json()
    assert result["markov_time"] == 2.0 and result["num_trials"] == 2 and len(result["trial_codelengths"]) == 2
    net = read_network(shared / "graphs" / "lfr.txt")
    partition = {int(k): v for k, v in result["modules"].items()}
    modules = np.array([partition[int(i)] for i in net.node_ids])
    rescored = two_level_codelength(compute_flow(net, markov_time=2.0), modules).codelength
    assert rescored == pytest.approx(result["codelength"], rel=1e-9)
    official_score = codelength_of(official(net, partition=partition, markov_time=2.0))
    assert official_score == pytest.approx(result["codelength"], rel=1e-9)


def test_a_distributed_job_reports_its_phases_and_is_cancelled_between_rounds(client, monkeypatch):
    """The run reports every stage and round as the job's progress (done, a total one step ahead,
    the phase by name). The store's progress write is held at the second round of level 0 while
    the test cancels the job through the API: the run stops there (no later phase is written,
    no result), the job stays cancelled, and the client of the service holds no future of it."""
    runner = client.app.state.runner
    store = runner.store
    write = store.progress
    phases: list[str] = []
    reached, cancelled = threading.Event(), threading.Event()

    def held(job_id, done, attempt, **kwargs):
        phase = kwargs.get("phase")
        if phase == "level 0: round 2" and not reached.is_set():
            reached.set()
            cancelled.wait(60)
        written = write(job_id, done, attempt, **kwargs)
        if written:
            phases.append(phase)
        return written

    monkeypatch.setattr(store, "progress", held)
    body = {"kind": "infomap", "distributed": True, "path": "graphs/lfr.txt", "two_level": True, "seed": 4}
    job_id = client.post("/v1/jobs", json=body).json()["id"]
    assert reached.wait(120), "the run never reached the second round"
    running = client.get(f"/v1/jobs/{job_id}").json()
    assert running["status"] == "running"
    assert running["progress"]["phase"] == "level 0: round 1" == phases[-1]
    assert phases[:2] == ["read", "flow"]
    assert running["progress"]["done"] == len(phases) and running["progress"]["total"] == len(phases) + 1
    assert client.delete(f"/v1/jobs/{job_id}").json()["status"] == "cancelled"
    cancelled.set()
    deadline = time.monotonic() + 60
    while runner._running and time.monotonic() < deadline:  # the job's thread ends
        time.sleep(0.05)
    assert not runner._running
    after = client.get(f"/v1/jobs/{job_id}").json()
    assert after["status"] == "cancelled" and after["progress"]["phase"] == "level 0: round 1"
    assert phases[-1] == "level 0: round 1"  # nothing written after the cancel
    assert_error(client.get(f"/v1/jobs/{job_id}/result"), 409, "job_id")
    deadline = time.monotonic() + 30
    while runner.client.futures and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not runner.client.futures  # the run's futures were released: Dask dropped its tasks and data


@pytest.fixture(scope="module")
def finished(client):
    """A succeeded distributed job (two-level, contracted on the workers): its id and JSON result."""
    job_id = client.post("/v1/jobs", json={"kind": "infomap", "distributed": True, "path": "graphs/lfr.txt",
                                           "two_level": True, "seed": 5}).json()["id"]
    assert wait_for(client, job_id, timeout=600)["status"] == "succeeded"
    return job_id, client.get(f"/v1/jobs/{job_id}/result").json()


def test_a_distributed_job_downloads_as_clu_and_tree(client, shared, finished):
    """clu and tree of a distributed job: every node once, in the JSON's module, with its node
    flow (the in-process flow, 1e-12); the official parser's header lines lead."""
    job_id, result = finished
    net = read_network(shared / "graphs" / "lfr.txt")
    flow = dict(zip(net.node_ids.tolist(), compute_flow(net).node_flow.tolist()))
    clu = client.get(f"/v1/jobs/{job_id}/result", params={"format": "clu"})
    assert clu.status_code == 200, clu.text
    lines = clu.text.splitlines()
    assert lines[0].startswith("# v") and f"# codelength {result['codelength']:.9g} bits" in lines
    rows = [line.split() for line in lines if not line.startswith("#")]
    assert sorted(int(r[0]) for r in rows) == sorted(flow)
    assert all(int(r[1]) == result["modules"][r[0]] for r in rows)
    assert all(float(r[2]) == pytest.approx(flow[int(r[0])], rel=1e-8) for r in rows)
    tree = client.get(f"/v1/jobs/{job_id}/result", params={"format": "tree"})
    assert tree.status_code == 200, tree.text
    rows = [line.split() for line in tree.text.splitlines() if not line.startswith("#")]
    assert sorted(int(r[-1]) for r in rows) == sorted(flow)
    assert all(int(r[0].split(":")[0]) == result["modules"][r[-1]] for r in rows)
    for fmt in ("csv", "newick"):
        assert client.get(f"/v1/jobs/{job_id}/result", params={"format": fmt}).status_code == 200


def test_ftree_of_a_distributed_job_has_the_in_process_module_links(client, shared, finished):
    """The ftree of a distributed job (undirected, two levels): the links between its modules were
    reduced on the workers; the official parser reads it, and its modules (enter and exit flow)
    and the links between them are those our in-process writer gives the same partition of the
    same network (1e-12); the modules' own sections list no node links (never gathered)."""
    from dataclasses import replace

    from infomap_core.formats import render
    from infomap_core.tree import Tree

    from formats.official_parser import assert_same_module_links

    job_id, result = finished
    response = client.get(f"/v1/jobs/{job_id}/result", params={"format": "ftree"})
    assert response.status_code == 200, response.text
    net = read_network(shared / "graphs" / "lfr.txt")
    fg = compute_flow(net)
    modules = np.array([result["modules"][str(i)] for i in net.node_ids.tolist()])
    in_process = run_infomap(net, InfomapOptions(two_level=True, seed=5))
    in_process = replace(in_process, flow=fg, tree=Tree.two_level(fg, modules))
    assert_same_module_links(response.text, render(in_process, "ftree"))


def test_ftree_of_a_distributed_job_without_module_links_says_why_not():
    """A distributed job stored before its module links were kept has no ftree (nothing to list)."""
    from app.service.results import FormatUnavailable, render_stored, stored_result
    from infomap_core import Network
    from infomap_core.formats import render

    result = run_infomap(Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]))
    with pytest.raises(FormatUnavailable, match="links between modules"):
        render_stored(stored_result(result, distributed=True), "ftree")
    assert render_stored(stored_result(result, distributed=True, module_links=True), "ftree") == render(result,
                                                                                                        "ftree")
