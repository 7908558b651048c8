"""A job's output formats, rendered on demand from its stored result (no web code).

A finished infomap job stores its JSON payload and, beside it, the engine result that every
other format is rendered from (:func:`stored_result`): the :class:`infomap_core.InfomapResult`
with only what the renderers read (node ids and names, node flow, the links with their flow
for ``.ftree``, the tree, the options and the run's times). A format is rendered when it is
first asked for (:func:`render_stored`) and the store keeps the text (:mod:`app.jobs.store`),
so a job costs no rendering it was never asked for, and a download is the same bytes as the
synchronous render of the same result.
"""

from __future__ import annotations

import pickle
from dataclasses import replace

import numpy as np

from infomap_core import InfomapResult
from infomap_core.errors import MapEqError
from infomap_core.formats import FORMATS, render

#: The formats rendered from a stored result (``json`` is the stored payload itself).
RENDERED = tuple(name for name in FORMATS if name != "json")


class FormatUnavailable(MapEqError):
    """The job has no result to render a format from (its kind has only JSON)."""

    code = "format_unavailable"

    def __init__(self, message: str, *, field: str | None = "format", line: int | None = None):
        super().__init__(message, field=field, line=line)


def _slim(result: InfomapResult) -> InfomapResult:
    """``result`` without what no format reads: the network's links (the flow keeps its own),
    the flow's pair and teleportation arrays and the tree's cached child lists (rebuilt on use).

    The network stays a valid one, of the same nodes and no links: the kernels that read a
    network do not check bounds, so a row pointer into dropped links would crash them.
    """
    none = np.zeros(0, dtype=np.int64)
    network = replace(result.network, indptr=np.zeros_like(result.network.indptr), indices=none,
                      weights=np.zeros(0))
    flow = replace(result.flow, pair_indptr=none, pair_indices=none, pair_flow=np.zeros(0),
                   tele_flow=np.zeros(0), tele_weight=np.zeros(0))
    return replace(result, network=network, flow=flow, tree=replace(result.tree, _children=None))


def stored_result(result: InfomapResult, *, hide_bipartite_nodes: bool = False, distributed: bool = False,
                  module_links: bool = False) -> bytes:
    """The bytes a job stores to render its formats from later (:func:`render_stored`): the
    result, and with ``hide_bipartite_nodes`` the request's wish to leave feature nodes out;
    ``distributed``: a distributed job's nodes without their links
    (:meth:`infomap_core.distributed.DistributedResult.to_engine_result`), with ``module_links``
    the links between its modules (reduced on the workers), which its ``ftree`` lists; without
    them (jobs finished before they were kept) it has no ``ftree``."""
    shape = {**({"hide_bipartite_nodes": True} if hide_bipartite_nodes else {}),
             **({"distributed": True} if distributed else {}),
             **({"module_links": True} if distributed and module_links else {})}
    kept = (_slim(result), shape) if shape else _slim(result)
    return pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)


def render_stored(stored: bytes | None, name: str) -> str:
    """The text of format ``name`` of a stored result (:data:`RENDERED`).

    Examples
    --------
    >>> from infomap_core import Network, run_infomap
    >>> result = run_infomap(Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]))
    >>> render_stored(stored_result(result), "clu") == render(result, "clu")
    True
    """
    if stored is None:
        raise FormatUnavailable(f"format {name!r} exists only for infomap jobs")
    # The bytes come from this service's own job store, written by finish_infomap on a worker.
    kept = pickle.loads(stored)
    result, shape = kept if isinstance(kept, tuple) else (kept, {})
    shape = dict(shape)
    distributed, module_links = shape.pop("distributed", False), shape.pop("module_links", False)
    if distributed and not module_links and name == "ftree":
        raise FormatUnavailable("format 'ftree' lists the links between modules, which this distributed job did "
                                "not keep (it finished before they were reduced on the workers): its result exists "
                                "as json, clu, tree, csv and newick")
    return render(result, name, **shape)


def job_output(store, job_id: str, name: str) -> str:
    """Format ``name`` of a succeeded job: kept from an earlier download, or rendered now from
    the stored engine result and kept (``store``: :class:`app.jobs.store.JobStore`)."""
    kept = store.output(job_id, name)
    if kept is not None:
        return kept.decode()
    stored = store.engine_result(job_id)
    if stored is None:  # jobs finished before formats were rendered on demand kept every format in the result
        result = store.result(job_id) or {}
        legacy = result.get("formats") or {}
        if name in legacy:
            return legacy[name]
        if "distributed" in result:  # finished before distributed jobs stored their nodes' rows
            raise FormatUnavailable(f"format {name!r} does not exist for this distributed job (it finished before "
                                    "they kept their nodes' flow): its result is format=json")
    text = render_stored(stored, name)
    store.keep_output(job_id, name, text.encode())
    return text
