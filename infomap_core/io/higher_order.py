"""Readers of the official higher-order formats, told apart by their section headers.

* **state network**: ``*Vertices`` (physical nodes ``id ["name"]``, optional), ``*States``
  (``state_id physical_id ["name"] [weight]``, the weight the state's teleportation weight, as the
  official reads it), then ``*Links``/``*Edges``/``*Arcs`` between state ids.
* **multilayer**: ``*Multilayer`` or ``*Multiplex`` (``layer node layer node [weight]``),
  or ``*Intra`` (``layer node node [weight]``) with an optional ``*Inter``
  (``layer node layer [weight]``); ``*Vertices`` names the physical nodes.
* **bipartite**: ``*Bipartite START_ID`` followed by ``source target [weight]`` lines;
  node ids ``>= START_ID`` are feature nodes.

Ids are integers. Errors name the line: a state whose physical node ``*Vertices`` does not
list, a link to an undeclared state, a negative layer id or an ``*Inter`` link to a layer
that has no ``*Intra`` link, a start id beyond the node ids, first-order link sections mixed
with multilayer ones, ``*States`` mixed with multilayer or bipartite sections.

Examples
--------
>>> net = parse_higher_order(b"*Intra\\n1 1 2\\n1 2 3\\n2 1 3\\n")
>>> net.layers.tolist(), net.physical_ids.tolist()
([1, 1, 1, 2, 2], [1, 2, 3])
"""

from __future__ import annotations

import re

import numpy as np

from ..errors import NetworkError, ParseError
from ..multilayer import RelaxOptions
from ..network import Network
from ._common import decode, int_token, parse_weight, strip_comment
from . import _scan, link_list
from .pajek import _Vertices, _vertex_line

__all__ = ["HIGHER_ORDER_SECTIONS", "is_higher_order", "parse_higher_order"]

HIGHER_ORDER_SECTIONS = ("states", "multilayer", "multiplex", "intra", "inter", "bipartite")
_LINKS = ("links", "edges", "arcs")
_DETECT = re.compile(rb"(?im)^[ \t]*\*(states|multilayer|multiplex|intra|inter|bipartite)\b")
_FIELD = "network"


def is_higher_order(buf: bytes) -> bool:
    """Whether the text has a state, multilayer or bipartite section header."""
    return _DETECT.search(buf) is not None


def _ints(parts: list[bytes], count: int, line: int, expected: str) -> list[int]:
    if len(parts) < count or len(parts) > count + 1:
        raise ParseError(f"expected '{expected}', got {len(parts)} fields", line=line, field=_FIELD)
    values = [int_token(p) for p in parts[:count]]
    if None in values:
        bad = parts[values.index(None)]
        raise ParseError(f"{decode(bad)!r} is not an integer id (expected '{expected}')", line=line, field=_FIELD)
    return values


def _weight(parts: list[bytes], count: int, line: int) -> float:
    return parse_weight(parts[count], line, _FIELD) if len(parts) > count else 1.0


