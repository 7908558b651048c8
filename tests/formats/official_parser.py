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


def ftree_modules(text: str) -> list[dict]:
    """The modules of an ftree through the official parser (strict)."""
    answer = official_parse([text])[0]
    assert answer["ok"], answer.get("error")
    return answer["result"]["modules"]


def assert_same_module_links(distributed_ftree: str, in_process_ftree: str) -> None:
    """Same modules (paths, children, enter and exit flow to 1e-12), the same links between
    modules (rows and flows to 1e-12); the bottom modules (children are nodes) of the distributed
    file list no links (``infomap_core.distributed``: node links are never gathered)."""
    ours, theirs = ftree_modules(distributed_ftree), ftree_modules(in_process_ftree)
    assert [m["path"] for m in ours] == [m["path"] for m in theirs]
    paths = {tuple(m["path"]) for m in theirs}
    for a, b in zip(ours, theirs):
        assert a["numChildren"] == b["numChildren"]
        assert (a["enterFlow"], a["exitFlow"]) == pytest.approx((b["enterFlow"], b["exitFlow"]), abs=1e-12)
        has_submodules = b["path"] == [0] or any(p[:-1] == tuple(b["path"]) for p in paths)
        if not has_submodules:
            assert a["numEdges"] == 0 and a["links"] == []
            continue
        assert a["numEdges"] == b["numEdges"]
        assert [(x["source"], x["target"]) for x in a["links"]] == [(x["source"], x["target"]) for x in b["links"]]
        assert [x["flow"] for x in a["links"]] == pytest.approx([x["flow"] for x in b["links"]], abs=1e-12)
