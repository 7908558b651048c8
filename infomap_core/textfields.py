"""Node names and ids inside text files: written so that no value can forge a line or a field.

The official Infomap files are line- and space-separated, and the official parser
(``@mapequation/infomap-parser``) splits a tree row with the pattern
``[^\\s"']+|"[^"]*"`` and a ``.clu`` row on single spaces. So:

* a **name** (the quoted column of ``.tree``/``.ftree``) may hold spaces, tabs' escapes,
  commas, apostrophes and ``#``, but no ``"`` and no line break;
* an **id token** (the ``node_id`` column of ``.tree``/``.ftree``/``.clu`` when ids are
  strings) may hold no blank, quote, apostrophe or ``#``, and may not start with ``*``.

Characters that would break either are written as backslash escapes (:func:`escape_name`,
:func:`escape_token`) and read back by :func:`unescape`:

=========================  ====================================================
``\\\\``                     a backslash
``\\t`` ``\\n`` ``\\r``         tab, line feed, carriage return
``\\xHH``                    a quote ``"`` (``\\x22``), other control characters,
                           in tokens also blanks, ``'``, ``#`` and a leading ``*``
``\\uHHHH``                  U+2028, U+2029, lone surrogates (a UTF-8 file cannot hold
                           them), in tokens other non-ASCII blanks
=========================  ====================================================

A name without ``\\``, ``"`` or control characters is written exactly as the official
Infomap writes it (between double quotes). :func:`unescape` decodes only the sequences
above, so a backslash followed by anything else (``C:\\data`` in an official file) is kept.
The empty id is written ``""``.

CSV cells follow RFC 4180 (:func:`csv_text_cell`: always quoted, quotes doubled, every
character kept) with a guard against formula injection: a text cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return (and is not a plain number), or
with ``'``, gets one leading ``'`` (OWASP); :func:`csv_unguard` removes it.

Newick labels (:func:`newick_label`) are bare when they hold only letters, digits and
``_-.``, else single-quoted with ``''`` for a quote, after :func:`escape_name`.

Examples
--------
>>> escape_name('say "hi"\\n')
'say \\\\x22hi\\\\x22\\\\n'
>>> unescape(escape_token("a b#c"))
'a b#c'
>>> csv_text_cell("=1+2")
'"\\'=1+2"'
"""

from __future__ import annotations

import re

__all__ = ["escape_name", "escape_token", "unescape", "csv_text_cell", "csv_unguard", "newick_label", "escape_names",
           "escape_tokens", "csv_cell_texts", "newick_labels"]

_NAME_UNSAFE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]')
_TOKEN_UNSAFE = re.compile(r'[\\"\'#\s\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]|^\*')
_SHORT = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_ESCAPE = re.compile(r"\\(\\|t|n|r|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NEWICK_BARE = re.compile(r"[A-Za-z0-9_.\-]+")


def _code(match: re.Match) -> str:
    ch = match.group(0)
    if ch in _SHORT:
        return _SHORT[ch]
    point = ord(ch)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def escape_name(name: str) -> str:
    """The text to write between the quotes of a name column (see the module docstring)."""
    return _NAME_UNSAFE.sub(_code, name)


def escape_token(value: str) -> str:
    """A string id as one blank-free token (``""`` for the empty string)."""
    return _TOKEN_UNSAFE.sub(_code, value) if value else '""'


def _decode(match: re.Match) -> str:
    code = match.group(1)
    if code in ("\\", "t", "n", "r"):
        return {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[code]
    return chr(int(code[1:], 16))


def unescape(text: str) -> str:
    """Inverse of :func:`escape_name` and :func:`escape_token`."""
    if text == '""':
        return ""
    return _ESCAPE.sub(_decode, text) if "\\" in text else text


def csv_text_cell(value: str) -> str:
    """An RFC 4180 quoted cell of ``value``, guarded against spreadsheet formulas."""
    if value.startswith("'") or (value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value)):
        value = "'" + value
    return '"' + value.replace('"', '""') + '"'


def csv_unguard(value: str) -> str:
    """The original text of a cell read by a CSV reader (one leading ``'`` removed)."""
    return value[1:] if value.startswith("'") else value


def newick_label(value: str) -> str:
    """A Newick leaf label: bare if safe, else ``'...'`` with quotes doubled."""
    if _NEWICK_BARE.fullmatch(value):
        return value
    return "'" + escape_name(value).replace("'", "''") + "'"


# ------------------------------------------------------------------ many values at once
# The same functions over a column: one regular-expression search over the joined values decides
# whether any value needs its own treatment (names and ids rarely do), so a column of plain
# values costs no call per value.
def escape_names(values: list[str]) -> list[str]:
    """``[escape_name(v) for v in values]``."""
    if not _NAME_UNSAFE.search("".join(values)):
        return values
    return [escape_name(v) for v in values]


def escape_tokens(values: list[str]) -> list[str]:
    """``[escape_token(v) for v in values]``."""
    joined = "".join(values)
    if not _TOKEN_UNSAFE.search(joined) and all(values) and not any(v.startswith("*") for v in values):
        return values
    return [escape_token(v) for v in values]


def csv_cell_texts(values: list[str]) -> list[str]:
    """The text between the quotes of ``csv_text_cell(v)`` for each value (guarded, quotes doubled)."""
    starts = {v[:1] for v in values}
    if not (starts & {"'", *_FORMULA_START}) and '"' not in "".join(values):
        return values
    return [csv_text_cell(v)[1:-1] for v in values]


def newick_labels(values: list[str]) -> list[str]:
    """``[newick_label(v) for v in values]``."""
    if all(values) and _NEWICK_BARE.fullmatch("".join(values)):
        return values
    return [newick_label(v) for v in values]
