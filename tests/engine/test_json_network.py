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

from infomap_core import run_infomap
from infomap_core.errors import ParseError
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
    ({"format": "infomap-network", "version": "1.0", "nodes": [{"id": 1, "meta": 2}],
      "edges": [{"source": 1, "target": 2}]}, "nodes[0].meta"),
    ({"format": "infomap-network", "version": "1.0", "nodes": [{"id": 1, "path": [1, 2]}],
      "edges": [{"source": 1, "target": 2}]}, "nodes[0].path"),
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
