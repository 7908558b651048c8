"""POST /v1/optimizers/run and POST /v1/optimizers/schedule (post 7: six derived optimizers)."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ...techniques import optimizers as tech
from ._common import Strict, error_responses, make_router, respond
from ...binary import Tensor

router = make_router("optimizers")

Iteration = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,12}$")]
Multiplier = Annotated[float, Field(ge=0, le=tech.MAX_SCHEDULE_VALUE)]
Schedule = Annotated[dict[Iteration, Multiplier], Field(min_length=1, description=(
    "{iteration: multiplier}; linear in between, 0 at iteration 0 unless given, held after the last key"))]
Pattern = Annotated[str, Field(max_length=100)]


# ---------------------------------------------------------------- objectives
class LeastSquaresObjective(Strict):
    kind: Literal["least_squares"]
    X: Tensor(list[list[float]], "iuf", 2) = Field(
        ..., description=f"[m, p] (m <= {tech.MAX_ROWS:,}, p <= {tech.MAX_FEATURES:,})")
    y: Tensor(list[float], "iuf", 1) = Field(..., description="[m]")
    fit_intercept: bool = True


class LogisticObjective(Strict):
    kind: Literal["logistic"]
    X: Tensor(list[list[float]], "iuf", 2) = Field(..., description="[m, p]")
    y: Tensor(list[float], "iuf", 1) = Field(..., description="[m] labels (or soft labels) in [0, 1]")
    fit_intercept: bool = True


class RosenbrockObjective(Strict):
    kind: Literal["rosenbrock"]
    dimension: int = Field(2, ge=2, description=f"at most {tech.MAX_DIMENSION:,}")
    curvature: float = Field(100.0, gt=0, le=1e6, description="c in sum c (x_{i+1} - x_i^2)^2 + (1 - x_i)^2")


class EmbeddingLookupObjective(Strict):
    kind: Literal["embedding_lookup"]
    vocab_size: int = Field(..., ge=1, description=f"rows of the table (vocab_size x dim <= {tech.MAX_VALUES:,})")
    rows: Tensor(list[Annotated[int, Field(ge=0)]], "iu", 1) = Field(
        ..., description="[m] looked-up row of each target")
    targets: Tensor(list[list[float]], "iuf", 2) = Field(..., description="[m, dim] target vectors")
    init_scale: float = Field(0.1, ge=0, le=1e3, description="std of the seeded normal initial table")


Objective = Annotated[Union[LeastSquaresObjective, LogisticObjective, RosenbrockObjective, EmbeddingLookupObjective],
                      Field(discriminator="kind")]


# ---------------------------------------------------------------- extensions
class WeightDecayOptions(Strict):
    rate: float = Field(0.01, ge=0, le=1e3, description="lambda: theta -= lr (h + lambda theta)")
    exclude: list[Pattern] = Field([], description="re.search patterns of parameter names not decayed")


class LayerAdaptationOptions(Strict):
    exclude: list[Pattern] = Field([], description="patterns of parameter names not adapted")


class PiecewiseLinearOptions(Strict):
    schedule: Schedule


class GradientAccumulationOptions(Strict):
    steps: int = Field(2, ge=1, description="iterations per update")


class LookaheadOptions(Strict):
    steps_per_slow_update: int = Field(5, ge=1)
    slow_step_size: float = Field(0.5, ge=0, le=1)


class LazyOptions(Strict):
    include: list[Pattern] = Field(["embedding"], description="patterns of parameter names updated lazily")


class Extensions(Strict):
    weight_decay: WeightDecayOptions | None = None
    layer_adaptation: LayerAdaptationOptions | None = None
    piecewise_linear_lr: PiecewiseLinearOptions | None = None
    gradient_accumulation: GradientAccumulationOptions | None = None
    lookahead: LookaheadOptions | None = None
    lazy: LazyOptions | None = None


class OptimizerRunRequest(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"objective": {"kind": "least_squares", "X": [[1.0, 0.5], [0.2, 1.0], [1.5, -0.3], [0.7, 0.8], [-0.4, 1.2]],
                       "y": [2.1, 0.9, 3.6, 1.9, -0.1]},
         "base": "adam", "learning_rate": 0.05, "steps": 200, "seed": 0,
         "extensions": {"weight_decay": {"rate": 0.001, "exclude": ["^b$"]},
                        "piecewise_linear_lr": {"schedule": {"20": 1.0, "200": 0.1}},
                        "lookahead": {"steps_per_slow_update": 5, "slow_step_size": 0.5}}},
        {"objective": {"kind": "embedding_lookup", "vocab_size": 6, "rows": [0, 2, 2, 5],
                       "targets": [[1.0, 0.0], [0.0, 1.0], [0.0, 1.2], [-1.0, 0.5]]},
         "base": "adam", "learning_rate": 0.1, "steps": 100, "batch_size": 2, "seed": 3,
         "extensions": {"lazy": {"include": ["embedding"]}, "gradient_accumulation": {"steps": 2}}},
        {"objective": {"kind": "rosenbrock"}, "base": "adam", "learning_rate": 0.02, "steps": 500,
         "extensions": {"layer_adaptation": {}}},
    ]})

    objective: Objective
    base: Literal["sgd", "adam"] = "adam"
    learning_rate: float = Field(1e-3, gt=0, le=1e3)
    beta_1: float = Field(0.9, ge=0, lt=1)
    beta_2: float = Field(0.999, ge=0, lt=1)
    epsilon: float = Field(1e-6, ge=0, le=1)
    extensions: Extensions = Field(default_factory=Extensions, description="any combination; absent means off")
    steps: int = Field(100, ge=1, description=f"iterations (at most {tech.MAX_STEPS:,}; steps x values per "
                       f"iteration <= {tech.MAX_WORK:,})")
    batch_size: int | None = Field(None, ge=1, description="rows per iteration (null: all)")
    seed: int = Field(0, ge=0, le=2**63 - 1)
    initial: dict[str, list[float] | list[list[float]]] | None = Field(
        None, description="initial parameters by name (w, b | x | embedding); default zeros, the Rosenbrock start "
        "(-1.2, 1, ...) or a seeded normal table")


class OptimizerRunResponse(BaseModel):
    loss: list[float] = Field(..., description="the full objective after each iteration")
    lr_multiplier: list[float] = Field(..., description="rho(t) of each iteration")
    params: dict[str, list[float] | list[list[float]]]
    initial_loss: float
    final_loss: float
    optimum_loss: float | None = Field(..., description="the minimum, when it has a closed form")
    steps: int = Field(..., description="iterations run (fewer when diverged)")
    updates: int = Field(..., description="parameter updates applied (steps / accumulation steps)")
    diverged: bool = Field(..., description="the loss stopped being finite; the last finite parameters are returned")


class ScheduleRequest(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"schedule": {"1000": 1.0}, "steps": [0, 250, 500, 1000, 4000]},
        {"schedule": {"0": 0.1, "100": 1.0, "1000": 0.01}, "num_steps": 5},
    ]})

    schedule: Schedule
    steps: list[Annotated[int, Field(ge=0, le=tech.MAX_SCHEDULE_KEY)]] | None = Field(
        None, description=f"iterations to evaluate (at most {tech.MAX_SCHEDULE_STEPS:,})")
    num_steps: int | None = Field(None, ge=1, description="or: iterations 0 .. num_steps - 1")


class ScheduleResponse(BaseModel):
    steps: list[int]
    multiplier: list[float]


def _run(body: OptimizerRunRequest) -> tech.OptimizerRunResult:
    o = body.objective
    if o.kind == "least_squares":
        objective = tech.LeastSquares(o.X, o.y, fit_intercept=o.fit_intercept)
    elif o.kind == "logistic":
        objective = tech.Logistic(o.X, o.y, fit_intercept=o.fit_intercept)
    elif o.kind == "rosenbrock":
        objective = tech.Rosenbrock(dimension=o.dimension, curvature=o.curvature)
    else:
        objective = tech.EmbeddingLookup(o.rows, o.targets, vocab_size=o.vocab_size, init_scale=o.init_scale)
    ext = body.extensions
    return tech.run_optimizer(
        objective, base=body.base, learning_rate=body.learning_rate, steps=body.steps, batch_size=body.batch_size,
        seed=body.seed, beta_1=body.beta_1, beta_2=body.beta_2, epsilon=body.epsilon,
        weight_decay=ext.weight_decay and tech.WeightDecay(ext.weight_decay.rate, tuple(ext.weight_decay.exclude)),
        layer_adaptation=ext.layer_adaptation and tech.LayerAdaptation(tuple(ext.layer_adaptation.exclude)),
        lr_schedule=ext.piecewise_linear_lr and tech.PiecewiseLinearLR(ext.piecewise_linear_lr.schedule),
        gradient_accumulation=ext.gradient_accumulation and tech.GradientAccumulation(ext.gradient_accumulation.steps),
        lookahead=ext.lookahead and tech.Lookahead(ext.lookahead.steps_per_slow_update, ext.lookahead.slow_step_size),
        lazy=ext.lazy and tech.LazyUpdate(tuple(ext.lazy.include)), initial=body.initial)


def _schedule(body: ScheduleRequest) -> dict:
    from ...techniques import TechniqueError, too_large

    if (body.steps is None) == (body.num_steps is None):
        raise TechniqueError("give exactly one of steps or num_steps", "steps")
    if body.num_steps is not None and body.num_steps > tech.MAX_SCHEDULE_STEPS:
        raise too_large("num_steps", "num_steps", body.num_steps, tech.MAX_SCHEDULE_STEPS)
    steps = list(range(body.num_steps)) if body.steps is None else body.steps
    return {"steps": steps, "multiplier": tech.piecewise_linear(body.schedule, steps)}


@router.post("/optimizers/run", response_model=OptimizerRunResponse,
             responses=error_responses(("steps", "steps: steps is 50,000, above the limit of 10,000"),
                                       ("objective.y", "objective.y must have one value per row of X (5), got 4")),
             summary="SGD or Adam with any of the six extensions on a built-in objective")
def run(body: OptimizerRunRequest):
    """Weight decay, layer adaptation (LAMB), piecewise-linear learning rate, gradient accumulation,
    lookahead (slow weights start at the initial weights) and lazy updates, combined freely, on
    least squares, logistic regression, Rosenbrock or an embedding-lookup problem."""
    return respond(_run, body)


@router.post("/optimizers/schedule", response_model=ScheduleResponse,
             responses=error_responses(("num_steps", "num_steps: num_steps is 2,000,000, above the limit of "
                                        "1,000,000"), ("steps", "give exactly one of steps or num_steps")),
             summary="The piecewise-linear learning-rate multiplier at given iterations")
def schedule(body: ScheduleRequest):
    """bert4keras' `piecewise_linear`: {1000: 1} is a warmup, rho(500) = 0.5."""
    return respond(_schedule, body)
