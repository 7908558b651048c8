"""The network: a compressed sparse row (CSR) link store with a node-id map.

Rules applied to every input form (documented in README, "Input rules"):

* Node ids are all integers (any int64, huge ids cost nothing: they are mapped,
  never used as array offsets) or all strings. Mixing the two is an error, since
  ``1`` and ``"1"`` would otherwise be merged or split silently.
* Weights must be finite and >= 0. NaN, infinite or negative weights raise
  :class:`InvalidWeightError`. Links of weight 0 are dropped.
* Links are stored as given, ``source -> target``, for every network: ``directed``
  only chooses the default flow model. The undirected flow model reads each link both
  ways (so ``(u, v)`` and ``(v, u)`` add up to one link); the directed flow models
  (``directed``, ``undirdir``, ``outdirdir``, ``rawdir``) follow the given direction,
  as the official Infomap does. Duplicate links ``(u, v)`` are summed.
* Self-links are kept (as the official Infomap does since 2.0).
* A network without any link of positive weight raises :class:`EmptyNetworkError`.
* Nodes declared without links (``nodes=``) are kept; they carry no link flow.

Node ``i`` of the CSR arrays has the caller's id ``node_ids[i]``; ids are sorted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

import numpy as np
from numba import njit

from .csr import links_to_csr
from .errors import EmptyNetworkError, InvalidWeightError, NetworkError

__all__ = ["Network"]


@dataclass(frozen=True, eq=False)
class Network:
    """A weighted network, directed or not, stored as CSR out-links.

    Links keep the direction they were given in (see the module docstring), so the
    same network serves every flow model. ``node_weights`` are the teleportation weights used by the
    ``to_nodes`` option (Pajek vertex weights), 1 when not given.
    """

    indptr: np.ndarray
    indices: np.ndarray
    weights: np.ndarray
    directed: bool
    node_ids: np.ndarray
    node_weights: np.ndarray
    node_names: tuple[str, ...] | None = None
    mirrored: bool = False  # each stored link u -> v (u != v) also stands for v -> u
    # State networks (memory, multilayer): the nodes above are state nodes; ``physical[a]``
    # is the index of state node a's physical node in ``physical_ids`` (None: first order).
    physical: np.ndarray | None = None
    physical_ids: np.ndarray | None = None
    physical_names: tuple[str, ...] | None = None
    layers: np.ndarray | None = None  # multilayer networks: the layer id of each state node
    bipartite_start: int | None = None  # bipartite networks: node indices >= this are feature nodes
    bipartite_start_id: int | None = None  # ... and the start id as given (it need not be a node's id)
    # multilayer networks relaxed to self: a link between two state nodes of one physical node in
    # different layers is a relay the walker passes through without a step (see flow.compute_flow)
    self_relays: bool = False
    # multilayer networks from intra (and inter) links: whether those links were read as directed.
    # Their state links are arcs either way (the relaxation), so the flow model is fixed when
    # the network is read (InfomapOptions.resolved_flow_model refuses another one).
    intra_directed: bool | None = None
    # meta-data categories that came with the input (node id -> category: the official JSON's
    # nodes[].meta, a networkx meta_attribute); run_infomap and compute_codelength code them
    # (the meta map equation) unless they are given meta_data of their own
    meta_data: Mapping | None = None
    # a start partition that came with the input (node id -> top module: the official JSON's
    # nodes[].path and states[].path); run_infomap starts from it unless given initial_partition
    initial_partition: Mapping | None = None

    @property
    def is_state_network(self) -> bool:
        return self.physical is not None

    # ------------------------------------------------------------------ shape
    @property
    def num_nodes(self) -> int:
        return int(self.indptr.shape[0] - 1)

    @cached_property
    def num_links(self) -> int:
        """Distinct links: for an undirected network ``(u, v)`` and ``(v, u)`` count once (counted once
        per network: a pass over the links)."""
        if self.directed:
            return int(self.indices.shape[0])
        return int(self.indices.shape[0]) - _count_reverse_pairs(self.indptr, self.indices)

    @property
    def total_weight(self) -> float:
        return float(self.weights.sum())

    def sources(self) -> np.ndarray:
        """Source index of every stored link (the COO row array)."""
        return np.repeat(np.arange(self.num_nodes, dtype=np.int64), np.diff(self.indptr))

    def index_of(self, ids: Iterable[Any], *, field_name: str = "partition") -> np.ndarray:
        """Node indices of the given caller ids; unknown ids raise :class:`PartitionError`."""
        from .errors import PartitionError

        ids = _as_id_array(list(ids), field_name)
        if ids.size == 0:
            return np.zeros(0, dtype=np.int64)
        if ids.dtype.kind != self.node_ids.dtype.kind:
            # Allow string ids that spell integers against an integer network (clu files).
            if self.node_ids.dtype.kind == "i" and ids.dtype.kind in "OU":
                try:
                    ids = np.array([int(x) for x in ids], dtype=np.int64)
                except ValueError:
                    raise PartitionError("node ids must be integers for this network", field=field_name)
            else:
                ids = ids.astype(self.node_ids.dtype) if self.node_ids.dtype.kind in "OU" else ids
        pos = np.searchsorted(self.node_ids, ids)
        pos = np.clip(pos, 0, self.num_nodes - 1)
        bad = self.node_ids[pos] != ids
        if np.any(bad):
            unknown = ids[np.argmax(bad)]
            if isinstance(unknown, np.generic):
                unknown = unknown.item()  # a Python value: no np.int64(...) in the message
            raise PartitionError(f"unknown node id {unknown!r} ({int(bad.sum())} unknown in all)", field=field_name)
        return pos.astype(np.int64)

    def fingerprint(self) -> str:
        """sha256 of the normalized network (ids, links, weights, directedness; the physical
        node of each state, the layers and the bipartite start of higher-order networks)."""
        h = hashlib.sha256()
        h.update(b"directed" if self.directed else b"undirected")
        h.update(b"mirrored" if self.mirrored else b"")
        # The arrays' own buffers are hashed (no copy when they are already little-endian 8-byte).
        if self.node_ids.dtype.kind == "i":
            h.update(np.ascontiguousarray(self.node_ids, dtype="<i8").data)
        else:
            h.update("\x00".join(map(str, self.node_ids)).encode())
        for arr, dtype in ((self.indptr, "<i8"), (self.indices, "<i8"), (self.weights, "<f8"), (self.node_weights, "<f8")):
            h.update(np.ascontiguousarray(arr, dtype=dtype).data)
        if self.physical is not None:  # higher-order parts (none for a first-order network: its hash is unchanged)
            h.update(b"states" + self.physical.astype("<i8").tobytes())
            h.update("\x00".join(map(str, self.physical_ids.tolist())).encode())
        if self.layers is not None:
            h.update(b"layers" + self.layers.astype("<i8").tobytes())
        if self.bipartite_start is not None:
            h.update(f"bipartite {self.bipartite_start}".encode())
        if self.self_relays:
            h.update(b"self relays")
        for label, mapping in ((b"meta", self.meta_data), (b"initial", self.initial_partition)):
            if mapping is not None:
                h.update(label + "\x00".join(f"{k}\x01{v}" for k, v in sorted(
                    mapping.items(), key=lambda kv: str(kv[0]))).encode())
        return h.hexdigest()

    def to_coo(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(source, target, weight) index arrays of the stored links."""
        return self.sources(), self.indices, self.weights

    def without_links(self, *, self_links: bool = False, weight_below: float | None = None) -> "Network":
        """The same nodes without the links the official ``--no-self-links`` (``self_links``) and
        ``--weight-threshold X`` (``weight_below=X``: links of weight below X) leave out, and the
        nodes that lose all their links.

        Examples
        --------
        >>> net = Network.from_edges([(1, 1, 2.0), (1, 2, 0.5), (2, 3, 1.0)])
        >>> net.without_links(self_links=True).num_links
        2
        >>> net.without_links(self_links=True, weight_below=1.0).num_nodes  # node 1 loses every link
        2
        """
        src, tgt, w = self.to_coo()
        keep = np.ones(w.shape[0], dtype=bool)
        if self_links:
            keep &= src != tgt
        if weight_below is not None:
            keep &= w >= weight_below
        if not keep.any():
            raise EmptyNetworkError("no link is left after leaving out self-links and links below the weight "
                                    "threshold", field="weight_threshold" if weight_below is not None else "links")
        if keep.all():
            return self
        if self.is_state_network:
            raise NetworkError("leaving out links of a state network is not supported", field="links")
        return self._keeping(keep, np.ones(self.num_nodes, dtype=bool))

    def up_to_node(self, limit: int) -> "Network":
        """The network of the nodes with an integer id of at most ``limit``, without the links
        to or from the others (the official ``--node-limit``: "read only nodes up to this node
        id and ignore links connected to higher node ids"). A node that loses every link is
        left out too, as in :meth:`without_links`.

        Examples
        --------
        >>> net = Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)])
        >>> limited = net.up_to_node(4)
        >>> limited.node_ids.tolist(), limited.num_links
        ([1, 2, 3, 4], 4)
        """
        if self.is_state_network or self.bipartite_start is not None:
            kind = "bipartite" if self.bipartite_start is not None else "state (memory or multilayer)"
            raise NetworkError(f"node_limit is not available for {kind} networks", field="node_limit")
        if self.node_ids.dtype.kind not in "iu":
            raise NetworkError("node_limit needs integer node ids (it keeps the ids up to the limit)",
                               field="node_limit")
        nodes = self.node_ids <= int(limit)
        if nodes.all():
            return self
        src, tgt, w = self.to_coo()
        keep = nodes[src] & nodes[tgt]
        if not keep.any():
            raise EmptyNetworkError(f"no link joins two nodes of id at most {int(limit)} (node_limit)",
                                    field="node_limit")
        return self._keeping(keep, nodes)

    def _keeping(self, keep: np.ndarray, nodes: np.ndarray) -> "Network":
        """The links ``keep`` (a mask over :meth:`to_coo`) among the nodes ``nodes`` (a mask); a
        node that loses every link is left out too (the official never creates it)."""
        src, tgt, w = self.to_coo()
        had = np.zeros(self.num_nodes, dtype=bool)
        had[src] = had[tgt] = True
        has = np.zeros(self.num_nodes, dtype=bool)
        has[src[keep]] = has[tgt[keep]] = True
        nodes = nodes & (~had | has)
        index = np.cumsum(nodes) - 1
        indptr, indices, weights = links_to_csr(index[src[keep]], index[tgt[keep]], w[keep], int(nodes.sum()))
        names = None if self.node_names is None else tuple(n for n, k in zip(self.node_names, nodes) if k)
        kept = set(self.node_ids[nodes].tolist())  # the meta data and start modules of the nodes left
        meta, initial = ({k: v for k, v in m.items() if k in kept} if m is not None else None
                         for m in (self.meta_data, self.initial_partition))
        return replace(self, indptr=indptr, indices=indices, weights=weights, node_ids=self.node_ids[nodes],
                       node_weights=self.node_weights[nodes], node_names=names, meta_data=meta,
                       initial_partition=initial)

    def as_arcs(self) -> "Network":
        """The same network with every arc stored explicitly: a mirrored network (an
        undirected symmetric matrix, kept once per pair) gets its reverse arcs back, so
        that directed flow models see ``A[j, i]`` as well as ``A[i, j]``."""
        if not self.mirrored:
            return self
        src, tgt, w = self.to_coo()
        off = src != tgt
        indptr, indices, weights = links_to_csr(np.concatenate([src, tgt[off]]), np.concatenate([tgt, src[off]]),
                                                np.concatenate([w, w[off]]), self.num_nodes)
        return replace(self, indptr=indptr, indices=indices, weights=weights, mirrored=False)

    # ------------------------------------------------------------ constructors
    @classmethod
    def from_arrays(
        cls,
        source: Sequence | np.ndarray,
        target: Sequence | np.ndarray,
        weight: Sequence | np.ndarray | None = None,
        *,
        directed: bool = False,
        nodes: Sequence | np.ndarray | None = None,
        node_weights: Mapping | Sequence | np.ndarray | None = None,
        node_names: Mapping | None = None,
        _owned: bool = False,
    ) -> "Network":
        """Build from parallel arrays of caller ids (and optional weights).

        ``nodes`` lists extra node ids (kept even without links). ``node_weights``
        is a mapping id -> weight or an array aligned with ``nodes``.
        ``node_names`` maps id -> label (Pajek vertex labels). ``_owned`` (the file readers):
        ``source`` and ``target`` are int64 arrays nobody else holds, which may be overwritten
        with the node indices (no second pair of link-sized arrays).
        """
        src = _as_id_array(source, "source")
        tgt = _as_id_array(target, "target")
        if src.shape != tgt.shape or src.ndim != 1:
            raise NetworkError("source and target must be 1-D and of equal length", field="edges")
        if weight is None:
            w = None  # every link weighs 1; no array of ones is built
        else:
            try:
                w = np.asarray(weight, dtype=np.float64)
            except (TypeError, ValueError):
                raise InvalidWeightError("link weights must be numbers", field="weight")
            if w.shape != src.shape:
                raise NetworkError("weight must have one value per link", field="weight")
            _check_weights(w, "weight")

        extra = _as_id_array(nodes, "nodes") if nodes is not None else None
        parts = [src, tgt] + ([extra] if extra is not None else [])
        kinds = {p.dtype.kind for p in parts if p.size}
        if len(kinds) > 1:
            raise NetworkError("node ids must be all integers or all strings, not a mix", field="edges")
        if not kinds:
            raise EmptyNetworkError("the network has no links", field="edges")
        node_ids, a, b, extra_idx = _index_ids(src, tgt, extra, in_place=_owned)
        n = node_ids.shape[0]

        nw = np.ones(n, dtype=np.float64)
        if node_weights is not None:
            nw = _node_weight_array(node_weights, node_ids, extra)
        names = None
        if node_names:
            lookup = {str(k): str(v) for k, v in node_names.items()}
            names = tuple(lookup.get(str(i), str(i)) for i in node_ids)
        return cls._from_index_links(a, b, w, n, directed, node_ids, nw, names)

    @classmethod
    def from_edges(
        cls,
        edges: Iterable[Sequence],
        *,
        directed: bool = False,
        nodes: Sequence | None = None,
        node_weights: Mapping | Sequence | None = None,
        node_names: Mapping | None = None,
    ) -> "Network":
        """Build from ``(source, target)`` or ``(source, target, weight)`` tuples."""
        edges = list(edges)
        if not edges:
            raise EmptyNetworkError("the network has no links", field="edges")
        widths = {len(e) for e in edges}
        if not widths <= {2, 3}:
            raise NetworkError("each edge must be [source, target] or [source, target, weight]", field="edges")
        if widths == {2}:
            src = [e[0] for e in edges]
            tgt = [e[1] for e in edges]
            w = None
        else:
            src = [e[0] for e in edges]
            tgt = [e[1] for e in edges]
            w = [e[2] if len(e) == 3 else 1.0 for e in edges]
        return cls.from_arrays(src, tgt, w, directed=directed, nodes=nodes, node_weights=node_weights, node_names=node_names)

    @classmethod
    def from_scipy(cls, matrix: Any, *, directed: bool | None = None, node_ids: Sequence | None = None) -> "Network":
        """Build from a square scipy.sparse matrix; ``A[i, j]`` is the weight of i -> j.

        ``directed=None`` infers: a symmetric matrix is undirected (each pair once),
        anything else directed.
        """
        import scipy.sparse as sp

        if not sp.issparse(matrix):
            raise NetworkError("expected a scipy.sparse matrix", field="sparse")
        coo = sp.coo_array(matrix)
        return cls._from_square_coo(coo.shape, coo.row, coo.col, coo.data, directed, node_ids, "sparse")

    @classmethod
    def from_numpy(cls, adjacency: Any, *, directed: bool | None = None, node_ids: Sequence | None = None) -> "Network":
        """Build from a dense square adjacency matrix (``A[i, j]`` = weight of i -> j)."""
        try:
            arr = np.asarray(adjacency, dtype=np.float64)
        except (TypeError, ValueError):
            raise NetworkError("adjacency must be a square matrix of numbers (ragged rows?)", field="adjacency")
        if arr.ndim != 2 or arr.shape[0] != arr.shape[1]:
            raise NetworkError(f"adjacency must be square, got shape {arr.shape}", field="adjacency")
        _check_weights(arr.ravel(), "adjacency")
        row, col = np.nonzero(arr)
        return cls._from_square_coo(arr.shape, row, col, arr[row, col], directed, node_ids, "adjacency")

    @classmethod
    def from_states(
        cls,
        states: Mapping,
        links: Iterable[Sequence],
        *,
        directed: bool = False,
        physical_names: Mapping | None = None,
        state_names: Mapping | None = None,
    ) -> "Network":
        """A state (memory) network: ``states`` maps each state id to its physical node id;
        ``links`` are ``(source state, target state[, weight])`` tuples.

        Flow is computed on the state nodes; a module codes each physical node once, so
        physical nodes may belong to several modules (see :mod:`.mapequation`).

        Examples
        --------
        >>> net = Network.from_states({1: "i", 2: "j", 3: "i"}, [(1, 2), (2, 3), (3, 1)], directed=True)
        >>> net.num_nodes, net.physical_ids.tolist(), net.physical.tolist()
        (3, ['i', 'j'], [0, 1, 0])
        """
        links = list(links)
        state_ids = list(states.keys())
        base = cls.from_edges(links, directed=directed, nodes=state_ids, node_names=state_names)
        unknown = [s for s in base.node_ids.tolist() if s not in states]
        if unknown:
            raise NetworkError(f"link to unknown state {unknown[0]!r} ({len(unknown)} states not declared)",
                               field="links")
        physical_of_state = _as_id_array([states[s] for s in base.node_ids.tolist()], "states")
        return base._with_physical(physical_of_state, physical_names)

    @classmethod
    def _from_state_arrays(cls, state_ids: np.ndarray, physical_of: np.ndarray, source: np.ndarray,
                           target: np.ndarray, weight: np.ndarray, *, directed: bool = False,
                           physical_names: Mapping | None = None, state_names: Mapping | None = None,
                           state_weights: Mapping | None = None) -> "Network":
        """:meth:`from_states` of int64 arrays (the file reader's): distinct ``state_ids`` with
        their physical ids ``physical_of``, links between declared states (checked by the caller);
        ``state_weights`` the teleportation weights of the states that give one."""
        base = cls.from_arrays(source, target, weight, directed=directed, nodes=state_ids, node_names=state_names,
                               node_weights=state_weights)
        order = np.argsort(state_ids, kind="stable")
        pos = np.searchsorted(state_ids[order], base.node_ids)
        return base._with_physical(physical_of[order][pos], physical_names)

    def _with_physical(self, physical_of_state: np.ndarray, physical_names: Mapping | None) -> "Network":
        """This network as a state network: ``physical_of_state[k]`` is the physical id of node ``k``."""
        physical_ids, physical = np.unique(physical_of_state, return_inverse=True)
        names = None
        if physical_names:
            lookup = {str(k): str(v) for k, v in physical_names.items()}
            names = tuple(lookup.get(str(i), str(i)) for i in physical_ids.tolist())
        return replace(self, physical=physical.astype(np.int64).reshape(-1), physical_ids=physical_ids,
                       physical_names=names)

    @classmethod
    def from_bipartite(
        cls,
        edges: Iterable[Sequence],
        start_id: int,
        *,
        directed: bool = False,
        node_names: Mapping | None = None,
    ) -> "Network":
        """A bipartite network: integer node ids ``>= start_id`` are feature nodes, the
        others primary nodes, and every link joins a primary and a feature node.

        By default (the official's) the feature nodes' flow is moved onto the primary
        nodes (:func:`.flow.compute_flow`); ``skip_adjust_bipartite_flow`` keeps it.

        Examples
        --------
        >>> net = Network.from_bipartite([(1, 4), (2, 4), (2, 5, 0.25), (3, 5)], 4)
        >>> net.bipartite_start, net.node_ids.tolist()
        (3, [1, 2, 3, 4, 5])
        """
        if isinstance(start_id, bool) or not isinstance(start_id, (int, np.integer)):
            raise NetworkError(f"bipartite_start_id must be an integer node id, got {start_id!r}",
                               field="bipartite_start_id")
        return cls._bipartite_of(cls.from_edges(edges, directed=directed, node_names=node_names), start_id)

    @classmethod
    def _bipartite_of(cls, base: "Network", start_id: int) -> "Network":
        """``base`` as a bipartite network with feature nodes from ``start_id`` (checked)."""
        if base.node_ids.dtype.kind != "i":
            raise NetworkError("a bipartite network needs integer node ids", field="bipartite_start_id")
        lo, hi = int(base.node_ids[0]), int(base.node_ids[-1])
        if not lo < int(start_id) <= hi:
            raise NetworkError(f"bipartite_start_id {start_id} is beyond the node ids ({lo}..{hi}): it must leave "
                               "primary nodes below it and feature nodes from it on", field="bipartite_start_id")
        start = int(np.searchsorted(base.node_ids, int(start_id)))
        src, tgt, _ = base.to_coo()
        same_side = (src < start) == (tgt < start)
        if same_side.any():
            e = int(np.argmax(same_side))
            raise NetworkError(f"link {base.node_ids[src[e]]} -> {base.node_ids[tgt[e]]} joins two "
                               f"{'primary' if src[e] < start else 'feature'} nodes; a bipartite link joins a node "
                               f"below bipartite_start_id {start_id} and one from it on", field="edges")
        return replace(base, bipartite_start=start, bipartite_start_id=int(start_id))

    @classmethod
    def from_multilayer(
        cls,
        links: Iterable[Sequence] | None = None,
        *,
        intra: Iterable[Sequence] | None = None,
        inter: Iterable[Sequence] | None = None,
        directed: bool = False,
        relax_rate: float | None = None,
        relax_limit: int = -1,
        relax_limit_up: int = -1,
        relax_limit_down: int = -1,
        relax_by_jsd: bool = False,
        relax_to_self: bool = False,
        physical_names: Mapping | None = None,
    ) -> "Network":
        """A multilayer network as a state network, one state node per (layer, node).

        Give either ``links``, explicit ``(layer, node, layer, node[, weight])`` tuples (the
        ``*Multilayer`` format), or ``intra`` links ``(layer, source, target[, weight])``
        alone (the walker relaxes between layers at ``relax_rate``, default 0.15) or with
        ``inter`` links ``(layer, node, layer[, weight])``. Layer and node ids are integers.
        ``relax_by_jsd`` weighs the relaxation by out-link similarity (intra only) and
        ``relax_to_self`` relaxes through the node's own state in the target layer (the
        official ``--multilayer-relax-by-jsd``/``--multilayer-relax-to-self``); in the
        explicit form it makes every link between two states of one physical node in different
        layers a relay (:func:`.flow.compute_flow`).
        The state-link weights are those of :mod:`.multilayer`; the intra forms give arcs
        (flow model ``directed``), the explicit form keeps ``directed``.

        Examples
        --------
        >>> net = Network.from_multilayer(intra=[(1, 1, 2), (1, 2, 3), (2, 1, 3), (2, 3, 4)])
        >>> net.num_nodes, net.layers.tolist(), net.physical_ids.tolist()
        (6, [1, 1, 1, 2, 2, 2], [1, 2, 3, 4])
        """
        from . import multilayer as ml

        def table(rows, width, name):
            rows = [tuple(r) for r in rows]
            if any(len(r) not in (width, width + 1) for r in rows):
                raise NetworkError(f"each {name} link must have {width} ids and an optional weight", field=name)
            cols = [[r[k] for r in rows] for k in range(width)]
            weights = [float(r[width]) if len(r) > width else 1.0 for r in rows]
            return cols, weights

        relaxing = [name for name, given in (("relax_rate", relax_rate is not None), ("relax_limit", relax_limit != -1),
                                             ("relax_limit_up", relax_limit_up != -1),
                                             ("relax_limit_down", relax_limit_down != -1)) if given]
        if relaxing and (links is not None or inter is not None):
            given_form = "explicit state links" if links is not None else "inter links"
            raise NetworkError(f"{relaxing[0]} relaxes intra-only multilayer networks; with {given_form} the coupling "
                               "is given and no relax rate or limit applies", field=relaxing[0])
        if links is not None:
            if intra is not None or inter is not None:
                raise NetworkError("give explicit multilayer links or intra/inter links, not both", field="links")
            return cls._from_multilayer_columns(*table(links, 4, "links"), directed=directed,
                                                relax=ml.RelaxOptions(by_jsd=bool(relax_by_jsd),
                                                                      to_self=bool(relax_to_self)),
                                                physical_names=physical_names)
        if intra is None:
            raise NetworkError("a multilayer network needs links or intra links", field="intra")
        if inter is not None:
            relax = ml.RelaxOptions(by_jsd=bool(relax_by_jsd), to_self=bool(relax_to_self))
        else:
            relax = ml.RelaxOptions(rate=ml.RELAX_RATE if relax_rate is None else float(relax_rate),
                                    limit=int(relax_limit), limit_up=int(relax_limit_up),
                                    limit_down=int(relax_limit_down), by_jsd=bool(relax_by_jsd),
                                    to_self=bool(relax_to_self))
        return cls._from_multilayer_columns(None, None, intra=table(intra, 3, "intra"),
                                            inter=None if inter is None else table(inter, 3, "inter"),
                                            directed=directed, relax=relax, physical_names=physical_names)

    @classmethod
    def _from_multilayer_columns(cls, links, weights, *, intra=None, inter=None, directed: bool = False,
                                 relax=None, physical_names: Mapping | None = None) -> "Network":
        """:meth:`from_multilayer` of columns: ``links`` (4 id columns) with ``weights``, or
        ``intra`` (3 id columns, weights) and optionally ``inter`` (likewise); ``relax`` is a
        :class:`.multilayer.RelaxOptions` (only ``by_jsd``/``to_self`` apply to the explicit and
        inter forms)."""
        from . import multilayer as ml

        relax = relax or ml.RelaxOptions()
        relays = bool(relax.to_self)
        if links is not None:
            if relax.by_jsd:
                raise NetworkError("relax_by_jsd weighs the relaxation of intra-only multilayer networks, not "
                                   "explicit multilayer links", field="relax_by_jsd")
            states, a, b, w = ml.explicit_state_links(*links, weights)
            arcs = directed
            if relays and directed:
                ml.check_relays(states, a, b, w)
        else:
            cols, w = intra
            if inter is not None:
                if relax.by_jsd:
                    raise NetworkError("relax_by_jsd weighs the relaxation of intra-only multilayer networks; with "
                                       "inter links the coupling is given", field="relax_by_jsd")
                states, a, b, w = ml.inter_state_links(*cols, w, *inter[0], inter[1], directed=directed,
                                                       to_self=relays)
            else:
                states, a, b, w = ml.relax_state_links(*cols, w, directed=directed, relax=relax)
            arcs = True
        intra_directed = None if links is not None else bool(directed)
        n = states.shape[0]
        base = cls._from_index_links(np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64),
                                     np.asarray(w, dtype=np.float64), n, arcs, np.arange(n, dtype=np.int64),
                                     np.ones(n), None)
        if physical_names:
            lookup = {str(k): str(v) for k, v in physical_names.items()}
            base = replace(base, node_names=tuple(lookup.get(str(i), str(i)) for i in states[:, 1].tolist()))
        return replace(base._with_physical(states[:, 1], physical_names), layers=np.ascontiguousarray(states[:, 0]),
                       self_relays=relays, intra_directed=intra_directed)

    @classmethod
    def from_networkx(cls, graph: Any, *, weight: str = "weight", node_id_attribute: str = "node_id",
                      layer_id_attribute: str = "layer_id", multilayer_inter_intra_format: bool = True,
                      bipartite_features: Any = None, bipartite_attribute: str = "bipartite",
                      meta_attribute: str | None = None, **relax: Any) -> "Network":
        """Build from a networkx graph; directedness is taken from the graph.

        Multigraph parallel edges are summed. Node attribute ``weight`` (if any)
        becomes the teleportation weight; attribute ``name`` becomes the label.
        Higher-order networks, as the official ``add_networkx_graph`` reads them
        (:mod:`.graph_input`): a ``node_id`` attribute on every node makes a state network
        (the node is a state of physical node ``node_id``), ``node_id`` and ``layer_id`` a
        multilayer one (``relax`` takes :meth:`from_multilayer`'s relax options);
        ``bipartite_features=1`` makes the nodes with networkx's ``bipartite`` attribute 1
        the feature nodes of a bipartite network. ``meta_attribute`` names a node attribute
        of meta-data categories (``meta_data``, used by :func:`.run_infomap` unless it is
        given one).

        Examples
        --------
        >>> import networkx as nx
        >>> g = nx.Graph()
        >>> g.add_nodes_from([("a", {"node_id": 1}), ("b", {"node_id": 2}), ("c", {"node_id": 1})])
        >>> g.add_edges_from([("a", "b"), ("b", "c")])
        >>> net = Network.from_networkx(g)
        >>> net.node_ids.tolist(), net.physical_ids[net.physical].tolist()
        (['a', 'b', 'c'], [1, 2, 1])
        >>> layers = nx.Graph()
        >>> layers.add_nodes_from([(11, {"layer_id": 1, "node_id": 1}), (21, {"layer_id": 1, "node_id": 2}),
        ...                        (22, {"layer_id": 2, "node_id": 2}), (32, {"layer_id": 2, "node_id": 3})])
        >>> layers.add_edges_from([(11, 21), (22, 32)])
        >>> net = Network.from_networkx(layers, relax_rate=0.3)
        >>> net.node_ids.tolist(), net.layers.tolist()
        ([11, 21, 22, 32], [1, 1, 2, 2])
        >>> net = Network.from_networkx(nx.complete_bipartite_graph(2, 3), bipartite_features=1)
        >>> net.bipartite_start, net.node_ids[net.bipartite_start:].tolist()
        (2, [2, 3, 4])
        """
        from .graph_input import network_from_graph

        return network_from_graph(cls, graph, weight=weight, node_id_attribute=node_id_attribute,
                                  layer_id_attribute=layer_id_attribute,
                                  multilayer_inter_intra_format=multilayer_inter_intra_format,
                                  bipartite_features=bipartite_features, bipartite_attribute=bipartite_attribute,
                                  meta_attribute=meta_attribute, **relax)

    def _relabelled(self, ids: Sequence) -> "Network":
        """This network with node ``k`` renamed ``ids[k]`` (distinct; all integers or all strings);
        the nodes are reordered so that the ids stay sorted."""
        new_ids = _as_id_array(list(ids), "nodes")
        order = np.argsort(new_ids, kind="stable")
        rank = np.empty(self.num_nodes, dtype=np.int64)
        rank[order] = np.arange(self.num_nodes, dtype=np.int64)
        src, tgt, w = self.to_coo()
        indptr, indices, weights = links_to_csr(rank[src], rank[tgt], w, self.num_nodes)

        def permuted(values):
            return None if values is None else np.ascontiguousarray(np.asarray(values)[order])

        names = None if self.node_names is None else tuple(self.node_names[k] for k in order.tolist())
        return replace(self, indptr=indptr, indices=indices, weights=weights, node_ids=new_ids[order],
                       node_weights=permuted(self.node_weights), node_names=names, physical=permuted(self.physical),
                       layers=permuted(self.layers))

    @classmethod
    def from_igraph(cls, graph: Any, *, weight: str = "weight", node_id_attribute: str = "node_id",
                    layer_id_attribute: str = "layer_id", multilayer_inter_intra_format: bool = True,
                    bipartite_features: Any = None, bipartite_attribute: str = "type",
                    meta_attribute: str | None = None, **relax: Any) -> "Network":
        """Build from a python-igraph ``Graph``; directedness is taken from the graph.

        Node ids are the vertex ``name`` attribute when the graph has one, else the vertex
        indices ``0..n-1``; the edge attribute ``weight`` (if any) gives the link weights.
        Vertices without edges are kept. igraph is not a dependency: nothing is imported.
        Higher-order networks as :meth:`from_networkx` reads them (vertex attributes
        ``node_id``, ``layer_id``; ``bipartite_features`` names the value of igraph's
        bipartite vertex attribute ``type`` that marks feature nodes, usually True).

        Examples
        --------
        >>> import igraph as ig
        >>> g = ig.Graph([(0, 1), (1, 2)], directed=True)
        >>> g.vs["name"] = ["a", "b", "c"]
        >>> g.es["weight"] = [2.0, 0.5]
        >>> net = Network.from_igraph(g)
        >>> net.directed, net.node_ids.tolist(), net.weights.tolist()
        (True, ['a', 'b', 'c'], [2.0, 0.5])
        """
        attributes = set(graph.vs.attributes())
        if (bipartite_features is not None or meta_attribute is not None or relax
                or {node_id_attribute, layer_id_attribute} & attributes):
            from .graph_input import network_from_graph, networkx_of_igraph

            return network_from_graph(cls, networkx_of_igraph(graph, weight), weight=weight,
                                      node_id_attribute=node_id_attribute, layer_id_attribute=layer_id_attribute,
                                      multilayer_inter_intra_format=multilayer_inter_intra_format,
                                      bipartite_features=bipartite_features, bipartite_attribute=bipartite_attribute,
                                      meta_attribute=meta_attribute, **relax)
        edges = graph.get_edgelist()
        if not edges:
            raise EmptyNetworkError("the graph has no edges", field="graph")
        n = graph.vcount()
        if "name" in graph.vs.attributes():
            names = list(graph.vs["name"])
            if len(set(names)) != n:
                raise NetworkError("vertex names must be distinct: they are the node ids", field="name")
        else:
            names = list(range(n))
        src = [names[a] for a, _ in edges]
        tgt = [names[b] for _, b in edges]
        w = graph.es[weight] if weight in graph.es.attributes() else None
        return cls.from_arrays(src, tgt, w, directed=bool(graph.is_directed()), nodes=names)

    @classmethod
    def from_dataframe(cls, frame: Any, *, source: str = "source", target: str = "target",
                       weight: str | None = None, directed: bool = False) -> "Network":
        """Build from a pandas DataFrame of links, one row per link.

        ``source`` and ``target`` name the node-id columns; ``weight`` names the weight
        column (``None``: the column ``weight`` if there is one, else every link weighs 1).
        A named column that is missing is a :class:`NetworkError` naming it.

        Examples
        --------
        >>> import pandas as pd
        >>> links = pd.DataFrame({"source": [1, 2, 3], "target": [2, 3, 1], "weight": [1.0, 2.0, 0.5]})
        >>> net = Network.from_dataframe(links)
        >>> net.num_links, net.total_weight
        (3, 3.5)
        >>> Network.from_dataframe(links.rename(columns={"source": "from"}))
        Traceback (most recent call last):
        ...
        infomap_core.errors.NetworkError: ...no column 'source'...
        """
        columns = [str(c) for c in frame.columns]
        for role, name in (("source", source), ("target", target), ("weight", weight)):
            if name is not None and name not in columns:
                raise NetworkError(f"the links table has no column {name!r} for the link {role}s "
                                   f"(columns: {', '.join(columns)})", field=name)
        if weight is None and "weight" in columns:
            weight = "weight"
        src = _as_id_array(frame[source].to_numpy(), source)
        tgt = _as_id_array(frame[target].to_numpy(), target)
        w = None
        if weight is not None:
            try:
                w = frame[weight].to_numpy(dtype=np.float64)
            except (TypeError, ValueError):
                raise InvalidWeightError(f"column {weight!r} must hold numbers", field=weight) from None
        return cls.from_arrays(src, tgt, w, directed=directed)

    @classmethod
    def coerce(cls, value: Any, *, directed: bool | None = None) -> "Network":
        """A network from what a user has at hand: a :class:`Network` (as is), a networkx
        or igraph graph (:meth:`from_networkx`, :meth:`from_igraph`), a pandas DataFrame of
        links with columns ``source``, ``target`` and optional ``weight``
        (:meth:`from_dataframe`; it takes other column names), a scipy sparse matrix, a
        square numpy array (an adjacency matrix), or a list of ``(source, target[, weight])``
        links (``directed``: default False; graphs carry their own).

        Examples
        --------
        >>> import networkx as nx, numpy as np
        >>> Network.coerce(nx.karate_club_graph()).num_nodes
        34
        >>> Network.coerce(np.array([[0, 1], [1, 0]])).num_links
        1
        >>> Network.coerce([(1, 2), (2, 3)], directed=True).directed
        True
        """
        if isinstance(value, Network):
            return value
        module = type(value).__module__.split(".")[0]
        if module == "igraph" or (hasattr(value, "get_edgelist") and hasattr(value, "vs")):
            return cls.from_igraph(value)
        if module == "pandas" and hasattr(value, "columns"):
            return cls.from_dataframe(value, directed=bool(directed))
        if hasattr(value, "is_directed") and hasattr(value, "edges"):
            return cls.from_networkx(value)
        if hasattr(value, "tocoo"):
            return cls.from_scipy(value, directed=directed)
        if isinstance(value, np.ndarray):
            return cls.from_numpy(value, directed=directed)
        if isinstance(value, (list, tuple)):
            return cls.from_edges(value, directed=bool(directed))
        raise NetworkError(f"cannot read a network from a {type(value).__name__}: expected a Network, a "
                           "networkx or igraph graph, a pandas DataFrame of links, a scipy sparse matrix, a numpy "
                           "adjacency matrix or a list of links", field="network")

    # --------------------------------------------------------------- internals
    @classmethod
    def _from_square_coo(cls, shape, row, col, data, directed, node_ids, field_name) -> "Network":
        if len(shape) != 2 or shape[0] != shape[1]:
            raise NetworkError(f"matrix must be square, got shape {tuple(shape)}", field=field_name)
        n = int(shape[0])
        if n == 0:
            raise EmptyNetworkError("the matrix is empty", field=field_name)
        row = np.asarray(row, dtype=np.int64)
        col = np.asarray(col, dtype=np.int64)
        data = np.asarray(data, dtype=np.float64)
        _check_weights(data, field_name)
        if directed is None:
            directed = not _is_symmetric(n, row, col, data)
        mirrored = False
        if not directed and _is_symmetric(n, row, col, data):
            # A symmetric matrix holds each undirected link twice: keep one copy, marked as
            # mirrored so that a directed flow model still sees both arcs.
            keep = row <= col
            row, col, data = row[keep], col[keep], data[keep]
            mirrored = True
        if node_ids is None:
            ids = np.arange(n, dtype=np.int64)
        else:
            ids = _as_id_array(node_ids, "node_ids")
            if ids.shape[0] != n or np.unique(ids).shape[0] != n:
                raise NetworkError("node_ids must hold one distinct id per row", field="node_ids")
            order = np.argsort(ids, kind="stable")
            rank = np.empty(n, dtype=np.int64)
            rank[order] = np.arange(n)
            row, col, ids = rank[row], rank[col], ids[order]
        net = cls._from_index_links(row, col, data, n, bool(directed), ids, np.ones(n), None)
        return replace(net, mirrored=True) if mirrored else net

    @classmethod
    def _from_index_links(cls, a, b, w, n, directed, node_ids, node_weights, names) -> "Network":
        """``w=None`` gives every link weight 1; links of weight 0 are dropped."""
        if w is None:
            w = np.empty(0)
        else:
            positive = w > 0
            if not np.all(positive):
                a, b, w = a[positive], b[positive], w[positive]
        if a.shape[0] == 0:
            raise EmptyNetworkError("the network has no link with positive weight", field="edges")
        indptr, indices, weights = links_to_csr(np.ascontiguousarray(a, dtype=np.int64),
                                                np.ascontiguousarray(b, dtype=np.int64),
                                                np.ascontiguousarray(w, dtype=np.float64), n)
        return cls(
            indptr=indptr,
            indices=indices,
            weights=weights,
            directed=bool(directed),
            node_ids=node_ids,
            node_weights=np.ascontiguousarray(node_weights, dtype=np.float64),
            node_names=names,
        )


