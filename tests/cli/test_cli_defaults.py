"""The command line's defaults are the engine's: one place (``InfomapOptions``, ``RelaxOptions``)."""

from __future__ import annotations

from dataclasses import fields

import pytest

from infomap_core import InfomapOptions
from infomap_core import cli
from infomap_core.multilayer import RelaxOptions


def _args(subcommand: str):
    return cli._parser().parse_args([subcommand, "net.txt"] + (["--partition", "p.clu"] if subcommand == "codelength"
                                                                 else []))


@pytest.mark.parametrize("subcommand", ["run", "codelength"])
def test_every_cli_default_is_the_engines(subcommand):
    args, engine = vars(_args(subcommand)), InfomapOptions()
    shared = [f.name for f in fields(InfomapOptions) if f.name in args]
    assert {"teleportation_probability", "markov_time", "regularization_strength", "meta_data_rate",
            "entropy_correction_strength", "preferred_number_of_modules"} <= set(shared)
    for name in shared:
        if args[name] is None or (name == "directed" and args[name] is False):
            continue                   # the engine's own default applies (num_threads, flow_model; -d absent)
        assert args[name] == getattr(engine, name), name
    relax = RelaxOptions()
    assert (args["multilayer_relax_limit"], args["multilayer_relax_limit_up"], args["multilayer_relax_limit_down"]) \
        == (relax.limit, relax.limit_up, relax.limit_down)


def test_run_defaults_seed_and_trials_are_the_engines():
    from infomap_core.infomap import CONVERGE_DEFAULT_CAP

    args = _args("run")
    assert (args.seed, cli.num_trials(args)) == (InfomapOptions().seed, InfomapOptions().num_trials)
    options = cli._options(args, two_level=args.two_level, num_trials=cli.num_trials(args), seed=args.seed,
                           num_threads=args.num_threads, converge=args.converge)
    assert options == InfomapOptions()
    converging = cli._parser().parse_args(["run", "net.txt", "--converge"])
    assert cli.num_trials(converging) == CONVERGE_DEFAULT_CAP


def test_changing_the_engine_default_changes_the_cli(monkeypatch):
    """The parser reads the defaults object, not literals: a different engine default shows up."""
    monkeypatch.setattr(cli, "DEFAULTS", InfomapOptions(seed=7, teleportation_probability=0.2, num_trials=3))
    args = _args("run")
    assert (args.seed, args.teleportation_probability, cli.num_trials(args)) == (7, 0.2, 3)


def test_the_distributed_search_seeds_as_the_engine():
    import inspect

    from infomap_core.distributed import run_distributed, search_seed

    # ``seed`` overrides the options' seed; without either, the engine's default seed
    assert inspect.signature(run_distributed).parameters["seed"].default is None
    assert search_seed(None) == search_seed(InfomapOptions(two_level=True)) == InfomapOptions().seed
    assert search_seed(InfomapOptions(seed=5)) == 5 and search_seed(InfomapOptions(seed=5), 9) == 9
