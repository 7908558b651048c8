"""``read_network`` / ``parse_network``: a link list or a Pajek file to a :class:`Network`.

Format detection (``format=None``): the content decides. A text that opens a JSON object
(``{``) is the official ``infomap-network`` JSON format (:mod:`.json_network`). If the first line that is
neither blank nor a ``#`` comment starts with ``*`` (``*Vertices``, ``*Edges``,
``*Arcs``, ``*Links``, ...), the file is Pajek; otherwise it is a link list. The
extension never overrides the content: a ``.net`` file without a header is a link
list (``ninetriangles.net`` from the official Infomap is one), and a ``.txt`` file
with a header is Pajek.

Directedness (``directed``): ``None`` or ``False`` is undirected, for a link list and for a
Pajek file alike (``*Arcs`` sections too, as in the official Infomap: see
:mod:`infomap_core.io.pajek`); ``True`` reads every link as an arc.
"""

from __future__ import annotations

import os

from ..errors import OptionError, ParseError
from ..network import Network
from ._common import as_bytes, read_bytes, split_lines
from .link_list import scan_link_table

__all__ = ["read_network", "parse_network", "detect_format", "FORMATS"]

FORMATS = ("link-list", "pajek", "json")


def read_network(path: str | os.PathLike, *, format: str | None = None, directed: bool | None = None,
                 relax=None) -> Network:
    """Read a link-list or Pajek file (``.gz`` is decompressed).

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    format : {None, "link-list", "pajek", "json"}
        None detects the format from the content (see the module docstring).
    directed : bool or None
        None or False: undirected (a Pajek ``*Arcs`` section too, as in the official Infomap);
        True: every link is an arc.

    Raises
    ------
    ParseError
        A malformed line (``.line`` is 1-based), or no links at all.
    InvalidWeightError
        A NaN, infinite or negative weight (with its line).
    NetworkError
        Other network rules (see :mod:`infomap_core.network`).
    """
    return parse_network(read_bytes(path), format=format, directed=directed, relax=relax)


def parse_network(data: str | bytes, *, format: str | None = None, directed: bool | None = None,
                  relax=None) -> Network:
    """Parse the text of a link-list or Pajek file; arguments as :func:`read_network`.

    A Pajek file with a ``*States``, ``*Multilayer``/``*Multiplex``, ``*Intra``/``*Inter``
    or ``*Bipartite`` section is a higher-order network (:mod:`.higher_order`); ``relax``
    (a :class:`~infomap_core.multilayer.RelaxOptions`) sets how an intra-only multilayer
    network relaxes between layers.
    """
    raw = as_bytes(data, "network")
    if format not in (None, *FORMATS):
        raise OptionError(f"unknown network format {format!r}; expected one of {', '.join(FORMATS)}", field="format")
    if directed is not None and not isinstance(directed, bool):
        raise OptionError(f"directed must be True, False or None, got {directed!r}", field="directed")
    if format is None:
        format = detect_format(raw)
    # each reader is imported when its format is read: a link list loads none of the others
    if format == "json":
        from .json_network import parse_json_network

        return parse_json_network(raw, directed=directed, relax=relax)
    if format == "pajek":
        from .higher_order import is_higher_order, parse_higher_order
        from .pajek import parse_pajek

        if is_higher_order(raw):
            return parse_higher_order(raw, directed=directed, relax=relax)
        return parse_pajek(raw, directed=directed)
    return _parse_link_list(raw, bool(directed))


def detect_format(data: str | bytes) -> str:
    """``"json"`` if the text opens a JSON object (the official ``infomap-network`` format,
    :mod:`.json_network`), ``"pajek"`` if the first non-blank, non-comment line starts with
    ``*``, else ``"link-list"``."""
    from .json_network import is_json_network

    raw = as_bytes(data, "network")
    if is_json_network(raw):
        return "json"
    for _, _, parts in split_lines(raw, 0, 1):
        if parts:
            return "pajek" if parts[0].startswith(b"*") else "link-list"
    return "link-list"


def _parse_link_list(raw: bytes, directed: bool) -> Network:
    table = scan_link_table(raw, 0, 1, field="network")
    if table.at_header:
        raise ParseError("a Pajek section header in a link list (Pajek headers must come before any link line)",
                         line=table.stop_line, field="network")
    if len(table) == 0:
        raise ParseError("the network has no links (no 'source target [weight]' line)", field="network")
    src, tgt, weight = table.src, table.tgt, table.weight
    del table  # the arrays are this function's alone: ids are overwritten with node indices (_owned)
    if not (weight != 1.0).any():
        weight = None  # every link weighs 1 (no weight column): the CSR is built without the array
    return Network.from_arrays(src, tgt, weight, directed=directed, _owned=src.dtype.kind == "i")