def parse_higher_order(buf: bytes, *, directed: bool | None = None, relax: RelaxOptions | None = None) -> Network:
    """A state, multilayer or bipartite :class:`Network` from the text of such a file.

    Sections are found by their header lines first; a numeric section of at least
    ``link_list.KERNEL_MIN_BYTES`` is read by a numba kernel in one pass (:func:`._scan.scan_int_rows`)
    and any other, or one the kernel stops in, line by line, so the errors and the line they
    name are the same either way.
    """
    vertices = _Vertices()
    rows: dict[str, list] = {}  # kind -> chunks: (ids, weights, lines, deferred) or ("lines", parts, numbers)
    states = _States()
    bipartite_start: int | None = None
    bipartite_line: int | None = None
    heads = _header_starts(buf)
    bounds = [0] + heads + [len(buf)]
    line = 1
    kind = None
    for k in range(len(bounds) - 1):
        pos, stop = bounds[k], bounds[k + 1]
        if k > 0:  # a header line
            end = buf.find(b"\n", pos, stop)
            end = stop if end < 0 else end
            head = buf[pos:end].strip()[1:].split()
            kind = head[0].decode("ascii", "replace").lower() if head else ""
            if kind == "multiplex":
                kind = "multilayer"
            if kind == "bipartite":
                value = int_token(head[1]) if len(head) > 1 else None
                if value is None:
                    raise ParseError("expected '*Bipartite START_ID' with an integer start id", line=line,
                                     field=_FIELD)
                bipartite_start, bipartite_line = value, line
            elif kind not in ("vertices", "network", "states", "multilayer", "intra", "inter") + _LINKS:
                raise ParseError(f"unsupported section {decode(head[0]) if head else '*'!r} in a higher-order network",
                                 line=line, field=_FIELD)
            if kind in _LINKS:
                kind = "links"
            rows.setdefault(kind, [])
            pos, line = min(end + 1, stop), line + 1
        first = line
        line += buf.count(b"\n", pos, stop)
        if pos >= stop or kind == "network":
            continue
        if kind in _WIDTH and stop - pos >= link_list.KERNEL_MIN_BYTES:
            chunk = _scan_rows(buf, pos, stop, first, _WIDTH[kind], _WIDTH[kind] + 1)
            if chunk is not None:
                rows[kind].append(chunk)
                continue
        if kind == "states" and stop - pos >= link_list.KERNEL_MIN_BYTES:
            chunk = _scan_rows(buf, pos, stop, first, 2, 2)
            if chunk is not None:
                states.add_block(chunk[0][:, 0], chunk[0][:, 1], chunk[2])
                continue
        parts_rows, numbers = [], []
        for number, raw in enumerate(buf[pos:stop].split(b"\n"), start=first):
            stripped = raw.strip()
            if not stripped or stripped.startswith(b"#"):
                continue
            if kind is None:
                raise ParseError("data before the first section header", line=number, field=_FIELD)
            if kind == "vertices":
                _vertex_line(raw, number, vertices)
                continue
            parts = strip_comment(stripped).split()
            if not parts:
                continue
            if kind == "states":
                sid, pid = _ints(parts[:2], 2, number, "state_id physical_id [\"name\"]")
                states.add_line(sid, pid, number, parts[2:])
                continue
            parts_rows.append(parts)  # checked and converted per section below
            numbers.append(number)
        if parts_rows:
            rows[kind].append(("lines", parts_rows, numbers))
    tables = {kind: _table(chunks, kind) for kind, chunks in rows.items() if kind in _WIDTH}
    return _build(vertices, rows.keys(), tables, states, (bipartite_start, bipartite_line), directed, relax)


def _header_starts(buf: bytes) -> list[int]:
    """Byte offsets of the lines whose first non-blank byte is ``*`` (the section headers)."""
    starts = []
    pos = buf.find(b"*")
    while pos >= 0:
        line_start = buf.rfind(b"\n", 0, pos) + 1
        if not buf[line_start:pos].strip(b" \t\r\x0b\x0c"):
            starts.append(line_start)
            end = buf.find(b"\n", pos)
            pos = -1 if end < 0 else buf.find(b"*", end)
        else:
            pos = buf.find(b"*", pos + 1)
    return starts


_WIDTH = {"multilayer": 4, "intra": 3, "inter": 3, "links": 2, "bipartite": 2}
_EXPECTED = {"multilayer": "layer node layer node [weight]", "intra": "layer node node [weight]",
             "inter": "layer node layer [weight]", "links": "source target [weight]",
             "bipartite": "source target [weight]"}


class _States:
    """The declared states in line order: ids, physical ids, lines (names of the lines that have one)."""

    def __init__(self):
        self.blocks: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.pending: tuple[list, list, list] = ([], [], [])
        self.seen: dict[int, int] | None = None  # state id -> line, built for line-by-line reading
        self.names: dict[int, str] = {}
        self.weights: dict[int, float] = {}  # the states that give one: their teleportation weight

    def _flush(self):
        if self.pending[0]:
            self.blocks.append(tuple(np.array(x, dtype=np.int64) for x in self.pending))
            self.pending = ([], [], [])

    def add_block(self, sid: np.ndarray, pid: np.ndarray, lines: np.ndarray) -> None:
        self._flush()
        self.seen = None
        before = sum(b[0].shape[0] for b in self.blocks)
        self.blocks.append((sid, pid, lines))
        all_sid, _, all_lines = self.arrays()
        order = np.argsort(all_sid, kind="stable")
        repeat = np.zeros(all_sid.shape[0], dtype=bool)
        repeat[order[1:]] = all_sid[order[1:]] == all_sid[order[:-1]]
        if repeat[before:].any():
            k = before + int(np.argmax(repeat[before:]))
            first = int(all_lines[int(np.argmax(all_sid == all_sid[k]))])
            raise ParseError(f"state {all_sid[k]} is declared twice (first on line {first})", line=int(all_lines[k]),
                             field=_FIELD)

    def add_line(self, sid: int, pid: int, line: int, name_parts: list[bytes]) -> None:
        if self.seen is None:
            self._flush()
            all_sid, _, all_lines = self.arrays()
            self.seen = {}
            for s, n in zip(all_sid.tolist(), all_lines.tolist()):
                self.seen.setdefault(s, n)
        if sid in self.seen:
            raise ParseError(f"state {sid} is declared twice (first on line {self.seen[sid]})", line=line,
                             field=_FIELD)
        self.seen[sid] = line
        for x, v in zip(self.pending, (sid, pid, line)):
            x.append(v)
        if name_parts:
            name, weight = _state_name_and_weight(b" ".join(name_parts), line)
            if name is not None:
                self.names[sid] = name
            if weight is not None:
                self.weights[sid] = weight

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        self._flush()
        if not self.blocks:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        return tuple(np.concatenate([b[j] for b in self.blocks]) for j in range(3))


