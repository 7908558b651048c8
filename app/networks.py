"""Request bodies -> :class:`infomap_core.Network` (exactly one network form)."""

from __future__ import annotations

import numpy as np

from infomap_core import Network
from infomap_core.errors import NetworkError

from .binary import EdgeColumns
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


def _edge_array(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """An ``(m, 2)`` or ``(m, 3)`` numeric array -> ids and weights (float ids must be whole numbers)."""
    if rows.ndim != 2 or rows.shape[1] not in (2, 3):
        raise ApiError(422, "invalid_network", f"an edges array is (m, 2) or (m, 3): source, target[, weight]; got "
                       f"shape {list(rows.shape)}", field="edges")
    ids = rows[:, :2]
    if ids.dtype.kind == "f":
        if not (np.all(np.isfinite(ids)) and np.all(ids == np.round(ids)) and np.all(np.abs(ids) < 2**53)):
            raise ApiError(422, "invalid_network", "node ids must be whole numbers (the first two columns of edges)",
                           field="edges")
        ids = ids.astype(np.int64)
    weights = rows[:, 2].astype(np.float64) if rows.shape[1] == 3 else None
    return ids[:, 0], ids[:, 1], weights


def network_from_edges(edges: np.ndarray | EdgeColumns, directed: bool, field: str = "edges") -> Network:
    """The network of a binary link list (an ``(m, 2|3)`` array or columns); errors name ``field``."""
    try:
        if isinstance(edges, EdgeColumns):
            return Network.from_arrays(edges.source, edges.target, edges.weight, directed=directed)
        return Network.from_arrays(*_edge_array(edges), directed=directed)
    except NetworkError as exc:
        raise ApiError(422, exc.code, f"{field}: {exc.message}", field=field) from exc
    except ApiError as exc:
        raise ApiError(exc.status, exc.code, f"{field}: {exc.message}", field=field) from None


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
        if isinstance(rows, EdgeColumns):        # a table, or the JSON fast path (app.binary)
            return Network.from_arrays(rows.source, rows.target, rows.weight, directed=directed, nodes=nodes,
                                       node_weights=node_weights, node_names=names)
        fast = _edge_array(rows) if isinstance(rows, np.ndarray) else _numeric_edges(rows)
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
    if len(rows) == 0 or any(len(r) != len(rows) for r in rows):
        raise ApiError(422, "invalid_network", "adjacency must be a non-empty square matrix (ragged or non-square rows)",
                       field="adjacency")
    return Network.from_numpy(np.asarray(rows, dtype=np.float64), directed=body.directed)

