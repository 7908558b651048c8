"""Request bodies -> :class:`infomap_core.Network` (exactly one network form), no web code.

Two steps, so that a job is checked at submission and built once, on its worker:

* :func:`check_network_body` reads the body's form, shapes and weights into arrays (one
  numpy conversion of the links) and refuses what cannot become a network: two forms or
  none, no link, ragged rows, ids that are not integers or strings (or a mix), weights that
  are not finite non-negative numbers, sparse indices outside the shape. No node index, no flow.
* :func:`network_from_body` does the same and builds the network (ids indexed, duplicate
  links summed).

Errors are engine errors (:class:`infomap_core.errors.NetworkError` and subclasses), each
naming the request field it comes from (``edges``, ``sparse.shape``, ``nodes``...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from infomap_core import Network
from infomap_core.errors import EmptyNetworkError, InvalidWeightError, NetworkError

from ..schemas import NetworkBody

FORMS = ("edges", "links", "sparse", "adjacency")


@dataclass(frozen=True)
class _Checked:
    """A body's network as checked arrays, ready for one engine constructor call."""

    form: str
    build: Callable[[], Network]


def _numeric_edges(rows: list) -> tuple[np.ndarray, np.ndarray, np.ndarray | None] | None:
    """Integer-id edges as arrays in one numpy conversion, or None for the general path.

    The body was validated by pydantic (strict types), so a rectangular numeric array
    means integer ids (and float weights in a third column).
    """
    if not rows:
        return None
    try:
        arr = np.array(rows)
    except (ValueError, OverflowError):
        return None
    if arr.ndim != 2 or arr.shape[1] not in (2, 3):
        return None
    if arr.dtype.kind == "i" and arr.shape[1] == 2:
        return arr[:, 0], arr[:, 1], None
    if arr.dtype.kind == "i":
        return arr[:, 0], arr[:, 1], arr[:, 2].astype(np.float64)
    if arr.dtype.kind == "f" and arr.shape[1] == 3:
        ids = arr[:, :2]
        if np.all(np.isfinite(ids)) and np.all(ids == np.round(ids)) and np.all(np.abs(ids) < 2**53):
            if all(isinstance(rows[0][j], int) for j in (0, 1)):
                return ids[:, 0].astype(np.int64), ids[:, 1].astype(np.int64), arr[:, 2]
    return None


def _finite_nonnegative(weights: Any, field: str) -> None:
    w = np.asarray(weights, dtype=np.float64)
    if w.size and not np.all(np.isfinite(w)):
        raise InvalidWeightError(f"weights must be finite, got {w[~np.isfinite(w)][0]}", field=field)
    if w.size and np.any(w < 0):
        raise InvalidWeightError(f"weights must be >= 0, got {w[w < 0][0]}", field=field)


def check_network_body(body: NetworkBody) -> None:
    """Refuse a body that cannot become a network, without building it (a job's submission).

    Examples
    --------
    >>> from app.schemas import NetworkBody
    >>> check_network_body(NetworkBody(edges=[[1, 2, -1.0]]))
    Traceback (most recent call last):
    ...
    infomap_core.errors.InvalidWeightError: weights must be >= 0, got -1.0
    """
    _checked(body)


def network_from_body(body: NetworkBody) -> Network:
    """The network of ``body``; engine errors are reported against the form's field."""
    checked = _checked(body)
    try:
        return checked.build()
    except NetworkError as exc:
        field = "nodes" if exc.field in ("nodes", "node_weights", "node_ids") else checked.form
        raise type(exc)(exc.message, field=field) from exc


def _checked(body: NetworkBody) -> _Checked:
    given = [f for f in FORMS if getattr(body, f) is not None]
    if len(given) != 1:
        what = "none" if not given else ", ".join(given)
        raise NetworkError(f"give exactly one network form of {', '.join(FORMS)} (got {what})",
                           field=given[1] if len(given) > 1 else "edges")
    form = given[0]
    if form in ("edges", "links") and not getattr(body, form):
        raise EmptyNetworkError("the network has no links", field=form)
    nodes = node_weights = names = None
    if body.nodes:
        nodes = [n.id for n in body.nodes]
        node_weights = {n.id: n.weight for n in body.nodes if n.weight is not None} or None
        names = {n.id: n.name for n in body.nodes if n.name is not None} or None
        if node_weights:
            _finite_nonnegative(list(node_weights.values()), "nodes")
    directed = bool(body.directed)
    extras = {"directed": directed, "nodes": nodes, "node_weights": node_weights, "node_names": names}
    if form == "edges":
        return _Checked(form, _edges(body.edges, extras))
    if form == "links":
        links = body.links
        weights = [link.weight for link in links]
        _finite_nonnegative(weights, "links")
        src, tgt = [link.source for link in links], [link.target for link in links]
        _one_id_kind(src, tgt, nodes, "links")
        return _Checked(form, lambda: Network.from_arrays(src, tgt, weights, **extras))
    if form == "sparse":
        return _Checked(form, _sparse(body))
    rows = body.adjacency
    if not rows or any(len(r) != len(rows) for r in rows):
        raise NetworkError("adjacency must be a non-empty square matrix (ragged or non-square rows)",
                           field="adjacency")
    matrix = np.asarray(rows, dtype=np.float64)
    _finite_nonnegative(matrix, "adjacency")
    return _Checked(form, lambda: Network.from_numpy(matrix, directed=body.directed))


