"""The Pajek reader and format detection."""

from __future__ import annotations

import warnings
from pathlib import Path

import infomap
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infomap_core import InvalidWeightError, Network, ParseError
from infomap_core.io import detect_format, parse_network, read_network
from io_links import links_of

pytestmark = pytest.mark.usefixtures("scan_path")

DATA = Path(__file__).resolve().parents[2] / "infomap_core" / "data"




def pairs_of(net: Network) -> dict:
    """Undirected view: the weight between each pair, however the network stores the link."""
    out: dict = {}
    for (a, b), x in links_of(net).items():
        key = (min(a, b), max(a, b))
        out[key] = out.get(key, 0.0) + x
    return out


VERTICES = '*Vertices 3\n1 "a"\n2 "b"\n3 "c"\n'


def test_labels_with_spaces_and_vertex_weights():
    text = '*Vertices 4\n1 "node one" 2.0\n 2 "two"  \n3 "C# and \\"quotes\\"" 0.5\n4 four 3\n*Edges\n1 2\n2 3\n'
    net = parse_network(text)
    assert net.node_ids.tolist() == [1, 2, 3, 4]
    assert net.node_names == ("node one", "two", 'C# and \\"quotes\\"', "four")
    assert net.node_weights.tolist() == [2.0, 1.0, 0.5, 3.0]


def test_labels_holding_quotes_and_empty_labels():
    net = parse_network('*Vertices 3\n1 "a "quoted" word" 2\n2 ""\n3 "x"y" # "comment"\n*Edges\n1 2\n2 3\n')
    assert net.node_names == ('a "quoted" word', "", 'x"y')
    assert net.node_weights.tolist() == [2.0, 1.0, 1.0]


def test_vertices_without_links_are_nodes():
    net = parse_network('*Vertices 4\n1 "a"\n2 "b"\n3 "c"\n4 "alone"\n*Edges\n1 2\n2 3\n')
    assert net.num_nodes == 4 and net.node_names[3] == "alone"
    assert net.indptr[4] == net.indptr[3]  # no link at node 4


def test_vertex_lines_with_pajek_layout_fields_and_comments():
    text = '# made by Pajek\n*Vertices 2\n1 "a" 0.5 0.1 0.2 ic Red # comment\n2 "b" # "not a label"\n*Edges\n1 2\n'
    net = parse_network(text)
    assert net.node_names == ("a", "b")
    assert net.node_weights.tolist() == [0.5, 1.0]


def test_vertex_ids_only_and_no_vertex_lines():
    net = parse_network("*Vertices 3\n1\n2\n3\n*Edges\n1 2\n")
    assert net.num_nodes == 3 and net.node_names is None  # no vertex has a label
    bare = parse_network("*Vertices 5\n*Edges\n1 2\n2 3\n")  # the count is not used
    assert bare.num_nodes == 3 and bare.node_names is None


def test_arcs_are_undirected_unless_the_caller_says_directed():
    """The official rule: section names never decide directedness; -d (directed=True) does."""
    arcs = parse_network(VERTICES + "*Arcs\n1 2 1.5\n2 1\n2 3\n")
    assert not arcs.directed and pairs_of(arcs) == {(1, 2): 2.5, (2, 3): 1.0}
    edges = parse_network(VERTICES + "*Edges\n1 2 1.5\n2 1\n2 3\n")
    assert not edges.directed and pairs_of(edges) == {(1, 2): 2.5, (2, 3): 1.0}
    directed = parse_network(VERTICES + "*Arcs\n1 2 1.5\n2 1\n2 3\n", directed=True)
    assert directed.directed and links_of(directed) == {(1, 2): 1.5, (2, 1): 1.0, (2, 3): 1.0}


def test_the_callers_flag_wins():
    arcs = VERTICES + "*Arcs\n1 2 1.5\n2 1\n"
    assert pairs_of(parse_network(arcs, directed=False)) == {(1, 2): 2.5}
    edges = VERTICES + "*Edges\n1 2\n2 3\n"
    forced = parse_network(edges, directed=True)  # each edge line is one arc, as `infomap --directed`
    assert forced.directed and links_of(forced) == {(1, 2): 1.0, (2, 3): 1.0}


def test_links_section_follows_the_caller():
    text = VERTICES + "*Links\n1 2\n2 1 3\n"
    assert pairs_of(parse_network(text)) == {(1, 2): 4.0}
    assert links_of(parse_network(text, directed=True)) == {(1, 2): 1.0, (2, 1): 3.0}


