"""Hypothesis over HTTP with consistent shapes: every valid body is answered 200 with finite numbers that
conform to the response model and match the references, including values up to the 1e100 input bound."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from app.routers.techniques import attention, optimizers, span, tied, variance, vq
from tests.techniques.test_attention import dense_attention, post_mask
from tests.techniques.test_span import brute_force_joint

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
moderate = st.floats(-50, 50, allow_nan=False, width=64)
extreme = st.one_of(moderate, st.floats(-1e100, 1e100, allow_nan=False),
                    st.sampled_from([1e100, -1e100, 1e-300, 0.0, -0.0]))


def finite_json(value):
    """Every number in a JSON value is finite (NaN/inf would come back as null or fail)."""
    if isinstance(value, dict):
        return all(finite_json(v) for v in value.values())
    if isinstance(value, list):
        return all(finite_json(v) for v in value)
    return value is None or isinstance(value, (str, bool)) or np.isfinite(value)


@st.composite
def attention_bodies(draw, elements):
    n, d, dv = draw(st.integers(1, 10)), draw(st.integers(1, 4)), draw(st.integers(1, 3))
    heads = draw(st.sampled_from([None, 1, 2]))
    shape = (n,) if heads is None else (heads, n)
    q, k = (draw(arrays(np.float64, (*shape, d), elements=elements)) for _ in range(2))
    v = draw(arrays(np.float64, (*shape, dv), elements=elements))
    mode = draw(st.sampled_from(["full", "atrous", "local", "sparse"]))
    body = {"q": q.tolist(), "k": k.tolist(), "v": v.tolist(), "mode": mode, "causal": draw(st.booleans()),
            "return_weights": True, "return_mask": draw(st.booleans())}
    if mode in ("atrous", "sparse"):
        body["rate"] = draw(st.integers(1, 12))
    if mode == "local" or (mode == "sparse" and draw(st.booleans())):
        body["window"] = draw(st.integers(0, 12))
    return body


@SETTINGS
@given(body=attention_bodies(moderate))
def test_attention_matches_dense_reference(client, body):
    r = client.post("/v1/attention/sparse", json=body)
    assert r.status_code == 200, r.text
    data = attention.SparseAttentionResponse.model_validate(r.json()).model_dump()
    q, k, v = (np.asarray(body[x]) for x in "qkv")
    n = q.shape[-2]
    rate = body.get("rate") and min(body["rate"], n)
    mask = post_mask(n, body["mode"], rate, body.get("window"), body["causal"])
    ref, w = dense_attention(q, k, v, mask)
    scale = max(1.0, np.abs(v).max())
    np.testing.assert_allclose(data["output"], ref, rtol=0, atol=1e-10 * scale)
    np.testing.assert_allclose(data["weights"], w, rtol=0, atol=1e-10)
    assert data["pairs_computed"] == mask.sum()


@SETTINGS
@given(body=attention_bodies(extreme))
def test_attention_extreme_values_stay_finite(client, body):
    r = client.post("/v1/attention/sparse", json=body)
    assert r.status_code == 200, r.text
    assert finite_json(r.json())
    attention.SparseAttentionResponse.model_validate(r.json())


@SETTINGS
@given(data=st.data())
def test_pointer_decode_matches_brute_force(client, data):
    n = data.draw(st.integers(1, 12))
    s, e = (data.draw(arrays(np.float64, n, elements=extreme)) for _ in range(2))
    mask = data.draw(arrays(bool, n))
    mask[data.draw(st.integers(0, n - 1))] = True
    banned = sorted(data.draw(st.sets(st.integers(0, n - 1), max_size=3)))
    L = data.draw(st.integers(1, 14))
    r = client.post("/v1/span/pointer-decode", json={"start_logits": s.tolist(), "end_logits": e.tolist(),
                                                     "mask": mask.tolist(), "max_len": L, "banned_starts": banned})
    assert r.status_code == 200, r.text
    assert finite_json(r.json())
    out = span.PointerDecodeResponse.model_validate(r.json())
    ref = brute_force_joint(s, e, mask, L, set(banned))
    if ref is None:
        assert out.joint is None
    else:
        assert out.joint.score == ref[0]        # ties between equal sums may pick another span of the same score
        assert s[out.joint.start] + e[out.joint.end] == ref[0]


@SETTINGS
@given(x=st.one_of(arrays(np.float64, st.integers(1, 30), elements=extreme),
                   arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 6)), elements=extreme)),
       axis=st.sampled_from([None, 0, -1]))
def test_variance_extreme_values(client, x, axis):
    r = client.post("/v1/stats/variance", json={"samples": x.tolist(), "axis": axis})
    assert r.status_code == 200, r.text
    assert finite_json(r.json())
    data = variance.VarianceResponse.model_validate(r.json())
    np.testing.assert_allclose(data.variance_biased, exact_variance(x, axis), rtol=1e-12, atol=0)


def exact_variance(x, axis):
    """The biased variance in rational arithmetic, rounded once (numpy's own has float error)."""
    from fractions import Fraction

    def var(values):
        values = [Fraction(v) for v in values]
        mean = sum(values) / len(values)
        return float(sum((v - mean) ** 2 for v in values) / len(values))

    if axis is None:
        return var(x.ravel().tolist())
    return np.array([var(line) for line in np.moveaxis(x, axis, -1).reshape(-1, x.shape[axis]).tolist()])


@SETTINGS
@given(offset=st.sampled_from([0.0, 4.5e6, -3e9, 1e15, 2.0 ** 70]), scale=st.sampled_from([1e-3, 0.05, 1.0, 1e3]),
       ints=arrays(np.int64, st.tuples(st.integers(1, 300), st.integers(1, 3)), elements=st.integers(-50, 50)),
       axis=st.sampled_from([None, 0, 1]))
def test_variance_of_data_far_from_the_origin(client, offset, scale, ints, axis):
    """Spread ``scale`` at ``offset``: the mean rounded at the offset's scale must not leak into the variance
    (numpy's two-pass var is off by 3e-3 relative for unit spread at 1e15)."""
    x = offset + scale * ints
    data = client.post("/v1/stats/variance", json={"samples": x.tolist(), "axis": axis}).json()
    np.testing.assert_allclose(data["variance_biased"], exact_variance(x, axis), rtol=1e-12, atol=0)


@SETTINGS
@given(data=st.data())
def test_vq_and_tied_extreme_values(client, data):
    N, K, d = data.draw(st.integers(1, 12)), data.draw(st.integers(1, 6)), data.draw(st.integers(1, 4))
    z = data.draw(arrays(np.float64, (N, d), elements=extreme))
    codebook = data.draw(arrays(np.float64, (K, d), elements=extreme))
    r = client.post("/v1/vq/quantize", json={"z": z.tolist(), "codebook": codebook.tolist()})
    assert r.status_code == 200 and finite_json(r.json()), r.text
    vq.QuantizeResponse.model_validate(r.json())
    k = data.draw(st.integers(1, N))
    r = client.post("/v1/vq/fit-codebook", json={"z": z.tolist(), "num_codes": k, "iterations": 3,
                                                 "mode": data.draw(st.sampled_from(["kmeans", "ema"])),
                                                 "decay": 0.5, "seed": data.draw(st.integers(0, 5))})
    assert r.status_code == 200 and finite_json(r.json()), r.text
    vq.FitCodebookResponse.model_validate(r.json())
    r = client.post("/v1/reuse/tied-logits", json={
        "embeddings": codebook.tolist(), "hidden": z.tolist(), "top_k": data.draw(st.integers(1, 8)),
        "activation": data.draw(st.sampled_from(["softmax", "log_softmax", "sigmoid", "linear"])),
        "bias": data.draw(arrays(np.float64, K, elements=extreme)).tolist(), "return_full": True})
    assert r.status_code == 200 and finite_json(r.json()), r.text
    tied.TiedLogitsResponse.model_validate(r.json())


@st.composite
def optimizer_bodies(draw):
    kind = draw(st.sampled_from(["least_squares", "logistic", "rosenbrock", "embedding_lookup"]))
    m, p = draw(st.integers(1, 8)), draw(st.integers(1, 3))
    if kind in ("least_squares", "logistic"):
        X = draw(arrays(np.float64, (m, p), elements=extreme))
        y = draw(arrays(np.float64, m, elements=st.floats(0, 1) if kind == "logistic" else extreme))
        objective = {"kind": kind, "X": X.tolist(), "y": y.tolist(), "fit_intercept": draw(st.booleans())}
    elif kind == "rosenbrock":
        objective = {"kind": kind, "dimension": draw(st.integers(2, 5)), "curvature": draw(st.floats(0.1, 1e3))}
    else:
        vocab = draw(st.integers(1, 5))
        objective = {"kind": kind, "vocab_size": vocab,
                     "rows": draw(st.lists(st.integers(0, vocab - 1), min_size=m, max_size=m)),
                     "targets": draw(arrays(np.float64, (m, p), elements=extreme)).tolist()}
    ext = {}
    if draw(st.booleans()):
        ext["weight_decay"] = {"rate": draw(st.floats(0, 10)), "exclude": draw(st.sampled_from([[], ["^b$"]]))}
    if draw(st.booleans()):
        ext["layer_adaptation"] = {}
    if draw(st.booleans()):
        ext["piecewise_linear_lr"] = {"schedule": {str(draw(st.integers(0, 50))): draw(st.floats(0, 5))}}
    if draw(st.booleans()):
        ext["gradient_accumulation"] = {"steps": draw(st.integers(1, 4))}
    if draw(st.booleans()):
        ext["lookahead"] = {"steps_per_slow_update": draw(st.integers(1, 6)), "slow_step_size": draw(st.floats(0, 1))}
    if draw(st.booleans()):
        ext["lazy"] = {}
    return {"objective": objective, "base": draw(st.sampled_from(["sgd", "adam"])),
            "learning_rate": draw(st.floats(1e-4, 100)), "steps": draw(st.integers(1, 40)),
            "batch_size": draw(st.one_of(st.none(), st.integers(1, 8))), "seed": draw(st.integers(0, 10)),
            "epsilon": draw(st.sampled_from([0.0, 1e-6])), "extensions": ext}


@SETTINGS
@given(body=optimizer_bodies())
def test_optimizer_runs_are_answered_with_finite_numbers(client, body):
    r = client.post("/v1/optimizers/run", json=body)
    assert r.status_code in (200, 422), r.text
    if r.status_code == 422:        # only a non-finite loss at the start (huge data) is refused
        assert r.json()["error"]["field"] == "initial"
        return
    assert finite_json(r.json())
    data = optimizers.OptimizerRunResponse.model_validate(r.json())
    assert len(data.loss) == len(data.lr_multiplier) == data.steps <= body["steps"]
    assert data.diverged or data.steps == body["steps"]