def _edges(rows: list, extras: dict) -> Callable[[], Network]:
    fast = _numeric_edges(rows)
    if fast is not None:
        src, tgt, weights = fast
        _one_id_kind([0], [], extras["nodes"], "edges")
        if weights is not None:
            _finite_nonnegative(weights, "edges")
        return lambda: Network.from_arrays(src, tgt, weights, **extras)
    widths = {len(r) for r in rows}
    if not widths <= {2, 3}:
        raise NetworkError("each edge must be [source, target] or [source, target, weight]", field="edges")
    src = [r[0] for r in rows]
    tgt = [r[1] for r in rows]
    for ids in (src, tgt):
        if any(isinstance(x, float) for x in ids):
            raise NetworkError("node ids must be integers or strings", field="edges")
    _one_id_kind(src, tgt, extras["nodes"], "edges")
    weights = None
    if 3 in widths:
        weights = [r[2] if len(r) == 3 else 1.0 for r in rows]
        if any(isinstance(x, str) for x in weights):
            raise InvalidWeightError("edge weights must be numbers", field="edges")
        _finite_nonnegative(weights, "edges")
    return lambda: Network.from_arrays(src, tgt, weights, **extras)


def _one_id_kind(source: list, target: list, nodes: list | None, field: str) -> None:
    """Node ids are all integers or all strings (the engine indexes one kind)."""
    kinds = {type(x) for part in (source, target, nodes or ()) for x in part}
    if len(kinds) > 1:
        raise NetworkError("node ids must be all integers or all strings, not a mix", field=field)


def _sparse(body: NetworkBody) -> Callable[[], Network]:
    sp_body = body.sparse
    n_rows, n_cols = sp_body.shape  # at most the nodes limit: checked before (app.cost)
    try:
        row = np.asarray(sp_body.row, dtype=np.int64)
        col = np.asarray(sp_body.col, dtype=np.int64)
    except OverflowError:
        raise NetworkError("row/col index outside shape", field="sparse") from None
    data = np.asarray(sp_body.data, dtype=np.float64)
    if not (row.shape == col.shape == data.shape):
        raise NetworkError("row, col and data must have the same length", field="sparse")
    if n_rows != n_cols or n_rows <= 0:
        raise NetworkError(f"shape must be square and non-empty, got {sp_body.shape}", field="sparse.shape")
    if row.size and (row.min() < 0 or col.min() < 0 or row.max() >= n_rows or col.max() >= n_cols):
        raise NetworkError("row/col index outside shape", field="sparse")
    if data.size and not np.all(np.isfinite(data)):
        raise InvalidWeightError("weights must be finite", field="sparse.data")
    _finite_nonnegative(data, "sparse")

    def build() -> Network:
        import scipy.sparse as sp

        return Network.from_scipy(sp.coo_array((data, (row, col)), shape=(n_rows, n_cols)), directed=body.directed)

    return build


def body_of_network(network: Network) -> dict:
    """The JSON network form of ``network`` (``edges`` by id with weights, ``nodes`` with names
    and teleportation weights, ``directed``): the stored request of a job for an uploaded file.

    >>> from infomap_core import Network
    >>> body_of_network(Network.from_edges([(1, 2, 0.5), (2, 3)], directed=True))
    {'edges': [[1, 2, 0.5], [2, 3, 1.0]], 'directed': True, 'nodes': [{'id': 1}, {'id': 2}, {'id': 3}]}
    """
    src, tgt, weight = network.to_coo()
    ids = network.node_ids.tolist()
    edges = [[ids[s], ids[t], w] for s, t, w in zip(src.tolist(), tgt.tolist(), weight.tolist())]
    nodes: list[dict[str, Any]] = [{"id": i} for i in ids]
    if network.node_names is not None:
        for node, name in zip(nodes, network.node_names):
            node["name"] = name
    if network.node_weights is not None and not np.all(network.node_weights == 1.0):
        for node, w in zip(nodes, network.node_weights.tolist()):
            node["weight"] = w
    return {"edges": edges, "directed": bool(network.directed), "nodes": nodes}
