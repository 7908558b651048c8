"""Durable jobs on Dask: lifecycle, formats, cancellation, errors and recovery after a stop."""

import datetime as dt
import time

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from infomap_core.io import parse_partition, parse_tree

from .test_api import TWO_TRIANGLES, assert_error

KARATE = None


def karate_edges():
    import networkx as nx

    return [[u + 1, v + 1] for u, v in nx.karate_club_graph().edges()]


def settings_for(tmp_path, **extra) -> Settings:
    return Settings(data_dir=tmp_path, dask_workers=1, dask_processes=False, warmup=True, job_poll_interval=0.05,
                    **extra)


def wait_for(client, job_id, statuses=("succeeded", "failed", "cancelled"), timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}").json()
        if job["status"] in statuses:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} still {job['status']} after {timeout} s")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(settings_for(tmp_path_factory.mktemp("jobs")))) as c:
        yield c


def test_infomap_job_lifecycle_and_every_format(client):
    response = client.post("/v1/jobs", json={"kind": "infomap", "edges": karate_edges(), "two_level": True,
                                             "num_trials": 4, "seed": 3})
    assert response.status_code == 202, response.text
    job = response.json()
    assert response.headers["location"] == f"/v1/jobs/{job['id']}"
    assert job["status"] in ("queued", "running") and job["progress"]["total"] == 4
    done = wait_for(client, job["id"])
    assert done["status"] == "succeeded" and done["progress"] == {"done": 4, "total": 4}
    # Timestamps are ISO 8601 in UTC with their offset, as at submission.
    stamps = [dt.datetime.fromisoformat(done[k]) for k in ("created_at", "started_at", "finished_at")]
    assert all(t.utcoffset() == dt.timedelta(0) for t in stamps) and stamps == sorted(stamps)
    assert done["created_at"] == job["created_at"]
    result = client.get(f"/v1/jobs/{job['id']}/result").json()
    assert result["codelength"] == pytest.approx(4.311793, abs=1e-6) and result["num_modules"] == 3
    assert len(result["trial_codelengths"]) == 4
    sync = client.post("/v1/infomap", json={"edges": karate_edges(), "two_level": True, "num_trials": 4,
                                            "seed": 3}).json()
    assert result["modules"] == sync["modules"] and result["codelength"] == sync["codelength"]
    tree = client.get(f"/v1/jobs/{job['id']}/result", params={"format": "tree"})
    assert tree.headers["content-type"].startswith("text/plain")
    assert len(parse_tree(tree.text)) == 34 and "# codelength 4.31179" in tree.text
    clu = parse_partition(client.get(f"/v1/jobs/{job['id']}/result", params={"format": "clu"}).text)
    assert {str(k): v for k, v in clu.items()} == result["modules"]
    for fmt in ("ftree", "csv", "newick"):
        text = client.get(f"/v1/jobs/{job['id']}/result", params={"format": fmt}).text
        assert text.strip()
    assert_error(client.get(f"/v1/jobs/{job['id']}/result", params={"format": "xml"}), 422, "format")


def test_codelength_and_vectors_jobs(client):
    job = client.post("/v1/jobs", json={"kind": "codelength", "edges": TWO_TRIANGLES,
                                        "partition": {"1": 1, "2": 1, "3": 1, "4": 2, "5": 2, "6": 2}}).json()
    assert wait_for(client, job["id"])["status"] == "succeeded"
    assert client.get(f"/v1/jobs/{job['id']}/result").json()["codelength"] == pytest.approx(2.320730, abs=5e-7)
    vectors = [[1, 0, 0], [0.9, 0.1, 0], [0.95, 0, 0.05], [0, 1, 0], [0.1, 0.9, 0], [0, 0.95, 0.05]]
    job = client.post("/v1/jobs", json={"kind": "cluster_vectors", "vectors": vectors, "top_k": 2}).json()
    assert wait_for(client, job["id"])["status"] == "succeeded"
    clusters = client.get(f"/v1/jobs/{job['id']}/result").json()["clusters"]
    assert sorted(sorted(c["members"]) for c in clusters) == [["0", "1", "2"], ["3", "4", "5"]]


def test_invalid_job_bodies_are_refused_at_submit(client):
    assert_error(client.post("/v1/jobs", json={"kind": "infomap", "edges": [[1, 2, -1.0]]}), 422, "edges")
    assert_error(client.post("/v1/jobs", json={"kind": "nope", "edges": [[1, 2]]}), 422, "kind")
    assert_error(client.post("/v1/jobs", json={"edges": [[1, 2]]}), 422)


def test_job_whose_input_fails_in_the_engine_ends_failed(client):
    job = client.post("/v1/jobs", json={"kind": "codelength", "edges": TWO_TRIANGLES,
                                        "partition": {"1": 1, "99": 2}}).json()
    done = wait_for(client, job["id"])
    assert done["status"] == "failed" and "99" in done["error"]
    assert_error(client.get(f"/v1/jobs/{job['id']}/result"), 409, "job_id")


def test_unknown_job_404_and_listing(client):
    assert_error(client.get("/v1/jobs/does-not-exist"), 404, "job_id")
    assert_error(client.delete("/v1/jobs/does-not-exist"), 404, "job_id")
    page = client.get("/v1/jobs", params={"limit": 2}).json()
    assert page["total"] >= 3 and len(page["jobs"]) == 2 and page["limit"] == 2
    second = client.get("/v1/jobs", params={"limit": 2, "offset": 2}).json()
    assert {j["id"] for j in page["jobs"]}.isdisjoint({j["id"] for j in second["jobs"]})
    failed = client.get("/v1/jobs", params={"status": "failed"}).json()
    assert failed["jobs"] and all(j["status"] == "failed" for j in failed["jobs"])


