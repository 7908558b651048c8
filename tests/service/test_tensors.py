"""Binary tensors (docs/binary-tensors.md): every binary form of a request gives the JSON form's answer,
answers come back as .npz / Arrow on Accept, and hostile binary input gets the documented 4xx.

The expected answers are the JSON endpoints' own (themselves checked against the official
package and the techniques' references elsewhere); here the claim is "same request, same
answer" whatever the encoding, and "no 5xx, no unpickling, sizes checked before inflating".
"""

from __future__ import annotations

import io
import pickle
import zipfile

import networkx as nx
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings

NPY, NPZ, ARROW = "application/x-npy", "application/zip", "application/vnd.apache.arrow.stream"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("tensors"), warmup=False, dask_workers=1,
                        dask_processes=False, work_processes=0, max_sync_links=5000, max_body_bytes=2_000_000)
    with TestClient(create_app(settings)) as c:
        yield c


def npy(array) -> bytes:
    buf = io.BytesIO()
    np.save(buf, np.asarray(array))
    return buf.getvalue()


def npz(compressed: bool = False, **arrays) -> bytes:
    buf = io.BytesIO()
    (np.savez_compressed if compressed else np.savez)(buf, **arrays)
    return buf.getvalue()


def arrow(table: pa.Table, kind: str = "stream", compression: str | None = None) -> bytes:
    sink = pa.BufferOutputStream()
    if kind == "parquet":
        pq.write_table(table, sink)
    else:
        options = pa.ipc.IpcWriteOptions(compression=compression)
        with (pa.ipc.new_stream if kind == "stream" else pa.ipc.new_file)(sink, table.schema, options=options) as w:
            w.write_table(table)
    return sink.getvalue().to_pybytes()


def _untimed(value):
    if isinstance(value, dict):
        return {k: _untimed(v) for k, v in value.items() if "seconds" not in k}
    return value


def same_answer(got: dict, expected: dict) -> None:
    assert _untimed(got) == _untimed(expected)


def error_of(response, status: int, field: str) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["field"] == field, error
    return error


# ------------------------------------------------------------------ the same answer, every form
KARATE = [list(e) for e in nx.karate_club_graph().edges()]
WEIGHTS = [0.5 + (i % 4) * 0.25 for i in range(len(KARATE))]          # exact in float32
WEIGHTED = [[a, b, w] for (a, b), w in zip(KARATE, WEIGHTS)]
RNG = np.random.default_rng(5)
VECTORS = np.vstack([RNG.normal(c, 0.05, size=(15, 4)) for c in np.eye(4)])
Q, K, V = (RNG.normal(size=(12, 4)).round(3) for _ in range(3))
EMB, HID = RNG.normal(size=(40, 6)).astype(np.float32), RNG.normal(size=(3, 6)).astype(np.float32)
Z, CODES = RNG.normal(size=(30, 3)), RNG.normal(size=(5, 3))
LOGITS = RNG.normal(size=(2, 10))
PROBS = RNG.dirichlet(np.ones(10), size=(2, 3))
X = RNG.normal(size=(20, 3))
Y = X @ [1.0, -2.0, 0.5] + 0.3


def _src_tgt(edges, weights=None, ids=int):
    columns = {"source": [ids(a) for a, *_ in edges], "target": [ids(b) for _, b, *_ in edges]}
    if weights is not None:
        columns["weight"] = weights
    return pa.table(columns)


