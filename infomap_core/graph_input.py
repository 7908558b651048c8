"""Higher-order networks from networkx graphs (:meth:`.Network.from_networkx`).

The node attributes say what kind of network a graph is, as the official Infomap's
``add_networkx_graph`` reads them:

* every node has ``node_id`` (the physical node): a **state network**; the graph's nodes
  are the state nodes (their labels the state ids) and its edges the state links;
* every node has ``node_id`` and ``layer_id``: a **multilayer network** with one state node
  per (layer, node). An edge within a layer is an intra-layer link of the two physical nodes;
  an edge between layers joins the two states of one physical node and is an inter-layer
  link (``multilayer_inter_intra_format=True``, the default: without any inter-layer edge the
  walker relaxes between layers at ``relax_rate``); with ``multilayer_inter_intra_format=False``
  every edge is an explicit state link (the ``*Multilayer`` form). The states keep the graph's
  labels as their ids.
* ``bipartite_features=value`` (our addition; the official has no bipartite reading): the
  nodes whose ``bipartite`` attribute (networkx's own convention, set by
  ``networkx.algorithms.bipartite`` generators) equals ``value`` are the feature nodes. Labels
  are integers with every primary label below every feature label (the feature nodes start
  at the smallest feature label), as those generators number them.

A graph that is half one kind (an attribute on some nodes only, a layer without a physical
node, an edge within one side of a bipartite graph, an edge between two layers and two
physical nodes in the intra/inter form) is refused with the attribute and a node named:
the official reads some of these silently as another kind of network.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import EmptyNetworkError, NetworkError

if TYPE_CHECKING:  # pragma: no cover
    from .network import Network

__all__ = ["network_from_graph", "networkx_of_igraph"]

#: the keyword arguments of :meth:`.Network.from_multilayer` that a multilayer graph passes on
RELAX_KEYWORDS = ("relax_rate", "relax_limit", "relax_limit_up", "relax_limit_down", "relax_by_jsd", "relax_to_self")


def network_from_graph(cls: type, graph: Any, *, weight: str = "weight", node_id_attribute: str = "node_id",
                       layer_id_attribute: str = "layer_id", multilayer_inter_intra_format: bool = True,
                       bipartite_features: Any = None, bipartite_attribute: str = "bipartite",
                       meta_attribute: str | None = None, **relax: Any) -> "Network":
    """The :class:`.Network` of a networkx graph (see the module docstring)."""
    nodes = list(graph.nodes())
    if graph.number_of_edges() == 0:
        raise EmptyNetworkError("the graph has no edges", field="graph")
    physical = _attribute_of_all(graph, node_id_attribute)
    layers = _attribute_of_all(graph, layer_id_attribute)
    unknown = sorted(set(relax) - set(RELAX_KEYWORDS))
    if unknown:
        raise NetworkError(f"unknown keyword {unknown[0]!r} (a multilayer graph takes {', '.join(RELAX_KEYWORDS)})",
                           field=unknown[0])
    if layers is not None and physical is None:
        raise NetworkError(f"every node has a {layer_id_attribute!r} attribute but not a {node_id_attribute!r} one: "
                           f"a multilayer network needs the physical node of each state node",
                           field=node_id_attribute)
    if relax and layers is None:
        raise NetworkError(f"{sorted(relax)[0]} is an option of multilayer graphs (a {layer_id_attribute!r} and a "
                           f"{node_id_attribute!r} attribute on every node)", field=sorted(relax)[0])
    if bipartite_features is not None:
        if physical is not None:
            raise NetworkError(f"a graph with {node_id_attribute!r} attributes is a state network, not a bipartite "
                               "one: leave out bipartite_features or the attributes", field="bipartite_features")
        net = _bipartite(cls, graph, nodes, weight, bipartite_features, bipartite_attribute)
    elif layers is not None:
        net = _multilayer(cls, graph, nodes, weight, physical, layers, node_id_attribute, layer_id_attribute,
                          multilayer_inter_intra_format, relax)
    elif physical is not None:
        edges = list(graph.edges(data=weight, default=1.0))
        names = {n: str(d) for n, d in graph.nodes(data="name") if d is not None}
        net = cls.from_states(physical, edges, directed=bool(graph.is_directed()), state_names=names or None)
    else:
        if any(isinstance(n, tuple) for n in nodes):
            raise NetworkError("node labels must be integers or strings, got tuples such as "
                               f"{next(n for n in nodes if isinstance(n, tuple))!r}: relabel the graph "
                               "(networkx.convert_node_labels_to_integers(graph, label_attribute='label')); for the "
                               f"(layer, node) states of a multilayer network give each node {layer_id_attribute!r} "
                               f"and {node_id_attribute!r} attributes", field="graph")
        net = _first_order(cls, graph, nodes, weight)
    if meta_attribute is not None:
        from dataclasses import replace

        meta = _attribute_of_all(graph, meta_attribute)
        if meta is None:
            raise NetworkError(f"meta_attribute {meta_attribute!r} is not set on every node "
                               f"(node {_first_without(graph, meta_attribute)!r} has none)", field=meta_attribute)
        net = replace(net, meta_data=meta)
    return net


def networkx_of_igraph(graph: Any, weight: str = "weight") -> Any:
    """A networkx multigraph of an igraph ``Graph`` for :func:`network_from_graph`: the nodes are
    the vertex names (else indices) with the other vertex attributes, the edges keep ``weight``."""
    import networkx as nx

    n = graph.vcount()
    attributes = [a for a in graph.vs.attributes() if a != "name"]
    ids = list(graph.vs["name"]) if "name" in graph.vs.attributes() else list(range(n))
    if len(set(ids)) != n:
        raise NetworkError("vertex names must be distinct: they are the node ids", field="name")
    out = nx.MultiDiGraph() if graph.is_directed() else nx.MultiGraph()
    values = {a: graph.vs[a] for a in attributes}
    out.add_nodes_from((ids[k], {a: values[a][k] for a in attributes if values[a][k] is not None}) for k in range(n))
    weights = graph.es[weight] if weight in graph.es.attributes() else [1.0] * graph.ecount()
    out.add_edges_from((ids[a], ids[b], {weight: w}) for (a, b), w in zip(graph.get_edgelist(), weights))
    return out


def _first_order(cls: type, graph: Any, nodes: list, weight: str) -> "Network":
    edges = list(graph.edges(data=weight, default=1.0))
    nw = {n: d["weight"] for n, d in graph.nodes(data=True) if "weight" in d}
    names = {n: d["name"] for n, d in graph.nodes(data=True) if "name" in d}
    node_weights = {n: nw.get(n, 1.0) for n in nodes} if nw else None
    return cls.from_arrays([e[0] for e in edges], [e[1] for e in edges], [e[2] for e in edges],
                           directed=bool(graph.is_directed()), nodes=nodes, node_weights=node_weights,
                           node_names=names or None)


def _attribute_of_all(graph: Any, name: str) -> dict | None:
    """{node: value} when every node has attribute ``name``; None when none has it; an error
    naming a node without it when only some have it (an ambiguous graph)."""
    values = dict(graph.nodes(data=name))
    having = sum(v is not None for v in values.values())
    if having == 0:
        return None
    if having < len(values):
        raise NetworkError(f"{having} of {len(values)} nodes have a {name!r} attribute: give it to every node "
                           f"(node {_first_without(graph, name)!r} has none) or to none", field=name)
    return values


def _first_without(graph: Any, name: str) -> Any:
    return next((n for n, v in graph.nodes(data=name) if v is None), None)


def _integer(value: Any, node: Any, attribute: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise NetworkError(f"node {node!r}: {attribute} must be an integer, got {value!r}", field=attribute)
    return int(value)


def _bipartite(cls: type, graph: Any, nodes: list, weight: str, features: Any, attribute: str) -> "Network":
    side = _attribute_of_all(graph, attribute)
    if side is None:
        raise NetworkError(f"bipartite_features needs a {attribute!r} attribute on every node (networkx's "
                           "convention: 0 on one side, 1 on the other)", field=attribute)
    values = set(side.values())
    if features not in values:
        raise NetworkError(f"no node has {attribute}={features!r} (values: {sorted(map(repr, values))})",
                           field="bipartite_features")
    if len(values) != 2:
        raise NetworkError(f"a bipartite graph has two sides; {attribute!r} takes {len(values)} values "
                           f"({', '.join(sorted(map(repr, values)))})", field=attribute)
    for u, v in graph.edges():
        if side[u] == side[v]:
            raise NetworkError(f"edge {u!r} - {v!r} joins two nodes with {attribute}={side[u]!r}; a bipartite edge "
                               "joins the two sides", field=attribute)
    feature_ids = [n for n in nodes if side[n] == features]
    primary_ids = [n for n in nodes if side[n] != features]
    if not all(isinstance(n, (int, np.integer)) and not isinstance(n, bool) for n in nodes) \
            or max(primary_ids) >= min(feature_ids):
        raise NetworkError("a bipartite network numbers its feature nodes after its primary nodes: the node labels "
                           f"must be integers with every {attribute}={features!r} label above the others; relabel "
                           "with networkx.relabel_nodes (e.g. primary nodes 0..p-1, feature nodes p..n-1)",
                           field="graph")
    return cls._bipartite_of(_first_order(cls, graph, nodes, weight), int(min(feature_ids)))


def _multilayer(cls: type, graph: Any, nodes: list, weight: str, physical: dict, layers: dict,
                node_attribute: str, layer_attribute: str, intra_inter: bool, relax: Mapping) -> "Network":
    state_of: dict[tuple[int, int], Any] = {}
    for n in nodes:
        key = (_integer(layers[n], n, layer_attribute), _integer(physical[n], n, node_attribute))
        if key in state_of:
            raise NetworkError(f"nodes {state_of[key]!r} and {n!r} are both node {key[1]} in layer {key[0]}: a "
                               "multilayer graph has one node per (layer, node)", field=node_attribute)
        state_of[key] = n
    key_of = {n: k for k, n in state_of.items()}
    directed = bool(graph.is_directed())
    if intra_inter:
        intra, inter = [], []
        for u, v, w in graph.edges(data=weight, default=1.0):
            (lu, pu), (lv, pv) = key_of[u], key_of[v]
            if lu == lv:
                intra.append((lu, pu, pv, w))
            elif pu == pv:
                inter.append((lu, pu, lv, w))
            else:
                raise NetworkError(f"edge {u!r} - {v!r} joins node {pu} in layer {lu} and node {pv} in layer {lv}: "
                                   "the intra/inter form links one node across layers; pass "
                                   "multilayer_inter_intra_format=False to read every edge as a state link",
                                   field="multilayer_inter_intra_format")
        net = cls.from_multilayer(intra=intra, inter=inter or None, directed=directed, **relax)
    else:
        links = [(*key_of[u], *key_of[v], w) for u, v, w in graph.edges(data=weight, default=1.0)]
        net = cls.from_multilayer(links, directed=directed, **relax)
    built = list(zip(net.layers.tolist(), net.physical_ids[net.physical].tolist()))
    extra = next((k for k in built if k not in state_of), None)
    if extra is not None:  # not expected: every state is the end of an edge
        raise NetworkError(f"the links make a state of node {extra[1]} in layer {extra[0]}, which is no node of the "
                           "graph", field="graph")
    labels = [state_of[k] for k in built]
    left_out = set(nodes) - set(labels)
    if left_out:
        n = next(iter(left_out))
        raise NetworkError(f"node {n!r} (node {key_of[n][1]} in layer {key_of[n][0]}) has no link in its layer: a "
                           "multilayer state without links carries no flow; leave it out of the graph",
                           field="graph")
    return net._relabelled(labels)
