"""The technique endpoints over HTTP: documented examples, numbers, and error bodies naming the field."""

import numpy as np
import pytest

from app.routers.techniques import attention, mlm, optimizers, span, tied, variance, vq
import app.techniques.variance as variance_tech

PATHS = {
    "/v1/stats/variance": variance.VarianceResponse, "/v1/stats/bias-simulation": variance.BiasSimulationResponse,
    "/v1/attention/sparse": attention.SparseAttentionResponse, "/v1/span/pointer-decode": span.PointerDecodeResponse,
    "/v1/mlm/constrained-decode": mlm.ConstrainedDecodeResponse, "/v1/reuse/tied-logits": tied.TiedLogitsResponse,
    "/v1/optimizers/run": optimizers.OptimizerRunResponse, "/v1/optimizers/schedule": optimizers.ScheduleResponse,
    "/v1/vq/quantize": vq.QuantizeResponse, "/v1/vq/fit-codebook": vq.FitCodebookResponse,
}


def assert_error(response, status, field, code=None):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"code", "message", "field", "request_id"} and error["message"]
    assert error["field"] == field, error
    if code:
        assert error["code"] == code
    return error


def test_every_operation_is_documented_with_examples(openapi):
    assert set(openapi["paths"]) == set(PATHS)
    schemas = openapi["components"]["schemas"]
    for path, item in openapi["paths"].items():
        op = item["post"]
        assert op["summary"] and op["description"] and op["tags"]
        assert {"200", "413", "422"} <= set(op["responses"])
        ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
        assert schemas[ref]["examples"], path
        assert "$ref" in op["responses"]["200"]["content"]["application/json"]["schema"]


