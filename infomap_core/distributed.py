r"""One network across Dask workers: synchronous local moving over node-range shards.

The network never sits in one process. With ``P`` shards (one per worker):

1. **Read.** Each worker reads a byte range of the link-list file (integer node ids, on
   storage every worker sees) with the usual scanner, in blocks of ``block_bytes``, twice:
   a first pass samples ids (and finds the id range and whether every weight is 1); node
   ids are cut into ``P`` ranges at quantiles of the sample, and the second pass splits
   each block's links by the *owner* of each end: the arcs ``u -> v`` and ``v -> u`` of
   every link go to the owners of ``u`` and ``v`` (a directed link's copy at ``v`` is
   marked *in*). Ids travel as int32 offsets from the smallest id when the id range
   allows, weights not at all when every weight is 1.
2. **Shards.** The owner builds a CSR of its nodes' neighbours (its own nodes first, then
   the *ghosts*, the neighbours owned elsewhere) straight from the pieces (numba, no
   intermediate arc arrays).
3. **Flow** (the models of :mod:`.flow`). Undirected: with the total strength ``S`` (a
   sum over shards) ``p_u = s_u / S``, a pair carries ``2 w / S`` and
   ``enter_u = exit_u``. Directed: PageRank by power iteration over the shards, each
   iteration pulling the ghosts' rates ``p_v / w_v^out`` from their owners (the same
   exchange as the ghost modules below) and reducing three sums (total, change,
   dangling rank) in one small task; the teleportation (to links by out-weight,
   recorded to links by in-weight, or to nodes), the last step without teleportation
   (unrecorded) and the recorded teleportation's enter/exit terms are those of
   :func:`infomap_core.flow.compute_flow`. A CSR entry then carries the flow of its arc,
   so the entries between two units sum to the flow between them in both directions.
4. **Rounds** (:func:`infomap_core.parallel._propose`, as in the in-process parallel
   kernel; with recorded teleportation its form with the modules' teleportation terms):
   every unit picks its best module against the module statistics of the previous
   round; a random half of the improving moves (by seed, round and node id) is applied.
   A round exchanges three things, each only between the shards concerned: the ghosts'
   modules (from their owners), each shard's partial module sums ``(flow, enter, exit,
   members, teleportation)`` (to the module's owner, which adds them: a module is named
   by one of its nodes' ids, so it has an owner), and the sums of the modules a shard's
   units may join (back from the owners), with the index-codebook rate
   ``q = sum enter``.
5. **Contraction.** Each shard maps its entries to module pairs and sends them to the
   owner of the source module; the owner's modules are the next level's units. Rounds
   and contractions repeat until the module network has at most ``finish_units`` units
   (or stops shrinking); a network that has no more units than that from the start skips
   them.
6. **Finish.** One task on one worker gathers that module network (small by now) and runs
   the normal engine on it (:func:`infomap_core.optimizer.optimize_level`: core loops,
   aggregation, fine- and coarse-tuning), ``num_trials`` times on different workers, the
   shortest kept; the modules are mapped back down the levels, each shard looking up its
   units' modules at their owners.
7. **Fine-tune** (after contractions): rounds of the same synchronous moves of the nodes on
   the level-0 shards against the final module statistics, each round's partition scored
   exactly, the best kept; if they gained, the finish again on the tuned partition's module
   network (:func:`_fine_tune`). Two-level: scored from the reduced sums. Multilevel: the
   nodes move between the bottom modules with the tree above them kept, each round scored by
   the multilevel map equation of that tree (:func:`bottom_tree`, from the module links of 8).
8. **Module links**: each level-0 shard sums the flow of its links between two final modules
   (directed: each arc at its source's shard; undirected: each pair once), the owners the
   modules' flow, enter and exit; one task puts them together with the tree
   (:func:`_module_network`). The result carries them (``module_network``: a few numbers per
   module and per linked module pair, never a node link), so it can write ``.ftree``
   (:meth:`DistributedResult.to_engine_result`).

Data moves only as Dask futures passed from task to task (worker to worker); the client
holds futures, never link arrays. A lost worker's pieces are recomputed by Dask from their
lineage (the file ranges).

Supported: link lists with integer ids; the undirected and the directed flow model
(teleportation probability, recorded teleportation, teleportation to nodes), Markov time;
two-level partitions, or (without ``two_level``) the multilevel tree the engine finds on the
module network (each node in its unit's module, see :func:`_finish_multilevel`); trials of
the finish. Other options are refused by name (:func:`check_options`). ``run_distributed``
reports its stages and rounds to a ``progress`` callback, which may stop it. The
two-level codelength is the map equation of the nodes' partition::

    L = plogp(sum_m q_m) - sum_m plogp(q_m) - sum_m plogp(x_m) + sum_m plogp(x_m + p_m) - sum_u plogp(p_u)
"""

from __future__ import annotations

import inspect
import operator
import os
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple

import numpy as np
from numba import njit

from .errors import OptionError, ParseError
from .infomap import InfomapOptions
from .mapequation import plogp
from .parallel import join_delta, leave_delta

__all__ = ["DistributedSettings", "DistributedResult", "FlowSpec", "run_distributed"]

MIN_GAIN = 1e-10
INT32_MAX = 2**31 - 1


@dataclass(frozen=True)
class DistributedSettings:
    """Limits of the distributed search.

    ``shards`` 0 means one per worker. Rounds at a level stop when fewer than
    ``min_fraction`` of the units move or after ``max_rounds``; levels stop when the
    module network has at most ``finish_units`` units or shrinks by less than
    ``min_shrink`` (a fraction of its units). The file is read in blocks of
    ``block_bytes`` (the read's transient memory is a few times that). Runs
    that contracted on the workers are fine-tuned after the finish: at most
    ``fine_tune_cycles`` cycles of at most ``fine_tune_rounds`` rounds of single-node
    moves (:func:`_fine_tune`; 0 turns it off). ``module_links``: reduce the links between the
    final modules for ``.ftree`` (:func:`_module_network`, one level-0 round's work). The level-0
    shards are kept to the end for either; with both off they are freed at the first contraction.
    """

    shards: int = 0
    max_rounds: int = 20
    min_fraction: float = 0.01
    finish_units: int = 50_000
    min_shrink: float = 0.05
    max_levels: int = 20
    sample_per_chunk: int = 10_000
    block_bytes: int = 8 << 20
    fine_tune_rounds: int = 10
    fine_tune_cycles: int = 2
    module_links: bool = True


def _flow_default(name: str):
    """A default of :func:`infomap_core.flow.compute_flow` (the PageRank's iteration limits)."""
    from .flow import compute_flow

    return inspect.signature(compute_flow).parameters[name].default


@dataclass(frozen=True)
class FlowSpec:
    """The flow model of a distributed run (a subset of :class:`InfomapOptions`)."""

    directed: bool = False
    teleportation_probability: float = InfomapOptions.teleportation_probability
    recorded: bool = False
    to_nodes: bool = False
    markov_time: float = 1.0  # scales the link flow (and so enter and exit), not the node flow

    @classmethod
    def of(cls, options: InfomapOptions) -> "FlowSpec":
        directed = options.flow_model == "directed" or (options.flow_model is None and bool(options.directed))
        return cls(directed, float(options.teleportation_probability),
                   bool(options.recorded_teleportation) and directed, bool(options.to_nodes) and directed,
                   float(options.markov_time))

    @property
    def flow_model(self) -> str:
        return "directed" if self.directed else "undirected"


@dataclass(frozen=True, eq=False)
class DistributedResult:
    """The partition found across the workers: ``node_ids`` (sorted) and their 1-based ``modules``."""

    node_ids: np.ndarray
    modules: np.ndarray
    codelength: float
    index_codelength: float
    module_codelength: float
    one_level_codelength: float
    num_links: int
    seed: int
    elapsed: float
    levels: list[dict] = field(default_factory=list)  # per level: units, rounds, moves, bytes exchanged
    flow_model: str = "undirected"
    flow: dict = field(default_factory=dict)  # PageRank iterations, error, bytes exchanged (directed)
    module_paths: list | None = None  # multilevel: the tree path of each module (modules[i] - 1), top first
    trial_codelengths: list[float] = field(default_factory=list)  # each trial of the finish
    fine_tune: list[dict] = field(default_factory=list)  # per fine-tune cycle: rounds, moves, codelengths
    markov_time: float = 1.0
    node_flow: np.ndarray | None = None  # of each node (node_ids order)
    module_network: dict | None = None  # the final modules' flows and links (:func:`_module_network`)

    @property
    def num_modules(self) -> int:
        return int(self.modules.max()) if self.modules.size else 0

    @property
    def num_nodes(self) -> int:
        return int(self.node_ids.shape[0])

    @property
    def partition(self) -> dict:
        return dict(zip(self.node_ids.tolist(), self.modules.tolist()))

    @property
    def top_modules(self) -> np.ndarray:
        """Each node's top module (1-based): its module, or its module's first path element."""
        if self.module_paths is None:
            return self.modules
        return np.array([p[0] for p in self.module_paths], dtype=np.int64)[self.modules - 1]

    def to_engine_result(self, options: InfomapOptions | None = None):
        """An :class:`~infomap_core.infomap.InfomapResult` of the nodes, their flow and their tree
        (two levels: the modules; multilevel: each node under its module's path) for the
        node-row formats (``clu``, ``tree``, ``csv``, ``newick``); the codelengths are the
        run's. ``options``: the run's (the headers' seed, trials and configuration).

        Its network has the nodes and no links (they were never gathered). With the run's
        ``module_network`` (:func:`_module_network`), its flow's links are the links between
        the modules, each ``a -> b`` carried by a link between the first nodes of ``a`` and
        ``b``, and every module's enter and exit are those of the tree over the modules: so the
        module links and flows of ``ftree`` and the official JSON are the in-process writer's
        for the same tree, except the links between the nodes inside a bottom module, which no
        process has (its sections list none). Without it the links are missing and the
        modules' enter and exit are 0."""
        from .flow import FlowGraph
        from .infomap import InfomapResult
        from .network import Network
        from .tree import Tree

        if self.node_flow is None:
            raise ValueError("the result has no node flow")
        directed = self.flow_model == "directed"
        none = np.zeros(0, dtype=np.int64)
        n = self.num_nodes
        network = Network(indptr=np.zeros(n + 1, dtype=np.int64), indices=none, weights=np.zeros(0),
                          directed=directed, node_ids=self.node_ids, node_weights=np.ones(n))
        zeros = np.zeros(n)
        links = self.module_network
        link_indptr, link_target, link_flow = np.zeros(n + 1, dtype=np.int64), none, np.zeros(0)
        if links is not None:
            from .csr import links_to_csr

            first = np.full(self.num_modules, n, dtype=np.int64)  # each module's first node
            np.minimum.at(first, self.modules - 1, np.arange(n))
            link_indptr, link_target, link_flow = links_to_csr(first[links["number"][links["source"]] - 1],
                                                               first[links["number"][links["target"]] - 1],
                                                               np.asarray(links["link_flow"], dtype=np.float64), n)
        fg = FlowGraph(node_flow=np.ascontiguousarray(self.node_flow), enter=zeros, exit=zeros, tele_flow=zeros,
                       tele_weight=zeros, link_indptr=link_indptr, link_target=link_target.astype(np.int64),
                       link_flow=link_flow, pair_indptr=np.zeros(n + 1, dtype=np.int64), pair_indices=none,
                       pair_flow=np.zeros(0), flow_model=self.flow_model, recorded=False,
                       teleportation_probability=0.0)
        if self.module_paths is None:
            tree = Tree.two_level(fg, self.modules)
        else:
            tree = Tree.from_paths(fg, [tuple(self.module_paths[m - 1]) for m in self.modules.tolist()])
        if links is not None:
            tree = _with_module_flows(tree, self.modules, links, self.module_paths, directed)
        options = options or InfomapOptions(two_level=self.module_paths is None, seed=self.seed)
        return InfomapResult(network=network, flow=fg, tree=tree, codelength=self.codelength,
                             index_codelength=self.index_codelength, module_codelength=self.module_codelength,
                             one_level_codelength=self.one_level_codelength, options=options,
                             trial_codelengths=list(self.trial_codelengths) or [self.codelength],
                             best_trial=int(np.argmin(self.trial_codelengths)) if self.trial_codelengths else 0,
                             elapsed=self.elapsed)

    def to_dict(self) -> dict[str, Any]:
        """The keys of the engine's JSON (:meth:`InfomapResult.to_dict`) that a distributed run has;
        multilevel: ``modules`` are the top modules and ``paths`` each node's module path."""
        ids = list(map(str, self.node_ids.tolist()))
        top = self.top_modules
        out = {
            "codelength": self.codelength,
            "index_codelength": self.index_codelength,
            "module_codelength": self.module_codelength,
            "one_level_codelength": self.one_level_codelength,
            "relative_codelength_savings": 1.0 - self.codelength / self.one_level_codelength
            if self.one_level_codelength > 0 else 0.0,
            "num_modules": self.num_modules,
            "num_top_modules": int(top.max()) if top.size else 0,
            "num_levels": 2 if self.module_paths is None else 1 + max(len(p) for p in self.module_paths),
            "num_nodes": self.num_nodes,
            "num_links": self.num_links,
            "directed": self.flow_model == "directed",
            "flow_model": self.flow_model,
            "modules": dict(zip(ids, top.tolist())),
            "seed": self.seed,
            "num_trials": max(1, len(self.trial_codelengths)),
            "trial_codelengths": list(self.trial_codelengths),
            "markov_time": self.markov_time,
            "elapsed_seconds": self.elapsed,
            "distributed": {"levels": self.levels, "fine_tune": self.fine_tune,
                            **({"flow": self.flow} if self.flow else {})},
        }
        if self.module_paths is not None:
            names = [":".join(map(str, p)) for p in self.module_paths]
            out["paths"] = dict(zip(ids, (names[m - 1] for m in self.modules.tolist())))
        return out


