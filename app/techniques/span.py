r"""Pointer (span) decoding from start and end logits (post 4, kexue.fm/archives/6736).

A span-extraction head gives a start logit :math:`s_i` and an end logit :math:`e_j` per
position; the model itself stays with the client. Two decoders:

**The post's rule** (``subject_extract.py`` of the CCKS 2019 event-subject code):
:math:`p^s=\mathrm{softmax}(s)`, :math:`p^e=\mathrm{softmax}(e)` over the unmasked positions;
subtract 10 from :math:`p^s` at banned positions (punctuation in the post);
:math:`i=\arg\max p^s`; :math:`j=\arg\max_{i\le t\le \mathrm{stop}} p^e_t` where ``stop`` is the
first banned position at or after :math:`i` (included, as in the code's ``_ps2[start:end+1]``),
capped at :math:`i+L-1` and at the last position.

**The joint rule**: :math:`\arg\max_{i\le j<i+L} s_i+e_j` over unmasked, not banned starts and
unmasked ends, which is the most probable span :math:`p^s_i p^e_j` under the length limit.
It is computed in O(n log L) with a doubling sliding-window argmax (no n x L matrix).

Probabilities: ``probability`` is :math:`p^s_ip^e_j`; ``normalized_probability`` divides it by
the total :math:`\sum p^s_ip^e_j` over the spans the joint rule may choose. Ties go to the
earliest start, then the earliest end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from . import TechniqueError, as_float_array, as_index_array, too_large

#: Largest number of positions.
MAX_POSITIONS = 1_000_000
#: The post subtracts this from the start probability of banned positions.
BANNED_PENALTY = 10.0


@dataclass(frozen=True)
class Span:
    """A decoded span ``[start, end]`` (inclusive positions)."""

    start: int
    end: int
    score: float
    start_probability: float
    end_probability: float
    probability: float
    normalized_probability: float | None

    @property
    def length(self) -> int:
        return self.end - self.start + 1

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "length": self.length}


@dataclass(frozen=True)
class PointerDecodeResult:
    post_rule: Span
    joint: Span | None
    max_len: int

    def to_dict(self) -> dict[str, Any]:
        return {"post_rule": self.post_rule.to_dict(), "joint": None if self.joint is None else self.joint.to_dict(),
                "max_len": self.max_len}


def _masked_softmax(x: npt.NDArray[np.float64], mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]:
    z = np.where(mask, x, -np.inf)
    e = np.exp(z - z.max())
    return e / e.sum()


def window_argmax(x: npt.NDArray[np.float64], length: int) -> npt.NDArray[np.int64]:
    """For every i, the index of the maximum of ``x[i : i + length]`` (earliest on ties).

    Doubling: after round r, ``best[i]`` covers ``x[i : i + 2^r]``; a last overlapping
    combination covers ``length``. O(n log length) time, O(n) memory.
    """
    n = x.shape[0]
    length = max(1, min(int(length), n))
    best = np.arange(n, dtype=np.int64)
    span = 1
    while 2 * span <= length:
        left, right = best[: n - span], best[span:]
        best = best.copy()
        best[: n - span] = np.where(x[right] > x[left], right, left)
        span *= 2
    shift = length - span
    if shift:
        left, right = best[: n - shift], best[shift:]
        best = best.copy()
        best[: n - shift] = np.where(x[right] > x[left], right, left)
    return best


def pointer_decode(start_logits: Any, end_logits: Any, *, mask: Any = None, max_len: int = 30,
                   banned_starts: Any = None) -> PointerDecodeResult:
    r"""Best answer span by the post's rule and by the joint rule.

    Parameters
    ----------
    start_logits, end_logits : array_like, [n]
        Finite logits (n <= ``MAX_POSITIONS``).
    mask : array_like of bool, [n], optional
        False for padding (never chosen, excluded from the softmax). At least one True.
    max_len : int >= 1
        Longest answer :math:`L` (positions); spans satisfy :math:`i \le j < i + L`.
    banned_starts : array_like of int, optional
        Positions never chosen as starts (the post's punctuation); in the post's rule they
        are penalised by 10 and end the search for the end position.

    Returns
    -------
    PointerDecodeResult
        ``post_rule`` always holds a span; ``joint`` is None when every unmasked start is banned.
    """
    s = as_float_array(start_logits, "start_logits", ndim=1, max_values=MAX_POSITIONS)
    e = as_float_array(end_logits, "end_logits", ndim=1, max_values=MAX_POSITIONS)
    n = s.shape[0]
    if e.shape[0] != n:
        raise TechniqueError(f"end_logits must have {n} values like start_logits, got {e.shape[0]}", "end_logits")
    if mask is None:
        m = np.ones(n, dtype=bool)
    else:
        m = np.asarray(mask)
        if m.dtype != np.bool_ or m.shape != (n,):
            raise TechniqueError(f"mask must be {n} booleans, got shape {list(m.shape)}", "mask")
        if not m.any():
            raise TechniqueError("mask leaves no position", "mask")
    if not isinstance(max_len, (int, np.integer)) or max_len < 1:
        raise TechniqueError(f"max_len must be an integer >= 1, got {max_len}", "max_len")
    if max_len > MAX_POSITIONS:
        raise too_large("max_len", "max_len", max_len, MAX_POSITIONS)
    banned = np.zeros(n, dtype=bool)
    if banned_starts is not None:
        banned[as_index_array(banned_starts, "banned_starts", max_values=MAX_POSITIONS, upper=n,
                              allow_empty=True)] = True
    L = int(min(max_len, n))
    ps, pe = _masked_softmax(s, m), _masked_softmax(e, m)
    idx = np.arange(n)

    # the joint rule: valid spans i <= j < i + L, i unmasked and not banned, j unmasked
    e_masked = np.where(m, e, -np.inf)
    best_end = window_argmax(e_masked, L)
    start_ok = m & ~banned
    total = np.where(start_ok, s, -np.inf) + e_masked[best_end]
    # sum over valid spans of ps_i pe_j = sum_i ps_i (window sum of pe over [i, i + L))
    cum = np.concatenate([[0.0], np.cumsum(pe)])
    window_mass = cum[np.minimum(idx + L, n)] - cum[idx]
    z = float(np.sum(np.where(start_ok, ps, 0.0) * window_mass))
    joint = None
    if np.isfinite(total).any():
        i = int(np.argmax(total))
        j = int(best_end[i])
        prob = float(ps[i] * pe[j])
        joint = Span(i, j, float(s[i] + e[j]), float(ps[i]), float(pe[j]), prob, prob / z if z > 0 else None)

    # the post's rule
    i = int(np.argmax(np.where(m, ps - BANNED_PENALTY * banned, -np.inf)))
    stops = np.flatnonzero(banned[i:])
    last = min(n - 1, i + L - 1, i + int(stops[0]) if stops.size else n - 1)
    j = i + int(np.argmax(np.where(m[i:last + 1], pe[i:last + 1], -np.inf)))
    prob = float(ps[i] * pe[j])
    valid_span = bool(start_ok[i])
    post = Span(i, j, float(s[i] + e[j]), float(ps[i]), float(pe[j]), prob,
                prob / z if z > 0 and valid_span else None)
    return PointerDecodeResult(post_rule=post, joint=joint, max_len=L)
