"""Access and exposure: API keys and job ownership, job retention, CORS, the Dask dashboard,
and the Prometheus metrics scraped with prometheus_client's own parser."""

import time

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from app.main import create_app

from .test_api import TWO_TRIANGLES
from .test_hardening import error_of, make_settings
from .test_jobs import wait_for

KEY_A, KEY_B = "key-a-0123456789", "key-b-9876543210"
JOB = {"kind": "infomap", "edges": TWO_TRIANGLES, "two_level": True}


@pytest.fixture(scope="module")
def keyed(tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("keys"), api_keys=f"{KEY_A},{KEY_B}", work_processes=1)
    with TestClient(create_app(settings)) as c:
        yield c


def test_keys_are_off_by_default(tmp_path):
    assert make_settings(tmp_path).api_key_list() == []


def test_without_a_key_the_api_is_401_but_probes_and_the_page_are_open(keyed):
    error = error_of(keyed.post("/v1/infomap", json={"edges": TWO_TRIANGLES}), 401, "X-API-Key")
    assert error["code"] == "unauthorized"
    assert keyed.get("/v1/jobs").status_code == 401
    error_of(keyed.get("/v1/jobs", headers={"X-API-Key": "wrong"}), 401, "X-API-Key")
    for path in ("/healthz", "/readyz", "/metrics", "/openapi.json", "/v1/version"):
        assert keyed.get(path).status_code == 200, path
    assert keyed.get("/").status_code in (200, 503)  # 503 only when the page was never built


def test_a_job_belongs_to_the_key_that_created_it(keyed):
    a = {"X-API-Key": KEY_A}
    b = {"Authorization": f"Bearer {KEY_B}"}
    assert keyed.post("/v1/infomap", json={"edges": TWO_TRIANGLES}, headers=b).status_code == 200
    job = keyed.post("/v1/jobs", json=JOB, headers=a)
    assert job.status_code == 202, job.text
    job_id = job.json()["id"]
    assert wait_for_keyed(keyed, job_id, a)["status"] == "succeeded"
    assert keyed.get(f"/v1/jobs/{job_id}/result", headers=a).json()["codelength"] == pytest.approx(2.32073, abs=1e-5)
    # the other key sees nothing of it
    for method, path in (("GET", f"/v1/jobs/{job_id}"), ("GET", f"/v1/jobs/{job_id}/result"),
                         ("DELETE", f"/v1/jobs/{job_id}")):
        error_of(keyed.request(method, path, headers=b), 404, "job_id")
    assert job_id in {j["id"] for j in keyed.get("/v1/jobs", headers=a).json()["jobs"]}
    listed = keyed.get("/v1/jobs", headers=b).json()
    assert job_id not in {j["id"] for j in listed["jobs"]}
    theirs = keyed.post("/v1/jobs", json=JOB, headers=b).json()["id"]
    assert {j["id"] for j in keyed.get("/v1/jobs", headers=b).json()["jobs"]} == {theirs}
    assert keyed.get("/v1/jobs", headers=b).json()["total"] == 1


def wait_for_keyed(client, job_id, headers, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}", headers=headers).json()
        if job["status"] in ("succeeded", "failed", "cancelled"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} still {job['status']}")


def test_finished_jobs_are_deleted_after_the_ttl(tmp_path):
    settings = make_settings(tmp_path, job_ttl=0.5, job_cleanup_interval=0.2, work_processes=0)
    with TestClient(create_app(settings)) as c:
        job_id = c.post("/v1/jobs", json=JOB).json()["id"]
        assert wait_for(c, job_id)["status"] == "succeeded"
        deadline = time.monotonic() + 30
        while c.get(f"/v1/jobs/{job_id}").status_code == 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        error_of(c.get(f"/v1/jobs/{job_id}"), 404, "job_id")


def test_cors_is_off_by_default_and_explicit_when_set(tmp_path):
    preflight = {"Origin": "https://example.org", "Access-Control-Request-Method": "POST"}
    with TestClient(create_app(make_settings(tmp_path, work_processes=0))) as c:
        response = c.get("/healthz", headers={"Origin": "https://example.org"})
        assert "access-control-allow-origin" not in response.headers
        assert "access-control-allow-origin" not in c.options("/v1/infomap", headers=preflight).headers
    settings = make_settings(tmp_path, work_processes=0, cors_origins="https://example.org")
    with TestClient(create_app(settings)) as c:
        assert c.get("/healthz", headers={"Origin": "https://example.org"}).headers[
            "access-control-allow-origin"] == "https://example.org"
        assert c.options("/v1/infomap", headers=preflight).status_code == 200
        assert "access-control-allow-origin" not in c.get("/healthz", headers={"Origin": "https://evil.example"}
                                                          ).headers


def _http_addresses(client) -> list[str]:
    scheduler = client.app.state.runner.cluster.scheduler
    return [sock.getsockname()[0] for sock in scheduler.http_server._sockets.values()]


def test_dask_http_server_is_bound_to_loopback_and_the_dashboard_off_by_default(tmp_path):
    with TestClient(create_app(make_settings(tmp_path, work_processes=0))) as c:
        assert make_settings(tmp_path).dashboard_address() is None
        assert _http_addresses(c) and all(a == "127.0.0.1" for a in _http_addresses(c))
    on = make_settings(tmp_path, work_processes=0, dask_dashboard="0")
    assert on.dashboard_address() is None
    on = make_settings(tmp_path, work_processes=0, dask_dashboard="8799", host="127.0.0.1")
    assert on.dashboard_address() == "127.0.0.1:8799"


def test_metrics_parse_with_the_prometheus_parser(tmp_path):
    with TestClient(create_app(make_settings(tmp_path, work_processes=1))) as c:
        assert c.post("/v1/infomap", json={"edges": TWO_TRIANGLES}).status_code == 200
        assert c.post("/v1/infomap", json={"edges": []}).status_code == 422
        job_id = c.post("/v1/jobs", json={**JOB, "num_trials": 3}).json()["id"]
        assert wait_for(c, job_id)["status"] == "succeeded"
        c.get(f"/v1/jobs/{job_id}")
        c.get("/v1/jobs/" + "z" * 300)
        response = c.get("/metrics")
        assert response.headers["content-type"].startswith("text/plain")
        families = {f.name: f for f in text_string_to_metric_families(response.text)}
    samples = {(s.name, tuple(sorted(s.labels.items()))): s.value for f in families.values() for s in f.samples}

    def value(name, **labels):
        return samples.get((name, tuple(sorted(labels.items()))), 0.0)

    assert value("mapeq_http_requests_total", route="/v1/infomap", method="POST", status="200") == 1
    assert value("mapeq_http_requests_total", route="/v1/infomap", method="POST", status="422") == 1
    # route templates, never raw paths: the 300-character id is counted under the template
    assert value("mapeq_http_requests_total", route="/v1/jobs/{job_id}", method="GET", status="404") == 1
    assert not any("zzz" in str(key) for key in samples)
    assert value("mapeq_http_request_duration_seconds_count", route="/v1/infomap", method="POST") == 2
    assert value("mapeq_jobs", status="succeeded") == 1 and value("mapeq_job_queue_depth") == 0
    assert value("mapeq_job_trial_duration_seconds_count") == 3
    assert value("mapeq_engine_seconds_per_link_count") == 1 and value("mapeq_engine_seconds_total") > 0
