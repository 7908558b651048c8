"""Newick trees as mapeq and the official Infomap write them: ``((a:0.5,b:0.5):1);``.

:func:`parse_newick` returns the tree as nested :class:`NewickNode` (label, branch length,
children). Labels are bare (no blank, ``()[]':;,``) or single-quoted with ``''`` for a quote;
quoted labels are unescaped as :mod:`infomap_core.textfields` writes them. Comments
(``[...]``) and blanks between tokens are skipped. A malformed tree is a :class:`ParseError`
naming the character offset.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ParseError
from ..textfields import unescape
from ._common import as_bytes, decode

__all__ = ["NewickNode", "parse_newick"]

_FIELD = "newick"
_STOP = set("()[]':;,") | set(" \t\r\n")


@dataclass
class NewickNode:
    label: str = ""
    length: float | None = None
    children: list["NewickNode"] = field(default_factory=list)

    def leaves(self) -> list["NewickNode"]:
        """The leaves below this node, left to right."""
        out, stack = [], [self]
        while stack:
            node = stack.pop()
            if node.children:
                stack.extend(reversed(node.children))
            else:
                out.append(node)
        return out


def parse_newick(data: str | bytes) -> NewickNode:
    """The tree of a Newick text (one tree, ending with ``;``).

    Examples
    --------
    >>> tree = parse_newick("((a:0.5,'b c':0.5):1);")
    >>> [(leaf.label, leaf.length) for leaf in tree.leaves()]
    [('a', 0.5), ('b c', 0.5)]
    """
    text = decode(as_bytes(data, _FIELD))
    pos, n = 0, len(text)
    root = node = NewickNode()
    open_nodes: list[NewickNode] = []  # the nodes whose "(" is not closed yet

    def skip(i: int) -> int:
        while i < n and (text[i] in " \t\r\n" or text[i] == "["):
            if text[i] == "[":
                close = text.find("]", i)
                if close < 0:
                    raise ParseError(f"unclosed comment at offset {i}", field=_FIELD)
                i = close
            i += 1
        return i

    def label(i: int) -> tuple[str, int]:
        if i < n and text[i] == "'":
            out, i = [], i + 1
            while True:
                q = text.find("'", i)
                if q < 0:
                    raise ParseError("unclosed quoted label", field=_FIELD)
                out.append(text[i:q])
                if text[q + 1:q + 2] == "'":
                    out.append("'")
                    i = q + 2
                    continue
                return unescape("".join(out)), q + 1
        start = i
        while i < n and text[i] not in _STOP:
            i += 1
        return text[start:i], i

    expect_node = True  # after "(" or ",": a child starts (with "(" or a label)
    while True:
        pos = skip(pos)
        if pos >= n:
            raise ParseError("the tree does not end with ';'", field=_FIELD)
        ch = text[pos]
        if expect_node and ch == "(":
            open_nodes.append(node)
            node = NewickNode()
            open_nodes[-1].children.append(node)
            pos += 1
            continue
        if expect_node or ch not in ",);":
            if not expect_node and node.label:
                raise ParseError(f"unexpected {ch!r} at offset {pos}", field=_FIELD)
            node.label, pos = label(pos)
            pos = skip(pos)
            if pos < n and text[pos] == ":":
                start = pos = skip(pos + 1)
                while pos < n and text[pos] not in _STOP:
                    pos += 1
                try:
                    node.length = float(text[start:pos])
                except ValueError:
                    raise ParseError(f"branch length {text[start:pos]!r} at offset {start} is not a number",
                                     field=_FIELD) from None
            expect_node = False
            continue
        if ch == ",":
            if not open_nodes:
                raise ParseError(f"',' outside brackets at offset {pos}", field=_FIELD)
            node = NewickNode()
            open_nodes[-1].children.append(node)
            expect_node = True
        elif ch == ")":
            if not open_nodes:
                raise ParseError(f"unbalanced ')' at offset {pos}", field=_FIELD)
            node = open_nodes.pop()
        else:  # ";"
            if open_nodes:
                raise ParseError("unbalanced brackets before ';'", field=_FIELD)
            return root
        pos += 1