# (name, path, JSON body, [(binary body, content type, query)])
CASES = [
    ("infomap-edges", "/v1/infomap", {"edges": KARATE, "seed": 3, "num_trials": 2}, [
        (npy(np.array(KARATE, dtype=np.int32)), NPY, {"seed": 3, "num_trials": 2}),
        (npz(edges=np.array(KARATE)), NPZ, {"seed": 3, "num_trials": 2}),
        (arrow(_src_tgt(KARATE)), ARROW, {"seed": 3, "num_trials": 2}),
        (arrow(_src_tgt(KARATE), "file"), "application/vnd.apache.arrow.file", {"seed": 3, "num_trials": 2}),
        (arrow(_src_tgt(KARATE), "parquet"), "application/vnd.apache.parquet", {"seed": 3, "num_trials": 2}),
    ]),
    ("infomap-weighted-float32", "/v1/infomap", {"edges": WEIGHTED, "directed": True, "two_level": True}, [
        (npy(np.array(WEIGHTED, dtype=np.float32)), NPY, {"directed": "true", "two_level": "true"}),
        (npz(True, edges=np.array(WEIGHTED)), NPZ, {"directed": "true", "two_level": "true"}),
        (arrow(_src_tgt(KARATE, np.array(WEIGHTS, np.float32))), ARROW, {"directed": "true", "two_level": "true"}),
    ]),
    ("infomap-string-ids", "/v1/infomap", {"edges": [[f"n{a}", f"n{b}"] for a, b in KARATE], "include_flow": True}, [
        (arrow(_src_tgt(KARATE, ids=lambda i: f"n{i}")), ARROW, {"include_flow": "true"}),
        (npz(source=np.array([f"n{a}" for a, _ in KARATE]), target=np.array([f"n{b}" for _, b in KARATE])), NPZ,
         {"include_flow": "true"}),
    ]),
    ("infomap-sparse", "/v1/infomap", {"sparse": {"shape": [34, 34], "row": [a for a, _ in KARATE],
                                                  "col": [b for _, b in KARATE], "data": WEIGHTS}}, [
        (npz(**{"sparse.row": np.array([a for a, _ in KARATE], np.uint16),
                "sparse.col": np.array([b for _, b in KARATE], np.int64),
                "sparse.data": np.array(WEIGHTS, np.float32)}), NPZ, {"sparse.shape": "[34, 34]"}),
    ]),
    ("infomap-adjacency", "/v1/infomap", {"adjacency": nx.to_numpy_array(nx.karate_club_graph()).tolist()}, [
        (npz(adjacency=nx.to_numpy_array(nx.karate_club_graph()).astype(np.float32)), NPZ, {}),
    ]),
    ("codelength", "/v1/codelength", {"edges": KARATE, "partition": {str(i): 1 + (i > 16) for i in range(34)}}, [
        (npy(np.array(KARATE)), NPY, {"partition": str({str(i): 1 + (i > 16) for i in range(34)}).replace("'", '"')}),
    ]),
    ("vectors", "/v1/cluster/vectors", {"vectors": VECTORS.tolist(), "top_k": 5, "seed": 2}, [
        (npy(VECTORS), NPY, {"top_k": 5, "seed": 2}),
        (npz(vectors=VECTORS), NPZ, {"top_k": 5, "seed": 2}),
        (arrow(pa.table({"v": pa.array(VECTORS.tolist(), type=pa.list_(pa.float64(), 4))})), ARROW,
         {"top_k": 5, "seed": 2}),
    ]),
    ("vectors-float32", "/v1/cluster/vectors", {"vectors": VECTORS.astype(np.float32).tolist(), "top_k": 5,
                                                "dtype": "float32"}, [
        (npy(VECTORS.astype(np.float32)), NPY, {"top_k": 5}),
    ]),
    ("variance", "/v1/stats/variance", {"samples": X.tolist(), "axis": 0}, [
        (npy(X), NPY, {"axis": 0}),
        (arrow(pa.table({"a": X[:, 0], "b": X[:, 1], "c": X[:, 2]})), ARROW, {"axis": 0}),
    ]),
    ("attention", "/v1/attention/sparse", {"q": Q.tolist(), "k": K.tolist(), "v": V.tolist(), "mode": "sparse",
                                           "rate": 2, "window": 1, "return_weights": True}, [
        (npz(q=Q, k=K, v=V), NPZ, {"mode": "sparse", "rate": 2, "window": 1, "return_weights": "true"}),
        (arrow(pa.table({n: pa.array(a.tolist(), type=pa.list_(pa.float64(), 4)) for n, a in zip("qkv", (Q, K, V))})),
         ARROW, {"mode": "sparse", "rate": 2, "window": 1, "return_weights": "true"}),
    ]),
    ("span", "/v1/span/pointer-decode", {"start_logits": LOGITS[0].tolist(), "end_logits": LOGITS[1].tolist(),
                                         "mask": [True] * 8 + [False] * 2, "max_len": 3}, [
        (npz(start_logits=LOGITS[0], end_logits=LOGITS[1], mask=np.array([True] * 8 + [False] * 2)), NPZ,
         {"max_len": 3}),
        (arrow(pa.table({"start_logits": LOGITS[0], "end_logits": LOGITS[1], "mask": [True] * 8 + [False] * 2})),
         ARROW, {"max_len": 3}),
    ]),
    ("mlm", "/v1/mlm/constrained-decode", {"passages": [[2, 3, 4, 5, 1], [6, 3, 4, 7, 1]], "probs": PROBS.tolist(),
                                           "end_id": 1}, [
        (npz(passages=np.array([[2, 3, 4, 5, 1], [6, 3, 4, 7, 1]]), probs=PROBS), NPZ, {"end_id": 1}),
        (npz(**{"passages.0": np.array([2, 3, 4, 5, 1]), "passages.1": np.array([6, 3, 4, 7, 1])},
             probs=PROBS.astype(np.float32).astype(np.float64)), NPZ, {"end_id": 1}),
    ]),
    ("tied-float32", "/v1/reuse/tied-logits", {"embeddings": EMB.tolist(), "hidden": HID.tolist(), "top_k": 4,
                                               "return_full": True}, [
        (npz(embeddings=EMB, hidden=HID), NPZ, {"top_k": 4, "return_full": "true"}),
    ]),
    ("optimizer", "/v1/optimizers/run", {"objective": {"kind": "least_squares", "X": X.tolist(), "y": Y.tolist()},
                                         "base": "adam", "learning_rate": 0.05, "steps": 50}, [
        (npz(**{"objective.X": X, "objective.y": Y}), NPZ,
         {"objective.kind": "least_squares", "base": "adam", "learning_rate": 0.05, "steps": 50}),
    ]),
    ("vq-quantize", "/v1/vq/quantize", {"z": Z.tolist(), "codebook": CODES.tolist()}, [
        (npz(z=Z, codebook=CODES), NPZ, {}),
    ]),
    ("vq-fit", "/v1/vq/fit-codebook", {"z": Z.tolist(), "num_codes": 3, "seed": 1}, [
        (npy(Z), NPY, {"num_codes": 3, "seed": 1}),
    ]),
]
# the mlm case's second form sends float32-rounded probabilities: its JSON twin is built below
CASES[11][3][1] = (CASES[11][3][1][0], NPZ, {"end_id": 1, "_json": {
    **CASES[11][2], "probs": PROBS.astype(np.float32).astype(np.float64).tolist()}})
