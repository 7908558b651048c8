"""What a request will cost, told from its shape before any work (no FastAPI here).

A request is refused with 413 *before* the per-node and per-link arrays exist when one
of its figures is above the limit that applies (synchronous endpoints or jobs):

* ``nodes``: the rows of the node table, flow and answer. ``sparse.shape[0]`` (a COO
  matrix declares its nodes, isolated ones included), the rows of ``adjacency``,
  ``len(vectors)``, ``len(nodes)`` (link lists name at most ``2 x links`` more).
* ``links``: the links the engine works on: entries of ``edges``/``links``/``sparse``,
  the *non-zero* entries of ``adjacency``, and for vectors the derived kNN links
  ``n x min(top_k, n - 1)``.
* ``trials``: independent searches (work = links x trials).
* ``entries``: the ``n x n`` numbers of a dense ``adjacency`` (parsed whatever their
  value); one limit for synchronous requests and jobs, since ``sparse`` carries the
  same network in its non-zeros alone.

:func:`scan` reads the figures from the raw JSON bytes (array lengths only, nothing
parsed); :func:`of_request` from a validated request model. :func:`check` compares
them with the limits.
"""

from __future__ import annotations

from dataclasses import dataclass, field as dataclass_field
from typing import Any

import numpy as np

from .jsonscan import array_lengths
from .options import MAX_NETWORK_TRIALS

NETWORK_FORMS = ("edges", "links", "sparse", "adjacency")


class LimitExceeded(Exception):
    """A figure of the request is above the limit that applies (an HTTP 413).

    Parameters
    ----------
    field : str
        The request field the figure comes from (``edges``, ``sparse.shape``, ``vectors``...).
    what : str
        The figure (``links``, ``nodes``, ``trials``, ``derived kNN links``).
    value, limit : int
        The request's figure and the limit.
    setting : str
        The environment variable that sets the limit.
    jobs : bool
        True when the limit is a synchronous one (the message points to ``POST /v1/jobs``).
    """

    def __init__(self, field: str, what: str, value: int, limit: int, setting: str, jobs: bool):
        self.field, self.what, self.value, self.limit, self.setting, self.jobs = field, what, value, limit, setting, jobs
        hint = "; submit the same body to POST /v1/jobs" if jobs else ""
        self.message = f"{field}: {value:,} {what} exceed the limit of {limit:,} ({setting}){hint}"
        super().__init__(self.message)


@dataclass(frozen=True)
class Limits:
    """The limits of one kind of execution; ``env`` names their environment variables."""

    nodes: int
    links: int
    trials: int
    vectors: int
    entries: int
    sync: bool
    env: dict[str, str] = dataclass_field(default_factory=dict)

    @classmethod
    def synchronous(cls, settings) -> "Limits":
        return cls(settings.max_sync_nodes, settings.max_sync_links, settings.max_sync_trials,
                   settings.max_sync_vectors, settings.max_dense_entries, True,
                   {"nodes": "MAPEQ_MAX_SYNC_NODES", "links": "MAPEQ_MAX_SYNC_LINKS",
                    "trials": "MAPEQ_MAX_SYNC_TRIALS", "vectors": "MAPEQ_MAX_SYNC_VECTORS",
                    "entries": "MAPEQ_MAX_DENSE_ENTRIES"})

    @classmethod
    def jobs(cls, settings) -> "Limits":
        return cls(settings.max_job_nodes, settings.max_job_links, MAX_NETWORK_TRIALS, settings.max_job_vectors,
                   settings.max_dense_entries, False,
                   {"nodes": "MAPEQ_MAX_JOB_NODES", "links": "MAPEQ_MAX_JOB_LINKS",
                    "trials": f"num_trials <= {MAX_NETWORK_TRIALS}",
                    "vectors": "MAPEQ_MAX_JOB_VECTORS", "entries": "MAPEQ_MAX_DENSE_ENTRIES"})


