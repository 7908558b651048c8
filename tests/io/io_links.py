"""Links of a network as a dict, for comparing readers (tests/io is on sys.path: not a package)."""

from __future__ import annotations


def links_of(net) -> dict:
    """{(source id, target id): weight}; an undirected network's links as (smaller, larger) pairs, summed."""
    src, tgt, w = net.to_coo()
    ids = net.node_ids.tolist()
    out: dict = {}
    for a, b, x in zip(src.tolist(), tgt.tolist(), w.tolist()):
        key = (ids[a], ids[b]) if net.directed else (min(ids[a], ids[b]), max(ids[a], ids[b]))
        out[key] = out.get(key, 0.0) + x
    return out
