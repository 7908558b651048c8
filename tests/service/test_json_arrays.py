"""The JSON fast path's scanner (app/jsonarrays.py, app.binary.parse_json) against orjson.

The claim: a link list read from the bytes is exactly what orjson + the array conversion give
(ids, and weights bit for bit, including numbers a naive decimal reader rounds wrongly), and
anything the scanner does not take falls back to the general parser, so a hostile body keeps
its 4xx naming the field (never a 500, never a different answer).
"""

from __future__ import annotations

import math
import re
import struct

import numpy as np
import orjson
import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings, strategies as st

from app.binary import _fast_edges, fast_json, parse_json
from app.jsonarrays import number_rows, top_level_span
from app.main import create_app
from app.schemas import JOB_MODELS, InfomapRequest
from app.settings import Settings
from app.tensors import EdgeColumns

INT64 = st.integers(-2**63, 2**63 - 1)
SPACE = st.sampled_from(["", " ", "\n", "\t ", "\r\n  "])
# doubles of every magnitude, written as orjson writes them (shortest round trip) or as decimal
# strings with many digits, large and small exponents (the cases a naive reader rounds wrongly)
DOUBLES = st.floats(allow_nan=False, allow_infinity=False)
DECIMALS = st.builds(
    lambda sign, digits, point, exponent: (sign + digits[:point] + ("." + digits[point:] if digits[point:] else "")
                                           + (f"e{exponent}" if exponent is not None else "")),
    st.sampled_from(["", "-"]), st.text("123456789", min_size=1, max_size=1).flatmap(
        lambda head: st.text("0123456789", max_size=30).map(lambda tail: head + tail)),
    st.integers(1, 31), st.one_of(st.none(), st.integers(-330, 310)))


def _token(value) -> str:
    return value if isinstance(value, str) else orjson.dumps(value).decode()


def _body(rows: list[list], spaces: list[str]) -> bytes:
    pad = iter(spaces * (1 + 8 * len(rows) // max(1, len(spaces))))
    inner = [next(pad) + "[" + ",".join(next(pad) + _token(v) + next(pad) for v in row) + "]" for row in rows]
    return ("[" + ",".join(inner) + next(pad) + "]").encode()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(INT64, INT64, st.one_of(DOUBLES, DECIMALS, INT64)), min_size=1, max_size=40),
       st.lists(SPACE, min_size=1, max_size=7), st.booleans())
def test_rows_are_what_orjson_reads(rows, spaces, weighted):
    rows = [list(r) if weighted else list(r[:2]) for r in rows]
    raw = _body(rows, spaces)
    try:
        expected = orjson.loads(raw)
    except orjson.JSONDecodeError:               # a decimal beyond the doubles (1e400): not fast either
        assert number_rows(raw) is None
        return
    got = number_rows(raw)
    if any(re.fullmatch(r"-?[0-9]+", _token(v)) and not -2**63 <= int(_token(v)) < 2**63 for r in rows for v in r):
        assert got is None                       # an integer beyond int64: the general path reads it
        return
    assert got is not None and got.width == (3 if weighted else 2)
    assert got.ints[:, :2].tolist() == [r[:2] for r in expected]
    assert got.integer_columns[:2].all()
    if weighted:
        want = np.array([r[2] for r in expected], dtype=np.float64)
        assert got.floats[:, 2].view(np.int64).tolist() == want.view(np.int64).tolist()     # bit for bit
        assert got.integer_columns[2] == all(type(r[2]) is int for r in expected)


WIDE = st.builds(lambda digits, point, exponent, sign: f"{sign}{digits[:point]}.{digits[point:] or '0'}e{exponent}",
                 st.integers(10**15, 10**19 - 1).map(str), st.integers(1, 19), st.integers(-75, 75),
                 st.sampled_from(["", "-"]))


@settings(max_examples=2000, deadline=None)
@given(st.lists(WIDE, min_size=1, max_size=20))
def test_wide_significands_read_bit_for_bit(tokens):
    """16-19 digit significands with exponents around the double-double path's reach (|q| <= 66): every value
    the one Python's correctly rounded reader gives (whether the kernel decides it or hands it back)."""
    raw = ("[" + ",".join(f"[1, 2, {t}]" for t in tokens) + "]").encode()
    got = number_rows(raw)
    assert [struct.pack("<d", x) for x in got.floats[:, 2]] == [struct.pack("<d", float(t)) for t in tokens]


