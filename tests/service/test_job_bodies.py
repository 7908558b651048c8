"""POST /v1/jobs with binary bodies and /v1/jobs/infomap/file (issue 13): the stored request is
the bytes as sent, checked cheaply at submission (shapes and counts; a file's size and format),
decoded, read and built once on the worker; a file that cannot be read fails the job with the
error naming the file and the line."""

from __future__ import annotations

import gzip
import io
import time

import networkx as nx
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.service.jobs import read_stored
from app.settings import Settings
from app.vectors import VectorOptions, cluster_vectors, progress_total

from .test_api import assert_error

EDGES = np.array(nx.karate_club_graph().edges(), dtype=np.int64) + 1
WEIGHTS = 1.0 + (np.arange(len(EDGES)) % 3)
OPTIONS = {"two_level": True, "num_trials": 3, "seed": 5}
QUERY = {"two_level": "true", "num_trials": "3", "seed": "5"}


def _npy(array: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, array)
    return buf.getvalue()


def _npz(**arrays) -> bytes:
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    return buf.getvalue()


def _arrow(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _parquet(table: pa.Table) -> bytes:
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


TABLE = pa.table({"source": EDGES[:, 0], "target": EDGES[:, 1], "weight": WEIGHTS})
WEIGHTED = np.column_stack([EDGES.astype(np.float64), WEIGHTS])
#: Every binary form of one weighted link list, with its Content-Type.
BODIES = {
    "npy": (_npy(WEIGHTED), "application/x-npy"),
    "npy-float32": (_npy(WEIGHTED.astype(np.float32)), "application/x-npy"),
    "npz-edges": (_npz(edges=WEIGHTED), "application/zip"),
    "npz-columns": (_npz(source=EDGES[:, 0], target=EDGES[:, 1], weight=WEIGHTS), "application/zip"),
    "arrow": (_arrow(TABLE), "application/vnd.apache.arrow.stream"),
    "parquet": (_parquet(TABLE), "application/vnd.apache.parquet"),
}
JSON_EDGES = [[int(s), int(t), float(w)] for (s, t), w in zip(EDGES, WEIGHTS)]


def wait_for(client, job_id, timeout=120.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}").json()
        if job["status"] in ("succeeded", "failed", "cancelled"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} still {job['status']}")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("job-bodies"), dask_workers=1, dask_processes=False,
                        warmup=False, job_poll_interval=0.05, work_processes=0, max_job_links=5000,
                        max_body_bytes=2_000_000)
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture(scope="module")
def json_answer(client):
    job = client.post("/v1/jobs", json={"kind": "infomap", "edges": JSON_EDGES, **OPTIONS})
    assert job.status_code == 202, job.text
    assert wait_for(client, job.json()["id"])["status"] == "succeeded"
    return client.get(f"/v1/jobs/{job.json()['id']}/result").json()


def _stored(client, job_id: str) -> bytes:
    return client.app.state.jobs.request_bytes(job_id)


# ------------------------------------------------------------------ (a) binary bodies of POST /v1/jobs
@pytest.mark.parametrize("form", list(BODIES))
def test_a_binary_job_answers_as_its_json_twin(client, json_answer, form):
    raw, media = BODIES[form]
    job = client.post("/v1/jobs", params={"kind": "infomap", **QUERY}, content=raw, headers={"Content-Type": media})
    assert job.status_code == 202, job.text
    assert job.json()["progress"]["total"] == 3
    assert wait_for(client, job.json()["id"])["status"] == "succeeded"
    result = client.get(f"/v1/jobs/{job.json()['id']}/result").json()
    for key in ("codelength", "modules", "trial_codelengths", "num_modules"):
        assert result[key] == json_answer[key], key
    header, payload = read_stored(_stored(client, job.json()["id"]))
    assert payload == raw                                   # the bytes as sent, decoded on the worker
    assert ["kind", "infomap"] in header["query"] and ["num_trials", "3"] in header["query"]


def test_a_json_job_is_stored_as_sent(client):
    body = b'{"kind": "infomap", "edges": [[1, 2], [2, 3], [3, 1]], "seed": 9}'
    job = client.post("/v1/jobs", content=body, headers={"Content-Type": "application/json"})
    assert job.status_code == 202 and _stored(client, job.json()["id"]) == body
    assert wait_for(client, job.json()["id"])["status"] == "succeeded"


