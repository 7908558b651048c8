"""A catalog of hostile requests over every endpoint (``hostile_catalog.json``), against the real
app (front process, worker processes, job runner): no 5xx, no 200, every error in the one
documented shape naming a field of the request, and the server healthy after each.

Each entry: ``name``, ``method``, ``path`` (``{x*N}`` expands to N x's), the expected ``status``
and ``field``, and one body form: ``json``, ``raw`` (text), ``raw_base64`` (binary: .npy, .npz,
Arrow), ``raw_repeat`` (``prefix + unit x times + suffix``, ``close`` x times),
``raw_gzip_repeat`` (gzip of ``unit x times``), ``files`` (``{field: [name, base64]}``),
``file_gzip_repeat``, ``data`` (form fields); optional ``headers`` and ``query``.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app

from .test_hardening import make_settings

CATALOG = json.loads((Path(__file__).with_name("hostile_catalog.json")).read_text())
# Fields that are not body properties but still the request's own: headers, the upload, the path.
TRANSPORT_FIELDS = {"body", "file", "Content-Length", "Content-Encoding", "Content-Type", "X-API-Key", "job_id", "format",
                    "limit", "offset", "status", "path", "num_trials", "seed", "directed", "two_level"}


def expand_path(path: str) -> str:
    return re.sub(r"\{(\w)\*(\d+)\}", lambda m: m.group(1) * int(m.group(2)), path)


def request_args(entry: dict) -> dict:
    args: dict = {"headers": dict(entry.get("headers") or {}), "params": entry.get("query")}
    if "json" in entry:
        args["json"] = entry["json"]
    elif "raw" in entry:
        args["content"] = entry["raw"].encode()
    elif "raw_base64" in entry:
        args["content"] = base64.b64decode(entry["raw_base64"])
    elif "raw_repeat" in entry:
        r = entry["raw_repeat"]
        args["content"] = (r["prefix"] + r["unit"] * r["times"] + r.get("suffix", "")
                           + r.get("close", "") * r["times"]).encode()
    elif "raw_gzip_repeat" in entry:
        r = entry["raw_gzip_repeat"]
        args["content"] = gzip.compress((r["unit"] * r["times"]).encode())
    if "files" in entry:
        args["files"] = {k: (name, base64.b64decode(data)) for k, (name, data) in entry["files"].items()}
    if "file_gzip_repeat" in entry:
        r = entry["file_gzip_repeat"]
        args["files"] = {"file": (r["name"], gzip.compress((r["unit"] * r["times"]).encode()))}
    if "data" in entry:
        args["data"] = entry["data"]
    return args


def operation_fields(openapi: dict, method: str, path: str) -> set[str]:
    """Top-level request fields of the operation (body properties of every body schema, parameters)."""
    fields = set(TRANSPORT_FIELDS)
    schemas = openapi["components"]["schemas"]
    for template, ops in openapi["paths"].items():
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        if not re.match(pattern, path) or method.lower() not in ops:
            continue
        op = ops[method.lower()]
        fields |= {p["name"] for p in op.get("parameters", [])}
        for content in op.get("requestBody", {}).get("content", {}).values():
            stack = [content.get("schema", {})]
            while stack:
                schema = stack.pop()
                if "$ref" in schema:
                    schema = schemas[schema["$ref"].split("/")[-1]]
                fields |= set(schema.get("properties", {}))
                stack += schema.get("oneOf", []) + schema.get("anyOf", [])
    return fields


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("catalog"), max_body_bytes=1_000_000, work_processes=2)
    with TestClient(create_app(settings)) as c:
        yield c


def test_the_catalog_covers_every_endpoint(client):
    assert len(CATALOG) >= 450  # the README says "more than 450"
    paths = set(client.get("/openapi.json").json()["paths"]) - {"/healthz", "/readyz", "/metrics", "/v1/version",
                                                                  "/v1/selftest"}
    covered = set()
    for template in paths:
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        if any(re.match(pattern, expand_path(e["path"])) for e in CATALOG):
            covered.add(template)
    assert covered == paths, paths - covered


@pytest.mark.parametrize("entry", CATALOG, ids=[e["name"] for e in CATALOG])
def test_hostile_request(client, entry):
    openapi = client.app.openapi()
    path = expand_path(entry["path"])
    response = client.request(entry["method"], path, **request_args(entry))
    assert response.status_code < 500, response.text[:500]
    assert response.status_code != 200, response.text[:500]
    assert response.status_code == entry["status"], response.text[:500]
    assert response.headers["content-type"].startswith("application/json")
    assert len(response.content) < 2000  # no echo of a huge input
    error = response.json()["error"]
    assert set(error) == {"code", "message", "field", "request_id"} and error["message"] and error["code"]
    assert error["request_id"] == response.headers["x-request-id"]
    assert error["field"] == entry["field"], error
    if error["field"] is not None:  # a field of the operation, or one the request itself sent
        sent = set(entry.get("json") or {}) if isinstance(entry.get("json"), dict) else set()
        head = error["field"].split(".")[0]
        if "..." in error["field"]:  # a long client-supplied name, cut
            assert any(name.startswith(error["field"].split("...")[0]) for name in sent), error
        else:
            assert head in operation_fields(openapi, entry["method"], path) | sent, error
    assert "np." not in error["message"] and ".int" not in (error["field"] or "")
    assert client.get("/healthz").json() == {"status": "ok"}
