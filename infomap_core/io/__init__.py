"""Readers of network, partition and tree files.

* :func:`read_network` / :func:`parse_network`: a link list (``source target
  [weight]``) or a Pajek file to a :class:`~infomap_core.network.Network`; the format
  is detected from the content (:mod:`.readers`); rules in :mod:`.link_list` and
  :mod:`.pajek`.
* :func:`read_partition` / :func:`parse_partition`: a ``.clu`` file to
  ``{node_id: module_id}`` (:mod:`.partition_file`).
* :func:`read_tree` / :func:`parse_tree`: the rows ``(path, flow, name, node_id)`` of
  a ``.tree`` or ``.ftree`` file (:mod:`.tree_file`).

``read_*`` take a path (``.gz`` is decompressed), ``parse_*`` the text as str or
bytes. Malformed input raises :class:`~infomap_core.errors.ParseError` (or
:class:`~infomap_core.errors.InvalidWeightError` for a NaN, infinite or negative
weight) with ``.line``, the 1-based line number.
"""

from .partition_file import parse_partition, read_partition
from .readers import detect_format, parse_network, read_network
from .tree_file import TreeRow, parse_tree, read_tree

__all__ = [
    "read_network", "parse_network", "detect_format", "read_partition", "parse_partition",
    "read_tree", "parse_tree", "TreeRow", "warmup",
]


def warmup() -> None:
    """Compile (or load from the numba cache) the link-list and higher-order kernels on tiny inputs."""
    from .higher_order import _scan_rows
    from .link_list import scan_link_table

    scan_link_table(b"1 2 0.5\n2 3\n", use_kernel=True)
    scan_link_table(b"a b 0.5\nb c\n", use_kernel=True)
    _scan_rows(b"1 2 3 0.5\n", 0, 10, 1, 3, 4)
