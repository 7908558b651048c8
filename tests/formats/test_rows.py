"""The formats written by the row kernel (:mod:`infomap_core.formats.rows`) are byte for byte the
per-row Python formatting they replace (``reference_text.py``, the previous renderers): ``%.9g`` on
millions of values, and every format of results of every kind, hostile names included."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infomap_core import InfomapOptions, Network, run_infomap
from infomap_core.formats import render
from infomap_core.formats.rows import Rows, format_g9

from . import reference_text as reference
from .results import results
from .test_hostile_names import EDGES, hostile_network, text

FORMATS = {"tree": reference.render_tree, "ftree": reference.render_ftree, "clu": reference.render_clu,
           "csv": reference.render_csv, "newick": reference.render_newick}


def test_g9_is_pythons_on_millions_of_values():
    rng = np.random.default_rng(7)
    values = np.concatenate([
        rng.random(1_000_000),                                           # flows
        rng.random(200_000) * 10.0 ** rng.integers(-320, 308, 200_000),  # every exponent, subnormals
        -rng.random(1000),
        np.round(rng.random(20_000), 9), np.round(rng.random(20_000), 10),  # ties at the 9th/10th digit
        10.0 ** np.arange(-307, 308), np.nextafter(10.0 ** np.arange(-300, 300), 0),
        [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, 0.5, 1e-5, 1e-4, 9.9999999995e-5, 99999.99995, 999999999.5,
         1e9, 1e16, 123456789012.0, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, 1 / 3],
    ])
    want = ["%.9g" % x for x in values.tolist()]
    got = format_g9(values)
    assert got == want, next((v, g, w) for v, g, w in zip(values.tolist(), got, want) if g != w)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=50))
def test_g9_is_pythons_on_drawn_floats(values):
    assert format_g9(np.array(values)) == ["%.9g" % x for x in values]


def test_rows_write_ints_text_and_literals():
    ids = np.array([np.iinfo(np.int64).min, -1, 0, 7, np.iinfo(np.int64).max])
    data, starts = Rows().int(ids).lit(" ").text(["a", "b\u00e9", "", "c", "d"]).lit("\n").render(5)
    assert data.decode() == "".join(f"{i} {t}\n" for i, t in zip(ids.tolist(), ["a", "b\u00e9", "", "c", "d"]))
    assert starts.tolist() == [0, 23, 30, 33, 37, 59]
    assert Rows().float(np.array([0.5, 2.0]), skip=np.array([True, False])).lit(";").render(2)[0] == b";2;"


@pytest.mark.parametrize("kind", ["two-level", "multilevel", "directed", "string-ids", "ragged"])
@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_is_the_per_row_renderers(kind, name):
    result = results()[kind]
    assert render(result, name) == FORMATS[name](result)


def test_a_larger_multilevel_result_and_clu_levels():
    from tests.engine.networks import lfr

    network, _ = lfr(1000, 0.3)
    result = run_infomap(network, InfomapOptions(seed=4))
    for name, writer in FORMATS.items():
        assert render(result, name) == writer(result), name
    for level in (-1, 0, 1, 2):
        assert render(result, "clu", clu_level=level) == reference.render_clu(result, level)


@settings(max_examples=60, deadline=None)
@given(ids=st.lists(text, min_size=8, max_size=8, unique=True), names=st.lists(text, min_size=8, max_size=8))
def test_hostile_names_and_ids_are_written_as_before(ids, names):
    result = run_infomap(hostile_network(ids, names), InfomapOptions(seed=1))
    for name, writer in FORMATS.items():
        assert render(result, name) == writer(result), name


def test_integer_ids_of_any_size_are_written_as_before():
    big = [(-2**63, 5), (5, 2**63 - 1), (2**63 - 1, -2**63), (7, 8), (8, 9), (9, 7), (7, 5)]
    result = run_infomap(Network.from_edges(big), InfomapOptions(seed=1))
    for name, writer in FORMATS.items():
        assert render(result, name) == writer(result), name
    assert len(EDGES) > 0


def test_module_link_order_is_a_stable_sort_either_way():
    """Both ways of ordering the module links (one quicksort of distinct keys, or stable counting
    passes when the keys would not fit in int64) are numpy's stable lexsort."""
    from infomap_core.formats.module_links import _stable_order

    rng = np.random.default_rng(3)
    owner, ra, rb = rng.integers(0, 50, 20_000), rng.integers(1, 6, 20_000), rng.integers(1, 6, 20_000)
    want = np.lexsort((rb, ra, owner))
    assert np.array_equal(_stable_order(owner, ra, rb, 50, 6), want)
    assert np.array_equal(_stable_order(owner, ra, rb, 50, 2**22), want)    # the counting passes


@pytest.mark.parametrize("hide", [False, True])
def test_a_bipartite_result_with_and_without_its_feature_nodes(hide):
    """``hide_bipartite_nodes`` (the official ``--hide-bipartite-nodes``) leaves the feature nodes out
    of the node rows, as the per-row renderers did."""
    links = [(1, 10), (2, 10), (3, 10), (1, 11), (4, 12), (5, 12), (6, 12), (5, 13), (3, 13)]
    result = run_infomap(Network.from_bipartite(links, 10), InfomapOptions(seed=2))
    for name in ("tree", "clu", "csv"):
        assert render(result, name, hide_bipartite_nodes=hide) == \
            FORMATS[name](result, hide_bipartite_nodes=hide), name
    rows = [line for line in render(result, "clu", hide_bipartite_nodes=hide).splitlines() if not line.startswith("#")]
    assert len(rows) == (6 if hide else 10)
    for name in ("ftree", "newick"):
        assert render(result, name) == FORMATS[name](result), name
