"""The container is reproducible: an exact base image tag, and Python dependencies installed from
the hashed lock file, which satisfies every range in pyproject.toml."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def test_dockerfiles_pin_the_base_image_to_an_exact_version_tag():
    for dockerfile in (ROOT / "Dockerfile", ROOT / "docker" / "postgres" / "Dockerfile"):
        lines = [l.strip() for l in dockerfile.read_text().splitlines() if l.strip() and not l.startswith("#")]
        arg = next(i for i, l in enumerate(lines) if l.startswith("ARG BASE_IMAGE="))
        frm = next(i for i, l in enumerate(lines) if l.startswith("FROM "))
        assert arg < frm and lines[frm] == "FROM ${BASE_IMAGE}"
        assert re.fullmatch(r"ARG BASE_IMAGE=python:\d+\.\d+\.\d+-slim-[a-z]+", lines[arg]), lines[arg]
    compose = (ROOT / "docker-compose.yml").read_text()
    assert re.findall(r"BASE_IMAGE:-([^}]+)\}", compose) and all(
        re.fullmatch(r"python:\d+\.\d+\.\d+-slim-[a-z]+", t) for t in re.findall(r"BASE_IMAGE:-([^}]+)\}", compose))


def test_the_image_installs_from_the_lock_file_with_hashes():
    text = (ROOT / "Dockerfile").read_text()
    assert "pip install --no-cache-dir --require-hashes -r requirements.lock" in text
    assert "pip install --no-cache-dir --no-deps ." in text


def test_the_lock_file_pins_every_dependency_within_its_range():
    locked = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", (ROOT / "requirements.lock").read_text()):
        m = re.match(r"([A-Za-z0-9_.\-\[\]]+)==([^\s\\;]+)", block)
        if m:
            assert "--hash=sha256:" in block, m.group(1)
            locked[canonicalize_name(m.group(1).split("[")[0])] = m.group(2)
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    for dep in deps:
        req = Requirement(dep)
        name = canonicalize_name(req.name)
        assert name in locked, f"{name} is not in requirements.lock"
        assert req.specifier.contains(locked[name], prereleases=True), (name, locked[name], str(req.specifier))


def test_compose_turns_api_keys_on():
    compose = (ROOT / "docker-compose.yml").read_text()
    assert re.search(r"MAPEQ_API_KEYS: \$\{MAPEQ_API_KEYS:\?", compose)
