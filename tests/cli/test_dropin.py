"""``mapeq NETWORK OUT_DIR [official options]``: file names, switches, per-trial files, errors
naming the option, console output and the progress display."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys

import numpy as np
import pytest

from infomap_core import InfomapOptions, run_infomap
from infomap_core.cli_io import read_network_arg
from infomap_core.official_options import OPTIONS

from .conftest import DATA, OFFICIAL_CLI, mapeq_in_process, mapeq_script, official_cli

NET = DATA / "ninetriangles.net"


def names(directory) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_file_names_follow_the_official(tmp_path):
    status, _, err = mapeq_in_process(NET, tmp_path / "a", "-o", "clu,tree,ftree,newick,json,csv", "--silent")
    assert status == 0, err
    official_cli(NET, tmp_path / "b", "-o", "clu,tree,ftree,newick,json,csv", "--silent")
    assert names(tmp_path / "a") == names(tmp_path / "b") == [
        "ninetriangles.clu", "ninetriangles.csv", "ninetriangles.ftree", "ninetriangles.json", "ninetriangles.nwk",
        "ninetriangles.tree"]


@pytest.mark.parametrize("flags,expected", [
    ([], ["ninetriangles.tree"]),  # the default when no format is chosen
    (["--clu"], ["ninetriangles.clu"]),
    (["--ftree", "--tree"], ["ninetriangles.ftree", "ninetriangles.tree"]),
    (["-o", "csv", "--clu"], ["ninetriangles.clu", "ninetriangles.csv"]),
    (["--out-name", "x", "-o", "json"], ["x.json"]),
    (["-N", "3", "--print-all-trials", "-o", "clu"],
     ["ninetriangles.clu", "ninetriangles_trial_1.clu", "ninetriangles_trial_2.clu", "ninetriangles_trial_3.clu"]),
])
def test_format_switches_and_names_as_the_official(tmp_path, flags, expected):
    status, _, err = mapeq_in_process(NET, tmp_path / "ours", *flags, "--silent")
    assert status == 0, err
    official_cli(NET, tmp_path / "theirs", *flags, "--silent")
    assert names(tmp_path / "ours") == names(tmp_path / "theirs") == expected


def test_each_trial_file_holds_that_trial(tmp_path):
    status, _, err = mapeq_in_process(NET, tmp_path, "-N", "3", "-s", "5", "--print-all-trials", "-o", "json",
                                      "--silent")
    assert status == 0, err
    best = json.loads((tmp_path / "ninetriangles.json").read_text())
    trials = [json.loads((tmp_path / f"ninetriangles_trial_{k}.json").read_text()) for k in (1, 2, 3)]
    expected = run_infomap(read_network_arg(str(NET)), InfomapOptions(num_trials=3, seed=5))
    assert [t["codelength"] for t in trials] == pytest.approx(expected.trial_codelengths, rel=1e-12)
    assert [t["trials"] for t in trials] == [1, 2, 3] and best["trials"] == 3
    assert best["codelength"] == pytest.approx(min(expected.trial_codelengths), rel=1e-12)


def test_no_file_output_writes_nothing(tmp_path):
    status, out, _ = mapeq_in_process(NET, tmp_path / "none", "-0", "-N", "2")
    assert status == 0 and not (tmp_path / "none").exists()
    assert "best      codelength" in out


@pytest.mark.parametrize("argv,needle", [
    (["--bogus"], "unknown option '--bogus'"),
    (["--inner-parallelization"], "'--inner-parallelization' is not supported"),
    (["--memory-report"], "'--memory-report' is not supported"),
    (["--node-limit", "0"], "--node-limit must be >= 1, got 0"),
    (["--preferred-number-of-levels", "1"], "preferred_number_of_levels must be an integer in [2, 32]"),
    (["--preferred-number-of-levels", "2.5"], "--preferred-number-of-levels expects an integer, got '2.5'"),
    (["--preferred-number-of-levels", "3", "-2"], "preferred_number_of_levels 3 contradicts two_level"),
    (["--preferred-number-of-levels-strength", "-1"], "--preferred-number-of-levels-strength must be >= 0, got -1"),
    (["-k"], "'-k' is not supported"),
    (["-2x"], "unknown option '-x'"),
    (["-o", "network"], "output format 'network' is not supported"),
    (["-o", "clu,nonsense"], "unknown output format 'nonsense'"),
    (["-N", "many"], "--num-trials expects an integer, got 'many'"),
    (["--seed"], "--seed needs a value"),
    (["-f", "sideways"], "unknown flow model 'sideways'"),
    (["--two-level=yes"], "--two-level takes no value"),
    (["-M", "0"], "--core-loop-limit must be >= 1"),
])
def test_unknown_or_unsupported_options_are_errors_naming_them(tmp_path, argv, needle):
    out = mapeq_script(NET, tmp_path / "out", *argv)
    assert out.returncode == 2
    assert needle in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert not (tmp_path / "out").exists()


def test_missing_out_dir_is_an_error(tmp_path):
    out = mapeq_script(NET)
    assert out.returncode == 2 and "missing OUT_DIR" in out.stderr


def test_every_official_option_is_in_the_table_and_supported_ones_parse(tmp_path):
    """The table covers the official's options (its -hh listing), and each supported one runs."""
    listing = subprocess.run([str(OFFICIAL_CLI), "-hh"], capture_output=True, text=True).stdout
    official = set(re.findall(r"^\s+(?:-\S+\s+)?(--[a-z0-9-]+)", listing, flags=re.M))
    ours = {o.long for o in OPTIONS}
    assert official <= ours, sorted(official - ours)
    samples = {"int": "2", "float": "0.5", "str": None, "list": "clu"}
    for option in OPTIONS:
        if not option.supported or option.long in ("--help", "--version", "--cluster-data", "--out-name", "--meta-data",
                                                   "--flow-model"):
            continue
        value = samples.get(option.kind)
        argv = [option.long] + ([value] if value else [])
        status, _, err = mapeq_in_process(NET, tmp_path / option.dest, *argv, "--silent")
        assert status == 0, (option.long, err)


