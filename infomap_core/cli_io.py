"""File arguments shared by both command lines: the network and a partition or tree file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import MapEqError
from .flow import FLOW_MODELS

__all__ = ["read_network_arg", "read_cluster_file", "read_meta_data", "DIRECTED_FLOW_MODELS"]

#: Flow models that read links as arcs (every model but "undirected").
DIRECTED_FLOW_MODELS = tuple(m for m in FLOW_MODELS if m != "undirected")


def read_network_arg(path: str, *, format: str | None = None, directed: bool = False, field: str = "network",
                     relax=None):
    """The network of a file argument ('-' reads stdin). ``directed`` reads links as arcs.

    As in the official Infomap, a Pajek ``*Arcs`` section does not make the network
    directed: ``-d`` or a directed flow model does.
    """
    from .io import parse_network, read_network

    if path == "-":
        return parse_network(sys.stdin.buffer.read(), format=format, directed=directed or None, relax=relax)
    if not os.path.exists(path):
        raise MapEqError(f"no such file: {path}", field=field)
    return read_network(path, format=format, directed=directed or None, relax=relax)


def read_cluster_file(path: str, field: str = "partition") -> dict:
    """``{id: module}`` from a ``.clu`` file, or ``{id: (1, 2, ..., leaf rank)}`` (the node's path)
    from a ``.tree``/``.ftree`` file; the kind is told by the extension or the rows."""
    from .io import read_partition, read_tree

    if not os.path.exists(path):
        raise MapEqError(f"no such file: {path}", field=field)
    text = Path(path).read_text(errors="replace")
    looks_like_tree = path.endswith((".tree", ".ftree")) or any(
        ":" in line.split()[0] for line in text.splitlines()[:50] if line.strip() and not line.startswith("#")
    )
    if looks_like_tree:
        return {row.node_id: tuple(row.path) for row in read_tree(path)}
    return read_partition(path)


def read_meta_data(path: str, field: str = "meta_data") -> dict:
    """``{id: category}`` from a ``.clu``-format file (``node_id category`` rows), as the
    official ``--meta-data`` reads it."""
    from .io import read_partition

    if not os.path.exists(path):
        raise MapEqError(f"no such file: {path}", field=field)
    return read_partition(path)