def _state_name_and_weight(rest: bytes, line: int) -> tuple[str | None, float | None]:
    """The name and the weight after a state line's two ids, as the official reads them: the name
    between the first and the last double quote, then an optional number, the state's weight.
    Text without quotes that is not a number is the name (the official drops it)."""
    first, last = rest.find(b'"'), rest.rfind(b'"')
    name = None
    if 0 <= first < last:
        name, rest = decode(rest[first + 1:last]), rest[last + 1:]
    tokens = rest.split()
    if not tokens:
        return name, None
    if name is None and int_token(tokens[0]) is None and not _NUMBER.fullmatch(tokens[0]):
        return decode(b" ".join(tokens)), None
    return name, parse_weight(tokens[0], line, _FIELD)


_NUMBER = re.compile(rb"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[+-]?(inf|nan|infinity)", re.IGNORECASE)


def _scan_rows(buf: bytes, pos: int, stop: int, first_line: int, width: int, max_tokens: int):
    """A section's rows by the kernel: (ids[m, width], weights, lines, deferred weights), or None
    where a line needs the line-by-line reader (its error)."""
    b = np.frombuffer(buf, dtype=np.uint8)
    cap = buf.count(b"\n", pos, stop) + 1
    ids = np.empty((cap, width), dtype=np.int64)
    weight = np.empty(cap)
    row_line = np.empty(cap, dtype=np.int64)
    d_row, d_start, d_end, d_line = (np.empty(cap, dtype=np.int64) for _ in range(4))
    status, count, nd, *_ = _scan.scan_int_rows(b, pos, stop, first_line, width, max_tokens, _scan.POW10, ids,
                                                weight, row_line, d_row, d_start, d_end, d_line)
    if status != _scan.OK:
        return None
    deferred = [(int(r), buf[s:e], int(n)) for r, s, e, n in zip(d_row[:nd], d_start[:nd], d_end[:nd], d_line[:nd])]
    return ids[:count], weight[:count], row_line[:count], deferred


