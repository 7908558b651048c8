"""Public entry points: options, trials, results.

``run_infomap(network, options)`` = ``prepare`` (flow, once) + ``run_trial`` for each
trial (seed ``options.seed + j``) + ``best_of`` (the shortest codelength wins). The
pieces are public so that a scheduler (Dask) can run trials as separate tasks.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from typing import Any, NamedTuple

import numpy as np

from .errors import OptionError, PartitionError
from .flow import FLOW_MODELS, FlowGraph, check_markov_time, check_variable_markov, compute_flow
from .mapequation import NO_VARIANT, Objective, one_level_codelength, relative_savings, two_level_codelength
from .network import Network
from .optimizer import SearchSettings, optimize_two_level
from .tree import Tree

__all__ = [
    "SEED_LIMIT", "CONVERGE_DEFAULT_CAP", "converged", "InfomapOptions", "Problem", "TrialResult", "InfomapResult",
    "CodelengthResult", "NodeRow", "TreeNode",
    "prepare", "run_trial", "best_of", "run_infomap", "compute_codelength", "warmup",
]


#: Seeds are in ``[0, SEED_LIMIT)`` (the random generator takes 32-bit seeds).
SEED_LIMIT = 2**32
#: Largest ``preferred_number_of_modules`` (the official wraps from 2**32 - 1 on: it scores 2 bits there; the
#: penalty ``|T - P|`` bits is an int64 in the search kernels).
MAX_PREFERRED_MODULES = 2**31 - 1
#: Largest ``preferred_number_of_levels`` (the search's own trees stay below 30 levels).
MAX_PREFERRED_LEVELS = 32
#: Largest ``meta_data_rate`` and ``entropy_correction_strength``: the codelength stays finite (the
#: meta codebooks cost at most ``rate * log2(categories) <= 63 rate`` bits, the correction
#: ``strength * (N - 1 + M) / (2 D ln 2) < 1.5 strength`` bits); 1.7e308 made the one-level
#: codelength infinite (JSON null).
MAX_VARIANT_WEIGHT = 1e300
#: The trial cap of ``--converge`` when no trial count is given (the official's).
CONVERGE_DEFAULT_CAP = 50


def converged(codelengths: list[float], *, min_trials: int = 5, patience: int = 5,
              tolerance: float = 1e-6) -> bool:
    """Whether trials with these codelengths (in order) have converged (``converge``).

    A trial improves when it shortens the best codelength so far by more than ``tolerance``
    of it; trials stop once at least ``min_trials`` ran and the last ``patience`` did not
    improve. The rule is the official's ``--converge`` (Infomap 2.16): its patience of 5 and cap
    of 50 are matched in ``tests/engine/test_search_options.py``; the tolerance is the one its
    design note proposes (not measured).

    Examples
    --------
    >>> converged([3.0, 3.0, 3.0, 3.0, 3.0]), converged([3.0] * 6)
    (False, True)
    >>> converged([3.1, 3.0, 3.0, 3.0, 3.0, 3.0]), converged([3.1, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0])
    (False, True)
    """
    best, since = float("inf"), 0
    for length in codelengths:
        if length < best - tolerance * abs(best) or best == float("inf"):
            best, since = min(best, length), 0
        else:
            since += 1
    return len(codelengths) >= min_trials and since >= patience


@dataclass(frozen=True)
class InfomapOptions:
    """Engine options; names and defaults follow the official Infomap."""

    two_level: bool = False
    flow_model: str | None = None
    directed: bool | None = None
    teleportation_probability: float = 0.15
    recorded_teleportation: bool = False
    to_nodes: bool = False
    markov_time: float = 1.0
    variable_markov_time: bool = False  # a local Markov time per node (flow.local_markov_times)
    variable_markov_damping: float = 1.0  # 0: scale by effective degree, 1: by its log (local entropy)
    variable_markov_min_scale: float = 1.0  # smallest local scale
    num_trials: int = 1
    seed: int = 123
    converge: bool = False  # num_trials is a cap: stop once the best codelength plateaus (see converged)
    # variants of the map equation (see mapequation.Objective)
    regularized: bool = False  # the Bayesian prior network (flow.regularized_walk); codes its steps as recorded
    regularization_strength: float = 1.0
    entropy_corrected: bool = False
    entropy_correction_strength: float = 1.0
    preferred_number_of_modules: int = 0
    # multilevel: return the tree of least L + strength * |levels - preferred| among the ones a trial
    # can build (infomap_core.levels); 0: no preference. Strength in bits per level (the official's default 1).
    preferred_number_of_levels: int = 0
    preferred_number_of_levels_strength: float = 1.0
    meta_data_rate: float = 1.0  # with meta data (run_infomap(..., meta_data=...)): weight of its codebooks
    meta_data_unweighted: bool = False  # meta data weighted by node count instead of node flow
    num_threads: int | None = None  # threads of the parallel kernels (None: every core); 1 vs 2+ may differ, 2 vs 3 not
    skip_adjust_bipartite_flow: bool = False  # bipartite networks: keep flow on the feature nodes
    bipartite_teleportation: bool = False  # bipartite networks, directed: teleport on the two-step walk
    use_node_weights_as_flow: bool = False  # node flow = normalized node weights (undirected model)
    fast_hierarchical_solution: int = 0  # -F 1, -FF 2, -FFF 3: a quicker hierarchy (multilevel.optimize_multilevel)
    node_limit: int = 0  # read only the nodes of id <= node_limit (Network.up_to_node); 0: every node

    def __post_init__(self):
        if self.flow_model is not None and self.flow_model not in FLOW_MODELS:
            raise OptionError(f"unknown flow model {self.flow_model!r}; expected one of {', '.join(FLOW_MODELS)}",
                              field="flow_model")
        if not (0.0 <= float(self.teleportation_probability) < 1.0):
            raise OptionError("teleportation_probability must be in [0, 1)", field="teleportation_probability")
        check_markov_time(self.markov_time)
        check_variable_markov(self.variable_markov_damping, self.variable_markov_min_scale)
        if int(self.num_trials) < 1:
            raise OptionError("num_trials must be >= 1", field="num_trials")
        if not (0 <= int(self.seed) < SEED_LIMIT):
            raise OptionError(f"seed must be in [0, {SEED_LIMIT})", field="seed")
        if not (np.isfinite(self.entropy_correction_strength) and 0 <= self.entropy_correction_strength
                <= MAX_VARIANT_WEIGHT):
            raise OptionError(f"entropy_correction_strength must be in [0, {MAX_VARIANT_WEIGHT:g}]",
                              field="entropy_correction_strength")
        if not (np.isfinite(self.regularization_strength) and self.regularization_strength >= 0):
            raise OptionError("regularization_strength must be >= 0", field="regularization_strength")
        if self.regularized:
            unverified = {"to_nodes": self.to_nodes, "markov_time": self.markov_time != 1.0,
                          "entropy_corrected": self.entropy_corrected,
                          "variable_markov_time": self.variable_markov_time}
            for name, on in unverified.items():
                if on:
                    raise OptionError(f"regularized cannot be combined with {name} yet", field=name)
        if self.num_threads is not None and int(self.num_threads) < 1:
            raise OptionError("num_threads must be >= 1", field="num_threads")
        if not (np.isfinite(self.meta_data_rate) and 0 <= self.meta_data_rate <= MAX_VARIANT_WEIGHT):
            raise OptionError(f"meta_data_rate must be in [0, {MAX_VARIANT_WEIGHT:g}]", field="meta_data_rate")
        if int(self.fast_hierarchical_solution) not in (0, 1, 2, 3):
            raise OptionError("fast_hierarchical_solution must be 0 (off), 1 (-F), 2 (-FF) or 3 (-FFF)",
                              field="fast_hierarchical_solution")
        if int(self.node_limit) < 0:
            raise OptionError("node_limit must be >= 1 (0: every node)", field="node_limit")
        if not 0 <= int(self.preferred_number_of_modules) <= MAX_PREFERRED_MODULES:
            raise OptionError(f"preferred_number_of_modules must be in [1, {MAX_PREFERRED_MODULES}] (0: no "
                              "preference)", field="preferred_number_of_modules")
        self._check_preferred_levels()

    def _check_preferred_levels(self) -> None:
        """``preferred_number_of_levels``: an integer, 0 (no preference) or in [2, MAX_PREFERRED_LEVELS] (one
        level is the network unpartitioned, which no search returns); with ``two_level`` only 0 or 2 (the
        official ignores it there; any other depth contradicts a two-level run). The strength: finite, >= 0."""
        levels = self.preferred_number_of_levels
        integral = (isinstance(levels, (int, np.integer)) and not isinstance(levels, bool)
                    or isinstance(levels, (float, np.floating)) and float(levels).is_integer())
        if not integral or not (int(levels) == 0 or 2 <= int(levels) <= MAX_PREFERRED_LEVELS):
            raise OptionError(f"preferred_number_of_levels must be an integer in [2, {MAX_PREFERRED_LEVELS}] (0: no "
                              f"preference), got {levels!r}", field="preferred_number_of_levels")
        strength = self.preferred_number_of_levels_strength
        if (isinstance(strength, bool) or not isinstance(strength, (int, float, np.integer, np.floating))
                or not (np.isfinite(strength) and 0 <= strength <= MAX_VARIANT_WEIGHT)):
            raise OptionError(f"preferred_number_of_levels_strength must be in [0, {MAX_VARIANT_WEIGHT:g}] (bits per "
                              f"level), got {strength!r}", field="preferred_number_of_levels_strength")
        if self.two_level and int(levels) not in (0, 2):
            raise OptionError(f"preferred_number_of_levels {int(levels)} contradicts two_level (a two-level run "
                              "returns 2 levels; the official ignores the option then)",
                              field="preferred_number_of_levels")

    def objective(self, network: Network, flow: FlowGraph | None = None,
                  meta_data: Mapping | None = None) -> Objective:
        """The map-equation variant these options ask for, on ``network`` (with its
        ``flow`` and per-node ``meta_data`` categories when given).

        The entropy correction costs ``strength / (2 D ln 2)`` bits per codeword beyond
        the first of each codebook, with the total degree ``D`` the larger of the
        weighted and the unweighted degree sums (a self-link counted once, as the
        official Infomap counts it). Meta data is weighted by node flow, or by ``1/N``
        per node with ``meta_data_unweighted``.
        """
        module_cost = 0.0
        if self.entropy_corrected:
            if network.is_state_network:
                raise OptionError("entropy_corrected is not available for state networks", field="entropy_corrected")
            module_cost = float(self.entropy_correction_strength) / (2.0 * _total_degree(network, self) * np.log(2.0))
        if self.preferred_number_of_modules and network.is_state_network:
            # the official Infomap ignores it on state networks (its memory map equation has no such
            # term): refused rather than scored differently from it
            raise OptionError("preferred_number_of_modules is not available for state (memory or multilayer) "
                              "networks", field="preferred_number_of_modules")
        category = weight = None
        if meta_data and self.entropy_corrected:
            raise OptionError("entropy_corrected cannot be combined with meta data (the official Infomap drops "
                              "the correction then)", field="entropy_corrected")
        if meta_data:
            category = _meta_categories(network, meta_data)
            if self.meta_data_unweighted:
                weight = np.full(network.num_nodes, 1.0 / network.num_nodes)
            else:
                weight = (flow or _flow_for(network, self)).node_flow
        return Objective(module_cost=module_cost, preferred_num_modules=int(self.preferred_number_of_modules),
                         meta_rate=float(self.meta_data_rate) if meta_data else 0.0, meta_category=category,
                         meta_weight=weight)

    def resolved_flow_model(self, network: Network) -> str:
        """The flow model: ``flow_model``, else from ``directed``, else from the network.

        A multilayer network read from intra-layer links is relaxed into state-node arcs
        whose weights depend on how the links were read (``network.intra_directed``): its
        flow model is the directed one on those arcs, and asking for the other reading at
        run time is an error that says to read the network that way instead.
        """
        if network.intra_directed is not None:
            read = "directed" if network.intra_directed else "undirected"
            wanted = self.flow_model or (None if self.directed is None else ("directed" if self.directed
                                                                            else "undirected"))
            if wanted not in (None, read):
                field = "flow_model" if self.flow_model else "directed"
                hint = (f"read the network with directed={wanted == 'directed'} (the command line's -d) instead of "
                        f"setting {field} to {wanted!r} for the run" if wanted in ("directed", "undirected")
                        else f"the {wanted!r} flow model is not available for it")
                raise OptionError(f"this multilayer network's intra-layer links were read as {read} and relaxed "
                                  f"into state-node arcs, so its flow model is fixed: {hint}", field=field)
            return "directed"
        if self.flow_model:
            return self.flow_model
        directed = network.directed if self.directed is None else self.directed
        return "directed" if directed else "undirected"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _meta_categories(network: Network, meta_data: Mapping) -> np.ndarray:
    """Category index (0..C-1) of every node from {node id: category label}; every node
    needs one (the official gives unlabelled nodes no meta data; we refuse the ambiguity)."""
    idx = network.index_of(meta_data.keys(), field_name="meta_data")
    labels = np.unique(np.asarray([str(c) for c in meta_data.values()]), return_inverse=True)[1]
    category = np.full(network.num_nodes, -1, dtype=np.int64)
    category[idx] = labels
    if (category < 0).any():
        raise PartitionError(_missing_message(network, category < 0).replace("the partition", "meta_data")
                             .replace("scoring needs a module", "meta data needs a category"), field="meta_data")
    return category


def _total_degree(network: Network, options: "InfomapOptions") -> float:
    """max(weighted, unweighted) sum of degrees; self-links count once; for the undirected
    flow model ``(u, v)`` and ``(v, u)`` are one link."""
    network = network if options.resolved_flow_model(network) == "undirected" else network.as_arcs()
    src, tgt, w = network.to_coo()
    self_link = src == tgt
    if options.resolved_flow_model(network) == "undirected" and not network.mirrored:
        pairs = np.unique(np.stack([np.minimum(src, tgt), np.maximum(src, tgt)]), axis=1)
        num_links, num_self = pairs.shape[1], int((pairs[0] == pairs[1]).sum())
    else:
        num_links, num_self = src.shape[0], int(self_link.sum())
    weighted = 2.0 * float(w.sum()) - float(w[self_link].sum())
    return max(weighted, 2.0 * num_links - num_self)


@dataclass(frozen=True, eq=False)
class Problem:
    """A network with its flow: everything a trial needs (picklable)."""

    network: Network
    flow: FlowGraph
    initial: np.ndarray | None = None
    objective: Objective = NO_VARIANT


@dataclass(frozen=True, eq=False)
class TrialResult:
    trial: int
    seed: int
    codelength: float
    tree: Tree
    elapsed: float
    level_penalty: float = 0.0  # strength * |levels - preferred| (preferred_number_of_levels; not in codelength)

    @property
    def score(self) -> float:
        """What trials are compared by: the codelength plus the level penalty."""
        return self.codelength + self.level_penalty


class NodeRow(NamedTuple):
    """A network node of a result: its id, its 1-based module path (top first, its own
    rank last) and its flow (see :meth:`InfomapResult.nodes`)."""

    node_id: Any
    path: tuple[int, ...]
    flow: float


class TreeNode(NamedTuple):
    """A module or leaf of a result's hierarchy (see :meth:`InfomapResult.iter_tree`);
    ``node_id`` is the network node of a leaf, None for a module."""

    path: tuple[int, ...]
    flow: float
    enter_flow: float
    exit_flow: float
    node_id: Any


@dataclass(frozen=True, eq=False)
class InfomapResult:
    """The best partition over all trials, in the caller's node ids."""

    network: Network
    flow: FlowGraph
    tree: Tree
    codelength: float
    index_codelength: float
    module_codelength: float
    one_level_codelength: float
    options: InfomapOptions
    trial_codelengths: list[float]
    best_trial: int
    elapsed: float
    level_codelengths: list[float] = field(default_factory=list)
    started_at: float | None = None  # wall-clock start (time.time()), for the file headers
    level_penalty: float = 0.0  # strength * |num_levels - preferred| (preferred_number_of_levels), not in codelength
    objective: Objective = NO_VARIANT  # the variant the codelengths include

    @property
    def relative_codelength_savings(self) -> float:
        return relative_savings(self.codelength, self.one_level_codelength)

    @property
    def num_levels(self) -> int:
        return self.tree.num_levels

    @property
    def num_modules(self) -> int:
        """Number of top modules."""
        return self.tree.num_top_modules

    @property
    def seed(self) -> int:
        return self.options.seed

    @property
    def node_flow(self) -> np.ndarray:
        return self.flow.node_flow

    def module_ids(self, level: int = 1) -> np.ndarray:
        """1-based module of every node (index order) at ``level`` (1 top, -1 leaf modules)."""
        return self.tree.modules_at_level(level) + 1

    @property
    def modules(self) -> dict[Any, int]:
        """Top module (1-based) of each node id: ``modules_at(1)``."""
        return self.modules_at(1)

    def modules_at(self, level: int = 1) -> dict[Any, int]:
        """The module map at one level: node id -> module (1-based, numbered in tree order
        over the whole level) at ``level`` (1 the top modules, 2 their submodules, ...;
        -1 the leaf modules, the finest). A node whose path ends above ``level`` keeps
        its deepest module.

        Examples
        --------
        >>> from infomap_core import Network
        >>> two_triangles = Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)])
        >>> result = run_infomap(two_triangles, two_level=True)
        >>> result.modules_at(1)
        {1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2}
        >>> result.modules_at(-1) == result.modules
        True
        """
        return dict(zip(self.network.node_ids.tolist(), self.module_ids(level).tolist()))

    def nodes(self) -> Iterator["NodeRow"]:
        """The network nodes in tree order (depth-first, as in the ``.tree`` file), each as
        a :class:`NodeRow` ``(node_id, path, flow)``; ``path`` is the tuple of 1-based ranks
        from the top module down to the node (``(1, 2)``: node 2 of module 1).

        Examples
        --------
        >>> from infomap_core import Network
        >>> two_triangles = Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)])
        >>> for node_id, path, flow in run_infomap(two_triangles, two_level=True).nodes():
        ...     print(node_id, path, round(flow, 4))
        3 (1, 1) 0.2143
        1 (1, 2) 0.1429
        2 (1, 3) 0.1429
        4 (2, 1) 0.2143
        5 (2, 2) 0.1429
        6 (2, 3) 0.1429
        """
        for t in self.iter_tree():
            if t.node_id is not None:
                yield NodeRow(t.node_id, t.path, t.flow)

    def iter_tree(self) -> Iterator["TreeNode"]:
        """Every module and leaf of the hierarchy, depth-first (a module before its
        children, children by rank; the root is left out), each as a :class:`TreeNode`
        ``(path, flow, enter_flow, exit_flow, node_id)``; ``node_id`` is None for a module.

        Examples
        --------
        >>> from infomap_core import Network
        >>> two_triangles = Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)])
        >>> modules = [t for t in run_infomap(two_triangles, two_level=True).iter_tree() if t.node_id is None]
        >>> [(t.path, round(t.flow, 4), round(t.exit_flow, 4)) for t in modules]
        [((1,), 0.5, 0.0714), ((2,), 0.5, 0.0714)]
        """
        tree, ids = self.tree, self.network.node_ids.tolist()
        paths: dict[int, tuple[int, ...]] = {0: ()}
        for t in tree.depth_first()[1:].tolist():
            path = paths[int(tree.parent[t])] + (int(tree.rank[t]),)
            paths[t] = path
            leaf = int(tree.leaf[t])
            yield TreeNode(path, float(tree.flow[t]), float(tree.enter[t]), float(tree.exit[t]),
                           ids[leaf] if leaf >= 0 else None)

    def to_rows(self) -> list[dict[str, Any]]:
        """One row per node: ``node_id``, ``name``, ``module`` (top), ``path`` (``"1:2:1"``,
        the leaf rank last) and ``flow``, in node order."""
        from .formats import path_string_of

        leaf_of = np.full(self.network.num_nodes, -1, dtype=np.int64)
        leaves = np.nonzero(self.tree.leaf >= 0)[0]
        leaf_of[self.tree.leaf[leaves]] = leaves
        names = self.network.node_names
        ids = self.network.node_ids.tolist()
        top = self.module_ids(1).tolist()
        return [{"node_id": ids[a], "name": names[a] if names else str(ids[a]), "module": top[a],
                 "path": path_string_of(self.tree, int(leaf_of[a])), "flow": float(self.flow.node_flow[a])}
                for a in range(self.network.num_nodes)]

    def to_dataframe(self):
        """The rows of :meth:`to_rows` as a pandas DataFrame (pandas must be installed).

        Examples
        --------
        >>> from infomap_core import Network
        >>> result = run_infomap(Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]))
        >>> result.to_rows()[0]["module"], result.to_rows()[0]["path"]
        (1, '1:2')
        >>> frame = result.to_dataframe()
        >>> list(frame.columns), frame["module"].tolist()
        (['node_id', 'name', 'module', 'path', 'flow'], [1, 1, 1, 2, 2, 2])
        """
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - depends on the environment
            raise OptionError("to_dataframe needs pandas (pip install pandas); to_rows() gives the same rows",
                              field="pandas") from None
        return pd.DataFrame(self.to_rows())

    def to_networkx(self, graph=None):
        """A networkx graph with node attributes ``module``, ``path`` and ``flow``: a copy of
        ``graph`` when given (its node ids must be the network's), else one built from the links.

        Examples
        --------
        >>> import networkx as nx
        >>> g = nx.karate_club_graph()
        >>> result = run_infomap(g, seed=1)
        >>> h = result.to_networkx(g)
        >>> h.nodes[0]["module"] == result.modules[0], "module" in g.nodes[0]
        (True, False)
        """
        import networkx as nx

        if graph is None:
            graph = nx.DiGraph() if self.network.directed else nx.Graph()
            graph.add_nodes_from(self.network.node_ids.tolist())
            src, tgt, w = self.network.to_coo()
            ids = self.network.node_ids
            graph.add_weighted_edges_from(zip(ids[src].tolist(), ids[tgt].tolist(), w.tolist()))
        else:
            graph = graph.copy()
        for row in self.to_rows():
            if row["node_id"] not in graph:
                raise PartitionError(f"node {row['node_id']!r} of the result is not in the graph", field="graph")
            graph.nodes[row["node_id"]].update(module=row["module"], path=row["path"], flow=row["flow"])
        return graph

    def to_dict(self, *, include_tree: bool = True, include_flow: bool = False,
                hide_bipartite_nodes: bool = False, written: bool | Callable[[Callable[[], Any]], Any] = False
                ) -> dict[str, Any]:
        """The JSON schema shared by the CLI and the REST API (see docs/result-schema.md);
        ``hide_bipartite_nodes`` leaves feature nodes out of ``modules`` and ``node_flow``.

        ``written``: ``modules``, ``node_flow`` and ``tree`` as their JSON text (``orjson.Fragment``,
        written from the arrays by :mod:`.formats.json_formats`): the same document once orjson
        serializes it, without a Python object per node. ``written`` may also be a function that
        takes the maker of such a part's text (a function of no argument returning bytes or a
        uint8 array) and returns what stands for the part in the document: the parts are then
        made when the caller chooses (:func:`.formats.json_formats.write_json` makes and writes
        them one at a time)."""
        from .formats.text import hidden_nodes

        shown = ~hidden_nodes(self.network, hide_bipartite_nodes)
        if written:
            import orjson

            from .formats.json_formats import mapping_json_bytes, tree_json_bytes

            shown_ids = self.network.node_ids[shown]
            part = written if callable(written) else lambda make: orjson.Fragment(bytes(make()))

            def mapping(values: np.ndarray) -> Any:
                return part(lambda: mapping_json_bytes(shown_ids, values[shown], as_array=True))
        else:
            ids = list(map(str, self.network.node_ids[shown].tolist()))

            def mapping(values: np.ndarray) -> Any:
                return dict(zip(ids, values[shown].tolist()))
        out: dict[str, Any] = {
            "codelength": self.codelength,
            "index_codelength": self.index_codelength,
            "module_codelength": self.module_codelength,
            "one_level_codelength": self.one_level_codelength,
            "relative_codelength_savings": self.relative_codelength_savings,
            "num_modules": self.num_modules,
            "num_top_modules": self.num_modules,
            "num_levels": self.num_levels,
            "num_nodes": self.network.num_nodes,
            "num_links": self.network.num_links,
            "directed": self.flow.flow_model != "undirected",
            "flow_model": self.flow.flow_model,
            "modules": mapping(self.module_ids(1)),
            "seed": self.options.seed,
            "num_trials": self.options.num_trials,
            "best_trial": self.best_trial,
            "trial_codelengths": self.trial_codelengths,
            "level_codelengths": self.level_codelengths,
            "elapsed_seconds": self.elapsed,
            "options": self.options.to_dict(),
        }
        if self.options.preferred_number_of_levels:  # the term the choice of tree added (infomap_core.levels)
            out["level_penalty"] = self.level_penalty
        if include_flow:
            out["node_flow"] = mapping(self.flow.node_flow)
        if self.network.is_state_network:  # state-level and (overlapping) physical-level membership
            from .overlap import membership

            out["states"], out["physical_modules"] = membership(self.network, self.module_ids(1), self.flow.node_flow)
        if include_tree and written:
            out["tree"] = part(lambda: tree_json_bytes(self.tree, self.network, as_array=True))
        elif include_tree:
            from .formats import tree_to_json

            out["tree"] = tree_to_json(self.tree, self.network)
        return out


