"""Request bodies -> :class:`infomap_core.Network` (exactly one network form)."""

from __future__ import annotations

import numpy as np

from infomap_core import Network
from infomap_core.errors import NetworkError

from .errors import ApiError
from .schemas import NetworkBody

FORMS = ("edges", "links", "sparse", "adjacency")


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


def network_from_body(body: NetworkBody) -> Network:
    """The network of ``body``; engine errors are reported against the form's field."""
    try:
        return _network_from_body(body)
    except NetworkError as exc:
        form = next((f for f in FORMS if getattr(body, f) is not None), "edges")
        field = "nodes" if exc.field in ("nodes", "node_weights", "node_ids") else form
        raise ApiError(422, exc.code, exc.message, field=field) from exc


def _network_from_body(body: NetworkBody) -> Network:
    given = [f for f in FORMS if getattr(body, f) is not None]
    if len(given) != 1:
        what = "none" if not given else ", ".join(given)
        raise ApiError(422, "invalid_network", f"give exactly one network form of {', '.join(FORMS)} (got {what})",
                       field=given[1] if len(given) > 1 else "edges")
    form = given[0]
    nodes = node_weights = names = None
    if body.nodes:
        nodes = [n.id for n in body.nodes]
        node_weights = {n.id: n.weight for n in body.nodes if n.weight is not None} or None
        names = {n.id: n.name for n in body.nodes if n.name is not None} or None
    directed = bool(body.directed)
    if form == "edges":
        rows = body.edges
        fast = _numeric_edges(rows)
        if fast is not None:
            src, tgt, weights = fast
            return Network.from_arrays(src, tgt, weights, directed=directed, nodes=nodes,
                                       node_weights=node_weights, node_names=names)
        widths = {len(r) for r in rows}
        if not widths <= {2, 3}:
            raise ApiError(422, "invalid_network", "each edge must be [source, target] or [source, target, weight]",
                           field="edges")
        src = [r[0] for r in rows]
        tgt = [r[1] for r in rows]
        for ids in (src, tgt):
            if any(isinstance(x, float) for x in ids):
                raise ApiError(422, "invalid_network", "node ids must be integers or strings", field="edges")
        weights = None
        if 3 in widths:
            weights = [r[2] if len(r) == 3 else 1.0 for r in rows]
            if any(isinstance(x, str) for x in weights):
                raise ApiError(422, "invalid_weight", "edge weights must be numbers", field="edges")
        return Network.from_arrays(src, tgt, weights, directed=directed, nodes=nodes, node_weights=node_weights,
                                   node_names=names)
    if form == "links":
        links = body.links
        return Network.from_arrays([l.source for l in links], [l.target for l in links], [l.weight for l in links],
                                   directed=directed, nodes=nodes, node_weights=node_weights, node_names=names)
    if form == "sparse":
        sp_body = body.sparse
        n_rows, n_cols = sp_body.shape  # at most the nodes limit: checked before (app.cost)
        try:
            row = np.asarray(sp_body.row, dtype=np.int64)
            col = np.asarray(sp_body.col, dtype=np.int64)
        except OverflowError:
            raise ApiError(422, "invalid_network", "row/col index outside shape", field="sparse")
        data = np.asarray(sp_body.data, dtype=np.float64)
        if not (row.shape == col.shape == data.shape):
            raise ApiError(422, "invalid_network", "row, col and data must have the same length", field="sparse")
        if n_rows != n_cols or n_rows <= 0:
            raise ApiError(422, "invalid_network", f"shape must be square and non-empty, got {sp_body.shape}",
                           field="sparse.shape")
        if row.size and (row.min() < 0 or col.min() < 0 or row.max() >= n_rows or col.max() >= n_cols):
            raise ApiError(422, "invalid_network", "row/col index outside shape", field="sparse")
        import scipy.sparse as sp

        if data.size and not np.all(np.isfinite(data)):
            raise ApiError(422, "invalid_weight", "weights must be finite", field="sparse.data")
        matrix = sp.coo_array((data, (row, col)), shape=(n_rows, n_cols))
        return Network.from_scipy(matrix, directed=body.directed)
    rows = body.adjacency
    if not rows or any(len(r) != len(rows) for r in rows):
        raise ApiError(422, "invalid_network", "adjacency must be a non-empty square matrix (ragged or non-square rows)",
                       field="adjacency")
    return Network.from_numpy(np.asarray(rows, dtype=np.float64), directed=body.directed)



def network_from_upload(raw: bytes, max_bytes: int, directed: bool) -> Network:
    """An uploaded link-list or Pajek file (plain or gzip, by content); errors name ``file``."""
    from infomap_core.errors import MapEqError
    from infomap_core.io import parse_network

    from .uploads import upload_text

    text = upload_text(raw, max_bytes)
    try:
        return parse_network(text, directed=True if directed else None)
    except MapEqError as exc:
        raise ApiError(422, exc.code, str(exc), field="file") from None


def body_of_network(network: Network) -> dict:
    """The JSON network form of ``network`` (``edges`` by id with weights, ``nodes`` with names
    and teleportation weights, ``directed``): what a job stores for an uploaded file.

    >>> from infomap_core import Network
    >>> body_of_network(Network.from_edges([(1, 2, 0.5), (2, 3)], directed=True))
    {'edges': [[1, 2, 0.5], [2, 3, 1.0]], 'directed': True, 'nodes': [{'id': 1}, {'id': 2}, {'id': 3}]}
    """
    src, tgt, weight = network.to_coo()
    ids = network.node_ids.tolist()
    edges = [[ids[s], ids[t], w] for s, t, w in zip(src.tolist(), tgt.tolist(), weight.tolist())]
    nodes = [{"id": i} for i in ids]
    if network.node_names is not None:
        for node, name in zip(nodes, network.node_names):
            node["name"] = name
    if network.node_weights is not None and not np.all(network.node_weights == 1.0):
        for node, w in zip(nodes, network.node_weights.tolist()):
            node["weight"] = w
    return {"edges": edges, "directed": bool(network.directed), "nodes": nodes}