def _table(chunks: list, kind: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(ids[m, width], weights, lines)`` of a kind's sections in line order: kernel chunks
    as read (deferred weights parsed here), line chunks converted by numpy at once, or,
    when some line is bad, line by line to name the first bad one."""
    width = _WIDTH[kind]
    parts = []
    for chunk in chunks:
        if isinstance(chunk[0], str):
            ids, weights = _line_rows(chunk[1], chunk[2], kind)
            parts.append((ids, weights, np.asarray(chunk[2], dtype=np.int64)))
        else:
            ids, weights, lines, deferred = chunk
            for r, token, number in deferred:
                weights[r] = parse_weight(token, number, _FIELD)
            parts.append((ids, weights, lines))
    if not parts:
        return np.zeros((0, width), dtype=np.int64), np.zeros(0), np.zeros(0, dtype=np.int64)
    return tuple(np.concatenate([p[j] for p in parts]) for j in range(3))


def _line_rows(parts_rows: list, numbers: list[int], kind: str) -> tuple[np.ndarray, np.ndarray]:
    width = _WIDTH[kind]
    lengths = np.fromiter(map(len, parts_rows), dtype=np.int64, count=len(parts_rows))
    try:
        if lengths.min() < width or lengths.max() > width + 1:
            raise ValueError
        tokens = [p[:width] for p in parts_rows]
        if b"_" in b"".join(b"".join(t) for t in tokens):  # numpy reads 1_0 as 10; the line rule does not
            raise ValueError
        ids = np.array(tokens).astype(np.int64)
        weights = np.ones(len(parts_rows))
        given = lengths > width
        if given.any():
            weights[given] = np.array([p[width] for p in parts_rows if len(p) > width]).astype(np.float64)
        if not (np.all(np.isfinite(weights)) and np.all(weights >= 0)):
            raise ValueError
    except (ValueError, OverflowError):
        checked = [(*_ints(p, width, n, _EXPECTED[kind]), _weight(p, width, n)) for p, n in zip(parts_rows, numbers)]
        ids = np.array([r[:width] for r in checked], dtype=np.int64).reshape(-1, width)
        weights = np.array([r[width] for r in checked], dtype=np.float64)
    return ids.reshape(-1, width), weights


def _first_line(tables: dict, kind: str) -> int | None:
    return int(tables[kind][2][0]) if kind in tables and tables[kind][2].shape[0] else None


def _first(mask: np.ndarray) -> int | None:
    """Index of the first True, or None."""
    return int(np.argmax(mask)) if mask.any() else None


def _build(vertices, kinds, tables, states, bipartite, directed, relax) -> Network:
    bipartite_start, bipartite_line = bipartite
    physical_ids = [int_token(v) for v in vertices.ids]
    if None in physical_ids:
        k = physical_ids.index(None)
        raise ParseError(f"vertex id {decode(vertices.ids[k])!r} is not an integer (higher-order networks have "
                         "integer node ids)", line=vertices.lines[k], field=_FIELD)
    names = {v: n for v, n in zip(physical_ids, vertices.names) if n is not None} or None
    listed = np.array(sorted(set(physical_ids)), dtype=np.int64)
    multilayer = [k for k in ("multilayer", "intra", "inter") if k in kinds]
    has_states = "states" in kinds
    if has_states and (multilayer or bipartite_start is not None):
        other = multilayer[0] if multilayer else "bipartite"
        raise ParseError(f"*States cannot be mixed with *{other.capitalize()} sections",
                         line=_first_line(tables, other) if multilayer else bipartite_line, field=_FIELD)
    if multilayer and "links" in kinds:
        raise ParseError("first-order link sections (*Links, *Edges, *Arcs) cannot be mixed with multilayer "
                         "sections", line=_first_line(tables, "links"), field=_FIELD)
    if multilayer and bipartite_start is not None:
        raise ParseError("*Bipartite cannot be mixed with multilayer sections", line=bipartite_line, field=_FIELD)
    if has_states:
        return _state_network(tables, states, names, listed, directed)
    if multilayer:
        return _multilayer_network(tables, names, listed, directed, relax)
    parts = [tables[k] for k in ("bipartite", "links") if k in tables]
    ids = np.concatenate([p[0] for p in parts]) if parts else np.zeros((0, 2), dtype=np.int64)
    if ids.shape[0] == 0:
        raise ParseError("the bipartite network has no links", field=_FIELD)
    src, tgt = ids[:, 0], ids[:, 1]
    weight = np.concatenate([p[1] for p in parts])
    all_lines = np.concatenate([p[2] for p in parts])
    ends_min = min(int(src.min()), int(tgt.min()), *([int(listed[0])] if listed.size else []))
    ends_max = max(int(src.max()), int(tgt.max()), *([int(listed[-1])] if listed.size else []))
    if not ends_min < bipartite_start <= ends_max:
        raise ParseError(f"bipartite start id {bipartite_start} is beyond the node ids ({ends_min}..{ends_max})",
                         line=bipartite_line, field=_FIELD)
    same_side = (src < bipartite_start) == (tgt < bipartite_start)
    if same_side.any():
        k = int(np.argmax(same_side))
        raise ParseError(f"link {src[k]} {tgt[k]} joins two {'primary' if src[k] < bipartite_start else 'feature'} "
                         f"nodes (bipartite start id {bipartite_start})", line=int(all_lines[k]), field=_FIELD)
    if listed.size:
        src_in, tgt_in = np.isin(src, listed), np.isin(tgt, listed)
        k = _first(~(src_in & tgt_in))
        if k is not None:
            node = src[k] if not src_in[k] else tgt[k]
            raise ParseError(f"node {node}, which *Vertices does not list", line=int(all_lines[k]), field=_FIELD)
    base = Network.from_arrays(src, tgt, weight, directed=bool(directed), node_names=names)
    return Network._bipartite_of(base, bipartite_start)


def _state_network(tables, states, names, listed, directed) -> Network:
    sid, pid, state_lines = states.arrays()
    if listed.size:
        k = _first(~np.isin(pid, listed))
        if k is not None:
            raise ParseError(f"state {sid[k]} points at physical node {pid[k]}, which *Vertices does not list",
                             line=int(state_lines[k]), field=_FIELD)
    ids, weight, lines = tables.get("links", (np.zeros((0, 2), dtype=np.int64), None, None))
    if ids.shape[0] == 0:
        raise ParseError("the state network has no links (no lines under *Links)", field=_FIELD)
    known = np.isin(ids, sid)
    k = _first(~known.all(axis=1))
    if k is not None:
        s = ids[k, 0] if not known[k, 0] else ids[k, 1]
        raise ParseError(f"link to unknown state {s} (not declared under *States)", line=int(lines[k]), field=_FIELD)
    return Network._from_state_arrays(sid, pid, ids[:, 0], ids[:, 1], weight, directed=bool(directed),
                                      physical_names=names, state_names=states.names or None,
                                      state_weights=states.weights or None)


def _check_listed(listed: np.ndarray, id_line_pairs) -> None:
    """The first (by line) id that *Vertices does not list: pairs of (ids, lines) arrays."""
    if not listed.size:
        return
    best = None
    for ids, lines in id_line_pairs:
        k = _first(~np.isin(ids, listed))
        if k is not None and (best is None or lines[k] < best[1]):
            best = (int(ids[k]), int(lines[k]))
    if best is not None:
        raise ParseError(f"node {best[0]}, which *Vertices does not list", line=best[1], field=_FIELD)


def _multilayer_network(tables, names, listed, directed, relax) -> Network:
    relax = relax or RelaxOptions()
    for kind, layer_cols in (("multilayer", (0, 2)), ("intra", (0,)), ("inter", (0, 2))):
        if kind not in tables:
            continue
        ids, _, lines = tables[kind]
        layers = ids[:, layer_cols]
        k = _first((layers < 0).any(axis=1))
        if k is not None:
            bad = int(layers[k][layers[k] < 0][0])
            raise ParseError(f"layer id {bad} is out of range (layer ids are >= 0)", line=int(lines[k]),
                             field=_FIELD)
    node_cols = {"multilayer": (1, 3), "intra": (1, 2), "inter": (1,)}
    # within a row, the columns in order: interleave them so the first bad one comes first
    _check_listed(listed, [(tables[kind][0][:, cols].reshape(-1), np.repeat(tables[kind][2], len(cols)))
                           for kind, cols in node_cols.items() if kind in tables])
    try:
        if "multilayer" in tables:
            if "intra" in tables or "inter" in tables:
                raise ParseError("*Multilayer cannot be mixed with *Intra/*Inter sections",
                                 line=_first_line(tables, "intra") or _first_line(tables, "inter"), field=_FIELD)
            ids, w, _ = tables["multilayer"]
            return Network._from_multilayer_columns(tuple(ids.T), w, directed=bool(directed), relax=relax,
                                                    physical_names=names)
        if "intra" not in tables or not tables["intra"][0].shape[0]:
            raise ParseError("an *Inter section needs an *Intra section", line=_first_line(tables, "inter"),
                             field=_FIELD)
        intra_ids, intra_w, _ = tables["intra"]
        inter = None
        if "inter" in tables and tables["inter"][0].shape[0]:
            inter_ids, inter_w, inter_lines = tables["inter"]
            layers = np.unique(intra_ids[:, 0])
            bad0, bad2 = ~np.isin(inter_ids[:, 0], layers), ~np.isin(inter_ids[:, 2], layers)
            same = inter_ids[:, 0] == inter_ids[:, 2]
            k = _first(bad0 | bad2 | same)
            if k is not None:
                if bad0[k] or bad2[k]:
                    bad = inter_ids[k, 0] if bad0[k] else inter_ids[k, 2]
                    raise ParseError(f"layer id {bad} is out of range: no *Intra link is in that layer "
                                     f"(layers {layers.min()}..{layers.max()})", line=int(inter_lines[k]),
                                     field=_FIELD)
                raise ParseError("an *Inter link goes from one layer to another", line=int(inter_lines[k]),
                                 field=_FIELD)
            inter = (tuple(inter_ids.T), inter_w)
        return Network._from_multilayer_columns(None, None, intra=(tuple(intra_ids.T), intra_w), inter=inter,
                                                directed=bool(directed), relax=relax, physical_names=names)
    except NetworkError as error:
        if isinstance(error, ParseError):
            raise
        raise ParseError(error.message, field=_FIELD) from None