@dataclass(frozen=True, eq=False)
class CodelengthResult:
    """Codelength terms of a given partition or tree, with a per-module breakdown."""

    codelength: float
    index_codelength: float
    module_codelength: float
    one_level_codelength: float
    tree: Tree
    network: Network
    flow: FlowGraph
    objective: Objective = NO_VARIANT

    @property
    def relative_codelength_savings(self) -> float:
        return relative_savings(self.codelength, self.one_level_codelength)

    def to_dict(self) -> dict[str, Any]:
        terms = self.tree.codelength_terms(self.objective)
        kids = self.tree.children()[0]
        from .formats import path_string_of

        top = [
            {
                "module": int(self.tree.rank[t]),
                "path": path_string_of(self.tree, int(t)),
                "flow": float(self.tree.flow[t]),
                "enter": float(self.tree.enter[t]),
                "exit": float(self.tree.exit[t]),
                "codelength": float(_subtree_sum(self.tree, terms, int(t))),
                "num_nodes": int(_subtree_leaves(self.tree, int(t))),
            }
            for t in kids
        ]
        return {
            "codelength": self.codelength,
            "index_codelength": self.index_codelength,
            "module_codelength": self.module_codelength,
            "one_level_codelength": self.one_level_codelength,
            "relative_codelength_savings": self.relative_codelength_savings,
            "num_modules": len(top),
            "num_levels": self.tree.num_levels,
            "flow_model": self.flow.flow_model,
            "modules": top,
        }


