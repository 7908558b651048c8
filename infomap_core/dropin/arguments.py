"""Read an official Infomap command line: ``NETWORK OUT_DIR [options]``.

The syntax is the official one: short options cluster (``-2d``), a short option's value
is the rest of its word or the next word (``-N10``, ``-N 10``), a long option's value is
the next word (``--clu-level -1``: a value may start with ``-``) or follows ``=``, counted
options repeat (``-vvv``). Every option comes from :data:`infomap_core.official_options.OPTIONS`.
An official option mapeq does not support, or an unknown one, is an :class:`OptionError`
naming it; nothing is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import OptionError
from ..official_options import OPTIONS, OfficialOption, find_option, refusal

__all__ = ["DropinArgs", "parse_arguments", "help_text"]


@dataclass
class DropinArgs:
    """The positional arguments and the value of every supported option (by ``dest``)."""

    network: str | None = None
    out_dir: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    given: list[str] = field(default_factory=list)  # options as typed, in order

    def __getattr__(self, name: str) -> Any:
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        for option in OPTIONS:
            if option.dest == name:
                return _default(option)
        raise AttributeError(name)


def _default(option: OfficialOption) -> Any:
    return {"flag": False, "count": 0}.get(option.kind)


def _convert(option: OfficialOption, text: str) -> Any:
    try:
        if option.kind == "int":
            return int(text)
        if option.kind == "float":
            return float(text)
    except ValueError:
        expected = "an integer" if option.kind == "int" else "a number"
        raise OptionError(f"option {option.long} expects {expected}, got {text!r}", field=option.dest) from None
    if option.kind == "list":
        return [part for part in text.split(",") if part]
    return text


def _resolve(name: str) -> OfficialOption:
    option = find_option(name)
    if option is None:
        raise OptionError(f"unknown option {name!r} (mapeq NETWORK OUT_DIR [options]; -h lists them)", field=name)
    if not option.supported:
        raise OptionError(refusal(option, name), field=option.dest)
    return option


def parse_arguments(argv: list[str]) -> DropinArgs:
    """The arguments of ``mapeq NETWORK OUT_DIR [options]`` (see the module docstring).

    Examples
    --------
    >>> args = parse_arguments(["net.txt", "out", "-2d", "-N10", "--clu-level", "-1", "-o", "clu,tree"])
    >>> (args.network, args.two_level, args.directed, args.num_trials, args.clu_level, args.output)
    ('net.txt', True, True, 10, -1, ['clu', 'tree'])
    """
    args = DropinArgs()
    positional: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        i += 1
        if word.startswith("--"):
            name, eq, inline = word.partition("=")
            option = _resolve(name)
            if option.takes_value:
                if not eq:
                    if i >= len(argv):
                        raise OptionError(f"option {name} needs a value", field=option.dest)
                    inline, i = argv[i], i + 1
                _store(args, option, _convert(option, inline))
            elif eq:
                raise OptionError(f"option {name} takes no value", field=option.dest)
            else:
                _store(args, option, True)
            args.given.append(name)
        elif word.startswith("-") and len(word) > 1:
            j = 1
            while j < len(word):
                option = _resolve("-" + word[j])
                args.given.append("-" + word[j])
                if option.takes_value:
                    rest = word[j + 1:]
                    if not rest:
                        if i >= len(argv):
                            raise OptionError(f"option -{word[j]} ({option.long}) needs a value", field=option.dest)
                        rest, i = argv[i], i + 1
                    _store(args, option, _convert(option, rest))
                    break
                _store(args, option, True)
                j += 1
        else:
            positional.append(word)
    if len(positional) > 2:
        raise OptionError(f"expected NETWORK OUT_DIR, got {len(positional)} arguments: {' '.join(positional)}",
                          field="arguments")
    args.network = positional[0] if positional else None
    args.out_dir = positional[1] if len(positional) > 1 else None
    return args


def _store(args: DropinArgs, option: OfficialOption, value: Any) -> None:
    if option.kind == "count":
        args.values[option.dest] = args.values.get(option.dest, 0) + 1
    elif option.kind == "list":
        args.values.setdefault(option.dest, []).extend(value)
    else:
        args.values[option.dest] = value


def help_text() -> str:
    """The ``-h`` text: usage and every supported option."""
    lines = ["usage: mapeq NETWORK OUT_DIR [options]   (the official Infomap's command line)",
             "       mapeq run NETWORK [...] | mapeq codelength NETWORK --partition FILE   (mapeq's own)",
             "", "options:"]
    for option in OPTIONS:
        if not option.supported:
            continue
        names = ", ".join(n for n in (option.short, option.long) if n)
        value = {"int": " N", "float": " X", "str": " VALUE", "list": " LIST"}.get(option.kind, "")
        lines.append(f"  {names + value:<36} {option.help}")
    lines.append("")
    lines.append("Other official options are refused by name; docs/command-line.md has the table.")
    return "\n".join(lines) + "\n"
