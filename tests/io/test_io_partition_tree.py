"""Partition (.clu) and tree (.tree/.ftree) readers, also on files the official Infomap writes."""

from __future__ import annotations

import warnings
from pathlib import Path

import infomap
import pytest

from infomap_core import ParseError
from infomap_core.io import TreeRow, parse_partition, parse_tree, read_partition, read_tree

DATA = Path(__file__).resolve().parents[2] / "infomap_core" / "data"


# ------------------------------------------------------------------ partitions
def test_plain_partition_with_comments():
    part = parse_partition("# a comment\n\n1 1\n2 1  # trailing\n3 2\n-4 -7\n")
    assert part == {1: 1, 2: 1, 3: 2, -4: -7}
    assert list(part) == [1, 2, 3, -4]  # file order


def test_official_header_and_flow_column():
    text = "# v2.16.0\n# module level 1\n# node_id module flow\n1 1 0.5\n2 1 0.25\n3 2 1e-3\n"
    assert parse_partition(text) == {1: 1, 2: 1, 3: 2}
    assert parse_partition(text.encode()) == {1: 1, 2: 1, 3: 2}


def test_partition_string_ids():
    assert parse_partition("a 1\nb 2\n3 2\n") == {"a": 1, "b": 2, "3": 2}


@pytest.mark.parametrize("text,line,match", [
    ("1 1\n2 x\n", 2, "module 'x' is not an integer"),
    ("1 1\n2 1.5\n", 2, "not an integer"),
    ("# c\n1\n", 2, "got 1 fields"),
    ("1 1 0.5 9\n", 1, "got 4 fields"),
    ("1 1 lots\n", 1, "flow 'lots'"),
    ("1 1 nan\n", 1, "flow 'nan'"),
    ("1 1\n2 2\n1 3\n", 3, "listed twice \\(first on line 1\\)"),
    ("*Vertices 2\n1 1\n", 1, "section header"),
])
def test_malformed_partition_lines(text, line, match):
    with pytest.raises(ParseError, match=match) as info:
        parse_partition(text)
    assert info.value.line == line and info.value.field == "partition"


def test_empty_partition():
    with pytest.raises(ParseError, match="no nodes"):
        parse_partition("# node_id module flow\n")


# ----------------------------------------------------------------------- trees
TREE = """# v2.16.0
# path flow name node_id
1:1:1 0.25 "a b" 1
1:1:2 0.125 "c # d" 2
1:2 0.125 "say "hi"" 3
2:1 0.5 plain 4
"""


def test_tree_rows():
    rows = parse_tree(TREE)
    assert rows == [((1, 1, 1), 0.25, "a b", 1), ((1, 1, 2), 0.125, "c # d", 2),
                    ((1, 2), 0.125, 'say "hi"', 3), ((2, 1), 0.5, "plain", 4)]
    assert isinstance(rows[0], TreeRow) and rows[0].node_id == 1 and rows[0].path == (1, 1, 1)


def test_ftree_stops_at_the_module_links():
    ftree = TREE + "*Links undirected\n#*Links path enterFlow exitFlow numEdges numChildren\n*Links root 0 0 1 2\n1 2 0.1\n"
    assert parse_tree(ftree) == parse_tree(TREE)


def test_tree_string_ids():
    rows = parse_tree('1:1 0.5 "x" a\n1:2 0.5 "y" 2\n')
    assert [r.node_id for r in rows] == ["a", "2"]


@pytest.mark.parametrize("text,line,match", [
    ('1:1 0.5 "a"\n', 1, "expected 'path flow"),
    ('1:1 0.5 "a" 1\n1:x 0.5 "b" 2\n', 2, "path '1:x'"),
    ('0:1 0.5 "a" 1\n', 1, "path '0:1'"),
    ('1::2 0.5 "a" 1\n', 1, "path"),
    ('1:1 abc "a" 1\n', 1, "flow 'abc'"),
    ('1:1 -0.5 "a" 1\n', 1, "flow '-0.5'"),
    ('# h\n1:1 0.5 "a" 1\n1:2 0.5 "b" 1\n', 3, "listed twice \\(first on line 2\\)"),
    ('1:1 0.5 "a" 1\n*Vertices 2\n', 2, "unexpected section"),
])
def test_malformed_tree_lines(text, line, match):
    with pytest.raises(ParseError, match=match) as info:
        parse_tree(text)
    assert info.value.line == line and info.value.field == "tree"


def test_empty_tree():
    with pytest.raises(ParseError, match="no nodes"):
        parse_tree("# path flow name node_id\n*Links undirected\n")


# ----------------------------------------------------- files written by Infomap
@pytest.fixture(scope="module")
def official_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("official")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(silent=True, num_trials=2, seed=3)
        im.read_file(str(DATA / "lesmis.net"))
        im.run()
        im.write_tree(str(out / "lesmis.tree"))
        im.write_flow_tree(str(out / "lesmis.ftree"))
        im.write_clu(str(out / "lesmis.clu"))
        leaves = {n.node_id: (tuple(n.path), n.flow) for n in im.tree if n.is_leaf}
        modules = dict(im.get_modules())
        names = {n.node_id: im.get_name(n.node_id) for n in im.nodes}
    return out, leaves, modules, names


def test_read_official_clu(official_files):
    out, _, modules, _ = official_files
    assert read_partition(out / "lesmis.clu") == modules


@pytest.mark.parametrize("name", ["lesmis.tree", "lesmis.ftree"])
def test_read_official_tree(official_files, name):
    out, leaves, _, names = official_files
    rows = read_tree(out / name)
    assert len(rows) == 77
    assert {r.node_id: r.path for r in rows} == {k: v[0] for k, v in leaves.items()}
    assert all(r.flow == pytest.approx(leaves[r.node_id][1], rel=1e-5) for r in rows)
    assert {r.node_id: r.name for r in rows} == names
