"""Which links are arcs: the official rule (a Pajek *Arcs file is undirected unless -d or a directed
flow model asks), in both command lines and in Python, where reading first and choosing a directed
flow model later must keep every arc one-way."""

from __future__ import annotations

import json

import numpy as np
import pytest

from infomap_core import InfomapOptions, compute_codelength, compute_flow
from infomap_core.io import read_network

from .conftest import DATA, mapeq_in_process, mapeq_script, official_cli

ARCS = DATA / "modular_wd.net"  # *Vertices and *Arcs


@pytest.mark.parametrize("flags,model", [([], "undirected"), (["-d"], "directed"), (["-f", "outdirdir"], "outdirdir")])
def test_arcs_file_flow_model_as_the_official(tmp_path, flags, model):
    official_cli(ARCS, tmp_path / "theirs", *flags, "-2", "-o", "json", "--silent")
    status, _, err = mapeq_in_process(ARCS, tmp_path / "ours", *flags, "-2", "-o", "json", "--silent")
    assert status == 0, err
    theirs = json.loads((tmp_path / "theirs" / "modular_wd.json").read_text())
    ours = json.loads((tmp_path / "ours" / "modular_wd.json").read_text())
    assert ours["flowModel"] == theirs["flowModel"] == model
    assert ours["codelength"] <= theirs["codelength"] * (1 + 1e-4)


def test_mapeq_run_reads_arcs_as_the_official(tmp_path):
    plain = json.loads(mapeq_script("run", ARCS, "--two-level").stdout)
    arcs = json.loads(mapeq_script("run", ARCS, "--two-level", "-d").stdout)
    assert (plain["flow_model"], arcs["flow_model"]) == ("undirected", "directed")


def test_read_then_directed_flow_model_keeps_arcs_one_way():
    """read_network(path) reads the *Arcs file undirected (the official rule); a directed flow model
    chosen afterwards must see the arcs as written, exactly as reading with directed=True."""
    plain, arcs = read_network(ARCS), read_network(ARCS, directed=True)
    assert not plain.directed and arcs.directed
    later = compute_flow(plain, "directed")
    upfront = compute_flow(arcs, "directed")
    np.testing.assert_allclose(later.node_flow, upfront.node_flow, rtol=1e-12, atol=1e-15)
    partition = {i: 1 + (i - 1) // 5 for i in plain.node_ids.tolist()}
    options = InfomapOptions(flow_model="directed")
    assert compute_codelength(plain, partition, options).codelength == pytest.approx(
        compute_codelength(arcs, partition, options).codelength, rel=1e-12)
