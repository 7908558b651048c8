"""Output formats: round trips through our readers and the official Infomap."""

import json
import warnings

import numpy as np
import pytest

from infomap_core import InfomapOptions, compute_codelength, run_infomap
from infomap_core.formats import FORMATS, render
from infomap_core.io import parse_partition, parse_tree

from .networks import karate, lfr
from .oracle import codelength_of, official
from .test_multilevel import nine_triangles, planted_hierarchy


@pytest.fixture(scope="module")
def results():
    return {
        "ninetriangles": run_infomap(nine_triangles(), InfomapOptions(seed=2)),
        "hierarchy": run_infomap(planted_hierarchy(), InfomapOptions(seed=1)),
        "karate-two-level": run_infomap(karate(), InfomapOptions(two_level=True)),
    }


def test_format_table_is_complete():
    assert set(FORMATS) == {"json", "clu", "tree", "ftree", "csv", "newick"}
    assert all(f.extension.startswith(".") and "/" in f.media_type for f in FORMATS.values())


@pytest.mark.parametrize("name", ["ninetriangles", "hierarchy", "karate-two-level"])
def test_tree_round_trip_gives_same_tree_and_codelength(results, name):
    result = results[name]
    rows = parse_tree(render(result, "tree"))
    assert len(rows) == result.network.num_nodes
    paths = {node: ":".join(map(str, path)) for path, _, _, node in rows}
    scored = compute_codelength(result.network, paths)
    assert scored.codelength == pytest.approx(result.codelength, rel=1e-12)
    assert scored.tree.num_levels == result.num_levels
    ours = dict(zip(result.network.node_ids.tolist(), result.tree.paths()))
    assert {k: tuple(int(x) for x in v.split(":")) for k, v in paths.items()} == ours


@pytest.mark.parametrize("name", ["ninetriangles", "hierarchy"])
def test_ftree_tree_part_and_module_links(results, name):
    result = results[name]
    text = render(result, "ftree")
    assert parse_tree(text) == parse_tree(render(result, "tree"))
    sections = [line for line in text.splitlines() if line.startswith("*Links ")]
    assert sections[0].startswith("*Links undirected")
    root = sections[1].split()
    assert root[1] == "root" and int(root[5]) == result.num_modules
    # the flow on links between top modules is the index codebook's traffic
    body = text.split(sections[1] + "\n", 1)[1].split("*Links", 1)[0].strip().splitlines()
    between = sum(float(line.split()[2]) for line in body)
    top_exit = result.tree.exit[result.tree.children()[0]].sum()
    assert between == pytest.approx(top_exit, rel=1e-6)


@pytest.mark.parametrize("level", [1, -1])
def test_clu_round_trip(results, level):
    result = results["hierarchy"]
    part = parse_partition(render(result, "clu", clu_level=level))
    expected = dict(zip(result.network.node_ids.tolist(), result.module_ids(level).tolist()))
    assert part == expected
    if level == 1:
        assert compute_codelength(result.network, part).codelength == pytest.approx(
            compute_codelength(result.network, expected).codelength, rel=1e-12)


def test_official_reads_our_tree_and_clu(results, tmp_path):
    result = results["hierarchy"]
    tree_file = tmp_path / "h.tree"
    tree_file.write_text(render(result, "tree"))
    im = official(result.network, two_level=False, extra=f"--no-infomap --cluster-data {tree_file}")
    assert codelength_of(im) == pytest.approx(result.codelength, rel=1e-9)
    clu_file = tmp_path / "h.clu"
    clu_file.write_text(render(result, "clu"))
    im = official(result.network, two_level=True, extra=f"--no-infomap --cluster-data {clu_file}")
    flat = compute_codelength(result.network, parse_partition(clu_file.read_text()))
    assert codelength_of(im) == pytest.approx(flat.codelength, rel=1e-9)


