"""``-o json`` of the drop-in command line beside the official's on the inputs the first-order
comparison (test_compat_official.py) does not read: the higher-order example files and
``infomap-network`` JSON documents. The same keys in the same order, for the document, its
nodes and its modules, and the same name for every node id.

The names are the network's as the official reads it: a node a JSON document lists without a
``name`` is named ``""`` (a node it does not list, like every node of a link list, is named by
its id); a bipartite network's document carries its ``bipartiteStartId`` as given.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from .conftest import examples_dir, mapeq_in_process, official_cli
from .test_compat_official import header_shape

_EDGES = [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]
DOCUMENTS = {
    "standard": {"nodes": [{"id": 1, "name": "a"}, {"id": 2}, {"id": 3, "name": ""}, {"id": 5, "weight": 2.0}],
                 "edges": [{"source": s, "target": t} for s, t in _EDGES]},
    "state": {"type": "state", "nodes": [{"id": 1, "name": "i"}, {"id": 2}],
              "states": [{"id": 1, "node": 1}, {"id": 2, "node": 2, "name": "s2"}, {"id": 3, "node": 3},
                         {"id": 4, "node": 1}],
              "edges": [{"source": s, "target": t} for s, t in [(1, 2), (2, 3), (3, 1), (3, 4), (4, 1)]]},
    "bipartite": {"type": "bipartite", "bipartiteStartId": 4, "nodes": [{"id": 1, "name": "n1"}, {"id": 2}, {"id": 4}],
                  "edges": [{"source": s, "target": t} for s, t in [(1, 4), (2, 4), (2, 5), (3, 5)]]},
    "multilayer": {"type": "multilayer", "multilayer": "full", "nodes": [{"id": 1, "name": "i"}, {"id": 2}],
                   "edges": [{"source": s, "target": t, "layers": [a, b]}
                             for s, t, a, b in [(1, 2, 1, 1), (2, 3, 1, 1), (3, 1, 1, 2), (1, 3, 2, 2), (3, 4, 2, 2)]]},
}
BIPARTITE_START_NOT_A_NODE = "*Bipartite 5\n1 6 1\n2 6 1\n2 7 1\n3 7 1\n"   # no node 5: the id is kept as given


def _both(network, tmp_path) -> tuple[dict, dict]:
    official_cli(network, tmp_path / "theirs", "-o", "json", "-N", "2", "--silent")
    status, _, err = mapeq_in_process(network, tmp_path / "ours", "-o", "json", "-N", "2", "--silent")
    assert status == 0, err
    name = network.name.rsplit(".", 1)[0] + ".json"
    return (json.loads((tmp_path / side / name).read_text(encoding="utf-8")) for side in ("theirs", "ours"))


def _inputs() -> list:
    files = [pytest.param(examples_dir() / name, id=name) for name in
             ("states.net", "multilayer.net", "multilayer_intra.net", "multilayer_intra_inter.net", "bipartite.net")]
    return files + [pytest.param(kind, id=f"json-{kind}") for kind in DOCUMENTS] + [
        pytest.param("bipartite-start", id="bipartite-start-not-a-node")]


@pytest.mark.parametrize("source", _inputs())
def test_official_json_has_the_officials_keys_and_names(source, tmp_path):
    if source in DOCUMENTS:
        network = tmp_path / f"{source}.json"
        network.write_text(json.dumps({"format": "infomap-network", "version": "1.0", **DOCUMENTS[source]}))
    elif source == "bipartite-start":
        network = tmp_path / "bipartite_start.net"
        network.write_text(BIPARTITE_START_NOT_A_NODE)
    else:
        network = source
    theirs, ours = _both(network, tmp_path)
    assert list(ours) == list(theirs)
    assert [list(n) for n in ours["nodes"]] == [list(n) for n in theirs["nodes"]]
    assert {tuple(m) for m in ours["modules"]} == {tuple(m) for m in theirs["modules"]}
    # a physical node is listed once per module holding it: compare the (id, name) multisets
    assert Counter((n["id"], n["name"]) for n in ours["nodes"]) == Counter((n["id"], n["name"]) for n in theirs["nodes"])
    for key in ("higherOrder", "directed", "flowModel", "bipartiteStartId", "stateLevel"):
        assert ours.get(key) == theirs.get(key), key
    if source != "bipartite-start":  # there the official's flow goes to the feature nodes (left alone)
        assert ours["codelength"] == pytest.approx(theirs["codelength"], rel=1e-6)


@pytest.mark.parametrize("text", ["*Bipartite 4\n1 4 1\n2 4 1\n2 5 1\n3 5 1\n", BIPARTITE_START_NOT_A_NODE])
def test_bipartite_text_files_are_headed_with_the_start_id(text, tmp_path):
    network = tmp_path / "bip.net"
    network.write_text(text)
    official_cli(network, tmp_path / "theirs", "-o", "tree,ftree,clu", "--silent")
    status, _, err = mapeq_in_process(network, tmp_path / "ours", "-o", "tree,ftree,clu", "--silent")
    assert status == 0, err
    for ext in ("tree", "ftree", "clu"):
        ours, theirs = ([line for line in (tmp_path / side / f"bip.{ext}").read_text().splitlines() if line[:1] == "#"]
                        for side in ("ours", "theirs"))
        assert header_shape("\n".join(ours)) == header_shape("\n".join(theirs)), ext
        assert [x for x in ours if x.startswith("# bipartite")] == [x for x in theirs if x.startswith("# bipartite")] == \
            [f"# bipartite start id {text.split()[1]}"], ext
