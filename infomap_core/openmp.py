r"""How long an idle OpenMP worker waits for the next parallel step before it sleeps.

numba runs the parallel kernels (``prange``) on its OpenMP threading layer (libgomp) when
TBB is absent. Between two parallel steps of a core loop the calling thread applies the
moves alone, for a few microseconds to a few milliseconds; meanwhile the other threads wait.
A waiting libgomp thread spins ``GOMP_SPINCOUNT`` times, then sleeps on a futex, and waking
it costs the next step ~40-50 microseconds (measured on this project's 2-core machines:
``OMP_WAIT_POLICY=passive``, no spinning: 49 us per step whatever the gap). libgomp's own
default spins 300,000 times (~8 ms) after a step, yet in 5 of 13 processes tried every step
still paid ~40 us, back-to-back steps included, as if its workers slept at once; with
``GOMP_SPINCOUNT`` set, 1 of 12 did. Steps are many: a process running two trials on the
100k LFR graphs made 1,900-4,900 futex calls with ``passive`` (one step per colour class
or batch of moves).

:data:`SPIN_COUNT` spins (~3 ms at ~28 ns a spin) cover the gaps inside the loops, and an
idle worker still sleeps soon after a search ends, so it wastes at most that much CPU per
gap. :func:`bound_idle_spin` sets it for the process unless the user chose a wait policy
(``OMP_WAIT_POLICY`` or ``GOMP_SPINCOUNT``: then theirs is kept). libgomp reads these
variables once, when numba loads it for the first parallel kernel, so the package calls
this when it is imported; a process that had already started OpenMP keeps what it has.
Measurements: bench/README.md, "Idle OpenMP workers".
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

#: Spins of an idle libgomp worker before it sleeps (``GOMP_SPINCOUNT``; ~3 ms here).
SPIN_COUNT = 100_000

#: The variables by which a user chooses libgomp's wait policy themselves.
USER_CHOICES = ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")


def bound_idle_spin(environ: MutableMapping[str, str] | None = None) -> bool:
    """Set ``GOMP_SPINCOUNT`` to :data:`SPIN_COUNT` unless a wait policy is chosen already.

    Parameters
    ----------
    environ : mapping, optional
        The environment to update (default: ``os.environ``).

    Returns
    -------
    bool
        Whether it was set (False: the user's ``OMP_WAIT_POLICY`` or ``GOMP_SPINCOUNT`` is kept).

    Examples
    --------
    >>> env = {}
    >>> bound_idle_spin(env), env
    (True, {'GOMP_SPINCOUNT': '100000'})
    >>> env = {"OMP_WAIT_POLICY": "passive"}
    >>> bound_idle_spin(env), env
    (False, {'OMP_WAIT_POLICY': 'passive'})
    """
    environ = os.environ if environ is None else environ
    if any(name in environ for name in USER_CHOICES):
        return False
    environ["GOMP_SPINCOUNT"] = str(SPIN_COUNT)
    return True
