"""MLM constrained decoding against brute-force n-gram enumeration; the multi-passage aggregation."""

import numpy as np
import pytest

from app.techniques import TechniqueError
from app.techniques.mlm import MAX_ANSWER_SLOTS, MAX_PASSAGES, constrained_decode


def brute_force_decode(passage, probs, end_id):
    """Every contiguous n-gram of the passage enumerated; each step scans the whole vocabulary."""
    ngrams = {tuple(passage[a:b]) for a in range(len(passage)) for b in range(a + 1, len(passage) + 1)}
    prefix, chosen = (), []
    for t in range(len(probs)):
        allowed = [x for x in range(len(probs[t])) if prefix + (x,) in ngrams or x == end_id]
        pick = min(allowed, key=lambda x: (-probs[t][x], x != end_id, x))   # ties: end, then smaller id
        chosen.append(probs[t][pick])
        if pick == end_id:
            return list(prefix), float(np.mean(chosen)), True
        prefix += (pick,)
    return list(prefix), float(np.mean(chosen)), False


def test_equals_brute_force_enumeration():
    rng = np.random.default_rng(7)
    for trial in range(60):
        V, P, L = 9, int(rng.integers(1, 4)), int(rng.integers(1, 6))
        passages = [rng.integers(1, V, int(rng.integers(1, 10))).tolist() for _ in range(P)]
        probs = rng.dirichlet(np.ones(V) * 0.5, size=(P, L))
        if trial % 3 == 0:
            probs = np.round(probs, 1)          # ties
        r = constrained_decode(passages, end_id=0, probs=probs)
        for k, (passage, answer) in enumerate(zip(passages, r.per_passage)):
            ans, score, stopped = brute_force_decode(passage, probs[k].tolist(), 0)
            assert (answer.answer, answer.stopped_by_end) == (ans, stopped)
            assert answer.score == pytest.approx(score, abs=1e-15)
            text = " ".join(map(str, passage))
            assert not ans or f" {' '.join(map(str, ans))} " in f" {text} "     # a contiguous n-gram
        groups = {}
        for a in r.per_passage:
            if a.answer:
                groups.setdefault(tuple(a.answer), []).append(a.score)
        ref = sorted(((sum(x * x for x in v) / (sum(v) + 1), list(k)) for k, v in groups.items()), reverse=True)
        assert [a.answer for a in r.answers] == [k for _, k in ref] or len({round(s, 12) for s, _ in ref}) < len(ref)
        assert [a.score for a in r.answers] == pytest.approx([s for s, _ in ref])


def test_aggregation_by_hand():
    # vocabulary: 0 end, 1..4; both passages give the answer [2, 3]; a third gives [4]
    probs = np.zeros((3, 3, 5))
    probs[0, 0, 2], probs[0, 1, 3], probs[0, 2, 0] = 0.6, 0.8, 0.7      # score 0.7
    probs[1, 0, 2], probs[1, 1, 3], probs[1, 2, 0] = 0.5, 0.6, 0.7      # score 0.6
    probs[2, 0, 4], probs[2, 1, 0] = 0.9, 0.9                           # score 0.9
    r = constrained_decode([[1, 2, 3], [2, 3, 4], [4, 1]], end_id=0, probs=probs)
    assert [a.answer for a in r.per_passage] == [[2, 3], [2, 3], [4]]
    assert [a.score for a in r.per_passage] == pytest.approx([0.7, 0.6, 0.9])
    # sum s^2 / (sum s + 1): one confident passage (0.81 / 1.9 = 0.426) beats two (0.85 / 2.3 = 0.370)
    assert [a.answer for a in r.answers] == [[4], [2, 3]]
    assert r.answers[0].score == pytest.approx(0.81 / 1.9) and r.answers[0].passages == [2]
    assert r.answers[1].score == pytest.approx((0.49 + 0.36) / (1.3 + 1)) and r.answers[1].passages == [0, 1]
    assert r.best == r.answers[0]


def test_constraint_overrides_the_unconstrained_argmax():
    # the model prefers token 5 (not in the passage) and then 3 (not following 2 in the passage)
    probs = np.zeros((1, 3, 6))
    probs[0, 0] = [0.0, 0.1, 0.2, 0.0, 0.0, 0.7]
    probs[0, 1] = [0.1, 0.0, 0.0, 0.6, 0.3, 0.0]
    probs[0, 2] = [0.9, 0.0, 0.0, 0.0, 0.0, 0.1]
    r = constrained_decode([[1, 2, 4, 3]], end_id=0, probs=probs)
    assert r.per_passage[0].answer == [2, 4] and r.per_passage[0].probabilities == [0.2, 0.3, 0.9]