def _subtree_sum(tree: Tree, values: np.ndarray, root: int) -> float:
    kids = tree.children()
    stack, total = [root], 0.0
    while stack:
        t = stack.pop()
        total += values[t]
        stack.extend(kids[t].tolist())
    return total


def _subtree_leaves(tree: Tree, root: int) -> int:
    kids = tree.children()
    stack, count = [root], 0
    while stack:
        t = stack.pop()
        if tree.leaf[t] >= 0:
            count += 1
        stack.extend(kids[t].tolist())
    return count


# --------------------------------------------------------------------- running
def _flow_for(network: Network, options: InfomapOptions) -> FlowGraph:
    return compute_flow(
        network,
        options.resolved_flow_model(network),
        teleportation_probability=options.teleportation_probability,
        recorded_teleportation=options.recorded_teleportation,
        to_nodes=options.to_nodes,
        markov_time=options.markov_time,
        variable_markov_time=options.variable_markov_time,
        variable_markov_damping=options.variable_markov_damping,
        variable_markov_min_scale=options.variable_markov_min_scale,
        regularized=options.regularized,
        regularization_strength=options.regularization_strength,
        adjust_bipartite=not options.skip_adjust_bipartite_flow,
        bipartite_teleportation=options.bipartite_teleportation,
        node_weights_as_flow=options.use_node_weights_as_flow,
    )


