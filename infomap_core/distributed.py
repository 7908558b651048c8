r"""One network across Dask workers: synchronous local moving over node-range shards.

The network never sits in one process. With ``P`` shards (one per worker):

1. **Read.** Each worker reads a byte range of the link-list file (integer node ids, on
   storage every worker sees) with the usual scanner, and splits its links by the
   *owner* of each end: node ids are cut into ``P`` ranges at quantiles of a sample of
   ids, and the arcs ``u -> v`` and ``v -> u`` of every undirected link go to the owners
   of ``u`` and ``v``.
2. **Shards.** The owner builds a CSR of its nodes' neighbours (its own nodes first, then
   the *ghosts*, the neighbours owned elsewhere). With the total strength ``S`` (a sum
   over shards) a node's flow is ``p_u = s_u / S``, a pair of nodes carries ``2 w / S``
   and ``enter_u = exit_u`` (the undirected flow model of :mod:`.flow`).
3. **Rounds** (:func:`infomap_core.parallel._propose`, as in the in-process parallel
   kernel): every unit picks its best module against the module statistics of the
   previous round; a random half of the improving moves (by seed, round and node id) is
   applied. A round exchanges three things, each only between the shards concerned:
   the ghosts' modules (from their owners), each shard's partial module sums
   ``(flow, exit, members)`` (to the module's owner, which adds them: a module is named
   by one of its nodes' ids, so it has an owner), and the sums of the modules a shard's
   units may join (back from the owners), with the index-codebook rate ``q = sum exit``.
4. **Contraction.** Each shard maps its pairs to module pairs and sends them to the owner
   of the source module; the owner's modules are the next level's units. Rounds and
   contractions repeat until the module network has at most ``finish_units`` units (or
   stops shrinking).
5. **Finish.** One task on one worker gathers that module network (small by now) and runs
   the normal engine on it (:func:`infomap_core.optimizer.optimize_level`: core loops,
   aggregation, fine- and coarse-tuning); the modules are mapped back down the levels,
   each shard looking up its units' modules at their owners.

Data moves only as Dask futures passed from task to task (worker to worker); the client
holds futures, never link arrays. A lost worker's pieces are recomputed by Dask from their
lineage (the file ranges).

Supported: link lists with integer ids, the undirected flow model, two-level partitions,
one trial. The codelength is the two-level map equation of the nodes' partition::

    L = plogp(q) - 2 sum_m plogp(x_m) + sum_m plogp(x_m + p_m) - sum_u plogp(p_u)
"""

from __future__ import annotations

import operator
import os
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .errors import OptionError, ParseError
from .infomap import InfomapOptions

__all__ = ["DistributedSettings", "DistributedResult", "run_distributed"]

MIN_GAIN = 1e-10


@dataclass(frozen=True)
class DistributedSettings:
    """Limits of the distributed search.

    ``shards`` 0 means one per worker. Rounds at a level stop when fewer than
    ``min_fraction`` of the units move or after ``max_rounds``; levels stop when the
    module network has at most ``finish_units`` units or shrinks by less than
    ``min_shrink`` (a fraction of its units).
    """

    shards: int = 0
    max_rounds: int = 20
    min_fraction: float = 0.01
    finish_units: int = 50_000
    min_shrink: float = 0.05
    max_levels: int = 20
    sample_per_chunk: int = 10_000


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

    @property
    def num_modules(self) -> int:
        return int(self.modules.max()) if self.modules.size else 0

    @property
    def num_nodes(self) -> int:
        return int(self.node_ids.shape[0])

    @property
    def partition(self) -> dict:
        return dict(zip(self.node_ids.tolist(), self.modules.tolist()))

    def to_dict(self) -> dict[str, Any]:
        """The keys of the engine's JSON (:meth:`InfomapResult.to_dict`) that a distributed run has."""
        return {
            "codelength": self.codelength,
            "index_codelength": self.index_codelength,
            "module_codelength": self.module_codelength,
            "one_level_codelength": self.one_level_codelength,
            "relative_codelength_savings": 1.0 - self.codelength / self.one_level_codelength
            if self.one_level_codelength > 0 else 0.0,
            "num_modules": self.num_modules,
            "num_top_modules": self.num_modules,
            "num_levels": 2,
            "num_nodes": self.num_nodes,
            "num_links": self.num_links,
            "directed": False,
            "flow_model": "undirected",
            "modules": dict(zip(map(str, self.node_ids.tolist()), self.modules.tolist())),
            "seed": self.seed,
            "num_trials": 1,
            "elapsed_seconds": self.elapsed,
            "distributed": {"levels": self.levels},
        }