@njit(cache=True)
def _count_reverse_pairs(indptr, indices):
    """Links ``u -> v`` (u > v) whose reverse ``v -> u`` is stored too (rows are sorted)."""
    count = 0
    for u in range(indptr.shape[0] - 1):
        for e in range(indptr[u], indptr[u + 1]):
            v = indices[e]
            if v >= u:
                break
            lo, hi = indptr[v], indptr[v + 1]
            while lo < hi:
                mid = (lo + hi) // 2
                if indices[mid] < u:
                    lo = mid + 1
                else:
                    hi = mid
            if lo < indptr[v + 1] and indices[lo] == u:
                count += 1
    return count


def _index_ids(src: np.ndarray, tgt: np.ndarray, extra: np.ndarray | None, in_place: bool = False):
    """(sorted distinct ids, source index, target index, extra index).

    Integer ids spanning a range not much larger than the number of links are mapped
    with a presence table (no sort), into ``src`` and ``tgt`` themselves with ``in_place``;
    anything else goes through ``np.unique``.
    """
    parts = [p for p in (src, tgt, extra) if p is not None and p.size]
    if all(p.dtype.kind == "i" for p in parts):
        lo = min(int(p.min()) for p in parts)
        hi = max(int(p.max()) for p in parts)
        span = hi - lo + 1
        if span <= 4 * sum(p.size for p in parts) + 1024:
            present = np.zeros(span, dtype=np.bool_)
            for p in parts:
                present[p - lo] = True
            rank = np.cumsum(present, dtype=np.int64) - 1
            node_ids = np.nonzero(present)[0].astype(np.int64) + lo
            del present
            if in_place:
                for p in (src, tgt):
                    if lo:
                        np.subtract(p, lo, out=p)
                    np.take(rank, p, out=p, mode="clip")  # in place: each id is read before its index is written
                return node_ids, src, tgt, None if extra is None else rank[extra - lo]
            mapped = [None if p is None else rank[p] if lo == 0 else rank[p - lo] for p in (src, tgt, extra)]
            return node_ids, mapped[0], mapped[1], mapped[2]
    all_ids = np.concatenate(parts)
    node_ids, inverse = np.unique(all_ids, return_inverse=True)
    m = src.shape[0]
    inverse = inverse.astype(np.int64)
    extra_idx = inverse[2 * m:] if extra is not None else None
    return node_ids, inverse[:m], inverse[m:2 * m], extra_idx


