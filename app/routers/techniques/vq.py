"""POST /v1/vq/quantize and POST /v1/vq/fit-codebook (post 8: VQ-VAE's vector quantization)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ...techniques import vq as tech
from ._common import Strict, error_responses, make_router, respond
from ...binary import Tensor

router = make_router("vq")

_Z = [[0.1, 0.9], [0.2, 1.1], [1.0, 0.1], [0.9, -0.1], [-1.0, -1.1], [-0.8, -0.9]]


class QuantizeRequest(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "z": _Z, "codebook": [[0.0, 1.0], [1.0, 0.0], [-1.0, -1.0], [3.0, 3.0]], "beta": 1.0, "gamma": 0.25}]})

    z: Tensor(list[list[float]], "iuf", 2) = Field(
        ..., description=f"[N, d] encoder outputs (N <= {tech.MAX_VECTORS:,}, at most {tech.MAX_VALUES:,} values)")
    codebook: Tensor(list[list[float]], "iuf", 2) = Field(..., description=f"[K, d] codes (K <= {tech.MAX_CODES:,})")
    beta: float = Field(1.0, ge=0, le=1e6, description="weight of the codebook loss ||sg[z] - z_q||^2 (the post's "
                        "naming)")
    gamma: float = Field(0.25, ge=0, le=1e6, description="weight of the commitment loss ||z - sg[z_q]||^2")


class QuantizeResponse(BaseModel):
    codes: list[int]
    quantized: list[list[float]] = Field(..., description="z_q [N, d]")
    distances: list[float] = Field(..., description="||z - z_q||^2 per vector")
    mse: float = Field(..., description="mean over N x d of (z - z_q)^2")
    codebook_loss: float
    commitment_loss: float
    loss: float = Field(..., description="codebook_loss + commitment_loss")
    usage: list[int] = Field(..., description="vectors per code")
    perplexity: float = Field(..., description="exp(entropy of the code frequencies)")
    dead_codes: int


class FitCodebookRequest(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"z": _Z, "num_codes": 3, "mode": "kmeans", "iterations": 10, "seed": 0},
        {"z": _Z, "num_codes": 3, "mode": "ema", "decay": 0.9, "iterations": 50, "seed": 0},
    ]})

    z: Tensor(list[list[float]], "iuf", 2) = Field(..., description="[N, d]")
    num_codes: int = Field(..., ge=1, description=f"K, at most N and {tech.MAX_CODES:,}")
    mode: Literal["kmeans", "ema"] = "kmeans"
    iterations: int = Field(20, ge=1, description=f"at most {tech.MAX_ITERATIONS:,}")
    decay: float = Field(0.99, ge=0, lt=1, description="lambda of the EMA updates")
    init: Literal["kmeans++", "random"] = Field("kmeans++", description="initial codes: k-means++ seeding or K "
                                                "distinct vectors drawn uniformly")
    batch_size: int | None = Field(None, ge=1, description="ema: vectors per iteration (null: all)")
    seed: int = Field(0, ge=0, le=2**63 - 1)
    beta: float = Field(1.0, ge=0, le=1e6)
    gamma: float = Field(0.25, ge=0, le=1e6)


class FitCodebookResponse(QuantizeResponse):
    codebook: list[list[float]] = Field(..., description="[K, d]")
    distortion_history: list[float] = Field(..., description="mean ||z - z_q||^2 before each iteration's update")
    mode: str
    iterations: int


@router.post("/vq/quantize", response_model=QuantizeResponse,
             responses=error_responses(("z", "z: the number of values is 5,000,000, above the limit of 4,000,000"),
                                       ("codebook", "codebook must have d = 2 columns like z, got 3")),
             summary="Nearest codes, quantized vectors, codebook and commitment losses, usage and perplexity")
def quantize(body: QuantizeRequest):
    """The exactly nearest code of every vector (lowest index on ties), at any offset: ||z||^2 + ||e||^2 - 2 z.e
    on centred data shortlists the codes, differences rank them (memory O(block x K))."""
    return respond(tech.quantize, body.z, body.codebook, beta=body.beta, gamma=body.gamma)


@router.post("/vq/fit-codebook", response_model=FitCodebookResponse,
             responses=error_responses(("iterations", "iterations: iterations is 5,000, above the limit of 1,000"),
                                       ("num_codes", "num_codes must be at most the number of vectors (6), got 8")),
             summary="Fit a codebook by k-means or EMA updates, with the statistics of quantizing z")
def fit_codebook(body: FitCodebookRequest):
    """k-means (Lloyd) or the VQ-VAE paper's EMA updates, from K distinct vectors of z chosen by
    k-means++ seeding (or uniformly) with the seed."""
    return respond(tech.fit_codebook, body.z, body.num_codes, mode=body.mode, iterations=body.iterations,
                   decay=body.decay, init=body.init, batch_size=body.batch_size, seed=body.seed, beta=body.beta,
                   gamma=body.gamma)
