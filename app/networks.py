"""Request bodies -> :class:`infomap_core.Network` (exactly one network form)."""

from __future__ import annotations

import numpy as np

from infomap_core import Network
from infomap_core.errors import NetworkError

from .errors import ApiError
from .schemas import NetworkBody

FORMS = ("edges", "links", "sparse", "adjacency", "layers")


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
        network = _network_from_body(body)
        return _higher_order(body, network)
    except NetworkError as exc:
        form = next((f for f in FORMS if getattr(body, f) is not None), "edges")
        field = "nodes" if exc.field in ("nodes", "node_weights", "node_ids") else form
        if exc.field in ("states", "bipartite_start_id") or (exc.field or "").startswith("multilayer_relax"):
            field = exc.field.replace("multilayer_relax", "layers.relax")
        raise ApiError(422, exc.code, exc.message, field=field) from exc


def _higher_order(body: NetworkBody, network: Network | None) -> Network:
    """The state or bipartite network of ``body`` (``states``, ``bipartite_start_id``) built on the
    links of its edges/links form; ``network`` itself otherwise."""
    states, start = getattr(body, "states", None), getattr(body, "bipartite_start_id", None)
    if states is None and start is None:
        return network
    if states is not None and start is not None:
        raise ApiError(422, "invalid_network", "give states or bipartite_start_id, not both", field="states")
    form = next((f for f in FORMS if getattr(body, f) is not None), "edges")
    if form not in ("edges", "links"):
        field = "states" if states is not None else "bipartite_start_id"
        raise ApiError(422, "invalid_network", f"{field} goes with edges or links, not {form}", field=field)
    src, tgt, w = network.to_coo()
    ids = network.node_ids
    rows = [(a, b, x) for a, b, x in zip(ids[src].tolist(), ids[tgt].tolist(), w.tolist())] if w.size else \
        [(a, b) for a, b in zip(ids[src].tolist(), ids[tgt].tolist())]
    names = dict(zip(ids.tolist(), network.node_names)) if network.node_names else None
    if start is not None:
        return Network.from_bipartite(rows, start, directed=network.directed, node_names=names)
    if ids.dtype.kind == "i":
        try:
            keyed = {int(k): v for k, v in states.items()}
        except ValueError:
            raise ApiError(422, "invalid_network", "state ids must be the integer ids of the links", field="states")
    else:
        keyed = dict(states)
    return Network.from_states(keyed, rows, directed=network.directed, state_names=names)


def _layers_network(body: NetworkBody) -> Network:
    layers = body.layers
    if layers.links is not None and (layers.intra is not None or layers.inter is not None):
        raise ApiError(422, "invalid_network", "give layers.links or layers.intra (with layers.inter), not both",
                       field="layers")
    for name in ("links", "intra", "inter"):
        rows = getattr(layers, name)
        width = 4 if name == "links" else 3
        for k, row in enumerate(rows or []):
            if len(row) not in (width, width + 1) or any(not isinstance(x, int) for x in row[:width]):
                raise ApiError(422, "invalid_network", f"layers.{name}[{k}] must be {width} integer ids and an "
                               "optional weight", field=f"layers.{name}")
            if any(row[c] < 0 for c in ((0, 2) if width == 4 or name == "inter" else (0,))):
                raise ApiError(422, "invalid_network", f"layers.{name}[{k}]: layer id out of range (>= 0)",
                               field=f"layers.{name}")
    if layers.links is None and layers.intra is None:
        raise ApiError(422, "invalid_network", "layers needs links or intra", field="layers")
    try:
        if layers.links is not None:
            return Network.from_multilayer(layers.links, directed=bool(body.directed))
        return Network.from_multilayer(intra=layers.intra, inter=layers.inter, directed=bool(body.directed),
                                       relax_rate=layers.relax_rate, relax_limit=layers.relax_limit,
                                       relax_limit_up=layers.relax_limit_up, relax_limit_down=layers.relax_limit_down)
    except NetworkError as exc:
        field = f"layers.{exc.field}" if exc.field in ("links", "intra", "inter") else "layers"
        raise ApiError(422, exc.code, exc.message, field=field) from exc


def _network_from_body(body: NetworkBody) -> Network:
    given = [f for f in FORMS if getattr(body, f) is not None]
    if len(given) != 1:
        what = "none" if not given else ", ".join(given)
        raise ApiError(422, "invalid_network", f"give exactly one network form of {', '.join(FORMS)} (got {what})",
                       field=given[1] if len(given) > 1 else "edges")
    form = given[0]
    if form == "layers":
        return _layers_network(body)
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

