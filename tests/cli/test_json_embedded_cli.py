"""The official JSON network's embedded meta data and start paths on the command line, side by
side with the official: ``--cluster-data`` overrides the paths, the meta data stays coded."""

from __future__ import annotations

import json

import pytest

from .conftest import mapeq_in_process, official_cli

EDGES = [(1, 2), (1, 3), (2, 3), (3, 4), (4, 5), (4, 6), (5, 6), (6, 7), (7, 8), (7, 9), (8, 9)]
DOC = {"format": "infomap-network", "version": "1.0",
       "nodes": [{"id": i, "meta": i % 2, "path": [1 + (i - 1) // 3]} for i in range(1, 10)],
       "edges": [{"source": a, "target": b} for a, b in EDGES]}


def _codelength(tree_path) -> float:
    line = next(x for x in tree_path.read_text().splitlines() if x.startswith("# codelength"))
    return float(line.split()[2])


@pytest.mark.parametrize("partition", [None, {i: 1 + (i > 4) for i in range(1, 10)}])
def test_codelength_of_a_json_document_with_meta_data_as_the_official(tmp_path, partition):
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(DOC))
    clu = tmp_path / "start.clu"
    start = partition or {i: 1 + (i - 1) // 3 for i in range(1, 10)}  # the document's own paths
    clu.write_text("".join(f"{k} {v}\n" for k, v in start.items()))
    extra = ["-c", clu] if partition else []
    official_cli(doc, tmp_path / "theirs", "--no-infomap", "--two-level", "-o", "json", "--silent", *extra)
    theirs = json.loads((tmp_path / "theirs" / "doc.json").read_text())["codelength"]
    status, out, err = mapeq_in_process("codelength", doc, "--partition", clu)
    assert status == 0, err
    assert json.loads(out)["codelength"] == pytest.approx(theirs, rel=1e-9)
    status, _, err = mapeq_in_process(doc, tmp_path / "scored", "--no-infomap", "--two-level", "-o", "json",
                                      "--silent", *extra)
    assert status == 0, err
    assert json.loads((tmp_path / "scored" / "doc.json").read_text())["codelength"] == pytest.approx(theirs, rel=1e-9)
    status, out, err = mapeq_in_process(doc, tmp_path / "ours", "--two-level", "-N", "5", "--silent")
    assert status == 0, err
    official_cli(doc, tmp_path / "search", "--two-level", "-N", "5", "--silent")
    assert _codelength(tmp_path / "ours" / "doc.tree") <= _codelength(tmp_path / "search" / "doc.tree") * (1 + 1e-4)


def test_json_output_carries_the_embedded_meta_data_as_the_official(tmp_path):
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(DOC))
    official_cli(doc, tmp_path / "theirs", "--two-level", "-o", "json", "--silent")
    status, _, err = mapeq_in_process(doc, tmp_path / "ours", "--two-level", "-o", "json", "--silent")
    assert status == 0, err
    ours, theirs = (json.loads((tmp_path / d / "doc.json").read_text()) for d in ("ours", "theirs"))
    assert ours["codelength"] == pytest.approx(theirs["codelength"], rel=1e-9)
    assert {n["id"]: n["metadata"] for n in ours["nodes"]} == {n["id"]: n["metadata"] for n in theirs["nodes"]}


def test_a_meta_data_file_overrides_the_embedded_meta_data_as_in_the_official(tmp_path):
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(DOC))
    meta = tmp_path / "meta.clu"
    meta.write_text("".join(f"{i} {int(i > 4)}\n" for i in range(1, 10)))
    partition = tmp_path / "p.clu"
    partition.write_text("".join(f"{i} {1 + (i - 1) // 3}\n" for i in range(1, 10)))
    official_cli(doc, tmp_path / "theirs", "--no-infomap", "--two-level", "-o", "json", "--silent",
                 "--meta-data", meta)
    theirs = json.loads((tmp_path / "theirs" / "doc.json").read_text())["codelength"]
    status, out, err = mapeq_in_process("codelength", doc, "--partition", partition, "--meta-data", meta)
    assert status == 0, err
    assert json.loads(out)["codelength"] == pytest.approx(theirs, rel=1e-9)
    status, out, _ = mapeq_in_process("codelength", doc, "--partition", partition)
    assert json.loads(out)["codelength"] != pytest.approx(theirs, rel=1e-6)  # the embedded categories differ


def test_mapeq_run_codes_the_embedded_meta_data(tmp_path):
    from infomap_core import run_infomap
    from infomap_core.io import read_network

    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(DOC))
    status, out, err = mapeq_in_process("run", doc, "--two-level", "-N", "3", "--no-include-tree")
    assert status == 0, err
    net = read_network(doc)
    assert json.loads(out)["codelength"] == pytest.approx(
        run_infomap(net, two_level=True, num_trials=3).codelength, rel=1e-12)
    assert json.loads(out)["codelength"] > run_infomap(net, two_level=True, num_trials=3, meta_data={}).codelength
