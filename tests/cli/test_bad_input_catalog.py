"""Issue 14's catalogue of bad higher-order input, on every surface: the Python reader, both
command lines (ours and the drop-in) and a REST upload name the line; a REST body names the field.

The cases are those of ``tests/engine/test_higher_order.py`` (a state pointing at an unknown
physical node, a link to an unknown state, a layer id out of range, a bipartite start id beyond
the node ids, first-order and state sections mixed; ``*Links`` with ``*States`` is a state
network, as in the official, and not in the catalogue). The official reads ``*Links`` mixed
with ``*Intra`` without a word; we refuse it.
"""

from __future__ import annotations

import re

import pytest

from service_client import small_service
from infomap_core.errors import ParseError
from infomap_core.io import parse_network

from .conftest import mapeq_in_process

CATALOG = [
    pytest.param("*Vertices 2\n1 \"a\"\n2 \"b\"\n*States\n1 1\n2 7\n*Links\n1 2\n", 6, "physical node 7",
                 id="state-of-unknown-physical-node"),
    pytest.param("*States\n1 1\n2 2\n*Links\n1 2\n2 9\n", 6, "unknown state 9", id="link-to-unknown-state"),
    pytest.param("*Intra\n1 1 2\n2 1 3\n*Inter\n1 1 5 0.4\n", 5, "layer id 5 is out of range",
                 id="inter-layer-out-of-range"),
    pytest.param("*Multilayer\n1 1 -1 2 1\n", 2, "layer id -1 is out of range", id="negative-layer"),
    pytest.param("*Vertices 3\n1\n2\n3\n*Bipartite 9\n1 3\n2 3\n", 5, "beyond the node ids",
                 id="bipartite-start-beyond-ids"),
    pytest.param("*Intra\n1 1 2\n*Links\n1 2\n", 4, "cannot be mixed", id="intra-and-links"),
    pytest.param("*States\n1 1\n*Intra\n1 1 2\n", 4, "cannot be mixed", id="states-and-intra"),
    pytest.param("*Links\n1 2\n*Intra\n1 1 2\n", 2, "cannot be mixed with multilayer", id="links-then-intra"),
    pytest.param("*Multilayer\n1 1 2 2 1\n*States\n1 1\n", 2, "*States cannot be mixed with *Multilayer",
                 id="multilayer-and-states"),
    pytest.param("*Bipartite 2\n1 2\n*States\n1 1\n", 1, "*States cannot be mixed with *Bipartite",
                 id="bipartite-and-states"),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with small_service(tmp_path_factory.mktemp("data")) as c:
        yield c


@pytest.mark.parametrize("text, line, words", CATALOG)
def test_python_reader_names_the_line(text, line, words):
    with pytest.raises(ParseError, match=re.escape(words)) as info:
        parse_network(text)
    assert info.value.line == line


@pytest.mark.parametrize("command", [(), ("run",)], ids=["drop-in", "mapeq-run"])
@pytest.mark.parametrize("text, line, words", CATALOG)
def test_command_lines_name_the_line(tmp_path, text, line, words, command):
    bad = tmp_path / "bad.net"
    bad.write_text(text)
    args = (*command, bad) if command else (bad, tmp_path / "out", "--silent")
    status, out, err = mapeq_in_process(*args)
    assert status != 0, out
    assert f"line {line}" in err and words in err, err


@pytest.mark.parametrize("text, line, words", CATALOG)
def test_rest_upload_names_the_file_and_the_line(client, text, line, words):
    response = client.post("/v1/infomap/file", files={"file": ("bad.net", text.encode())})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["field"] == "file"
    assert f"line {line}" in error["message"] and words in error["message"]


@pytest.mark.parametrize("body, field, words", [
    ({"edges": [[1, 2]], "states": {"1": 1, "2": 2}, "bipartite_start_id": 2}, "states", "not both"),
    ({"edges": [[1, 2]], "layers": {"intra": [[1, 1, 2]]}}, "layers", "exactly one network form"),
    ({"layers": {"intra": [[1, 1, 2]]}, "states": {"1": 1}}, "states", "not layers"),
    ({"layers": {"intra": [[1, 1, 2]]}, "bipartite_start_id": 2}, "bipartite_start_id", "not layers"),
    ({"edges": [[1, 2], [2, 3]], "states": {"1": 1, "2": 1}}, "edges", "unknown state 3"),
    ({"edges": [[1, 2], [2, 3]], "bipartite_start_id": 9}, "bipartite_start_id", "beyond the node ids"),
    ({"layers": {"intra": [[1, 1, 2], [2, 1, 3]], "inter": [[1, 1, 5]]}}, "layers.inter", "5"),
])
def test_rest_body_with_mixed_or_bad_higher_order_forms_names_the_field(client, body, field, words):
    response = client.post("/v1/infomap", json=body)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["field"] == field and words in error["message"], error


def test_rest_upload_of_a_json_document_names_the_documents_field(client):
    doc = {"format": "infomap-network", "version": "1.0", "type": "state", "states": [{"id": 1, "node": 1}],
           "edges": [{"source": 1, "target": 1}, {"source": 1, "target": 9}]}
    import json

    response = client.post("/v1/infomap/file", files={"file": ("doc.json", json.dumps(doc).encode())})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["field"] == "file" and error["message"].startswith("edges[1]: link to unknown state 9"), error