def test_clu_level_minus_one_in_both_command_lines(tmp_path):
    status, _, err = mapeq_in_process(NET, tmp_path, "--clu", "--clu-level", "-1", "-s", "2", "--silent")
    assert status == 0, err
    drop_in = (tmp_path / "ninetriangles.clu").read_text()
    modern = mapeq_script("run", NET, "--seed", "2", "--output", "clu", "--clu-level", "-1")
    assert modern.returncode == 0, modern.stderr
    result = run_infomap(read_network_arg(str(NET)), InfomapOptions(seed=2))
    expected = dict(zip(result.network.node_ids.tolist(), result.module_ids(-1).tolist()))
    for text in (drop_in, modern.stdout):
        assert "# module level -1" in text.splitlines()
        rows = [line.split() for line in text.splitlines() if not line.startswith("#")]
        assert {int(r[0]): int(r[1]) for r in rows} == expected
    assert len(set(expected.values())) == 9  # the nine triangles, not the top modules


def test_console_output_silent_default_verbose(tmp_path):
    _, silent, _ = mapeq_in_process(NET, tmp_path, "--silent")
    _, default, _ = mapeq_in_process(NET, tmp_path, "-N", "2")
    _, verbose, _ = mapeq_in_process(NET, tmp_path, "-N", "2", "-v")
    assert silent == ""
    assert "trial 2/2 codelength" in default and "best      codelength" in default
    assert "codelength per depth" not in default
    assert "levels    codelength per depth" in verbose