def _partition_array(network: Network, partition: Mapping, field_name: str = "initial_partition", *,
                     complete: bool = False) -> np.ndarray:
    """Module index per node from {id: module}.

    With ``complete`` every node must be named (scoring); otherwise the nodes left out get
    a module of their own (a warm start, as the official ``--cluster-data``).
    """
    if not partition:
        raise PartitionError("the partition is empty", field=field_name)
    idx = network.index_of(partition.keys(), field_name=field_name)
    if np.unique(idx).shape[0] != idx.shape[0]:
        raise PartitionError("a node appears twice in the partition", field=field_name)
    modules = np.full(network.num_nodes, -1, dtype=np.int64)
    _, labels = np.unique(np.asarray([str(m) for m in partition.values()]), return_inverse=True)
    modules[idx] = labels
    missing = modules < 0
    if missing.any():
        if complete:
            raise PartitionError(_missing_message(network, missing), field=field_name)
        modules[missing] = labels.max() + 1 + np.arange(int(missing.sum()))
    return modules


def _missing_message(network: Network, missing: np.ndarray) -> str:
    ids = network.node_ids[np.nonzero(missing)[0][:5]].tolist()
    more = f" and {int(missing.sum()) - len(ids)} more" if missing.sum() > len(ids) else ""
    return (f"the partition leaves out {int(missing.sum())} of {network.num_nodes} nodes "
            f"({', '.join(map(repr, ids))}{more}); scoring needs a module for every node")


