r"""SGD or Adam with the six derived extensions of post 7 (kexue.fm/archives/7094), on built-in objectives.

Base form: :math:`g_t=\nabla L(\theta_t)`, :math:`h_t=f(g_{\le t})`, :math:`\theta_{t+1}=\theta_t-\gamma h_t`
with SGD (:math:`h=g`) or Adam (:math:`h=\hat m/(\sqrt{\hat v}+\epsilon)`, bert4keras defaults
:math:`\beta_1=0.9`, :math:`\beta_2=0.999`, :math:`\epsilon=10^{-6}`, bias correction on).

The extensions (bert4keras ``extend_with_*``), applied per parameter tensor in this order at
every iteration :math:`t = 0, 1, \dots` (the Keras ``iterations`` counter before its increment):

1. **gradient accumulation** (``steps`` k): gradients are summed over k iterations; the
   update, Adam's moments included, happens only at iterations with :math:`(t+1) \bmod k = 0`,
   with their mean. Adam's bias correction counts applied updates, so k iterations of batch
   b behave like one iteration of batch kb. (bert4keras' first, zero-gradient update at
   iteration 0 is not reproduced.)
2. the base direction :math:`h` from the (accumulated) gradient;
3. **weight decay** (rate :math:`\lambda`): :math:`h \leftarrow h + \lambda\theta`, i.e.
   :math:`\theta_{t+1}=\theta_t-\gamma h_t-\gamma\lambda\theta_t` (decoupled, AdamW);
4. **layer adaptation** (LAMB with Adam): :math:`h \leftarrow h\,\|\theta\|_2/\|h\|_2`
   per tensor, ratio 1 if either norm is 0;
5. **piecewise-linear learning rate**: the step is :math:`\gamma\rho(t)h` with
   :math:`\rho` interpolated linearly between the schedule's points ``{t_k: v_k}``, 0 at
   :math:`t=0` unless key 0 is given, held after the last key (``{1000: 1}`` is a warmup
   with :math:`\rho(500)=0.5`; with it the first update does not move :math:`\theta`);
6. **lazy update** (tensors matching ``include``): the step is applied only to rows whose
   gradient row is not all zero, :math:`r=\mathrm{any}(g\ne0,\ \mathrm{axis}=-1)`; the
   optimizer state still updates;
7. **lookahead** (k, :math:`\alpha`): after every k-th applied update
   :math:`\Theta\leftarrow\Theta+\alpha(\theta-\Theta)`, :math:`\theta\leftarrow\Theta`,
   with the slow weights :math:`\Theta` starting at the initial weights (as in the paper,
   arXiv 1907.08610; bert4keras starts them at zero, which halves θ at the first sync).

Weight decay, layer adaptation and lazy updates select tensors by ``re.search`` patterns on
their names (``exclude`` / ``include``), as bert4keras does.

Objectives (parameter names in brackets): ``LeastSquares`` :math:`\frac1{2m}\|Xw+b-y\|^2`
(``w``, ``b``); ``Logistic`` mean cross-entropy, :math:`y\in[0,1]` (``w``, ``b``);
``Rosenbrock`` :math:`\sum_i c\,(x_{i+1}-x_i^2)^2+(1-x_i)^2` (``x``, minimum 0 at ones);
``EmbeddingLookup`` :math:`\frac1{2m}\sum_i\|E_{r_i}-t_i\|^2` (``embedding``: a table whose
gradient is non-zero only in looked-up rows, the case lazy updates are for).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np
import numpy.typing as npt
from scipy.special import expit

from . import TechniqueError, as_float_array, as_index_array, too_large

#: Largest number of iterations.
MAX_STEPS = 10_000
#: Largest number of data rows (X, y or rows, targets).
MAX_ROWS = 100_000
#: Largest number of features p.
MAX_FEATURES = 1_000
#: Largest number of values of X, targets or the embedding table.
MAX_VALUES = 1_000_000
#: Largest Rosenbrock dimension.
MAX_DIMENSION = 100_000
#: Largest ``steps x (values touched per iteration)``.
MAX_WORK = 200_000_000
#: Largest number of schedule points and of steps evaluated by ``piecewise_linear``.
MAX_SCHEDULE_POINTS = 10_000
MAX_SCHEDULE_STEPS = 1_000_000
#: Largest schedule key (iteration) and value (multiplier).
MAX_SCHEDULE_KEY = 10**12
MAX_SCHEDULE_VALUE = 1e6

Params = dict[str, npt.NDArray[np.float64]]


# ------------------------------------------------------------------ schedule
def _schedule_points(schedule: Mapping[Any, float], field: str = "schedule") -> tuple[np.ndarray, np.ndarray]:
    if not isinstance(schedule, Mapping) or not schedule:
        raise TechniqueError("the schedule must be a non-empty mapping {iteration: multiplier}", field)
    if len(schedule) > MAX_SCHEDULE_POINTS:
        raise too_large(field, "the number of points", len(schedule), MAX_SCHEDULE_POINTS)
    keys, values = [], []
    for key, value in schedule.items():
        try:
            t = int(key)
            if isinstance(key, float) or (isinstance(key, str) and not key.strip().isdigit()):
                raise ValueError
        except (TypeError, ValueError):
            raise TechniqueError(f"schedule keys must be integer iterations >= 0, got {key!r}", field) from None
        if not 0 <= t <= MAX_SCHEDULE_KEY:
            raise TechniqueError(f"schedule keys must be in [0, {MAX_SCHEDULE_KEY}], got {t}", field)
        v = float(value)
        if not 0 <= v <= MAX_SCHEDULE_VALUE:
            raise TechniqueError(f"schedule values must be in [0, {MAX_SCHEDULE_VALUE:g}], got {value}", field)
        keys.append(t)
        values.append(v)
    if len(set(keys)) != len(keys):
        raise TechniqueError("schedule keys must be distinct iterations", field)
    order = np.argsort(keys)
    xs, ys = np.asarray(keys, dtype=np.float64)[order], np.asarray(values)[order]
    if xs[0] != 0:
        xs, ys = np.r_[0.0, xs], np.r_[0.0, ys]
    return xs, ys


def piecewise_linear(schedule: Mapping[Any, float], steps: Any) -> npt.NDArray[np.float64]:
    r"""The multiplier :math:`\rho(t)` at each iteration of ``steps``.

    :math:`\rho` is linear between the points ``{t_k: v_k}`` (sorted), starts at 0 at
    :math:`t=0` unless key 0 is given, and is held at the last value after the last key
    (bert4keras ``piecewise_linear`` with ``from_zero=True``).

    >>> piecewise_linear({1000: 1.0}, [0, 500, 1000, 2000]).tolist()
    [0.0, 0.5, 1.0, 1.0]
    """
    xs, ys = _schedule_points(schedule)
    t = as_index_array(steps, "steps", max_values=MAX_SCHEDULE_STEPS, upper=MAX_SCHEDULE_KEY + 1, allow_empty=True)
    return np.interp(t.astype(np.float64), xs, ys)


# ------------------------------------------------------------------ extensions
def _patterns(patterns: Any, field: str) -> tuple[str, ...]:
    patterns = tuple(patterns or ())
    for p in patterns:
        if not isinstance(p, str) or len(p) > 100:
            raise TechniqueError(f"{field} must be regular expressions of at most 100 characters", field)
        try:
            re.compile(p)
        except re.error as exc:
            raise TechniqueError(f"{field}: invalid pattern {p!r} ({exc})", field) from None
    return patterns


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    return any(re.search(p, name) for p in patterns)


@dataclass(frozen=True)
class WeightDecay:
    rate: float = 0.01
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class LayerAdaptation:
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class PiecewiseLinearLR:
    schedule: Mapping[Any, float]


@dataclass(frozen=True)
class GradientAccumulation:
    steps: int = 2


@dataclass(frozen=True)
class Lookahead:
    steps_per_slow_update: int = 5
    slow_step_size: float = 0.5


@dataclass(frozen=True)
class LazyUpdate:
    include: tuple[str, ...] = ("embedding",)


# ------------------------------------------------------------------ objectives
class Objective:
    """A differentiable loss over named parameter tensors."""

    #: rows of data a mini-batch is drawn from (0: no data, always the full objective)
    num_rows: int = 0

    def shapes(self) -> dict[str, tuple[int, ...]]:
        raise NotImplementedError

    def initial(self, rng: np.random.Generator) -> Params:
        return {name: np.zeros(shape) for name, shape in self.shapes().items()}

    def loss_grad(self, params: Params, batch: npt.NDArray[np.int64] | None) -> tuple[float, Params]:
        """Loss and gradient on the rows ``batch`` (all rows for None)."""
        raise NotImplementedError

    def loss(self, params: Params) -> float:
        return self.loss_grad(params, None)[0]

    def optimum(self) -> float | None:
        """The minimum of the loss when it has a closed form."""
        return None

    def work_per_step(self) -> int:
        return sum(int(np.prod(s)) for s in self.shapes().values())


def _data(X: Any, y: Any, *, binary: bool) -> tuple[np.ndarray, np.ndarray]:
    X = as_float_array(X, "objective.X", ndim=2, max_values=MAX_VALUES)
    m, p = X.shape
    if m > MAX_ROWS:
        raise too_large("objective.X", "the number of rows", m, MAX_ROWS)
    if p > MAX_FEATURES:
        raise too_large("objective.X", "the number of features", p, MAX_FEATURES)
    y = as_float_array(y, "objective.y", ndim=1, max_values=MAX_ROWS, low=0.0 if binary else None,
                       high=1.0 if binary else None)
    if y.shape[0] != m:
        raise TechniqueError(f"objective.y must have one value per row of X ({m}), got {y.shape[0]}", "objective.y")
    return X, y


class LeastSquares(Objective):
    r""":math:`\frac1{2m}\sum_i (x_i\cdot w + b - y_i)^2`; without intercept ``b`` is fixed at 0."""

    binary = False  # targets restricted to [0, 1]

    def __init__(self, X: Any, y: Any, *, fit_intercept: bool = True):
        self.X, self.y = _data(X, y, binary=self.binary)
        self.num_rows = self.X.shape[0]
        self.fit_intercept = bool(fit_intercept)

    def shapes(self) -> dict[str, tuple[int, ...]]:
        return {"w": (self.X.shape[1],), **({"b": (1,)} if self.fit_intercept else {})}

    def _residual_grad(self, params: Params, batch):
        X, y = (self.X, self.y) if batch is None else (self.X[batch], self.y[batch])
        z = X @ params["w"] + (params["b"][0] if self.fit_intercept else 0.0)
        return X, y, z

    def loss_grad(self, params: Params, batch=None) -> tuple[float, Params]:
        X, y, z = self._residual_grad(params, batch)
        r = z - y
        m = X.shape[0]
        grads = {"w": X.T @ r / m}
        if self.fit_intercept:
            grads["b"] = np.array([r.mean()])
        return float(0.5 * np.mean(r * r)), grads

    def optimum(self) -> float | None:
        A = np.column_stack([self.X, np.ones(self.num_rows)]) if self.fit_intercept else self.X
        try:
            coef = np.linalg.lstsq(A, self.y, rcond=None)[0]
        except np.linalg.LinAlgError:
            return None
        r = A @ coef - self.y
        return float(0.5 * np.mean(r * r))

    def work_per_step(self) -> int:
        return self.X.size


class Logistic(LeastSquares):
    r"""Mean cross-entropy :math:`\log(1+e^{z_i}) - y_i z_i`, :math:`z_i = x_i\cdot w + b`, :math:`y_i\in[0,1]`.

    Written without cancellation for confident predictions (``z = 40, y = 1``: the loss is
    :math:`\log(1+e^{-40})\approx4.2\times10^{-18}`, where ``logaddexp(0, z) - y z`` gives 0):
    loss :math:`\max(z,0)-yz+\log(1+e^{-|z|})` and gradient factor :math:`\sigma(z)-y`, taken as
    :math:`(1-y)-\sigma(-z)` for :math:`z>0`.
    """

    binary = True

    def loss_grad(self, params: Params, batch=None) -> tuple[float, Params]:
        X, y, z = self._residual_grad(params, batch)
        r = np.where(z > 0, (1.0 - y) - expit(-z), expit(z) - y)
        m = X.shape[0]
        grads = {"w": X.T @ r / m}
        if self.fit_intercept:
            grads["b"] = np.array([r.mean()])
        loss = np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))
        return float(np.mean(loss)), grads

    def optimum(self) -> None:
        return None


class Rosenbrock(Objective):
    r""":math:`\sum_{i<D} c\,(x_{i+1}-x_i^2)^2 + (1-x_i)^2`; minimum 0 at ones; start (-1.2, 1, -1.2, ...)."""

    def __init__(self, *, dimension: int = 2, curvature: float = 100.0):
        if not isinstance(dimension, (int, np.integer)) or dimension < 2:
            raise TechniqueError(f"objective.dimension must be an integer >= 2, got {dimension}",
                                 "objective.dimension")
        if dimension > MAX_DIMENSION:
            raise too_large("objective.dimension", "the dimension", dimension, MAX_DIMENSION)
        if not 0 < curvature <= 1e6:
            raise TechniqueError(f"objective.curvature must be in (0, 1e6], got {curvature}", "objective.curvature")
        self.dimension, self.curvature = int(dimension), float(curvature)

    def shapes(self) -> dict[str, tuple[int, ...]]:
        return {"x": (self.dimension,)}

    def initial(self, rng: np.random.Generator) -> Params:
        return {"x": np.where(np.arange(self.dimension) % 2 == 0, -1.2, 1.0)}

    def loss_grad(self, params: Params, batch=None) -> tuple[float, Params]:
        x = params["x"]
        c = self.curvature
        a, b = x[:-1], x[1:]
        inner = b - a * a
        loss = float(np.sum(c * inner * inner + (1.0 - a) ** 2))
        g = np.zeros_like(x)
        g[:-1] = -4.0 * c * a * inner - 2.0 * (1.0 - a)
        g[1:] += 2.0 * c * inner
        return loss, {"x": g}

    def optimum(self) -> float:
        return 0.0


class EmbeddingLookup(Objective):
    r""":math:`\frac1{2m}\sum_i \|E_{r_i} - t_i\|^2` over a table ``embedding`` [vocab_size, dim]."""

    def __init__(self, rows: Any, targets: Any, *, vocab_size: int, init_scale: float = 0.1):
        if not isinstance(vocab_size, (int, np.integer)) or vocab_size < 1:
            raise TechniqueError(f"objective.vocab_size must be an integer >= 1, got {vocab_size}",
                                 "objective.vocab_size")
        self.targets = as_float_array(targets, "objective.targets", ndim=2, max_values=MAX_VALUES)
        m, dim = self.targets.shape
        if m > MAX_ROWS:
            raise too_large("objective.targets", "the number of rows", m, MAX_ROWS)
        if vocab_size * dim > MAX_VALUES:
            raise too_large("objective.vocab_size", "vocab_size x dim", vocab_size * dim, MAX_VALUES)
        self.rows = as_index_array(rows, "objective.rows", max_values=MAX_ROWS, upper=int(vocab_size))
        if self.rows.shape[0] != m:
            raise TechniqueError(f"objective.rows must have one row index per target ({m}), got "
                                 f"{self.rows.shape[0]}", "objective.rows")
        self.vocab_size, self.dim, self.num_rows = int(vocab_size), dim, m
        self.init_scale = float(init_scale)

    def shapes(self) -> dict[str, tuple[int, ...]]:
        return {"embedding": (self.vocab_size, self.dim)}

    def initial(self, rng: np.random.Generator) -> Params:
        return {"embedding": rng.normal(0.0, self.init_scale, (self.vocab_size, self.dim))}

    def loss_grad(self, params: Params, batch=None) -> tuple[float, Params]:
        rows, targets = (self.rows, self.targets) if batch is None else (self.rows[batch], self.targets[batch])
        diff = params["embedding"][rows] - targets
        grad = np.zeros_like(params["embedding"])
        np.add.at(grad, rows, diff / rows.shape[0])
        return float(0.5 * np.mean(np.sum(diff * diff, axis=1))), {"embedding": grad}

    def optimum(self) -> float:
        counts = np.bincount(self.rows, minlength=self.vocab_size)
        sums = np.zeros((self.vocab_size, self.dim))
        np.add.at(sums, self.rows, self.targets)
        means = sums / np.maximum(counts, 1)[:, None]
        diff = means[self.rows] - self.targets
        return float(0.5 * np.mean(np.sum(diff * diff, axis=1)))

    def work_per_step(self) -> int:
        return (self.vocab_size + self.num_rows) * self.dim


# ------------------------------------------------------------------ the loop
@dataclass(frozen=True)
class OptimizerRunResult:
    """Loss after each iteration, the multiplier trace, final parameters and counters."""

    loss: npt.NDArray[np.float64]
    lr_multiplier: npt.NDArray[np.float64]
    params: Params
    initial_loss: float
    final_loss: float
    optimum_loss: float | None
    steps: int
    updates: int
    diverged: bool

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _check_initial(initial: Mapping[str, Any], shapes: dict[str, tuple[int, ...]]) -> Params:
    unknown = sorted(set(initial) - set(shapes))
    if unknown:
        raise TechniqueError(f"initial names unknown parameters {unknown}; this objective has {sorted(shapes)}",
                             "initial")
    out = {}
    for name, shape in shapes.items():
        if name not in initial:
            raise TechniqueError(f"initial is missing parameter {name!r} (shape {list(shape)})", "initial")
        arr = as_float_array(initial[name], f"initial.{name}", ndim=len(shape), max_values=MAX_VALUES)
        if arr.shape != shape:
            raise TechniqueError(f"initial.{name} must have shape {list(shape)}, got {list(arr.shape)}",
                                 f"initial.{name}")
        out[name] = arr.copy()
    return out


def run_optimizer(objective: Objective, *, base: str = "adam", learning_rate: float = 1e-3, steps: int = 100,
                  batch_size: int | None = None, seed: int | np.random.Generator | None = None,
                  beta_1: float = 0.9, beta_2: float = 0.999, epsilon: float = 1e-6,
                  weight_decay: WeightDecay | None = None, layer_adaptation: LayerAdaptation | None = None,
                  lr_schedule: PiecewiseLinearLR | None = None,
                  gradient_accumulation: GradientAccumulation | None = None, lookahead: Lookahead | None = None,
                  lazy: LazyUpdate | None = None, initial: Mapping[str, Any] | None = None) -> OptimizerRunResult:
    """Run ``steps`` iterations of the base optimizer with the given extensions (None: off).

    ``seed`` draws the mini-batches (``batch_size`` rows without replacement per iteration;
    None or at least the number of rows: full batch) and the embedding table's initial
    values. ``loss[t]`` is the full objective after iteration t. If the loss stops being
    finite the run ends there (``diverged``), returning the last finite parameters.
    """
    if base not in ("sgd", "adam"):
        raise TechniqueError(f"base must be sgd or adam, got {base!r}", "base")
    if not 0 < learning_rate <= 1e3:
        raise TechniqueError(f"learning_rate must be in (0, 1000], got {learning_rate}", "learning_rate")
    if not (0 <= beta_1 < 1 and 0 <= beta_2 < 1):
        raise TechniqueError("beta_1 and beta_2 must be in [0, 1)", "beta_1" if not 0 <= beta_1 < 1 else "beta_2")
    if not 0 <= epsilon <= 1:
        raise TechniqueError(f"epsilon must be in [0, 1], got {epsilon}", "epsilon")
    if not isinstance(steps, (int, np.integer)) or steps < 1:
        raise TechniqueError(f"steps must be an integer >= 1, got {steps}", "steps")
    if steps > MAX_STEPS:
        raise too_large("steps", "steps", steps, MAX_STEPS)
    if steps * objective.work_per_step() > MAX_WORK:
        raise too_large("steps", "steps x values per iteration", steps * objective.work_per_step(), MAX_WORK)
    if batch_size is not None and (not isinstance(batch_size, (int, np.integer)) or batch_size < 1):
        raise TechniqueError(f"batch_size must be an integer >= 1, got {batch_size}", "batch_size")
    if weight_decay is not None and not 0 <= weight_decay.rate <= 1e3:
        raise TechniqueError(f"weight decay rate must be in [0, 1000], got {weight_decay.rate}",
                             "extensions.weight_decay.rate")
    k_acc = 1
    if gradient_accumulation is not None:
        k_acc = gradient_accumulation.steps
        if not isinstance(k_acc, (int, np.integer)) or not 1 <= k_acc <= MAX_STEPS:
            raise TechniqueError(f"gradient accumulation steps must be an integer in [1, {MAX_STEPS}], got {k_acc}",
                                 "extensions.gradient_accumulation.steps")
    if lookahead is not None:
        if not isinstance(lookahead.steps_per_slow_update, (int, np.integer)) or lookahead.steps_per_slow_update < 1:
            raise TechniqueError("lookahead steps_per_slow_update must be an integer >= 1",
                                 "extensions.lookahead.steps_per_slow_update")
        if not 0 <= lookahead.slow_step_size <= 1:
            raise TechniqueError("lookahead slow_step_size must be in [0, 1]", "extensions.lookahead.slow_step_size")
    decay_ex = _patterns(weight_decay.exclude, "extensions.weight_decay.exclude") if weight_decay else ()
    adapt_ex = _patterns(layer_adaptation.exclude, "extensions.layer_adaptation.exclude") if layer_adaptation else ()
    lazy_in = _patterns(lazy.include, "extensions.lazy.include") if lazy else ()
    if lr_schedule is not None:
        try:
            rho = piecewise_linear(lr_schedule.schedule, np.arange(steps))
        except TechniqueError as exc:
            raise TechniqueError(exc.message, "extensions.piecewise_linear_lr.schedule", exc.status) from None
    else:
        rho = np.ones(steps)

    rng = np.random.default_rng(seed)
    shapes = objective.shapes()
    params = objective.initial(rng) if initial is None else _check_initial(initial, shapes)
    names = list(params)
    decays = {n: weight_decay is not None and not _matches(n, decay_ex) for n in names}
    adapts = {n: layer_adaptation is not None and not _matches(n, adapt_ex) for n in names}
    lazies = {n: lazy is not None and _matches(n, lazy_in) for n in names}
    m1 = {n: np.zeros_like(p) for n, p in params.items()}
    m2 = {n: np.zeros_like(p) for n, p in params.items()}
    acc = {n: np.zeros_like(p) for n, p in params.items()}
    slow = {n: p.copy() for n, p in params.items()}
    use_batches = batch_size is not None and 0 < batch_size < objective.num_rows

    losses = np.empty(steps)
    updates = 0
    diverged = False
    done = 0
    with np.errstate(all="ignore"):
        initial_loss = objective.loss(params)
        if not np.isfinite(initial_loss):
            raise TechniqueError(f"the loss at the initial parameters is not finite ({initial_loss})", "initial")
        optimum = objective.optimum()
        for t in range(steps):                     # the loop runs over iterations, the math is vectorised
            batch = rng.choice(objective.num_rows, batch_size, replace=False) if use_batches else None
            _, grads = objective.loss_grad(params, batch)
            for n in names:
                acc[n] += grads[n]
            previous = params
            if (t + 1) % k_acc == 0:
                updates += 1
                params = {}
                for n in names:
                    theta = previous[n]
                    g = acc[n] / k_acc
                    acc[n][...] = 0.0
                    if base == "sgd":
                        h = g
                    else:
                        m1[n] = beta_1 * m1[n] + (1.0 - beta_1) * g
                        m2[n] = beta_2 * m2[n] + (1.0 - beta_2) * g * g
                        m_hat = m1[n] / (1.0 - beta_1 ** updates)
                        v_hat = m2[n] / (1.0 - beta_2 ** updates)
                        den = np.sqrt(v_hat) + epsilon
                        h = np.divide(m_hat, den, out=np.zeros_like(m_hat), where=den > 0)
                    if decays[n]:
                        h = h + weight_decay.rate * theta
                    if adapts[n]:
                        w_norm, h_norm = np.linalg.norm(theta), np.linalg.norm(h)
                        if w_norm > 0 and h_norm > 0:
                            h = h * (w_norm / h_norm)
                    delta = (-learning_rate * rho[t]) * h
                    if lazies[n]:
                        delta = delta * np.any(g != 0, axis=-1, keepdims=True)
                    params[n] = theta + delta
                if lookahead is not None and updates % lookahead.steps_per_slow_update == 0:
                    for n in names:
                        slow[n] = slow[n] + lookahead.slow_step_size * (params[n] - slow[n])
                        params[n] = slow[n].copy()
            loss = objective.loss(params)
            if not np.isfinite(loss) or not all(np.all(np.isfinite(p)) for p in params.values()):
                params = previous
                diverged = True
                break
            losses[t] = loss
            done = t + 1
    return OptimizerRunResult(
        loss=losses[:done], lr_multiplier=rho[:done], params=params, initial_loss=float(initial_loss),
        final_loss=float(losses[done - 1]) if done else float(initial_loss),
        optimum_loss=optimum if optimum is not None and np.isfinite(optimum) else None,
        steps=done, updates=updates, diverged=diverged)