def _run_on_a_terminal(*args) -> str:
    """Output of the console script with stdout and stderr on a pseudo-terminal."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    proc = subprocess.Popen([sys.executable, "-m", "infomap_core.cli", *map(str, args)], stdout=follower,
                            stderr=follower, stdin=subprocess.DEVNULL, env=env)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode(errors="replace")


def test_progress_shows_on_a_terminal_and_not_with_silent_or_a_pipe(tmp_path):
    shown = _run_on_a_terminal(NET, tmp_path, "-N", "20")
    assert "trials" in shown and "best" in shown and "/20" in shown
    assert _run_on_a_terminal(NET, tmp_path, "-N", "20", "--silent") == ""
    piped = mapeq_script(NET, tmp_path, "-N", "20")
    assert "━" not in piped.stdout + piped.stderr and "/20 " not in piped.stderr


def test_help_and_version():
    drop_in = mapeq_script(NET, "x", "-h").stdout
    assert "mapeq NETWORK OUT_DIR" in drop_in and "--clu-level" in drop_in and "--memory-report" not in drop_in
    assert "mapeq NETWORK OUT_DIR" in mapeq_script("-h").stdout
    assert mapeq_script(NET, "x", "--version").stdout.startswith("mapeq v")


def test_search_options_reach_the_engine():
    from infomap_core.dropin.arguments import parse_arguments
    from infomap_core.dropin.run import engine_options
    from infomap_core.optimizer import SearchSettings

    args = parse_arguments(["n", "o", "-M", "3", "-T", "4", "--num-random-moves", "0", "--max-degree-for-random-moves",
                            "7", "--core-loop-codelength-threshold", "1e-8", "--tune-iteration-relative-threshold",
                            "1e-4", "-N", "2", "-p", "0.3"])
    options, settings = engine_options(args)
    assert (options.num_trials, options.teleportation_probability, options.seed) == (2, 0.3, InfomapOptions().seed)
    assert settings == SearchSettings(core_loop_limit=3, max_tune_iterations=4, num_random_moves=0,
                                      max_degree_for_random_moves=7, core_loop_threshold=1e-8,
                                      tune_relative_threshold=1e-4)
    assert engine_options(parse_arguments(["n", "o", "-T", "0"]))[1] == SearchSettings()  # 0: the default


def test_one_level_tree_codes_the_one_level_codelength():
    """--no-infomap without cluster data: every node under the root, L = H(p)."""
    from infomap_core import prepare
    from infomap_core.tree import Tree

    network = read_network_arg(str(NET))
    flow = prepare(network).flow
    tree = Tree.one_level(flow)
    p = flow.node_flow[flow.node_flow > 0]
    assert tree.num_levels == 1 and tree.num_top_modules == network.num_nodes
    assert tree.codelength()[0] == pytest.approx(float(-(p * np.log2(p)).sum()), rel=1e-12)


def test_fast_hierarchical_solution_counts_up_to_three_as_the_official():
    """-F, -FF, -FFF, and beyond: the official takes -FFFF as -FFF (the same tree), so do we."""
    from infomap_core.dropin.arguments import parse_arguments
    from infomap_core.dropin.run import engine_options

    counts = [engine_options(parse_arguments(["n.txt", "out", *flags]))[0].fast_hierarchical_solution
              for flags in ([], ["-F"], ["-FF"], ["-F", "--fast-hierarchical-solution", "-F"], ["-FFFF"], ["-2FFFFF"])]
    assert counts == [0, 1, 2, 3, 3, 3]


def test_preferred_number_of_levels_on_both_command_lines(tmp_path):
    """``mapeq run`` and the drop-in take the official's flags and answer the engine's tree:
    ninetriangles, whose search finds 3 levels, asked for 2 and for 4 (infomap_core.levels)."""
    network = read_network_arg(str(NET))
    for levels in (2, 4):
        flags = ["--preferred-number-of-levels", levels, "--preferred-number-of-levels-strength", 5, "-s", 1]
        expected = run_infomap(network, InfomapOptions(seed=1, preferred_number_of_levels=levels,
                                                       preferred_number_of_levels_strength=5))
        assert expected.num_levels == levels
        status, out, err = mapeq_in_process("run", NET, *flags)
        assert status == 0, err
        ours = json.loads(out)
        assert (ours["num_levels"], ours["level_penalty"]) == (levels, 0.0)
        assert ours["codelength"] == pytest.approx(expected.codelength, rel=1e-12)
        assert ours["options"]["preferred_number_of_levels"] == levels
        status, _, err = mapeq_in_process(NET, tmp_path / str(levels), *flags, "-o", "json,tree", "--silent")
        assert status == 0, err
        official_schema = json.loads((tmp_path / str(levels) / "ninetriangles.json").read_text())
        assert official_schema["numLevels"] == levels
        assert official_schema["codelength"] == pytest.approx(expected.codelength, rel=1e-12)
        assert f"# partitioned into {levels} levels" in (tmp_path / str(levels) / "ninetriangles.tree").read_text()
    status, _, err = mapeq_in_process("run", NET, "--preferred-number-of-levels", 1)
    assert status == 2 and "preferred_number_of_levels must be an integer in [2, 32]" in err, err
    status, _, err = mapeq_in_process("run", NET, "--preferred-number-of-levels-strength", -2)
    assert status == 2 and "preferred_number_of_levels_strength must be in [0" in err, err


def test_the_console_reports_the_level_penalty(tmp_path):
    status, out, err = mapeq_in_process(NET, tmp_path / "o", "-0", "-s", 1, "--preferred-number-of-levels", 2,
                                        "--preferred-number-of-levels-strength", 0.1)
    assert status == 0, err
    assert "in 3 levels" in out  # 0.1 bit per level does not pay for the 0.15 bits two levels cost
    assert "preferred 2 levels: penalty 0.100000000 bits (0.1 per level away; not in the codelength)" in out
