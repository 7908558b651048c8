"""The official ``infomap-network`` JSON input (issue 14): the same network as the
equivalent text file, read by the official Infomap the same way, and errors naming the field.

Each random document is also written as the official text sections by this test's own
writer; the official reads both files to the same codelength (so the test's reading of the
JSON format is the official's), and our reader builds from the JSON exactly the network it
builds from the text (whose flow and codelength equal the official's: test_higher_order.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from infomap_core import compute_codelength, prepare, run_infomap
from infomap_core.errors import ParseError, PartitionError
from infomap_core.io import detect_format, parse_network, read_network

INFOMAP_CLI = Path(sys.executable).with_name("infomap")


def _edges(rng, n, m, start=1):
    src = rng.integers(start, start + n, m)
    tgt = rng.integers(start, start + n, m)
    keep = src != tgt
    return [(int(a), int(b), float(w)) for a, b, w in zip(src[keep], tgt[keep], rng.uniform(0.5, 3.0, m)[keep])]


def standard(rng):
    edges = _edges(rng, 12, 30)
    edges[0] = edges[0][:2] + (0.0,)  # a link of weight 0 is no link, in both readers
    nodes = sorted({e[0] for e in edges} | {e[1] for e in edges})
    doc = {"format": "infomap-network", "version": "1.0",
           "nodes": [{"id": v, "name": f"n{v}", "weight": float(rng.uniform(0.5, 2))} for v in nodes[::2]],
           "edges": [{"source": a, "target": b, "weight": w} for a, b, w in edges]}
    listed = {d["id"]: d["weight"] for d in doc["nodes"]}
    vertices = [f'{v} "{v}" {listed.get(v, 1.0)!r}' for v in nodes]  # a Pajek *Vertices lists every node
    text = [f"*Vertices {len(vertices)}", *vertices, "*Links", *(f"{a} {b} {w!r}" for a, b, w in edges)]
    return doc, text


def bipartite(rng):
    src = rng.integers(1, 11, 30)  # primary nodes 1-10, feature nodes 11-15
    tgt = rng.integers(11, 16, 30)
    w = rng.uniform(0.5, 3.0, 30)
    edges = [(int(a), int(b), float(x)) for a, b, x in zip(src, tgt, w)]
    doc = {"format": "infomap-network", "version": "1.0", "type": "bipartite", "bipartiteStartId": 11,
           "edges": [{"source": a, "target": b, "weight": x} for a, b, x in edges]}
    return doc, ["*Bipartite 11", *(f"{a} {b} {x!r}" for a, b, x in edges)]


def state(rng):
    states = {s: int(rng.integers(1, 6)) for s in range(1, 13)}
    edges = _edges(rng, 12, 30)
    doc = {"format": "infomap-network", "version": "1.0", "type": "state",
           "states": [{"id": s, "node": p} for s, p in states.items()],
           "edges": [{"source": a, "target": b, "weight": w} for a, b, w in edges]}
    text = ["*Vertices 5", *(f'{p} "{p}"' for p in range(1, 6)), "*States", *(f"{s} {p}" for s, p in states.items()),
            "*Links", *(f"{a} {b} {w!r}" for a, b, w in edges)]
    return doc, text


def multilayer(kind):
    def make(rng):
        links, json_edges = [], []
        for _ in range(40):
            a, b = (int(x) for x in rng.integers(1, 9, 2))
            la, lb = (int(x) for x in rng.integers(1, 4, 2))
            w = float(rng.uniform(0.5, 3.0))
            if kind == "full":
                if (la, a) == (lb, b):
                    continue
                links.append(("*Multilayer", f"{la} {a} {lb} {b} {w!r}"))
                json_edges.append({"layers": [la, lb], "source": a, "target": b, "weight": w})
            elif kind == "intra" or la == lb or rng.random() < 0.7:
                if a == b:
                    continue
                links.append(("*Intra", f"{la} {a} {b} {w!r}"))
                json_edges.append({"layers": [la], "source": a, "target": b, "weight": w})
            else:
                links.append(("*Inter", f"{la} {a} {lb} {w!r}"))
                json_edges.append({"layers": [la, lb], "source": a, "target": a, "weight": w})
        doc = {"format": "infomap-network", "version": "1.0", "type": "multilayer", "multilayer": kind,
               "edges": json_edges}
        text = []
        for section in ("*Multilayer", "*Intra", "*Inter"):
            rows = [line for head, line in links if head == section]
            if rows:
                text += [section, *rows]
        return doc, text
    return make


KINDS = {"standard": standard, "bipartite": bipartite, "state": state, "multilayer-full": multilayer("full"),
         "multilayer-intra": multilayer("intra"), "multilayer-intra-inter": multilayer("intra-inter")}


def _official_codelength(path: Path, out: Path, flags: str) -> float:
    out.mkdir(exist_ok=True)
    subprocess.run([str(INFOMAP_CLI), str(path), str(out), "--two-level", "--silent", "-o", "tree", "--seed", "3",
                    "-N", "5", *flags.split()], check=True, capture_output=True)
    tree = next(out.glob(f"{path.stem}*.tree"))
    line = next(x for x in tree.read_text().splitlines() if x.startswith("# codelength"))
    return float(line.split()[2])


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("seed", range(4))
def test_json_document_is_the_network_of_its_text_sections(tmp_path, kind, seed, directed):
    doc, text = KINDS[kind](np.random.default_rng([seed, len(kind)]))
    json_path, net_path = tmp_path / "doc.json", tmp_path / "doc.net"
    json_path.write_text(json.dumps(doc))
    net_path.write_text("\n".join(text) + "\n")
    flags = "-d" if directed else ""
    official_json = _official_codelength(json_path, tmp_path / "out_json", flags)
    official_text = _official_codelength(net_path, tmp_path / "out_text", flags)
    assert official_json == pytest.approx(official_text, rel=1e-9), "the test's text is not the official's reading"

    ours_json = read_network(json_path, directed=directed)
    ours_text = read_network(net_path, directed=directed)
    for name in ("indptr", "indices", "weights", "node_ids", "node_weights", "physical", "physical_ids", "layers"):
        a, b = getattr(ours_json, name), getattr(ours_text, name)
        assert (a is None) == (b is None), name
        if a is not None:
            np.testing.assert_array_equal(a, b, err_msg=name)
    assert ours_json.bipartite_start == ours_text.bipartite_start
    ours = run_infomap(ours_json, two_level=True, num_trials=5, seed=3, directed=directed).codelength
    assert ours <= official_json * (1 + 1e-4)


@pytest.mark.parametrize("seed", range(6))
def test_the_column_reader_of_standard_documents_builds_the_checked_readers_network(seed):
    """Well-formed standard documents are read column-wise; the checked path (text sections)
    must give the same network, ids as integral floats and unlisted nodes included."""
    from infomap_core.io import json_network

    rng = np.random.default_rng(seed)
    doc, _ = standard(rng)
    if seed % 2:
        doc["edges"][1]["source"] = float(doc["edges"][1]["source"])
        doc["nodes"].append({"id": 99, "name": "alone"})
    if seed % 3 == 0:
        doc["directed"] = True
    fast = json_network._standard_network(doc, None)
    assert fast is not None
    text, names, _ = json_network.json_network_text(doc)
    checked = json_network._named(parse_network(text.encode()), names, {})
    for name in ("indptr", "indices", "weights", "node_ids", "node_weights", "node_names", "directed"):
        a, b = getattr(fast, name), getattr(checked, name)
        if isinstance(a, np.ndarray):
            np.testing.assert_array_equal(a, b, err_msg=name)
        else:
            assert a == b, name


def test_json_is_detected_by_content_and_names_are_kept():
    doc = {"format": "infomap-network", "version": "1.0", "directed": True,
           "nodes": [{"id": 1, "name": "Alice"}, {"id": 4, "name": 'Bob "the" builder'}],
           "edges": [{"source": 1, "target": 2}, {"source": 2, "target": 3}, {"source": 3.0, "target": 1},
                     {"source": 3, "target": 4}, {"source": 4, "target": 5}, {"source": 5, "target": 6},
                     {"source": 6, "target": 4}]}
    raw = json.dumps(doc).encode()
    assert detect_format(b"  \n" + raw) == "json"
    net = parse_network(raw)
    assert net.node_ids.tolist() == [1, 2, 3, 4, 5, 6]
    assert net.node_names[0] == "Alice" and net.node_names[3] == 'Bob "the" builder'
    # as in the official, the document's "directed" does not set the flow model
    assert run_infomap(net, two_level=True).codelength == pytest.approx(2.320730, abs=1e-6)


def test_state_names_go_on_states_and_node_names_on_physical_nodes():
    doc = {"format": "infomap-network", "version": "1.0", "type": "state",
           "nodes": [{"id": 1, "name": "i"}, {"id": 2, "name": "j"}],
           "states": [{"id": 10, "node": 1, "name": "a~i"}, {"id": 11, "node": 2}, {"id": 12, "node": 1}],
           "edges": [{"source": 10, "target": 11}, {"source": 11, "target": 12}, {"source": 12, "target": 10}]}
    net = parse_network(json.dumps(doc))
    assert net.physical_names == ("i", "j")
    assert net.node_names == ("a~i", "11", "12")


@pytest.mark.parametrize("doc, where", [
    ({"format": "pajek", "version": "1.0", "edges": []}, "format"),
    ({"format": "infomap-network", "version": "2.0", "edges": []}, "version"),
    ({"format": "infomap-network", "version": "1.0"}, "missing required field 'edges'"),
    ({"format": "infomap-network", "version": "1.0", "edges": [{"source": 1}]}, "edges[0]: missing required field"),
    ({"format": "infomap-network", "version": "1.0", "edges": [{"source": 1, "target": -2}]}, "edges[0].target"),
    ({"format": "infomap-network", "version": "1.0", "edges": [{"source": 1, "target": 1.5}]}, "edges[0].target"),
    ({"format": "infomap-network", "version": "1.0", "edges": [{"source": 1, "target": 2, "weight": "x"}]},
     "edges[0].weight"),
    ({"format": "infomap-network", "version": "1.0", "type": "tree", "edges": []}, "type"),
    ({"format": "infomap-network", "version": "1.0", "type": "bipartite", "edges": [{"source": 1, "target": 2}]},
     "bipartiteStartId"),
    ({"format": "infomap-network", "version": "1.0", "nodes": [{"id": 1, "meta": -2}],
      "edges": [{"source": 1, "target": 2}]}, "nodes[0].meta"),
    ({"format": "infomap-network", "version": "1.0", "nodes": [{"id": 1, "meta": 2**31}],
      "edges": [{"source": 1, "target": 2}]}, "nodes[0].meta"),
    ({"format": "infomap-network", "version": "1.0", "nodes": [{"id": 1, "path": [1, 0]}],
      "edges": [{"source": 1, "target": 2}]}, "nodes[0].path[1]"),
    ({"format": "infomap-network", "version": "1.0", "nodes": [{"id": 1, "path": []}],
      "edges": [{"source": 1, "target": 2}]}, "nodes[0].path"),
    ({"format": "infomap-network", "version": "1.0", "nodes": [{"id": 1, "path": 1}],
      "edges": [{"source": 1, "target": 2}]}, "nodes[0].path"),
    ({"format": "infomap-network", "version": "1.0", "type": "state", "states": [{"id": 1, "node": 1, "meta": 10}],
      "edges": [{"source": 1, "target": 1}]}, "states[0].meta: unknown field"),
    ({"format": "infomap-network", "version": "1.0", "type": "state", "states": [{"id": 1, "node": 1}],
      "nodes": [{"id": 1, "meta": 0}], "edges": [{"source": 1, "target": 1}]}, "nodes[0].meta"),
    ({"format": "infomap-network", "version": "1.0", "type": "multilayer", "multilayer": "full",
      "nodes": [{"id": 1, "path": [1]}], "edges": [{"layers": [1, 2], "source": 1, "target": 2}]}, "nodes[0].path"),
    ({"format": "infomap-network", "version": "1.0", "type": "state", "nodes": [{"id": 1, "path": [1]}],
      "states": [{"id": 1, "node": 1, "path": [2]}, {"id": 2, "node": 1}], "edges": [{"source": 1, "target": 2}]},
     "states: state 1 has a path and so does its physical node"),
    ({"format": "infomap-network", "version": "1.0", "nodes": [{"id": 1, "weight": -1}],
      "edges": [{"source": 1, "target": 2}]}, "nodes[0].weight"),
    ({"format": "infomap-network", "version": "1.0", "type": "multilayer", "multilayer": "intra",
      "edges": [{"layers": [1, 2], "source": 1, "target": 2}]}, "edges[0].layers"),
    ({"format": "infomap-network", "version": "1.0", "type": "multilayer", "multilayer": "intra-inter",
      "edges": [{"layers": [1, 2], "source": 1, "target": 2}]}, "source 1 != target 2"),
    ({"format": "infomap-network", "version": "1.0", "states": [], "edges": [{"source": 1, "target": 2}]},
     "states: only for a network of type 'state'"),
    ({"format": "infomap-network", "version": "1.0", "edges": []}, "edges: the network has no edges"),
])
def test_bad_documents_name_the_field(doc, where):
    with pytest.raises(ParseError) as err:
        parse_network(json.dumps(doc).encode())
    assert where in str(err.value)
    assert err.value.field == "network"


def test_invalid_json_is_a_parse_error():
    with pytest.raises(ParseError, match="not valid JSON"):
        parse_network(b'{"format": "infomap-network", ')


def test_a_run_cannot_change_how_intra_layer_links_were_read():
    """The relaxation of intra-layer links depends on their direction when read; a run that
    asks for the other reading would get neither answer (it silently did): an error."""
    from infomap_core.errors import OptionError

    doc = {"format": "infomap-network", "version": "1.0", "type": "multilayer", "multilayer": "intra",
           "edges": [{"layers": [1], "source": 1, "target": 2}, {"layers": [1], "source": 2, "target": 3},
                     {"layers": [2], "source": 1, "target": 3}, {"layers": [2], "source": 3, "target": 4}]}
    undirected = parse_network(json.dumps(doc))
    assert run_infomap(undirected, directed=False).codelength == run_infomap(undirected).codelength
    with pytest.raises(OptionError, match="read the network with directed=True") as err:
        run_infomap(undirected, directed=True)
    assert err.value.field == "directed"
    directed = parse_network(json.dumps(doc), directed=True)
    with pytest.raises(OptionError, match="read the network with directed=False") as err:
        run_infomap(directed, flow_model="undirected")
    assert err.value.field == "flow_model"


# ------------------------------------------------------- embedded meta data and start paths
def _official_no_infomap(path: Path, flags: str = "") -> float:
    """The official's codelength of the document's own start partition (its paths), no search."""
    import warnings

    import infomap

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent --two-level --no-infomap {flags}")
        im.read_file(str(path))
        im.run()
        return float(im.codelength)


def _embedded_standard(rng, *, meta: bool, paths: bool, kind=None) -> dict:
    doc, _ = (kind or standard)(rng)
    nodes = sorted({e["source"] for e in doc["edges"]} | {e["target"] for e in doc["edges"]})
    doc["nodes"] = [{"id": v, **({"meta": int(rng.integers(0, 3))} if meta else {}),
                     **({"path": [int(rng.integers(1, 4)), k + 1]} if paths else {})} for k, v in enumerate(nodes)]
    return doc


def _embedded_state(rng, *, state_paths: bool) -> dict:
    """Paths on the physical nodes (each of its states starts there), or (``state_paths``) on
    the even physical nodes and on the states of the odd ones."""
    doc, _ = state(rng)
    physical = sorted({s["node"] for s in doc["states"]})
    doc["nodes"] = [{"id": p, "path": [int(rng.integers(1, 4))]} for p in physical if not state_paths or p % 2 == 0]
    if state_paths:
        for s in doc["states"]:
            if s["node"] % 2:
                s["path"] = [int(rng.integers(1, 4)), 1]
    return doc


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("kind", ["meta+paths", "paths", "bipartite-meta+paths", "state-node-paths", "state-paths"])
def test_embedded_meta_and_paths_score_as_the_official(tmp_path, seed, kind):
    """The official scores the document's start partition (its paths) with its meta data
    (--no-infomap); our network carries the same start partition and meta data and scores it the same."""
    rng = np.random.default_rng([seed, len(kind)])
    doc = (_embedded_standard(rng, meta="meta" in kind, paths=True, kind=bipartite if "bipartite" in kind else None)
           if not kind.startswith("state") else _embedded_state(rng, state_paths=kind == "state-paths"))
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc))
    net = read_network(path)
    assert net.initial_partition and (net.meta_data is not None) == ("meta" in kind)
    ours = compute_codelength(net, net.initial_partition)
    assert ours.codelength == pytest.approx(_official_no_infomap(path), rel=1e-9)
    if "meta" in kind:  # the meta data is coded: without it the codelength is shorter
        assert compute_codelength(net, net.initial_partition, meta_data={}).codelength < ours.codelength


def test_official_fixtures_twotriangles_meta_and_paths(tmp_path):
    """The official's own fixtures (test/fixtures/networks/json): meta data on every node, and a
    start path on every node (modules 1, 1, 2, 2, 3, 3)."""
    edges = [{"source": a, "target": b} for a, b in [(1, 2), (1, 3), (2, 3), (3, 4), (4, 5), (4, 6), (5, 6)]]
    meta = {"format": "infomap-network", "version": "1.0", "edges": edges,
            "nodes": [{"id": i, "meta": m} for i, m in zip(range(1, 7), [0, 0, 1, 1, 0, 0])]}
    paths = {"format": "infomap-network", "version": "1.0", "edges": edges,
             "nodes": [{"id": i, "path": [m]} for i, m in zip(range(1, 7), [1, 1, 2, 2, 3, 3])]}
    for name, doc in (("meta", meta), ("paths", paths)):
        (tmp_path / f"{name}.json").write_text(json.dumps(doc))
    net = read_network(tmp_path / "paths.json")
    assert net.initial_partition == {1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 3} and net.meta_data is None
    assert compute_codelength(net, net.initial_partition).codelength == pytest.approx(
        _official_no_infomap(tmp_path / "paths.json"), rel=1e-9)
    problem = prepare(net)  # the search starts from the document's partition
    np.testing.assert_array_equal(problem.initial, [0, 0, 1, 1, 2, 2])
    assert prepare(net, initial_partition={1: 1}).initial.tolist() == [0, 1, 2, 3, 4, 5]  # a given one wins

    net = read_network(tmp_path / "meta.json")
    assert net.meta_data == {1: 0, 2: 0, 3: 1, 4: 1, 5: 0, 6: 0}
    import warnings

    import infomap

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap("--silent --two-level --seed 3")
        im.read_file(str(tmp_path / "meta.json"))
        im.run()
        modules = {n.node_id: n.module_id for n in im.get_nodes()}
    assert compute_codelength(net, modules).codelength == pytest.approx(float(im.codelength), rel=1e-9)
    result = run_infomap(net, two_level=True, num_trials=5, seed=3)
    assert result.codelength <= float(im.codelength) * (1 + 1e-9)


def test_meta_data_on_some_nodes_only_is_refused_by_name_at_run_time():
    """The official codes a node without a category as category -1; we refuse the ambiguity (as
    for --meta-data), naming the field and the nodes."""
    doc = {"format": "infomap-network", "version": "1.0", "nodes": [{"id": 1, "meta": 0}],
           "edges": [{"source": 1, "target": 2}, {"source": 2, "target": 3}]}
    net = parse_network(json.dumps(doc).encode())
    with pytest.raises(PartitionError) as err:
        run_infomap(net)
    assert err.value.field == "meta_data" and "2 of 3 nodes" in err.value.message


def test_embedded_meta_and_paths_change_the_fingerprint():
    base = {"format": "infomap-network", "version": "1.0", "edges": [{"source": 1, "target": 2}]}
    docs = [base, {**base, "nodes": [{"id": 1, "meta": 0}, {"id": 2, "meta": 1}]},
            {**base, "nodes": [{"id": 1, "meta": 0}, {"id": 2, "meta": 0}]},
            {**base, "nodes": [{"id": 1, "path": [1]}, {"id": 2, "path": [2]}]}]
    assert len({parse_network(json.dumps(d).encode()).fingerprint() for d in docs}) == 4


def test_state_document_without_states_makes_each_endpoint_a_state_of_its_own_node(tmp_path):
    """As the official reads it: no ``states`` array, one state per edge endpoint, physical id = state id."""
    doc, _ = state(np.random.default_rng(5))
    explicit = {**doc, "states": [{"id": s, "node": s} for s in sorted({e["source"] for e in doc["edges"]}
                                                                        | {e["target"] for e in doc["edges"]})]}
    del doc["states"]
    for name, d in (("implicit", doc), ("explicit", explicit)):
        (tmp_path / f"{name}.json").write_text(json.dumps(d))
    implicit_net, explicit_net = read_network(tmp_path / "implicit.json"), read_network(tmp_path / "explicit.json")
    assert implicit_net.fingerprint() == explicit_net.fingerprint()
    theirs = _official_codelength(tmp_path / "implicit.json", tmp_path / "out_implicit", "")
    assert theirs == pytest.approx(_official_codelength(tmp_path / "explicit.json", tmp_path / "out_explicit", ""),
                                   rel=1e-9)
    assert run_infomap(implicit_net, two_level=True, num_trials=5, seed=3).codelength <= theirs * (1 + 1e-4)


@pytest.mark.parametrize("doc, words", [
    ({"type": "state", "states": [{"id": 1, "node": 1}, {"id": 2, "node": 1}],
      "edges": [{"source": 1, "target": 2}, {"source": 2, "target": 9}]}, "edges[1]: link to unknown state 9"),
    ({"type": "bipartite", "bipartiteStartId": 9, "edges": [{"source": 1, "target": 2}]},
     "bipartiteStartId: bipartite start id 9 is beyond the node ids"),
    ({"type": "bipartite", "bipartiteStartId": 3, "edges": [{"source": 1, "target": 3}, {"source": 1, "target": 2}]},
     "edges[1]: link 1 2 joins two primary nodes"),
    ({"type": "multilayer", "multilayer": "intra-inter",
      "edges": [{"layers": [1], "source": 1, "target": 2}, {"layers": [1, 5], "source": 1, "target": 1}]},
     "edges[1]: layer id 5 is out of range"),
    ({"nodes": [{"id": 1, "weight": 1.0}], "edges": [{"source": 1, "target": "x"}]}, "edges[0].target"),
])
def test_catalogue_errors_of_documents_name_the_field_not_a_line(doc, words):
    """Issue 14's bad-input catalogue in JSON documents: the error names the document's field
    (the text the document is read as is not the user's, so its line numbers would mislead)."""
    with pytest.raises(ParseError) as err:
        parse_network(json.dumps({"format": "infomap-network", "version": "1.0", **doc}).encode())
    assert words in str(err.value) and err.value.line is None and err.value.field == "network"


@pytest.mark.parametrize("text", [False, True], ids=["json", "text"])
@pytest.mark.parametrize("seed", range(3))
def test_state_weights_are_teleportation_weights_as_in_the_official(tmp_path, seed, text):
    """``states[].weight`` (and the weight of a ``*States`` line, ``state physical ["name"] weight``)
    weighs the teleportation to the state (``--to-nodes``), as in the official."""
    import warnings

    import infomap

    from infomap_core import InfomapOptions, compute_flow

    rng = np.random.default_rng(seed)
    doc, _ = state(rng)
    for s in doc["states"]:
        s["weight"] = float(rng.choice([0.5, 1.0, 4.0]))
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc))
    if text:
        path = tmp_path / "doc.net"
        path.write_text("\n".join(["*States", *(f'{s["id"]} {s["node"]} "s{s["id"]}" {s["weight"]!r}' for s in doc["states"]),
                                   "*Arcs", *(f'{e["source"]} {e["target"]} {e["weight"]!r}' for e in doc["edges"])]))
    net = read_network(path, directed=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap("--silent --two-level -d --to-nodes --seed 3")
        im.read_file(str(path))
        im.run()
        theirs = {n.state_id: n for n in im.get_nodes(states=True)}
    ids = net.node_ids.tolist()
    flow = compute_flow(net, "directed", to_nodes=True).node_flow
    np.testing.assert_allclose(flow, [theirs[i].flow for i in ids], rtol=1e-9, atol=1e-14)
    ours = compute_codelength(net, {i: theirs[i].module_id for i in ids}, InfomapOptions(directed=True, to_nodes=True))
    assert ours.codelength == pytest.approx(float(im.codelength), rel=1e-9)


@pytest.mark.parametrize("seed", range(3))
def test_json_detection_is_the_first_non_blank_byte(seed):
    """``is_json_network`` finds the first non-blank byte in place; it answers as ``lstrip`` does
    on drawn prefixes of blanks and other bytes (bytes and memoryviews)."""
    from infomap_core.io.json_network import is_json_network

    rng = np.random.default_rng(seed)
    alphabet = [b" ", b"\t", b"\n", b"\r", b"\x0b", b"\x0c", b"{", b"*", b"1", b"\x00", b"\xa0", b"#"]
    for _ in range(2000):
        buf = b"".join(alphabet[i] for i in rng.integers(0, len(alphabet), rng.integers(0, 8)))
        expected = buf.lstrip()[:1] == b"{"
        assert is_json_network(buf) == expected == is_json_network(memoryview(buf)), buf
