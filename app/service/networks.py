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
from ..tensors import EdgeColumns

FORMS = ("edges", "links", "sparse", "adjacency", "layers")


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


def edge_array(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """An ``(m, 2)`` or ``(m, 3)`` numeric array -> ids and weights (float ids must be whole numbers).

    >>> edge_array(np.array([[1.0, 2.0, 0.5]]))[0]
    array([1])
    """
    if rows.ndim != 2 or rows.shape[1] not in (2, 3):
        raise NetworkError(f"an edges array is (m, 2) or (m, 3): source, target[, weight]; got shape "
                           f"{list(rows.shape)}", field="edges")
    ids = rows[:, :2]
    if ids.dtype.kind == "f":
        if not (np.all(np.isfinite(ids)) and np.all(ids == np.round(ids)) and np.all(np.abs(ids) < 2**53)):
            raise NetworkError("node ids must be whole numbers (the first two columns of edges)", field="edges")
        ids = ids.astype(np.int64)
    weights = rows[:, 2].astype(np.float64) if rows.shape[1] == 3 else None
    return ids[:, 0], ids[:, 1], weights


def network_from_edges(edges: np.ndarray | EdgeColumns, directed: bool, field: str = "edges") -> Network:
    """The network of a binary link list (an ``(m, 2|3)`` array or columns); errors name ``field``."""
    try:
        return _edges(edges, {"directed": directed, "nodes": None, "node_weights": None, "node_names": None})()
    except NetworkError as exc:
        raise type(exc)(f"{field}: {exc.message}", field=field) from None


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
        if exc.field in ("states", "bipartite_start_id") or (exc.field or "").startswith("layers"):
            field = exc.field
        raise type(exc)(exc.message, field=field) from exc


def _checked(body: NetworkBody) -> _Checked:
    checked = _first_order(body)
    states, start = getattr(body, "states", None), getattr(body, "bipartite_start_id", None)
    if states is None and start is None:
        return checked
    if states is not None and start is not None:
        raise NetworkError("give states or bipartite_start_id, not both", field="states")
    field = "states" if states is not None else "bipartite_start_id"
    if checked.form not in ("edges", "links"):
        raise NetworkError(f"{field} goes with edges or links, not {checked.form}", field=field)
    return _Checked(checked.form, lambda: _higher_order(checked.build(), states, start))


def _higher_order(network: Network, states: dict | None, start: int | None) -> Network:
    """The state network (``states``: state id -> physical id) or bipartite network (``start``:
    the first feature node id) on the links of ``network``."""
    src, tgt, w = network.to_coo()
    ids = network.node_ids
    ends = (ids[src].tolist(), ids[tgt].tolist())
    rows = list(zip(*ends, w.tolist())) if w.size else list(zip(*ends))
    names = dict(zip(ids.tolist(), network.node_names)) if network.node_names else None
    if start is not None:
        return Network.from_bipartite(rows, start, directed=network.directed, node_names=names)
    if ids.dtype.kind == "i":
        try:
            keyed = {int(k): v for k, v in states.items()}
        except ValueError:
            raise NetworkError("state ids must be the integer ids of the links", field="states") from None
    else:
        keyed = dict(states)
    return Network.from_states(keyed, rows, directed=network.directed, state_names=names)


def _layers(body: NetworkBody) -> Callable[[], Network]:
    """A multilayer network: ``layers.links`` (explicit) or ``layers.intra`` (+ ``layers.inter``)."""
    layers = body.layers
    if layers.links is not None and (layers.intra is not None or layers.inter is not None):
        raise NetworkError("give layers.links or layers.intra (with layers.inter), not both", field="layers")
    if layers.links is None and layers.intra is None:
        raise NetworkError("layers needs links or intra", field="layers")
    for name in ("links", "intra", "inter"):
        width = 4 if name == "links" else 3
        layer_columns = (0, 2) if name in ("links", "inter") else (0,)
        for k, row in enumerate(getattr(layers, name) or []):
            if len(row) not in (width, width + 1) or any(not isinstance(x, int) for x in row[:width]):
                raise NetworkError(f"layers.{name}[{k}] must be {width} integer ids and an optional weight",
                                   field=f"layers.{name}")
            if any(row[c] < 0 for c in layer_columns):
                raise NetworkError(f"layers.{name}[{k}]: layer id {min(row[c] for c in layer_columns)} is out of "
                                   "range (layer ids are >= 0)", field=f"layers.{name}")
            if len(row) > width:
                _finite_nonnegative([row[width]], f"layers.{name}")
    directed = bool(body.directed)

    def build() -> Network:
        try:
            if layers.links is not None:
                return Network.from_multilayer(layers.links, directed=directed, relax_by_jsd=layers.relax_by_jsd,
                                               relax_to_self=layers.relax_to_self)
            return Network.from_multilayer(intra=layers.intra, inter=layers.inter, directed=directed,
                                           relax_rate=layers.relax_rate, relax_limit=layers.relax_limit,
                                           relax_limit_up=layers.relax_limit_up,
                                           relax_limit_down=layers.relax_limit_down,
                                           relax_by_jsd=layers.relax_by_jsd, relax_to_self=layers.relax_to_self)
        except NetworkError as exc:
            named = ("links", "intra", "inter", "relax_by_jsd", "relax_to_self")
            field = f"layers.{exc.field}" if exc.field in named else "layers"
            raise type(exc)(exc.message, field=field) from exc

    return build


def _first_order(body: NetworkBody) -> _Checked:
    given = [f for f in FORMS if getattr(body, f) is not None]
    if len(given) != 1:
        what = "none" if not given else ", ".join(given)
        raise NetworkError(f"give exactly one network form of {', '.join(FORMS)} (got {what})",
                           field=given[1] if len(given) > 1 else "edges")
    form = given[0]
    if form == "layers":
        return _Checked(form, _layers(body))
    if form in ("edges", "links") and len(getattr(body, form)) == 0:
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
    if len(rows) == 0 or any(len(r) != len(rows) for r in rows):
        raise NetworkError("adjacency must be a non-empty square matrix (ragged or non-square rows)",
                           field="adjacency")
    matrix = np.asarray(rows, dtype=np.float64)
    _finite_nonnegative(matrix, "adjacency")
    return _Checked(form, lambda: Network.from_numpy(matrix, directed=body.directed))


def _int64_ids(*columns: Any) -> None:
    """Refuse unsigned ids above int64 (a uint64 ``.npy`` or Arrow column) before the network is built:
    a job's submission checks them too (it was accepted, then failed)."""
    for column in columns:
        if isinstance(column, np.ndarray) and column.dtype.kind == "u" and column.size \
                and int(column.max()) > np.iinfo(np.int64).max:
            raise NetworkError("integer node ids must fit in 64 bits (int64)", field="edges")


def _edges(rows: list | np.ndarray | EdgeColumns, extras: dict) -> Callable[[], Network]:
    if isinstance(rows, EdgeColumns):                # a link table, or the JSON fast path (app.binary)
        _int64_ids(rows.source, rows.target)
        if rows.weight is not None:
            _finite_nonnegative(rows.weight, "edges")
        if extras["nodes"] and len(rows.source):     # one id kind (the columns hold one already)
            first = rows.source[0]
            _one_id_kind([first.item() if isinstance(first, np.generic) else first], [], extras["nodes"], "edges")
        return lambda: Network.from_arrays(rows.source, rows.target, rows.weight, **extras)
    fast = edge_array(rows) if isinstance(rows, np.ndarray) else _numeric_edges(rows)
    if fast is not None:
        src, tgt, weights = fast
        _int64_ids(src, tgt)
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