@pytest.mark.parametrize("text", [
    "18014398509481986.0", "1801439850948198.6e1", "18014398509481990.0", "-9007199254740993.0e-20",
    "0.1", "0.30000000000000004", "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9e-324", "5e-324",
    "1.7976931348623157e308", "9007199254740993", "9007199254740993.0", "123456789012345678901234567890.0",
    "1e22", "1e23", "8.589973e9", "0.000000000000000000000000000001", "-0.0", "1E+2", "1e-22", "7e-23",
    "9223372036854775807", "-9223372036854775808", "179769313486231570000000000000000000000e270",
])
def test_hard_numbers_read_exactly(text):
    got = number_rows(f"[[1, 2, {text}]]".encode())
    expected = float(orjson.loads(text))
    assert struct.pack("<d", got.floats[0, 2]) == struct.pack("<d", expected)


@pytest.mark.parametrize("raw", [
    b"[[1, true]]", b'[[1, "2"]]', b"[[1, null]]", b"[[1, 2], [3]]", b"[[1, 2], [3, 4, 5]]", b"[[1, [2]]]",
    b"[[01, 2]]", b"[[1., 2]]", b"[[.5, 2]]", b"[[1, 2],]", b"[[1, 2]", b"[[1, 2]] x", b"[]", b"[[]]", b"[[1,, 2]]",
    b"[[1, 2 3]]", b"[[-, 2]]", b"[[1e, 2]]", b"[[+1, 2]]", b"[[1, 2, NaN]]", b"[[1, 2, Infinity]]",
    b"[[1, 2, 1e400]]", b"[[1, 2, -1e400]]", b"[[18446744073709551616, 1]]", b"[[9223372036854775808, 1]]",
    b"[[-9223372036854775809, 1]]", b"[[1, 2, 3, 4, 5, 6, 7, 8, 9]]", b'[[1, 2], {"a": 1}]', b"[1, 2]",
    b"[[1, 2] [3, 4]]", b"[[0x1, 2]]", b"[[1, 2]]]",
], ids=lambda raw: raw.decode()[:30])
def test_anything_else_is_not_fast(raw):
    assert number_rows(raw) is None


def test_integer_extremes_and_float_columns():
    rows = number_rows(b"[[9223372036854775807, -9223372036854775808, 2], [0, -0, 1.5e3]]")
    assert rows.ints[:, :2].tolist() == [[2**63 - 1, -2**63], [0, 0]]
    assert rows.integer_columns.tolist() == [True, True, False]
    assert rows.floats[:, 2].tolist() == [2.0, 1500.0]
    assert number_rows(b"[[1.0, 2]]").integer_columns.tolist() == [False, True]


@pytest.mark.parametrize("raw,value", [
    (b'{"edges": [[1, 2]]}', b"[[1, 2]]"),
    (b' { "seed" : 3 ,\n"edges":[[1,2]] } ', b"[[1,2]]"),
    (b'{"a": "\\"edges\\": [", "edges": [[1, 2]] , "b": {"edges": 1}}', b"[[1, 2]]"),
    (b'{"edges": null}', b"null"),
])
def test_top_level_span(raw, value):
    start, end = top_level_span(raw, "edges")
    assert raw[start:end] == value


@pytest.mark.parametrize("raw", [b'{"a": {"edges": [[1, 2]]}}', b"{}", b' { "x": "edges" } '])
def test_top_level_span_of_an_absent_key(raw):
    assert top_level_span(raw, "edges") == (-1, -1)


@pytest.mark.parametrize("raw", [
    b'{"edges": [[1, 2]], "edges": [[3, 4]]}', b'{"\\u0065dges": [[1, 2]]}', b"[1, 2]", b'{"edges": [[1, 2]',
    b'{"edges" [[1, 2]]}', b'{"a": 1 "edges": [[1, 2]]}', b"", b'"edges"',
])
def test_top_level_span_refuses_what_it_cannot_follow(raw):
    assert top_level_span(raw, "edges") is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(INT64, INT64, DOUBLES), min_size=1, max_size=30), st.booleans(),
       st.dictionaries(st.sampled_from(["seed", "num_trials", "directed", "z", "edge", "edgesx"]),
                       st.one_of(st.integers(0, 9), st.booleans(), st.text(max_size=5)), max_size=4))
def test_parse_json_equals_the_general_path(rows, weighted, others):
    body = {**others, "edges": [list(r) if weighted else list(r[:2]) for r in rows]}
    raw = orjson.dumps(body)
    got = parse_json(raw, InfomapRequest)
    expected = orjson.loads(raw)
    expected_edges = _fast_edges(expected.pop("edges"))
    got_edges = got.pop("edges")
    assert isinstance(got_edges, EdgeColumns)
    assert got == fast_json(expected, InfomapRequest)
    assert got_edges.source.tolist() == expected_edges.source.tolist()
    assert got_edges.target.tolist() == expected_edges.target.tolist()
    if weighted:
        assert got_edges.weight.view(np.int64).tolist() == expected_edges.weight.view(np.int64).tolist()
    else:
        assert got_edges.weight is None


