"""The six optimizer extensions against hand-computed steps; convergence on convex problems; the schedule."""

import numpy as np
import pytest

from app.techniques import TechniqueError
from app.techniques.optimizers import (
    MAX_STEPS, EmbeddingLookup, GradientAccumulation, LayerAdaptation, LazyUpdate, LeastSquares, Logistic, Lookahead,
    PiecewiseLinearLR, Rosenbrock, WeightDecay, piecewise_linear, run_optimizer,
)

# X = [[1, 2], [3, 4]], y = [1, 2], w0 = [0.5, -0.5], b0 = 0.1:
# z = X w0 + b0 = [-0.4, -0.4], r = z - y = [-1.4, -2.4], loss = (1.96 + 5.76) / 4 = 1.93,
# grad_w = X^T r / 2 = [-4.3, -6.2], grad_b = mean(r) = -1.9.
X, Y = [[1.0, 2.0], [3.0, 4.0]], [1.0, 2.0]
W0, B0 = np.array([0.5, -0.5]), np.array([0.1])
GW, GB = np.array([-4.3, -6.2]), np.array([-1.9])


def ls_run(**kwargs):
    kwargs.setdefault("base", "sgd")
    kwargs.setdefault("learning_rate", 0.1)
    return run_optimizer(LeastSquares(X, Y), initial={"w": W0, "b": B0}, **kwargs)


def ls_grad(w, b):
    r = np.asarray(X) @ w + b[0] - np.asarray(Y)
    return np.asarray(X).T @ r / 2, np.array([r.mean()])


# ---------------------------------------------------------------- schedule
def test_warmup_schedule_gives_one_half_at_step_500():
    assert piecewise_linear({1000: 1}, [500]).tolist() == [0.5]
    assert piecewise_linear({"1000": 1.0}, [0, 250, 500, 1000, 10**6]).tolist() == [0.0, 0.25, 0.5, 1.0, 1.0]


def test_schedule_shapes():
    # key 0 given: no implicit zero; linear between points; held after the last
    assert piecewise_linear({0: 1.0, 100: 0.1}, [0, 50, 100, 200]).tolist() == pytest.approx([1.0, 0.55, 0.1, 0.1])
    assert piecewise_linear({100: 1.0, 300: 0.0, 200: 2.0}, [50, 150, 250, 400]).tolist() == [0.5, 1.5, 1.0, 0.0]
    assert piecewise_linear({10: 3.0}, []).tolist() == []


@pytest.mark.parametrize("schedule", [{}, {-1: 1.0}, {"1.5": 1.0}, {1.5: 1.0}, {"x": 1.0}, {1: -0.5},
                                      {"1": 1.0, "01": 2.0}, {1: float("nan")}])
def test_schedule_rejects(schedule):
    with pytest.raises(TechniqueError) as err:
        piecewise_linear(schedule, [1])
    assert err.value.field == "schedule" and err.value.status == 422


# ---------------------------------------------------------------- the base optimizers
def test_initial_loss_and_gradient_by_hand():
    loss, grads = LeastSquares(X, Y).loss_grad({"w": W0, "b": B0})
    assert loss == pytest.approx(1.93)
    np.testing.assert_allclose(grads["w"], GW, rtol=1e-14)
    np.testing.assert_allclose(grads["b"], GB, rtol=1e-14)


def test_sgd_step_by_hand():
    r = ls_run(steps=1)
    np.testing.assert_allclose(r.params["w"], [0.93, 0.12], rtol=1e-14)
    np.testing.assert_allclose(r.params["b"], [0.29], rtol=1e-14)
    assert r.initial_loss == pytest.approx(1.93) and r.updates == 1 and r.lr_multiplier.tolist() == [1.0]


def test_adam_two_steps_by_hand():
    r = ls_run(base="adam", epsilon=0.0, steps=2)
    # step 1: m_hat = g, v_hat = g^2: theta moves by lr sign(g)
    w1, b1 = W0 + 0.1, B0 + 0.1
    g1w, g1b = ls_grad(w1, b1)
    # step 2: m = 0.9 * 0.1 g0 + 0.1 g1, v = 0.999 * 0.001 g0^2 + 0.001 g1^2, bias correction by 1 - beta^2
    m = 0.09 * GW + 0.1 * g1w
    v = 0.999 * 0.001 * GW**2 + 0.001 * g1w**2
    w2 = w1 - 0.1 * (m / (1 - 0.81)) / np.sqrt(v / (1 - 0.999**2))
    np.testing.assert_allclose(r.params["w"], w2, rtol=1e-13)


