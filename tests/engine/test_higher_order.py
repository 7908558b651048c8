"""Multilayer and bipartite networks, and the higher-order file formats, against the official Infomap.

The official reads the same file (or gets the same links through its Python API); the flow
of every state (layer) node and the codelength of the official's own partition must equal
ours to 1e-9, on the official example files and on hypothesis-drawn random networks; our
search must be as good on average over seeds 1-5.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import infomap
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared_data import examples_dir
from infomap_core import (InfomapOptions, Network, NetworkError, OptionError, ParseError, compute_codelength, compute_flow,
                          run_infomap)
from infomap_core.io import parse_network, read_network
from infomap_core.multilayer import RelaxOptions

# the official example networks: shared/ beside the checkout, or $SHARED_DIR (as tests/cli/conftest.py)
EXAMPLES = examples_dir()
HIGHER_ORDER_FILES = ["states", "multilayer", "multilayer_intra", "multilayer_intra_inter", "bipartite"]


def _key_of_official(node, kind: str):
    if kind == "states":
        return node.state_id
    if kind == "bipartite":
        return node.node_id
    return (node.layer_id, node.node_id)


def _our_keys(net: Network) -> list:
    if net.layers is not None:
        return [(int(l), int(net.physical_ids[p])) for l, p in zip(net.layers, net.physical)]
    return [int(i) for i in net.node_ids]


def _kind(net: Network) -> str:
    return "multilayer" if net.layers is not None else "bipartite" if net.bipartite_start is not None else "states"


def _official(flags: str, *, path: Path | None = None, build=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent {flags}")
        if path is not None:
            im.read_file(str(path))
        else:
            build(im)
        im.run()
        nodes = list(im.get_nodes(states=True)) if im.have_memory else list(im.get_nodes())
        return im, nodes


def _assert_flow_and_codelength_equal(net: Network, im, nodes, options: InfomapOptions) -> None:
    kind = _kind(net)
    theirs = {_key_of_official(n, kind): n for n in nodes}
    keys = _our_keys(net)
    assert sorted(theirs) == sorted(keys)
    flow = compute_flow(net, options.resolved_flow_model(net), adjust_bipartite=not options.skip_adjust_bipartite_flow,
                        bipartite_teleportation=options.bipartite_teleportation).node_flow
    np.testing.assert_allclose(flow, [theirs[k].flow for k in keys], rtol=1e-9, atol=1e-14)
    partition = {int(net.node_ids[a]): theirs[k].module_id for a, k in enumerate(keys)}
    ours = compute_codelength(net, partition, options)
    assert ours.codelength == pytest.approx(float(im.codelength), rel=1e-9, abs=1e-12)
    assert ours.one_level_codelength == pytest.approx(float(im.one_level_codelength), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("name", HIGHER_ORDER_FILES)
@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
def test_example_file_flow_and_codelength_equal_official(name, directed):
    net = read_network(EXAMPLES / f"{name}.net", directed=directed)
    im, nodes = _official("--two-level" + (" --directed" if directed else ""), path=EXAMPLES / f"{name}.net")
    _assert_flow_and_codelength_equal(net, im, nodes, InfomapOptions())


@pytest.mark.parametrize("name", HIGHER_ORDER_FILES)
def test_example_file_search_no_worse_than_official(name):
    net = read_network(EXAMPLES / f"{name}.net")
    ours, theirs = [], []
    for seed in range(1, 6):
        ours.append(run_infomap(net, InfomapOptions(num_trials=10, seed=seed)).codelength)
        theirs.append(float(_official(f"--num-trials 10 --seed {seed}", path=EXAMPLES / f"{name}.net")[0].codelength))
    assert np.mean(ours) <= np.mean(theirs) * (1 + 1e-4)


def test_physical_node_in_two_modules_on_multilayer_example():
    """multilayer_intra.net: physical node 1 (i) is in a module of each layer, as the official finds."""
    net = read_network(EXAMPLES / "multilayer_intra.net")
    result = run_infomap(net, InfomapOptions(num_trials=5))
    modules = result.module_ids(1)
    i_states = np.nonzero(net.physical_ids[net.physical] == 1)[0]
    assert len(i_states) == 2 and len(set(modules[i_states].tolist())) == 2


# ------------------------------------------------------------------ random networks
@st.composite
def intra_links(draw, max_layers=4, max_nodes=7):
    layers, nodes = draw(st.integers(1, max_layers)), draw(st.integers(2, max_nodes))
    m = draw(st.integers(1, 20))
    rows = draw(st.lists(st.tuples(st.integers(1, layers), st.integers(1, nodes), st.integers(1, nodes),
                                   st.sampled_from([0.5, 1.0, 2.0, 3.7])), min_size=m, max_size=m))
    return rows, layers, nodes


def _build_intra(intra, inter=()):
    def build(im):
        for row in intra:
            im.add_multilayer_intra_link(*row)
        for row in inter:
            im.add_multilayer_inter_link(*row)
    return build


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(data=st.data())
def test_random_intra_multilayer_with_relaxation_equals_official(data):
    intra, layers, _ = data.draw(intra_links())
    directed = data.draw(st.booleans())
    rate = data.draw(st.sampled_from([None, 0.0, 0.3, 1.0]))
    limit, up, down = data.draw(st.sampled_from([(-1, -1, -1), (1, -1, -1), (-1, 0, -1), (-1, -1, 1), (0, 2, -1)]))
    flags = f"--two-level --multilayer-relax-limit {limit} --multilayer-relax-limit-up {up} " \
            f"--multilayer-relax-limit-down {down}" + (" --directed" if directed else "") + \
            (f" --multilayer-relax-rate {rate}" if rate is not None else "")
    im, nodes = _official(flags, build=_build_intra(intra))
    net = Network.from_multilayer(intra=intra, directed=directed, relax_rate=rate, relax_limit=limit,
                                  relax_limit_up=up, relax_limit_down=down)
    _assert_flow_and_codelength_equal(net, im, nodes, InfomapOptions())


@SETTINGS
@given(data=st.data())
def test_random_intra_inter_multilayer_equals_official(data):
    intra, layers, nodes_ = data.draw(intra_links())
    layer_ids = sorted({r[0] for r in intra})
    if len(layer_ids) < 2:
        return
    inter = data.draw(st.lists(st.tuples(st.sampled_from(layer_ids), st.integers(1, nodes_), st.sampled_from(layer_ids),
                                         st.sampled_from([0.2, 0.4, 1.0])).filter(lambda r: r[0] != r[2]),
                               min_size=1, max_size=6))
    directed = data.draw(st.booleans())
    im, nodes = _official("--two-level" + (" --directed" if directed else ""), build=_build_intra(intra, inter))
    net = Network.from_multilayer(intra=intra, inter=inter, directed=directed)
    _assert_flow_and_codelength_equal(net, im, nodes, InfomapOptions())


@SETTINGS
@given(data=st.data())
def test_random_explicit_multilayer_equals_official(data):
    node = st.tuples(st.integers(1, 3), st.integers(1, 6))
    links = data.draw(st.lists(st.tuples(node, node, st.sampled_from([0.5, 1.0, 2.0])), min_size=1, max_size=15))
    directed = data.draw(st.booleans())

    def build(im):
        for a, b, w in links:
            im.add_multilayer_link(a, b, w)

    im, nodes = _official("--two-level" + (" --directed" if directed else ""), build=build)
    net = Network.from_multilayer([(*a, *b, w) for a, b, w in links], directed=directed)
    _assert_flow_and_codelength_equal(net, im, nodes, InfomapOptions())


@SETTINGS
@given(data=st.data())
def test_random_bipartite_equals_official(data):
    primary, features = data.draw(st.integers(1, 8)), data.draw(st.integers(1, 5))
    start = primary + 1
    pairs = data.draw(st.lists(st.tuples(st.integers(1, primary), st.integers(start, start + features - 1),
                                         st.booleans(), st.sampled_from([0.5, 1.0, 2.0, 3.7])),
                               min_size=1, max_size=20, unique_by=lambda r: (r[0], r[1])))
    links = [(f, p, w) if flip else (p, f, w) for p, f, flip, w in pairs]
    # every id below and at the start id is a node: the official's flow is odd when the start id is none
    links += [(p, start, 0.3) for p in range(1, primary + 1) if all(p not in (a, b) for a, b, _ in links)]
    if all(start not in (a, b) for a, b, _ in links):
        links.append((1, start, 0.3))
    skip, directed = data.draw(st.booleans()), data.draw(st.booleans())

    def build(im):
        for row in links:
            im.add_link(*row)
        im.bipartite_start_id = start

    im, nodes = _official("--two-level" + (" --skip-adjust-bipartite-flow" if skip else "")
                          + (" --directed" if directed else ""), build=build)
    net = Network.from_bipartite(links, start, directed=directed)
    _assert_flow_and_codelength_equal(net, im, nodes, InfomapOptions(skip_adjust_bipartite_flow=skip))


# ------------------------------------------------------------------ parser errors
@pytest.mark.parametrize("text, line, words", [
    ("*Vertices 2\n1 \"a\"\n2 \"b\"\n*States\n1 1\n2 7\n*Links\n1 2\n", 6, "physical node 7"),
    ("*States\n1 1\n2 2\n*Links\n1 2\n2 9\n", 6, "unknown state 9"),
    ("*Intra\n1 1 2\n2 1 3\n*Inter\n1 1 5 0.4\n", 5, "layer id 5 is out of range"),
    ("*Multilayer\n1 1 -1 2 1\n", 2, "layer id -1 is out of range"),
    ("*Vertices 3\n1\n2\n3\n*Bipartite 9\n1 3\n2 3\n", 5, "beyond the node ids"),
    ("*Intra\n1 1 2\n*Links\n1 2\n", 4, "cannot be mixed"),
    ("*States\n1 1\n*Intra\n1 1 2\n", 4, "cannot be mixed"),
    ("*Bipartite 3\n1 3\n1 2\n", 3, "joins two primary nodes"),
    ("*Intra\n1 x 2\n", 2, "not an integer"),
])
def test_bad_higher_order_file_names_the_line(text, line, words):
    with pytest.raises(ParseError, match=words) as info:
        parse_network(text)
    assert info.value.line == line


def test_relax_options_reach_the_network():
    text = (EXAMPLES / "multilayer_intra.net").read_bytes()
    default = parse_network(text)
    zero = parse_network(text, relax=RelaxOptions(rate=0.0))
    assert default.num_links > zero.num_links  # no relaxed links between the layers at rate 0


def test_bipartite_flow_options_not_supported_are_refused():
    net = Network.from_bipartite([(1, 3), (3, 2), (2, 4), (4, 1)], 3, directed=True)
    for options in (InfomapOptions(recorded_teleportation=True), InfomapOptions(flow_model="rawdir")):
        with pytest.raises(OptionError, match="not supported"):
            run_infomap(net, options)
    run_infomap(net, InfomapOptions(flow_model="rawdir", skip_adjust_bipartite_flow=True))  # flow kept on features


def test_fingerprint_tells_higher_order_networks_apart():
    links = [(1, 3), (2, 3), (2, 4)]
    plain = Network.from_edges(links)
    bipartite = Network.from_bipartite(links, 3)
    states = Network.from_states({1: 1, 2: 1, 3: 2, 4: 2}, links)
    intra = [(1, 1, 2), (2, 1, 2)]
    prints = {plain.fingerprint(), bipartite.fingerprint(), states.fingerprint(),
              Network.from_multilayer(intra=intra).fingerprint(),
              Network.from_multilayer(intra=intra, relax_rate=0.5).fingerprint()}
    assert len(prints) == 5
    assert plain.fingerprint() == Network.from_edges(links).fingerprint()


# ------------------------------------------------------------------ relax by JSD, relax to self
@SETTINGS
@given(data=st.data())
def test_random_intra_multilayer_relax_by_jsd_and_to_self_equal_official(data):
    """--multilayer-relax-by-jsd and --multilayer-relax-to-self (alone and together, with the
    relax limits): the flow of every state node and the codelength of a partition as the official's."""
    intra, layers, _ = data.draw(intra_links())
    directed = data.draw(st.booleans())
    by_jsd, to_self = data.draw(st.sampled_from([(True, False), (False, True), (True, True)]))
    rate = data.draw(st.sampled_from([None, 0.0, 0.3, 0.9] + ([] if by_jsd else [1.0])))
    limit, up, down = data.draw(st.sampled_from([(-1, -1, -1), (1, -1, -1), (-1, 0, -1), (-1, -1, 1)]))
    flags = f"--two-level --multilayer-relax-limit {limit} --multilayer-relax-limit-up {up} " \
            f"--multilayer-relax-limit-down {down}" + (" --directed" if directed else "") + \
            (f" --multilayer-relax-rate {rate}" if rate is not None else "") + \
            (" --multilayer-relax-by-jsd" if by_jsd else "") + (" --multilayer-relax-to-self" if to_self else "")
    im, nodes = _official(flags, build=_build_intra(intra))
    net = Network.from_multilayer(intra=intra, directed=directed, relax_rate=rate, relax_limit=limit,
                                  relax_limit_up=up, relax_limit_down=down, relax_by_jsd=by_jsd,
                                  relax_to_self=to_self)
    _assert_flow_and_codelength_equal(net, im, nodes, InfomapOptions())


