"""docs/command-line.md holds the table of official options as the code has it."""

from pathlib import Path

from infomap_core.official_options import options_table


def test_options_table_in_the_docs_is_the_codes():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "command-line.md").read_text()
    assert doc.endswith(options_table())
