"""The runnable examples in the docstrings of the service (fields, options, tensors, techniques, vectors)."""

import doctest
import importlib
import pkgutil

import pytest

import app

# alembic's migration environment runs only inside alembic (it reads alembic.context.config)
SERVICE_MODULES = sorted(m.name for m in pkgutil.walk_packages(app.__path__, "app.")
                         if not m.name.startswith("app.migrations"))


def test_the_service_has_examples():
    attempted = sum(doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS).attempted
                    for name in SERVICE_MODULES)
    assert attempted >= 50


@pytest.mark.parametrize("name", SERVICE_MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