@SETTINGS
@given(data=st.data())
def test_random_intra_inter_multilayer_relax_to_self_equals_official(data):
    intra, layers, nodes_ = data.draw(intra_links())
    layer_ids = sorted({r[0] for r in intra})
    if len(layer_ids) < 2:
        return
    inter = data.draw(st.lists(st.tuples(st.sampled_from(layer_ids), st.integers(1, nodes_), st.sampled_from(layer_ids),
                                         st.sampled_from([0.2, 0.4, 1.0])).filter(lambda r: r[0] != r[2]),
                               min_size=1, max_size=6))
    directed = data.draw(st.booleans())
    im, nodes = _official("--two-level --multilayer-relax-to-self" + (" --directed" if directed else ""),
                          build=_build_intra(intra, inter))
    net = Network.from_multilayer(intra=intra, inter=inter, directed=directed, relax_to_self=True)
    _assert_flow_and_codelength_equal(net, im, nodes, InfomapOptions())


@SETTINGS
@given(data=st.data())
def test_random_explicit_multilayer_relax_to_self_equals_official(data):
    """Directed explicit links: a link between two states of one physical node is a relay."""
    node = st.tuples(st.integers(1, 3), st.integers(1, 4))
    links = data.draw(st.lists(st.tuples(node, node, st.sampled_from([0.5, 1.0, 2.0])), min_size=1, max_size=15))
    directed = data.draw(st.booleans())
    carries = {a for a, b, _ in links if not (a[1] == b[1] and a[0] != b[0])}
    if directed and any(a[1] == b[1] and a[0] != b[0] and b not in carries for a, b, _ in links):
        with pytest.raises(NetworkError, match="no other out-link") as info:  # the official loses that flow
            Network.from_multilayer([(*a, *b, w) for a, b, w in links], directed=True, relax_to_self=True)
        assert info.value.field == "relax_to_self"
        return

    def build(im):
        for a, b, w in links:
            im.add_multilayer_link(a, b, w)

    im, nodes = _official("--two-level --multilayer-relax-to-self" + (" --directed" if directed else ""), build=build)
    net = Network.from_multilayer([(*a, *b, w) for a, b, w in links], directed=directed, relax_to_self=True)
    _assert_flow_and_codelength_equal(net, im, nodes, InfomapOptions())