FORMS = [(name, path, body, i) for name, path, body, forms in CASES for i in range(len(forms))]


@pytest.mark.parametrize("name,path,body,index", FORMS, ids=[f"{f[0]}-{f[3]}" for f in FORMS])
def test_binary_form_gives_the_json_answer(client, name, path, body, index):
    raw, media, query = dict((c[0], c[3]) for c in CASES)[name][index]
    query = dict(query)
    body = query.pop("_json", body)
    expected = client.post(path, json=body)
    assert expected.status_code == 200, expected.text
    got = client.post(path, content=raw, params=query, headers={"content-type": media})
    assert got.status_code == 200, got.text
    if name == "tied-float32":
        same_within_float32_bound(got.json(), expected.json())
    else:
        same_answer(got.json(), expected.json())


def same_within_float32_bound(got: dict, expected: dict) -> None:
    """A float32 E is multiplied in float32 (docs/techniques-api.md, *Tied embeddings*): each logit within
    (d + 2) 2^-24 sum_i |h_i e_i| of the float64 answer (the JSON form), softmax values within twice that."""
    bound = (EMB.shape[1] + 2) * 2.0**-24 * float((np.abs(HID.astype(float)) @ np.abs(EMB.astype(float)).T).max())
    assert got["top_ids"] == expected["top_ids"] and got["activation"] == expected["activation"]
    for key in ("top_logits", "log_normalizer"):
        np.testing.assert_allclose(got[key], expected[key], rtol=0, atol=bound)
    for key in ("top_values", "full"):
        np.testing.assert_allclose(got[key], expected[key], rtol=2.5 * bound, atol=0)
    assert got["top_logits"] != expected["top_logits"]      # the float32 path was taken


@pytest.mark.parametrize("kind", ["npy", "npz", "parquet", "arrow"])
def test_infomap_file_takes_binary_links_by_content(client, kind):
    text = "\n".join(f"{a} {b} {w}" for (a, b), w in zip(KARATE, WEIGHTS)).encode()
    expected = client.post("/v1/infomap/file", files={"file": ("k.txt", text)}, data={"seed": "4"})
    raw = {"npy": npy(np.array(WEIGHTED, dtype=np.float32)),
           "npz": npz(True, source=np.array([a for a, _ in KARATE]), target=np.array([b for _, b in KARATE]),
                      weight=np.array(WEIGHTS)),
           "parquet": arrow(_src_tgt(KARATE, WEIGHTS), "parquet"),
           "arrow": arrow(_src_tgt(KARATE, WEIGHTS), "file")}[kind]
    got = client.post("/v1/infomap/file", files={"file": ("links.txt", raw)}, data={"seed": "4"})
    assert got.status_code == 200 and expected.status_code == 200, got.text
    same_answer(got.json(), expected.json())