# ---------------------------------------------------------------- the six extensions
def test_weight_decay_step_by_hand():
    # theta - lr (g + lambda theta), the bias excluded by name
    r = ls_run(steps=1, weight_decay=WeightDecay(rate=0.5, exclude=("^b$",)))
    np.testing.assert_allclose(r.params["w"], [0.905, 0.145], rtol=1e-14)
    np.testing.assert_allclose(r.params["b"], [0.29], rtol=1e-14)
    with_b = ls_run(steps=1, weight_decay=WeightDecay(rate=0.5))
    np.testing.assert_allclose(with_b.params["b"], [0.1 - 0.1 * (-1.9 + 0.05)], rtol=1e-14)


def test_layer_adaptation_step_by_hand():
    # h ||theta|| / ||h|| per tensor: every tensor moves by lr ||theta|| along -g / ||g||
    r = ls_run(steps=1, layer_adaptation=LayerAdaptation())
    np.testing.assert_allclose(r.params["w"], W0 + 0.1 * np.sqrt(0.5) * np.array([4.3, 6.2]) / np.sqrt(56.93),
                               rtol=1e-14)
    np.testing.assert_allclose(r.params["b"], [0.11], rtol=1e-14)            # 0.1 + 0.1 * 0.1
    # ratio 1 when a norm is 0 (w = 0), and excluded tensors are plain SGD
    zero = run_optimizer(LeastSquares(X, Y), base="sgd", learning_rate=0.1, steps=1,
                         initial={"w": np.zeros(2), "b": B0}, layer_adaptation=LayerAdaptation(exclude=("b",)))
    gw, gb = ls_grad(np.zeros(2), B0)
    np.testing.assert_allclose(zero.params["w"], -0.1 * gw, rtol=1e-14)
    np.testing.assert_allclose(zero.params["b"], B0 - 0.1 * gb, rtol=1e-14)


def test_piecewise_linear_lr_steps_by_hand():
    # rho(0) = 0 (the first update does not move), rho(1) = 0.25 with {4: 1}
    r = ls_run(steps=2, lr_schedule=PiecewiseLinearLR({4: 1.0}))
    assert r.lr_multiplier.tolist() == [0.0, 0.25] and r.loss[0] == pytest.approx(1.93)
    np.testing.assert_allclose(r.params["w"], [0.6075, -0.345], rtol=1e-14)
    np.testing.assert_allclose(r.params["b"], [0.1475], rtol=1e-14)


def test_gradient_accumulation_by_hand():
    one = ls_run(steps=1, gradient_accumulation=GradientAccumulation(2))
    np.testing.assert_array_equal(one.params["w"], W0)                       # no update after 1 of 2
    assert one.updates == 0
    two = ls_run(steps=2, gradient_accumulation=GradientAccumulation(2))
    np.testing.assert_allclose(two.params["w"], [0.93, 0.12], rtol=1e-14)    # the mean of two equal gradients
    assert two.updates == 1
    # mini-batches of one row: the update uses the mean of the two rows' gradients
    # row 0: r = -1.4, g = [-1.4, -2.8]; row 1: r = -2.4, g = [-7.2, -9.6]
    row_grads = {0: np.array([-1.4, -2.8]), 1: np.array([-7.2, -9.6])}
    rng = np.random.default_rng(11)
    batches = [int(rng.choice(2, 1, replace=False)[0]) for _ in range(2)]
    r = ls_run(steps=2, batch_size=1, seed=11, gradient_accumulation=GradientAccumulation(2))
    np.testing.assert_allclose(r.params["w"], W0 - 0.1 * (row_grads[batches[0]] + row_grads[batches[1]]) / 2,
                               rtol=1e-14)


def test_gradient_accumulation_applies_adam_moments_only_at_updates():
    # full batch: the parameters do not move inside a window, so 4 iterations accumulated by 2
    # are exactly 2 plain Adam iterations (moments and bias correction included)
    acc = ls_run(base="adam", steps=4, gradient_accumulation=GradientAccumulation(2))
    plain = ls_run(base="adam", steps=2)
    np.testing.assert_allclose(acc.params["w"], plain.params["w"], rtol=1e-14)
    assert acc.updates == 2 and acc.loss[1] == pytest.approx(plain.loss[0]) and acc.loss[3] == pytest.approx(
        plain.loss[1])