@pytest.mark.parametrize("flag, kwargs", [("--multilayer-relax-by-jsd", {"relax_by_jsd": True}),
                                          ("--multilayer-relax-to-self", {"relax_to_self": True})])
@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
def test_example_multilayer_intra_relax_options_equal_official(flag, kwargs, directed):
    path = EXAMPLES / "multilayer_intra.net"
    im, nodes = _official(f"--two-level {flag}" + (" --directed" if directed else ""), path=path)
    net = read_network(path, directed=directed, relax=RelaxOptions(**{k.replace("relax_", ""): v
                                                                      for k, v in kwargs.items()}))
    _assert_flow_and_codelength_equal(net, im, nodes, InfomapOptions())


def test_relax_to_self_is_a_smaller_state_network_with_the_same_state_flow():
    intra = [(1, 1, 2), (1, 2, 3), (1, 3, 1), (2, 1, 3, 2.0), (2, 3, 4), (2, 4, 1), (3, 1, 4), (3, 4, 2)]
    default = Network.from_multilayer(intra=intra)
    relayed = Network.from_multilayer(intra=intra, relax_to_self=True)
    assert relayed.num_links < default.num_links
    np.testing.assert_allclose(compute_flow(relayed).node_flow, compute_flow(default).node_flow, rtol=1e-12)


