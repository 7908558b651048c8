"""The drop-in command line on higher-order networks, side by side with the official one.

On the official example files (state, multilayer, bipartite) the files we write hold the
official's numbers: the codelength, the physical-level ``.tree`` (a physical node once per
module holding it, with the summed flow of its state nodes there) and, with ``-o states``,
the state-level ``NAME_states.tree`` and a ``NAME_states.net`` that reads back as the same
network (here and in the official).
"""

from __future__ import annotations

import json
import re
import warnings

import infomap
import pytest

from infomap_core import InfomapOptions, compute_codelength
from infomap_core.io import read_network

from .conftest import examples_dir, mapeq_in_process, official_cli

HIGHER_ORDER = ["states", "multilayer", "multilayer_intra", "multilayer_intra_inter", "bipartite"]


def _rows(path) -> list[tuple[str, ...]]:
    return [tuple(line.split()) for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]


def _physical_flows(path) -> list[tuple[str, float]]:
    """(node id, flow) of each row of a physical-level file, sorted (the id is the last column)."""
    return sorted((r[-1], float(r[1])) for r in _rows(path))


def _same_flows(ours, theirs) -> None:
    assert [i for i, _ in ours] == [i for i, _ in theirs]
    assert [f for _, f in ours] == pytest.approx([f for _, f in theirs], abs=1e-6)  # the official writes 6 digits


def _codelength(path) -> float:
    return float(re.search(r"^# codelength (\S+) bits", path.read_text(encoding="utf-8"), re.M).group(1))


@pytest.mark.parametrize("name", HIGHER_ORDER)
def test_physical_level_tree_as_the_official(tmp_path, name):
    net = examples_dir() / f"{name}.net"
    status, _, err = mapeq_in_process(net, tmp_path / "ours", "-N", "5", "--silent")
    assert status == 0, err
    official_cli(net, tmp_path / "theirs", "-N", "5", "--silent")
    ours, theirs = tmp_path / "ours" / f"{name}.tree", tmp_path / "theirs" / f"{name}.tree"
    assert _codelength(ours) == pytest.approx(_codelength(theirs), rel=1e-5)  # the official writes 6 digits
    # the same physical nodes with the same flows (paths may differ in module order)
    _same_flows(_physical_flows(ours), _physical_flows(theirs))


