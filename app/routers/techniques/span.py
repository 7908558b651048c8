"""POST /v1/span/pointer-decode (post 4: span pointers of the BERT event-subject extractor)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ...techniques import span as tech
from ._common import Strict, error_responses, make_router, respond
from ...binary import Tensor

router = make_router("span")


class PointerDecodeRequest(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "start_logits": [-1.2, 3.1, 0.4, -0.5, 2.2, 0.1, -3.0, -3.0],
        "end_logits": [-2.0, 0.3, 1.1, 2.9, 0.2, 2.4, -3.0, -3.0],
        "mask": [True, True, True, True, True, True, False, False],
        "max_len": 4, "banned_starts": [4],
    }]})

    start_logits: Tensor(list[float], "iuf", 1) = Field(
        ..., description=f"[n] start logits (n <= {tech.MAX_POSITIONS:,})")
    end_logits: Tensor(list[float], "iuf", 1) = Field(..., description="[n] end logits")
    mask: Tensor(list[bool], "b", 1) | None = Field(None, description="[n], false for padding (never chosen)")
    max_len: int = Field(30, ge=1, description="longest answer L in positions: i <= j < i + L")
    banned_starts: Tensor(list[Annotated[int, Field(ge=0)]], "iu", 1) | None = Field(
        None, description="positions never chosen as starts (the post's punctuation; in the post's rule they "
        "also end the search for the end)")


class SpanModel(BaseModel):
    start: int
    end: int = Field(..., description="inclusive")
    length: int
    score: float = Field(..., description="start_logit + end_logit")
    start_probability: float
    end_probability: float
    probability: float = Field(..., description="softmax(start)_i x softmax(end)_j")
    normalized_probability: float | None = Field(..., description="probability / the total over the spans the "
                                                 "joint rule may choose")


class PointerDecodeResponse(BaseModel):
    post_rule: SpanModel = Field(..., description="argmax start (banned penalised by 10), then argmax end up to the "
                                 "first banned position or max_len")
    joint: SpanModel | None = Field(..., description="argmax over i <= j < i + max_len of s_i + e_j; null when every "
                                    "start is banned")
    max_len: int = Field(..., description="max_len used (at most n)")


@router.post("/span/pointer-decode", response_model=PointerDecodeResponse,
             responses=error_responses(("start_logits", "start_logits: the number of values is 2,000,000, above "
                                        "the limit of 1,000,000"),
                                       ("end_logits", "end_logits must have 8 values like start_logits, got 7")),
             summary="Best answer span from start/end logits (the post's rule and the joint rule)")
def pointer_decode(body: PointerDecodeRequest):
    """Model-agnostic: the logits come from the client's own span-extraction model."""
    return respond(tech.pointer_decode, body.start_logits, body.end_logits, mask=body.mask, max_len=body.max_len,
                   banned_starts=body.banned_starts)