def _as_id_array(values: Any, field_name: str) -> np.ndarray:
    """Node ids as an int64 array, or an object array of str; bools and floats are refused."""
    if isinstance(values, np.ndarray):
        arr = values
    else:
        values = list(values)
        if values and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in values):
            try:
                return np.asarray(values, dtype=np.int64)
            except OverflowError:
                raise NetworkError("integer node ids must fit in 64 bits", field=field_name)
        if values and all(isinstance(v, str) for v in values):
            return np.asarray(values, dtype=object)
        if not values:
            return np.zeros(0, dtype=np.int64)
        kinds = {type(v).__name__ for v in values}
        if kinds <= {"int", "str"} or kinds <= {"int", "str", "int64"}:
            raise NetworkError("node ids must be all integers or all strings, not a mix", field=field_name)
        raise NetworkError(f"node ids must be integers or strings, got {sorted(kinds)}", field=field_name)
    if arr.dtype.kind in "iu":
        if arr.dtype.kind == "u" and arr.size and arr.max() > np.iinfo(np.int64).max:
            raise NetworkError("integer node ids must fit in 64 bits", field=field_name)
        return arr.astype(np.int64, copy=False)
    if arr.dtype.kind == "U":
        return arr.astype(object)
    if arr.dtype.kind == "O":
        return _as_id_array(arr.tolist(), field_name)
    raise NetworkError(f"node ids must be integers or strings, got dtype {arr.dtype}", field=field_name)


