"""POST /v1/reuse/tied-logits (post 6: the embedding matrix reused as the output layer)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ...techniques import tied as tech
from ._common import Strict, error_responses, make_router, respond
from ...binary import Tensor

router = make_router("reuse")


class TiedLogitsRequest(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "embeddings": [[0.9, 0.1, 0.0], [0.1, 0.8, 0.2], [0.0, 0.3, 0.9], [-0.5, 0.2, 0.1], [0.4, 0.4, 0.4]],
        "hidden": [[1.2, 0.3, -0.1], [0.0, 0.5, 1.5]],
        "bias": [0.0, 0.1, -0.1, 0.0, 0.2], "activation": "softmax", "top_k": 3,
    }]})

    embeddings: Tensor(list[list[float]], "iuf", 2, max_values=tech.MAX_EMBEDDING_VALUES) = Field(
        ..., description=f"E [V, d], the input embedding (V <= {tech.MAX_VOCAB:,}, at most "
                         f"{tech.MAX_EMBEDDING_VALUES:,} values; float32 is computed in float32)")
    hidden: Tensor(list[list[float]] | list[float], "iuf", (1, 2), max_values=tech.MAX_HIDDEN_VALUES) = Field(
        ..., description=f"H [n, d] (n <= {tech.MAX_HIDDEN}, at most {tech.MAX_HIDDEN_VALUES:,} values) or one "
                         "vector [d]")
    bias: Tensor(list[float], "iuf", 1) | None = Field(None, description="b [V]")
    activation: Literal["softmax", "log_softmax", "sigmoid", "linear"] = "softmax"
    top_k: int = Field(5, ge=1, description=f"ids per row (at most {tech.MAX_TOP_K}; clipped to V)")
    return_full: bool = Field(False, description=f"the whole [n, V] activation (n x V <= {tech.MAX_FULL_VALUES:,})")


class TiedLogitsResponse(BaseModel):
    top_ids: list[list[int]] = Field(..., description="[n, k], largest logit first")
    top_values: list[list[float]] = Field(..., description="the activation at those ids")
    top_logits: list[list[float]]
    log_normalizer: list[float] = Field(..., description="log sum_v exp(logit_v) per row")
    activation: str
    full: list[list[float]] | None


@router.post("/reuse/tied-logits", response_model=TiedLogitsResponse,
             responses=error_responses(("hidden", "hidden: n x V x d is 3,000,000,000, above the limit of "
                                        "2,000,000,000"), ("hidden", "hidden must have d = 3 columns like "
                                                           "embeddings, got 4")),
             summary="act(H E^T + b) with the embedding as output weights: top-k ids, blocked over V")
def tied_logits(body: TiedLogitsRequest):
    """The vocabulary is processed in blocks with a running log-sum-exp and top-k merge, so memory
    stays O(n x block), never n x V."""
    return respond(tech.tied_logits, body.embeddings, body.hidden, bias=body.bias, activation=body.activation,
                   top_k=body.top_k, return_full=body.return_full)
