"""The imports of app/ point one way: routers -> service layer -> engine; job tasks -> service layer.

Read from the source with ``ast`` (nothing imported): every ``import`` and ``from ... import``
of every module under app/, relative imports resolved to module names.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"
#: Modules that speak HTTP: the routers, the error handlers, the app and its middleware.
WEB = ("app.routers", "app.forms", "app.errors", "app.routing", "app.responses", "app.main", "app.gateway", "app.workpool",
       "app.server", "app.__main__")
WEB_PACKAGES = ("fastapi", "starlette", "uvicorn")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(APP.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports (``from a import b`` counts as ``a`` and ``a.b``)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            found.add(source)
            found.update(f"{source}.{alias.name}" for alias in node.names)
    return found


MODULES = {module_name(p): p for p in sorted(APP.rglob("*.py"))}


def under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def routers() -> list[str]:
    """Router modules: under app/routers, neither a package face nor a private helper (``_common``)."""
    return [m for m, p in MODULES.items()
            if m.startswith("app.routers.") and p.name != "__init__.py" and not p.name.startswith("_")]


def test_the_parser_sees_the_known_arrows():
    """The test can fail: it finds the arrows that exist (a router importing the service layer,
    the job runner importing the tasks)."""
    assert "app.service.infomap" in imports_of(MODULES["app.routers.infomap"])
    assert "app.jobs.tasks" in imports_of(MODULES["app.jobs.runner"])
    assert "app.service.jobs" in imports_of(MODULES["app.jobs.tasks"])
    assert len(routers()) >= 5


@pytest.mark.parametrize("router", routers())
def test_no_router_imports_another_router(router):
    others = [m for m in imports_of(MODULES[router])
              if m.startswith("app.routers.") and m != router and m in routers()]
    assert not others, f"{router} imports {others}"


@pytest.mark.parametrize("module", [m for m in MODULES if not under(m, WEB)])
def test_no_web_code_below_the_routers(module):
    """The service layer, the job tasks, runner and store, the request models, the cost model and
    the domain packages import neither a router nor FastAPI/Starlette nor the HTTP errors."""
    bad = sorted(m for m in imports_of(MODULES[module]) if under(m, WEB) or under(m, WEB_PACKAGES))
    assert not bad, f"{module} imports {bad}"


def test_service_layer_and_tasks_exist_without_web_imports():
    service = [m for m in MODULES if under(m, ("app.service",))]
    assert {"app.service.infomap", "app.service.jobs", "app.service.results", "app.service.networks"} <= set(service)
    for module in service + ["app.jobs.tasks", "app.jobs.runner"]:
        assert not under(module, WEB)