def test_parse_json_of_a_union_keeps_edges_as_sent_for_a_kind_without_them():
    raw = b'{"kind": "cluster_vectors", "edges": [[1, 2]], "vectors": [[1.0, 0.0]]}'
    assert parse_json(raw, models=JOB_MODELS)["edges"] == [[1, 2]]       # the model refuses it, by name
    assert isinstance(parse_json(raw.replace(b"cluster_vectors", b"infomap"), models=JOB_MODELS)["edges"],
                      EdgeColumns)


# ------------------------------------------------------------------ through the app
@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("jsonfast"), warmup=False, dask_workers=1,
                        dask_processes=False, work_processes=0, max_sync_links=5000)
    with TestClient(create_app(settings)) as c:
        yield c


def _error(response, field: str) -> dict:
    assert 400 <= response.status_code < 500, response.text
    error = response.json()["error"]
    assert error["field"] == field, error
    return error


HOSTILE_JSON = [
    ("mixed-types", b'{"edges": [[1, 2], ["a", 3]]}', "edges"),
    ("float-ids", b'{"edges": [[1.5, 2], [2, 3]]}', "edges"),
    ("whole-float-ids", b'{"edges": [[1.0, 2], [2, 3]]}', "edges"),
    ("bool-id", b'{"edges": [[1, 2], [2, true]]}', "edges.1.1"),
    ("nested-junk", b'{"edges": [[1, 2], [2, [3, 4]]]}', "edges.1.1"),
    ("object-row", b'{"edges": [[1, 2], {"s": 1}]}', "edges.1"),
    ("huge-id", b'{"edges": [[1180591620717411303424, 1], [1, 2]]}', "edges"),
    ("null-weight", b'{"edges": [[1, 2, null], [2, 3, 1.0]]}', "edges.0.2"),
    ("string-weight", b'{"edges": [[1, 2, "1"], [2, 3, 1.0]]}', "edges"),
    ("negative-weight", b'{"edges": [[1, 2, -0.5], [2, 3, 1.0]]}', "edges"),
    ("nan-weight", b'{"edges": [[1, 2, NaN], [2, 3, 1.0]]}', "body"),
    ("infinite-weight", b'{"edges": [[1, 2, 1e400], [2, 3, 1.0]]}', "body"),
    ("empty-edges", b'{"edges": []}', "edges"),
    ("empty-row", b'{"edges": [[]]}', "edges"),
    ("long-row", b'{"edges": [[1, 2, 3, 4]]}', "edges"),
    ("repeated-key", b'{"edges": [[1, 2]], "edges": [[1, 2, -1]]}', "edges"),
    ("trailing-comma", b'{"edges": [[1, 2], [2, 3],]}', "body"),
    ("truncated", b'{"edges": [[1, 2], [2, 3]', "body"),
    ("junk-after-body", b'{"edges": [[1, 2], [2, 3]]} x', "body"),
    ("unknown-field", b'{"edges": [[1, 2], [2, 3]], "bogus": 1}', "bogus"),
]


@pytest.mark.parametrize("name,raw,field", HOSTILE_JSON, ids=[h[0] for h in HOSTILE_JSON])
def test_hostile_json_is_a_4xx_naming_the_field(client, name, raw, field):
    response = client.post("/v1/infomap", content=raw, headers={"content-type": "application/json"})
    _error(response, field)
    assert client.get("/healthz").status_code == 200


def test_a_repeated_key_is_read_as_the_parser_reads_it(client):
    """orjson keeps the last of two ``edges``: the fast path does not take such a body, so the answer is the same."""
    raw = b'{"edges": [[1, 2]], "seed": 1, "edges": [[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 6], [6, 4]]}'
    got = client.post("/v1/infomap", content=raw, headers={"content-type": "application/json"})
    assert got.status_code == 200 and got.json()["num_nodes"] == 6


