"""The link-list reader, through both paths (numba kernel and Python loop)."""

from __future__ import annotations

import gzip
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infomap_core import EmptyNetworkError, InvalidWeightError, Network, OptionError, ParseError
from infomap_core.io import parse_network, read_network
from io_links import links_of
from infomap_core.io.link_list import scan_link_table

pytestmark = pytest.mark.usefixtures("scan_path")




def test_comments_blank_lines_and_weights():
    text = "# a header\n\n1 2 2.5  # trailing comment\n   \n\t2 3\t0.5\n# 9 9\n3 1#no space\n"
    net = parse_network(text)
    assert not net.directed
    assert links_of(net) == {(1, 2): 2.5, (2, 3): 0.5, (1, 3): 1.0}


def test_mixed_two_and_three_columns():
    net = parse_network("1 2\n2 3 4\n3 4\n")
    assert links_of(net) == {(1, 2): 1.0, (2, 3): 4.0, (3, 4): 1.0}


def test_duplicates_are_summed_and_self_links_kept():
    net = parse_network("1 2 1\n2 1 2\n1 2 0.5\n3 3 2\n3 1\n")
    assert links_of(net) == {(1, 2): 3.5, (3, 3): 2.0, (1, 3): 1.0}
    directed = parse_network("1 2 1\n2 1 2\n1 2 0.5\n3 3 2\n", directed=True)
    assert links_of(directed) == {(1, 2): 1.5, (2, 1): 2.0, (3, 3): 2.0}


def test_zero_weight_links_are_dropped_but_all_zero_is_empty():
    assert links_of(parse_network("1 2 0\n2 3 1\n")) == {(2, 3): 1.0}
    with pytest.raises(EmptyNetworkError):
        parse_network("1 2 0\n2 3 0.0\n")


def test_weight_spellings_read_as_python_float():
    tokens = ["1", "2.5", ".5", "5.", "1e3", "1E-3", "+7", "0.30000000000000004", "1e-320", "1_000",
              "12345678901234567890", "00012.50", "1.7976931348623157e308", "-0", "4.9e-324"]
    text = "".join(f"{k} {k + 1} {t}\n" for k, t in enumerate(tokens))
    table = scan_link_table(text.encode())
    assert table.weight.tolist() == [float(t) for t in tokens]


def test_string_ids_when_any_id_is_not_an_integer():
    net = parse_network("a b\nb c 2\n1 a\n")
    assert net.node_ids.dtype == object
    assert net.node_ids.tolist() == ["1", "a", "b", "c"]
    assert links_of(net) == {("a", "b"): 1.0, ("b", "c"): 2.0, ("1", "a"): 1.0}


def test_string_ids_keep_their_spelling_and_unicode():
    net = parse_network("007 7\nnode-ä 1.5\n")
    assert net.node_ids.tolist() == ["007", "1.5", "7", "node-ä"]


def test_integer_ids_signs_and_int64_bounds():
    net = parse_network("-5 +5\n9223372036854775807 -9223372036854775808\n007 5\n")
    assert net.node_ids.dtype == np.int64
    assert net.node_ids.tolist() == [-9223372036854775808, -5, 5, 7, 9223372036854775807]
    # one id beyond int64: every id becomes a string
    big = parse_network("1 2\n9223372036854775808 1\n")
    assert big.node_ids.tolist() == ["1", "2", "9223372036854775808"]


def test_crlf_line_endings_and_missing_final_newline():
    net = parse_network(b"1 2 0.5\r\n2 3\r\n3 4 2")
    assert links_of(net) == {(1, 2): 0.5, (2, 3): 1.0, (3, 4): 2.0}


def test_directed_flag():
    assert not parse_network("1 2\n").directed
    assert parse_network("1 2\n", directed=True).directed
    assert not parse_network("1 2\n", directed=False).directed


@pytest.mark.parametrize("text,error,line", [
    ("1 2\n1 2 3 4\n", ParseError, 2),
    ("# c\n\n1\n", ParseError, 3),
    ("1 2\n# c\n2 3 abc\n", ParseError, 3),
    ("1 2 nan\n", InvalidWeightError, 1),
    ("1 2\n2 3 inf\n", InvalidWeightError, 2),
    ("1 2\n2 3 1e400\n", InvalidWeightError, 2),
    ("1 2\n\n2 3 -1\n", InvalidWeightError, 3),
    ("1 2\n2 3 -0.5e-3\n", InvalidWeightError, 2),
    ("a b\nb c 0x10\n", ParseError, 2),
    ("1 2 1,5\n", ParseError, 1),
    ("1 2 x\n3 4 5 6\n", ParseError, 1),  # the first bad line wins
    ("1 2\n3 4 5 6\n7 8 x\n", ParseError, 2),
    ("1 2 abc 4\n", ParseError, 1),
    ("1 2\r\n3 4 5 6\r\n", ParseError, 2),
    ("a b\n1 2\n*Edges\n1 2\n", ParseError, 3),  # a Pajek header after link lines
])
def test_malformed_lines_name_the_line(text, error, line):
    with pytest.raises(error) as info:
        parse_network(text)
    assert type(info.value) is error
    assert info.value.line == line
    assert str(info.value).startswith(f"line {line}: ")
    assert info.value.field == "network"


