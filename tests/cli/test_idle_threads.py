"""The command line lets idle OpenMP workers sleep: ``OMP_WAIT_POLICY=passive`` unless the user
set the variable (then theirs is kept), in place before numba's OpenMP layer reads it; the
results are the same either way."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import DATA

# mapeq's main as the console script runs it, then what the process ended with: the variable and
# the threading layer numba used (libgomp prints its settings at start-up with OMP_DISPLAY_ENV)
_PROBE = """
import os, sys
import numba
from infomap_core.cli import main
status = main(sys.argv[1:])
try:
    layer = numba.threading_layer()
except ValueError:  # no parallel kernel ran
    layer = None
print("PROBE", os.environ.get("OMP_WAIT_POLICY"), layer, file=sys.stderr)
sys.exit(status)
"""


def _mapeq(policy: str | None) -> tuple[dict, str, str, str]:
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    if policy is not None:
        env["OMP_WAIT_POLICY"] = policy
    env["OMP_DISPLAY_ENV"] = "verbose"
    done = subprocess.run([sys.executable, "-c", _PROBE, "run", str(DATA / "ninetriangles.net"), "--num-threads", "2",
                           "--num-trials", "3", "--seed", "7"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    _, seen, layer = next(line for line in done.stderr.splitlines() if line.startswith("PROBE ")).split()
    return json.loads(done.stdout), seen, layer, done.stderr


def test_idle_openmp_workers_sleep_unless_the_user_chose():
    ours, seen, layer, display = _mapeq(None)
    assert seen == "passive"
    if layer == "omp":  # libgomp read it: a passive worker does not spin before it sleeps
        assert "GOMP_SPINCOUNT = '0'" in display
    theirs, seen, layer, display = _mapeq("active")
    assert seen == "active"
    if layer == "omp":
        assert "OMP_WAIT_POLICY = 'ACTIVE'" in display
    for key in ("codelength", "modules", "tree", "trial_codelengths"):
        assert ours[key] == theirs[key], key