def test_codelength_and_vector_jobs_take_binary_bodies(client):
    partition = '{"1": 1, "2": 1, "3": 1, "4": 2, "5": 2, "6": 2}'
    six = np.array([[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 6], [6, 4]])
    job = client.post("/v1/jobs", params={"kind": "codelength", "partition": partition}, content=_npy(six),
                      headers={"Content-Type": "application/x-npy"})
    assert job.status_code == 202, job.text
    assert wait_for(client, job.json()["id"])["status"] == "succeeded"
    assert client.get(f"/v1/jobs/{job.json()['id']}/result").json()["codelength"] == pytest.approx(2.320730, abs=5e-7)
    vectors = np.array([[1, 0, 0], [0.9, 0.1, 0], [0.95, 0, 0.05], [0, 1, 0], [0.1, 0.9, 0], [0, 0.95, 0.05]],
                       dtype=np.float32)
    job = client.post("/v1/jobs", params={"kind": "cluster_vectors", "top_k": 2}, content=_npy(vectors),
                      headers={"Content-Type": "application/x-npy"})
    assert job.status_code == 202, job.text
    assert wait_for(client, job.json()["id"])["status"] == "succeeded"
    clusters = client.get(f"/v1/jobs/{job.json()['id']}/result").json()["clusters"]
    assert sorted(sorted(c["members"]) for c in clusters) == [["0", "1", "2"], ["3", "4", "5"]]


def test_a_vector_job_of_an_npy_body_reports_its_progress(client):
    """An approximate cluster_vectors job sent as .npy: its progress total is known at submission (the kNN
    search's steps and one for InfoMap), the worker logs each step as a Dask event that the runner reads back,
    and the answer is the service's for the same vectors."""
    rng = np.random.default_rng(4)
    x = (rng.normal(size=(6, 16))[np.arange(600) % 6] + 0.3 * rng.normal(size=(600, 16))).astype(np.float32)
    options = VectorOptions(top_k=8, min_similarity=0.0, method="approximate", seed=3)
    query = {"kind": "cluster_vectors", "top_k": 8, "min_similarity": 0, "method": "approximate", "seed": 3}
    job = client.post("/v1/jobs", params=query, content=_npy(x), headers={"Content-Type": "application/x-npy"})
    assert job.status_code == 202, job.text
    total = progress_total(600, options)
    assert job.json()["progress"] == {"done": 0, "total": total} and total == 5     # k-means, add, nprobe, search
    status = wait_for(client, job.json()["id"])
    assert status["status"] == "succeeded" and status["progress"] == {"done": total, "total": total}
    runner = client.app.state.runner
    assert runner._logged_progress(f"{job.json()['id']}-{status['attempts']}-vectors") == total
    result = client.get(f"/v1/jobs/{job.json()['id']}/result").json()
    expected = cluster_vectors(x, options)
    assert result["clusters"] == expected["clusters"] and result["codelength"] == expected["codelength"]
    assert result["metadata"]["knn"]["method"] == "approximate"
    assert result["metadata"]["knn"]["nprobe"] == expected["metadata"]["knn"]["nprobe"]


def test_job_bodies_have_their_own_size_limit(tmp_path):
    """MAPEQ_MAX_JOB_BODY_BYTES, not MAPEQ_MAX_BODY_BYTES, caps a job submission (1M x 128 float32 vectors are
    512 MB); a synchronous request keeps the smaller cap."""
    settings = Settings(data_dir=tmp_path, dask_workers=1, dask_processes=False, warmup=False, job_poll_interval=0.05,
                        work_processes=0, max_body_bytes=100_000, max_job_body_bytes=300_000)
    vectors = np.random.default_rng(0).normal(size=(400, 64)).astype(np.float32)   # 102,528 bytes as .npy
    npy = {"Content-Type": "application/x-npy"}
    with TestClient(create_app(settings)) as small:
        assert_error(small.post("/v1/cluster/vectors", params={"top_k": 5}, content=_npy(vectors), headers=npy),
                     413, "body")
        job = small.post("/v1/jobs", params={"kind": "cluster_vectors", "top_k": 5}, content=_npy(vectors),
                         headers=npy)
        assert job.status_code == 202, job.text
        assert wait_for(small, job.json()["id"])["status"] == "succeeded"
        refused = small.post("/v1/jobs", params={"kind": "cluster_vectors"}, content=_npy(np.vstack([vectors] * 3)),
                             headers=npy)
        assert_error(refused, 413, "body")
        assert "MAPEQ_MAX_JOB_BODY_BYTES" in refused.json()["error"]["message"]


