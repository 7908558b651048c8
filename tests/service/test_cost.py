"""Cost before work: the JSON array scanner against a real parser, and what a small request may
cost before it is refused or answered (allocation measured with tracemalloc, in the worker's own
request path)."""

import asyncio
import json
import tracemalloc
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings, strategies as st

from app import cost
from app.jobs.store import JobStore
from app.jsonscan import array_lengths
from app.main import create_app
from app.workpool import call_app

from .test_hardening import make_settings
from .test_hostile_catalog import CATALOG, expand_path, request_args

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False,
                    allow_infinity=False), st.text(alphabet=st.characters(codec="utf-8"), max_size=8))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                       st.dictionaries(st.text(max_size=5), inner, max_size=4)),
                      max_leaves=30)


def reference_lengths(doc) -> dict[str, int]:
    out = {}
    if isinstance(doc, dict):
        for k, v in doc.items():
            if isinstance(v, list):
                out[k] = len(v)
            elif isinstance(v, dict):
                for k2, v2 in v.items():
                    if isinstance(v2, list):
                        out[f"{k}.{k2}"] = len(v2)
    return out


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="."), max_size=6), values,
                       max_size=6), st.booleans())
def test_array_lengths_equal_those_of_the_parsed_document(doc, pretty):
    raw = json.dumps(doc, indent=2 if pretty else None, ensure_ascii=False).encode()
    assert array_lengths(raw) == reference_lengths(doc)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_array_lengths_never_crash_on_arbitrary_bytes(raw):
    assert isinstance(array_lengths(raw), dict)


def test_array_lengths_of_very_deep_documents():
    assert array_lengths(b"[" * 100_000 + b"]" * 100_000) == {}
    assert array_lengths(b'{"edges": [' + b"[" * 5000 + b"]" * 5000 + b", [1, 2]]}") == {"edges": 2}


def test_scan_reports_links_nodes_vectors_and_dense_entries():
    assert cost.scan(b'{"links": [{"source": 1, "target": 2}]}').links == (1, "links")
    assert cost.scan(b'{"sparse": {"shape": [3, 3], "row": [0], "col": [1], "data": [1.0, 2.0]}}').links == (
        2, "sparse")
    scanned = cost.scan(b'{"adjacency": [[0, 1, 0], [1, 0, 1], [0, 1, 0]], "nodes": [{"id": 0}]}')
    assert scanned.nodes == (3, "adjacency") and scanned.entries == (9, "adjacency")
    assert cost.scan(b'{"vectors": [[1], [2], [3]]}').vectors == (3, "vectors")


# ------------------------------------------------------------------ what a small request may cost
def body_of(entry: dict) -> bytes:
    args = request_args(entry)
    return json.dumps(args["json"]).encode() if "json" in args else args.get("content", b"")


SMALL = [e for e in CATALOG if len(body_of(e)) < 100_000 and not {"files", "file_gzip_repeat", "data"} & set(e)]
ISSUE_REQUESTS = [
    ("sparse 5M x 5M", "/v1/infomap",
     b'{"sparse":{"shape":[5000000,5000000],"row":[0],"col":[1],"data":[1.0]}}'),
    ("10,000 vectors, top_k 1000", "/v1/cluster/vectors",
     orjson.dumps({"vectors": [[round(i % 997 / 997 - 0.5, 3)] for i in range(10_000)], "top_k": 1000,
                   "min_similarity": -1})),
    ("job with a 60M-node sparse", "/v1/jobs",
     b'{"kind":"infomap","sparse":{"shape":[60000000,60000000],"row":[0],"col":[1],"data":[1.0]}}'),
]


@pytest.fixture(scope="module")
def worker_app(tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("cost"), work_processes=0)
    app = create_app(settings, role="worker")
    app.state.jobs = JobStore(settings.resolved_database_url())
    return app


def peak_allocation(app, method: str, path: str, body: bytes, headers: list, query: bytes = b"") -> tuple[int, int]:
    """Status and peak bytes allocated (Python and numpy) while the app handles one request."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": query,
             "headers": headers, "client": ("127.0.0.1", 1), "server": ("test", 80)}
    loop = asyncio.new_event_loop()
    try:
        tracemalloc.start()
        tracemalloc.reset_peak()
        answer = loop.run_until_complete(call_app(app, scope, body))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        loop.close()
    return answer.status, peak


@pytest.mark.parametrize("name,path,body", ISSUE_REQUESTS, ids=[r[0] for r in ISSUE_REQUESTS])
def test_issue_requests_under_100_kb_cost_under_200_mb(worker_app, name, path, body):
    assert len(body) < 100_000
    status, peak = peak_allocation(worker_app, "POST", path, body, [(b"content-type", b"application/json")])
    assert status == 413
    assert peak < 200 * 2**20, f"{name}: {peak / 2**20:.0f} MB"


def test_every_small_catalog_request_costs_under_200_mb(worker_app):
    worst = (0, None)
    for entry in SMALL:
        args = request_args(entry)
        body = body_of(entry)
        headers = [(k.lower().encode(), v.encode()) for k, v in args["headers"].items()]
        if "json" in args:
            headers.append((b"content-type", b"application/json"))
        if entry.get("headers", {}).get("content-encoding") or "content-length" in entry.get("headers", {}):
            continue  # transport-level entries are answered by the gateway before the app
        query = "&".join(f"{k}={v}" for k, v in (entry.get("query") or {}).items()).encode()
        status, peak = peak_allocation(worker_app, entry["method"], expand_path(entry["path"]), body, headers, query)
        assert status >= 400, entry["name"]
        worst = max(worst, (peak, entry["name"]))
    assert worst[0] < 200 * 2**20, worst
