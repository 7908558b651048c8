"""Idle OpenMP workers spin a bounded while, then sleep: importing the engine sets
``GOMP_SPINCOUNT`` (:data:`infomap_core.openmp.SPIN_COUNT`) unless the user chose a wait policy
(``OMP_WAIT_POLICY`` or ``GOMP_SPINCOUNT``: then theirs is kept), before numba's OpenMP layer
reads it, for the command line and the Python API alike; the results are the same either way."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from infomap_core.openmp import SPIN_COUNT, USER_CHOICES

from .conftest import DATA

# mapeq's main as the console script runs it, then what the process ended with: the variables and
# the threading layer numba used (libgomp prints its settings at start-up with OMP_DISPLAY_ENV)
_CLI = """
import os, sys
import numba
from infomap_core.cli import main
status = main(sys.argv[1:])
print("PROBE", os.environ.get("OMP_WAIT_POLICY"), os.environ.get("GOMP_SPINCOUNT"), numba.threading_layer(),
      file=sys.stderr)
sys.exit(status)
"""

# the same through the Python API
_API = """
import json, os, sys
import numba
from infomap_core import InfomapOptions, run_infomap
from infomap_core.io import read_network
net = read_network(sys.argv[1])
result = run_infomap(net, InfomapOptions(num_threads=2, num_trials=3, seed=7))
print(json.dumps({"codelength": result.codelength, "modules": {str(k): v for k, v in result.modules.items()}}))
print("PROBE", os.environ.get("OMP_WAIT_POLICY"), os.environ.get("GOMP_SPINCOUNT"), numba.threading_layer(),
      file=sys.stderr)
"""


def _probe(script: str, args: list[str], chosen: dict[str, str]) -> tuple[dict, tuple[str, str], str]:
    env = {k: v for k, v in os.environ.items() if k not in USER_CHOICES}
    env.update(chosen)
    env["OMP_DISPLAY_ENV"] = "verbose"
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    _, policy, spin, layer = next(line for line in done.stderr.splitlines() if line.startswith("PROBE ")).split()
    assert layer == "omp"  # libgomp (no TBB among the dependencies): the layer these variables configure
    return json.loads(done.stdout), (policy, spin), done.stderr


_NET = str(DATA / "ninetriangles.net")
_RUNS = {
    "cli": (_CLI, ["run", _NET, "--num-threads", "2", "--num-trials", "3", "--seed", "7"], ("codelength", "tree")),
    "api": (_API, [_NET], ("codelength", "modules")),
}


@pytest.mark.parametrize("entry", sorted(_RUNS))
def test_idle_openmp_workers_spin_a_bounded_while_unless_the_user_chose(entry):
    script, args, keys = _RUNS[entry]
    ours, seen, display = _probe(script, args, {})
    assert seen == ("None", str(SPIN_COUNT))
    assert f"GOMP_SPINCOUNT = '{SPIN_COUNT}'" in display  # libgomp read it
    for chosen, shown in (({"OMP_WAIT_POLICY": "passive"}, "GOMP_SPINCOUNT = '0'"),
                          ({"OMP_WAIT_POLICY": "active"}, "OMP_WAIT_POLICY = 'ACTIVE'"),
                          ({"GOMP_SPINCOUNT": "5"}, "GOMP_SPINCOUNT = '5'")):
        theirs, seen, display = _probe(script, args, chosen)
        (name, value), = chosen.items()
        assert seen == tuple(value if n == name else "None" for n in USER_CHOICES)  # theirs kept, ours not added
        assert shown in display
        for key in keys:
            assert ours[key] == theirs[key], (chosen, key)