def test_relax_options_bad_combinations_name_the_field():
    intra = [(1, 1, 2), (2, 1, 2)]
    with pytest.raises(OptionError, match="multilayer_relax_rate") as info:
        Network.from_multilayer(intra=intra, relax_rate=1.0, relax_by_jsd=True)
    assert info.value.field == "multilayer_relax_rate"
    with pytest.raises(NetworkError, match="inter links") as info:
        Network.from_multilayer(intra=intra, inter=[(1, 1, 2)], relax_by_jsd=True)
    assert info.value.field == "relax_by_jsd"
    with pytest.raises(NetworkError, match="explicit") as info:
        Network.from_multilayer([(1, 1, 2, 2)], relax_by_jsd=True)
    assert info.value.field == "relax_by_jsd"
    # a relax rate or limit is refused where the coupling is given, not ignored
    for kwargs, field in (({"relax_rate": 0.3}, "relax_rate"), ({"relax_limit_up": 1}, "relax_limit_up")):
        with pytest.raises(NetworkError, match="coupling is given") as info:
            Network.from_multilayer([(1, 1, 2, 2)], **kwargs)
        assert info.value.field == field
        with pytest.raises(NetworkError, match="with inter links") as info:
            Network.from_multilayer(intra=intra, inter=[(1, 1, 2)], **kwargs)
        assert info.value.field == field
    relayed = Network.from_multilayer(intra=intra, relax_to_self=True)
    with pytest.raises(OptionError, match="relax") as info:
        run_infomap(relayed, InfomapOptions(flow_model="rawdir"))
    assert info.value.field == "flow_model"
    # the undirected reading is the one it was read with: the same run as the default
    assert run_infomap(relayed, InfomapOptions(flow_model="undirected")).codelength == run_infomap(relayed).codelength