def test_lookahead_by_hand_with_slow_weights_starting_at_theta0():
    r = ls_run(steps=1, lookahead=Lookahead(steps_per_slow_update=1, slow_step_size=0.5))
    np.testing.assert_allclose(r.params["w"], [0.715, -0.19], rtol=1e-14)    # w0 + 0.5 (w1 - w0)
    np.testing.assert_allclose(r.params["b"], [0.195], rtol=1e-14)
    # k = 2: two fast SGD steps, then slow = theta0 + alpha (theta2 - theta0); bert4keras' zero start would give
    # alpha theta2
    w1, b1 = W0 - 0.1 * GW, B0 - 0.1 * GB
    g1w, g1b = ls_grad(w1, b1)
    w2 = w1 - 0.1 * g1w
    r = ls_run(steps=2, lookahead=Lookahead(steps_per_slow_update=2, slow_step_size=0.5))
    np.testing.assert_allclose(r.params["w"], W0 + 0.5 * (w2 - W0), rtol=1e-14)
    assert not np.allclose(r.params["w"], 0.5 * w2)
    # the third step starts from the synced weights
    r3 = ls_run(steps=3, lookahead=Lookahead(steps_per_slow_update=2, slow_step_size=0.5))
    ws = W0 + 0.5 * (w2 - W0)
    bs = B0 + 0.5 * (b1 - 0.1 * g1b - B0)
    np.testing.assert_allclose(r3.params["w"], ws - 0.1 * ls_grad(ws, bs)[0], rtol=1e-14)


def test_lazy_update_by_hand():
    # table rows 0, 1, 2; only row 0 is looked up: gradient row 0 = E0 - t = [-1, -1], rows 1, 2 zero
    E0 = np.array([[0.0, 0.0], [1.0, 2.0], [3.0, 4.0]])
    obj = EmbeddingLookup([0], [[1.0, 1.0]], vocab_size=3)
    kw = dict(base="sgd", learning_rate=0.5, steps=1, weight_decay=WeightDecay(0.1), initial={"embedding": E0})
    lazy = run_optimizer(obj, lazy=LazyUpdate(), **kw).params["embedding"]
    eager = run_optimizer(obj, **kw).params["embedding"]
    np.testing.assert_allclose(lazy, [[0.5, 0.5], [1.0, 2.0], [3.0, 4.0]], rtol=1e-14)
    np.testing.assert_allclose(eager, [[0.5, 0.5], [0.95, 1.9], [2.85, 3.8]], rtol=1e-14)   # decay moves all rows
    # a pattern that does not match the table: eager
    np.testing.assert_allclose(run_optimizer(obj, lazy=LazyUpdate(("^w$",)), **kw).params["embedding"], eager)


def test_lazy_adam_state_still_updates():
    # rows 0 and 1 looked up once each, batches of one: with Adam (epsilon 0) each row moves by lr sign(g)
    # when its gradient is non-zero; lazily it does not move on the other row's iteration although its
    # momentum is non-zero, and its second moment still decays
    E0 = np.array([[0.0, 0.0], [0.0, 0.0]])
    targets = np.array([[1.0, -1.0], [2.0, 2.0]])
    obj = EmbeddingLookup([0, 1], targets, vocab_size=2)
    def batches(seed):
        rng = np.random.default_rng(seed)
        return [int(rng.choice(2, 1, replace=False)[0]) for _ in range(2)]

    seed = next(s for s in range(100) if batches(s) == [1, 0])      # row 1, then row 0
    kw = dict(base="adam", learning_rate=0.1, epsilon=0.0, steps=2, batch_size=1, seed=seed, initial={"embedding": E0})
    lazy = run_optimizer(obj, lazy=LazyUpdate(), **kw).params["embedding"]
    eager = run_optimizer(obj, **kw).params["embedding"]
    # iteration 1 (row 1): g1 = -t1 = [-2, -2]; both: row 1 += 0.1
    # iteration 2 (row 0): g0 = -t0 = [-1, 1]; m0 = 0.1 g0, v0 = 0.001 g0^2 -> step lr g0 (0.1/0.19) / sqrt(0.001/0.001999)
    step0 = 0.1 * (0.1 / 0.19) / np.sqrt(0.001 / (1 - 0.999**2)) * np.array([1.0, -1.0])
    # row 1 at iteration 2 (g = 0): m = 0.09 g1, v = 0.000999 g1^2 -> eager step lr (0.09/0.19)/sqrt(0.000999/0.001999)
    step1 = 0.1 * (0.09 / 0.19) / np.sqrt(0.000999 / (1 - 0.999**2)) * np.array([1.0, 1.0])
    np.testing.assert_allclose(lazy, [step0, [0.1, 0.1]], rtol=1e-13)
    np.testing.assert_allclose(eager, [step0, np.array([0.1, 0.1]) + step1], rtol=1e-13)


