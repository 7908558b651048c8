"""Shared test configuration.

*Reported == true*: every :class:`InfomapResult` the engine makes during a test (directly,
through the CLI's ``main`` or the in-process API) is re-scored after the test by the
official Infomap from our own tree (``--no-infomap -c``), and the reported codelength
must equal that score to 1e-9 relative. Results of more than ``RESCORE_MAX_LINKS`` links
are checked by the benchmark instead (it re-scores every run it makes).
"""

from __future__ import annotations

import pytest

RESCORE_MAX_LINKS = 200_000


@pytest.fixture(autouse=True)
def reported_codelength_is_true(monkeypatch):
    import infomap_core.infomap as engine

    made = []
    original = engine.best_of

    def recording_best_of(*args, **kwargs):
        result = original(*args, **kwargs)
        made.append(result)
        return result

    monkeypatch.setattr(engine, "best_of", recording_best_of)
    yield made
    if not made:
        return
    from engine.oracle import official_score_of_tree

    for result in made:
        if result.network.num_links > RESCORE_MAX_LINKS:
            continue
        theirs = official_score_of_tree(result.network, result.tree, result.options, result.flow.flow_model,
                                        result.objective)
        assert result.codelength == pytest.approx(theirs, rel=1e-9, abs=1e-12), (
            f"reported {result.codelength!r} but the official scores our tree {theirs!r}")