def test_binary_job_bodies_are_checked_at_submission(client):
    npy = {"Content-Type": "application/x-npy"}
    assert_error(client.post("/v1/jobs", content=_npy(EDGES), headers=npy), 422, "kind")
    assert_error(client.post("/v1/jobs", params={"kind": "nope"}, content=_npy(EDGES), headers=npy), 422, "kind")
    bad = np.array([[1.0, 2.0, -1.0]])
    assert_error(client.post("/v1/jobs", params={"kind": "infomap"}, content=_npy(bad), headers=npy), 422, "edges")
    assert_error(client.post("/v1/jobs", params={"kind": "infomap"}, content=_npy(np.ones((3, 4))), headers=npy),
                 422, "edges")
    assert_error(client.post("/v1/jobs", params={"kind": "infomap", "num_trials": 0}, content=_npy(EDGES),
                             headers=npy), 422, "num_trials")
    # more links than MAPEQ_MAX_JOB_LINKS (5000): told from the .npy header, 413 naming edges
    many = np.zeros((5001, 2), dtype=np.int64)
    assert_error(client.post("/v1/jobs", params={"kind": "infomap"}, content=_npy(many), headers=npy), 413, "edges")
    assert_error(client.post("/v1/jobs", params={"kind": "infomap"}, content=b"not a tensor", headers=npy),
                 415, "body")


# ------------------------------------------------------------------ (b) /v1/jobs/infomap/file
TEXT = "".join(f"{s} {t} {w:g}\n" for (s, t), w in zip(EDGES, WEIGHTS)).encode()
FILES = {"text": TEXT, "gzip": gzip.compress(TEXT), "npy": BODIES["npy"][0], "npz": BODIES["npz-columns"][0],
         "parquet": BODIES["parquet"][0]}


@pytest.mark.parametrize("name", list(FILES))
def test_a_file_job_stores_the_file_and_answers_as_the_file_endpoint(client, name):
    files = {"file": (f"net.{name}", FILES[name])}
    sync = client.post("/v1/infomap/file", files=files, data=QUERY).json()
    job = client.post("/v1/jobs/infomap/file", files=files, data=QUERY)
    assert job.status_code == 202, job.text
    header, payload = read_stored(_stored(client, job.json()["id"]))
    assert payload == FILES[name] and header["file"]["num_trials"] == 3
    assert wait_for(client, job.json()["id"])["status"] == "succeeded"
    result = client.get(f"/v1/jobs/{job.json()['id']}/result").json()
    for key in ("codelength", "modules", "trial_codelengths"):
        assert result[key] == sync[key], key


@pytest.mark.parametrize(("text", "line"), [(b"1 2\n2 3\n3 4 -1\n", 3), (b"1 2\n2 x y z\n", 2),
                                            (b'*Vertices 2\n1 "a"\n2 "b"\n*Edges\n1 5\n', 5)])
def test_a_file_that_cannot_be_read_fails_its_job_naming_the_line(client, text, line):
    job = client.post("/v1/jobs/infomap/file", files={"file": ("x.txt", text)})
    assert job.status_code == 202, job.text                  # not parsed in the API process
    done = wait_for(client, job.json()["id"])
    assert done["status"] == "failed" and done["error"].startswith(f"file: line {line}: "), done["error"]
    assert_error(client.get(f"/v1/jobs/{job.json()['id']}/result"), 409, "job_id")


def test_file_jobs_are_checked_cheaply_at_submission(client):
    post = client.post
    assert_error(post("/v1/jobs/infomap/file", files={"file": ("x.txt", b"")}), 422, "file")
    assert_error(post("/v1/jobs/infomap/file", files={"file": ("x.bin", bytes(range(256)) * 4)}), 415, "file")
    assert_error(post("/v1/jobs/infomap/file", files={"file": ("b.gz", gzip.compress(b"1 2\n" * 1_000_000))}),
                 413, "file")
    assert_error(post("/v1/jobs/infomap/file", files={"file": ("x.npy", _npy(np.ones((3, 4))))}), 422, "file")
    assert_error(post("/v1/jobs/infomap/file", files={"file": ("x.npy", _npy(np.zeros((5001, 2), np.int64)))}),
                 413, "file")
    assert_error(post("/v1/jobs/infomap/file", files={"file": ("x.txt", TEXT)}, data={"num_trials": "0"}),
                 422, "num_trials")


def test_a_file_above_the_job_link_limit_fails_once_read(client):
    text = "".join(f"{i} {i + 1}\n" for i in range(5001)).encode()
    job = client.post("/v1/jobs/infomap/file", files={"file": ("x.txt", text)})
    assert job.status_code == 202
    done = wait_for(client, job.json()["id"])
    assert done["status"] == "failed" and "5,001 links exceed the limit of 5,000" in done["error"], done["error"]
    assert done["error"].startswith("file: ")


def test_docstring_examples():
    import doctest

    import app.service.jobs as module

    result = doctest.testmod(module)
    assert result.attempted >= 3 and result.failed == 0


def test_upload_errors_survive_pickling():
    """A file read on a Dask worker process fails with its status, code, message and field intact."""
    import pickle

    from app.uploads import UploadError

    error = pickle.loads(pickle.dumps(UploadError(415, "unsupported_media_type", "file: binary content", "file")))
    assert (error.status, error.code, error.message, error.field) == (415, "unsupported_media_type",
                                                                        "file: binary content", "file")
