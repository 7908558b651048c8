r"""Multilayer networks as state networks: one state node per (layer, physical node).

Three input forms, as the official Infomap reads them:

* **explicit** (``*Multilayer``): links ``(layer, node) -> (layer, node)`` with a weight
  are the state links, as given.
* **intra only** (``*Intra``): links within layers; the walker moves within its layer
  and, at the relax rate ``r``, relaxes to any layer where the node has links. State
  ``(alpha, i)`` links to ``(beta, j)`` with weight (a transition probability)

  .. math::

      P^{\alpha\beta}_{ij} = (1 - r)\,\delta_{\alpha\beta}\,\frac{w^\alpha_{ij}}{s^\alpha_i}
                             + r\,\frac{w^\beta_{ij}}{S^\alpha_i},
      \qquad S^\alpha_i = \sum_{\beta \in R(\alpha)} s^\beta_i,

  with ``s^beta_i`` the out-strength of ``i`` in layer ``beta`` and ``R(alpha)`` the
  layers within the relax limits of ``alpha`` (De Domenico et al. 2015). The first term
  is left out when ``i`` has no link in its own layer.
* **intra and inter** (``*Intra`` + ``*Inter``): ``(alpha, i)`` moves within its layer
  with weight ``w^alpha_ij`` and to the neighbours of ``i`` in layer ``beta`` with weight
  ``D^{alpha beta}_i w^beta_ij / s^beta_i`` (the inter link ``alpha i beta D`` spread
  over ``i``'s out-links in ``beta``).

Two options change the intra-only form (the official ``--multilayer-relax-by-jsd`` and
``--multilayer-relax-to-self``):

* **relax by Jensen-Shannon divergence** (Aslak et al. 2018, neighbourhood flow coupling):
  the walker relaxes to the layers where ``i`` links to similar nodes. With
  ``J^{alpha beta}_i = 1 - JSD_pi(P^alpha_i, P^beta_i)`` (``P`` the out-link distributions
  of ``i`` over its target nodes, ``pi`` proportional to ``s^alpha_i, s^beta_i``, in bits;
  ``J = 0`` when the two share no target and ``J^{alpha alpha} = 1``), state ``(alpha, i)``
  keeps its intra links with their weights ``w^alpha_ij`` and links to ``(beta, j)``,
  ``beta != alpha`` within the limits, with weight

  .. math::

      \frac{r}{1 - r}\, s^\alpha_i\, \frac{J^{\alpha\beta}_i}{\sum_{\gamma \in R(\alpha)} J^{\alpha\gamma}_i}\, w^\beta_{ij}

  (``r < 1``). A state without out-links in its own layer does not relax.
* **relax to self**: a relaxed step to another layer ``beta`` is one *relay* link
  ``(alpha, i) -> (beta, i)`` carrying the weight of all of ``(alpha, i)``'s links into
  ``beta``; the walker passes through ``(beta, i)`` without a step (see
  :func:`.flow.compute_flow`, ``Network.self_relays``), so the flow of every state node is
  that of the default form and the state network is smaller. With ``*Inter`` links the
  inter link ``(alpha, i, beta, D)`` is the relay ``(alpha, i) -> (beta, i)`` of weight ``D``.
  Relaxed by JSD the links stay as they are, and only those between two states of one
  physical node are relays (as the official).

Undirected input (the default) reads every intra and inter link both ways: the weights
of ``(u, v)`` and ``(v, u)`` add up. The state links of the last two forms are arcs:
their flow model is ``directed``; the explicit form keeps the network's own.

Examples
--------
>>> layer, a, b, w = relax_state_links([1, 1, 2], [1, 2, 1], [2, 3, 3], [1.0, 1.0, 1.0],
...                                    directed=True, relax=RelaxOptions(rate=0.5))
>>> [(int(x), int(y)) for x, y in layer]  # states: (layer, node)
[(1, 1), (1, 2), (1, 3), (2, 1), (2, 3)]
>>> [(int(x), int(y), float(z)) for x, y, z in zip(a, b, w)]
[(0, 1, 0.75), (0, 4, 0.25), (1, 2, 1.0), (3, 1, 0.25), (3, 4, 0.75)]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import NetworkError, OptionError

__all__ = ["RelaxOptions", "RELAX_RATE", "relax_state_links", "inter_state_links", "explicit_state_links",
           "check_relays"]

#: The official default relax rate of intra-only multilayer networks.
RELAX_RATE = 0.15


@dataclass(frozen=True)
class RelaxOptions:
    """How a walker relaxes between layers (the official ``--multilayer-relax-*`` options).

    ``limit`` caps how many layer ids away a relaxed step may go, both ways, and
    ``limit_up``/``limit_down`` the steps to higher/lower layer ids; the tighter cap holds
    (-1: no cap).
    """

    rate: float = RELAX_RATE
    limit: int = -1
    limit_up: int = -1
    limit_down: int = -1
    by_jsd: bool = False
    to_self: bool = False

    def __post_init__(self):
        if not (np.isfinite(self.rate) and 0.0 <= self.rate <= 1.0):
            raise OptionError(f"multilayer_relax_rate must be in [0, 1], got {self.rate}",
                              field="multilayer_relax_rate")
        if self.by_jsd and self.rate >= 1.0:
            raise OptionError("multilayer_relax_by_jsd needs multilayer_relax_rate < 1 (the relaxed links weigh "
                              "r / (1 - r) times the own layer's)", field="multilayer_relax_rate")
        for name in ("limit", "limit_up", "limit_down"):
            if int(getattr(self, name)) < -1:
                raise OptionError(f"multilayer_relax_{name} must be >= -1 (-1: no limit)",
                                  field=f"multilayer_relax_{name}")

    def allowed(self, from_layer: np.ndarray, to_layer: np.ndarray) -> np.ndarray:
        """Whether a relaxed step from ``from_layer`` to ``to_layer`` is within the limits."""
        up, down = (_tighter(self.limit, x) for x in (self.limit_up, self.limit_down))
        ok = np.ones(np.broadcast(from_layer, to_layer).shape, dtype=bool)
        if up >= 0:
            ok &= (to_layer - from_layer) <= up
        if down >= 0:
            ok &= (from_layer - to_layer) <= down
        return ok


def _tighter(a: int, b: int) -> int:
    """The tighter of two caps (-1: no cap)."""
    return b if a < 0 else a if b < 0 else min(a, b)


def _int_array(values, name: str) -> np.ndarray:
    try:
        arr = np.asarray(values, dtype=np.int64)
    except (TypeError, ValueError, OverflowError):
        raise NetworkError(f"{name} must be integers", field=name)
    return arr.reshape(-1)


def _weights(values, m: int, name: str) -> np.ndarray:
    if values is None:
        return np.ones(m)
    w = np.asarray(values, dtype=np.float64).reshape(-1)
    if w.shape[0] != m:
        raise NetworkError(f"{name} needs one weight per link", field=name)
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise NetworkError(f"{name} weights must be finite and >= 0", field=name)
    return w


def _sum_links(layer, src, tgt, w, directed: bool):
    """Distinct intra links (layer, src, tgt) with summed weights; undirected input adds
    the reverse of every link (a self-link once). Zero weights are dropped."""
    if not directed:
        other = src != tgt
        layer = np.concatenate([layer, layer[other]])
        src, tgt = np.concatenate([src, tgt[other]]), np.concatenate([tgt, src[other]])
        w = np.concatenate([w, w[other]])
    uniq, inverse = _unique_rows(layer, src, tgt)
    summed = np.bincount(inverse, weights=w, minlength=uniq[0].shape[0])
    keep = summed > 0
    return uniq[0][keep], uniq[1][keep], uniq[2][keep], summed[keep]


def _unique_rows(*columns: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    """Distinct rows of int64 ``columns`` in lexicographic order (as ``np.unique(axis=...)``)
    and the index of each input row among them, by one ``lexsort``."""
    m = columns[0].shape[0]
    order = np.lexsort(columns[::-1])
    ordered = [c[order] for c in columns]
    new = np.ones(m, dtype=bool)
    if m:
        new[1:] = np.any([c[1:] != c[:-1] for c in ordered], axis=0)
    inverse = np.empty(m, dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return [c[new] for c in ordered], inverse


def _states(layer_node_pairs: list[tuple[np.ndarray, np.ndarray]]):
    """Sorted distinct (layer, node) states and a lookup (layer, node) -> state index (of
    pairs that are states)."""
    layers = np.concatenate([p[0] for p in layer_node_pairs]).astype(np.int64, copy=False)
    nodes = np.concatenate([p[1] for p in layer_node_pairs]).astype(np.int64, copy=False)
    (state_layer, state_node), _ = _unique_rows(layers, nodes)
    states = np.stack([state_layer, state_node], axis=1)
    keys = _PairKeys(states)

    def index(layer, node):
        return np.searchsorted(keys.states, keys(layer, node))

    return states, index


class _PairKeys:
    """Sortable int64 keys of (layer, node) pairs: ``rank(layer) * N + rank(node)`` over the
    layers and nodes of ``states`` (sorted rows); pairs with an unknown layer or node get -1."""

    def __init__(self, states: np.ndarray):
        self.layers = np.unique(states[:, 0])
        self.nodes = np.unique(states[:, 1])
        self.states = self(states[:, 0], states[:, 1])

    def __call__(self, layer: np.ndarray, node: np.ndarray) -> np.ndarray:
        layer, node = np.asarray(layer, dtype=np.int64), np.asarray(node, dtype=np.int64)
        li = np.minimum(np.searchsorted(self.layers, layer), self.layers.shape[0] - 1)
        ni = np.minimum(np.searchsorted(self.nodes, node), self.nodes.shape[0] - 1)
        key = li * self.nodes.shape[0] + ni
        key[(self.layers[li] != layer) | (self.nodes[ni] != node)] = -1
        return key


def _row_keys(rows: np.ndarray) -> np.ndarray:
    """A sortable 1-D view of integer rows such as (layer, node) (structured, lexicographic)."""
    rows = np.ascontiguousarray(rows, dtype=np.int64)
    return rows.view([(f"c{k}", np.int64) for k in range(rows.shape[1])]).reshape(-1)


def relax_state_links(layer, source, target, weight=None, *, directed: bool = False,
                      relax: RelaxOptions = RelaxOptions()):
    """State links of an intra-only multilayer network with relaxation (module docstring).

    Returns ``(states, source, target, weight)``: ``states[k]`` is the (layer, node) of
    state index ``k`` (sorted), the links are state indices.
    """
    layer, src, tgt = (_int_array(x, "intra") for x in (layer, source, target))
    if not (layer.shape == src.shape == tgt.shape):
        raise NetworkError("intra links need a layer, a source and a target each", field="intra")
    w = _weights(weight, layer.shape[0], "intra")
    layer, src, tgt, w = _sum_links(layer, src, tgt, w, directed)
    if layer.shape[0] == 0:
        raise NetworkError("the multilayer network has no intra link of positive weight", field="intra")
    states, index = _states([(layer, src), (layer, tgt)])
    n = states.shape[0]
    # out-strength s of each state
    src_state = index(layer, src)
    strength = np.bincount(src_state, weights=w, minlength=n)
    # pair every state (alpha, i) with every intra link (beta, i -> j) of its physical node i
    link_order = np.lexsort((layer, src))
    l_layer, l_src, l_tgt, l_w = layer[link_order], src[link_order], tgt[link_order], w[link_order]
    state_node = states[:, 1]
    first = np.searchsorted(l_src, state_node, side="left")
    count = np.searchsorted(l_src, state_node, side="right") - first
    pair_state = np.repeat(np.arange(n), count)
    offsets = np.arange(pair_state.shape[0]) - np.repeat(np.cumsum(count) - count, count)
    pair_link = np.repeat(first, count) + offsets
    alpha = states[pair_state, 0]
    beta = l_layer[pair_link]
    same = alpha == beta
    allowed = relax.allowed(alpha, beta) | same
    pair_state, pair_link, alpha, beta, same = (x[allowed] for x in (pair_state, pair_link, alpha, beta, same))
    pw = l_w[pair_link]
    r = float(relax.rate)
    if relax.by_jsd:
        value = _jsd_relax_weights(states, strength, pair_state, alpha, beta, same, pw, index,
                                   (layer, src, tgt, w), r)
    else:
        # S^alpha_i: the out-strength of i over the layers within reach of alpha
        reach = np.bincount(pair_state, weights=pw, minlength=n)
        value = r * pw / reach[pair_state]
        own = same & (strength[pair_state] > 0)
        value[own] += (1.0 - r) * pw[own] / strength[pair_state[own]]
    to_state = index(beta, l_tgt[pair_link])
    if relax.to_self and not relax.by_jsd:  # one relay link (alpha, i) -> (beta, i) for all links into a layer
        relay = ~same
        to_state = to_state.copy()
        to_state[relay] = index(beta[relay], state_node[pair_state[relay]])
        a, b, v = _summed(pair_state, to_state, value, n)
        return states, a, b, v
    keep = value > 0
    return states, pair_state[keep], to_state[keep], value[keep]


def _summed(a, b, v, n):
    """Links (a, b) with repeated pairs summed; zero weights dropped."""
    key = a.astype(np.int64) * n + b
    uniq, inverse = np.unique(key, return_inverse=True)
    total = np.bincount(inverse.reshape(-1), weights=v, minlength=uniq.shape[0])
    keep = total > 0
    return uniq[keep] // n, uniq[keep] % n, total[keep]


def _jsd_relax_weights(states, strength, pair_state, alpha, beta, same, pw, index, links, r):
    """Link weights of relaxation by Jensen-Shannon divergence (module docstring), one per
    (state, intra link of its physical node in a layer within reach) pair."""
    layer, src, tgt, w = links
    n = states.shape[0]
    node = states[pair_state, 1]
    # J of each (node, alpha, beta) with a common target: JSD_pi = [S lg S - sa lg sa - sb lg sb - O] / S,
    # O = sum over common targets j of g(wa_j + wb_j) - g(wa_j) - g(wb_j), g(x) = x lg x
    order = np.lexsort((layer, tgt, src))
    g_src, g_tgt, g_layer, g_w = src[order], tgt[order], layer[order], w[order]
    start = np.ones(g_src.shape[0], dtype=bool)
    start[1:] = (g_src[1:] != g_src[:-1]) | (g_tgt[1:] != g_tgt[:-1])
    group = np.cumsum(start) - 1
    first = np.nonzero(start)[0]
    size = np.diff(np.append(first, g_src.shape[0]))[group]
    e1 = np.repeat(np.arange(g_src.shape[0]), size)
    e2 = np.repeat(first[group], size) + (np.arange(e1.shape[0]) - np.repeat(np.cumsum(size) - size, size))
    mixed = e1 != e2
    e1, e2 = e1[mixed], e2[mixed]

    def g(x):
        return x * np.log2(x)

    term = g(g_w[e1] + g_w[e2]) - g(g_w[e1]) - g(g_w[e2])
    keys = np.stack([g_src[e1], g_layer[e1], g_layer[e2]], axis=1)
    ukeys, inverse = (np.unique(keys, axis=0, return_inverse=True) if keys.shape[0]
                      else (keys, np.zeros(0, dtype=np.int64)))
    overlap = np.bincount(inverse.reshape(-1), weights=term, minlength=ukeys.shape[0])
    sa = strength[index(ukeys[:, 1], ukeys[:, 0])]
    sb = strength[index(ukeys[:, 2], ukeys[:, 0])]
    total = sa + sb
    jsd = (g(total) - g(sa) - g(sb) - overlap) / total
    similarity = np.clip(1.0 - jsd, 0.0, 1.0)
    # J of each (state, link) pair: 1 in the own layer, 0 without a common target
    j_pair = np.ones(pair_state.shape[0])
    other = ~same
    if ukeys.shape[0]:
        probe = _row_keys(np.stack([node[other], alpha[other], beta[other]], axis=1))
        pos = np.clip(np.searchsorted(_row_keys(ukeys), probe), 0, ukeys.shape[0] - 1)
        found = _row_keys(ukeys)[pos] == probe
        j_pair[other] = np.where(found, similarity[pos], 0.0)
    else:
        j_pair[other] = 0.0
    # sum of J over the layers within reach (each layer once: its first link of the pair list)
    layer_key = pair_state.astype(np.int64)
    _, first_of_layer = np.unique(np.stack([layer_key, beta], axis=1), axis=0, return_index=True)
    j_sum = np.bincount(pair_state[first_of_layer], weights=j_pair[first_of_layer], minlength=n)
    s_alpha = strength[pair_state]
    value = np.where(same, pw, 0.0)
    ok = other & (s_alpha > 0) & (j_pair > 0)
    value[ok] = r / (1.0 - r) * s_alpha[ok] * j_pair[ok] / j_sum[pair_state[ok]] * pw[ok]
    return value


def inter_state_links(layer, source, target, weight, inter_layer, inter_node, inter_to_layer, inter_weight, *,
                      directed: bool = False, to_self: bool = False):
    """State links of a multilayer network with intra and inter links (module docstring).

    An inter link ``(alpha, i, beta, D)`` moves the walker from ``(alpha, i)`` to ``i``'s
    out-neighbours ``j`` in ``beta`` with weight ``D w^beta_ij / s^beta_i``; it needs
    ``alpha != beta``. With ``to_self`` it is the relay link ``(alpha, i) -> (beta, i)`` of
    weight ``D`` instead.
    """
    layer, src, tgt = (_int_array(x, "intra") for x in (layer, source, target))
    if not (layer.shape == src.shape == tgt.shape):
        raise NetworkError("intra links need a layer, a source and a target each", field="intra")
    w = _weights(weight, layer.shape[0], "intra")
    layer, src, tgt, w = _sum_links(layer, src, tgt, w, directed)
    il, inode, ito = (_int_array(x, "inter") for x in (inter_layer, inter_node, inter_to_layer))
    if not (il.shape == inode.shape == ito.shape):
        raise NetworkError("inter links need a layer, a node and a layer each", field="inter")
    iw = _weights(inter_weight, il.shape[0], "inter")
    # inter links as (from layer, node, to layer) with summed weights; undirected both ways
    if np.any(il == ito):
        k = int(np.argmax(il == ito))
        raise NetworkError(f"inter link {k + 1} (layer {il[k]}, node {inode[k]}, layer {ito[k]}) must go to "
                           "another layer", field="inter")
    known = np.unique(layer)
    for ids in (il, ito):
        unknown = ~np.isin(ids, known)
        if unknown.any():
            k = int(np.argmax(unknown))
            raise NetworkError(f"inter link {k + 1}: layer id {ids[k]} is out of range (no intra link is in that "
                               f"layer; layers {known.min()}..{known.max()})", field="inter")
    given_layer, given_node = il, inode
    il, ito, inode, iw = _inter_sum(il, inode, ito, iw, directed)
    if layer.shape[0] == 0:
        raise NetworkError("the multilayer network has no intra link of positive weight", field="intra")
    # An inter link spreads over the out-links of (beta, i), so it goes nowhere when i has
    # none in beta. The source (alpha, i) of a given inter link is a state node even when i
    # has no link in alpha; the source of a reverse (undirected) one only when it spreads.
    intra_states, intra_index = _states([(layer, src), (layer, tgt)])
    intra_strength = np.bincount(intra_index(layer, src), weights=w, minlength=intra_states.shape[0])
    via, via_found = _lookup(intra_states, ito, inode)
    spreads = via_found & (intra_strength[via] > 0)
    states, index = _states([(layer, src), (layer, tgt), (given_layer, given_node), (il[spreads], inode[spreads])])
    src_state = index(layer, src)
    tgt_state = index(layer, tgt)
    a, b, x = [src_state], [tgt_state], [w]
    n = states.shape[0]
    strength = np.bincount(src_state, weights=w, minlength=n)
    order = np.argsort(src_state, kind="stable")
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src_state, minlength=n), out=indptr[1:])
    if spreads.any() and to_self:
        a.append(index(il[spreads], inode[spreads]))
        b.append(index(ito[spreads], inode[spreads]))
        x.append(iw[spreads])
    elif spreads.any():
        via, frm = index(ito[spreads], inode[spreads]), index(il[spreads], inode[spreads])
        count = indptr[via + 1] - indptr[via]
        rep_from = np.repeat(frm, count)
        rep_d = np.repeat(iw[spreads] / strength[via], count)
        offs = np.arange(rep_from.shape[0]) - np.repeat(np.cumsum(count) - count, count)
        links = order[np.repeat(indptr[via], count) + offs]
        a.append(rep_from)
        b.append(tgt_state[links])
        x.append(rep_d * w[links])
    return states, np.concatenate(a), np.concatenate(b), np.concatenate(x)


def _lookup(states: np.ndarray, layer: np.ndarray, node: np.ndarray):
    """State index of each (layer, node) and whether that state exists."""
    keys = _PairKeys(states)
    wanted = keys(layer, node)
    pos = np.clip(np.searchsorted(keys.states, wanted), 0, states.shape[0] - 1)
    return pos, (wanted >= 0) & (keys.states[pos] == wanted)


def _inter_sum(il, inode, ito, iw, directed):
    if not directed:
        other = il != ito
        il, ito = np.concatenate([il, ito[other]]), np.concatenate([ito, il[other]])
        inode, iw = np.concatenate([inode, inode[other]]), np.concatenate([iw, iw[other]])
    if il.shape[0] == 0:
        return il, ito, inode, iw
    uniq, inverse = _unique_rows(il, inode, ito)
    summed = np.bincount(inverse, weights=iw, minlength=uniq[0].shape[0])
    keep = summed > 0
    return uniq[0][keep], uniq[2][keep], uniq[1][keep], summed[keep]


def check_relays(states: np.ndarray, source: np.ndarray, target: np.ndarray, weight: np.ndarray) -> None:
    """Relaxed to self, a relay ``(alpha, i) -> (beta, i)`` needs a link out of ``(beta, i)`` that
    is not a relay to carry its flow on (the intra forms always have one; explicit links may not)."""
    source, target = np.asarray(source), np.asarray(target)
    positive = np.asarray(weight) > 0
    relay = positive & (states[source, 1] == states[target, 1]) & (states[source, 0] != states[target, 0])
    carries = np.zeros(states.shape[0], dtype=bool)
    carries[source[positive & ~relay]] = True
    stuck = relay & ~carries[target]
    if stuck.any():
        layer, node = states[target[np.argmax(stuck)]]
        raise NetworkError(f"relax_to_self: the link into layer {layer} node {node} from its own node in another "
                           "layer is a relay, and that state has no other out-link to carry the flow on",
                           field="relax_to_self")


def explicit_state_links(source_layer, source, target_layer, target, weight=None):
    """State links of an explicit (``*Multilayer``) network: as given."""
    sl, s, tl, t = (_int_array(x, "links") for x in (source_layer, source, target_layer, target))
    if not (sl.shape == s.shape == tl.shape == t.shape):
        raise NetworkError("multilayer links need layer, node, layer, node each", field="links")
    w = _weights(weight, sl.shape[0], "links")
    states, index = _states([(sl, s), (tl, t)])
    return states, index(sl, s), index(tl, t), w