def test_json_answer_equals_the_binary_answer_on_weighted_links(client):
    """A weighted random network with weights of every magnitude: the JSON fast path (scanner) and the
    .npy body give the same answer, metadata (the input's sha256) included."""
    import io

    rng = np.random.default_rng(13)
    m = 3000
    src, tgt = rng.integers(0, 400, m), rng.integers(0, 400, m)
    weights = np.exp(rng.normal(0, 8, m))                    # 1e-15 .. 1e15: exact and re-read decimals
    raw = orjson.dumps({"edges": [[int(a), int(b), float(w)] for a, b, w in zip(src, tgt, weights)], "seed": 4,
                        "include_flow": True})
    got = client.post("/v1/infomap", content=raw, headers={"content-type": "application/json"})
    buf = io.BytesIO()
    np.save(buf, np.column_stack([src, tgt, weights]))
    binary = client.post("/v1/infomap", content=buf.getvalue(), params={"seed": 4, "include_flow": "true"},
                         headers={"content-type": "application/x-npy"})
    assert got.status_code == 200 and binary.status_code == 200, got.text
    a, b = got.json(), binary.json()
    for answer in (a, b):
        answer["metadata"].pop("elapsed_seconds")
    assert a == b
    assert math.isclose(sum(a["node_flow"].values()), 1.0)


# ------------------------------------------------------------------ the JSON answer, written without validation
KARATE = [[a, b] for a, b in __import__("networkx").karate_club_graph().edges()]
ANSWERS = [
    ("two-level", {"edges": KARATE, "two_level": True}),
    ("multilevel-tree-flow", {"edges": KARATE, "include_flow": True, "num_trials": 2}),
    ("module-links-and-links", {"edges": [[a, b, 1 + (a * b) % 3] for a, b in KARATE], "include_module_links": True,
                                "include_links": True, "directed": True}),
    ("string-ids", {"edges": [[f"n\"{a}", f"\\u{b}é"] for a, b in KARATE], "include_flow": True}),
    ("states", {"edges": [[1, 2, 0.8], [1, 3, 0.8], [1, 5, 0.2], [1, 6, 0.2], [2, 1, 1], [2, 3, 1], [3, 1, 1],
                          [3, 2, 1], [4, 5, 0.8], [4, 6, 0.8], [4, 2, 0.2], [4, 3, 0.2], [5, 4, 1], [5, 6, 1],
                          [6, 4, 1], [6, 5, 1]], "states": {"1": 1, "2": 2, "3": 3, "4": 1, "5": 4, "6": 5}}),
    ("bipartite-hidden", {"edges": [[1, 10], [2, 10], [3, 11], [4, 11], [1, 11]], "bipartite_start_id": 10,
                          "hide_bipartite_nodes": True, "include_flow": True}),
    ("one-module", {"edges": [[1, 2]], "include_flow": True, "include_module_links": True}),
]


@pytest.mark.parametrize("name,body", ANSWERS, ids=[a[0] for a in ANSWERS])
def test_answer_json_is_the_response_models_answer(name, body):
    from infomap_core import run_infomap

    from app.schemas import InfomapResponse
    from app.service.infomap import answer_json, infomap_inputs, shape_of, shape_result

    request = InfomapRequest.model_validate(parse_json(orjson.dumps(body), InfomapRequest))
    network, options, initial = infomap_inputs(request)
    result = run_infomap(network, options, initial_partition=initial)
    payload = shape_result(result, network, options, **shape_of(request))          # the tree as dicts
    expected = orjson.dumps(InfomapResponse.model_validate(payload).model_dump(mode="json", exclude_none=True),
                            option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS)
    assert answer_json(payload) == expected
    written = shape_result(result, network, options, **shape_of(request), written=True)
    assert answer_json(written) == expected                      # the mappings and tree as the kernels write them


def test_answer_json_writes_numbers_as_the_model_types():
    from app.service.infomap import answer_json

    payload = {"codelength": 0, "index_codelength": np.float64(0.5), "module_codelength": 1, "one_level_codelength": 2,
               "relative_codelength_savings": 1, "num_modules": np.int64(3), "num_levels": 2, "num_nodes": 4,
               "num_links": 5, "modules": {"1": 1}, "trial_codelengths": [1, np.float64(2.5)], "tree": None,
               "extra": "left out", "metadata": {"seed": 1, "engine_version": "x", "input_sha256": "y",
                                                 "elapsed_seconds": 0}}
    assert orjson.loads(answer_json(payload)) == {
        "codelength": 0.0, "index_codelength": 0.5, "module_codelength": 1.0, "one_level_codelength": 2.0,
        "relative_codelength_savings": 1.0, "num_modules": 3, "num_levels": 2, "num_nodes": 4, "num_links": 5,
        "modules": {"1": 1}, "trial_codelengths": [1.0, 2.5],
        "metadata": {"seed": 1, "engine_version": "x", "input_sha256": "y", "elapsed_seconds": 0.0}}
    assert b'"codelength":0.0' in answer_json(payload)


def test_the_docstring_examples_run():
    import doctest

    import app.jsonarrays as module

    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