def test_json_fast_path_keeps_the_json_rules(client):
    """The fast path turns homogeneous lists into arrays; anything else keeps the per-element errors."""
    error_of(client.post("/v1/infomap", json={"edges": [[1, 2], [2, True]]}), 422, "edges.1.1")
    error_of(client.post("/v1/infomap", json={"edges": [[1.0, 2], [2, 3]]}), 422, "edges")
    error_of(client.post("/v1/stats/variance", json={"samples": [1.0, "2"]}), 422, "samples.1")
    mixed = client.post("/v1/infomap", json={"edges": [[1, 2], [2, 3, 2.5], [3, 1]], "seed": 1})
    assert mixed.status_code == 200 and mixed.json()["num_links"] == 3
    huge = client.post("/v1/infomap", json={"edges": [[2**70, 1], [1, 2]]})
    assert huge.status_code == 422
    sparse = {"shape": [2, 2], "row": [0, True], "col": [1, 0], "data": [1.0, 1.0]}
    error_of(client.post("/v1/infomap", json={"sparse": sparse}), 422, "sparse.row.1")
    error_of(client.post("/v1/infomap", json={"sparse": {**sparse, "row": [0, 1.5]}}), 422, "sparse.row.1")
    error_of(client.post("/v1/optimizers/run", json={"objective": {"kind": "least_squares", "X": [[1.0], ["a"]],
                                                                   "y": [1.0, 2.0]}}), 422, "objective.X.1.0")


# ------------------------------------------------------------------ answers as .npz and Arrow
def test_answers_as_npz_and_arrow(client):
    body = {"edges": KARATE, "seed": 3, "include_flow": True}
    expected = client.post("/v1/infomap", json=body).json()
    got = client.post("/v1/infomap", json=body, headers={"accept": NPZ})
    assert got.status_code == 200 and got.headers["content-type"] == NPZ
    arrays = np.load(io.BytesIO(got.content), allow_pickle=False)
    assert dict(zip(map(str, arrays["id"].tolist()), arrays["modules"].tolist())) == expected["modules"]
    assert dict(zip(map(str, arrays["id"].tolist()), arrays["node_flow"].tolist())) == expected["node_flow"]
    assert arrays["trial_codelengths"].tolist() == expected["trial_codelengths"]
    rest = __import__("json").loads(str(arrays["json"]))
    assert rest["codelength"] == expected["codelength"] and rest["tree"] == expected["tree"]

    got = client.post("/v1/infomap", json=body, headers={"accept": ARROW})
    assert got.status_code == 200 and got.headers["content-type"] == ARROW
    table = pa.ipc.open_stream(got.content).read_all()
    assert table.column_names == ["id", "modules", "node_flow"]
    assert dict(zip(map(str, table["id"].to_pylist()), table["modules"].to_pylist())) == expected["modules"]
    assert __import__("json").loads(table.schema.metadata[b"mapeq"])["codelength"] == expected["codelength"]


def test_technique_and_vector_answers_as_arrow(client):
    body = {"embeddings": EMB.tolist(), "hidden": HID.tolist(), "top_k": 4}
    expected = client.post("/v1/reuse/tied-logits", json=body).json()
    table = pa.ipc.open_stream(client.post("/v1/reuse/tied-logits", json=body, headers={"accept": ARROW}).content
                               ).read_all()
    assert table["top_ids"].to_pylist() == expected["top_ids"]
    assert table["log_normalizer"].to_pylist() == expected["log_normalizer"]

    body = {"vectors": VECTORS.tolist(), "top_k": 5, "seed": 2}
    expected = client.post("/v1/cluster/vectors", json=body).json()
    arrays = np.load(io.BytesIO(client.post("/v1/cluster/vectors", json=body, headers={"accept": NPZ}).content))
    module_of = dict(zip(arrays["id"].tolist(), arrays["module"].tolist()))
    assert module_of == {int(m): c["module"] for c in expected["clusters"] for m in c["members"]}


def test_errors_stay_json_whatever_accept(client):
    response = client.post("/v1/infomap", json={"edges": KARATE, "seed": -1}, headers={"accept": ARROW})
    assert response.headers["content-type"].startswith("application/json")
    error_of(response, 422, "seed")


