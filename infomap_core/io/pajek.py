"""The Pajek reader.

Sections (names case-insensitive, the count after a name is optional and not used):

* ``*Vertices [N]``: ``id ["label"] [weight]`` per line. The quoted label may hold
  spaces, ``#`` and quotes: it ends at the first ``"`` that is followed by a blank,
  ``#`` or the end of the line and by no other ``"`` outside a trailing comment (the
  official Infomap takes the last ``"`` of the line, the same for lines without a
  trailing comment). A single unquoted token is a label too. The weight is the
  teleportation weight (``node_weights``, 1 when missing, finite and >= 0); further
  fields (Pajek coordinates, colours) are ignored, as the official Infomap does. A
  listed vertex is a node even without links; a vertex listed twice is an error.
  Without any label, ``node_names`` is None.
* ``*Edges``, ``*Arcs``, ``*Links``: ``source target [weight]`` lines, read by the
  link-list reader; each line is one link ``source -> target``.
* ``*Edgeslist`` / ``*Arcslist``: ``source target1 target2 ...``, weight 1 each.
* ``*Network [name]``: ignored.

``#`` starts a comment (in ``*Vertices`` only outside the quoted label). Data before
the first section header and unknown sections (``*Matrix``, ``*States``, ...) are
errors.

Directedness is the caller's, as in the official Infomap: the section names never decide
it. ``directed=None`` or ``False`` gives an undirected network (``*Arcs`` included, unless
the caller asks for a directed flow model later), ``True`` a directed one, where every
line, ``*Edges`` ones too, is one arc (``infomap -d`` reads it so).

When ``*Vertices`` lists vertices, every link end must be one of them (a typo in an
id is reported with its line; the official Infomap would add the node silently).
With an empty or missing ``*Vertices`` section the nodes are the link ends.

Ids are int64 if every vertex id and link end is an integer token (``[+-]?[0-9]+``
within 64 bits), strings otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..errors import ParseError
from ..network import Network
from ._common import decode, int_token, parse_weight, split_lines, strip_comment
from .link_list import LinkTable, scan_link_table

__all__ = ["parse_pajek", "SECTIONS"]

LINK_SECTIONS = ("edges", "arcs", "links")
LIST_SECTIONS = ("edgeslist", "arcslist")
SECTIONS = ("network", "vertices") + LINK_SECTIONS + LIST_SECTIONS
_FIELD = "network"


@dataclass
class _Section:
    kind: str  # edges, arcs, links, edgeslist, arcslist
    start: int  # byte offset of the first line after the header
    first_line: int
    table: LinkTable


@dataclass
class _Vertices:
    ids: list[bytes] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    names: list[str | None] = field(default_factory=list)
    weights: dict[int, float] = field(default_factory=dict)  # position in ids -> weight


def parse_pajek(buf: bytes, *, directed: bool | None = None) -> Network:
    """A :class:`Network` from the bytes of a Pajek file (rules in the module docstring)."""
    vertices = _Vertices()
    sections: list[_Section] = []
    seen_header = False
    pos, line, n = 0, 1, len(buf)
    kind = None
    while pos < n:
        if kind in LINK_SECTIONS or kind in LIST_SECTIONS:
            reader = scan_link_table if kind in LINK_SECTIONS else _scan_adjacency_list
            table = reader(buf, pos, line, field=_FIELD)
            sections.append(_Section(kind, pos, line, table))
            pos, line, kind = table.stop_pos, table.stop_line, None
            continue
        end = buf.find(b"\n", pos)
        if end < 0:
            end = n
        raw = buf[pos:end]
        stripped = raw.strip()
        if stripped.startswith(b"*"):
            kind = _header(stripped, line)
            seen_header = True
        elif stripped and not stripped.startswith(b"#"):
            if kind == "vertices":
                _vertex_line(raw, line, vertices)
            elif not seen_header:
                raise ParseError("data before the first Pajek section header (*Vertices, *Edges, *Arcs, ...)",
                                 line=line, field=_FIELD)
            # else: lines after *Network are ignored
        pos, line = end + 1, line + 1
    return _build(buf, vertices, sections, directed)


def _header(stripped: bytes, line: int) -> str:
    word = stripped[1:].split(None, 1)[0] if len(stripped) > 1 else b""
    name = word.decode("ascii", "replace").lower()
    if name not in SECTIONS:
        shown = decode(stripped.split(None, 1)[0])
        raise ParseError(f"unsupported Pajek section {shown!r}; expected one of "
                         + ", ".join("*" + s.capitalize() for s in SECTIONS), line=line, field=_FIELD)
    return name


def _vertex_line(raw: bytes, line: int, vertices: _Vertices) -> None:
    text = raw.strip()
    parts = text.split(None, 1)
    vid = parts[0]
    rest = parts[1] if len(parts) > 1 else b""
    if b"#" in vid:
        vid, rest = vid.split(b"#", 1)[0], b""
    first, cut = rest.find(b'"'), rest.find(b"#")
    if cut >= 0 and (first < 0 or cut < first):  # a comment before any quote
        rest, first = rest[:cut], -1
    last = _closing_quote(rest, first) if first >= 0 else -1
    if last > first:
        if rest[:first].strip():
            raise ParseError("expected 'id \"label\" [weight]': text between the id and the quoted label",
                             line=line, field=_FIELD)
        name: str | None = decode(rest[first + 1:last])
        tail = strip_comment(rest[last + 1:]).split()
    else:
        fields = strip_comment(rest).split()
        name = decode(fields[0]) if fields else None
        tail = fields[1:]
    if tail:
        vertices.weights[len(vertices.ids)] = parse_weight(tail[0], line, _FIELD, what="vertex weight")
    vertices.ids.append(vid)
    vertices.lines.append(line)
    vertices.names.append(name)


def _closing_quote(rest: bytes, first: int) -> int:
    """The quote that ends a label opened at ``first``: the first one followed by a blank, ``#`` or the
    end of the line, with no quote after it outside a trailing comment (so labels may hold quotes and
    ``#``); -1 if there is none."""
    q = rest.find(b'"', first + 1)
    while q >= 0:
        after = rest[q + 1:]
        if (not after or after[:1].isspace() or after[:1] == b"#") and b'"' not in strip_comment(after):
            return q
        q = rest.find(b'"', q + 1)
    return -1


def _scan_adjacency_list(buf: bytes, start: int, first_line: int, *, field: str = _FIELD,
                         strings: bool = False) -> LinkTable:
    """``source target1 target2 ...`` lines (weight 1) until the end or a header line."""
    src: list[bytes] = []
    tgt: list[bytes] = []
    pos, line, at_header = len(buf), first_line, False
    for number, offset, parts in split_lines(buf, start, first_line):
        if parts:
            if parts[0].startswith(b"*"):
                pos, line, at_header = offset, number, True
                break
            if len(parts) < 2:
                raise ParseError("expected 'source target1 [target2 ...]', got 1 field", line=number, field=field)
            src.extend([parts[0]] * (len(parts) - 1))
            tgt.extend(parts[1:])
        line = number + 1
    m = len(src)
    tokens = src + tgt
    values = None if strings else [int_token(t) for t in tokens]
    if values is not None and None not in values:
        ids = np.array(values, dtype=np.int64)
    else:
        ids = np.empty(len(tokens), dtype=object)
        ids[:] = [decode(t) for t in tokens]
    return LinkTable(ids[:m], ids[m:], np.ones(m), pos, line, at_header)


def _build(buf: bytes, vertices: _Vertices, sections: list[_Section], directed: bool | None) -> Network:
    if not sections or all(len(s.table) == 0 for s in sections):
        raise ParseError("the Pajek file has no links (no lines under *Edges, *Arcs or *Links)", field=_FIELD)
    vertex_ints = [int_token(v) for v in vertices.ids]
    numeric = None not in vertex_ints and not any(s.table.string_ids for s in sections)
    if not numeric:
        # Reread integer-typed sections as strings, so ids keep their spelling ("007").
        for s in sections:
            if not s.table.string_ids and len(s.table):
                reader = scan_link_table if s.kind in LINK_SECTIONS else _scan_adjacency_list
                s.table = reader(buf, s.start, s.first_line, field=_FIELD, strings=True)
        node_list = np.empty(len(vertices.ids), dtype=object)
        node_list[:] = [decode(v) for v in vertices.ids]
    else:
        node_list = np.array(vertex_ints, dtype=np.int64)

    positions: dict = {}
    for k, vid in enumerate(node_list.tolist()):
        if vid in positions:
            raise ParseError(f"vertex {vid!r} is listed twice (first on line {vertices.lines[positions[vid]]})",
                             line=vertices.lines[k], field=_FIELD)
        positions[vid] = k
    if positions:
        _check_link_ends(buf, sections, node_list)

    is_directed = bool(directed)
    src = np.concatenate([s.table.src for s in sections])
    tgt = np.concatenate([s.table.tgt for s in sections])
    w = np.concatenate([s.table.weight for s in sections])

    names = None
    if any(name is not None for name in vertices.names):
        names = {vid: (name if name is not None else str(vid)) for vid, name in zip(node_list.tolist(), vertices.names)}
    node_weights = {node_list[k]: x for k, x in vertices.weights.items()} or None
    return Network.from_arrays(src, tgt, w, directed=is_directed, nodes=node_list if len(node_list) else None,
                               node_weights=node_weights, node_names=names)


def _check_link_ends(buf: bytes, sections: list[_Section], node_list: np.ndarray) -> None:
    """Every link end is a listed vertex; the first that is not is reported with its line."""
    known = np.sort(node_list)
    for s in sections:
        for ends in (s.table.src, s.table.tgt):
            if not len(ends):
                continue
            pos = np.clip(np.searchsorted(known, ends), 0, known.shape[0] - 1)
            unknown = known[pos] != ends
            if np.any(unknown):
                first = _first_unknown_line(buf, s, known)
                bad = ends[np.argmax(unknown)]
                raise ParseError(f"link to vertex {first[1] if first else bad!r}, which *Vertices does not list",
                                 line=first[0] if first else None, field=_FIELD)


def _first_unknown_line(buf: bytes, s: _Section, known: np.ndarray):
    """(line, id) of the first link line of section ``s`` with an unlisted end (error path only)."""
    listed = set(known.tolist())
    for line, _, parts in split_lines(buf, s.start, s.first_line, s.table.stop_pos):
        for token in parts[:2] if s.kind in LINK_SECTIONS else parts:
            value = decode(token) if known.dtype.kind == "O" else int_token(token)
            if value not in listed:
                return line, value
    return None