def _with_module_flows(tree, modules: np.ndarray, links: dict, module_paths: list | None, directed: bool):
    """``tree`` (over the nodes) with every module's enter and exit those of the same module in
    the tree over the final modules (:func:`unit_flow_graph`, from ``links``): the two trees
    are matched from each final module's first node and its unit upwards."""
    from dataclasses import replace

    from .tree import Tree

    fg = unit_flow_graph(links["flow"], links["enter"], links["exit"], links["tf"], links["tw"], links["source"],
                         links["target"], links["link_flow"], directed, links["tf"] is not None)
    numbers = links["number"]
    unit_tree = Tree.from_paths(fg, [(int(m),) if module_paths is None else tuple(module_paths[m - 1])
                                     for m in numbers.tolist()])
    n = modules.shape[0]
    first = np.full(int(modules.max()), n, dtype=np.int64)
    np.minimum.at(first, modules - 1, np.arange(n))
    a = tree.parent[tree.leaf_tree_index()[first[numbers - 1]]]  # node tree: each unit's bottom module
    b = unit_tree.parent[unit_tree.leaf_tree_index()]
    enter, exit_ = tree.enter.copy(), tree.exit.copy()
    while a.shape[0]:
        enter[a], exit_[a] = unit_tree.enter[b], unit_tree.exit[b]
        up = a > 0
        a, b = np.unique(np.stack([tree.parent[a[up]], unit_tree.parent[b[up]]], axis=1), axis=0).T \
            if up.any() else (a[:0], b[:0])
    return replace(tree, enter=enter, exit=exit_)


# ===================================================================== worker side
# Plain functions over numpy arrays; each runs as one Dask task.

