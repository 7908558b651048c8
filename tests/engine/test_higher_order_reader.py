"""The higher-order reader's two paths: numba kernel (sections of 64 KiB and more) and line by line.

Every section is read by the kernel when ``KERNEL_MIN_BYTES`` is 0 and line by line when it is
huge; both must give the same network, or the same error naming the same line, on the official
example files, on hypothesis-drawn section texts (good and bad lines mixed) and on the bad inputs
of ``test_higher_order.py``.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infomap_core.errors import NetworkError
from infomap_core.io import link_list
from infomap_core.io.higher_order import parse_higher_order

from .test_higher_order import EXAMPLES

PATHS = {"kernel": 0, "lines": 1 << 60}


def _read(text, path, monkeypatch):
    """(network fields, None) or (None, (error class, message, line)) on one reader path."""
    monkeypatch.setattr(link_list, "KERNEL_MIN_BYTES", PATHS[path])
    try:
        net = parse_higher_order(text if isinstance(text, bytes) else text.encode())
    except NetworkError as error:
        return None, (type(error).__name__, error.message, getattr(error, "line", None))
    return {f.name: getattr(net, f.name) for f in dataclasses.fields(net)}, None


def _assert_same(a, b):
    assert a.keys() == b.keys()
    for key in a:
        x, y = a[key], b[key]
        if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
            assert x is not None and y is not None and x.dtype == y.dtype, key
            np.testing.assert_array_equal(x, y, err_msg=key)
        else:
            assert x == y, key


def _both(text, monkeypatch):
    kernel, kernel_error = _read(text, "kernel", monkeypatch)
    lines, lines_error = _read(text, "lines", monkeypatch)
    assert kernel_error == lines_error
    if kernel is not None:
        _assert_same(kernel, lines)
    return kernel, kernel_error


@pytest.mark.parametrize("name", ["states.net", "multilayer.net", "multilayer_intra.net",
                                  "multilayer_intra_inter.net", "bipartite.net"])
def test_example_files_read_the_same_on_both_paths(name, monkeypatch):
    net, error = _both((EXAMPLES / name).read_bytes(), monkeypatch)
    assert error is None and net["indptr"].shape[0] > 1


@pytest.mark.parametrize("text, line, words", [
    ("*States\n1 1\n2 2\n*Links\n1 2\n2 9\n", 6, "unknown state 9"),
    ("*States\n1 1\n2 2\n1 3\n*Links\n1 2\n", 4, "declared twice (first on line 2)"),
    ("*States\n1 1\n2 x\n*Links\n1 2\n", 3, "not an integer"),
    ("*Intra\n1 1 2\n2 1 3\n*Inter\n1 1 5 0.4\n", 5, "layer id 5 is out of range"),
    ("*Multilayer\n1 1 -1 2 1\n", 2, "layer id -1 is out of range"),
    ("*Intra\n1 x 2\n", 2, "not an integer"),
    ("*Intra\n1 1 2\n1 2\n", 3, "got 2 fields"),
    ("*Intra\n1 1 2 0.5\n1 2 3 -1\n", 3, "must be >= 0"),
    ("*Intra\n1 1 2 1e999\n", 2, "must be finite"),
    ("*Intra\n1 1 2 abc\n1 x 3\n", 2, "is not a number"),
    ("*Bipartite 3\n1 3\n1 2\n", 3, "joins two primary nodes"),
    ("*Vertices 2\n1\n2\n*Bipartite 2\n1 2\n1 7\n", 6, "node 7, which *Vertices does not list"),
    ("*Vertices 2\n1\n2\n*Intra\n1 1 2\n1 2 9\n", 6, "node 9, which *Vertices does not list"),
    ("1 2\n*Intra\n1 1 2\n", 1, "before the first section header"),
    ("*Intra\n1 x 2\n*Foo\n", 3, "unsupported section"),
])
def test_bad_input_names_the_same_line_on_both_paths(text, line, words, monkeypatch):
    _, error = _both(text, monkeypatch)
    assert error is not None and words in error[1] and error[2] == line


_TOKENS = st.sampled_from(["1", "2", "3", "4", "-1", "7", "x", "0.5", "2.5e0", "nan", "+3", "1_0", "#c"])


@st.composite
def section_texts(draw):
    kind = draw(st.sampled_from(["intra", "multilayer", "bipartite", "states"]))
    width = {"intra": 3, "multilayer": 4, "bipartite": 2, "states": 2}[kind]
    good = st.lists(st.integers(1, 4).map(str), min_size=width, max_size=width + (0 if kind == "states" else 1))
    noisy = st.lists(_TOKENS, min_size=0, max_size=width + 2)
    rows = draw(st.lists(st.one_of(good, good, good, noisy), min_size=1, max_size=12))
    body = "".join(" ".join(r) + draw(st.sampled_from(["\n", " \n", "\r\n", " # note\n"])) for r in rows)
    if kind == "states":
        return "*States\n" + body + "*Links\n1 2\n2 3 0.5\n"
    if kind == "bipartite":
        return "*Bipartite 3\n" + body
    return f"*{kind.capitalize()}\n" + body


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=section_texts())
def test_random_sections_read_the_same_on_both_paths(text, monkeypatch):
    _both(text, monkeypatch)


def test_headers_are_lines_starting_with_a_star(monkeypatch):
    """Indented headers, CRLF, ``*`` in comments and in data lines' comments: the same network."""
    clean = "*Intra\n1 1 2\n1 2 3 0.5\n*Inter\n1 2 2\n*Intra\n2 1 3\n"
    messy = ("# a comment with *Inter in it\r\n*Intra # *x\r\n1 1 2 # * not a header\r\n  \t1 2 3 0.5\r\n"
             " *Inter\r\n1 2 2\r\n\t*Intra\r\n2 1 3\r\n")
    for path in PATHS:
        a, _ = _read(clean, path, monkeypatch)
        b, _ = _read(messy, path, monkeypatch)
        _assert_same(a, b)


@pytest.mark.parametrize("line, name, weight", [
    ('1 1 "a" 0.5', "a", 0.5), ("1 1 0.5", None, 0.5), ('1 1 "a b"', "a b", 1.0), ("1 1 alpha", "alpha", 1.0),
    ('1 1 "x" 2e1', "x", 20.0), ("1 1", None, 1.0),
])
def test_state_lines_give_a_name_and_a_weight_as_the_official_reads_them(line, name, weight):
    """``state_id physical_id ["name"] [weight]``: the weight is the state's teleportation weight."""
    net = parse_higher_order(f"*States\n{line}\n2 1\n*Links\n1 2\n2 1\n".encode())
    assert net.node_weights.tolist() == [weight, 1.0]
    first_name = net.node_names[0] if net.node_names else None
    assert first_name == name if name is not None else first_name in (None, "1")


@pytest.mark.parametrize("line, words", [('1 1 "a" -2', "must be >= 0"), ('1 1 "a" x', "'x' is not a number"),
                                         ("1 1 nan", "finite")])
def test_bad_state_weights_name_the_line(line, words):
    with pytest.raises(NetworkError, match=words) as err:
        parse_higher_order(f"*States\n{line}\n2 1\n*Links\n1 2\n".encode())
    assert err.value.line == 2
