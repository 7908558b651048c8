"""The numba kernel and the Python loop read any input identically: arrays, stop point, errors."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from infomap_core.errors import MapEqError
from infomap_core.io.link_list import scan_link_table

TOKENS = [
    "1", "2", "-3", "+4", "007", "0", "-0", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
    "a", "b", "é", "1.5", ".5", "5.", "1e3", "1E-3", "1e", "e5", "1.2.3", "1e400", "nan", "inf", "-inf", "-1",
    "1_000", "0x10", "0.30000000000000004", "123456789012345678901234", "1e-400", "2.5e+22", "9007199254740993",
    "4.9e-324", "+.5e-2", "*Edges", "*x", "1#c", "#", "# c", "1,5",
]


@st.composite
def soups(draw):
    lines = draw(st.lists(st.lists(st.sampled_from(TOKENS), max_size=5), max_size=25))
    seps = draw(st.lists(st.sampled_from([" ", "\t", "  ", " \x0b", "\x0c"]), min_size=1, max_size=3))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(draw(st.sampled_from(seps)).join(tokens) for tokens in lines)
    return text + draw(st.sampled_from(["", newline]))


def _outcome(text: bytes, start: int, line: int, strings: bool, use_kernel: bool):
    try:
        t = scan_link_table(text, start, line, strings=strings, use_kernel=use_kernel)
    except MapEqError as exc:
        return ("error", type(exc).__name__, exc.line, str(exc))
    return ("ok", t.src.dtype.kind, t.src.tolist(), t.tgt.tolist(), t.weight.view(np.int64).tolist(),
            t.stop_pos, t.stop_line, t.at_header)


@settings(max_examples=400, deadline=None)
@given(text=soups(), strings=st.booleans(), first_line=st.integers(1, 50))
def test_kernel_and_python_agree(text, strings, first_line):
    raw = text.encode()
    assert _outcome(raw, 0, first_line, strings, True) == _outcome(raw, 0, first_line, strings, False)


@settings(max_examples=100, deadline=None)
@given(prefix=soups(), body=soups())
def test_kernel_and_python_agree_from_an_offset(prefix, body):
    raw = (prefix + "\n").encode()
    start, line = len(raw), raw.count(b"\n") + 1
    raw += body.encode()
    assert _outcome(raw, start, line, False, True) == _outcome(raw, start, line, False, False)


def test_kernel_weights_are_bit_identical_to_float():
    rng = np.random.default_rng(7)
    values = np.concatenate([rng.random(3000), rng.random(1000) * 1e-7, np.round(rng.random(1000) * 1e4, 3),
                             rng.random(500) * 1e25, rng.integers(0, 2**60, 500).astype(float)])
    tokens = [f(v) for v in values.tolist() for f in (repr, "{:.6g}".format, "{:.3e}".format, "{:.17f}".format)]
    text = "".join(f"1 2 {t}\n" for t in tokens).encode()
    table = scan_link_table(text, use_kernel=True)
    assert table.weight.view(np.int64).tolist() == np.array([float(t) for t in tokens]).view(np.int64).tolist()
