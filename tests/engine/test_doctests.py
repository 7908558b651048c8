"""The runnable examples in the docstrings of the Python API (inputs, options, results)."""

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["infomap_core.network", "infomap_core.infomap"])
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