@dataclass(frozen=True)
class Cost:
    """Figures of one request, each with the request field it comes from."""

    nodes: tuple[int, str] = (0, "nodes")
    links: tuple[int, str] = (0, "edges")
    trials: tuple[int, str] = (1, "num_trials")
    vectors: tuple[int, str] = (0, "vectors")
    entries: tuple[int, str] = (0, "adjacency")

    def check(self, limits: Limits) -> None:
        """Raise :class:`LimitExceeded` for the first figure above its limit."""
        for name, what in (("entries", "dense matrix entries (n x n; send the non-zeros as sparse)"),
                           ("vectors", "vectors"), ("nodes", "nodes"), ("links", "links"), ("trials", "trials")):
            value, field = getattr(self, name)
            limit = getattr(limits, name)
            if value > limit:
                if name == "links" and field == "vectors":
                    what = "derived kNN links (vectors x top_k)"
                # A dense matrix is as large as it is for jobs too: no point in pointing there.
                sync = limits.sync and name != "entries"
                raise LimitExceeded(field, what, value, limit, limits.env.get(name, name), sync)


def scan(raw: bytes) -> Cost:
    """Lower bounds of a JSON body's figures from its array lengths alone.

    Examples
    --------
    >>> scan(b'{"edges": [[1, 2], [2, 3]], "nodes": [{"id": 9}]}').links
    (2, 'edges')
    """
    return of_lengths(array_lengths(raw))


def of_lengths(lengths: dict[str, int]) -> Cost:
    """Lower bounds of a request's figures from the lengths of its arrays (``{"edges": m, "sparse.data": k}``),
    however they arrived (JSON: :func:`scan`; binary: :func:`app.binary.lengths`)."""
    links = (0, "edges")
    for form, key in (("edges", "edges"), ("links", "links"), ("sparse", "sparse.data")):
        if key in lengths:
            links = (lengths[key], form)
            break
    nodes = (lengths.get("nodes", 0), "nodes")
    rows = lengths.get("adjacency", 0)
    if rows > nodes[0]:
        nodes = (rows, "adjacency")
    return Cost(nodes=nodes, links=links, vectors=(lengths.get("vectors", 0), "vectors"),
                entries=(rows * rows, "adjacency"))


def of_network(body: Any) -> Cost:
    """Figures of a validated network request (:class:`app.schemas.NetworkBody`)."""
    declared = len(body.nodes or ())
    trials = (getattr(body, "num_trials", 1), "num_trials")
    if body.sparse is not None:
        shape = body.sparse.shape
        nodes = max(abs(shape[0]), abs(shape[1])) if len(shape) == 2 else 0
        return Cost(nodes=(max(nodes, declared), "sparse.shape"), links=(len(body.sparse.data), "sparse"),
                    trials=trials)
    if body.adjacency is not None:
        rows = body.adjacency
        nonzero = (int(np.count_nonzero(rows)) if isinstance(rows, np.ndarray)
                   else sum(sum(1 for v in row if v != 0) for row in rows))
        return Cost(nodes=(max(len(rows), declared), "adjacency"), links=(nonzero, "adjacency"), trials=trials,
                    entries=(len(rows) ** 2, "adjacency"))
    layers = getattr(body, "layers", None)
    if layers is not None:
        rows = (layers.links or []) + (layers.intra or []) + (layers.inter or [])
        # relaxation links each intra link to every layer of its source: up to (layers) x 2 x intra links
        num_layers = len({r[0] for r in layers.intra or [] if r})
        derived = len(layers.links or []) + len(layers.inter or []) + 2 * len(layers.intra or []) * max(num_layers, 1)
        return Cost(nodes=(declared, "nodes"), links=(max(derived, len(rows)), "layers"), trials=trials)
    form = next((f for f in ("edges", "links") if getattr(body, f) is not None), "edges")
    # Link lists name at most 2 x links nodes, already bounded by the links limit.
    given = getattr(body, form)
    return Cost(nodes=(declared, "nodes"), links=(0 if given is None else len(given), form), trials=trials)


def of_vectors(n: int, top_k: int, num_trials: int) -> Cost:
    """Figures of a vector clustering: ``n`` nodes and ``n x min(top_k, n - 1)`` derived links."""
    return Cost(nodes=(n, "vectors"), links=(n * max(0, min(top_k, n - 1)), "vectors"),
                trials=(num_trials, "num_trials"), vectors=(n, "vectors"))
