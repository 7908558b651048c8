"""POST /v1/stats/variance and POST /v1/stats/bias-simulation (post 1: biased vs unbiased variance)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ...techniques import variance as tech
from ._common import Strict, error_responses, make_router, respond
from ...binary import Tensor

router = make_router("stats")


class VarianceRequest(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"samples": [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]},
        {"samples": [[1.0, 2.0], [3.0, 5.0], [4.0, 9.0]], "axis": 0},
    ]})

    samples: Tensor(list[float] | list[list[float]], "iuf", (1, 2)) = Field(
        ..., description=f"1-D samples, or a 2-D array (at most {tech.MAX_SAMPLES:,} finite numbers)")
    axis: int | None = Field(None, ge=-2, le=1, description="null: all values pooled; for 2-D input 0 gives one "
                             "estimate per column, 1 one per row (numpy's convention)")


class VarianceResponse(BaseModel):
    n: int = Field(..., description="values per estimate")
    mean: float | list[float]
    variance_biased: float | list[float] = Field(..., description="sum (x - mean)^2 / n")
    variance_unbiased: float | list[float] | None = Field(..., description="sum (x - mean)^2 / (n - 1); null for n = 1")
    std_biased: float | list[float]
    std_unbiased: float | list[float] | None
    ratio: float = Field(..., description="(n - 1) / n: E[biased] = ratio x sigma^2")
    correction: float | None = Field(..., description="n / (n - 1); null for n = 1")
    note: str | None


class BiasSimulationRequest(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"distribution": "normal", "params": {"mean": 0.0, "std": 2.0}, "n": 2, "repetitions": 100000, "seed": 1},
        {"distribution": "bernoulli", "params": {"p": 0.3}, "n": 5, "repetitions": 20000, "seed": 7},
    ]})

    distribution: Literal["normal", "uniform", "exponential", "bernoulli", "poisson"]
    params: dict[str, float] = Field(..., description="normal: mean, std > 0; uniform: low < high; exponential: "
                                     "scale > 0; bernoulli: 0 < p < 1; poisson: 0 < lam <= 1e12")
    n: int = Field(..., ge=1, description="sample size")
    repetitions: int = Field(10_000, ge=2, description=f"samples drawn; n x repetitions <= {tech.MAX_DRAWS:,} (413)")
    seed: int = Field(0, ge=0, le=2**63 - 1)


class BiasSimulationResponse(BaseModel):
    distribution: str
    params: dict[str, float]
    n: int
    repetitions: int
    seed: int | None
    true_variance: float
    ratio: float = Field(..., description="the expected E[biased] / sigma^2 = (n - 1) / n")
    expected_biased: float
    mean_biased: float = Field(..., description="Monte-Carlo mean of the 1/n estimator")
    stderr_biased: float
    observed_ratio: float = Field(..., description="mean_biased / true_variance")
    stderr_ratio: float
    mean_unbiased: float | None = Field(..., description="Monte-Carlo mean of the 1/(n-1) estimator; null for n = 1")
    stderr_unbiased: float | None


@router.post("/stats/variance", response_model=VarianceResponse,
             responses=error_responses(("samples", "samples: the number of values is 20,000,000, above the limit "
                                        "of 10,000,000"), ("axis", "axis must be in [-1, 0] for 1-D samples, got 1")),
             summary="Mean, biased (1/n) and unbiased (1/(n-1)) variance and standard deviation")
def variance(body: VarianceRequest):
    """Both variance estimators of post 1 and the bias factor (n - 1)/n. With n = 1 the biased
    variance is 0 and the unbiased one is null (undefined), with a note."""
    return respond(tech.variance, body.samples, axis=body.axis)


@router.post("/stats/bias-simulation", response_model=BiasSimulationResponse,
             responses=error_responses(("repetitions", "repetitions: n x repetitions is 20,000,000, above the limit "
                                        "of 10,000,000"), ("params.std", "normal: std must be > 0, got 0.0")),
             summary="Monte-Carlo mean of both variance estimators against the true variance")
def bias_simulation(body: BiasSimulationRequest):
    """Draw `repetitions` samples of size `n`; the mean of the 1/n estimator is (n - 1)/n of the
    true variance (0.5 for n = 2), shown with its standard error."""
    return respond(tech.bias_simulation, body.distribution, body.params, n=body.n, repetitions=body.repetitions,
                   seed=body.seed)
