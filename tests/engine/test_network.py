"""The CSR link store: the numba builder against scipy.sparse, and the input rules."""

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from infomap_core import Network
from infomap_core.csr import links_to_csr
from infomap_core.errors import EmptyNetworkError, InvalidWeightError, NetworkError


@st.composite
def link_arrays(draw):
    n = draw(st.integers(1, 12))
    m = draw(st.integers(0, 40))
    src = np.array(draw(st.lists(st.integers(0, n - 1), min_size=m, max_size=m)), dtype=np.int64)
    tgt = np.array(draw(st.lists(st.integers(0, n - 1), min_size=m, max_size=m)), dtype=np.int64)
    w = np.array(draw(st.lists(st.floats(0.01, 100.0), min_size=m, max_size=m)), dtype=np.float64)
    return n, src, tgt, w


def _scipy_csr(n, src, tgt, w):
    csr = sp.csr_array((w, (src, tgt)), shape=(n, n))
    csr.sum_duplicates()
    return csr


@settings(max_examples=150, deadline=None)
@given(link_arrays(), st.booleans())
def test_links_to_csr_equals_scipy(links, unit):
    n, src, tgt, w = links
    weights = np.ones_like(w) if unit else w
    indptr, indices, data = links_to_csr(src, tgt, np.empty(0) if unit else w, n)
    expected = _scipy_csr(n, src, tgt, weights)
    np.testing.assert_array_equal(indptr, expected.indptr)
    np.testing.assert_array_equal(indices, expected.indices)
    np.testing.assert_allclose(data, expected.data, rtol=1e-12)
    assert indptr.dtype == indices.dtype == np.int64 and data.dtype == np.float64


def test_links_stored_as_given_duplicates_summed_self_links_kept():
    net = Network.from_arrays([1, 2, 2, 3, 3], [2, 1, 1, 3, 1], [1.0, 2.0, 0.5, 4.0, 1.0])
    assert net.num_links == 3  # undirected: 1-2 and 2-1 are one link, as the official counts
    src, tgt, w = net.to_coo()
    links = {(int(net.node_ids[s]), int(net.node_ids[t])): float(x) for s, t, x in zip(src, tgt, w)}
    assert links == {(1, 2): 1.0, (2, 1): 2.5, (3, 1): 1.0, (3, 3): 4.0}
    directed = Network.from_arrays([1, 2, 2, 3, 3], [2, 1, 1, 3, 1], [1.0, 2.0, 0.5, 4.0, 1.0], directed=True)
    assert directed.num_links == 4


def test_undirected_flow_does_not_depend_on_link_direction():
    from infomap_core import compute_flow

    a = compute_flow(Network.from_arrays([1, 2, 2, 3], [2, 3, 4, 4], [1.0, 2.0, 3.0, 1.5]))
    b = compute_flow(Network.from_arrays([2, 3, 4, 3], [1, 2, 2, 4], [1.0, 2.0, 3.0, 1.5]))
    np.testing.assert_allclose(a.node_flow, b.node_flow, rtol=1e-15)
    np.testing.assert_allclose(a.enter, b.enter, rtol=1e-15)


def test_directed_keeps_both_directions():
    net = Network.from_arrays([1, 2, 1], [2, 1, 2], directed=True)
    src, tgt, w = net.to_coo()
    assert sorted(zip(src.tolist(), tgt.tolist(), w.tolist())) == [(0, 1, 2.0), (1, 0, 1.0)]


def test_zero_weights_dropped_and_all_zero_is_empty():
    net = Network.from_arrays([1, 2], [2, 3], [0.0, 2.0])
    assert net.num_links == 1 and net.num_nodes == 3  # node 1 stays, without links
    with pytest.raises(EmptyNetworkError, match="positive weight"):
        Network.from_arrays([1], [2], [0.0])


@pytest.mark.parametrize("weight,match", [(float("nan"), "finite"), (float("inf"), "finite"), (-1.0, ">= 0")])
def test_bad_weights_raise(weight, match):
    with pytest.raises(InvalidWeightError, match=match):
        Network.from_arrays([1, 2], [2, 3], [1.0, weight])


