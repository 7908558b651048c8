"""Names and ids that try to forge lines or fields (line breaks, tabs, quotes, commas, backslashes,
formula prefixes, empty strings) round-trip through every format: our readers, Python's csv
module and the official npm parser read back exactly what the network holds."""

from __future__ import annotations

import csv
import io
import re

import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from infomap_core import InfomapOptions, Network, run_infomap
from infomap_core.formats import render, render_official_json
from infomap_core.io import parse_partition, parse_tree
from infomap_core.io._common import int_token
from infomap_core.io.csv_tree import parse_tree_csv
from infomap_core.io.newick import parse_newick
from infomap_core.textfields import csv_unguard, unescape

from .official_parser import official_parse
from .test_official_parser import expected_rows

SURROGATE = re.compile("[\ud800-\udfff]")
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
HOSTILE = list('ab é"\'\\,#*=+-@;:()[]{}') + ["\t", "\n", "\r", "\r\n", "\x00", "\x0b", "\x0c", "\x1c", "\x7f",
                                             "\x85", "\u2028", "\u2029", "\xa0", " 99 0.5", "\\x22", "\\n", '""', "\ud800", "\udfff"]
text = st.lists(st.sampled_from(HOSTILE) | st.characters(), max_size=6).map("".join)
# Two 4-cliques joined by one link: always two modules (savings > 0, so the strict parser applies).
EDGES = [(a, b) for g in (range(4), range(4, 8)) for a in g for b in g if a < b] + [(3, 4)]


def hostile_network(ids: list[str], names: list[str]) -> Network:
    return Network.from_edges([(ids[a], ids[b]) for a, b in EDGES], node_names=dict(zip(ids, names)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ids=st.lists(text, min_size=8, max_size=8, unique=True), names=st.lists(text, min_size=8, max_size=8))
def test_hostile_names_round_trip_through_every_format(ids, names):
    assume(any(int_token(i.encode("utf-8", "surrogatepass")) is None for i in ids))  # all-integer ids read back as ints
    network = hostile_network(ids, names)
    result = run_infomap(network, InfomapOptions(two_level=True, seed=1))
    expected = expected_rows(result)
    n = network.num_nodes
    texts = {fmt: render(result, fmt) for fmt in ("tree", "ftree", "clu", "csv", "newick")}

    # No forged lines, by any line-breaking rule (str.splitlines knows \x1c, \x85, U+2028, ...). The CSV keeps
    # every character (RFC 4180: a quoted cell may hold a line break), so it is one record per node.
    for fmt, body in texts.items():
        if fmt != "csv":
            assert body.splitlines() == body.split("\n")[:-1], fmt
    assert len(list(csv.reader(io.StringIO(texts["csv"], newline="")))) == n + 1
    assert len([x for x in texts["tree"].splitlines() if not x.startswith("#")]) == n
    assert len([x for x in texts["clu"].splitlines() if not x.startswith("#")]) == n

    # Our readers.
    want = [(tuple(int(x) for x in p.split(":")), f, nm, i) for p, f, nm, i in expected]
    for fmt in ("tree", "ftree"):
        got = [(r.path, r.flow, r.name, r.node_id) for r in parse_tree(texts[fmt])]
        assert [g[2:] for g in got] == [w[2:] for w in want] and [g[0] for g in got] == [w[0] for w in want]
        assert [g[1] for g in got] == pytest.approx([w[1] for w in want], rel=1e-8)
    modules = dict(zip(network.node_ids.tolist(), result.module_ids(1).tolist()))
    assert parse_partition(texts["clu"]) == modules
    leaves = parse_newick(texts["newick"]).leaves()
    assert [leaf.label for leaf in leaves] == [w[3] for w in want]
    assert [leaf.length for leaf in leaves] == pytest.approx([w[1] for w in want], rel=1e-8)
    # CSV and JSON keep text as it is; a lone surrogate is no text (UTF-8 cannot hold it): only the
    # escaped formats above carry it.
    if not any(SURROGATE.search(x) for x in ids + names):
        got = parse_tree_csv(texts["csv"])
        assert [(r.path, r.name, r.node_id) for r in got] == [(w[0], w[2], w[3]) for w in want]
        nodes = orjson.loads(render_official_json(result))["nodes"]
        assert [(x["name"], x["id"]) for x in nodes] == [(w[2], w[3]) for w in want]
        # Spreadsheets: no text cell starts a formula.
        for record in list(csv.reader(io.StringIO(texts["csv"], newline="")))[1:]:
            for cell in record[2:]:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or PLAIN_NUMBER.fullmatch(cell)

    # The official parser, strict: every node once, paths and flows as written, names unescape to ours.
    tree, ftree, clu = official_parse([texts["tree"], texts["ftree"], texts["clu"]])
    for answer in (tree, ftree):
        assert answer["ok"], answer.get("error")
        rows = answer["result"]["nodes"]
        assert [r["path"] for r in rows] == [e[0] for e in expected]
        assert [r["flow"] for r in rows] == pytest.approx([e[1] for e in expected], rel=1e-8)
        assert [unescape(r["name"]) for r in rows] == [e[2] for e in expected]
    assert clu["ok"], clu.get("error")
    assert [r["moduleId"] for r in clu["result"]["nodes"]] == [modules[e[3]] for e in expected]
    assert [r["flow"] for r in clu["result"]["nodes"]] == pytest.approx([e[1] for e in expected], rel=1e-8)


@pytest.mark.parametrize("value", ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "'quoted", "-5", "+1.5e3"])
def test_csv_formula_guard_is_reversible(value):
    network = hostile_network([value] + [f"n{i}" for i in range(7)], [value] + [f"n{i}" for i in range(7)])
    text = render(run_infomap(network, InfomapOptions(two_level=True)), "csv")
    cells = [row[2] for row in csv.reader(io.StringIO(text, newline=""))][1:]
    raw = next(c for c in cells if csv_unguard(c) == value)
    plain_number = value.lstrip("+-").replace(".", "").replace("e", "").isdigit()
    assert raw == (value if plain_number else "'" + value)
