r"""MLM reading-comprehension answers decoded under the passage n-gram constraint (post 5, kexue.fm/archives/7148).

The model (``[CLS] [MASK]*L [SEP] question [SEP] passage [SEP]``) stays with the client; it
sends the probabilities :math:`p_t(x)` of each answer slot :math:`t`. Decoding per passage, as
in ``task_reading_comprehension_by_mlm.py``:

* at step :math:`t` the allowed tokens are the :math:`x` for which ``prefix + (x,)`` is a
  contiguous n-gram of the passage, plus the end token; step 0 allows every passage token;
* the most probable allowed token is chosen; decoding stops at the end token or after the
  last slot; the answer's score is the mean of the chosen probabilities (the end token's
  included when it was chosen), i.e. the code's ``score / (i + 1)``.

Over several passages each distinct non-empty answer gets
:math:`\sum_k s_k^2 / (\sum_k s_k + 1)` over the passages that produced it; empty answers
(the end token first) are left out, as in the code. Ties: the end token wins, then the
smaller token id (the code's ``argmax`` also prefers the smaller id).

Probabilities come dense (``[passages, slots, vocabulary]``) or as top-k lists
(``topk_ids``/``topk_probs`` ``[passages, slots, k]``), where tokens outside the top k have
probability 0. The allowed set of a step is the next token of every passage occurrence of
the prefix: those occurrences are kept as an array of start positions and narrowed each
step (vectorised; the loop runs over answer slots only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np
import numpy.typing as npt

from . import TechniqueError, as_float_array, as_index_array, too_large

#: Largest number of passages.
MAX_PASSAGES = 64
#: Largest number of tokens per passage.
MAX_PASSAGE_TOKENS = 100_000
#: Largest number of answer slots (the post uses 32).
MAX_ANSWER_SLOTS = 512
#: Largest number of probability values (dense: passages x slots x vocabulary).
MAX_PROB_VALUES = 5_000_000
#: Largest k of the top-k form.
MAX_TOP_K = 1000
#: Tolerance of the [0, 1] check on probabilities.
_PROB_TOL = 1e-9


@dataclass(frozen=True)
class PassageAnswer:
    passage: int
    answer: list[int]
    score: float
    probabilities: list[float]
    stopped_by_end: bool

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class AggregatedAnswer:
    answer: list[int]
    score: float
    passages: list[int]
    scores: list[float]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ConstrainedDecodeResult:
    per_passage: list[PassageAnswer]
    answers: list[AggregatedAnswer] = field(default_factory=list)

    @property
    def best(self) -> AggregatedAnswer | None:
        return self.answers[0] if self.answers else None

    def to_dict(self) -> dict[str, Any]:
        return {"per_passage": [a.to_dict() for a in self.per_passage],
                "answers": [a.to_dict() for a in self.answers],
                "best": None if self.best is None else self.best.to_dict()}


class _Dense:
    def __init__(self, probs: npt.NDArray[np.float64]):
        self.probs = probs                  # [P, L, V]
        self.slots = probs.shape[1]

    def lookup(self, p: int, t: int, tokens: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        return self.probs[p, t, tokens]


class _TopK:
    def __init__(self, ids: npt.NDArray[np.int64], vals: npt.NDArray[np.float64]):
        order = np.argsort(ids, axis=-1, kind="stable")
        self.ids = np.take_along_axis(ids, order, axis=-1)      # [P, L, k], sorted per slot
        self.vals = np.take_along_axis(vals, order, axis=-1)
        self.slots = ids.shape[1]

    def lookup(self, p: int, t: int, tokens: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        ids, vals = self.ids[p, t], self.vals[p, t]
        pos = np.minimum(np.searchsorted(ids, tokens), ids.shape[0] - 1)
        return np.where(ids[pos] == tokens, vals[pos], 0.0)


def decode_passage(passage: npt.NDArray[np.int64], probs: _Dense | _TopK, p: int, end_id: int) -> PassageAnswer:
    """Greedy decoding of passage ``p`` under the n-gram constraint."""
    starts = np.arange(passage.shape[0])          # occurrences of the (empty) prefix
    answer: list[int] = []
    chosen: list[float] = []
    stopped = False
    for t in range(probs.slots):
        nxt = starts + t
        nxt = nxt[nxt < passage.shape[0]]
        allowed = np.unique(passage[nxt])
        candidates = np.concatenate([[end_id], allowed[allowed != end_id]])   # end first: wins ties
        values = probs.lookup(p, t, candidates)
        k = int(np.argmax(values))
        pick = int(candidates[k])
        chosen.append(float(values[k]))
        if pick == end_id:
            stopped = True
            break
        answer.append(pick)
        starts = starts[(starts + t < passage.shape[0])]
        starts = starts[passage[starts + t] == pick]
    return PassageAnswer(passage=p, answer=answer, score=float(np.mean(chosen)), probabilities=chosen,
                         stopped_by_end=stopped)


def aggregate(answers: Sequence[PassageAnswer]) -> list[AggregatedAnswer]:
    r"""Group equal non-empty answers; score :math:`\sum s^2/(\sum s+1)`; best first (stable)."""
    groups: dict[tuple[int, ...], list[PassageAnswer]] = {}
    for a in answers:
        if a.answer:
            groups.setdefault(tuple(a.answer), []).append(a)
    out = []
    for key, items in groups.items():
        s = np.array([a.score for a in items])
        out.append(AggregatedAnswer(list(key), float(np.sum(s * s) / (np.sum(s) + 1.0)),
                                    [a.passage for a in items], s.tolist()))
    return sorted(out, key=lambda a: -a.score)


def constrained_decode(passages: Sequence[Sequence[int]], *, end_id: int, probs: Any = None,
                       topk_ids: Any = None, topk_probs: Any = None) -> ConstrainedDecodeResult:
    """Decode every passage and aggregate the answers.

    Parameters
    ----------
    passages : list of token-id lists
        One per model input (at most ``MAX_PASSAGES``, each non-empty, at most
        ``MAX_PASSAGE_TOKENS``); ids in ``[0, 2^31)``.
    end_id : int
        The end token ([SEP] in the post).
    probs : array_like, [passages, slots, vocabulary], optional
        Probabilities in [0, 1]; every passage token and ``end_id`` must be < vocabulary.
    topk_ids, topk_probs : array_like, [passages, slots, k], optional
        The sparse form (distinct ids per slot); give either ``probs`` or both of these.
    """
    if not isinstance(passages, Sequence) or isinstance(passages, (str, bytes)) or not passages:
        raise TechniqueError("passages must be a non-empty list of token-id lists", "passages")
    if len(passages) > MAX_PASSAGES:
        raise too_large("passages", "the number of passages", len(passages), MAX_PASSAGES)
    if not isinstance(end_id, (int, np.integer)) or end_id < 0:
        raise TechniqueError(f"end_id must be a token id >= 0, got {end_id}", "end_id")
    tokens = [as_index_array(p, f"passages.{k}", max_values=MAX_PASSAGE_TOKENS) for k, p in enumerate(passages)]
    n_pass = len(tokens)
    if probs is not None:
        if topk_ids is not None or topk_probs is not None:
            raise TechniqueError("give either probs or topk_ids + topk_probs, not both", "probs")
        dense = as_float_array(probs, "probs", ndim=3, max_values=MAX_PROB_VALUES, low=-_PROB_TOL,
                               high=1 + _PROB_TOL)
        n_p, slots, vocab = dense.shape
        if n_p != n_pass:
            raise TechniqueError(f"probs must have one [slots, vocabulary] block per passage ({n_pass}), got {n_p}",
                                 "probs")
        if slots > MAX_ANSWER_SLOTS:
            raise too_large("probs", "the number of answer slots", slots, MAX_ANSWER_SLOTS)
        if end_id >= vocab:
            raise TechniqueError(f"end_id must be < the vocabulary size {vocab}, got {end_id}", "end_id")
        for k, t in enumerate(tokens):
            if t.max() >= vocab:
                raise TechniqueError(f"passage {k} has token {int(t.max())} outside the vocabulary of {vocab}",
                                     f"passages.{k}")
        table: _Dense | _TopK = _Dense(dense)
    else:
        if topk_ids is None or topk_probs is None:
            raise TechniqueError("give probs [passages, slots, vocabulary] or topk_ids + topk_probs "
                                 "[passages, slots, k]", "probs" if topk_ids is None and topk_probs is None
                                 else ("topk_ids" if topk_ids is None else "topk_probs"))
        ids = as_index_array(topk_ids, "topk_ids", ndim=3, max_values=MAX_PROB_VALUES)
        vals = as_float_array(topk_probs, "topk_probs", ndim=3, max_values=MAX_PROB_VALUES, low=-_PROB_TOL,
                              high=1 + _PROB_TOL)
        if ids.shape != vals.shape:
            raise TechniqueError(f"topk_probs must have the shape of topk_ids {list(ids.shape)}, got "
                                 f"{list(vals.shape)}", "topk_probs")
        if ids.shape[0] != n_pass:
            raise TechniqueError(f"topk_ids must have one [slots, k] block per passage ({n_pass}), got "
                                 f"{ids.shape[0]}", "topk_ids")
        if ids.shape[1] > MAX_ANSWER_SLOTS:
            raise too_large("topk_ids", "the number of answer slots", ids.shape[1], MAX_ANSWER_SLOTS)
        if ids.shape[2] > MAX_TOP_K:
            raise too_large("topk_ids", "k", ids.shape[2], MAX_TOP_K)
        srt = np.sort(ids, axis=-1)
        if np.any(srt[..., 1:] == srt[..., :-1]):
            raise TechniqueError("topk_ids must be distinct within each slot", "topk_ids")
        table = _TopK(ids, vals)
    per_passage = [decode_passage(t, table, k, int(end_id)) for k, t in enumerate(tokens)]
    return ConstrainedDecodeResult(per_passage=per_passage, answers=aggregate(per_passage))