def test_cancel_a_running_job(client):
    from tests.engine.networks import lfr

    net, _ = lfr(1000, 0.3)
    src, tgt, _ = net.to_coo()
    edges = [[int(a), int(b)] for a, b in zip(net.node_ids[src], net.node_ids[tgt])]
    job = client.post("/v1/jobs", json={"kind": "infomap", "edges": edges, "num_trials": 200}).json()
    wait_for(client, job["id"], statuses=("running",))
    cancelled = client.delete(f"/v1/jobs/{job['id']}").json()
    assert cancelled["status"] == "cancelled"
    time.sleep(0.5)
    final = client.get(f"/v1/jobs/{job['id']}").json()
    assert final["status"] == "cancelled" and final["progress"]["done"] < 200
    assert_error(client.get(f"/v1/jobs/{job['id']}/result"), 409)


def test_queued_and_running_jobs_survive_a_restart(tmp_path):
    from tests.engine.networks import lfr

    net, _ = lfr(1000, 0.3)
    src, tgt, _ = net.to_coo()
    edges = [[int(a), int(b)] for a, b in zip(net.node_ids[src], net.node_ids[tgt])]
    body = {"kind": "infomap", "edges": edges, "num_trials": 30, "seed": 11, "two_level": True}
    with TestClient(create_app(settings_for(tmp_path, max_concurrent_jobs=1))) as first:
        running = first.post("/v1/jobs", json=body).json()
        queued = first.post("/v1/jobs", json={**body, "seed": 12}).json()
        wait_for(first, running["id"], statuses=("running",))
    # the first process is gone: one job was running, one queued
    with TestClient(create_app(settings_for(tmp_path))) as second:
        for job in (running, queued):
            assert wait_for(second, job["id"], timeout=120)["status"] == "succeeded"
        result = second.get(f"/v1/jobs/{running['id']}/result").json()
        direct = second.post("/v1/infomap", json={k: v for k, v in body.items() if k != "kind"}).json()
        assert result["codelength"] == direct["codelength"] and result["modules"] == direct["modules"]
        assert second.get("/v1/jobs").json()["total"] == 2


def test_a_stop_during_a_long_job_returns_and_requeues_it(tmp_path):
    """Stopping the app while a job thread waits on its Dask futures: the futures are cancelled,
    the stop returns (it used to hang in the event loop's executor shutdown), and the job is
    queued again and finished by the next process."""
    import threading

    from tests.engine.networks import lfr

    net, _ = lfr(1000, 0.3)
    src, tgt, _ = net.to_coo()
    edges = [[int(a), int(b)] for a, b in zip(net.node_ids[src], net.node_ids[tgt])]
    body = {"kind": "infomap", "edges": edges, "num_trials": 300, "seed": 3, "two_level": True}
    first = TestClient(create_app(settings_for(tmp_path)))
    first.__enter__()
    job = first.post("/v1/jobs", json=body).json()
    wait_for(first, job["id"], statuses=("running",))
    stopper = threading.Thread(target=first.__exit__, args=(None, None, None), daemon=True)
    stopper.start()
    stopper.join(timeout=90)
    assert not stopper.is_alive(), "the app did not stop while a job was running"
    with TestClient(create_app(settings_for(tmp_path))) as second:
        finished = wait_for(second, job["id"], timeout=180)
        assert finished["status"] == "succeeded" and finished["attempts"] == 2


def test_selftest_runs_a_job_end_to_end(client):
    data = client.get("/v1/selftest").json()
    assert data["status"] == "ok" and data["job"]["status"] == "succeeded"
    assert data["codelength"] == pytest.approx(2.320730, abs=5e-7)


def test_a_job_thread_waiting_on_a_task_gives_up_when_the_runner_stops(tmp_path):
    """A job thread never waits on its tasks for good: when the runner stops, a wait on a task
    that does not end (as a cancelled future whose cancellation never reaches a closing client)
    raises :class:`Stopping` within a poll, and the job goes back to the queue. (A job thread
    blocked in ``as_completed`` once kept a test client's exit waiting for 10 minutes.)"""
    import threading

    from distributed import Event

    from app.jobs.runner import PROGRESS_POLL_SECONDS, Stopping

    with TestClient(create_app(settings_for(tmp_path))) as client:
        runner = client.app.state.runner
        release = Event("release-the-blocked-task", client=runner.client)
        blocked = runner._submit(Event("release-the-blocked-task").wait, 60, key="blocked-task")
        outcome = {}

        def job_thread():
            started = time.monotonic()
            try:
                for waiting in (lambda: runner._result(blocked), lambda: list(runner._as_completed([blocked]))):
                    try:
                        waiting()
                    except Stopping:
                        outcome.setdefault("gave up after", []).append(time.monotonic() - started)
            finally:
                outcome["done"] = True

        thread = threading.Thread(target=job_thread, daemon=True)
        thread.start()
        time.sleep(2 * PROGRESS_POLL_SECONDS)
        assert thread.is_alive() and not outcome  # waiting on the task while the runner runs
        runner._stopping = True
        thread.join(timeout=5 * PROGRESS_POLL_SECONDS)
        assert outcome.get("done") and len(outcome["gave up after"]) == 2
        runner._stopping = False
        release.set()
        assert blocked.result(timeout=30) is True