def node_limited(network: Network, options: InfomapOptions, *by_node: Mapping | None) -> tuple:
    """``network`` with only the nodes of id up to ``options.node_limit`` (all without one),
    and each mapping of ``by_node`` (node id -> value, or None) without the nodes left out."""
    if not options.node_limit:
        return (network, *by_node)
    limited = network.up_to_node(int(options.node_limit))
    kept = set(limited.node_ids.tolist())

    def within(key) -> bool:
        try:
            return int(key) in kept
        except (TypeError, ValueError):
            return False  # not an integer id: the limited network has none

    return (limited, *(None if m is None else {k: v for k, v in m.items() if within(k)} for m in by_node))


def prepare(network: Network, options: InfomapOptions | None = None,
            initial_partition: Mapping | None = None, meta_data: Mapping | None = None) -> Problem:
    """Compute the flow once; the result is shared by all trials. ``meta_data`` maps every
    node id to a category (the meta map equation, weighted by ``options.meta_data_rate``);
    None: the network's own ``meta_data`` (read with it), if any; likewise ``initial_partition``."""
    options = options or InfomapOptions()
    network, initial_partition, meta_data = node_limited(network, options, initial_partition, meta_data)
    flow = _flow_for(network, options)
    if initial_partition is None:
        initial_partition = network.initial_partition
    initial = _partition_array(network, initial_partition) if initial_partition else None
    meta_data = network.meta_data if meta_data is None else meta_data
    return Problem(network=network, flow=flow, initial=initial,
                   objective=options.objective(network, flow, meta_data))


