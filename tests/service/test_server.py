"""The HTTP layer itself, on a real ``python -m app`` (uvicorn): malformed requests, slow uploads,
the event loop staying free during a large request, JSON logs with the request id."""

import json
import threading

import httpx
import numpy as np
import pytest

from .servers import raw_exchange, running


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    env = {"MAPEQ_BODY_IDLE_TIMEOUT": "1", "MAPEQ_BODY_TIMEOUT": "3", "MAPEQ_WORK_PROCESSES": "1"}
    with running(env, tmp_path_factory.mktemp("server")) as s:
        yield s


def split_response(raw: bytes) -> tuple[int, dict, bytes]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body


@pytest.mark.parametrize("length", [b"12abc", b"-5", b"1e3"])
def test_malformed_content_length_gets_the_json_error_body(server, length):
    request = (b"POST /v1/infomap HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
               + length + b"\r\n\r\n{}")
    status, headers, body = split_response(raw_exchange(server.port, request))
    assert status == 400 and headers["content-type"] == "application/json"
    error = json.loads(body)["error"]
    assert error["code"] == "bad_request" and error["field"] in ("body", "Content-Length")


def test_a_half_sent_body_is_answered_408_and_the_connection_closed(server):
    request = (b"POST /v1/infomap HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000"
               b"\r\n\r\n{\"edges\": [[1, 2],")
    raw = raw_exchange(server.port, request, read_timeout=20)  # returns only once the server closed
    status, headers, body = split_response(raw)
    assert status == 408 and json.loads(body)["error"]["field"] == "body"
    assert headers.get("connection") == "close"
    assert httpx.get(f"{server.base}/healthz").status_code == 200


def test_healthz_answers_while_a_large_request_is_worked_on(server):
    # 1M links with planted modules of 100 nodes (90% inside): large to parse, quick to search
    rng = np.random.default_rng(1)
    n, m = 200_000, 1_000_000
    source = rng.integers(0, n, m)
    inside = rng.random(m) < 0.9
    target = np.where(inside, source // 100 * 100 + rng.integers(0, 100, m), rng.integers(0, n, m))
    edges = np.stack([source, target], axis=1)
    body = b'{"two_level": true, "edges": ' + json.dumps(edges.tolist()).encode() + b"}"
    done = threading.Event()
    answer = {}

    def big():
        answer["response"] = httpx.post(f"{server.base}/v1/infomap", content=body,
                                        headers={"content-type": "application/json"}, timeout=600)
        done.set()

    thread = threading.Thread(target=big)
    thread.start()
    answered_during = 0
    with httpx.Client(base_url=server.base, timeout=30) as probe:
        while not done.is_set():
            metrics = probe.get("/metrics").text
            if "mapeq_http_requests_in_progress 1.0" in metrics:
                assert probe.get("/healthz").json() == {"status": "ok"}
                if not done.is_set():
                    answered_during += 1
            done.wait(0.05)
    thread.join()
    assert answer["response"].status_code == 200, answer["response"].text[:500]
    assert answer["response"].json()["num_links"] > 900_000  # duplicates of the planted links are summed
    assert answered_during >= 3


def test_logs_are_json_lines_with_the_request_id(server):
    httpx.post(f"{server.base}/v1/infomap", json={"edges": []}, headers={"X-Request-ID": "log-check-1"})
    lines = [json.loads(line) for line in server.log.read_text().splitlines() if line.startswith("{")]
    access = [e for e in lines if e.get("request_id") == "log-check-1" and e["message"] == "request"]
    assert access and access[-1]["status"] == 422 and access[-1]["route"] == "/v1/infomap"


def test_a_slow_upload_does_not_hold_a_work_slot(server):
    """One worker process: a body trickling in does not keep another request from being answered."""
    import socket
    import time

    answers = {}

    def trickle():
        with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
            sock.sendall(b"POST /v1/infomap HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 1000\r\n\r\n{")
            try:
                for _ in range(20):  # a byte every 0.3 s: never idle for 1 s, over the 3 s total
                    sock.sendall(b" ")
                    time.sleep(0.3)
            except OSError:
                pass  # the server closed the connection
            answers["slow"] = (time.monotonic(), sock.recv(65536))

    thread = threading.Thread(target=trickle)
    thread.start()
    time.sleep(0.5)
    response = httpx.post(f"{server.base}/v1/infomap", json={"edges": [[1, 2], [2, 3], [3, 1]]}, timeout=30)
    answered = time.monotonic()
    thread.join()
    assert response.status_code == 200
    slow_at, slow = answers["slow"]
    assert slow.startswith(b"HTTP/1.1 408") and answered < slow_at