def test_csv_newick_json(results):
    result = results["ninetriangles"]
    csv = render(result, "csv").splitlines()
    assert csv[0] == "path,flow,name,node_id" and len(csv) == 28
    newick = render(result, "newick").strip().splitlines()[-1]
    assert newick.endswith(";") and newick.count("(") == newick.count(")")
    import re

    labels = re.findall(r"[(,](\w+):", newick)
    assert sorted(int(x) for x in labels) == list(range(1, 28))
    # one per module, the root included, and the outer wrapper the official writes: ((...):1);
    assert newick.count("(") == result.tree.size - result.network.num_nodes + 1
    data = json.loads(render(result, "json"))
    assert data["codelength"] == pytest.approx(result.codelength)
    assert data["num_levels"] == 3 and len(data["node_flow"]) == 27


@pytest.mark.slow
def test_lfr_10000_multilevel_no_worse_than_official():
    net, _ = lfr(10000, 0.3)
    ours = [run_infomap(net, InfomapOptions(seed=s)).codelength for s in range(1, 6)]
    theirs = [codelength_of(official(net, two_level=False, seed=s)) for s in range(1, 6)]
    assert np.mean(ours) <= np.mean(theirs) * (1 + 1e-9)


def _ftree_link_sections(text: str) -> list:
    """[(enter, exit, children, sorted link flows)] of every module, sorted: independent of
    how either engine orders modules and numbers the children of a module."""
    sections = []
    for line in text.splitlines():
        parts = line.split()
        if line.startswith("*Links ") and len(parts) == 6:
            sections.append((float(parts[2]), float(parts[3]), int(parts[5]), []))
        elif sections and parts and not line.startswith("#"):
            sections[-1][3].append(float(parts[2]))
    return sorted((children, round(enter, 6), exit_, enter, sorted(flows))
                  for enter, exit_, children, flows in sections)