def test_mixed_edges_and_arcs_read_as_the_official_reads_them():
    """Every line is one link; directed=True makes each an arc, *Edges lines too (infomap -d)."""
    text = '*Vertices 3\n1 "a"\n2 "b"\n3 "c"\n*Edges\n1 2 2\n3 3 5\n*Arcs\n2 3\n'
    for directed in (None, False):
        net = parse_network(text, directed=directed)
        assert not net.directed and pairs_of(net) == {(1, 2): 2.0, (2, 3): 1.0, (3, 3): 5.0}
    arcs = parse_network(text, directed=True)
    assert arcs.directed and links_of(arcs) == {(1, 2): 2.0, (2, 3): 1.0, (3, 3): 5.0}


def test_header_names_and_counts_are_case_insensitive_and_optional():
    for header in ("*Edges", "*edges", "*EDGES 2", "  *Edges   2  # c"):
        assert not parse_network(f"*vertices 3\n1\n2\n3\n{header}\n1 2\n2 3\n").directed
    for header in ("*Arcs", "*ARCS 2", "*arcs"):
        net = parse_network(f"*VERTICES\n1\n2\n3\n{header}\n1 2\n2 3\n", directed=True)
        assert links_of(net) == {(1, 2): 1.0, (2, 3): 1.0}


def test_network_header_and_links_without_vertices():
    net = parse_network("*Network test net\n*Arcs\n1 2\n2 3 0.5\n", directed=True)
    assert net.directed and net.node_names is None and links_of(net) == {(1, 2): 1.0, (2, 3): 0.5}


def test_arcslist_and_edgeslist():
    net = parse_network(VERTICES + "*Arcslist\n1 2 3\n2 3\n*Edgeslist\n3 1\n", directed=True)
    assert net.directed
    assert links_of(net) == {(1, 2): 1.0, (1, 3): 1.0, (2, 3): 1.0, (3, 1): 1.0}  # the edge line is one arc
    assert links_of(parse_network(VERTICES + "*Edgeslist\n1 2 3\n")) == {(1, 2): 1.0, (1, 3): 1.0}


def test_string_vertex_ids():
    net = parse_network('*Vertices 3\nx "ex"\ny "why"\n7 "seven"\n*Edges\nx y 2\ny 7\n')
    assert net.node_ids.tolist() == ["7", "x", "y"]
    assert net.node_names == ("seven", "ex", "why")
    assert links_of(net) == {("x", "y"): 2.0, ("7", "y"): 1.0}
    # one string id anywhere makes every id a string, spelled as written
    mixed = parse_network('*Vertices 2\n007 "a"\nb "b"\n*Edges\n007 b\n')
    assert mixed.node_ids.tolist() == ["007", "b"]


def test_large_sections_go_through_the_kernel_and_agree():
    rng = np.random.default_rng(3)
    a, b = rng.integers(1, 500, 20000), rng.integers(1, 500, 20000)
    w = np.round(rng.random(20000) * 10, 4)
    body = "".join(f"{x} {y} {z}\n" for x, y, z in zip(a.tolist(), b.tolist(), w.tolist()))
    vertices = "*Vertices 499\n" + "".join(f'{i} "v{i}"\n' for i in range(1, 500))
    net = parse_network(vertices + "*Arcs\n" + body + "*Edges\n1 2\n", directed=True)
    direct = Network.from_arrays(np.r_[a, 1], np.r_[b, 2], np.r_[w, 1], directed=True, nodes=np.arange(1, 500))
    assert net.fingerprint() == direct.fingerprint()
    assert net.node_names[0] == "v1"


