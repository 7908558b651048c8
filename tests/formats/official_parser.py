"""The official Infomap parser (npm @mapequation/infomap-parser), run with node on our files.

``make test`` installs it (``npm ci`` in web/). Without node or the package the tests fail,
they never skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "web"
SCRIPT = WEB / "scripts" / "infomap-parse.mjs"


def official_parse(texts: list[str], strict: bool = True) -> list[dict]:
    """For each text: {"ok": True, "result": {...}} or {"ok": False, "error": "..."} (NaN ids as "NaN")."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: the official parser runs on Node.js (apt-get install nodejs npm)")
    if not (WEB / "node_modules" / "@mapequation" / "infomap-parser").is_dir():
        pytest.fail("web/node_modules lacks @mapequation/infomap-parser: `make test` runs `npm ci` in web/")
    payload = json.dumps([{"text": t, "strict": strict} for t in texts])
    done = subprocess.run([node, str(SCRIPT)], cwd=WEB, input=payload, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