@SETTINGS
@given(data=st.data())
def test_random_bipartite_teleportation_equals_official(data):
    """--bipartite-teleportation: directed, the two-step walk on the primary nodes teleports between
    them; undirected, the flow stays on the feature nodes too."""
    primary, features = data.draw(st.integers(1, 8)), data.draw(st.integers(1, 5))
    start = primary + 1
    pairs = data.draw(st.lists(st.tuples(st.integers(1, primary), st.integers(start, start + features - 1),
                                         st.booleans(), st.sampled_from([0.5, 1.0, 2.0, 3.7])),
                               min_size=1, max_size=20, unique_by=lambda r: (r[0], r[1])))
    links = [(f, p, w) if flip else (p, f, w) for p, f, flip, w in pairs]
    links += [(p, start, 0.3) for p in range(1, primary + 1) if all(p not in (a, b) for a, b, _ in links)]
    if all(start not in (a, b) for a, b, _ in links):
        links.append((1, start, 0.3))
    directed = data.draw(st.booleans())
    net = Network.from_bipartite(links, start, directed=directed)
    options = InfomapOptions(bipartite_teleportation=True)

    def build(im):
        for row in links:
            im.add_link(*row)
        im.bipartite_start_id = start

    try:
        im, nodes = _official("--two-level --bipartite-teleportation" + (" --directed" if directed else ""),
                              build=build)
    except infomap.InfomapError:  # no two-step walk (no links one way or the other): refused here too
        with pytest.raises(NetworkError, match="bipartite_teleportation") as info:
            compute_codelength(net, {int(i): 1 for i in net.node_ids}, options)
        assert info.value.field == "bipartite_teleportation"
        return
    _assert_flow_and_codelength_equal(net, im, nodes, options)


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
def test_example_bipartite_teleportation_equals_official(directed):
    """bipartite.net: its links all run from primary to feature nodes, so the directed two-step
    walk has no way back; the official refuses it, and so do we (naming the option)."""
    path = EXAMPLES / "bipartite.net"
    net = read_network(path, directed=directed)
    options = InfomapOptions(bipartite_teleportation=True)
    if directed:
        with pytest.raises(infomap.InfomapError, match="needs links from the feature side"):
            _official("--two-level --directed --bipartite-teleportation", path=path)
        with pytest.raises(NetworkError, match="links back") as info:
            run_infomap(net, options)
        assert info.value.field == "bipartite_teleportation"
        return
    im, nodes = _official("--two-level --bipartite-teleportation", path=path)
    _assert_flow_and_codelength_equal(net, im, nodes, options)