# ---------------------------------------------------------------- convergence
def test_convergence_to_the_least_squares_optimum():
    rng = np.random.default_rng(0)
    Xr = rng.normal(size=(200, 3))
    y = Xr @ np.array([1.0, -2.0, 0.5]) + 0.3 + 0.1 * rng.normal(size=200)
    coef = np.linalg.lstsq(np.column_stack([Xr, np.ones(200)]), y, rcond=None)[0]
    sgd = run_optimizer(LeastSquares(Xr, y), base="sgd", learning_rate=0.3, steps=500)
    np.testing.assert_allclose(sgd.params["w"], coef[:3], atol=1e-8)
    np.testing.assert_allclose(sgd.params["b"], coef[3:], atol=1e-8)
    assert sgd.final_loss == pytest.approx(sgd.optimum_loss, rel=1e-12)
    # Adam on mini-batches with warmup and decay, gradient accumulation and lookahead
    adam = run_optimizer(LeastSquares(Xr, y), base="adam", learning_rate=0.02, steps=4000, batch_size=50, seed=1,
                         lr_schedule=PiecewiseLinearLR({100: 1.0, 3000: 0.01}),
                         gradient_accumulation=GradientAccumulation(2), lookahead=Lookahead())
    np.testing.assert_allclose(adam.params["w"], coef[:3], atol=2e-3)
    assert adam.final_loss - adam.optimum_loss < 1e-5 and np.all(np.isfinite(adam.loss))
    assert adam.updates == 2000 and adam.lr_multiplier[50] == pytest.approx(0.5)
    assert adam.loss[-1] < adam.loss[0] / 10
    # LAMB (Adam + layer adaptation) steps by lr ||theta||: from a non-zero start, with the rate decaying to 0
    lamb = run_optimizer(LeastSquares(Xr, y), base="adam", learning_rate=0.01, steps=3000,
                         initial={"w": np.ones(3), "b": np.ones(1)}, lr_schedule=PiecewiseLinearLR({0: 1.0, 3000: 0.0}),
                         layer_adaptation=LayerAdaptation(exclude=("^b$",)))
    np.testing.assert_allclose(lamb.params["w"], coef[:3], atol=1e-4)
    assert lamb.final_loss - lamb.optimum_loss < 1e-9
    # SGD with weight decay converges to the ridge solution: A^T (A theta - y) / m + lambda D theta = 0
    decayed = run_optimizer(LeastSquares(Xr, y), base="sgd", learning_rate=0.3, steps=500,
                            weight_decay=WeightDecay(0.5, exclude=("^b$",)))
    A = np.column_stack([Xr, np.ones(200)])
    ridge = np.linalg.solve(A.T @ A / 200 + 0.5 * np.diag([1.0, 1.0, 1.0, 0.0]), A.T @ y / 200)
    np.testing.assert_allclose(np.r_[decayed.params["w"], decayed.params["b"]], ridge, atol=1e-10)


def test_convergence_of_logistic_regression_to_a_stationary_point():
    rng = np.random.default_rng(1)
    Xr = rng.normal(size=(300, 2))
    y = (Xr @ np.array([2.0, -1.0]) + 0.5 + rng.logistic(size=300) > 0).astype(float)   # not separable
    r = run_optimizer(Logistic(Xr, y), base="adam", learning_rate=0.05, steps=3000,
                      lr_schedule=PiecewiseLinearLR({0: 1.0, 3000: 0.01}))
    z = Xr @ r.params["w"] + r.params["b"][0]
    p = 1 / (1 + np.exp(-z))
    gradient = np.r_[Xr.T @ (p - y), np.sum(p - y)] / 300          # convex: zero gradient = the optimum
    assert np.linalg.norm(gradient) < 1e-5
    assert r.final_loss < r.initial_loss and r.initial_loss == pytest.approx(np.log(2))


def test_rosenbrock_and_embedding_lookup():
    r = run_optimizer(Rosenbrock(), base="adam", learning_rate=0.02, steps=3000)
    assert r.initial_loss == pytest.approx(24.2) and r.final_loss < 1e-3 and r.optimum_loss == 0.0
    np.testing.assert_allclose(r.params["x"], [1.0, 1.0], atol=0.05)
    emb = run_optimizer(EmbeddingLookup([0, 2, 2], [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]], vocab_size=4),
                        base="adam", learning_rate=0.05, steps=1500, seed=0, lazy=LazyUpdate())
    assert emb.optimum_loss == pytest.approx(1 / 6) and emb.final_loss == pytest.approx(1 / 6, abs=1e-6)
    np.testing.assert_allclose(emb.params["embedding"][[0, 2]], [[1.0, 1.0], [2.5, 2.5]], atol=1e-3)