@pytest.mark.parametrize("name", ["states", "multilayer", "multilayer_intra", "multilayer_intra_inter"])
def test_states_output_reads_back_as_the_same_network(tmp_path, name):
    net_file = examples_dir() / f"{name}.net"
    status, _, err = mapeq_in_process(net_file, tmp_path, "-o", "states,clu", "-N", "5", "--silent")
    assert status == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{name}{suffix}" for suffix in (".clu", "_states.clu", "_states.net", "_states.tree"))
    states_tree = _rows(tmp_path / f"{name}_states.tree")
    network = read_network(net_file)
    assert len(states_tree) == network.num_nodes
    # the state network written out is the one the flow was computed on: the same codelength of the same
    # state-level partition, here and in the official (intra-layer files give arcs: read them as such)
    arcs = network.directed
    again = read_network(tmp_path / f"{name}_states.net", directed=arcs)
    partition = {int(r[3]): int(r[0].split(":")[0]) for r in states_tree}
    ours = compute_codelength(again, partition, InfomapOptions()).codelength
    assert ours == pytest.approx(compute_codelength(network, partition, InfomapOptions()).codelength, rel=1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap("--silent --no-infomap --two-level" + (" --directed" if arcs else ""))
        im.read_file(str(tmp_path / f"{name}_states.net"))
        im.run(initial_partition=partition)
    assert ours == pytest.approx(float(im.codelength), rel=1e-9)


@pytest.mark.parametrize("flags", [["--multilayer-relax-rate", "0.4"], ["--multilayer-relax-limit", "0"],
                                   ["--multilayer-relax-limit-up", "0", "--multilayer-relax-rate", "0.5"]])
def test_relax_flags_as_the_official(tmp_path, flags):
    net = examples_dir() / "multilayer_intra.net"
    status, _, err = mapeq_in_process(net, tmp_path / "ours", *flags, "-N", "5", "--silent")
    assert status == 0, err
    official_cli(net, tmp_path / "theirs", *flags, "-N", "5", "--silent")
    assert _codelength(tmp_path / "ours" / "multilayer_intra.tree") == pytest.approx(
        _codelength(tmp_path / "theirs" / "multilayer_intra.tree"), rel=1e-5)


def test_skip_adjust_bipartite_flow_as_the_official(tmp_path):
    net = examples_dir() / "bipartite.net"
    status, _, err = mapeq_in_process(net, tmp_path / "ours", "--skip-adjust-bipartite-flow", "-N", "5", "--silent")
    assert status == 0, err
    official_cli(net, tmp_path / "theirs", "--skip-adjust-bipartite-flow", "-N", "5", "--silent")
    ours, theirs = tmp_path / "ours" / "bipartite.tree", tmp_path / "theirs" / "bipartite.tree"
    assert _codelength(ours) == pytest.approx(_codelength(theirs), rel=1e-5)
    _same_flows(_physical_flows(ours), _physical_flows(theirs))


def test_bad_higher_order_file_names_the_line(tmp_path):
    bad = tmp_path / "bad.net"
    bad.write_text("*Vertices 2\n1 \"a\"\n2 \"b\"\n*States\n1 1\n2 7\n*Links\n1 2\n")
    status, _, err = mapeq_in_process(bad, tmp_path / "out", "--silent")
    assert status != 0
    assert "line 6" in err and "physical node 7" in err


def test_mapeq_run_reads_a_multilayer_file_with_relax_flags(tmp_path):
    net = examples_dir() / "multilayer_intra.net"
    status, out, err = mapeq_in_process("run", net, "--multilayer-relax-rate", "0.4", "-N", "5", "--no-include-tree")
    assert status == 0, err
    body = json.loads(out)
    official_cli(net, tmp_path, "--multilayer-relax-rate", "0.4", "-N", "5", "--silent")
    assert body["codelength"] == pytest.approx(_codelength(tmp_path / "multilayer_intra.tree"), rel=1e-5)
    assert {s["layer_id"] for s in body["states"].values()} == {1, 2}
    assert len(body["physical_modules"]["1"]) == 2  # node i: a module in each layer


def test_mapeq_codelength_scores_a_state_level_tree_as_the_official(tmp_path):
    net = examples_dir() / "states.net"
    official_cli(net, tmp_path, "-o", "states", "-N", "5", "--silent")
    status, out, err = mapeq_in_process("codelength", net, "--partition", tmp_path / "states_states.tree")
    assert status == 0, err
    assert json.loads(out)["codelength"] == pytest.approx(_codelength(tmp_path / "states_states.tree"), rel=1e-5)


@pytest.mark.parametrize("name", ["states", "multilayer_intra", "bipartite"])
def test_official_json_of_a_higher_order_network_as_the_official(tmp_path, name):
    net = examples_dir() / f"{name}.net"
    status, _, err = mapeq_in_process(net, tmp_path / "ours", "-o", "json", "-N", "5", "--silent")
    assert status == 0, err
    official_cli(net, tmp_path / "theirs", "-o", "json", "-N", "5", "--silent")
    ours, theirs = (json.loads((tmp_path / d / f"{name}.json").read_text()) for d in ("ours", "theirs"))
    assert ours["higherOrder"] == theirs["higherOrder"] and ours.get("stateLevel") == theirs.get("stateLevel")
    assert ours["codelength"] == pytest.approx(theirs["codelength"], rel=1e-9)
    _same_flows(sorted((str(n["id"]), n["flow"]) for n in ours["nodes"]),
                sorted((str(n["id"]), n["flow"]) for n in theirs["nodes"]))
    assert [n["mec"] for n in sorted(ours["nodes"], key=lambda n: (n["id"], n["flow"]))] == pytest.approx(
        [n["mec"] for n in sorted(theirs["nodes"], key=lambda n: (n["id"], n["flow"]))], abs=1e-6)


@pytest.mark.parametrize("flags", [["--multilayer-relax-by-jsd"], ["--multilayer-relax-to-self"],
                                   ["--multilayer-relax-by-jsd", "--multilayer-relax-to-self", "-d"],
                                   ["--multilayer-relax-by-jsd", "--multilayer-relax-limit", "0"]])
def test_relax_by_jsd_and_to_self_flags_as_the_official(tmp_path, flags):
    net = examples_dir() / "multilayer_intra.net"
    status, _, err = mapeq_in_process(net, tmp_path / "ours", *flags, "-N", "5", "--silent")
    assert status == 0, err
    official_cli(net, tmp_path / "theirs", *flags, "-N", "5", "--silent")
    ours, theirs = tmp_path / "ours" / "multilayer_intra.tree", tmp_path / "theirs" / "multilayer_intra.tree"
    assert _codelength(ours) == pytest.approx(_codelength(theirs), rel=1e-5)
    _same_flows(_physical_flows(ours), _physical_flows(theirs))


def test_bipartite_teleportation_flag_as_the_official(tmp_path):
    """The example's links all run primary -> feature: directed, both refuse it; undirected, both run."""
    net = examples_dir() / "bipartite.net"
    status, _, err = mapeq_in_process(net, tmp_path / "ours", "--bipartite-teleportation", "-N", "5", "--silent")
    assert status == 0, err
    official_cli(net, tmp_path / "theirs", "--bipartite-teleportation", "-N", "5", "--silent")
    ours, theirs = tmp_path / "ours" / "bipartite.tree", tmp_path / "theirs" / "bipartite.tree"
    assert _codelength(ours) == pytest.approx(_codelength(theirs), rel=1e-5)
    _same_flows(_physical_flows(ours), _physical_flows(theirs))
    status, _, err = mapeq_in_process(net, tmp_path / "directed", "--bipartite-teleportation", "-d", "--silent")
    assert status != 0 and "bipartite_teleportation" in err and "links back" in err


def test_bipartite_teleportation_directed_file_as_the_official(tmp_path):
    net = tmp_path / "two_way.net"
    net.write_text("*Bipartite 5\n1 5 1\n5 2 1\n2 6 2\n6 1 1\n3 6 1\n6 3 0.5\n3 7 1\n7 4 1\n4 5 1\n5 1 0.5\n")
    flags = ["--bipartite-teleportation", "-d", "-N", "5", "--silent"]
    status, _, err = mapeq_in_process(net, tmp_path / "ours", *flags)
    assert status == 0, err
    official_cli(net, tmp_path / "theirs", *flags)
    ours, theirs = tmp_path / "ours" / "two_way.tree", tmp_path / "theirs" / "two_way.tree"
    assert _codelength(ours) == pytest.approx(_codelength(theirs), rel=1e-5)
    _same_flows(_physical_flows(ours), _physical_flows(theirs))


def test_hide_bipartite_nodes_writes_the_rows_the_official_writes(tmp_path):
    net = tmp_path / "hide.net"
    net.write_text("*Bipartite 4\n1 4 1\n2 4 1\n3 5 1\n1 5 0.2\n")
    flags = ["--skip-adjust-bipartite-flow", "--hide-bipartite-nodes", "-o", "tree,clu,csv,json", "--silent"]
    status, _, err = mapeq_in_process(net, tmp_path / "ours", *flags)
    assert status == 0, err
    official_cli(net, tmp_path / "theirs", *flags)
    node_id = {"tree": lambda line: line.split()[-1], "clu": lambda line: line.split()[0],
               "csv": lambda line: line.split(",")[-1]}
    for ext, pick in node_id.items():
        ids = [sorted(pick(line) for line in (tmp_path / d / f"hide.{ext}").read_text().splitlines()[1:]
                      if not line.startswith("#")) for d in ("ours", "theirs")]
        assert ids[0] == ids[1] == ["1", "2", "3"], ext  # feature nodes 4 and 5 left out, as the official
    ours, theirs = (json.loads((tmp_path / d / "hide.json").read_text()) for d in ("ours", "theirs"))
    assert sorted(n["id"] for n in ours["nodes"]) == sorted(n["id"] for n in theirs["nodes"]) == [1, 2, 3]


def test_mapeq_run_hides_bipartite_nodes_and_teleports(tmp_path):
    net = examples_dir() / "bipartite.net"
    status, out, err = mapeq_in_process("run", net, "--hide-bipartite-nodes", "--bipartite-teleportation",
                                        "--no-include-tree")
    assert status == 0, err
    body = json.loads(out)
    assert sorted(body["modules"]) == ["1", "2", "3"]  # feature nodes 4 and 5 left out
    assert body["options"]["bipartite_teleportation"] is True


@pytest.mark.parametrize("name", ["multilayer", "multilayer_intra_inter"])
def test_relax_by_jsd_on_inter_or_explicit_links_is_an_error_naming_it(tmp_path, name):
    status, _, err = mapeq_in_process(examples_dir() / f"{name}.net", tmp_path, "--multilayer-relax-by-jsd", "--silent")
    assert status == 2 and "relax_by_jsd" in err


def test_state_weights_survive_the_states_output(tmp_path):
    """A weighted ``*States`` line (the state's teleportation weight) is written back in
    ``NAME_states.net``, which we and the official read to the same --to-nodes codelength."""
    net_file = tmp_path / "w.net"
    net_file.write_text('*States\n1 1 "a" 0.5\n2 1 "b" 1\n3 2 "c" 1\n4 2 "d" 9\n5 3 "e" 1\n6 3 "f" 2\n'
                        "*Arcs\n1 2\n2 3\n3 1\n3 4\n4 5\n5 6\n6 4\n2 5\n")
    status, _, err = mapeq_in_process(net_file, tmp_path / "out", "-o", "states", "-d", "--to-nodes", "--silent")
    assert status == 0, err
    again = read_network(tmp_path / "out" / "w_states.net", directed=True)
    assert again.node_weights.tolist() == read_network(net_file, directed=True).node_weights.tolist() == [
        0.5, 1.0, 1.0, 9.0, 1.0, 2.0]
    partition = {int(r[3]): int(r[0].split(":")[0]) for r in _rows(tmp_path / "out" / "w_states.tree")}
    options = InfomapOptions(directed=True, to_nodes=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap("--silent --no-infomap --two-level --directed --to-nodes")
        im.read_file(str(tmp_path / "out" / "w_states.net"))
        im.run(initial_partition=partition)
    assert compute_codelength(again, partition, options).codelength == pytest.approx(float(im.codelength), rel=1e-9)


@pytest.mark.parametrize("command", [(), ("run",)], ids=["drop-in", "mapeq-run"])
def test_preferred_number_of_modules_on_a_state_network_is_refused(tmp_path, command):
    """The official ignores --preferred-number-of-modules on state networks; ours answered with
    |T - P| more bits and other modules (exit 0). Now exit status 2 naming the option."""
    net = tmp_path / "s.net"
    net.write_text("*States\n1 1\n2 1\n3 2\n*Links\n1 2\n2 3\n")
    args = (*command, net) if command else (net, tmp_path / "out", "--silent")
    status, out, err = mapeq_in_process(*args, "--preferred-number-of-modules", 2)
    assert status == 2, out
    assert "preferred_number_of_modules" in err and "state" in err, err


def _leaf_multisets(newick: str) -> list[list[tuple[str, float]]]:
    """The leaves (label, flow) of each innermost module of a newick tree, each sorted; sorted."""
    groups = re.findall(r"\(([^()]*)\)", newick)
    return sorted(sorted((leaf.split(":")[0], round(float(leaf.split(":")[1]), 6)) for leaf in g.split(","))
                  for g in groups)


@pytest.mark.parametrize("name", ["states", "multilayer", "multilayer_intra_inter"])
def test_physical_csv_newick_and_state_clu_as_the_official(tmp_path, name):
    """The physical-level .csv and .nwk of a state network held the state nodes (state names and
    ids, every state a leaf of its own: "4:0.167" for physical node 1 in states.nwk); the official
    writes physical nodes, once per module with their summed flow, as the .tree. A multilayer
    state .clu lacked the official's layer_id column and the '# state level' line its parser reads."""
    from tests.formats.official_parser import official_parse

    net = examples_dir() / f"{name}.net"
    formats = "tree,clu,csv,newick,ftree,json,states"
    status, _, err = mapeq_in_process(net, tmp_path / "ours", "-N", "5", "-o", formats, "--silent")
    assert status == 0, err
    official_cli(net, tmp_path / "theirs", "-N", "5", "-o", formats, "--silent")
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    csv_rows = [line.split(",") for line in (ours / f"{name}.csv").read_text().splitlines()]
    assert csv_rows[0] == ["path", "flow", "name", "node_id"]
    # the .csv has the .tree's rows (path flow "name" node_id)
    assert [(p, f, n, i) for p, f, n, i in csv_rows[1:]] == [tuple(r) for r in _rows(ours / f"{name}.tree")]
    _same_flows(sorted((r[3], float(r[1])) for r in csv_rows[1:]),
                sorted((line.split(",")[3], float(line.split(",")[1]))
                       for line in (theirs / f"{name}.csv").read_text().splitlines()[1:]))
    assert _leaf_multisets((ours / f"{name}.nwk").read_text()) == _leaf_multisets((theirs / f"{name}.nwk").read_text())
    ours_clu, theirs_clu = (ours / f"{name}_states.clu").read_text(), (theirs / f"{name}_states.clu").read_text()
    header = [line for line in ours_clu.splitlines() if line.startswith("# ")][-4:]
    assert header == [line for line in theirs_clu.splitlines() if line.startswith("# ")][-4:]
    parsed = official_parse([ours_clu, (ours / f"{name}.clu").read_text()])
    assert all(p["ok"] for p in parsed), parsed
    assert parsed[0]["result"]["stateLevel"] is True and parsed[1]["result"]["stateLevel"] is False
    if name.startswith("multilayer"):
        assert all("layerId" in node for node in parsed[0]["result"]["nodes"])
    # the state level as CSV and newick too, as the official writes them with -o states (they were missing)
    ours_csv, theirs_csv = ((d / f"{name}_states.csv").read_text().splitlines() for d in (ours, theirs))
    assert ours_csv[0] == theirs_csv[0]
    assert sorted((*r.split(",")[2:], round(float(r.split(",")[1]), 6)) for r in ours_csv[1:]) == \
        sorted((*r.split(",")[2:], round(float(r.split(",")[1]), 6)) for r in theirs_csv[1:])
    assert _leaf_multisets((ours / f"{name}_states.nwk").read_text()) == \
        _leaf_multisets((theirs / f"{name}_states.nwk").read_text())
    # and as .ftree and official JSON (they were missing): the state rows, the module links, the nodes
    ours_ftree, theirs_ftree = ((d / f"{name}_states.ftree").read_text() for d in (ours, theirs))
    assert [line for line in ours_ftree.splitlines() if line.startswith("# ")][-3:] == \
        [line for line in theirs_ftree.splitlines() if line.startswith("# ")][-3:]

    def state_rows(text):  # (flow, name, node_id[, layer_id]) of the rows before the links; state ids may differ
        rows = [line.split(" ") for line in text.split("*Links")[0].splitlines() if line and line[0] != "#"]
        return sorted((round(float(r[1]), 6), r[2], *r[4:]) for r in rows)

    assert state_rows(ours_ftree) == state_rows(theirs_ftree)
    assert ours_ftree.count("*Links") == theirs_ftree.count("*Links")
    ours_json, theirs_json = (json.loads((d / f"{name}_states.json").read_text()) for d in (ours, theirs))
    assert ours_json["stateLevel"] is True and theirs_json["stateLevel"] is True
    assert [list(node) for node in ours_json["nodes"]] == [list(node) for node in theirs_json["nodes"]]
    assert sorted((n["name"], n["id"], n.get("layerId"), round(n["flow"], 6)) for n in ours_json["nodes"]) == \
        sorted((n["name"], n["id"], n.get("layerId"), round(n["flow"], 6)) for n in theirs_json["nodes"])
