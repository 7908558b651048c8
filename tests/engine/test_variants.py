"""Map-equation variants against the official Infomap: entropy correction, preferred number of modules.

Fixed partitions and trees are scored by us and by the official (``--no-infomap``) to
1e-9 on hypothesis-drawn networks; optimized codelengths are no worse than the official's.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infomap_core import InfomapOptions, Network, compute_codelength, run_infomap

from .oracle import flow_flags, official_run_on_paths, official_search_codelength
from .test_tree_oracle import networks, ragged_paths

VARIANTS = [
    ("--entropy-corrected", dict(entropy_corrected=True)),
    ("--entropy-corrected --entropy-correction-strength 2.5", dict(entropy_corrected=True,
                                                                   entropy_correction_strength=2.5)),
    ("--preferred-number-of-modules 3", dict(preferred_number_of_modules=3)),
    ("--preferred-number-of-modules 1", dict(preferred_number_of_modules=1)),
    ("--entropy-corrected --preferred-number-of-modules 2", dict(entropy_corrected=True,
                                                                 preferred_number_of_modules=2)),
    ("--meta-data-rate 1", dict(meta_data_rate=1.0)),
    ("--meta-data-rate 2.5", dict(meta_data_rate=2.5)),
    ("--meta-data-rate 1 --meta-data-unweighted", dict(meta_data_rate=1.0, meta_data_unweighted=True)),
]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_variant_codelength_of_any_tree_equals_official(data):
    net = data.draw(networks())
    directed = data.draw(st.booleans())
    paths = data.draw(ragged_paths(net.num_nodes))
    flags, options = data.draw(st.sampled_from(VARIANTS))
    ids = net.node_ids.tolist()
    meta = None
    if "meta" in flags:
        meta = {node: data.draw(st.integers(0, 3)) for node in ids}
    ours = compute_codelength(net, {ids[a]: p for a, p in paths.items()},
                              InfomapOptions(flow_model="directed" if directed else "undirected", **options),
                              meta_data=meta)
    im = official_run_on_paths(net, paths, f"{flags} {flow_flags('directed' if directed else 'undirected')}",
                               None if meta is None else {ids.index(node): c for node, c in meta.items()})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs, theirs_one_level = float(im.codelength), float(im.one_level_codelength)
    assert ours.codelength == pytest.approx(theirs, rel=1e-9, abs=1e-12)
    assert ours.one_level_codelength == pytest.approx(theirs_one_level, rel=1e-9, abs=1e-12)


# Known gaps (mean of 5 seeds x 10 trials), left as strict xfails so that they fail loudly once
# fixed. None today: the last, preferred 3 modules two-level on lesmis-d (4.0974 vs 4.0897),
# closed with the best-pair mergers of optimizer._modules_toward_preferred_count.
KNOWN_GAPS: set[tuple[str, bool]] = set()


# the meta-data searches take 0.5-1 min each: CI searches at rate 1, the benchmark run the others
SLOW_SEARCHES = {"--meta-data-rate 2.5", "--meta-data-rate 1 --meta-data-unweighted"}


@pytest.mark.parametrize("flags,options", [pytest.param(*v, id=v[0], marks=[pytest.mark.slow] * (v[0] in SLOW_SEARCHES))
                                           for v in VARIANTS])
@pytest.mark.parametrize("two_level", [False, True], ids=["multilevel", "two-level"])
def test_variant_search_no_worse_than_official(flags, options, two_level, request):
    if (flags, two_level) in KNOWN_GAPS:
        request.applymarker(pytest.mark.xfail(strict=True, reason="the search lands in a worse basin than the "
                                              "official on lesmis-d (see KNOWN_GAPS)"))
    from bench.quality import quality_networks

    for name in ("karate", "lesmis-d", "ninetriangles.net"):
        net = quality_networks()[name]
        meta = {node: a % 3 for a, node in enumerate(net.node_ids.tolist())} if "meta" in flags else None
        ours = [run_infomap(net, InfomapOptions(two_level=two_level, num_trials=10, seed=s, **options),
                            meta_data=meta).codelength for s in range(1, 6)]
        model = "directed" if net.directed else "undirected"
        theirs = [official_search_codelength(net, f"{flags} --seed {s} --num-trials 10 --flow-model {model}"
                                              + (" --two-level" if two_level else ""),
                                              list(meta.values()) if meta else None) for s in range(1, 6)]
        assert np.mean(ours) <= np.mean(theirs) * (1 + 1e-4), (name, ours, theirs)


@pytest.mark.parametrize("options, field", [
    (dict(meta_data_rate=1.7e308), "meta_data_rate"),  # the one-level codelength was inf (JSON null)
    (dict(entropy_corrected=True, entropy_correction_strength=1e301), "entropy_correction_strength"),
    (dict(preferred_number_of_modules=2**63), "preferred_number_of_modules"),  # an int64 overflow in the kernels
    (dict(preferred_number_of_modules=2**32 - 1), "preferred_number_of_modules"),  # the official wraps to 2 bits
])
def test_variant_weights_that_overflow_are_refused(options, field):
    from infomap_core.errors import OptionError

    with pytest.raises(OptionError) as info:
        InfomapOptions(**options)
    assert info.value.field == field


def test_largest_variant_weights_give_finite_codelengths():
    """At the bounds every reported codelength is finite: the meta codebooks cost at most 63 x the
    rate, the correction below 1.5 x the strength, the preference |T - P| bits."""
    from infomap_core.infomap import MAX_PREFERRED_MODULES, MAX_VARIANT_WEIGHT

    net = Network.from_edges([(i, (i + 1) % 12) for i in range(12)] + [(0, 6)])
    meta = {i: i % 12 for i in range(12)}
    for options, meta_data in [(dict(meta_data_rate=MAX_VARIANT_WEIGHT), meta),
                               (dict(entropy_corrected=True, entropy_correction_strength=MAX_VARIANT_WEIGHT), None),
                               (dict(preferred_number_of_modules=MAX_PREFERRED_MODULES), None)]:
        result = run_infomap(net, InfomapOptions(seed=1, **options), meta_data=meta_data)
        figures = [result.codelength, result.one_level_codelength, result.index_codelength, result.module_codelength]
        assert np.isfinite(figures).all(), (options, figures)