def test_column_count_message():
    with pytest.raises(ParseError, match="expected 'source target \\[weight\\]', got 4 fields"):
        parse_network("1 2 3 4\n")


def test_no_links_is_a_parse_error():
    for text in ("", "# only a comment\n", "\n\n  \n"):
        with pytest.raises(ParseError) as info:
            parse_network(text)
        assert info.value.line is None


def test_unknown_format_and_bad_input_type():
    with pytest.raises(OptionError):
        parse_network("1 2\n", format="graphml")
    with pytest.raises(ParseError):
        parse_network(12)  # type: ignore[arg-type]


def test_str_bytes_and_files_agree(tmp_path):
    text = "# x\n1 2 0.5\n2 3\n"
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(text.encode()))
    nets = [parse_network(text), parse_network(text.encode()), parse_network(bytearray(text.encode())),
            read_network(tmp_path / "a.txt"), read_network(str(tmp_path / "a.txt.gz"))]
    assert len({n.fingerprint() for n in nets}) == 1


# ------------------------------------------------------------------ properties
ints = st.integers(-(2**63), 2**63 - 1)
small = st.integers(-3, 40)
weights = st.floats(min_value=0.0, max_value=1e12, allow_nan=False, allow_infinity=False)
blank = st.sampled_from([" ", "  ", "\t", " \t "])


def _row(ids):
    """(source, target, weight or None, weight format, indent, separator, trailing comment, lines before)."""
    return st.tuples(ids, ids, st.none() | weights, st.sampled_from(["{!r}", "{:.6g}", "{:e}"]),
                     st.sampled_from(["", " ", "\t"]), blank, st.booleans(),
                     st.lists(st.sampled_from(["", "# comment", "   ", "#1 2 3"]), max_size=2))


ID_STRATEGIES = {
    "small": small,
    "int64": ints,
    "str": st.text("abcxyzé-_.0123", min_size=1, max_size=4),
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), directed=st.booleans(), id_kind=st.sampled_from(sorted(ID_STRATEGIES)),
       newline=st.sampled_from(["\n", "\r\n"]), final_newline=st.booleans())
def test_written_edge_list_parses_back_to_the_same_network(data, directed, id_kind, newline, final_newline):
    rows = data.draw(st.lists(_row(ID_STRATEGIES[id_kind]), min_size=1, max_size=60))
    lines, expected = [], []
    for a, b, w, fmt, indent, sep, trailing, before in rows:
        lines.extend(before)
        fields = [str(a), str(b)] + ([] if w is None else [fmt.format(w)])
        lines.append(indent + sep.join(fields) + (sep + "# trailing" if trailing else ""))
        expected.append((str(a), str(b), 1.0 if w is None else float(fields[2])))
    if all(w == 0 for _, _, w in expected):
        lines.append(f"{rows[0][0]} {rows[0][1]} 1")
        expected.append((str(rows[0][0]), str(rows[0][1]), 1.0))
    text = newline.join(lines) + (newline if final_newline else "")
    if all(_is_int(x) for a, b, _ in expected for x in (a, b)):
        expected = [(int(a), int(b), w) for a, b, w in expected]  # all-integer spellings are int ids
    parsed = parse_network(text, directed=directed)
    direct = Network.from_edges(expected, directed=directed)
    assert parsed.node_ids.dtype == direct.node_ids.dtype
    assert parsed.node_ids.tolist() == direct.node_ids.tolist()
    assert np.array_equal(parsed.indptr, direct.indptr)
    assert np.array_equal(parsed.indices, direct.indices)
    assert np.array_equal(parsed.weights, direct.weights)
    assert parsed.fingerprint() == direct.fingerprint()


def _is_int(token: str) -> bool:
    return re.fullmatch(r"[+-]?[0-9]+", token) is not None and -(2**63) <= int(token) < 2**63
