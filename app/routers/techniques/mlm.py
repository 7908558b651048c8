"""POST /v1/mlm/constrained-decode (post 5: MLM reading comprehension, n-gram-constrained answers)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ...techniques import MAX_ID
from ...techniques import mlm as tech
from ._common import Strict, error_responses, make_router, respond
from ...binary import Tensor

router = make_router("mlm")

TokenId = Annotated[int, Field(ge=0, le=MAX_ID)]
# vocabulary 0 [PAD], 1 [SEP] (the end token), 2..9 ordinary tokens
_PROBS_A = [[0.0, 0.05, 0.05, 0.6, 0.1, 0.1, 0.05, 0.05, 0.0, 0.0],
            [0.0, 0.1, 0.0, 0.05, 0.7, 0.1, 0.05, 0.0, 0.0, 0.0],
            [0.0, 0.8, 0.0, 0.0, 0.0, 0.1, 0.1, 0.0, 0.0, 0.0]]
_PROBS_B = [[0.0, 0.1, 0.0, 0.5, 0.1, 0.1, 0.1, 0.1, 0.0, 0.0],
            [0.0, 0.2, 0.0, 0.0, 0.6, 0.1, 0.1, 0.0, 0.0, 0.0],
            [0.0, 0.7, 0.0, 0.0, 0.0, 0.2, 0.1, 0.0, 0.0, 0.0]]


class ConstrainedDecodeRequest(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"passages": [[2, 3, 4, 5, 1], [6, 3, 4, 7, 1]], "probs": [_PROBS_A, _PROBS_B], "end_id": 1},
        {"passages": [[2, 3, 4, 5, 1]], "topk_ids": [[[3, 4, 1], [4, 1, 5], [1, 5, 6]]],
         "topk_probs": [[[0.6, 0.1, 0.05], [0.7, 0.1, 0.1], [0.8, 0.1, 0.1]]], "end_id": 1},
    ]})

    passages: list[list[TokenId]] = Field(..., min_length=1, description=f"token ids of each passage (at most "
                                          f"{tech.MAX_PASSAGES} passages of {tech.MAX_PASSAGE_TOKENS:,} tokens)")
    probs: Tensor(list[list[list[float]]], "iuf", 3) | None = Field(
        None, description="per passage: [answer slots, vocabulary] probabilities in [0, 1] "
        f"(at most {tech.MAX_ANSWER_SLOTS} slots, {tech.MAX_PROB_VALUES:,} values in all)")
    topk_ids: Tensor(list[list[list[TokenId]]], "iu", 3) | None = Field(
        None, description="per passage: [slots, k] distinct token ids "
                                                       f"(k <= {tech.MAX_TOP_K}); other tokens have probability 0")
    topk_probs: Tensor(list[list[list[float]]], "iuf", 3) | None = Field(
        None, description="per passage: [slots, k] probabilities")
    end_id: TokenId = Field(..., description="the end token ([SEP] in the post)")


class PassageAnswerModel(BaseModel):
    passage: int
    answer: list[int] = Field(..., description="token ids, without the end token")
    score: float = Field(..., description="mean of the chosen probabilities (the end token's included)")
    probabilities: list[float]
    stopped_by_end: bool


class AggregatedAnswerModel(BaseModel):
    answer: list[int]
    score: float = Field(..., description="sum s^2 / (sum s + 1) over the passages giving this answer")
    passages: list[int]
    scores: list[float]


class ConstrainedDecodeResponse(BaseModel):
    per_passage: list[PassageAnswerModel]
    answers: list[AggregatedAnswerModel] = Field(..., description="distinct non-empty answers, best first")
    best: AggregatedAnswerModel | None


@router.post("/mlm/constrained-decode", response_model=ConstrainedDecodeResponse,
             responses=error_responses(("probs", "probs: the number of values is 6,000,000, above the limit of "
                                        "5,000,000"), ("passages.0", "passage 0 has token 12 outside the "
                                                       "vocabulary of 10")),
             summary="Answer decoding constrained to n-grams of the passage, aggregated over passages")
def constrained_decode(body: ConstrainedDecodeRequest):
    """Model-agnostic: the probabilities come from the client's own masked LM. Each step allows
    the tokens that extend the answer to a contiguous n-gram of the passage, plus the end token."""
    return respond(tech.constrained_decode, body.passages, end_id=body.end_id, probs=body.probs,
                   topk_ids=body.topk_ids, topk_probs=body.topk_probs)