# ===================================================================== worker side
# Plain functions over numpy arrays; each runs as one Dask task.

def _plogp(x):
    x = np.asarray(x, dtype=np.float64)
    return np.where(x > 0, x * np.log2(np.where(x > 0, x, 1.0)), 0.0)


def _owner(labels: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Shard of each id: ``bounds`` are the P - 1 lowest ids of shards 1..P-1."""
    return np.searchsorted(bounds, labels, side="right")


def _split(owner: np.ndarray, parts: int, *arrays: np.ndarray) -> list[tuple]:
    """The rows of ``arrays`` grouped by owner: one tuple of arrays per shard."""
    order = np.argsort(owner, kind="stable")
    cuts = np.searchsorted(owner[order], np.arange(parts + 1))
    return [tuple(a[order[cuts[r]:cuts[r + 1]]] for a in arrays) for r in range(parts)]


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


def read_chunk(path: str, start: int, stop: int, sample: int):
    """The links on the lines that start in ``[start, stop)``: (src, tgt, weight, id sample).

    A line belongs to the chunk in which its first byte lies; a chunk reads past ``stop``
    to the end of its last line.
    """
    from .io.link_list import scan_link_table

    with open(path, "rb") as f:
        if start > 0:
            f.seek(start - 1)
            head = f.read(1)
            if head != b"\n":
                f.readline()  # the line that started before us belongs to the previous chunk
        begin = f.tell()
        data = f.read(max(0, stop - begin))
        if data and not data.endswith(b"\n"):
            data += f.readline()
    if not data:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0), empty
    table = scan_link_table(data, 0, 1, field="network")
    if table.at_header:
        raise ParseError("a Pajek section header: the distributed mode reads link lists", field="network")
    if table.string_ids:
        raise ParseError("the distributed mode needs integer node ids", field="network")
    if np.any(~np.isfinite(table.weight)) or np.any(table.weight < 0):
        raise ParseError("weights must be finite and >= 0", field="network")
    keep = table.weight > 0
    src, tgt, w = table.src[keep], table.tgt[keep], table.weight[keep]
    ids = np.concatenate([src, tgt])
    rng = np.random.default_rng(start)
    pick = ids if ids.shape[0] <= sample else ids[rng.integers(0, ids.shape[0], sample)]
    return src, tgt, w, pick


def split_links(chunk, bounds: np.ndarray, parts: int) -> list[tuple]:
    """Arcs ``u -> v`` and ``v -> u`` of every link, by the owner of ``u`` (a self-link once)."""
    src, tgt, w, _ = chunk
    loop = src == tgt
    u = np.concatenate([src, tgt[~loop]])
    v = np.concatenate([tgt, src[~loop]])
    ww = np.concatenate([w, w[~loop]])
    return _split(_owner(u, bounds), parts, u, v, ww)


@dataclass
class Shard:
    """The units one worker owns at one level, and their pairs.

    Units ``0..n-1`` are ``labels`` (sorted ids); neighbour index ``n + j`` is the ghost
    ``ghosts[j]``. ``pflow`` is the flow between the two ends in both directions.
    """

    labels: np.ndarray
    ghosts: np.ndarray
    indptr: np.ndarray
    indices: np.ndarray
    pflow: np.ndarray
    flow: np.ndarray
    exit: np.ndarray

    @property
    def n(self) -> int:
        return int(self.labels.shape[0])


def _csr(u_idx: np.ndarray, v_idx: np.ndarray, w: np.ndarray, n: int):
    """CSR with int32 neighbour indices (the layout, and so the compiled kernels, of the engine)."""
    from .csr import links_to_csr

    indptr, indices, weights = links_to_csr(u_idx.astype(np.int64, copy=False), v_idx.astype(np.int64, copy=False),
                                            w.astype(np.float64, copy=False), n)
    if indices.size and indices.max() < 2**31 - 1:
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


def raw_shard(*pieces):
    """(labels, ghosts, CSR of weights, strength incl. self-links) of the arcs sent here."""
    u = np.concatenate([p[0] for p in pieces])
    labels = np.unique(u)
    u_idx = np.searchsorted(labels, u)
    del u
    w = np.concatenate([p[2] for p in pieces])
    strength = np.bincount(u_idx, weights=w, minlength=labels.shape[0])
    v = np.concatenate([p[1] for p in pieces])
    off = labels[u_idx] != v
    ghosts, v_idx = _index(labels, v[off])
    del v
    indptr, indices, weights = _csr(u_idx[off], v_idx, w[off], labels.shape[0])
    return labels, ghosts, indptr, indices, weights, strength


def strength_sum(raw) -> float:
    return float(raw[5].sum())


def node_shard(raw, total: float) -> Shard:
    """Level 0: flow ``s_u / S``, pair flow ``2 w / S``, exit = enter = the flow to other nodes."""
    labels, ghosts, indptr, indices, weights, strength = raw
    pflow = 2.0 * weights / total
    rows = np.repeat(np.arange(labels.shape[0]), np.diff(indptr))
    exit_ = np.bincount(rows, weights=weights, minlength=labels.shape[0]) / total
    return Shard(labels, ghosts, indptr, indices, pflow, strength / total, exit_)


def _labels(shard: Shard) -> np.ndarray:
    return shard.labels


def node_terms(shard: Shard) -> tuple[float, int]:
    """(sum plogp(p_u), units) of a level-0 shard."""
    return float(_plogp(shard.flow).sum()), shard.n


# --- exchanges: requests (ids by owner), answers (values in the requester's order)
def ghost_requests(shard: Shard, bounds: np.ndarray, parts: int) -> list[np.ndarray]:
    return [p[0] for p in _split(_owner(shard.ghosts, bounds), parts, shard.ghosts)]


def positions(shard: Shard, *requests: np.ndarray) -> list[np.ndarray]:
    """Where each requested id sits among this shard's units."""
    return [np.searchsorted(shard.labels, r) for r in requests]


def serve(values: np.ndarray, pos: list[np.ndarray]) -> list[np.ndarray]:
    return [values[p] for p in pos]


def module_partials(shard: Shard, mod: np.ndarray, bounds: np.ndarray, parts: int, *ghost_pieces):
    """Partial (label, flow, exit, members) of the modules of this shard's units, by owner.

    A module's exit is its units' exit minus the flow between its own units; each pair
    is seen from both ends (here or at the other end's shard), so each end removes half.
    """
    ghost_mod = np.concatenate(ghost_pieces) if ghost_pieces else np.zeros(0, dtype=np.int64)
    all_mod = np.concatenate([mod, ghost_mod])
    src = np.repeat(np.arange(shard.n), np.diff(shard.indptr))
    same = all_mod[shard.indices] == mod[src]
    inner = np.bincount(src[same], weights=shard.pflow[same], minlength=shard.n) / 2.0
    labels, inv = np.unique(mod, return_inverse=True)
    flow = np.bincount(inv, weights=shard.flow, minlength=labels.shape[0])
    exit_ = np.bincount(inv, weights=shard.exit - inner, minlength=labels.shape[0])
    count = np.bincount(inv, minlength=labels.shape[0]).astype(np.int64)
    return _split(_owner(labels, bounds), parts, labels, flow, exit_, count), ghost_mod


def reduce_modules(*pieces):
    """Module table of one owner: (labels, flow, exit, members), partial sums added."""
    labels = np.concatenate([p[0] for p in pieces])
    out, inv = np.unique(labels, return_inverse=True)
    flow = np.bincount(inv, weights=np.concatenate([p[1] for p in pieces]), minlength=out.shape[0])
    exit_ = np.bincount(inv, weights=np.concatenate([p[2] for p in pieces]), minlength=out.shape[0])
    count = np.bincount(inv, weights=np.concatenate([p[3] for p in pieces]), minlength=out.shape[0])
    return out, flow, np.maximum(exit_, 0.0), count.astype(np.int64)


def table_sums(table) -> tuple[float, float, float, int]:
    """(sum exit, sum plogp(exit), sum plogp(exit + flow), modules) of an owner's table."""
    _, flow, exit_, _ = table
    return float(exit_.sum()), float(_plogp(exit_).sum()), float(_plogp(exit_ + flow).sum()), int(flow.shape[0])


def module_requests(mod: np.ndarray, ghost_mod: np.ndarray, bounds: np.ndarray, parts: int) -> list[np.ndarray]:
    wanted = np.unique(np.concatenate([mod, ghost_mod]))
    return [p[0] for p in _split(_owner(wanted, bounds), parts, wanted)]


def answer_modules(table, *requests: np.ndarray) -> list[tuple]:
    labels, flow, exit_, _ = table
    out = []
    for r in requests:
        pos = np.searchsorted(labels, r)
        out.append((r, flow[pos], exit_[pos]))
    return out


def move(shard: Shard, mod: np.ndarray, ghost_mod: np.ndarray, sums: list, seed: int, round_: int, threads: int,
         *answers) -> tuple[np.ndarray, int]:
    """One synchronous round on this shard: (new module labels of the units, moves applied).
    ``sums`` are the owners' :func:`table_sums`; their exits add up to the index rate ``q``."""
    from .parallel import _propose

    q = sum(t[0] for t in sums)
    labels = np.concatenate([a[0] for a in answers])
    mflow = np.concatenate([a[1] for a in answers])
    mexit = np.concatenate([a[2] for a in answers])
    order = np.argsort(labels)
    labels, mflow, mexit = labels[order], mflow[order], mexit[order]
    local = np.searchsorted(labels, np.concatenate([mod, ghost_mod]))
    parent = np.zeros(local.shape[0], dtype=np.int64)
    target, gain = _propose(shard.indptr, shard.indices, shard.pflow, shard.flow, shard.exit, shard.exit, parent,
                            np.array([q]), local, mexit, mexit, mflow, max(1, threads))
    chosen = (target != local[:shard.n]) & (gain < -1e-12) & (_hash_bits(seed, round_, shard.labels) == 1)
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


def contract_pairs(shard: Shard, mod: np.ndarray, ghost_mod: np.ndarray, bounds: np.ndarray, parts: int):
    """Pairs between different modules, as (module, module, flow), by owner of the first module."""
    all_mod = np.concatenate([mod, ghost_mod])
    src = np.repeat(np.arange(shard.n), np.diff(shard.indptr))
    a, b = mod[src], all_mod[shard.indices]
    keep = a != b
    return _split(_owner(a[keep], bounds), parts, a[keep], b[keep], shard.pflow[keep])


def module_shard(table, *pieces) -> Shard:
    """The next level's shard: this owner's non-empty modules, their pairs summed."""
    labels, flow, exit_, count = table
    keep = count > 0
    labels, flow, exit_ = labels[keep], flow[keep], exit_[keep]
    u = np.concatenate([p[0] for p in pieces])
    v = np.concatenate([p[1] for p in pieces])
    f = np.concatenate([p[2] for p in pieces])
    ghosts, v_idx = _index(labels, v)
    indptr, indices, pflow = _csr(np.searchsorted(labels, u), v_idx, f, labels.shape[0])
    return Shard(labels, ghosts, indptr, indices, pflow, flow, exit_)


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


def finish(settings_dict: dict, seed: int, node_plogp: float, *shards: Shard):
    """The normal engine on the gathered module network; returns (per-shard tables of
    (labels, final module 0..k-1), codelength terms)."""
    from .optimizer import Level, SearchSettings, optimize_level

    labels = np.concatenate([s.labels for s in shards])
    order = np.argsort(labels)
    n = labels.shape[0]
    src_parts, dst_parts, flow_parts = [], [], []
    offset = 0
    for s in shards:
        rows = np.repeat(np.arange(s.n), np.diff(s.indptr)) + offset
        ids = np.concatenate([s.labels, s.ghosts])[s.indices]
        src_parts.append(rows)
        dst_parts.append(ids)
        flow_parts.append(s.pflow)
        offset += s.n
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    sorted_labels = labels[order]
    src = rank[np.concatenate(src_parts)]
    dst = np.searchsorted(sorted_labels, np.concatenate(dst_parts))
    indptr, indices, pflow = _csr(src, dst, np.concatenate(flow_parts), n)
    flow = np.concatenate([s.flow for s in shards])[order]
    exit_ = np.concatenate([s.exit for s in shards])[order]
    zeros = np.zeros(n)
    level = Level(indptr, indices.astype(np.int32) if n < 2**31 - 1 else indices, pflow, flow, exit_, exit_,
                  zeros, zeros, False)
    rng = np.random.default_rng(seed)
    modules, k = optimize_level(level, rng, SearchSettings(**settings_dict))
    terms = _terms(level, modules, k, node_plogp)
    one = _terms(level, np.zeros(n, dtype=np.int64), 1, node_plogp)
    if terms[0] >= one[0] - MIN_GAIN:
        modules, k, terms = np.zeros(n, dtype=np.int64), 1, one
    # 1-based module numbers by decreasing flow (as the engine's trees order them), then by first unit.
    mflow = np.bincount(modules, weights=flow, minlength=k)
    first = np.full(k, n, dtype=np.int64)
    np.minimum.at(first, modules, np.arange(n))
    rank_of = np.empty(k, dtype=np.int64)
    rank_of[np.lexsort((first, -mflow))] = np.arange(k)
    final = rank_of[modules] + 1
    tables = []
    offset = 0
    for s in shards:
        tables.append((s.labels, final[rank[offset:offset + s.n]]))
        offset += s.n
    return tables, terms + (one[0],), int(k)


def _terms(level, modules, k, node_plogp):
    from .parallel import module_sums

    mflow, _, mexit, _, _ = module_sums(level.indptr, level.indices, level.pflow, level.flow, level.enter,
                                       level.exit, level.tf, level.tw, modules, k, False)
    mexit = np.maximum(mexit, 0.0)
    index = float(_plogp(mexit.sum()) - _plogp(mexit).sum())
    module = float(_plogp(mexit + mflow).sum() - _plogp(mexit).sum() - node_plogp)
    return index + module, index, module


# ===================================================================== client side

class _Run:
    """The driver: submits tasks and keeps futures; only small numbers come back to it."""

    def __init__(self, client, parts: int, threads: int):
        self.client = client
        self.parts = parts
        self.workers = sorted(client.scheduler_info()["workers"])
        self.threads = threads
        self.exchanged = 0

    def on(self, shard: int, fn, *args, **kwargs):
        worker = self.workers[shard % len(self.workers)]
        return self.client.submit(fn, *args, workers=[worker], allow_other_workers=True, pure=False, **kwargs)

    def pieces(self, futures: list, owner_first: bool = True) -> list[list]:
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


def check_options(options) -> None:
    """Refuse the :class:`~infomap_core.infomap.InfomapOptions` the distributed mode cannot honour."""
    if options.flow_model not in (None, "undirected") or options.directed:
        raise OptionError("the distributed mode supports the undirected flow model only", field="directed")
    if not options.two_level:
        raise OptionError("the distributed mode finds two-level partitions: add two_level (--two-level)",
                          field="two_level")
    if options.num_trials != 1:
        raise OptionError("the distributed mode runs one trial", field="num_trials")
    if options.entropy_corrected or options.preferred_number_of_modules or options.to_nodes \
            or options.markov_time != 1.0 or options.regularized or options.variable_markov_time:
        raise OptionError("the distributed mode runs the plain map equation (no variants, markov_time 1)",
                          field="distributed")


def run_distributed(path: str | os.PathLike, client, *, seed: int = InfomapOptions.seed,
                    settings: DistributedSettings | None = None,
                    search=None, measure_bytes: bool = False) -> DistributedResult:
    """Two-level partition of the undirected network in link-list file ``path`` on the workers of ``client``.

    ``path`` must be readable by every worker (shared storage). ``search`` are the
    :class:`~infomap_core.optimizer.SearchSettings` of the final in-worker search.
    ``measure_bytes`` adds the bytes exchanged between shards to ``levels`` (it costs
    extra small tasks). See the module docstring for the design.

    Examples
    --------
    >>> from distributed import Client, LocalCluster                      # doctest: +SKIP
    >>> with LocalCluster(n_workers=4) as cluster, Client(cluster) as c:  # doctest: +SKIP
    ...     result = run_distributed("network.txt", c, seed=1)
    """
    from .optimizer import SearchSettings

    start = time.perf_counter()
    settings = settings or DistributedSettings()
    search = search or SearchSettings()
    path = os.fspath(path)
    if not os.path.exists(path):
        raise OptionError(f"no such file: {path}", field="network")
    workers = len(client.scheduler_info()["workers"])
    if workers == 0:
        raise OptionError("the Dask cluster has no workers", field="dask_address")
    parts = settings.shards or workers
    run = _Run(client, parts, threads=1)

    # 1. read and split by owner
    chunks = [run.on(s, read_chunk, path, a, b, settings.sample_per_chunk)
              for s, (a, b) in enumerate(byte_ranges(path, parts))]
    samples = client.gather([run.on(s, operator.getitem, c, 3) for s, c in enumerate(chunks)])
    sample = np.sort(np.concatenate(samples))
    if sample.size == 0:
        raise ParseError("the network has no links (no 'source target [weight]' line)", field="network")
    bounds = np.unique(sample[(np.arange(1, parts) * sample.shape[0]) // parts]) if parts > 1 else np.zeros(0, np.int64)
    parts_b = bounds.shape[0] + 1
    if parts_b != parts:  # fewer distinct ids than shards
        parts = run.parts = parts_b
    num_links = int(sum(client.gather([run.on(s, lambda c: int(c[0].shape[0]), c) for s, c in enumerate(chunks)])))
    # Each stage's futures are dropped as soon as the next stage is submitted: Dask frees a
    # piece once the tasks that read it are done, so at most two stages are alive at once.
    split = [run.on(s, split_links, c, bounds, parts) for s, c in enumerate(chunks)]
    del chunks
    pieces = run.pieces(split)
    del split
    raws = [run.on(r, raw_shard, *pieces[r]) for r in range(parts)]
    del pieces
    total = float(sum(client.gather([run.on(r, strength_sum, raw) for r, raw in enumerate(raws)])))
    shards = [run.on(r, node_shard, raw, total) for r, raw in enumerate(raws)]
    del raws
    terms = client.gather([run.on(r, node_terms, s) for r, s in enumerate(shards)])
    node_plogp = float(sum(t[0] for t in terms))
    units = int(sum(t[1] for t in terms))
    node_ids = None  # gathered at the end, with the modules

    levels: list[dict] = []
    history: list[tuple[list, list]] = []  # per level: (shards, final mod) futures
    level_no = 0
    while True:
        level_start, exchanged0 = time.perf_counter(), run.exchanged
        mods = [run.on(r, _labels, sh) for r, sh in enumerate(shards)]
        requests = [run.on(r, ghost_requests, sh, bounds, parts) for r, sh in enumerate(shards)]
        req_pieces = run.pieces(requests)
        pos = [run.on(r, positions, shards[r], *req_pieces[r]) for r in range(parts)]

        def ghost_mods(current):
            served = [run.on(r, serve, current[r], pos[r]) for r in range(parts)]
            back = run.pieces(served)  # back[s][r]: ghost modules of s that r owns
            if measure_bytes:
                run.measure(back)
            return back

        def module_round(current):
            back = ghost_mods(current)
            partial = [run.on(s, module_partials, shards[s], current[s], bounds, parts, *back[s]) for s in range(parts)]
            ghost_mod = [run.on(s, operator.getitem, p, 1) for s, p in enumerate(partial)]
            sums = run.pieces([run.on(s, operator.getitem, p, 0) for s, p in enumerate(partial)])
            if measure_bytes:
                run.measure(sums)
            tables = [run.on(r, reduce_modules, *sums[r]) for r in range(parts)]
            return ghost_mod, tables

        rounds = moves = 0
        for round_ in range(settings.max_rounds):
            ghost_mod, tables = module_round(mods)
            sums = [run.on(r, table_sums, t) for r, t in enumerate(tables)]
            wanted = run.pieces([run.on(s, module_requests, mods[s], ghost_mod[s], bounds, parts)
                                 for s in range(parts)])
            answers = run.pieces([run.on(r, answer_modules, tables[r], *wanted[r]) for r in range(parts)])
            if measure_bytes:
                run.measure(wanted)
                run.measure(answers)
            moved = [run.on(s, move, shards[s], mods[s], ghost_mod[s], sums, seed + 7919 * level_no, round_,
                            run.threads, *answers[s]) for s in range(parts)]
            applied = sum(client.gather([run.on(s, operator.getitem, m, 1) for s, m in enumerate(moved)]))
            mods = [run.on(s, operator.getitem, m, 0) for s, m in enumerate(moved)]
            rounds += 1
            moves += applied
            if applied < settings.min_fraction * units:
                break
        ghost_mod, tables = module_round(mods)
        sums = client.gather([run.on(r, table_sums, t) for r, t in enumerate(tables)])
        modules = int(sum(t[3] for t in sums))
        levels.append({"level": level_no, "units": units, "rounds": rounds, "moves": int(moves),
                       "modules": modules, "seconds": round(time.perf_counter() - level_start, 3),
                       **({"bytes_exchanged": run.exchanged - exchanged0} if measure_bytes else {})})
        history.append(([run.on(r, _labels, sh) for r, sh in enumerate(shards)], mods))  # not the pairs
        level_no += 1
        shrunk = modules <= units * (1.0 - settings.min_shrink)
        if not shrunk:
            history.pop()  # this level's moves did not pay: finish on its units
            break
        pairs = run.pieces([run.on(s, contract_pairs, shards[s], mods[s], ghost_mod[s], bounds, parts)
                            for s in range(parts)])
        if measure_bytes:
            run.measure(pairs)
        shards = [run.on(r, module_shard, tables[r], *pairs[r]) for r in range(parts)]
        units = modules
        if units <= settings.finish_units or level_no >= settings.max_levels:
            break

    # 5. finish on one worker, then map the modules back down the levels
    fields = {f: getattr(search, f) for f in search.__dataclass_fields__}
    done = run.on(0, finish, fields, seed, node_plogp, *shards)
    tables = [run.on(0, lambda d, r: d[0][r], done, r) for r in range(parts)]
    terms, k = client.gather(run.on(0, lambda d: (d[1], d[2]), done))
    for level_labels, level_mods in reversed(history):
        req = run.pieces([run.on(s, lookup_requests, level_mods[s], bounds, parts) for s in range(parts)])
        ans = run.pieces([run.on(r, answer_lookup, tables[r], *req[r]) for r in range(parts)])
        tables = [run.on(s, resolve, level_labels[s], level_mods[s], *ans[s]) for s in range(parts)]
    final = client.gather(tables)
    node_ids = np.concatenate([t[0] for t in final])
    modules = np.concatenate([t[1] for t in final])
    order = np.argsort(node_ids)
    codelength, index, module, one_level = terms
    return DistributedResult(node_ids=node_ids[order], modules=modules[order].astype(np.int64),
                             codelength=float(codelength), index_codelength=float(index),
                             module_codelength=float(module), one_level_codelength=float(one_level),
                             num_links=num_links, seed=int(seed), elapsed=time.perf_counter() - start, levels=levels)