def run_trial(problem: Problem, options: InfomapOptions, trial: int,
              settings: SearchSettings | None = None) -> TrialResult:
    """Run trial ``trial`` with seed ``options.seed + trial``.

    Multilevel trials alternate their starting point for diversity: even trials build the
    hierarchy on the tuned two-level partition, odd trials on the untuned one (the
    hierarchy search flattens and re-splits it anyway, and from a rougher start it lands
    in other basins; on several classic networks only those trials reach the best tree).
    """
    start = time.perf_counter()
    seed = int(options.seed) + int(trial)
    rng = np.random.default_rng(seed)
    settings = settings or SearchSettings()
    if options.two_level:
        modules, _ = optimize_two_level(problem.flow, rng, settings, problem.initial, problem.objective)
        tree = Tree.two_level(problem.flow, modules)
    else:
        from .multilevel import optimize_multilevel  # here: a two-level run never loads its kernels

        fast = int(options.fast_hierarchical_solution)
        if trial % 2 == 1 and fast < 2:  # (-FF, -FFF: the tuned two-level modules are the tree's leaves)
            settings = replace(settings, max_tune_iterations=0)
        tree = optimize_multilevel(problem.flow, rng, settings, problem.initial, problem.objective, fast=fast)
    penalty = 0.0
    if options.preferred_number_of_levels and not options.two_level:
        from .levels import prefer_levels

        tree, penalty = prefer_levels(problem.flow, tree, int(options.preferred_number_of_levels),
                                      float(options.preferred_number_of_levels_strength), rng, settings,
                                      problem.objective)
    total, _, _ = tree.codelength(problem.objective)
    return TrialResult(trial=int(trial), seed=seed, codelength=total, tree=tree, elapsed=time.perf_counter() - start,
                       level_penalty=penalty)


