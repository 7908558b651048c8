r"""Auxiliary techniques from the seed posts: plain numpy, no web code.

One module per technique (the section of ``docs/techniques.md`` in brackets):

* :mod:`.variance`   biased and unbiased variance, Monte-Carlo bias (post 1)
* :mod:`.attention`  atrous, local and sparse attention without an n x n matrix (post 2)
* :mod:`.span`       pointer span decoding from start/end logits (post 4)
* :mod:`.mlm`        MLM answers decoded under the passage n-gram constraint (post 5)
* :mod:`.tied`       tied-embedding output layer, blocked over the vocabulary (post 6)
* :mod:`.optimizers` SGD/Adam with the six derived extensions (post 7)
* :mod:`.vq`         vector quantization and codebook fitting (post 8)

Every public function validates its input at the boundary and raises
:class:`TechniqueError` (a ``ValueError``) naming the offending argument; ``status`` is
413 when an input is above a documented size limit and 422 otherwise. The HTTP layer
(``app/routers/techniques``) turns it into the service's error body. Limits are module
constants (``MAX_...``); every input number must be finite with ``|x| <= MAX_ABS_VALUE``,
which keeps every intermediate (squares, dot products) finite in float64.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

#: Largest magnitude accepted for any input number (squares and dot products stay finite).
MAX_ABS_VALUE = 1e100
#: Largest magnitude accepted for integer token ids and seeds.
MAX_ID = 2**31 - 1

__all__ = ["MAX_ABS_VALUE", "MAX_ID", "TechniqueError", "as_float_array", "as_index_array", "too_large"]


class TechniqueError(ValueError):
    """Invalid input for a technique.

    Parameters
    ----------
    message : str
        What is wrong, with the rule and the offending value.
    field : str, optional
        The argument (request field) at fault.
    status : int
        413 for an input above a size limit, 422 otherwise.
    """

    def __init__(self, message: str, field: str | None = None, status: int = 422):
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status


def too_large(field: str, what: str, value: int | float, limit: int | float) -> TechniqueError:
    """A 413 error: ``what`` of ``field`` is ``value``, above ``limit``."""
    return TechniqueError(f"{field}: {what} is {value:,}, above the limit of {limit:,}", field, status=413)


def _check_rank_and_size(arr: np.ndarray, field: str, ndim: int | tuple[int, ...], max_values: int) -> None:
    """Rank in ``ndim`` (422) and at most ``max_values`` values (413)."""
    ranks = (ndim,) if isinstance(ndim, int) else ndim
    if arr.ndim not in ranks:
        want = " or ".join(f"{r}-D" for r in ranks)
        raise TechniqueError(f"{field} must be {want}, got shape {list(arr.shape)}", field)
    if arr.size > max_values:
        raise too_large(field, "the number of values", arr.size, max_values)


def as_float_array(values: Any, field: str, *, ndim: int | tuple[int, ...], max_values: int,
                   allow_empty: bool = False, low: float | None = None, high: float | None = None,
                   keep_float32: bool = False) -> npt.NDArray[np.floating]:
    """A finite float64 array of an accepted rank, or a :class:`TechniqueError` naming ``field``.

    Checks, in order: rectangular and numeric, rank in ``ndim``, at most ``max_values``
    values (413), not empty (unless ``allow_empty``), finite with ``|x| <= MAX_ABS_VALUE``,
    and within ``[low, high]`` when given. A numpy array's rank and size are checked before
    it is converted (no float64 copy of an array above the limit); with ``keep_float32`` a
    float32 array stays float32 (no copy).
    """
    if isinstance(values, np.ndarray):
        _check_rank_and_size(values, field, ndim, max_values)
    dtype = np.float32 if keep_float32 and getattr(values, "dtype", None) == np.float32 else np.float64
    try:
        arr = np.asarray(values, dtype=dtype)
    except (TypeError, ValueError, OverflowError):
        raise TechniqueError(f"{field} must be a rectangular array of numbers (rows of equal length)", field) from None
    _check_rank_and_size(arr, field, ndim, max_values)
    if arr.size == 0 and not allow_empty:
        raise TechniqueError(f"{field} is empty (shape {list(arr.shape)})", field)
    # float32 is at most 3.4e38 < MAX_ABS_VALUE: finite is the whole check (a bool mask, no float copy)
    if arr.size and not (np.isfinite(arr).all() if arr.dtype == np.float32 else np.all(np.abs(arr) <= MAX_ABS_VALUE)):
        bad = arr[~(np.abs(arr) <= MAX_ABS_VALUE)][0]
        raise TechniqueError(f"{field} must be finite with |x| <= {MAX_ABS_VALUE:g}, got {bad}", field)
    if low is not None and arr.size and arr.min() < low:
        raise TechniqueError(f"{field} must be >= {low}, got {arr.min()}", field)
    if high is not None and arr.size and arr.max() > high:
        raise TechniqueError(f"{field} must be <= {high}, got {arr.max()}", field)
    return arr


def as_index_array(values: Any, field: str, *, ndim: int | tuple[int, ...] = 1, max_values: int,
                   upper: int | None = None, allow_empty: bool = False) -> npt.NDArray[np.int64]:
    """An int64 array of indices in ``[0, upper)`` (``[0, MAX_ID]`` without ``upper``)."""
    try:
        arr = np.asarray(values)
        if arr.size and arr.dtype.kind not in "iu":
            raise TypeError
        arr = arr.astype(np.int64, copy=False)
    except (TypeError, ValueError, OverflowError):
        raise TechniqueError(f"{field} must be a rectangular array of integers", field) from None
    _check_rank_and_size(arr, field, ndim, max_values)
    if arr.size == 0 and not allow_empty:
        raise TechniqueError(f"{field} is empty", field)
    bound = MAX_ID + 1 if upper is None else upper
    if arr.size and (arr.min() < 0 or arr.max() >= bound):
        bad = arr[(arr < 0) | (arr >= bound)][0]
        raise TechniqueError(f"{field} must hold indices in [0, {bound}), got {bad}", field)
    return arr