TWO_WAY_BIPARTITE = [(1, 5, 1.0), (5, 2, 1.0), (2, 6, 2.0), (6, 1, 1.0), (3, 6, 1.0), (6, 3, 0.5), (3, 7, 1.0),
                     (7, 4, 1.0), (4, 5, 1.0), (5, 1, 0.5), (4, 7, 2.0), (7, 3, 1.0)]


@pytest.mark.parametrize("flag, kwargs", [("--multilayer-relax-by-jsd", {"by_jsd": True}),
                                          ("--multilayer-relax-to-self", {"to_self": True}),
                                          ("--multilayer-relax-by-jsd --multilayer-relax-to-self --directed",
                                           {"by_jsd": True, "to_self": True})])
def test_relax_options_search_no_worse_than_official(flag, kwargs):
    path = EXAMPLES / "multilayer_intra.net"
    net = read_network(path, directed="--directed" in flag, relax=RelaxOptions(**kwargs))
    ours, theirs = [], []
    for seed in range(1, 6):
        ours.append(run_infomap(net, InfomapOptions(num_trials=10, seed=seed)).codelength)
        theirs.append(float(_official(f"{flag} --num-trials 10 --seed {seed}", path=path)[0].codelength))
    assert np.mean(ours) <= np.mean(theirs) * (1 + 1e-4)


def test_bipartite_teleportation_search_no_worse_than_official():
    net = Network.from_bipartite(TWO_WAY_BIPARTITE, 5, directed=True)

    def build(im):
        for row in TWO_WAY_BIPARTITE:
            im.add_link(*row)
        im.bipartite_start_id = 5

    ours, theirs = [], []
    for seed in range(1, 6):
        ours.append(run_infomap(net, InfomapOptions(num_trials=10, seed=seed, bipartite_teleportation=True)).codelength)
        theirs.append(float(_official(f"--directed --bipartite-teleportation --num-trials 10 --seed {seed}",
                                      build=build)[0].codelength))
    assert np.mean(ours) <= np.mean(theirs) * (1 + 1e-4)