def best_of(problem: Problem, options: InfomapOptions, trials: list[TrialResult], elapsed: float | None = None,
            started_at: float | None = None) -> InfomapResult:
    """The trial with the shortest codelength plus level penalty (:attr:`TrialResult.score`; the lowest
    trial index on ties).

    ``started_at`` is ``time.time()`` when the run began (the files' ``# started at`` line; when it is
    None they write the time of writing minus ``elapsed``).
    """
    if not trials:
        raise OptionError("no trial results", field="num_trials")
    ordered = sorted(trials, key=lambda t: t.trial)
    best = min(ordered, key=lambda t: (t.score, t.trial))
    total, index, module = best.tree.codelength(problem.objective)
    one_level = one_level_codelength(problem.flow, problem.objective)
    return InfomapResult(
        network=problem.network,
        flow=problem.flow,
        tree=best.tree,
        codelength=total,
        index_codelength=index,
        module_codelength=module,
        one_level_codelength=one_level,
        options=options,
        trial_codelengths=[t.codelength for t in ordered],
        best_trial=best.trial,
        elapsed=sum(t.elapsed for t in ordered) if elapsed is None else elapsed,
        level_codelengths=best.tree.level_codelengths(problem.objective),
        started_at=started_at,
        objective=problem.objective,
        level_penalty=best.level_penalty,
    )


def run_infomap(network: Network, options: InfomapOptions | None = None, *,
                initial_partition: Mapping | None = None, meta_data: Mapping | None = None,
                progress: Callable[[int, int], None] | None = None,
                settings: SearchSettings | None = None, **overrides: Any) -> InfomapResult:
    """Find the partition (multilevel unless ``two_level``) that minimizes the map equation.

    ``network`` is a :class:`Network` or anything :meth:`Network.coerce` reads (a networkx
    graph, a scipy sparse matrix, a numpy adjacency matrix, a list of links).

    Examples
    --------
    >>> import networkx as nx
    >>> result = run_infomap(nx.karate_club_graph(), seed=1)
    >>> result.num_modules, round(result.codelength, 3)
    (3, 4.087)
    """
    network = Network.coerce(network)
    options = options or InfomapOptions()
    if overrides:
        options = replace(options, **_known(overrides))
    start, started_at = time.perf_counter(), time.time()
    with threads(options.num_threads):
        problem = prepare(network, options, initial_partition, meta_data)
        trials = []
        for j in range(options.num_trials):
            trials.append(run_trial(problem, options, j, settings))
            if progress is not None:
                progress(j + 1, options.num_trials)
            if options.converge and converged([t.score for t in trials]):
                break
    return best_of(problem, options, trials, elapsed=time.perf_counter() - start, started_at=started_at)


def _known(overrides: dict[str, Any]) -> dict[str, Any]:
    """``overrides`` when every key is an :class:`InfomapOptions` field; else an error naming the
    first other key (an official option mapeq does not support says why)."""
    from dataclasses import fields

    from .official_options import find_option, refusal

    names = {f.name for f in fields(InfomapOptions)}
    for key in overrides:
        if key not in names:
            official = find_option("--" + key.replace("_", "-"))
            if official is not None and not official.supported:
                raise OptionError(refusal(official, key), field=key)
            raise OptionError(f"unknown option {key!r} (InfomapOptions has the engine's options; search controls "
                              "are SearchSettings)", field=key)
    return overrides