def _owner(labels: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Shard of each id: ``bounds`` are the P - 1 lowest ids of shards 1..P-1."""
    return np.searchsorted(bounds, labels, side="right")


def _split(owner: np.ndarray, parts: int, *arrays: np.ndarray | None) -> list[tuple]:
    """The rows of ``arrays`` grouped by owner: one tuple of arrays per shard (None stays None)."""
    order = np.argsort(owner, kind="stable")
    cuts = np.searchsorted(owner[order], np.arange(parts + 1))
    return [tuple(None if a is None else a[order[cuts[r]:cuts[r + 1]]] for a in arrays) for r in range(parts)]


def _nbytes(obj) -> int:
    if isinstance(obj, np.ndarray):
        return int(obj.nbytes)
    if isinstance(obj, (tuple, list)):
        return sum(_nbytes(x) for x in obj)
    return 8


def byte_ranges(path: str, parts: int) -> list[tuple[int, int]]:
    size = os.path.getsize(path)
    cuts = [size * i // parts for i in range(parts + 1)]
    return [(cuts[i], cuts[i + 1]) for i in range(parts)]


def _blocks(path: str, start: int, stop: int, block: int):
    """The bytes of the lines that start in ``[start, stop)``, in pieces of about ``block``
    bytes that end at a line end. A line belongs to the range in which its first byte lies."""
    with open(path, "rb") as f:
        if start > 0:
            f.seek(start - 1)
            if f.read(1) != b"\n":
                f.readline()  # the line that started before us belongs to the previous range
        pos = f.tell()
        while pos < stop:
            data = f.read(min(block, stop - pos))
            if not data:
                return
            if not data.endswith(b"\n"):
                data += f.readline()
            pos += len(data)
            yield data


def _links(data: bytes):
    """(src, tgt, weight) of the positive-weight links in ``data`` (int64 ids)."""
    from .io.link_list import scan_link_table

    table = scan_link_table(data, 0, 1, field="network")
    if table.at_header:
        raise ParseError("a Pajek section header: the distributed mode reads link lists", field="network")
    if table.string_ids:
        raise ParseError("the distributed mode needs integer node ids", field="network")
    w = table.weight
    if np.any(~np.isfinite(w)) or np.any(w < 0):
        raise ParseError("weights must be finite and >= 0", field="network")
    keep = w > 0
    if keep.all():
        return table.src, table.tgt, w
    return table.src[keep], table.tgt[keep], w[keep]


class Survey(NamedTuple):
    """What the first pass over one byte range found."""

    sample: np.ndarray
    lowest: int
    highest: int
    unit_weights: bool
    links: int


def survey_range(path: str, start: int, stop: int, sample: int, block: int) -> Survey:
    """First pass over the lines starting in ``[start, stop)``: a sample of about ``sample``
    ids (in proportion to each block's bytes), the id range, whether every weight is 1."""
    rng = np.random.default_rng(start)
    picks, lowest, highest, unit, links = [], None, None, True, 0
    span = max(1, stop - start)
    for data in _blocks(path, start, stop, block):
        src, tgt, w = _links(data)
        if src.shape[0] == 0:
            continue
        links += src.shape[0]
        unit = unit and bool(np.all(w == 1.0))
        lo, hi = int(min(src.min(), tgt.min())), int(max(src.max(), tgt.max()))
        lowest = lo if lowest is None else min(lowest, lo)
        highest = hi if highest is None else max(highest, hi)
        k = max(1, int(np.ceil(sample * len(data) / span)))
        ids = rng.integers(0, 2 * src.shape[0], k)
        picks.append(np.where(ids < src.shape[0], src[np.minimum(ids, src.shape[0] - 1)],
                              tgt[np.maximum(ids - src.shape[0], 0)]))
    sample_ids = np.concatenate(picks) if picks else np.zeros(0, dtype=np.int64)
    return Survey(sample_ids, 0 if lowest is None else lowest, -1 if highest is None else highest, unit, links)


class Ids(NamedTuple):
    """How ids travel: int32 offsets from ``base`` when ``narrow``, else int64 ids."""

    base: int
    narrow: bool

    def encode(self, ids: np.ndarray) -> np.ndarray:
        return (ids - self.base).astype(np.int32) if self.narrow else ids

    def decode(self, ids: np.ndarray) -> np.ndarray:
        return ids.astype(np.int64) + self.base if self.narrow else ids

    @property
    def dtype(self):
        return np.int32 if self.narrow else np.int64


def read_split(path: str, start: int, stop: int, bounds: np.ndarray, parts: int, directed: bool, ids: Ids,
               unit: bool, block: int) -> list[tuple]:
    """Second pass: the arcs of every link, by owner of their first end, as one piece per
    shard ``(u, v, w, is_in)``: ``u -> v`` at owner(u) and ``v -> u`` at owner(v) (a
    self-link once; ``is_in`` 1 marks the copy of a directed link at its target, None for
    undirected links; ``w`` None when every weight is 1). Read in blocks: the transient
    memory is that of one block, the output that of the pieces."""
    out: list[list[tuple]] = [[] for _ in range(parts)]
    for data in _blocks(path, start, stop, block):
        src, tgt, w = _links(data)
        del data
        src, tgt = ids.encode(src), ids.encode(tgt)
        loop = src == tgt
        u = np.concatenate([src, tgt[~loop]])
        v = np.concatenate([tgt, src[~loop]])
        del src, tgt
        ww = None if unit else np.concatenate([w, w[~loop]])
        is_in = None
        if directed:
            is_in = np.zeros(u.shape[0], dtype=np.int8)
            is_in[loop.shape[0]:] = 1
        for r, piece in enumerate(_split(_owner(u, bounds), parts, u, v, ww, is_in)):
            out[r].append(piece)
    pieces = []
    for r in range(parts):
        got, out[r] = out[r], []
        empty = np.zeros(0, dtype=ids.dtype)
        pieces.append((np.concatenate([p[0] for p in got]) if got else empty,
                       np.concatenate([p[1] for p in got]) if got else empty,
                       None if unit else (np.concatenate([p[2] for p in got]) if got else np.zeros(0)),
                       None if not directed else (np.concatenate([p[3] for p in got]) if got
                                                  else np.zeros(0, dtype=np.int8))))
        del got
    return pieces


@njit(cache=True)
def _find(sorted_ids, x):
    """Index of ``x`` in ``sorted_ids``, or -1."""
    lo, hi = 0, sorted_ids.shape[0]
    while lo < hi:
        mid = (lo + hi) >> 1
        if sorted_ids[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    if lo < sorted_ids.shape[0] and sorted_ids[lo] == x:
        return lo
    return -1


@njit(cache=True)
def _foreign(labels, v):
    """The ids of ``v`` not in ``labels`` (with repeats)."""
    out = np.empty(v.shape[0], dtype=v.dtype)
    k = 0
    for e in range(v.shape[0]):
        if _find(labels, v[e]) < 0:
            out[k] = v[e]
            k += 1
    return out[:k]


@njit(cache=True)
def _count_rows(labels, u, v, w, unit, counts, self_w):
    for e in range(u.shape[0]):
        i = _find(labels, u[e])
        if u[e] == v[e]:
            self_w[i] += 1.0 if unit else w[e]
        else:
            counts[i] += 1


@njit(cache=True)
def _fill_rows(labels, ghosts, u, v, w, is_in, unit, directed, fill, indices, weights, in_flag):
    n = labels.shape[0]
    for e in range(u.shape[0]):
        if u[e] == v[e]:
            continue
        i = _find(labels, u[e])
        j = _find(labels, v[e])
        if j < 0:
            j = n + _find(ghosts, v[e])
        k = fill[i]
        indices[k] = j
        weights[k] = 1.0 if unit else w[e]
        if directed:
            in_flag[k] = is_in[e]
        fill[i] = k + 1


@njit(cache=True)
def _sort_merge(indptr, indices, weights, in_flag, directed, new_indptr):
    """Sort every row by (neighbour, direction), sum repeated entries, compact in place."""
    n = indptr.shape[0] - 1
    out = 0
    for s in range(n):
        a, b = indptr[s], indptr[s + 1]
        row_start = out
        if b - a > 1:
            key = indices[a:b].astype(np.int64) * 2
            if directed:
                key += in_flag[a:b]
            order = np.argsort(key, kind="mergesort")
            rt = indices[a:b][order]
            rw = weights[a:b][order]
            rf = in_flag[a:b][order] if directed else in_flag[:0]
        else:
            rt = indices[a:b].copy()
            rw = weights[a:b].copy()
            rf = in_flag[a:b].copy() if directed else in_flag[:0]
        for j in range(b - a):
            same = out > row_start and indices[out - 1] == rt[j]
            if same and directed:
                same = in_flag[out - 1] == rf[j]
            if same:
                weights[out - 1] += rw[j]
            else:
                indices[out] = rt[j]
                weights[out] = rw[j]
                if directed:
                    in_flag[out] = rf[j]
                out += 1
        new_indptr[s + 1] = out
    return out


@njit(cache=True)
def _row_sums(indptr, weights, in_flag, directed):
    """Per row: the summed weight of its out-entries and of its in-entries (undirected: all, none)."""
    n = indptr.shape[0] - 1
    out_w = np.zeros(n)
    in_w = np.zeros(n)
    for u in range(n):
        for e in range(indptr[u], indptr[u + 1]):
            if directed and in_flag[e]:
                in_w[u] += weights[e]
            else:
                out_w[u] += weights[e]
    return out_w, in_w


@dataclass
class RawShard:
    """The links at their owner, before the flow: units ``labels``, ``ghosts``, a CSR of
    link weights (``in_flag`` 1: the entry is the link ``neighbour -> unit``; None for
    undirected links), the self-link weight of each unit and its out- and in-weight
    (self-links included; undirected: both the strength)."""

    labels: np.ndarray
    ghosts: np.ndarray
    indptr: np.ndarray
    indices: np.ndarray
    weights: np.ndarray
    in_flag: np.ndarray | None
    self_w: np.ndarray
    out_w: np.ndarray
    in_w: np.ndarray

    @property
    def n(self) -> int:
        return int(self.labels.shape[0])


def raw_shard(directed: bool, *pieces) -> RawShard:
    """The CSR of the arcs sent here, built from the pieces without concatenating them."""
    labels = np.unique(np.concatenate([np.unique(p[0]) for p in pieces]))
    ghosts = np.unique(np.concatenate([np.unique(_foreign(labels, p[1])) for p in pieces]))
    n = labels.shape[0]
    counts = np.zeros(n, dtype=np.int64)
    self_w = np.zeros(n)
    no_w, no_flag = np.zeros(0), np.zeros(0, dtype=np.int8)
    for u, v, w, _ in pieces:
        _count_rows(labels, u, v, no_w if w is None else w, w is None, counts, self_w)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    del counts
    entries = int(indptr[-1])
    indices = np.empty(entries, dtype=np.int32 if n + ghosts.shape[0] < INT32_MAX else np.int64)
    weights = np.empty(entries)
    in_flag = np.empty(entries, dtype=np.int8) if directed else no_flag
    fill = indptr[:-1].copy()
    for u, v, w, is_in in pieces:
        _fill_rows(labels, ghosts, u, v, no_w if w is None else w, no_flag if is_in is None else is_in, w is None,
                   directed, fill, indices, weights, in_flag)
    del fill
    new_indptr = np.zeros(n + 1, dtype=np.int64)
    kept = _sort_merge(indptr, indices, weights, in_flag, directed, new_indptr)
    indices, weights = indices[:kept], weights[:kept]
    in_flag = in_flag[:kept]
    out_w, in_w = _row_sums(new_indptr, weights, in_flag, directed)
    out_w += self_w
    if directed:
        in_w += self_w
    else:
        in_w = out_w
    return RawShard(labels, ghosts, new_indptr, indices, weights, in_flag if directed else None, self_w, out_w, in_w)


def raw_sums(raw: RawShard) -> tuple[float, float, int, int]:
    """(sum of out-weights, sum of self-link weights, units, ghosts) of a shard."""
    return float(raw.out_w.sum()), float(raw.self_w.sum()), raw.n, int(raw.ghosts.shape[0])


@dataclass
class Shard:
    """The units one worker owns at one level, and their pairs.

    Units ``0..n-1`` are ``labels`` (sorted ids); neighbour index ``n + j`` is the ghost
    ``ghosts[j]``. The entries of one neighbour sum to the flow between the two ends in
    both directions. ``tf, tw`` (recorded teleportation only, else None): the units'
    teleportation flow and weight.
    """

    labels: np.ndarray
    ghosts: np.ndarray
    indptr: np.ndarray
    indices: np.ndarray
    pflow: np.ndarray
    flow: np.ndarray
    enter: np.ndarray
    exit: np.ndarray
    tf: np.ndarray | None = None
    tw: np.ndarray | None = None
    in_flag: np.ndarray | None = None  # directed level 0: 1 where the entry is the arc neighbour -> unit

    @property
    def n(self) -> int:
        return int(self.labels.shape[0])


def node_shard(raw: RawShard, total: float, markov_time: float = 1.0) -> Shard:
    """Undirected level 0: flow ``s_u / S``, pair flow ``2 t w / S``, exit = enter = the flow to
    other nodes (``t`` the Markov time, as :func:`infomap_core.flow.compute_flow` scales link flow)."""
    pflow = raw.weights * (2.0 * markov_time / total)
    exit_ = (raw.out_w - raw.self_w) * (markov_time / total)
    return Shard(raw.labels, raw.ghosts, raw.indptr, raw.indices, pflow, raw.out_w / total, exit_, exit_)


# --- directed flow: PageRank over the shards

class PageRankState(NamedTuple):
    """The global numbers of one power iteration (as :func:`infomap_core.flow._pagerank` keeps them)."""

    alpha: float
    beta: float
    dangling_rank: float  # of the iterate the next step starts from
    scale: float  # the last step's iterate is ``tmp / scale``
    err: float
    iteration: int
    used_dangling_rank: float  # the dangling rank the last step started from


@dataclass
class PageRankShard:
    raw: RawShard
    tele: np.ndarray
    dangling: np.ndarray
    inv_out: np.ndarray  # 1 / out-weight, 0 for dangling units


def pagerank_setup(raw: RawShard, spec: FlowSpec, total_w: float, strength_norm: float, num_nodes: int,
                   positions_: list[np.ndarray]):
    """(shard, start vector, its dangling rank, the start rates served to the requesters)."""
    dangling = raw.out_w <= 0.0
    if spec.to_nodes:
        tele = np.full(raw.n, 1.0 / num_nodes)
    else:
        tele = (raw.in_w if spec.recorded else raw.out_w) / total_w
    inv_out = np.divide(1.0, raw.out_w, out=np.zeros(raw.n), where=~dangling)
    p0 = (raw.out_w + raw.in_w - raw.self_w) / strength_norm
    rate = p0 * inv_out
    return PageRankShard(raw, tele, dangling, inv_out), p0, float(p0[dangling].sum()), [rate[p] for p in positions_]


@njit(cache=True)
def _pull(indptr, indices, weights, in_flag, self_w, rate):
    """``sum_{v -> u} w_vu rate_v`` of every unit ``u`` (its in-links, self-link included)."""
    n = indptr.shape[0] - 1
    out = np.empty(n)
    for u in range(n):
        s = self_w[u] * rate[u]
        for e in range(indptr[u], indptr[u + 1]):
            if in_flag[e]:
                s += weights[e] * rate[indices[e]]
        out[u] = s
    return out


def pagerank_step(pr: PageRankShard, tmp_prev: np.ndarray, state: PageRankState, positions_: list[np.ndarray],
                  *ghost_rates: np.ndarray):
    """One power iteration on this shard: (new unnormalized iterate, (its sum, its change,
    its dangling sum), its rates served to the requesters)."""
    raw = pr.raw
    p = tmp_prev / state.scale
    ghost = np.concatenate(ghost_rates) / state.scale if ghost_rates else np.zeros(0)
    rate = np.concatenate([p * pr.inv_out, ghost])
    tele_flow = state.alpha + state.beta * state.dangling_rank
    tmp = tele_flow * pr.tele + state.beta * _pull(raw.indptr, raw.indices, raw.weights, raw.in_flag, raw.self_w, rate)
    sums = (float(tmp.sum()), float(np.abs(tmp - p).sum()), float(tmp[pr.dangling].sum()))
    own_rate = tmp * pr.inv_out
    return tmp, sums, [own_rate[q] for q in positions_]


def pagerank_reduce(state: PageRankState, *sums) -> PageRankState:
    """The global numbers after one iteration (the normalization and the stall guard of
    :func:`infomap_core.flow._pagerank`)."""
    total = sum(s[0] for s in sums)
    err = sum(s[1] for s in sums)
    dangling = sum(s[2] for s in sums)
    scale = total if (abs(total - 1.0) > 1e-10 and total > 0) else 1.0
    alpha, beta = state.alpha, state.beta
    if abs(err - state.err) < 1e-17:
        alpha += 1e-12
        beta = 1.0 - alpha
    return PageRankState(alpha, beta, dangling / scale, scale, err, state.iteration + 1, state.dangling_rank)


@njit(cache=True)
def _arc_flows(indptr, indices, weights, in_flag, self_w, rate, factor):
    """Flow of every entry (``factor w rate`` of the arc's source), and per unit the flow of
    its in-links (self-link included), its out-links and its in-links (self-link excluded)."""
    n = indptr.shape[0] - 1
    pflow = np.empty(weights.shape[0])
    inflow = np.empty(n)
    exit_ = np.zeros(n)
    enter = np.zeros(n)
    for u in range(n):
        own = factor * rate[u]
        for e in range(indptr[u], indptr[u + 1]):
            if in_flag[e]:
                f = factor * weights[e] * rate[indices[e]]
                enter[u] += f
            else:
                f = own * weights[e]
                exit_[u] += f
            pflow[e] = f
        inflow[u] = enter[u] + own * self_w[u]
    return pflow, inflow, exit_, enter


def directed_shard(pr: PageRankShard, tmp: np.ndarray, state: PageRankState, recorded: bool, markov_time: float,
                   *ghost_rates: np.ndarray):
    """Level 0 of a directed network from the last iterate ``tmp`` (unnormalized) and the
    ghosts' rates of it: unrecorded, the flow of one more step without teleportation,
    normalized by ``1 - dangling rank``; recorded, the link flow ``beta p_u w_uv / w_u``
    and the node flow the iterate; then (shard, dangling units): the teleportation terms
    follow in :func:`recorded_terms`. The link flow (and so enter and exit) is scaled by the
    Markov time, before the teleportation terms, as :func:`infomap_core.flow.compute_flow` does."""
    raw = pr.raw
    ghost = np.concatenate(ghost_rates) if ghost_rates else np.zeros(0)
    rate = np.concatenate([tmp * pr.inv_out, ghost])
    factor = state.beta if recorded else 1.0 / (1.0 - state.used_dangling_rank)
    pflow, inflow, exit_, enter = _arc_flows(raw.indptr, raw.indices, raw.weights, raw.in_flag, raw.self_w, rate,
                                             factor)
    if markov_time != 1.0:  # the node flow (inflow) stays
        pflow, exit_, enter = pflow * markov_time, exit_ * markov_time, enter * markov_time
    if not recorded:
        return Shard(raw.labels, raw.ghosts, raw.indptr, raw.indices, pflow, inflow, enter, exit_,
                     in_flag=raw.in_flag)
    flow = tmp / state.scale
    return Shard(raw.labels, raw.ghosts, raw.indptr, raw.indices, pflow, flow, enter, exit_, None, pr.tele,
                 raw.in_flag), pr.dangling


def dangling_flow(pair) -> float:
    shard, dangling = pair
    return float(shard.flow[dangling].sum())


def recorded_terms(pair, tau: float, sum_dangling: float) -> Shard:
    """The recorded teleportation's share of the units' exit and enter flow, and their
    teleportation flow (as :func:`infomap_core.flow.compute_flow`); ``pair`` is
    :func:`directed_shard`'s (shard, dangling units)."""
    shard, dangling = pair
    p, tw = shard.flow, shard.tw
    dflow = np.where(dangling, p, 0.0)
    exit_ = shard.exit + (tau * p + (1 - tau) * dflow) * (1.0 - tw)
    enter = shard.enter + (tau * (1.0 - p) + (1 - tau) * (sum_dangling - dflow)) * tw
    tf = np.where(dangling, p, tau * p)
    return Shard(shard.labels, shard.ghosts, shard.indptr, shard.indices, shard.pflow, p, enter, exit_, tf, tw,
                 shard.in_flag)


def _labels(shard) -> np.ndarray:
    return shard.labels


def _node_flow(shard: Shard) -> tuple[np.ndarray, np.ndarray]:
    """(labels, node flow) of a level-0 shard."""
    return shard.labels, shard.flow


def node_terms(shard: Shard) -> tuple[float, int]:
    """(sum plogp(p_u), units) of a level-0 shard."""
    return float(plogp(shard.flow).sum()), shard.n


# --- exchanges: requests (ids by owner), answers (values in the requester's order)
def ghost_requests(shard, bounds: np.ndarray, parts: int) -> list[np.ndarray]:
    return [p[0] for p in _split(_owner(shard.ghosts, bounds), parts, shard.ghosts)]


def positions(shard, *requests: np.ndarray) -> list[np.ndarray]:
    """Where each requested id sits among this shard's units."""
    return [np.searchsorted(shard.labels, r) for r in requests]


def serve(values: np.ndarray, pos: list[np.ndarray]) -> list[np.ndarray]:
    return [values[p] for p in pos]


@njit(cache=True)
def _inner_half(indptr, indices, pflow, mod, all_mod):
    """Half the flow between each unit and the other units of its module (each pair is
    seen from both ends, here or at the other end's shard)."""
    n = mod.shape[0]
    inner = np.empty(n)
    for u in range(n):
        m = mod[u]
        s = 0.0
        for e in range(indptr[u], indptr[u + 1]):
            if all_mod[indices[e]] == m:
                s += pflow[e]
        inner[u] = 0.5 * s
    return inner


def module_partials(shard: Shard, mod: np.ndarray, bounds: np.ndarray, parts: int, *ghost_pieces):
    """Partial (label, flow, enter, exit, members, tf, tw, tf tw) of the modules of this
    shard's units, by owner (the teleportation sums None without recorded teleportation).

    A module's enter (exit) is its units' enter (exit) minus the flow between its own
    units, each end removing half.
    """
    ghost_mod = np.concatenate(ghost_pieces) if ghost_pieces else np.zeros(0, dtype=mod.dtype)
    inner = _inner_half(shard.indptr, shard.indices, shard.pflow, mod, np.concatenate([mod, ghost_mod]))
    labels, inv = np.unique(mod, return_inverse=True)
    k = labels.shape[0]
    flow = np.bincount(inv, weights=shard.flow, minlength=k)
    enter = np.bincount(inv, weights=shard.enter - inner, minlength=k)
    exit_ = enter if shard.enter is shard.exit else np.bincount(inv, weights=shard.exit - inner, minlength=k)
    count = np.bincount(inv, minlength=k).astype(np.int64)
    if shard.tf is None:
        tf = tw = tfw = None
    else:
        tf = np.bincount(inv, weights=shard.tf, minlength=k)
        tw = np.bincount(inv, weights=shard.tw, minlength=k)
        tfw = np.bincount(inv, weights=shard.tf * shard.tw, minlength=k)
    return _split(_owner(labels, bounds), parts, labels, flow, enter, exit_, count, tf, tw, tfw), ghost_mod


def _sum_by(inv, k, arrays):
    if arrays[0] is None:
        return None
    return np.bincount(inv, weights=np.concatenate(arrays), minlength=k)


def reduce_modules(*pieces):
    """Module table of one owner: (labels, flow, enter, exit, members, tf, tw), partial sums
    added; with recorded teleportation enter and exit lose ``T_m W_m - sum_u t_u w_u``."""
    labels = np.concatenate([p[0] for p in pieces])
    out, inv = np.unique(labels, return_inverse=True)
    k = out.shape[0]
    flow, enter, exit_, count, tf, tw, tfw = (_sum_by(inv, k, [p[i] for p in pieces]) for i in range(1, 8))
    if tf is not None:
        own = tf * tw - tfw
        enter, exit_ = enter - own, exit_ - own
    return out, flow, np.maximum(enter, 0.0), np.maximum(exit_, 0.0), count.astype(np.int64), tf, tw


def table_sums(table) -> tuple[float, float, float, float, int]:
    """(sum enter, sum plogp(enter), sum plogp(exit), sum plogp(exit + flow), modules) of an owner's table."""
    _, flow, enter, exit_, *_ = table
    return (float(enter.sum()), float(plogp(enter).sum()), float(plogp(exit_).sum()),
            float(plogp(exit_ + flow).sum()), int(flow.shape[0]))


def module_requests(mod: np.ndarray, ghost_mod: np.ndarray, bounds: np.ndarray, parts: int) -> list[np.ndarray]:
    wanted = np.unique(np.concatenate([mod, ghost_mod]))
    return [p[0] for p in _split(_owner(wanted, bounds), parts, wanted)]


def answer_modules(table, *requests: np.ndarray) -> list[tuple]:
    labels, flow, enter, exit_, _, tf, tw = table
    out = []
    for r in requests:
        pos = np.searchsorted(labels, r)
        out.append((r, flow[pos], enter[pos], exit_[pos], None if tf is None else tf[pos],
                    None if tw is None else tw[pos]))
    return out


@njit(cache=True)
def _propose_recorded(indptr, indices, pflow, flow, enter, exit_, tf, tw, q, mod, menter, mexit, mflow, mtf, mtw):
    """:func:`infomap_core.parallel._propose` (one group) with recorded teleportation: the
    teleportation between a unit and a module's other units, ``t_u W_m + T_m w_u``, counts
    as flow between them (as in :func:`infomap_core.kernels.core_loop`)."""
    n = flow.shape[0]
    k = menter.shape[0]
    target = np.empty(n, dtype=np.int64)
    gain = np.zeros(n)
    acc = np.zeros(k)
    stamp = np.full(k, -1, dtype=np.int64)
    cand = np.empty(k, dtype=np.int64)
    for u in range(n):
        old = mod[u]
        target[u] = old
        ncand = 0
        for e in range(indptr[u], indptr[u + 1]):
            mv = mod[indices[e]]
            if stamp[mv] != u:
                stamp[mv] = u
                acc[mv] = pflow[e]
                cand[ncand] = mv
                ncand += 1
            else:
                acc[mv] += pflow[e]
        d_old = acc[old] if stamp[old] == u else 0.0
        d_old += tf[u] * (mtw[old] - tw[u]) + (mtf[old] - tf[u]) * tw[u]
        pu, eu, xu = flow[u], enter[u], exit_[u]
        eo, xo, po = menter[old], mexit[old], mflow[old]
        old_side = leave_delta(eo, xo, po, eu, xu, pu, d_old)
        best = 0.0
        best_d = -1.0
        for j in range(ncand):
            m = cand[j]
            if m == old:
                continue
            d_new = acc[m] + tf[u] * mtw[m] + mtf[m] * tw[u]
            en, xn, pn = menter[m], mexit[m], mflow[m]
            delta = join_delta(q, d_old, d_new, old_side, en, xn, pn, eu, xu, pu)
            if delta < best - 1e-14 or (delta <= best + 1e-14 and d_new > best_d and target[u] != old):
                best = delta
                best_d = d_new
                target[u] = m
        gain[u] = best
    return target, gain


def move(shard: Shard, mod: np.ndarray, ghost_mod: np.ndarray, sums: list, seed: int, round_: int, threads: int,
         ids: Ids, *answers) -> tuple[np.ndarray, int]:
    """One synchronous round on this shard: (new module labels of the units, moves applied).
    ``sums`` are the owners' :func:`table_sums`; their enter flows add up to the index rate
    ``q``. The move lottery draws by node id (``ids`` decodes the labels)."""
    from .parallel import _propose

    q = sum(t[0] for t in sums)
    labels = np.concatenate([a[0] for a in answers])
    order = np.argsort(labels)
    labels = labels[order]
    mflow, menter, mexit = (np.concatenate([a[i] for a in answers])[order] for i in (1, 2, 3))
    local = np.searchsorted(labels, np.concatenate([mod, ghost_mod]))
    if shard.tf is None:
        parent = np.zeros(local.shape[0], dtype=np.int64)
        target, gain = _propose(shard.indptr, shard.indices, shard.pflow, shard.flow, shard.enter, shard.exit, parent,
                                np.array([q]), local, menter, mexit, mflow, max(1, threads))
    else:
        mtf, mtw = (np.concatenate([a[i] for a in answers])[order] for i in (4, 5))
        target, gain = _propose_recorded(shard.indptr, shard.indices, shard.pflow, shard.flow, shard.enter,
                                         shard.exit, shard.tf, shard.tw, q, local, menter, mexit, mflow, mtf, mtw)
    chosen = (target != local[:shard.n]) & (gain < -1e-12) & (_hash_bits(seed, round_, ids.decode(shard.labels)) == 1)
    new = mod.copy()
    new[chosen] = labels[target[chosen]]
    return new, int(chosen.sum())


def _hash_bits(seed: int, round_: int, ids: np.ndarray) -> np.ndarray:
    """One pseudo-random bit per (seed, round, id): splitmix64."""
    with np.errstate(over="ignore"):
        x = (np.uint64(seed) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(round_) * np.uint64(0xBF58476D1CE4E5B9)
             + ids.astype(np.uint64))
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        x = x ^ (x >> np.uint64(31))
    return ((x >> np.uint64(17)) & np.uint64(1)).astype(np.int64)


#: Which entries between two modules :func:`_module_entries` takes.
_EVERY_ENTRY, _OUT_ARCS, _EACH_PAIR_ONCE = 0, 1, 2


@njit(cache=True, inline="always")
def _taken(which, in_flag, e, mu, mv):
    if mv == mu:
        return False
    if which == _EVERY_ENTRY:
        return True
    if which == _OUT_ARCS:
        return in_flag[e] == 0
    return mu < mv


@njit(cache=True)
def _module_entries(indptr, indices, pflow, in_flag, which, mod, all_mod):
    """(module, module, flow) of the entries between different modules: every one
    (``_EVERY_ENTRY``), the out-entries of a directed shard (``_OUT_ARCS``: the arc unit ->
    neighbour), or, undirected, those whose first module is the smaller (``_EACH_PAIR_ONCE``:
    the pair's flow in both directions)."""
    n = mod.shape[0]
    k = 0
    for u in range(n):
        for e in range(indptr[u], indptr[u + 1]):
            if _taken(which, in_flag, e, mod[u], all_mod[indices[e]]):
                k += 1
    a = np.empty(k, dtype=mod.dtype)
    b = np.empty(k, dtype=mod.dtype)
    f = np.empty(k)
    k = 0
    for u in range(n):
        for e in range(indptr[u], indptr[u + 1]):
            mv = all_mod[indices[e]]
            if _taken(which, in_flag, e, mod[u], mv):
                a[k] = mod[u]
                b[k] = mv
                f[k] = pflow[e]
                k += 1
    return a, b, f


def contract_pairs(shard: Shard, mod: np.ndarray, ghost_mod: np.ndarray, bounds: np.ndarray, parts: int):
    """Pairs between different modules, as (module, module, flow), by owner of the first module."""
    a, b, f = _module_entries(shard.indptr, shard.indices, shard.pflow, np.zeros(0, dtype=np.int8), _EVERY_ENTRY, mod,
                              np.concatenate([mod, ghost_mod]))
    return _split(_owner(a, bounds), parts, a, b, f)


def _sum_pairs(a: np.ndarray, b: np.ndarray, f: np.ndarray):
    """The flows of equal ``(a, b)`` summed: (a, b, flow) sorted by (a, b)."""
    if a.shape[0] == 0:
        return a, b, f
    order = np.lexsort((b, a))
    a, b, f = a[order], b[order], f[order]
    new = np.ones(a.shape[0], dtype=bool)
    new[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    starts = np.flatnonzero(new)
    return a[starts], b[starts], np.add.reduceat(f, starts)


def module_arcs(shard: Shard, mod: np.ndarray, ghost_mod: np.ndarray, directed: bool):
    """The module links of a level-0 shard's entries (:func:`_module_entries`), summed by module pair:
    (module label, module label, flow). Every link between two modules is counted at exactly one
    shard, so the shards' pieces add up to the module links of the whole network."""
    flag = shard.in_flag if shard.in_flag is not None else np.zeros(0, dtype=np.int8)
    if directed and shard.in_flag is None:
        raise RuntimeError("a directed level-0 shard without its arcs' directions")
    a, b, f = _module_entries(shard.indptr, shard.indices, shard.pflow, flag, _OUT_ARCS if directed else _EACH_PAIR_ONCE,
                              mod, np.concatenate([mod, ghost_mod]))
    return _sum_pairs(a, b, f)


def _owned_modules(table):
    """(labels, flow, enter, exit, tf, tw) of an owner's non-empty modules (tf, tw None unless recorded)."""
    labels, flow, enter, exit_, count, tf, tw = table
    keep = count > 0
    return (labels[keep], flow[keep], enter[keep], exit_[keep], None if tf is None else tf[keep],
            None if tw is None else tw[keep])


def unit_flow_graph(flow, enter, exit_, tf, tw, source, target, link_flow, directed: bool, recorded: bool):
    """A :class:`~infomap_core.flow.FlowGraph` whose nodes are modules (their flow, enter and exit
    as modules of their own) and whose links are the module links ``source -> target`` (unordered
    pairs, both directions' flow, when undirected): a tree over it has the module flows, enter and
    exit of the tree over the nodes that the modules stand for (:func:`infomap_core.mapequation.module_flows`
    subtracts the links inside a module, and the recorded teleportation inside it)."""
    from .csr import links_to_csr
    from .flow import FlowGraph

    n = flow.shape[0]
    indptr, indices, lf = links_to_csr(source.astype(np.int64), target.astype(np.int64),
                                       link_flow.astype(np.float64), n)
    none = np.zeros(0, dtype=np.int64)
    zeros = np.zeros(n)
    return FlowGraph(node_flow=flow, enter=enter, exit=exit_, tele_flow=zeros if tf is None else tf,
                     tele_weight=zeros if tw is None else tw, link_indptr=indptr, link_target=indices.astype(np.int64),
                     link_flow=lf, pair_indptr=np.zeros(n + 1, dtype=np.int64), pair_indices=none,
                     pair_flow=np.zeros(0), flow_model="directed" if directed else "undirected",
                     recorded=recorded and tf is not None, teleportation_probability=0.0)


def bottom_tree(keys: np.ndarray, numbers: np.ndarray, paths: list, node_plogp: float, directed: bool,
                structure: bool, *parts):
    r"""The exact codelength of the nodes' tree whose bottom modules are the modules of the
    parts (per shard: (its owner table, :func:`module_arcs`)) and whose tree above them is
    ``paths``: module label ``keys[i]`` (sorted) is final module ``numbers[i]`` with the path
    ``paths[numbers[i] - 1]`` (top first). The tree over the modules as units (each a leaf of its
    own bottom module) differs from the nodes' only in the bottom codebooks' ``- sum plogp`` of
    their children: ``L = L_units + sum_m plogp(p_m) - sum_u plogp(p_u)``.

    Returns (codelength, index, module codelength); with ``structure`` also a dict of the
    modules in the order of their numbers (present ones only): ``number``, ``flow``, ``enter``,
    ``exit``, ``tf``, ``tw``, the module links ``source, target, link_flow`` (0-based positions
    in that order) and ``paths``, each module's path with the tree's ranks (children by flow)."""
    from .tree import Tree

    owned = [_owned_modules(p[0]) for p in parts]
    labels = np.concatenate([o[0] for o in owned]).astype(np.int64)
    order = np.argsort(labels, kind="stable")
    labels = labels[order]

    def column(i):
        if owned[0][i] is None:
            return None
        return np.concatenate([o[i] for o in owned])[order]

    flow, enter, exit_, tf, tw = (column(i) for i in range(1, 6))
    number = numbers[np.searchsorted(keys, labels)]
    by_number = np.argsort(number, kind="stable")  # the units in the order of their numbers
    labels, number = labels[by_number], number[by_number]
    flow, enter, exit_ = flow[by_number], enter[by_number], exit_[by_number]
    if tf is not None:
        tf, tw = tf[by_number], tw[by_number]
    position = np.empty(labels.shape[0], dtype=np.int64)
    sorted_labels = np.sort(labels)
    position[np.searchsorted(sorted_labels, labels)] = np.arange(labels.shape[0])
    a = np.concatenate([p[1][0] for p in parts]).astype(np.int64)
    b = np.concatenate([p[1][1] for p in parts]).astype(np.int64)
    f = np.concatenate([p[1][2] for p in parts])
    a, b, f = _sum_pairs(position[np.searchsorted(sorted_labels, a)], position[np.searchsorted(sorted_labels, b)], f)
    if not directed:  # one row per unordered pair
        a, b = np.minimum(a, b), np.maximum(a, b)
        a, b, f = _sum_pairs(a, b, f)
    fg = unit_flow_graph(flow, enter, exit_, tf, tw, a, b, f, directed, tf is not None)
    tree = Tree.from_paths(fg, [tuple(paths[m - 1]) for m in number.tolist()])
    total, index, module = tree.codelength()
    offset = float(plogp(flow).sum()) - node_plogp
    terms = (total + offset, index, module + offset)
    if not structure:
        return terms
    ranked = [p[:-1] or (1,) for p in tree.paths()]
    return terms, {"number": number, "flow": flow, "enter": enter, "exit": exit_, "tf": tf, "tw": tw,
                   "source": a, "target": b, "link_flow": f, "paths": ranked}


def _csr(u_idx: np.ndarray, v_idx: np.ndarray, w: np.ndarray, n: int):
    """CSR with int32 neighbour indices (the layout, and so the compiled kernels, of the engine)."""
    from .csr import links_to_csr

    indptr, indices, weights = links_to_csr(u_idx.astype(np.int64, copy=False), v_idx.astype(np.int64, copy=False),
                                            w.astype(np.float64, copy=False), n)
    if indices.size and indices.max() < INT32_MAX:
        indices = indices.astype(np.int32)
    return indptr, indices, weights


def _index(labels: np.ndarray, others: np.ndarray):
    """Ghosts (sorted neighbour ids not in ``labels``) and the index of every id of ``others``."""
    pos = np.searchsorted(labels, others)
    own = (pos < labels.shape[0]) & (labels[np.minimum(pos, labels.shape[0] - 1)] == others) \
        if labels.shape[0] else np.zeros(others.shape[0], dtype=bool)
    ghosts = np.unique(others[~own])
    idx = np.where(own, pos, labels.shape[0] + np.searchsorted(ghosts, others))
    return ghosts, idx


def module_shard(table, *pieces) -> Shard:
    """The next level's shard: this owner's non-empty modules, their pairs summed."""
    labels, flow, enter, exit_, count, tf, tw = table
    keep = count > 0
    labels, flow, enter, exit_ = labels[keep], flow[keep], enter[keep], exit_[keep]
    if tf is not None:
        tf, tw = tf[keep], tw[keep]
    u = np.concatenate([p[0] for p in pieces])
    v = np.concatenate([p[1] for p in pieces])
    f = np.concatenate([p[2] for p in pieces])
    ghosts, v_idx = _index(labels, v)
    indptr, indices, pflow = _csr(np.searchsorted(labels, u), v_idx, f, labels.shape[0])
    return Shard(labels, ghosts, indptr, indices, pflow, flow, enter, exit_, tf, tw)


def lookup_requests(mod: np.ndarray, bounds: np.ndarray, parts: int) -> list[np.ndarray]:
    wanted = np.unique(mod)
    return [p[0] for p in _split(_owner(wanted, bounds), parts, wanted)]


def answer_lookup(table: tuple[np.ndarray, np.ndarray], *requests: np.ndarray) -> list[tuple]:
    labels, values = table
    return [(r, values[np.searchsorted(labels, r)]) for r in requests]


def resolve(labels: np.ndarray, mod: np.ndarray, *answers) -> tuple[np.ndarray, np.ndarray]:
    """(labels, final module) of this shard's units, from their modules' final modules."""
    keys = np.concatenate([a[0] for a in answers])
    values = np.concatenate([a[1] for a in answers])
    order = np.argsort(keys)
    keys, values = keys[order], values[order]
    return labels, values[np.searchsorted(keys, mod)]


def _whole_level(shards, merge: bool):
    """(labels, indptr, indices, pflow) of the whole unit network from its shards, whose labels
    follow each other in increasing order (the owner ranges): own indices shifted, ghosts looked
    up, written into one CSR; ``merge`` sums the repeated entries of a row (a directed level 0
    has one entry per arc)."""
    labels = np.concatenate([s.labels for s in shards])
    if labels.shape[0] > 1 and not bool(np.all(labels[1:] > labels[:-1])):
        raise RuntimeError("the shards' units are not in increasing order")
    n = labels.shape[0]
    total = sum(int(s.indices.shape[0]) for s in shards)
    indptr = np.zeros(n + 1, dtype=np.int64)
    indices = np.empty(total, dtype=np.int32 if n < INT32_MAX else np.int64)
    pflow = np.empty(total)
    row = entry = 0
    for s in shards:
        size = int(s.indices.shape[0])
        indptr[row + 1:row + s.n + 1] = s.indptr[1:] + entry
        ghost_at = np.searchsorted(labels, s.ghosts)
        local, out = s.indices, indices[entry:entry + size]
        own = local < s.n
        out[own] = local[own] + row
        out[~own] = ghost_at[local[~own] - s.n]
        pflow[entry:entry + size] = s.pflow
        row, entry = row + s.n, entry + size
    if merge:
        indptr, indices, pflow = _csr(np.repeat(np.arange(n), np.diff(indptr)), indices, pflow, n)
    return labels, indptr, indices, pflow


def finish(settings_dict: dict, seed: int | list, node_plogp: float, recorded: bool, merge: bool, multilevel: bool,
           *shards: Shard):
    """The normal engine on the gathered module network; returns (per-shard tables of
    (labels, final module 1..k), codelength terms, k, the tree path of each final module or
    None for two levels). A table's values are rows (final module, label of the module's first
    unit), the label naming the module in :func:`_fine_tune`."""
    from .optimizer import Level, SearchSettings, optimize_level

    labels, indptr, indices, pflow = _whole_level(shards, merge)
    n = labels.shape[0]

    def gathered(name):
        return np.concatenate([getattr(s, name) for s in shards])

    flow, enter, exit_ = gathered("flow"), gathered("enter"), gathered("exit")
    if recorded:
        tf, tw = gathered("tf"), gathered("tw")
    else:
        tf = tw = np.zeros(n)
    level = Level(indptr, indices.astype(np.int32) if n < INT32_MAX else indices, pflow, flow, enter, exit_,
                  tf, tw, recorded)
    rng = np.random.default_rng(seed)
    one = _terms(level, np.zeros(n, dtype=np.int64), 1, node_plogp)
    if multilevel:
        return _finish_multilevel(level, shards, rng, SearchSettings(**settings_dict), node_plogp, one[0])
    modules, k = optimize_level(level, rng, SearchSettings(**settings_dict))
    terms = _terms(level, modules, k, node_plogp)
    if terms[0] >= one[0] - MIN_GAIN:
        modules, k, terms = np.zeros(n, dtype=np.int64), 1, one
    # 1-based module numbers by decreasing flow (as the engine's trees order them), then by first unit.
    mflow = np.bincount(modules, weights=flow, minlength=k)
    first = np.full(k, n, dtype=np.int64)
    np.minimum.at(first, modules, np.arange(n))
    rank_of = np.empty(k, dtype=np.int64)
    rank_of[np.lexsort((first, -mflow))] = np.arange(k)
    final = rank_of[modules] + 1
    # each module also named by its first unit's label (an id, so it has an owner): the fine-tune's label
    both = np.stack([final, labels[first[modules]].astype(np.int64)], axis=1)
    tables = []
    offset = 0
    for s in shards:
        tables.append((s.labels, both[offset:offset + s.n]))
        offset += s.n
    return tables, terms + (one[0],), int(k), None


def _finish_multilevel(level, shards, rng, settings, node_plogp: float, one_level: float):
    """The engine's multilevel search (:func:`infomap_core.multilevel.optimize_multilevel`) on
    the module network, its units as leaves. A unit's nodes stay together, so the nodes' tree
    differs from the units' only in the leaf codebooks' ``- sum plogp`` of their children:
    its codelength is the units' tree's plus ``sum_units plogp(P_unit) - sum_nodes plogp(p_u)``.
    Each unit's final module is its bottom module (1-based, in the order of the paths), a table
    row (final module, label of the bottom module's first unit) as for two levels; the last
    element returned is the tree path of each final module."""
    from .flow import FlowGraph
    from .multilevel import optimize_multilevel

    n = level.n
    rows = np.repeat(np.arange(n), np.diff(level.indptr))
    upper = level.indices > rows  # each pair once: the links inside a module are counted once
    link_indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows[upper], minlength=n), out=link_indptr[1:])
    fg = FlowGraph(node_flow=level.flow, enter=level.enter, exit=level.exit, tele_flow=level.tf, tele_weight=level.tw,
                   link_indptr=link_indptr, link_target=level.indices[upper].astype(np.int64),
                   link_flow=level.pflow[upper], pair_indptr=level.indptr, pair_indices=level.indices,
                   pair_flow=level.pflow, flow_model="directed" if not np.array_equal(level.enter, level.exit)
                   else "undirected", recorded=level.recorded, teleportation_probability=0.0)
    tree = optimize_multilevel(fg, rng, settings)
    total, index, module = tree.codelength()
    offset = float(plogp(level.flow).sum()) - node_plogp
    bottoms = [p[:-1] or (1,) for p in tree.paths()]
    distinct = sorted(set(bottoms))
    number = {path: i + 1 for i, path in enumerate(distinct)}
    final = np.array([number[p] for p in bottoms], dtype=np.int64)
    # each bottom module also named by its first unit's label (an id): the fine-tune's label
    first = np.full(len(distinct), n, dtype=np.int64)
    np.minimum.at(first, final - 1, np.arange(n))
    labels = np.concatenate([s.labels for s in shards]).astype(np.int64)
    both = np.stack([final, labels[first[final - 1]]], axis=1)
    tables, start = [], 0
    for s in shards:
        tables.append((s.labels, both[start:start + s.n]))
        start += s.n
    return tables, (total + offset, index, module + offset, one_level), len(distinct), distinct


def _terms(level, modules, k, node_plogp):
    """(codelength, index, module codelength) of a partition of the module network: the
    two-level map equation of the nodes' partition it stands for."""
    from .parallel import module_sums

    mflow, menter, mexit, _, _ = module_sums(level.indptr, level.indices, level.pflow, level.flow, level.enter,
                                             level.exit, level.tf, level.tw, modules, k, level.recorded)
    menter, mexit = np.maximum(menter, 0.0), np.maximum(mexit, 0.0)
    index = float(plogp(menter.sum()) - plogp(menter).sum())
    module = float(plogp(mexit + mflow).sum() - plogp(mexit).sum() - node_plogp)
    return index + module, index, module


# ===================================================================== client side

class _Run:
    """The driver: submits tasks and keeps futures; only small numbers come back to it."""

    def __init__(self, client, parts: int, threads: int):
        self.client = client
        self.parts = parts
        self.workers = sorted(client.nthreads())
        self.threads = threads
        self.exchanged = 0
        self.bounds: np.ndarray | None = None  # the owner ranges, once cut
        self.ids: Ids | None = None
        self.measure_bytes = False

    def on(self, shard: int, fn, *args, **kwargs):
        worker = self.workers[shard % len(self.workers)]
        return self.client.submit(fn, *args, workers=[worker], allow_other_workers=True, pure=False, **kwargs)

    def item(self, futures: list, index: int) -> list:
        """``futures[s][index]`` for every shard, computed where ``futures[s]`` is."""
        return [self.on(s, operator.getitem, f, index) for s, f in enumerate(futures)]

    def pieces(self, futures: list) -> list[list]:
        """``pieces[r][s]``: the part of ``futures[s]`` (a list of P) meant for shard r, as a future
        held where it was made."""
        out = [[None] * self.parts for _ in range(self.parts)]
        for s, fut in enumerate(futures):
            for r in range(self.parts):
                out[r][s] = self.on(s, operator.getitem, fut, r)
        return out

    def measure(self, pieces: list[list]) -> None:
        """Add the bytes of the pieces that cross shards to the exchange counter."""
        sizes = [self.on(s, _nbytes, pieces[r][s]) for r in range(self.parts) for s in range(self.parts) if r != s]
        self.exchanged += int(sum(self.client.gather(sizes)))


#: Options the distributed mode does not run, each refused naming itself: the variants of the map
#: equation, the flow options of other network kinds, and the options of a partial or quicker search.
UNSUPPORTED = ("entropy_corrected", "preferred_number_of_modules", "regularized", "variable_markov_time",
               "use_node_weights_as_flow", "skip_adjust_bipartite_flow", "bipartite_teleportation", "node_limit",
               "fast_hierarchical_solution", "converge", "meta_data_unweighted",
               "preferred_number_of_levels")


def check_options(options) -> None:
    """Refuse the :class:`~infomap_core.infomap.InfomapOptions` the distributed mode cannot honour,
    naming the option (no option is ignored). Run: the undirected and directed flow models
    (teleportation probability, recorded, to nodes), ``markov_time``, ``num_trials`` (trials of
    the finish), ``two_level``, ``seed``."""
    if options.flow_model not in (None, "undirected", "directed"):
        raise OptionError("the distributed mode supports the undirected and directed flow models", field="flow_model")
    for name in UNSUPPORTED:
        if getattr(options, name, False):
            raise OptionError(f"the distributed mode does not run {name}", field=name)
    if options.meta_data_rate != InfomapOptions.meta_data_rate:
        raise OptionError("the distributed mode reads no meta data: meta_data_rate has no use", field="meta_data_rate")


def _directed_flow(run: _Run, raws: list, pos: list, spec: FlowSpec, sums: list, max_iterations: int,
                   min_iterations: int, tolerance: float, window: int = 3, report=None):
    """PageRank over the shards; returns (level-0 shard futures, flow info). ``report(phase)``
    is called every 10 iterations."""
    client, parts = run.client, run.parts
    total_w = float(sum(s[0] for s in sums))
    strength_norm = 2.0 * total_w - float(sum(s[1] for s in sums))
    num_nodes = int(sum(s[2] for s in sums))
    setup = [run.on(r, pagerank_setup, raws[r], spec, total_w, strength_norm, num_nodes, pos[r]) for r in range(parts)]
    prs, tmp = run.item(setup, 0), run.item(setup, 1)
    dangling0 = float(sum(client.gather(run.item(setup, 2))))
    back = run.pieces(run.item(setup, 3))
    del setup
    tau = spec.teleportation_probability
    state = PageRankState(tau, 1.0 - tau, dangling0, 1.0, 0.0, 0, 0.0)
    pending: deque = deque()
    final = None
    iteration = 0
    while final is None:
        if iteration < max_iterations:
            if report is not None and iteration % 10 == 0 and iteration:
                report(f"flow: PageRank iteration {iteration}")
            step = [run.on(s, pagerank_step, prs[s], tmp[s], state, pos[s], *back[s]) for s in range(parts)]
            tmp, partial = run.item(step, 0), run.item(step, 1)
            back = run.pieces(run.item(step, 2))
            del step
            state = run.on(0, pagerank_reduce, state, *partial)
            iteration += 1
            pending.append((iteration, state, tmp, back))
        if len(pending) > window or iteration >= max_iterations:
            i, state_i, tmp_i, back_i = pending.popleft()
            got = client.gather(state_i)
            if not (i < max_iterations and (got.err > tolerance or i < min_iterations)):
                final = (got, state_i, tmp_i, back_i)
    got, state_f, tmp_f, back_f = final
    del pending, tmp, back, state
    shards = [run.on(s, directed_shard, prs[s], tmp_f[s], state_f, spec.recorded, spec.markov_time, *back_f[s])
              for s in range(parts)]
    if spec.recorded:
        sum_dangling = float(sum(client.gather([run.on(s, dangling_flow, sh) for s, sh in enumerate(shards)])))
        shards = [run.on(s, recorded_terms, sh, tau, sum_dangling) for s, sh in enumerate(shards)]
    ghosts = int(sum(s[3] for s in sums))
    info = {"pagerank_iterations": int(got.iteration), "pagerank_error": float(got.err),
            "bytes_exchanged": 8 * ghosts * (int(got.iteration) + 2)}
    return shards, info


def search_seed(options: InfomapOptions | None, seed: int | None = None) -> int:
    """The seed of a distributed search: ``seed`` if given, else the options' (the engine's default
    seed without options).

    >>> search_seed(None), search_seed(InfomapOptions(seed=7)), search_seed(InfomapOptions(seed=7), 3)
    (123, 7, 3)
    """
    return int((options or InfomapOptions()).seed if seed is None else seed)


def run_distributed(path: str | os.PathLike, client, *, options: InfomapOptions | None = None,
                    seed: int | None = None, settings: DistributedSettings | None = None,
                    search=None, measure_bytes: bool = False,
                    probe: Callable[[str, list], None] | None = None,
                    progress: Callable[[int, str], None] | None = None) -> DistributedResult:
    """The partition (two-level; multilevel without ``two_level``) of the network in link-list file
    ``path`` on the workers of ``client``.

    ``path`` must be readable by every worker (shared storage). ``options`` (default:
    two-level, undirected) give the flow model (:func:`check_options` says which are
    supported) and the seed (``seed`` overrides it). ``search`` are the
    :class:`~infomap_core.optimizer.SearchSettings` of the final in-worker search.
    ``measure_bytes`` adds the bytes exchanged between shards to ``levels`` (it costs
    extra small tasks). ``probe(stage, futures)``, if given, is called after each stage is
    submitted with its futures (benchmarks wait for them and read the workers' memory; the
    run is the same). ``progress(step, phase)``, if given, is called before each stage and
    each round (``step`` counts them from 1, ``phase`` names them: ``"read"``, ``"flow"``,
    ``"level 0: round 3"``, ``"finish"``, ``"fine-tune 1: round 2"``, ``"module links"``); an
    exception it raises stops the run (the futures are released, so Dask drops the pending
    tasks): the service cancels jobs this way. See the module docstring for the design.

    Examples
    --------
    >>> from distributed import Client, LocalCluster                      # doctest: +SKIP
    >>> with LocalCluster(n_workers=4) as cluster, Client(cluster) as c:  # doctest: +SKIP
    ...     result = run_distributed("network.txt", c, seed=1)
    """
    from .optimizer import SearchSettings

    start = time.perf_counter()
    options = options or InfomapOptions(two_level=True)
    check_options(options)
    spec = FlowSpec.of(options)
    seed = search_seed(options, seed)
    settings = settings or DistributedSettings()
    search = search or SearchSettings()
    path = os.fspath(path)
    if not os.path.exists(path):
        raise OptionError(f"no such file: {path}", field="network")
    # asked of the scheduler now (the client's scheduler_info is a periodically refreshed copy)
    workers = len(client.nthreads())
    if workers == 0:
        raise OptionError("the Dask cluster has no workers", field="dask_address")
    parts = settings.shards or workers
    run = _Run(client, parts, threads=1)
    step = 0

    def report(phase: str) -> None:
        nonlocal step
        step += 1
        if progress is not None:
            progress(step, phase)

    report("read")

    # 1. survey, then read and split by owner
    ranges = byte_ranges(path, parts)
    surveys = client.gather([run.on(s, survey_range, path, a, b, settings.sample_per_chunk, settings.block_bytes)
                             for s, (a, b) in enumerate(ranges)])
    num_links = int(sum(s.links for s in surveys))
    if num_links == 0:
        raise ParseError("the network has no links (no 'source target [weight]' line)", field="network")
    lowest = min(s.lowest for s in surveys if s.links)
    highest = max(s.highest for s in surveys if s.links)
    ids = Ids(lowest, highest - lowest < INT32_MAX)
    unit = all(s.unit_weights for s in surveys)
    sample = np.sort(ids.encode(np.concatenate([s.sample for s in surveys])))
    bounds = np.unique(sample[(np.arange(1, parts) * sample.shape[0]) // parts]) if parts > 1 \
        else np.zeros(0, ids.dtype)
    del surveys, sample
    if bounds.shape[0] + 1 != parts:  # fewer distinct ids than shards
        parts = run.parts = bounds.shape[0] + 1
        ranges = byte_ranges(path, parts)
    # Each stage's futures are dropped as soon as the next stage is submitted: Dask frees a
    # piece once the tasks that read it are done, so at most two stages are alive at once.
    split = [run.on(s, read_split, path, a, b, bounds, parts, spec.directed, ids, unit, settings.block_bytes)
             for s, (a, b) in enumerate(ranges)]
    if probe:
        probe("read and split", split)
    pieces = run.pieces(split)
    del split
    raws = [run.on(r, raw_shard, spec.directed, *pieces[r]) for r in range(parts)]
    del pieces
    if probe:
        probe("CSR", raws)
    sums = client.gather([run.on(r, raw_sums, raw) for r, raw in enumerate(raws)])
    requests = [run.on(r, ghost_requests, raw, bounds, parts) for r, raw in enumerate(raws)]
    req_pieces = run.pieces(requests)
    pos = [run.on(r, positions, raws[r], *req_pieces[r]) for r in range(parts)]
    del requests, req_pieces

    # 2. flow
    report("flow")
    flow_info: dict = {}
    if spec.directed:
        shards, flow_info = _directed_flow(run, raws, pos, spec, sums, _flow_default("max_iterations"),
                                           _flow_default("min_iterations"), _flow_default("tolerance"),
                                           report=report)
    else:
        total = float(sum(s[0] for s in sums))
        shards = [run.on(r, node_shard, raw, total, spec.markov_time) for r, raw in enumerate(raws)]
    del raws
    if probe:
        probe("flow", shards)
    terms = client.gather([run.on(r, node_terms, s) for r, s in enumerate(shards)])
    node_flows = [run.on(r, _node_flow, s) for r, s in enumerate(shards)]  # 8 bytes a node, to the end
    node_plogp = float(sum(t[0] for t in terms))
    units = int(sum(t[1] for t in terms))

    run.bounds, run.ids, run.measure_bytes = bounds, ids, measure_bytes
    levels: list[dict] = []
    history: list[tuple[list, list]] = []  # per level: (shards, final mod) futures
    level_no = 0
    node_level = True  # the shards hold the nodes (level 0), not modules
    tune = settings.fine_tune_rounds > 0 and settings.fine_tune_cycles > 0
    # level 0, kept for the fine-tune and the module links
    level0 = (shards, pos) if (tune or settings.module_links) else None
    base = level0 if tune else None
    # A network that fits the finishing worker already is searched there at once: the rounds
    # only serve to shrink a network that does not (their moves are undone node by node only by
    # the fine-tune after the finish).
    while units > settings.finish_units:
        level_start, exchanged0 = time.perf_counter(), run.exchanged
        mods = [run.on(r, _labels, sh) for r, sh in enumerate(shards)]
        if level_no > 0:  # level 0 reuses the positions of the flow's ghost exchange
            requests = [run.on(r, ghost_requests, sh, bounds, parts) for r, sh in enumerate(shards)]
            req_pieces = run.pieces(requests)
            pos = [run.on(r, positions, shards[r], *req_pieces[r]) for r in range(parts)]
            del requests, req_pieces
        rounds = moves = 0
        for round_ in range(settings.max_rounds):
            report(f"level {level_no}: round {round_ + 1}")
            ghost_mod, tables = _module_round(run, shards, pos, mods)
            sums = [run.on(r, table_sums, t) for r, t in enumerate(tables)]
            applied, mods = _move_round(run, shards, mods, ghost_mod, tables, sums, seed + 7919 * level_no, round_)
            rounds += 1
            moves += applied
            if applied < settings.min_fraction * units:
                break
        ghost_mod, tables = _module_round(run, shards, pos, mods)
        sums = client.gather([run.on(r, table_sums, t) for r, t in enumerate(tables)])
        modules = int(sum(t[4] for t in sums))
        levels.append({"level": level_no, "units": units, "rounds": rounds, "moves": int(moves),
                       "modules": modules, "seconds": round(time.perf_counter() - level_start, 3),
                       **({"bytes_exchanged": run.exchanged - exchanged0} if measure_bytes else {})})
        history.append(([run.on(r, _labels, sh) for r, sh in enumerate(shards)], mods))  # not the pairs
        level_no += 1
        shrunk = modules <= units * (1.0 - settings.min_shrink)
        if not shrunk:
            history.pop()  # this level's moves did not pay: finish on its units
            break
        report(f"level {level_no - 1}: contraction")
        shards = _contract(run, shards, mods, ghost_mod, tables)
        node_level = False
        if probe:
            probe(f"level {level_no - 1}: rounds and contraction", shards)
        units = modules
        if units <= settings.finish_units or level_no >= settings.max_levels:
            break
    if not history:
        base = None  # the finish searches the nodes themselves: nothing to fine-tune

    # 3. finish on one worker (the best of num_trials), then map the modules back down the levels
    fields = {f: getattr(search, f) for f in search.__dataclass_fields__}
    report("finish")
    finished = _finish(run, fields, seed, options.num_trials, node_plogp, spec.recorded, spec.directed and node_level,
                       not options.two_level, shards)
    tables, (codelength, index, module, one_level), paths, trial_codelengths = finished
    del shards
    tables = _map_down(run, tables, history)
    tuning: list[dict] = []
    if base is not None:
        tables, (codelength, index, module), paths = _fine_tune(
            run, base, tables, (codelength, index, module), fields, seed, options.num_trials, node_plogp, spec, settings,
            report, tuning, paths)
    del base
    links = None
    if settings.module_links and level0 is not None:
        report("module links")
        links_start = time.perf_counter()
        tables, paths, links = _module_network(run, level0, tables, paths, node_plogp, spec.directed)
        links["seconds"] = round(time.perf_counter() - links_start, 3)
    del level0
    if probe:
        probe("finish", tables)
    final = client.gather(tables)
    flows = client.gather(node_flows)
    node_ids = ids.decode(np.concatenate([t[0] for t in final]))
    modules = np.concatenate([t[1][:, 0] if t[1].ndim == 2 else t[1] for t in final])
    node_flow = np.concatenate([f[1][np.searchsorted(f[0], t[0])] for f, t in zip(flows, final)])
    if paths is not None and links is None:  # bottom modules the fine-tune emptied: numbers 1..k again
        present, modules = np.unique(modules, return_inverse=True)
        modules, paths = modules + 1, [paths[m - 1] for m in present.tolist()]
    order = np.argsort(node_ids)
    return DistributedResult(node_ids=node_ids[order], modules=modules[order].astype(np.int64),
                             codelength=float(codelength), index_codelength=float(index),
                             module_codelength=float(module), one_level_codelength=float(one_level),
                             num_links=num_links, seed=seed, elapsed=time.perf_counter() - start, levels=levels,
                             flow_model=spec.flow_model, flow=flow_info, module_paths=paths,
                             trial_codelengths=trial_codelengths, fine_tune=tuning,
                             markov_time=float(options.markov_time), node_flow=node_flow[order],
                             module_network=links)


# --- the driver's steps (each submits tasks; only small numbers come back)

def _module_round(run: _Run, shards: list, pos: list, current: list) -> tuple[list, list]:
    """The ghosts' modules and the owners' module tables of the partition ``current``."""
    parts = run.parts
    served = [run.on(r, serve, current[r], pos[r]) for r in range(parts)]
    back = run.pieces(served)  # back[s][r]: ghost modules of s that r owns
    if run.measure_bytes:
        run.measure(back)
    partial = [run.on(s, module_partials, shards[s], current[s], run.bounds, parts, *back[s]) for s in range(parts)]
    ghost_mod = run.item(partial, 1)
    sums = run.pieces(run.item(partial, 0))
    if run.measure_bytes:
        run.measure(sums)
    tables = [run.on(r, reduce_modules, *sums[r]) for r in range(parts)]
    return ghost_mod, tables


def _move_round(run: _Run, shards: list, mods: list, ghost_mod: list, tables: list, sums: list, seed: int,
                round_: int) -> tuple[int, list]:
    """One synchronous round of moves against ``tables``: (moves applied, new module futures)."""
    parts = run.parts
    wanted = run.pieces([run.on(s, module_requests, mods[s], ghost_mod[s], run.bounds, parts) for s in range(parts)])
    answers = run.pieces([run.on(r, answer_modules, tables[r], *wanted[r]) for r in range(parts)])
    if run.measure_bytes:
        run.measure(wanted)
        run.measure(answers)
    moved = [run.on(s, move, shards[s], mods[s], ghost_mod[s], sums, seed, round_, run.threads, run.ids,
                    *answers[s]) for s in range(parts)]
    applied = int(sum(run.client.gather(run.item(moved, 1))))
    return applied, run.item(moved, 0)


def _contract(run: _Run, shards: list, mods: list, ghost_mod: list, tables: list) -> list:
    """The next level's shards: the module network of ``mods``, each module at its owner."""
    parts = run.parts
    pairs = run.pieces([run.on(s, contract_pairs, shards[s], mods[s], ghost_mod[s], run.bounds, parts)
                        for s in range(parts)])
    if run.measure_bytes:
        run.measure(pairs)
    return [run.on(r, module_shard, tables[r], *pairs[r]) for r in range(parts)]


def _trial_seed(seed: int, trial: int):
    """The finish's seed of trial ``trial`` (the first: ``seed`` itself, as with one trial)."""
    return seed if trial == 0 else [seed, trial]


def _finish(run: _Run, fields: dict, seed: int, trials: int, node_plogp: float, recorded: bool, merge: bool,
            multilevel: bool, shards: list):
    """``trials`` runs of :func:`finish` on the gathered module network, on different workers;
    the best (shortest, first on ties): (its per-shard tables, codelength terms, paths, every
    trial's codelength)."""
    done = [run.on(j, finish, fields, _trial_seed(seed, j), node_plogp, recorded, merge, multilevel, *shards)
            for j in range(trials)]
    got = run.client.gather([run.on(j, lambda d: (d[1], d[3]), d) for j, d in enumerate(done)])
    lengths = [float(terms[0]) for terms, _ in got]
    best = int(np.argmin(lengths))
    tables = [run.on(best, lambda d, r: d[0][r], done[best], r) for r in range(run.parts)]
    return tables, got[best][0], got[best][1], lengths


def _map_down(run: _Run, tables: list, history: list) -> list:
    """The units' final modules ``tables`` (per top-level shard) mapped down the levels of
    ``history`` to the level-0 units."""
    parts = run.parts
    for level_labels, level_mods in reversed(history):
        req = run.pieces([run.on(s, lookup_requests, level_mods[s], run.bounds, parts) for s in range(parts)])
        ans = run.pieces([run.on(r, answer_lookup, tables[r], *req[r]) for r in range(parts)])
        tables = [run.on(s, resolve, level_labels[s], level_mods[s], *ans[s]) for s in range(parts)]
    return tables


def _split_terms(sums: list, node_plogp: float) -> tuple[float, float, float]:
    """(codelength, index, module codelength) of a partition from its owners' :func:`table_sums`:
    ``plogp(q) - sum plogp(q_m)`` and ``sum plogp(x_m + p_m) - sum plogp(x_m) - sum plogp(p_u)``."""
    q = sum(t[0] for t in sums)
    index = float(plogp(q)) - sum(t[1] for t in sums)
    module = sum(t[3] for t in sums) - sum(t[2] for t in sums) - node_plogp
    return index + module, index, module


def _final_labels(run: _Run, tables: list) -> tuple[np.ndarray, np.ndarray]:
    """(module labels sorted, their final numbers) of per-shard tables of rows (final module,
    label): one pair per module and shard comes back."""
    got = run.client.gather([run.on(s, _label_pairs, t) for s, t in enumerate(tables)])
    pairs = np.unique(np.concatenate(got), axis=0)
    return pairs[:, 0].copy(), pairs[:, 1].copy()


def _label_pairs(table) -> np.ndarray:
    """The distinct rows (label, final module) of a table of rows (final module, label)."""
    return np.unique(table[1][:, ::-1].astype(np.int64), axis=0)


class _TreeScore:
    """The exact multilevel codelength of level-0 partitions (bottom modules named by labels)
    under a fixed tree above the bottom modules (:func:`bottom_tree`, one task on one worker
    after a module-link task per shard)."""

    def __init__(self, run: _Run, shards: list, keys: np.ndarray, numbers: np.ndarray, paths: list,
                 node_plogp: float, directed: bool):
        self.run, self.shards, self.node_plogp, self.directed = run, shards, node_plogp, directed
        self.keys, self.numbers, self.paths = keys, numbers, [tuple(p) for p in paths]

    def futures(self, mods: list, ghost_mod: list, mtables: list, structure: bool = False):
        run = self.run
        arcs = [run.on(s, module_arcs, self.shards[s], mods[s], ghost_mod[s], self.directed) for s in range(run.parts)]
        parts = [run.on(s, lambda t, a: (t, a), mtables[s], arcs[s]) for s in range(run.parts)]
        return run.on(0, bottom_tree, self.keys, self.numbers, self.paths, self.node_plogp, self.directed,
                      structure, *parts)

    def __call__(self, mods: list, ghost_mod: list, mtables: list) -> tuple[float, float, float]:
        return tuple(self.run.client.gather(self.futures(mods, ghost_mod, mtables)))


def _fine_tune(run: _Run, base: tuple, tables: list, terms: tuple, fields: dict, seed: int, trials: int,
               node_plogp: float, spec: FlowSpec, settings: DistributedSettings, report, info: list,
               paths: list | None = None):
    r"""Single-node moves after the finish, on the level-0 shards ``base`` (shards, ghost positions).

    The finish only moves whole units of the last level, so a node the synchronous rounds put
    in the wrong module stays there. A cycle: rounds of synchronous moves of every node
    against the final module statistics (the rounds' kernel, :func:`move`), each round's
    partition scored exactly, the best kept; the rounds stop at the first that does not
    shorten the code (or after ``fine_tune_rounds``). If the cycle gained, the module network
    of the tuned partition is searched again by the finish (:func:`_finish`, ``trials``
    trials) and its result kept if shorter; a cycle that gained is followed by another (at
    most ``fine_tune_cycles``). Never longer than the finish's partition.

    Two levels (``paths`` None): the modules are the partition, scored from the reduced module
    sums (:func:`_split_terms`). Multilevel (``paths``: the tree path of each final module, a
    table's final module being the bottom module): the nodes move between the bottom modules
    by the same two-level gain (the index rate ``q`` the sum of the bottom modules' enter
    flows), the tree above the bottom modules kept, and each round's partition is scored by
    the exact multilevel map equation of that tree (:func:`bottom_tree`: a move changes the
    bottom modules' terms and the enter and exit flows of their ancestors); the finish again is
    the multilevel one, on the tuned bottom modules.

    Returns (per-shard tables of rows (final module, label), (codelength, index, module
    codelength), the paths of the final modules or None); ``info`` gets one dict per cycle.
    """
    client, parts = run.client, run.parts
    shards, pos = base
    multilevel = paths is not None
    best_tables, best_terms, best_paths = tables, tuple(terms[:3]), paths
    mods = [run.on(s, _named, t, run.ids.dtype) for s, t in enumerate(tables)]

    def scorer(tables_, paths_):
        if not multilevel:
            return (lambda _mods, _ghost, _mtables, sums: _split_terms(sums, node_plogp)), None
        keys, numbers = _final_labels(run, tables_)
        tree = _TreeScore(run, shards, keys, numbers, paths_, node_plogp, spec.directed)
        return (lambda m, g, t, _sums: tree(m, g, t)), (keys, numbers)

    score, named = scorer(tables, paths)
    for cycle in range(settings.fine_tune_cycles):
        cycle_start = time.perf_counter()
        ghost_mod, mtables = _module_round(run, shards, pos, mods)
        sums = client.gather([run.on(r, table_sums, t) for r, t in enumerate(mtables)])
        start_terms = score(mods, ghost_mod, mtables, sums)
        current = (start_terms, mods, ghost_mod, mtables, sums)
        rounds = moved_total = 0
        for round_ in range(settings.fine_tune_rounds):
            report(f"fine-tune {cycle + 1}: round {round_ + 1}")
            applied, new = _move_round(run, shards, current[1], current[2], current[3], current[4],
                                       seed + 7919 * (1000 + cycle), round_)
            rounds += 1
            if applied == 0:
                break
            ghost_new, mtables_new = _module_round(run, shards, pos, new)
            sums_new = client.gather([run.on(r, table_sums, t) for r, t in enumerate(mtables_new)])
            new_terms = score(new, ghost_new, mtables_new, sums_new)
            if new_terms[0] >= current[0][0] - MIN_GAIN:
                break  # the synchronous moves of this round did not pay: keep the previous partition
            current = (new_terms, new, ghost_new, mtables_new, sums_new)
            moved_total += applied
        tuned_terms, mods, ghost_mod, mtables, _ = current
        entry = {"cycle": cycle, "rounds": rounds, "moves": int(moved_total), "codelength_before": start_terms[0],
                 "codelength_tuned": tuned_terms[0]}
        info.append(entry)
        if tuned_terms[0] >= best_terms[0] - MIN_GAIN:
            entry["seconds"] = round(time.perf_counter() - cycle_start, 3)
            break
        best_terms = tuned_terms
        if multilevel:  # the bottom modules keep their numbers and labels (those emptied are gone)
            best_tables = [run.on(s, _relabel_rows, sh, mods[s], *named) for s, sh in enumerate(shards)]
        else:
            best_tables = _numbered(run, shards, mods, mtables)
        # the finish again, on the module network of the tuned partition
        report(f"fine-tune {cycle + 1}: finish")
        module_shards = _contract(run, shards, mods, ghost_mod, mtables)
        ftables, fterms, fpaths, _ = _finish(run, fields, seed, trials, node_plogp, spec.recorded, False, multilevel,
                                             module_shards)
        entry["codelength_refinished"] = float(fterms[0])
        entry["seconds"] = round(time.perf_counter() - cycle_start, 3)
        if fterms[0] >= best_terms[0] - MIN_GAIN:
            continue  # the tuned partition stays; its nodes may move again in the next cycle
        best_terms, best_paths = tuple(fterms[:3]), fpaths
        best_tables = _map_down(run, ftables, [([run.on(s, _labels, sh) for s, sh in enumerate(shards)], mods)])
        mods = [run.on(s, _named, t, run.ids.dtype) for s, t in enumerate(best_tables)]
        if multilevel:
            score, named = scorer(best_tables, best_paths)
    return best_tables, best_terms[:3], best_paths


def _relabel_rows(shard: Shard, mod: np.ndarray, keys: np.ndarray, numbers: np.ndarray):
    """(labels, rows (final module, label)) of the shard's units in the modules labelled ``mod``:
    module label ``keys[i]`` (sorted) keeps its final module ``numbers[i]``."""
    m = mod.astype(np.int64)
    return shard.labels, np.stack([numbers[np.searchsorted(keys, m)], m], axis=1)


def _module_network(run: _Run, level0: tuple, tables: list, paths: list | None, node_plogp: float,
                    directed: bool):
    """The final modules' flows and links, reduced from the level-0 shards (the node links never
    leave their shards): per shard its module links (:func:`module_arcs`), per owner its module
    sums, then one task (:func:`bottom_tree`) puts them together with the tree. Returns the
    tables and paths renumbered as that tree ranks the modules (multilevel: modules emptied by
    the fine-tune dropped, paths by flow; two levels: unchanged) and the dict of
    :func:`bottom_tree` (modules in the order of their numbers, the links between them, and
    ``codelength``: the tree's, to check the run's)."""
    shards, pos = level0
    keys, numbers = _final_labels(run, tables)
    tree_paths = [(int(k),) for k in range(1, int(numbers.max()) + 1)] if paths is None else paths
    mods = [run.on(s, _named, t, run.ids.dtype) for s, t in enumerate(tables)]
    ghost_mod, mtables = _module_round(run, shards, pos, mods)
    score = _TreeScore(run, shards, keys, numbers, tree_paths, node_plogp, directed)
    terms, links = run.client.gather(score.futures(mods, ghost_mod, mtables, structure=True))
    links = {**links, "codelength": float(terms[0])}
    if paths is None:
        links.pop("paths")
        return tables, None, links
    # the bottom modules numbered again in the order of their new paths (as the finish numbers them)
    new_paths = sorted(set(links["paths"]))
    renumber = np.zeros(int(numbers.max()) + 1, dtype=np.int64)
    at = {p: i + 1 for i, p in enumerate(new_paths)}
    renumber[links["number"]] = [at[p] for p in links["paths"]]
    order = np.argsort(renumber[links["number"]], kind="stable")
    position = np.empty_like(order)
    position[order] = np.arange(order.shape[0])
    for name in ("number", "flow", "enter", "exit", "tf", "tw"):
        if links[name] is not None:
            links[name] = links[name][order]
    links["number"] = renumber[links["number"]]
    links["source"], links["target"] = position[links["source"]], position[links["target"]]
    links.pop("paths")
    tables = [run.on(s, _renumber_rows, t, renumber) for s, t in enumerate(tables)]
    return tables, new_paths, links


def _renumber_rows(table, renumber: np.ndarray):
    labels, rows = table
    return labels, np.stack([renumber[rows[:, 0]], rows[:, 1]], axis=1)


def _named(table, dtype) -> np.ndarray:
    """The module label (an id) of each unit of a final table of rows (final module, label)."""
    return table[1][:, 1].astype(dtype)


def _numbered(run: _Run, shards: list, mods: list, mtables: list) -> list:
    """Per shard (labels, rows (final module, label)) of the partition ``mods``: modules numbered
    1.. by decreasing flow, then by label (each owner sends its modules' labels and flows: one
    number pair per module)."""
    got = run.client.gather([run.on(r, _module_flows, t) for r, t in enumerate(mtables)])
    labels = np.concatenate([g[0] for g in got])
    flow = np.concatenate([g[1] for g in got])
    order = np.lexsort((labels, -flow))
    number = np.empty(labels.shape[0], dtype=np.int64)
    number[order] = np.arange(1, labels.shape[0] + 1)
    by_label = np.argsort(labels)
    keys, values = labels[by_label], number[by_label]
    return [run.on(s, _number_rows, mods[s], keys, values, shards[s]) for s in range(run.parts)]


def _module_flows(table) -> tuple[np.ndarray, np.ndarray]:
    labels, flow, _, _, count, *_ = table
    keep = count > 0
    return labels[keep].astype(np.int64), flow[keep]


def _number_rows(mod: np.ndarray, keys: np.ndarray, values: np.ndarray, shard: Shard):
    """(labels, rows (final module, label)) of the shard's units from their module labels ``mod``."""
    m = mod.astype(np.int64)
    return shard.labels, np.stack([values[np.searchsorted(keys, m)], m], axis=1)
