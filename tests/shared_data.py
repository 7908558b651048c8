"""Where the shared data sits: ``shared/`` beside the checkout, or ``$SHARED_DIR``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: The official Infomap's higher-order example networks (in the shared examples, and bundled in
#: infomap_core/data for the web page): state, multilayer and bipartite files.
HIGHER_ORDER_EXAMPLES = ("states.net", "multilayer.net", "multilayer_intra.net", "multilayer_intra_inter.net",
                         "bipartite.net")


def examples_dir() -> Path:
    """The official Infomap's example networks; a missing directory fails the test (never a skip)."""
    shared = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))
    path = shared / "data" / "infomap-examples"
    if not path.is_dir():
        pytest.fail(f"{path} is missing: shared/ must sit beside the checkout (or set SHARED_DIR)")
    return path