@contextmanager
def threads(num_threads: int | None):
    """Run the parallel kernels on ``num_threads`` threads (None: all numba may use); the
    setting is the calling thread's own and is restored afterwards."""
    import numba

    before = numba.get_num_threads()
    numba.set_num_threads(numba.config.NUMBA_NUM_THREADS if num_threads is None
                          else max(1, min(int(num_threads), numba.config.NUMBA_NUM_THREADS)))
    try:
        yield
    finally:
        numba.set_num_threads(before)


def compute_codelength(network: Network, partition: Mapping | Tree | list, options: InfomapOptions | None = None,
                       *, meta_data: Mapping | None = None) -> CodelengthResult:
    """Codelength of a given partition ({id: module}), tree paths ({id: (1, 2, ...)}) or Tree
    (with per-node ``meta_data`` categories: the meta map equation; None: the network's own
    ``meta_data``, if any)."""
    network = Network.coerce(network)
    options = options or InfomapOptions()
    if not isinstance(partition, Tree):
        network, partition, meta_data = node_limited(network, options, partition, meta_data)
    elif options.node_limit:
        raise OptionError("node_limit applies to a partition given as a mapping, not to a Tree (built on a "
                          "network already)", field="node_limit")
    flow = _flow_for(network, options)
    if isinstance(partition, Tree):
        tree = partition
    else:
        tree = _tree_from_mapping(network, flow, partition)
    objective = options.objective(network, flow, network.meta_data if meta_data is None else meta_data)
    total, index, module = tree.codelength(objective)
    one_level = one_level_codelength(flow, objective)
    return CodelengthResult(total, index, module, one_level, tree, network, flow, objective)


def _tree_from_mapping(network: Network, flow: FlowGraph, partition: Mapping) -> Tree:
    """{id: module} (two-level) or {id: path tuple/str "1:2:3"} (multilevel, leaf rank last).

    Path components are labels (any positive integer, as in the official files); a path of
    one component is a node directly under the root, which becomes a module of its own (as
    the official does).
    """
    if not isinstance(partition, Mapping) or not partition:
        raise PartitionError("the partition must be a non-empty mapping of node id to module", field="partition")
    values = list(partition.values())
    is_path = [isinstance(v, (tuple, list)) or isinstance(v, str) and ":" in v for v in values]
    if not all(is_path):
        if any(is_path):  # {1: 1, 2: "1:2"} scored every node alone (the labels 1 and "1:2" differ)
            key = list(partition.keys())[is_path.index(True)]
            raise PartitionError(f"the partition mixes tree paths (node {key!r}: {partition[key]!r}) with module ids "
                                 f"(node {list(partition.keys())[is_path.index(False)]!r}); give every node a path "
                                 "such as '1:2', or every node a module", field="partition")
        return Tree.two_level(flow, _partition_array(network, partition, "partition", complete=True))
    keys = list(partition.keys())
    idx = network.index_of(keys, field_name="partition")
    if np.unique(idx).shape[0] != idx.shape[0]:
        raise PartitionError("a node appears twice in the tree", field="partition")
    if idx.shape[0] != network.num_nodes:
        missing = np.ones(network.num_nodes, dtype=bool)
        missing[idx] = False
        raise PartitionError(_missing_message(network, missing), field="partition")
    paths: list = [None] * network.num_nodes
    for i, key, v in zip(idx.tolist(), keys, values):
        parts = v.split(":") if isinstance(v, str) else v
        try:
            path = tuple(_path_label(x) for x in parts)
        except (TypeError, ValueError):
            raise PartitionError(f"node {key!r}: bad tree path {v!r} (a path is positive integers separated "
                                 "by ':', such as '1:2:1')",
                                 field="partition")
        if not path:
            raise PartitionError(f"node {key!r}: empty tree path", field="partition")
        paths[i] = path[:-1]
    return Tree.from_paths(flow, paths, node_labels=network.node_ids.tolist())


def _path_label(x) -> int:
    """One component of a tree path: a positive integer of any size (a label)."""
    if isinstance(x, bool) or not isinstance(x, (int, np.integer, str)):
        raise TypeError(x)
    value = int(x.strip()) if isinstance(x, str) else int(x)
    if value < 1:
        raise ValueError(x)
    return value


def warmup() -> None:
    """Compile (or load from cache) every numba kernel on a tiny network."""
    edges = [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]
    for directed, recorded in ((False, False), (True, False), (True, True)):
        net = Network.from_edges(edges, directed=directed)
        run_infomap(net, InfomapOptions(two_level=False, recorded_teleportation=recorded))
        run_infomap(net, InfomapOptions(two_level=True, recorded_teleportation=recorded))
    two_level_codelength(_flow_for(Network.from_edges(edges), InfomapOptions()), np.array([0, 0, 0, 1, 1, 1]))
    from .formats import render  # the output formats' kernels (rows, module links, tree order)

    result = run_infomap(Network.from_edges(edges), InfomapOptions())
    for name in ("tree", "ftree", "clu", "csv", "newick"):
        render(result, name)
