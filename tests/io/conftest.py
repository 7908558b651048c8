"""Fixtures of the reader tests (tests/io is not a package: ``io`` would shadow the stdlib)."""

from __future__ import annotations

import pytest

from infomap_core.io import link_list


@pytest.fixture(params=["kernel", "python"])
def scan_path(request, monkeypatch):
    """Run the test once with every link table read by the numba kernel, once by the Python loop."""
    monkeypatch.setattr(link_list, "KERNEL_MIN_BYTES", 0 if request.param == "kernel" else 1 << 60)
    return request.param

