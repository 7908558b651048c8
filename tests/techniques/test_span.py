"""Pointer span decoding against brute-force enumeration of spans and a literal port of the post's loop."""

import numpy as np
import pytest

from app.techniques import TechniqueError
from app.techniques.span import MAX_POSITIONS, pointer_decode, window_argmax


def softmax(x, mask):
    z = np.where(mask, x, -np.inf)
    e = np.exp(z - z.max())
    return e / e.sum()


def brute_force_joint(s, e, mask, L, banned):
    """Every span i <= j < i + L in order; strict > keeps the earliest start, then end."""
    best = None
    for i in range(len(s)):
        for j in range(i, min(len(s), i + L)):
            if mask[i] and mask[j] and i not in banned and (best is None or s[i] + e[j] > best[0]):
                best = (s[i] + e[j], i, j)
    return best


def brute_force_mass(ps, pe, mask, L, banned):
    return sum(ps[i] * pe[j] for i in range(len(ps)) for j in range(i, min(len(ps), i + L))
               if mask[i] and mask[j] and i not in banned)


def post_rule_loop(s, e, mask, L, banned):
    """subject_extract.py: penalise punctuation starts by 10, argmax start, scan to the first punctuation."""
    ps1, ps2 = softmax(s, mask), softmax(e, mask)
    for i in banned:
        ps1[i] -= 10
    start = int(np.argmax(np.where(mask, ps1, -np.inf)))
    for end in range(start, len(s)):
        if end in banned:
            break
    end = min(end, start + L - 1)
    window = np.where(mask[start:end + 1], ps2[start:end + 1], -np.inf)
    return start, start + int(np.argmax(window))


def random_case(rng):
    n = int(rng.integers(1, 16))
    s, e = rng.normal(size=(2, n)) * 2
    mask = rng.random(n) > 0.25
    mask[rng.integers(n)] = True
    banned = set(rng.choice(n, size=int(rng.integers(0, min(n, 4) + 1)), replace=False).tolist())
    return s, e, mask, int(rng.integers(1, 8)), banned


def test_joint_rule_equals_brute_force_enumeration():
    rng = np.random.default_rng(5)
    for _ in range(300):
        s, e, mask, L, banned = random_case(rng)
        r = pointer_decode(s, e, mask=mask.tolist(), max_len=L, banned_starts=sorted(banned))
        ref = brute_force_joint(s, e, mask, L, banned)
        if ref is None:
            assert r.joint is None
            continue
        assert (r.joint.start, r.joint.end) == (ref[1], ref[2])
        assert r.joint.score == pytest.approx(ref[0], abs=1e-12)
        ps, pe = softmax(s, mask), softmax(e, mask)
        assert r.joint.probability == pytest.approx(ps[ref[1]] * pe[ref[2]], rel=1e-12)
        mass = brute_force_mass(ps, pe, mask, L, banned)
        assert r.joint.normalized_probability == pytest.approx(ps[ref[1]] * pe[ref[2]] / mass, rel=1e-10)
        # the joint rule is the most probable allowed span
        assert r.joint.probability >= r.post_rule.probability - 1e-15 or r.post_rule.start in banned


def test_post_rule_equals_the_posts_loop():
    rng = np.random.default_rng(6)
    for _ in range(300):
        s, e, mask, L, banned = random_case(rng)
        r = pointer_decode(s, e, mask=mask.tolist(), max_len=L, banned_starts=sorted(banned))
        assert (r.post_rule.start, r.post_rule.end) == post_rule_loop(s, e, mask, L, banned)
        assert r.post_rule.start <= r.post_rule.end < r.post_rule.start + L


def test_worked_example():
    s = [0.0, 3.0, 0.0, 0.0, 2.9, 0.0]
    e = [0.0, 0.0, 1.0, 0.0, 0.0, 5.0]
    # post rule: start 1, end scan stops at the banned position 3 (included): argmax of e over [1, 3] is 2
    r = pointer_decode(s, e, max_len=10, banned_starts=[3])
    assert (r.post_rule.start, r.post_rule.end) == (1, 2)
    # joint rule: 3.0 + 5.0 over span (1, 5) beats 2.9 + 5.0
    assert (r.joint.start, r.joint.end, r.joint.score) == (1, 5, 8.0)
    # max_len 3 forbids (1, 5); (4, 5) wins with 7.9
    r = pointer_decode(s, e, max_len=3, banned_starts=[3])
    assert (r.joint.start, r.joint.end) == (4, 5) and r.joint.length == 2
    # banning 4 too: (5, 5) with 0.0 + 5.0 beats (1, 2) with 3.0 + 1.0
    r = pointer_decode(s, e, max_len=3, banned_starts=[3, 4])
    assert (r.joint.start, r.joint.end, r.joint.score) == (5, 5, 5.0)
    # masking position 5 as padding leaves (1, 2)
    r = pointer_decode(s, e, mask=[True] * 5 + [False], max_len=3, banned_starts=[3, 4])
    assert (r.joint.start, r.joint.end, r.joint.score) == (1, 2, 4.0)
    assert r.joint.end_probability == pytest.approx(np.e / (4 + np.e))


def test_everything_banned_gives_no_joint_span_but_a_post_rule_span():
    r = pointer_decode([1.0, 2.0], [0.0, 1.0], banned_starts=[0, 1])
    assert r.joint is None and (r.post_rule.start, r.post_rule.end) == (1, 1)
    assert r.post_rule.normalized_probability is None


def test_window_argmax_equals_brute_force():
    rng = np.random.default_rng(7)
    for n in range(1, 40):
        x = rng.integers(0, 5, n).astype(float)     # many ties: the earliest index wins
        for length in range(1, n + 3):
            ref = [i + int(np.argmax(x[i:i + length])) for i in range(n)]
            assert window_argmax(x, length).tolist() == ref


@pytest.mark.parametrize("kwargs,field,status", [
    ({"start_logits": [1.0, 2.0], "end_logits": [1.0]}, "end_logits", 422),
    ({"start_logits": [1.0, float("nan")], "end_logits": [1.0, 2.0]}, "start_logits", 422),
    ({"start_logits": [[1.0]], "end_logits": [[1.0]]}, "start_logits", 422),
    ({"start_logits": [], "end_logits": []}, "start_logits", 422),
    ({"start_logits": [1.0, 2.0], "end_logits": [1.0, 2.0], "mask": [False, False]}, "mask", 422),
    ({"start_logits": [1.0, 2.0], "end_logits": [1.0, 2.0], "mask": [True]}, "mask", 422),
    ({"start_logits": [1.0, 2.0], "end_logits": [1.0, 2.0], "max_len": 0}, "max_len", 422),
    ({"start_logits": [1.0, 2.0], "end_logits": [1.0, 2.0], "banned_starts": [2]}, "banned_starts", 422),
    ({"start_logits": [1.0, 2.0], "end_logits": [1.0, 2.0], "banned_starts": [-1]}, "banned_starts", 422),
    ({"start_logits": np.zeros(MAX_POSITIONS + 1), "end_logits": np.zeros(MAX_POSITIONS + 1)}, "start_logits", 413),
])
def test_rejects(kwargs, field, status):
    kwargs = dict(kwargs)
    with pytest.raises(TechniqueError) as err:
        pointer_decode(kwargs.pop("start_logits"), kwargs.pop("end_logits"), **kwargs)
    assert (err.value.field, err.value.status) == (field, status)