def test_empty_answers_are_left_out_and_slots_can_run_out():
    probs = np.zeros((2, 2, 4))
    probs[0, 0, 0] = 1.0                          # end first: empty answer
    probs[1, :, 2] = 0.5                          # never the end: stops after the last slot
    r = constrained_decode([[1, 2], [2, 2, 2]], end_id=0, probs=probs)
    assert r.per_passage[0].answer == [] and r.per_passage[0].stopped_by_end
    assert r.per_passage[1].answer == [2, 2] and not r.per_passage[1].stopped_by_end
    assert [a.answer for a in r.answers] == [[2, 2]]
    only_empty = constrained_decode([[1, 2]], end_id=0, probs=probs[:1])
    assert only_empty.answers == [] and only_empty.best is None


def test_topk_form_equals_dense_form():
    rng = np.random.default_rng(8)
    V, L, P = 30, 4, 3
    dense = rng.dirichlet(np.ones(V), size=(P, L))
    k = 6
    ids = np.argsort(-dense, axis=2)[:, :, :k]
    vals = np.take_along_axis(dense, ids, axis=2)
    sparse_dense = np.zeros_like(dense)
    np.put_along_axis(sparse_dense, ids, vals, axis=2)       # what the top-k form means: others are 0
    passages = [rng.integers(1, V, 12).tolist() for _ in range(P)]
    a = constrained_decode(passages, end_id=0, probs=sparse_dense)
    order = np.argsort(rng.random(ids.shape), axis=2)                  # the order within a slot is free
    b = constrained_decode(passages, end_id=0, topk_ids=np.take_along_axis(ids, order, axis=2),
                           topk_probs=np.take_along_axis(vals, order, axis=2))
    assert a.to_dict() == b.to_dict()


@pytest.mark.parametrize("kwargs,field,status", [
    ({"passages": []}, "passages", 422),
    ({"passages": [[]]}, "passages.0", 422),
    ({"passages": [[1, -2]]}, "passages.0", 422),
    ({"passages": [[1, 2]], "probs": np.full((2, 1, 4), 0.1)}, "probs", 422),
    ({"passages": [[1, 7]], "probs": np.full((1, 1, 4), 0.1)}, "passages.0", 422),
    ({"passages": [[1, 2]], "probs": np.full((1, 1, 4), 0.1), "end_id": 4}, "end_id", 422),
    ({"passages": [[1, 2]], "probs": np.full((1, 1, 4), 1.5)}, "probs", 422),
    ({"passages": [[1, 2]], "probs": [[[0.1, float("nan"), 0.1, 0.1]]]}, "probs", 422),
    ({"passages": [[1, 2]], "probs": [[0.1, 0.2]]}, "probs", 422),
    ({"passages": [[1, 2]]}, "probs", 422),
    ({"passages": [[1, 2]], "topk_ids": [[[1, 1]]], "topk_probs": [[[0.5, 0.5]]]}, "topk_ids", 422),
    ({"passages": [[1, 2]], "topk_ids": [[[1, 2]]], "topk_probs": [[[0.5]]]}, "topk_probs", 422),
    ({"passages": [[1, 2]], "topk_ids": [[[1]]]}, "topk_probs", 422),
    ({"passages": [[1, 2]], "probs": np.full((1, 1, 4), 0.1), "topk_ids": [[[1]]]}, "probs", 422),
    ({"passages": [[1, 2]], "probs": np.full((1, MAX_ANSWER_SLOTS + 1, 3), 0.1)}, "probs", 413),
    ({"passages": [[1]] * (MAX_PASSAGES + 1)}, "passages", 413),
    ({"passages": [[1, 2]], "probs": np.zeros((1, 100, 60_000))}, "probs", 413),
])
def test_rejects(kwargs, field, status):
    kwargs = {"end_id": 0, **kwargs}
    with pytest.raises(TechniqueError) as err:
        constrained_decode(kwargs.pop("passages"), **kwargs)
    assert (err.value.field, err.value.status) == (field, status)
