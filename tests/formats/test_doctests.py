"""The runnable examples in the docstrings of the formats, readers and command-line modules."""

import doctest
import importlib

import pytest

MODULES = ["infomap_core.textfields", "infomap_core.official_options", "infomap_core.formats",
           "infomap_core.formats.levels", "infomap_core.io.newick", "infomap_core.io.csv_tree",
           "infomap_core.dropin.arguments"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