# ------------------------------------------------------------------ hostile binary input
class _Boom:
    """Unpickling this would create the file ``path``: it must never happen."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def _object_npy(path) -> bytes:
    buf = io.BytesIO()
    np.save(buf, np.array([_Boom(str(path)), 1], dtype=object), allow_pickle=True)
    return buf.getvalue()


def _lying_npz() -> bytes:
    """An .npz member whose .npy header claims 10^12 values (a huge allocation if trusted)."""
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<f8", "fortran_order": False, "shape": (10**12,)})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("edges.npy", header.getvalue() + b"\0" * 64)
    return buf.getvalue()


HOSTILE = [
    ("truncated-npy", "/v1/infomap", npy(np.array(KARATE))[:-9], NPY, {}, 422, "body"),
    ("bad-npy-header", "/v1/infomap", b"\x93NUMPY\x01\x00\x10\x00{'descr': ??}", NPY, {}, 422, "body"),
    ("wrong-shape-edges", "/v1/infomap", npy(np.ones((5, 4), np.int64)), NPY, {}, 422, "edges"),
    ("3d-edges", "/v1/infomap", npy(np.ones((2, 2, 2), np.int64)), NPY, {}, 422, "edges"),
    ("bool-edges", "/v1/infomap", npy(np.ones((3, 2), bool)), NPY, {}, 422, "edges"),
    ("complex-edges", "/v1/infomap", npy(np.ones((3, 2), complex)), NPY, {}, 422, "body"),
    ("string-npy-edges", "/v1/infomap", npy(np.array([["a", "b"]])), NPY, {}, 422, "edges"),
    ("float-ids", "/v1/infomap", npy(np.array([[0.5, 1.0], [1.0, 2.0]])), NPY, {}, 422, "edges"),
    ("nan-weight", "/v1/infomap", npy(np.array([[0, 1, np.nan], [1, 2, 1.0]])), NPY, {}, 422, "edges"),
    ("inf-vectors", "/v1/cluster/vectors", npy(np.array([[1.0, np.inf], [1.0, 0.0]])), NPY, {}, 422, "vectors"),
    ("nan-samples", "/v1/stats/variance", npy(np.array([1.0, np.nan])), NPY, {}, 422, "samples"),
    ("npz-bomb", "/v1/infomap", npz(True, edges=np.zeros((600_000, 2), np.int64)), NPZ, {}, 413, "body"),
    ("npz-lying-header", "/v1/infomap", _lying_npz(), NPZ, {}, 422, "body.edges"),
    ("npz-not-npy", "/v1/infomap", (lambda b: (zipfile.ZipFile(b, "w").writestr("x.txt", "hi"), b.getvalue())[1])(
        io.BytesIO()), NPZ, {}, 422, "body"),
    ("npz-unknown-array", "/v1/infomap", npz(bogus=np.ones(3)), NPZ, {}, 422, "bogus"),
    ("too-many-links", "/v1/infomap", npy(np.zeros((5001, 2), np.int32)), NPY, {}, 413, "edges"),
    ("too-many-sparse", "/v1/infomap", npz(**{"sparse.row": np.zeros(5001, np.int8), "sparse.col": np.zeros(
        5001, np.int8), "sparse.data": np.ones(5001)}), NPZ, {"sparse.shape": "[2, 2]"}, 413, "sparse"),
    ("compressed-arrow", "/v1/infomap", arrow(_src_tgt(KARATE), compression="zstd"), ARROW, {}, 415, "body"),
    ("not-a-tensor", "/v1/infomap", b"1 2\n2 3\n", NPY, {}, 415, "body"),
    ("text-plain", "/v1/infomap", b"1 2\n2 3\n", "text/plain", {}, 415, "Content-Type"),
    ("no-tensor-operation", "/v1/stats/bias-simulation", npy(np.ones(3)), NPY, {}, 415, "Content-Type"),
    ("unknown-option", "/v1/infomap", npy(np.array(KARATE)), NPY, {"bogus": 1}, 422, "bogus"),
    ("bad-option", "/v1/infomap", npy(np.array(KARATE)), NPY, {"num_trials": "many"}, 422, "num_trials"),
    ("string-weights", "/v1/infomap", arrow(pa.table({"source": [1], "target": [2], "weight": ["x"]})), ARROW, {},
     422, "body.weight"),
    ("table-without-links", "/v1/infomap", arrow(pa.table({"a": [1], "b": ["x"]})), ARROW, {}, 422, "body"),
    ("ragged-arrow-lists", "/v1/stats/variance", arrow(pa.table({"samples": pa.array([[1.0, 2.0], [1.0]])})), ARROW,
     {}, 422, "body.samples"),
    ("nulls", "/v1/stats/variance", arrow(pa.table({"samples": pa.array([1.0, None])})), ARROW, {}, 422,
     "body.samples"),
    ("wrong-rank-technique", "/v1/vq/quantize", npz(z=np.ones((2, 2, 2)), codebook=np.ones((2, 2))), NPZ, {}, 422,
     "z"),
    ("int-mask", "/v1/span/pointer-decode", npz(start_logits=np.ones(3), end_logits=np.ones(3), mask=np.ones(3)),
     NPZ, {}, 422, "mask"),
]


@pytest.mark.parametrize("name,path,raw,media,query,status,field", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_binary(client, tmp_path, name, path, raw, media, query, status, field):
    response = client.post(path, content=raw, params=query, headers={"content-type": media})
    error_of(response, status, field)
    assert client.get("/healthz").status_code == 200


def test_object_npy_is_never_unpickled(client, tmp_path):
    marker = tmp_path / "unpickled"
    for path, kind in (("/v1/infomap", "body"), ("/v1/cluster/vectors", "body")):
        error_of(client.post(path, content=_object_npy(marker), headers={"content-type": NPY}), 422, kind)
    error_of(client.post("/v1/infomap/file", files={"file": ("x.npy", _object_npy(marker))}), 422, "file")
    assert not marker.exists()
    with pytest.raises(ValueError):                 # numpy itself refuses to save it without pickle
        np.savez(io.BytesIO(), edges=np.array([_Boom(str(marker))], dtype=object), allow_pickle=False)
    assert pickle.dumps(_Boom("x"))                 # the payload is a real pickle


def test_binary_size_is_checked_before_inflating(client):
    """A 40 KB .npz that inflates to 9.6 MB (above 4 x the 2 MB body limit) is refused from its zip directory."""
    raw = npz(True, edges=np.zeros((600_000, 2), np.int64))
    assert len(raw) < 100_000
    error = error_of(client.post("/v1/infomap", content=raw, headers={"content-type": NPZ}), 413, "body")
    assert "9,600,128 bytes" in error["message"]


def test_the_python_examples_of_the_docs_run(client, monkeypatch):
    """docs/binary-tensors.md: every Python example runs against the app and its asserts hold."""
    import re
    from pathlib import Path

    import httpx

    text = (Path(__file__).parents[2] / "docs" / "binary-tensors.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 2
    monkeypatch.setattr(httpx, "Client", lambda **kwargs: client)
    for block in blocks:
        namespace: dict = {}
        exec(compile(block, "docs/binary-tensors.md", "exec"), namespace)
    assert namespace["table"].num_rows == 34


@pytest.mark.parametrize("raw", [
    npz(source=np.array([0.5, 1.0]), target=np.array([1, 2])),
    npz(source=np.array([1, 2]), target=np.array([2, 3]), weight=np.array([1.0, -1.0])),
    npz(source=np.array([1, 2]), target=np.array([2, 3]), extra=np.array([1, 2])),
    arrow(pa.table({"source": [1, 2], "target": ["a", "b"]}), "parquet"),
    npy(np.ones((3, 2), complex)),
], ids=["float-ids", "negative-weight", "unknown-column", "mixed-id-kinds", "complex"])
def test_binary_file_link_errors_name_the_file(client, raw):
    response = client.post("/v1/infomap/file", files={"file": ("links.npz", raw)})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"].split(".")[0] == "file"      # the file, or its column


@pytest.mark.parametrize("path", ["/v1/infomap", "/v1/jobs?kind=infomap"])
@pytest.mark.parametrize("body, kind", [
    (npy(np.array([[2**63, 2], [2, 3]], dtype=np.uint64)), NPY),
    (arrow(pa.table({"source": pa.array([2**64 - 1, 2], pa.uint64()), "target": pa.array([2, 3], pa.uint64())})),
     ARROW),
])
def test_unsigned_ids_beyond_int64_are_refused_at_submission_too(client, path, body, kind):
    """A uint64 id >= 2^63 was a 422 synchronously but a job was accepted (202), then failed."""
    response = client.post(path, content=body, headers={"content-type": kind})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["field"] == "edges" and "64 bits" in error["message"]