@pytest.mark.parametrize("text,error,line", [
    ("*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1 2\n\n2 5\n", ParseError, 7),  # a vertex *Vertices does not list
    ("*Vertices 2\n1 \"a\"\n1 \"b\"\n*Edges\n1 1\n", ParseError, 3),  # listed twice
    ("*Vertices 2\n1 \"a\" -1\n2\n*Edges\n1 2\n", InvalidWeightError, 2),
    ("*Vertices 2\n1 \"a\" nan\n2\n*Edges\n1 2\n", InvalidWeightError, 2),
    ("*Vertices 2\n1 \"a\" heavy\n2\n*Edges\n1 2\n", ParseError, 2),
    ("*Vertices 2\n1 x \"a\"\n2\n*Edges\n1 2\n", ParseError, 2),
    ("*Vertices 2\n1\n2\n*Edges\n1 2\n2 1 x\n", ParseError, 6),
    ("*Vertices 2\n1\n2\n*Arcs\n1 2\n2 1 -2\n", InvalidWeightError, 6),
    ("*Vertices 2\n1\n2\n*Arcs\n1 2\n*Edges\n1 2 3 4\n", ParseError, 7),
    ("*Vertices 2\n1\n2\n*Matrix\n0 1\n1 0\n", ParseError, 4),
    ("*Vertices 2\n1\n2\n*Arcslist\n1\n", ParseError, 5),
])
def test_malformed_pajek_lines(text, error, line):
    with pytest.raises(error) as info:
        parse_network(text)
    assert type(info.value) is error and info.value.line == line
    assert str(info.value).startswith(f"line {line}: ")


def test_pajek_without_links():
    for text in ("*Vertices 2\n1\n2\n", "*Vertices 2\n1\n2\n*Edges\n# none\n"):
        with pytest.raises(ParseError, match="no links"):
            parse_network(text)


# ------------------------------------------------------------------- detection
def test_detection_by_content():
    assert detect_format("# c\n\n*Vertices 2\n1\n2\n*Edges\n1 2\n") == "pajek"
    assert detect_format("  *arcs\n1 2\n") == "pajek"
    assert detect_format("# *Vertices in a comment\n1 2\n") == "link-list"
    assert detect_format("1 2\n*Edges\n") == "link-list"
    assert detect_format("") == "link-list"


def test_detection_ignores_the_extension(tmp_path):
    pajek = '*Vertices 2\n1 "a"\n2 "b"\n*Arcs\n1 2\n'
    (tmp_path / "pajek.txt").write_text(pajek)
    (tmp_path / "links.net").write_text("# no header\n1 2\n2 3\n")
    assert read_network(tmp_path / "pajek.txt").node_names == ("a", "b")
    links = read_network(tmp_path / "links.net")
    assert links.node_names is None and links.num_links == 2
    assert read_network(DATA / "ninetriangles.net").num_nodes == 27  # the official link list named .net


def test_forced_format():
    with pytest.raises(ParseError) as info:
        parse_network("# c\n1 2\n", format="pajek")
    assert info.value.line == 2
    with pytest.raises(ParseError) as info:
        parse_network("*Vertices 2\n1\n2\n*Edges\n1 2\n", format="link-list")
    assert info.value.line == 1
    assert parse_network("1 2\n", format="link-list").num_links == 1


# ----------------------------------------------------------- against official
@st.composite
def pajek_files(draw):
    n = draw(st.integers(2, 12))
    labels = draw(st.lists(st.text("ab cé#-", min_size=1, max_size=6), min_size=n, max_size=n))
    lines = ["*Vertices %d" % n] + [f'{i + 1} "{label}"' for i, label in enumerate(labels)]
    kind = draw(st.sampled_from(["*Edges", "*Arcs", "*Links"]))
    links = draw(st.lists(st.tuples(st.integers(1, n), st.integers(1, n),
                                    st.none() | st.floats(0.01, 100).map(lambda x: round(x, 3))), min_size=1, max_size=30))
    lines.append(kind)
    lines += [f"{a} {b}" + ("" if w is None else f" {w}") for a, b, w in links]
    return "\n".join(lines) + "\n"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=pajek_files(), directed=st.booleans())
def test_same_network_as_the_official_reader(tmp_path_factory, text, directed):
    path = tmp_path_factory.mktemp("pajek") / "random.net"
    path.write_text(text)
    net = read_network(path, directed=directed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(silent=True, directed=directed, no_infomap=True, num_trials=1)
        im.read_file(str(path))
        im.run()
        theirs: dict = {}
        for s, t, w in im.get_links():
            key = (s, t) if directed else (min(s, t), max(s, t))
            theirs[key] = theirs.get(key, 0.0) + w
        names = {node.node_id: im.get_name(node.node_id) for node in im.nodes}
    ours = links_of(net)
    assert ours.keys() == theirs.keys()
    assert all(ours[k] == pytest.approx(theirs[k], rel=1e-12) for k in ours)
    ours_names = dict(zip(net.node_ids.tolist(), net.node_names))
    assert all(ours_names[k] == v for k, v in names.items())