def test_huge_and_negative_ids_are_mapped_not_offsets():
    net = Network.from_arrays([2**62, -5], [-5, 7])
    assert net.node_ids.tolist() == [-5, 7, 2**62] and net.num_links == 2


def test_mixed_id_kinds_refused():
    with pytest.raises(NetworkError, match="not a mix"):
        Network.from_arrays([1, "a"], ["b", 2])


@pytest.mark.parametrize("weight", [1e308, 1e-320])
@pytest.mark.parametrize("directed", [False, True])
def test_extreme_weights_give_the_unit_weight_answer(weight, directed):
    """Flow depends on weight ratios only: weights near the float limits must not overflow."""
    from infomap_core import InfomapOptions, run_infomap

    links = [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]
    unit = run_infomap(Network.from_edges(links, directed=directed), InfomapOptions(two_level=True))
    with np.errstate(all="raise"):
        extreme = run_infomap(Network.from_edges([(a, b, weight) for a, b in links], directed=directed),
                              InfomapOptions(two_level=True))
    assert extreme.codelength == pytest.approx(unit.codelength, rel=1e-12)
    assert extreme.modules == unit.modules


def test_teleporting_to_nodes_with_all_node_weights_zero_is_an_error():
    from infomap_core import compute_flow

    net = Network.from_arrays([1, 2], [2, 3], directed=True, nodes=[1, 2, 3], node_weights=[0.0, 0.0, 0.0])
    with pytest.raises(NetworkError, match="positive node weight") as info:
        compute_flow(net, to_nodes=True)
    assert info.value.field == "node_weights"


@pytest.mark.parametrize("markov_time", [0.0, -1.0, float("nan"), float("inf"), 1e6 * 1.0001, 1e300])
def test_markov_time_outside_its_range_is_an_error(markov_time):
    from infomap_core import InfomapOptions, OptionError, compute_flow

    with pytest.raises(OptionError, match="markov_time") as info:
        InfomapOptions(markov_time=markov_time)
    assert info.value.field == "markov_time"
    with pytest.raises(OptionError, match="markov_time"):
        compute_flow(Network.from_edges([(1, 2)]), markov_time=markov_time)


def test_largest_markov_time_matches_the_official():
    import warnings

    import infomap

    from infomap_core import InfomapOptions, compute_codelength

    links = [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]
    ours = compute_codelength(Network.from_edges(links), {1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2},
                              InfomapOptions(markov_time=1e6))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap("--two-level --silent --no-infomap --markov-time 1e6")
        for a, b in links:
            im.add_link(a, b)
        im.run(initial_partition={1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2})
    assert ours.codelength == pytest.approx(im.codelength, rel=1e-6)


@pytest.mark.parametrize("ids", ["int", "str"])
def test_fingerprint_is_the_sha256_of_the_arrays_as_written(ids):
    """The input hash of an answer (``metadata.input_sha256``): the arrays' little-endian bytes in a fixed
    order, whatever the arrays' own dtype and layout (hashing their buffers must not change it)."""
    import hashlib

    rng = np.random.default_rng(2)
    src, tgt = rng.integers(-50, 50, 400), rng.integers(-50, 50, 400)
    if ids == "str":
        src, tgt = src.astype(str), tgt.astype(str)
    net = Network.from_arrays(src, tgt, rng.random(400) + 0.1, directed=True)
    h = hashlib.sha256(b"directed")
    h.update(net.node_ids.astype("<i8").tobytes() if ids == "int" else "\x00".join(map(str, net.node_ids)).encode())
    for arr, dtype in ((net.indptr, "<i8"), (net.indices, "<i8"), (net.weights, "<f8"), (net.node_weights, "<f8")):
        h.update(arr.astype(dtype).tobytes())
    assert net.fingerprint() == h.hexdigest()
    narrow = Network(indptr=net.indptr.astype(np.int32), indices=np.repeat(net.indices.astype(np.int32), 2)[::2],
                     weights=net.weights, directed=True, node_ids=net.node_ids, node_weights=net.node_weights)
    assert narrow.fingerprint() == net.fingerprint()