@pytest.mark.parametrize("network", ["ninetriangles", "hierarchy", "directed"])
def test_ftree_module_links_equal_the_official_ftree_of_the_same_tree(network, tmp_path):
    from .networks import weighted_directed_with_dangling

    net = {"ninetriangles": nine_triangles, "hierarchy": planted_hierarchy,
           "directed": weighted_directed_with_dangling}[network]()
    result = run_infomap(net, InfomapOptions(seed=1, num_trials=2))
    (tmp_path / "ours.tree").write_text(render(result, "tree"))
    im = official(net, two_level=False, extra=f"--no-infomap --cluster-data {tmp_path / 'ours.tree'}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im.write_flow_tree(str(tmp_path / "official.ftree"))
    ours = _ftree_link_sections(render(result, "ftree"))
    theirs = _ftree_link_sections((tmp_path / "official.ftree").read_text())
    assert len(ours) == int((result.tree.leaf < 0).sum())  # one section per module, the root included
    assert len(ours) == len(theirs)
    for (children, _, exit_, enter, flows), (t_children, _, t_exit, t_enter, t_flows) in zip(ours, theirs):
        assert children == t_children and len(flows) == len(t_flows)
        assert (enter, exit_) == pytest.approx((t_enter, t_exit), rel=1e-5)  # theirs: 6 digits
        assert flows == pytest.approx(t_flows, rel=1e-5)


def _tree_to_json_reference(tree, network):
    """The nested tree as first written (children lists, two passes): the reference for the one-pass build."""
    from infomap_core.formats.text import node_names

    kids = tree.children()
    ids = network.node_ids.tolist()
    names = node_names(network)
    paths = {0: ""}
    built = {}
    for t in tree.depth_first().tolist():
        if t:
            parent_path = paths[int(tree.parent[t])]
            paths[t] = f"{parent_path}:{int(tree.rank[t])}" if parent_path else str(int(tree.rank[t]))
    for t in tree.depth_first()[::-1].tolist():
        if tree.leaf[t] >= 0:
            a = int(tree.leaf[t])
            built[t] = {"path": paths[t], "node": ids[a], "name": names[a], "flow": float(tree.flow[t])}
        else:
            built[t] = {"path": paths[t] or "root", "flow": float(tree.flow[t]), "enter": float(tree.enter[t]),
                        "exit": float(tree.exit[t]), "children": [built.pop(int(c)) for c in kids[t]]}
    return built[0]


@pytest.mark.parametrize("two_level", [False, True])
@pytest.mark.parametrize("graph", ["karate", "named", "random"])
def test_tree_to_json_is_the_nested_tree(graph, two_level):
    import networkx as nx
    import orjson

    from infomap_core import InfomapOptions, Network, run_infomap
    from infomap_core.formats.json_formats import tree_json_bytes, tree_to_json

    if graph == "karate":
        network = Network.from_edges(list(nx.karate_club_graph().edges()))
    elif graph == "named":
        network = Network.from_edges([(f"n{a}", f'"{b}"\\') for a, b in nx.les_miserables_graph().edges()])
    else:
        g = nx.planted_partition_graph(8, 40, 0.3, 0.01, seed=3)
        network = Network.from_edges(list(g.edges()))
    result = run_infomap(network, InfomapOptions(two_level=two_level, seed=2))
    got, want = tree_to_json(result.tree, result.network), _tree_to_json_reference(result.tree, result.network)
    assert orjson.dumps(got) == orjson.dumps(want)
    assert tree_json_bytes(result.tree, result.network) == orjson.dumps(want)      # the kernel's bytes


def test_tree_json_bytes_of_odd_flows():
    """NaN (null), subnormal and huge flows: the kernel splices orjson's own text of each."""
    import orjson
    from dataclasses import replace

    from infomap_core import Network, run_infomap
    from infomap_core.formats.json_formats import tree_json_bytes, tree_to_json

    result = run_infomap(Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]))
    tree = result.tree
    odd = replace(tree, flow=np.where(np.arange(tree.size) % 3 == 0, np.nan, tree.flow * 1e-310),
                  enter=tree.enter * 1e300, _children=None)
    assert tree_json_bytes(odd, result.network) == orjson.dumps(tree_to_json(odd, result.network))


@pytest.mark.parametrize("keys", [
    np.array([3, -7, 2**63 - 1, -2**63, 0]),
    np.array(["a", 'q"uote', "back\\slash", "é\u2028", ""], dtype=object),
    np.array([], dtype=np.int64),
], ids=["int", "str", "empty"])
@pytest.mark.parametrize("values", ["int", "float"])
def test_mapping_json_bytes_is_orjsons_dict(keys, values):
    import orjson

    from infomap_core.formats.json_formats import mapping_json_bytes

    n = len(keys)
    data = (np.arange(n, dtype=np.int64) * 7 - 3 if values == "int"
            else np.array([0.1, np.nan, 5e-324, 1e300, -0.0][:n]))
    assert mapping_json_bytes(keys, data) == orjson.dumps(dict(zip(map(str, keys.tolist()), data.tolist())))


@pytest.mark.parametrize("hide", [False, True])
def test_to_dict_written_is_the_same_document(hide):
    """``to_dict(written=True)`` (mappings and tree as JSON text) serializes to the bytes of ``to_dict()``."""
    import orjson

    from infomap_core import InfomapOptions, Network, run_infomap

    network = Network.from_bipartite([(1, 10), (2, 10), (3, 11), (4, 11), (1, 11), (2, 12), (3, 12)], 10)
    result = run_infomap(network, InfomapOptions(seed=3))
    plain = result.to_dict(include_flow=True, hide_bipartite_nodes=hide)
    written = result.to_dict(include_flow=True, hide_bipartite_nodes=hide, written=True)
    assert orjson.dumps(written) == orjson.dumps(plain)
    assert isinstance(written["modules"], orjson.Fragment) and isinstance(written["tree"], orjson.Fragment)
