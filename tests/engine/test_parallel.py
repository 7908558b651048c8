"""The parallel kernels: the same results on any number of threads, and equal to a plain reference."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infomap_core import InfomapOptions, Network, compute_flow, run_infomap
from infomap_core.optimizer import Level, SearchSettings
from infomap_core.parallel import PARALLEL_MIN_LINKS, aggregate, module_sums

from .test_properties import networks


@settings(max_examples=100, deadline=None)
@given(networks(), st.integers(1, 6), st.integers(0, 10**6), st.integers(1, 5))
def test_module_sums_and_aggregate_equal_a_plain_reference(net, k, seed, threads):
    """Small networks: the kernels run on the calling thread (below ``PARALLEL_MIN_LINKS``)."""
    mod = np.unique(np.random.default_rng(seed).integers(0, k, net.num_nodes), return_inverse=True)[1]
    assert_sums_and_aggregate_equal_reference(net, mod, threads)


@pytest.mark.parametrize("threads", [1, 2, 4])
def test_the_parallel_branch_equals_a_plain_reference(threads):
    """A network above ``PARALLEL_MIN_LINKS`` stored links, so the thread-team branch runs."""
    rng = np.random.default_rng(7)
    n = 20_000
    src, tgt = rng.integers(0, n, 40_000), rng.integers(0, n, 40_000)
    net = Network.from_arrays(src, tgt, rng.random(40_000) + 0.5)
    assert net.num_links * 2 >= PARALLEL_MIN_LINKS
    mod = np.unique(rng.integers(0, 300, net.num_nodes), return_inverse=True)[1]
    assert_sums_and_aggregate_equal_reference(net, mod, threads)


def assert_sums_and_aggregate_equal_reference(net, mod, threads):
    fg = compute_flow(net, "directed" if net.directed else "undirected")
    level = Level.from_flow(fg)
    k = int(mod.max()) + 1
    mflow, menter, mexit, _, _ = module_sums(level.indptr, level.indices, level.pflow, level.flow, level.enter,
                                             level.exit, level.tf, level.tw, mod, k, False)
    src = np.repeat(np.arange(level.n), np.diff(level.indptr))
    inside = mod[src] == mod[level.indices]
    inner = np.bincount(mod[src[inside]], weights=level.pflow[inside], minlength=k) / 2  # both directions stored
    np.testing.assert_allclose(mflow, np.bincount(mod, weights=level.flow, minlength=k), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(menter, np.bincount(mod, weights=level.enter, minlength=k) - inner, atol=1e-12)
    np.testing.assert_allclose(mexit, np.bincount(mod, weights=level.exit, minlength=k) - inner, atol=1e-12)
    indptr, indices, flow = aggregate(level.indptr, level.indices, level.pflow, mod, k, threads)
    ours = {(m, int(t)): f for m in range(k) for t, f in zip(indices[indptr[m]:indptr[m + 1]], flow[indptr[m]:indptr[m + 1]])}
    reference: dict = {}
    for s, t, f in zip(mod[src[~inside]].tolist(), mod[level.indices[~inside]].tolist(), level.pflow[~inside].tolist()):
        reference[(s, t)] = reference.get((s, t), 0.0) + f
    assert ours.keys() == reference.keys()
    assert all(ours[key] == pytest.approx(reference[key], rel=1e-12) for key in ours)


RUN = """
import json, sys
import numpy as np, numba
from infomap_core import InfomapOptions, Network, run_infomap
from infomap_core.optimizer import SearchSettings
edges = np.array(json.loads(sys.argv[1]))
net = Network.from_arrays(edges[:, 0], edges[:, 1])
out = []
for threads in (1, 2, 3, 4):
    r = run_infomap(net, InfomapOptions(two_level=True, seed=5, num_threads=threads),
                    settings=SearchSettings(synchronous_rounds=True, parallel_min_units=50))
    out.append([r.codelength, r.module_ids(1).tolist()])
print(json.dumps(out))
"""


def test_same_partition_on_two_three_and_four_threads():
    """Synchronous rounds decide every move from the previous round's statistics, so the
    result depends on the seed only (one thread runs the sequential core loop alone)."""
    rng = np.random.default_rng(1)
    groups = np.repeat(np.arange(10), 30)
    src, tgt = np.triu_indices(300, 1)
    keep = rng.random(src.shape[0]) < np.where(groups[src] == groups[tgt], 0.3, 0.01)
    edges = np.stack([src[keep], tgt[keep]], axis=1).tolist()
    env = dict(os.environ, NUMBA_NUM_THREADS="4")
    done = subprocess.run([sys.executable, "-c", RUN, json.dumps(edges)], capture_output=True, text=True, env=env,
                          check=True, cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    results = json.loads(done.stdout)
    assert results[1] == results[2] == results[3]
    assert results[0][0] == pytest.approx(results[1][0], rel=1e-3)  # the sequential search lands close


def test_parallel_rounds_keep_the_official_quality():
    """On the LFR benchmark graph (1000 nodes) the search with parallel rounds is no worse than the official."""
    from .networks import lfr
    from .oracle import codelength_of, official

    net, _ = lfr(1000, 0.3)
    ours = [run_infomap(net, InfomapOptions(two_level=True, seed=s, num_threads=2),
                       settings=SearchSettings(synchronous_rounds=True, parallel_min_units=100)).codelength for s in range(1, 4)]
    theirs = [codelength_of(official(net, seed=s)) for s in range(1, 4)]
    assert np.mean(ours) <= np.mean(theirs) * (1 + 1e-4)
