"""The runnable examples in the docstrings of the engine (the Python API, formats, kernels)."""

import doctest
import importlib
import pkgutil

import pytest

import infomap_core

ENGINE_MODULES = sorted(m.name for m in pkgutil.walk_packages(infomap_core.__path__, "infomap_core."))


@pytest.mark.parametrize("name", ["infomap_core.network", "infomap_core.infomap", "infomap_core.flow",
                                  "infomap_core.parallel", "infomap_core.mapequation"])
def test_the_public_modules_have_examples(name):
    assert doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS).attempted > 0


@pytest.mark.parametrize("name", ENGINE_MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
