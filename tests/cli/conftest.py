"""The command lines: ours (in process or as the console script) and the official ``infomap``."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shared_data import HIGHER_ORDER_EXAMPLES, examples_dir  # noqa: F401  (the tests here import it from here)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "infomap_core" / "data"
OFFICIAL_CLI = Path(sys.executable).parent / "infomap"


def first_order_examples() -> list[Path]:
    """Every first-order network of the official examples and of infomap_core/data."""
    shared = examples_dir()
    names = ["twotriangles.net", "twotriangles.edges", "twotriangles_weighted.edges", "ninetriangles.net",
             "ninetriangles.edges", "modular_w.net", "modular_w.edges", "modular_wd.net", "modular_wd.edges",
             "recorded_teleportation_directed.edges"]
    return [shared / n for n in names] + sorted(p for p in DATA.glob("*.net") if p.name not in HIGHER_ORDER_EXAMPLES)


def mapeq_in_process(*args) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of ``mapeq ARGS`` run in this process."""
    from infomap_core.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([str(a) for a in args])
    return status, out.getvalue(), err.getvalue()


def mapeq_script(*args, **kwargs) -> subprocess.CompletedProcess:
    """The console script as a user runs it."""
    return subprocess.run([sys.executable, "-m", "infomap_core.cli", *map(str, args)], capture_output=True,
                          text=True, **kwargs)


def official_cli(*args) -> subprocess.CompletedProcess:
    if not OFFICIAL_CLI.exists():
        pytest.fail(f"the official infomap command line is missing at {OFFICIAL_CLI} (pip install infomap)")
    done = subprocess.run([str(OFFICIAL_CLI), *map(str, args)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done
