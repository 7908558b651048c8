"""Network, partition and tree readers."""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infomap_core import InvalidWeightError, Network, ParseError
from infomap_core.io import parse_network, parse_partition, parse_tree, read_network

DATA = Path(__file__).resolve().parents[2] / "infomap_core" / "data"


@pytest.mark.parametrize("name,nodes,links,directed", [
    ("twotriangles.net", 6, 7, False), ("ninetriangles.net", 27, 39, False), ("modular_w.net", 25, 43, False),
    ("modular_wd.net", 25, 43, False), ("karate.net", 34, 78, False), ("lesmis.net", 77, 254, False),
])
def test_bundled_examples(name, nodes, links, directed):
    net = read_network(DATA / name)
    assert (net.num_nodes, net.num_links, net.directed) == (nodes, links, directed)


def test_link_list_comments_weights_duplicates_self_links():
    net = parse_network("# header\n1 2 2.5  # trailing\n\n2 1 0.5\n3 3\n2 3\n")
    assert net.num_nodes == 3 and not net.directed
    src, tgt, w = net.to_coo()
    links = {(int(net.node_ids[a]), int(net.node_ids[b])): x for a, b, x in zip(src, tgt, w)}
    assert links == {(1, 2): 2.5, (2, 1): 0.5, (2, 3): 1.0, (3, 3): 1.0}  # as given; 1-2 counts once
    assert net.num_links == 3


def test_mixed_columns_and_string_ids():
    net = parse_network("a b\nb c 2\n")
    assert net.node_ids.tolist() == ["a", "b", "c"]
    assert net.weights.tolist() == [1.0, 2.0]


@pytest.mark.parametrize("text,error,line", [
    ("1 2\n1 2 3 4\n", ParseError, 2),
    ("1 2\n# c\n2 3 abc\n", ParseError, 3),
    ("1 2 nan\n", InvalidWeightError, 1),
    ("1 2\n2 3 -1\n", InvalidWeightError, 2),
])
def test_malformed_lines_name_the_line(text, error, line):
    with pytest.raises(error) as info:
        parse_network(text)
    assert info.value.line == line
    assert f"line {line}" in str(info.value)


def test_empty_network():
    with pytest.raises(ParseError):
        parse_network("# only a comment\n")


def test_pajek_labels_weights_and_arcs():
    text = '*Vertices 3\n1 "node one" 2.0\n2 "two"\n3 "three" 0.5\n*Arcs\n1 2 1.5\n2 3\n'
    net = parse_network(text, directed=True)
    assert net.directed and not parse_network(text).directed  # *Arcs are arcs only when asked (official rule)
    assert net.node_names == ("node one", "two", "three")
    assert net.node_weights.tolist() == [2.0, 1.0, 0.5]


def test_pajek_mixed_edges_and_arcs_is_undirected_unless_asked():
    text = "*Vertices 3\n1 \"a\"\n2 \"b\"\n3 \"c\"\n*Edges\n1 2\n*Arcs\n2 3\n"
    assert not parse_network(text).directed
    net = parse_network(text, directed=True)
    assert net.directed and net.num_links == 2  # each line one arc, as infomap -d reads it


def test_pajek_links_follow_caller_directedness():
    text = "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Links\n1 2\n"
    assert not parse_network(text).directed
    assert parse_network(text, directed=True).directed


def test_pajek_link_to_unlisted_vertex():
    with pytest.raises(ParseError):
        parse_network("*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1 3\n")


def test_partition_official_format():
    part = parse_partition("# module level 1\n# node_id module flow\n1 1 0.5\n2 1 0.25\n3 2 0.25\n")
    assert part == {1: 1, 2: 1, 3: 2}
    with pytest.raises(ParseError) as info:
        parse_partition("1 1\n2 x\n")
    assert info.value.line == 2


def test_tree_rows_and_ftree_links_skipped():
    rows = parse_tree('# codelength 1\n1:1 0.5 "a b" 1\n1:2 0.25 "c" 2\n2:1 0.25 "d" 3\n*Links undirected\n1 2 0.1\n')
    assert [r[0] for r in rows] == [(1, 1), (1, 2), (2, 1)]
    assert rows[0][2] == "a b" and rows[2][3] == 3


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.floats(0.01, 100)), min_size=1, max_size=60),
       st.booleans())
def test_write_then_parse_round_trip(links, directed):
    text = "".join(f"{a} {b} {w!r}\n" for a, b, w in links)
    parsed = parse_network(text, directed=directed)
    direct = Network.from_edges(links, directed=directed)
    assert parsed.node_ids.tolist() == direct.node_ids.tolist()
    assert np.array_equal(parsed.indptr, direct.indptr) and np.array_equal(parsed.indices, direct.indices)
    np.testing.assert_allclose(parsed.weights, direct.weights, rtol=1e-15)