def _check_weights(w: np.ndarray, field_name: str) -> None:
    if w.size == 0:
        return
    if not np.all(np.isfinite(w)):
        bad = w[~np.isfinite(w)][0]
        raise InvalidWeightError(f"weights must be finite, got {bad}", field=field_name)
    if np.any(w < 0):
        raise InvalidWeightError(f"weights must be >= 0, got {w[w < 0][0]}", field=field_name)


def _node_weight_array(node_weights, node_ids: np.ndarray, extra: np.ndarray | None) -> np.ndarray:
    nw = np.ones(node_ids.shape[0], dtype=np.float64)
    if isinstance(node_weights, Mapping):
        keys = _as_id_array(list(node_weights.keys()), "node_weights")
        vals = np.asarray(list(node_weights.values()), dtype=np.float64)
    else:
        if extra is None:
            raise NetworkError("node_weights as a list needs nodes= to align with", field="node_weights")
        keys, vals = extra, np.asarray(node_weights, dtype=np.float64)
        if vals.shape != keys.shape:
            raise NetworkError("node_weights must have one value per node", field="node_weights")
    _check_weights(vals, "node_weights")
    if keys.size:
        pos = np.searchsorted(node_ids, keys)
        nw[pos] = vals
    return nw


def _is_symmetric(n: int, row: np.ndarray, col: np.ndarray, data: np.ndarray) -> bool:
    import scipy.sparse as sp

    mat = sp.csr_array((data, (row, col)), shape=(n, n))
    diff = mat - mat.T
    return diff.nnz == 0 or float(abs(diff).max()) == 0.0
