"""POST /v1/attention/sparse (post 2: atrous, local and sparse self-attention)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ...techniques import attention as tech
from ._common import Strict, error_responses, make_router, respond
from ...binary import Tensor

router = make_router("attention")

Tensor3 = list[list[float]] | list[list[list[float]]]
InTensor = Tensor(Tensor3, "iuf", (2, 3))


class SparseAttentionRequest(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "q": [[0.2, 0.1], [0.0, 0.9], [0.7, 0.3], [0.5, 0.5], [0.1, 0.8], [0.9, 0.0]],
        "k": [[0.1, 0.3], [0.8, 0.1], [0.4, 0.4], [0.0, 1.0], [0.6, 0.2], [0.3, 0.7]],
        "v": [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 0.0], [0.0, 2.0], [1.0, 2.0]],
        "mode": "sparse", "rate": 2, "window": 1, "causal": True, "return_weights": True, "return_mask": True,
    }]})

    q: InTensor = Field(..., description=f"queries [n, d] or [heads, n, d]; n <= {tech.MAX_SEQUENCE:,}, heads <= "
                      f"{tech.MAX_HEADS}, at most {tech.MAX_TENSOR_VALUES:,} values")
    k: InTensor = Field(..., description="keys, the shape of q")
    v: InTensor = Field(..., description="values [n, d_v] or [heads, n, d_v]")
    mode: Literal["full", "atrous", "local", "sparse"] = Field(
        ..., description="full: every key; atrous: (i - j) mod rate = 0; local: |i - j| <= window; "
        "sparse: |i - j| <= window or (i - j) mod rate = 0, one softmax over the union")
    rate: int | None = Field(None, ge=1, description="atrous and sparse (required there)")
    window: int | None = Field(None, ge=0, description="local (required) and sparse (default: rate)")
    causal: bool = Field(False, description="keys j <= i only")
    return_weights: bool = Field(False, description=f"dense attention weights (n <= {tech.MAX_WEIGHTS_N})")
    return_mask: bool = Field(False, description=f"allowed keys as CSR index lists (<= {tech.MAX_MASK_PAIRS:,} "
                              "pairs)")


class MaskCSR(BaseModel):
    indptr: list[int] = Field(..., description="[n + 1]: query i's keys are indices[indptr[i]:indptr[i+1]]")
    indices: list[int]


class SparseAttentionResponse(BaseModel):
    output: Tensor3 = Field(..., description="[n, d_v] or [heads, n, d_v]")
    mode: str
    rate: int | None
    window: int | None
    causal: bool
    n: int
    heads: int
    pairs_computed: int = Field(..., description="allowed (query, key) pairs per head")
    pairs_full: int = Field(..., description="n^2")
    max_keys_per_query: int
    density: float = Field(..., description="pairs_computed / pairs_full")
    weights: Tensor3 | None = Field(..., description="[n, n] or [heads, n, n] when asked for")
    mask: MaskCSR | None


@router.post("/attention/sparse", response_model=SparseAttentionResponse,
             responses=error_responses(("q", "q: the sequence length n is 20,000, above the limit of 16,384"),
                                       ("rate", "mode atrous needs rate >= 1 (keys with (i - j) mod rate = 0), "
                                        "got None")),
             summary="Scaled dot-product attention over atrous, local, sparse or full masks")
def sparse_attention(body: SparseAttentionRequest):
    """softmax(q k^T / sqrt(d)) v over the keys the mode allows. Atrous, local and sparse modes
    gather only the allowed keys (memory O(n x keys per query), never n x n); the softmax
    subtracts each row's maximum."""
    return respond(tech.sparse_attention, body.q, body.k, body.v, mode=body.mode, rate=body.rate,
                   window=body.window, causal=body.causal, return_weights=body.return_weights,
                   return_mask=body.return_mask)
