"""An uploaded official JSON network keeps its embedded meta data and start paths in the REST
service, as in the engine and the command line."""

from __future__ import annotations

import json

import pytest

from service_client import small_service
from infomap_core import run_infomap
from infomap_core.io import parse_network

EDGES = [(1, 2), (1, 3), (2, 3), (3, 4), (4, 5), (4, 6), (5, 6), (6, 7), (7, 8), (7, 9), (8, 9)]
DOC = {"format": "infomap-network", "version": "1.0",
       "nodes": [{"id": i, "meta": i % 2, "path": [1 + (i - 1) // 3]} for i in range(1, 10)],
       "edges": [{"source": a, "target": b} for a, b in EDGES]}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with small_service(tmp_path_factory.mktemp("data")) as c:
        yield c


def test_uploaded_json_network_codes_its_meta_data(client):
    raw = json.dumps(DOC).encode()
    response = client.post("/v1/infomap/file", files={"file": ("doc.json", raw)}, data={"num_trials": "3"})
    assert response.status_code == 200, response.text
    net = parse_network(raw)
    with_meta = run_infomap(net, num_trials=3)
    without = run_infomap(net, num_trials=3, meta_data={})
    assert response.json()["codelength"] == pytest.approx(with_meta.codelength, rel=1e-12)
    assert with_meta.codelength > without.codelength


def test_uploaded_json_network_with_meta_on_some_nodes_names_the_field(client):
    doc = {**DOC, "nodes": DOC["nodes"][:3]}
    response = client.post("/v1/infomap/file", files={"file": ("doc.json", json.dumps(doc).encode())})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == "meta_data"