def test_every_documented_example_answers_with_its_response_model(client, openapi):
    schemas = openapi["components"]["schemas"]
    for path, item in openapi["paths"].items():
        ref = item["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
        for example in schemas[ref]["examples"]:
            response = client.post(path, json=example)
            assert response.status_code == 200, (path, response.text)
            PATHS[path].model_validate(response.json())


def test_variance_numbers(client):
    x = np.random.default_rng(0).normal(size=(6, 4))
    data = client.post("/v1/stats/variance", json={"samples": x.tolist(), "axis": 0}).json()
    np.testing.assert_allclose(data["variance_biased"], x.var(axis=0, ddof=0), rtol=1e-13)
    np.testing.assert_allclose(data["variance_unbiased"], x.var(axis=0, ddof=1), rtol=1e-13)
    assert data["n"] == 6 and data["ratio"] == pytest.approx(5 / 6)
    one = client.post("/v1/stats/variance", json={"samples": [4.0]}).json()
    assert one["variance_biased"] == 0.0 and one["variance_unbiased"] is None and one["note"]


def test_bias_simulation_n2(client):
    data = client.post("/v1/stats/bias-simulation", json={
        "distribution": "normal", "params": {"mean": 3.0, "std": 1.5}, "n": 2, "repetitions": 100_000, "seed": 2}).json()
    assert data["ratio"] == 0.5 and abs(data["observed_ratio"] - 0.5) < 3 * data["stderr_ratio"]


def test_attention_numbers(client):
    rng = np.random.default_rng(1)
    q, k, v = rng.normal(size=(3, 2, 9, 3))
    data = client.post("/v1/attention/sparse", json={"q": q.tolist(), "k": k.tolist(), "v": v.tolist(),
                                                     "mode": "atrous", "rate": 3, "causal": True,
                                                     "return_mask": True}).json()
    i, j = np.meshgrid(np.arange(9), np.arange(9), indexing="ij")
    mask = ((i - j) % 3 == 0) & (j <= i)
    s = np.where(mask, np.einsum("hid,hjd->hij", q, k) / np.sqrt(3), -np.inf)
    w = np.exp(s - s.max(-1, keepdims=True))
    np.testing.assert_allclose(data["output"], (w / w.sum(-1, keepdims=True)) @ v, atol=1e-10)
    assert (data["pairs_computed"], data["pairs_full"], data["heads"], data["weights"]) == (mask.sum(), 81, 2, None)
    assert data["mask"]["indices"] == np.nonzero(mask)[1].tolist()


def test_decoders_and_tied_numbers(client):
    data = client.post("/v1/span/pointer-decode", json={"start_logits": [0.0, 3.0, 0.0, 0.0, 2.9, 0.0],
                                                        "end_logits": [0.0, 0.0, 1.0, 0.0, 0.0, 5.0],
                                                        "max_len": 3, "banned_starts": [3]}).json()
    assert (data["joint"]["start"], data["joint"]["end"], data["post_rule"]["start"], data["post_rule"]["end"]) == (
        4, 5, 1, 2)
    probs = np.zeros((1, 3, 6))
    probs[0, 0] = [0.0, 0.1, 0.2, 0.0, 0.0, 0.7]
    probs[0, 1] = [0.1, 0.0, 0.0, 0.6, 0.3, 0.0]
    probs[0, 2] = [0.9, 0.0, 0.0, 0.0, 0.0, 0.1]
    data = client.post("/v1/mlm/constrained-decode", json={"passages": [[1, 2, 4, 3]], "probs": probs.tolist(),
                                                           "end_id": 0}).json()
    score = (0.2 + 0.3 + 0.9) / 3
    assert data["per_passage"][0]["answer"] == [2, 4] and data["per_passage"][0]["score"] == pytest.approx(score)
    assert data["best"]["answer"] == [2, 4] and data["best"]["score"] == pytest.approx(score**2 / (score + 1))
    E = np.random.default_rng(2).normal(size=(50, 4))
    H = np.random.default_rng(3).normal(size=(2, 4))
    data = client.post("/v1/reuse/tied-logits", json={"embeddings": E.tolist(), "hidden": H.tolist(),
                                                      "top_k": 3}).json()
    logits = H @ E.T
    assert data["top_ids"] == np.argsort(-logits, axis=1)[:, :3].tolist()
    p = np.exp(logits - logits.max(1, keepdims=True))
    np.testing.assert_allclose(data["top_values"], np.sort(p / p.sum(1, keepdims=True), axis=1)[:, ::-1][:, :3],
                               rtol=1e-12)


def test_optimizer_and_schedule_numbers(client):
    data = client.post("/v1/optimizers/schedule", json={"schedule": {"1000": 1.0}, "steps": [0, 500, 2000]}).json()
    assert data == {"steps": [0, 500, 2000], "multiplier": [0.0, 0.5, 1.0]}
    data = client.post("/v1/optimizers/run", json={
        "objective": {"kind": "least_squares", "X": [[1.0, 2.0], [3.0, 4.0]], "y": [1.0, 2.0]},
        "base": "sgd", "learning_rate": 0.1, "steps": 1, "initial": {"w": [0.5, -0.5], "b": [0.1]},
        "extensions": {"weight_decay": {"rate": 0.5, "exclude": ["^b$"]}}}).json()
    np.testing.assert_allclose(data["params"]["w"], [0.905, 0.145], rtol=1e-14)
    np.testing.assert_allclose(data["params"]["b"], [0.29], rtol=1e-14)
    assert data["initial_loss"] == pytest.approx(1.93) and data["updates"] == 1 and data["diverged"] is False
    data = client.post("/v1/optimizers/run", json={"objective": {"kind": "rosenbrock"}, "base": "sgd",
                                                   "learning_rate": 1.0, "steps": 50}).json()
    assert data["diverged"] is True and len(data["loss"]) == data["steps"] < 50


def test_vq_numbers(client):
    rng = np.random.default_rng(4)
    z, codebook = rng.normal(size=(40, 3)), rng.normal(size=(5, 3))
    data = client.post("/v1/vq/quantize", json={"z": z.tolist(), "codebook": codebook.tolist()}).json()
    ref = [int(np.argmin(((codebook - zi) ** 2).sum(1))) for zi in z]
    assert data["codes"] == ref and sum(data["usage"]) == 40
    assert data["commitment_loss"] == pytest.approx(0.25 * data["codebook_loss"])


@pytest.mark.parametrize("path,raw", [
    ("/v1/stats/variance", b'{"samples": [1.0, NaN]}'),
    ("/v1/stats/bias-simulation", b'{"distribution": "normal", "params": {"mean": NaN, "std": 1}, "n": 2}'),
    ("/v1/attention/sparse", b'{"q": [[NaN]], "k": [[1.0]], "v": [[1.0]], "mode": "full"}'),
    ("/v1/span/pointer-decode", b'{"start_logits": [Infinity], "end_logits": [1.0]}'),
    ("/v1/mlm/constrained-decode", b'{"passages": [[1]], "probs": [[[NaN, 1.0]]], "end_id": 0}'),
    ("/v1/reuse/tied-logits", b'{"embeddings": [[NaN]], "hidden": [[1.0]]}'),
    ("/v1/optimizers/run", b'{"objective": {"kind": "least_squares", "X": [[NaN]], "y": [1.0]}}'),
    ("/v1/optimizers/schedule", b'{"schedule": {"10": NaN}, "num_steps": 3}'),
    ("/v1/vq/quantize", b'{"z": [[-Infinity]], "codebook": [[1.0]]}'),
    ("/v1/vq/fit-codebook", b'{"z": [[NaN]], "num_codes": 1}'),
])
def test_nan_is_not_json(client, path, raw):
    error = assert_error(client.post(path, content=raw, headers={"content-type": "application/json"}), 422, "body",
                         "validation_error")
    assert "NaN" in error["message"]


@pytest.mark.parametrize("path,body,field", [
    ("/v1/stats/variance", {"samples": [[1.0, 2.0], [3.0]]}, "samples"),
    ("/v1/stats/variance", {"samples": [1.0, 2.0], "axis": 1}, "axis"),
    ("/v1/stats/variance", {"samples": ["1.0"]}, "samples.0"),  # no union branch name (issue 12)
    ("/v1/stats/variance", {"samples": [1.0], "ddof": 1}, "ddof"),
    ("/v1/stats/bias-simulation", {"distribution": "normal", "params": {"mean": 0.0}, "n": 2}, "params.std"),
    ("/v1/stats/bias-simulation", {"distribution": "normal", "params": {"mean": 0.0, "std": 1.0}, "n": 0}, "n"),
    ("/v1/attention/sparse", {"q": [[1.0, 0.0]], "k": [[1.0, 0.0], [0.0, 1.0]], "v": [[1.0], [2.0]], "mode": "full"}, "k"),
    ("/v1/attention/sparse", {"q": [[1.0]], "k": [[1.0]], "v": [[1.0], [2.0]], "mode": "full"}, "v"),
    ("/v1/attention/sparse", {"q": [[1.0]], "k": [[1.0]], "v": [[1.0]], "mode": "atrous"}, "rate"),
    ("/v1/attention/sparse", {"q": [[1.0]], "k": [[1.0]], "v": [[1.0]], "mode": "strided"}, "mode"),
    ("/v1/span/pointer-decode", {"start_logits": [1.0, 2.0], "end_logits": [1.0]}, "end_logits"),
    ("/v1/span/pointer-decode", {"start_logits": [1.0], "end_logits": [1.0], "mask": [False]}, "mask"),
    ("/v1/span/pointer-decode", {"start_logits": [1.0], "end_logits": [1.0], "banned_starts": [1]}, "banned_starts"),
    ("/v1/mlm/constrained-decode", {"passages": [[1, 2]], "end_id": 0}, "probs"),
    ("/v1/mlm/constrained-decode", {"passages": [[1, 9]], "probs": [[[0.5, 0.5]]], "end_id": 0}, "passages.0"),
    ("/v1/mlm/constrained-decode", {"passages": [[1]], "probs": [[[0.5, 1.5]]], "end_id": 0}, "probs"),
    ("/v1/reuse/tied-logits", {"embeddings": [[1.0, 0.0]], "hidden": [[1.0, 0.0, 0.0]]}, "hidden"),
    ("/v1/reuse/tied-logits", {"embeddings": [[1.0, 0.0]], "hidden": [[1.0, 0.0]], "bias": [1.0, 2.0]}, "bias"),
    ("/v1/optimizers/run", {"objective": {"kind": "least_squares", "X": [[1.0, 2.0]], "y": [1.0, 2.0]}},
     "objective.y"),
    ("/v1/optimizers/run", {"objective": {"kind": "svm"}}, "objective.kind"),
    ("/v1/optimizers/run", {"objective": {"kind": "rosenbrock"}, "initial": {"x": [1.0]}}, "initial.x"),
    ("/v1/optimizers/run", {"objective": {"kind": "rosenbrock"},
                            "extensions": {"lazy": {"include": ["("]}}}, "extensions.lazy.include"),
    ("/v1/optimizers/schedule", {"schedule": {"10": 1.0}}, "steps"),
    ("/v1/optimizers/schedule", {"schedule": {"1.5": 1.0}, "num_steps": 3}, "schedule.1.5"),
    ("/v1/vq/quantize", {"z": [[1.0, 2.0]], "codebook": [[1.0, 2.0, 3.0]]}, "codebook"),
    ("/v1/vq/fit-codebook", {"z": [[1.0, 2.0]], "num_codes": 3}, "num_codes"),
    ("/v1/vq/fit-codebook", {"z": [[1.0, 2.0]], "num_codes": 1, "batch_size": 1}, "batch_size"),
])
def test_invalid_input_is_422_naming_the_field(client, path, body, field):
    assert_error(client.post(path, json=body), 422, field)


@pytest.mark.parametrize("path,body,field", [
    ("/v1/stats/bias-simulation", {"distribution": "normal", "params": {"mean": 0.0, "std": 1.0}, "n": 1000,
                                   "repetitions": 10**7}, "repetitions"),
    ("/v1/attention/sparse", {"q": [[1.0]] * 257, "k": [[1.0]] * 257, "v": [[1.0]] * 257, "mode": "local",
                              "window": 2, "return_weights": True},
     "return_weights"),
    ("/v1/span/pointer-decode", {"start_logits": [1.0], "end_logits": [1.0], "max_len": 10**7}, "max_len"),
    ("/v1/mlm/constrained-decode", {"passages": [[1]] * 65, "end_id": 0}, "passages"),
    ("/v1/reuse/tied-logits", {"embeddings": [[1.0]], "hidden": [[1.0]], "top_k": 1001}, "top_k"),
    ("/v1/optimizers/run", {"objective": {"kind": "rosenbrock"}, "steps": 10_001}, "steps"),
    ("/v1/optimizers/run", {"objective": {"kind": "rosenbrock", "dimension": 10**9}}, "objective.dimension"),
    ("/v1/optimizers/schedule", {"schedule": {"10": 1.0}, "num_steps": 2_000_000}, "num_steps"),
    ("/v1/vq/fit-codebook", {"z": [[1.0]], "num_codes": 1, "iterations": 1001}, "iterations"),
    ("/v1/vq/fit-codebook", {"z": [[1.0]], "num_codes": 70_000}, "num_codes"),
])
def test_too_large_is_413_naming_the_field(client, path, body, field):
    assert_error(client.post(path, json=body), 413, field, "payload_too_large")


def test_sample_limit_is_413(client, monkeypatch):
    monkeypatch.setattr(variance_tech, "MAX_SAMPLES", 10)
    assert_error(client.post("/v1/stats/variance", json={"samples": [1.0] * 11}), 413, "samples", "payload_too_large")
    assert client.post("/v1/stats/variance", json={"samples": [1.0] * 10}).status_code == 200