def test_divergence_stops_with_the_last_finite_parameters():
    r = run_optimizer(Rosenbrock(), base="sgd", learning_rate=1.0, steps=100)
    assert r.diverged and r.steps < 100 and len(r.loss) == r.steps == len(r.lr_multiplier)
    assert np.all(np.isfinite(r.params["x"])) and np.isfinite(r.final_loss)


def test_seeded_runs_repeat():
    obj = EmbeddingLookup([0, 1, 1, 3], [[1.0], [2.0], [2.5], [0.0]], vocab_size=5)
    a = run_optimizer(obj, steps=30, batch_size=2, seed=9)
    b = run_optimizer(obj, steps=30, batch_size=2, seed=9)
    assert np.array_equal(a.loss, b.loss) and np.array_equal(a.params["embedding"], b.params["embedding"])


# ---------------------------------------------------------------- errors
@pytest.mark.parametrize("make,kwargs,field,status", [
    (lambda: LeastSquares(X, [1.0]), {}, "objective.y", 422),
    (lambda: LeastSquares([[1.0, float("nan")]], [1.0]), {}, "objective.X", 422),
    (lambda: Logistic(X, [0.0, 2.0]), {}, "objective.y", 422),
    (lambda: EmbeddingLookup([0, 5], [[1.0], [2.0]], vocab_size=3), {}, "objective.rows", 422),
    (lambda: EmbeddingLookup([0], [[1.0], [2.0]], vocab_size=3), {}, "objective.rows", 422),
    (lambda: EmbeddingLookup([0], [[1.0]] * 1, vocab_size=10**9), {}, "objective.vocab_size", 413),
    (lambda: Rosenbrock(dimension=1), {}, "objective.dimension", 422),
    (lambda: Rosenbrock(dimension=10**9), {}, "objective.dimension", 413),
    (lambda: Rosenbrock(), {"steps": MAX_STEPS + 1}, "steps", 413),
    (lambda: Rosenbrock(dimension=50_000), {"steps": 5000}, "steps", 413),
    (lambda: Rosenbrock(), {"steps": 0}, "steps", 422),
    (lambda: Rosenbrock(), {"base": "rmsprop"}, "base", 422),
    (lambda: Rosenbrock(), {"learning_rate": 0.0}, "learning_rate", 422),
    (lambda: Rosenbrock(), {"weight_decay": WeightDecay(0.1, ("(",))}, "extensions.weight_decay.exclude", 422),
    (lambda: Rosenbrock(), {"lr_schedule": PiecewiseLinearLR({"-3": 1.0})},
     "extensions.piecewise_linear_lr.schedule", 422),
    (lambda: Rosenbrock(), {"gradient_accumulation": GradientAccumulation(0)},
     "extensions.gradient_accumulation.steps", 422),
    (lambda: Rosenbrock(), {"lookahead": Lookahead(5, 1.5)}, "extensions.lookahead.slow_step_size", 422),
    (lambda: Rosenbrock(), {"initial": {"w": [1.0, 2.0]}}, "initial", 422),
    (lambda: Rosenbrock(), {"initial": {"x": [1.0, 2.0, 3.0]}}, "initial.x", 422),
    (lambda: Rosenbrock(), {"initial": {"x": [1e100, 1.0]}}, "initial", 422),
])
def test_rejects(make, kwargs, field, status):
    with pytest.raises(TechniqueError) as err:
        run_optimizer(make(), **kwargs)
    assert (err.value.field, err.value.status) == (field, status)


@pytest.mark.parametrize("z,y", [(40.0, 1.0), (-40.0, 0.0), (700.0, 1.0), (30.0, 0.25), (-0.5, 0.7)])
def test_logistic_loss_and_gradient_without_cancellation(z, y):
    """Confident correct predictions have a tiny loss, not 0 (logaddexp(0, z) - y z cancels for z = 40, y = 1)."""
    from fractions import Fraction
    from math import exp, log1p

    objective = Logistic([[1.0]], [y], fit_intercept=False)
    loss, grads = objective.loss_grad({"w": np.array([z])})
    sigma = 1.0 / (1.0 + exp(-z)) if z < 0 else 1.0 - 1.0 / (1.0 + exp(z))
    expected_loss = max(z, 0.0) - y * z + log1p(exp(-abs(z)))          # each term exact here, or to 1 ulp
    expected_grad = float(Fraction(1) / (1 + Fraction(exp(-z))) - Fraction(y)) if z > 0 else sigma - y
    assert loss == pytest.approx(expected_loss, rel=1e-14) and loss > 0
    assert grads["w"][0] == pytest.approx(expected_grad, rel=1e-14)
