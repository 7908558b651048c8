"""The official Infomap's command line on mapeq: ``mapeq NETWORK OUT_DIR [official options]``.

Behaves like ``infomap NETWORK OUT_DIR [options]`` for every option in
:data:`infomap_core.official_options.OPTIONS` that mapeq supports (``docs/command-line.md``),
and refuses any other by name. :mod:`.arguments` reads the command line, :mod:`.run` runs it.
Errors exit with status 2 and one line on stderr.
"""

from __future__ import annotations

import sys
from typing import Sequence

from ..errors import MapEqError
from .arguments import DropinArgs, help_text, parse_arguments
from .run import fixed_result, run

__all__ = ["main", "parse_arguments", "DropinArgs", "fixed_result"]


def main(argv: Sequence[str]) -> int:
    argv = list(argv)
    try:
        args = parse_arguments(argv)
        if args.help:
            sys.stdout.write(help_text())
            return 0
        if args.version:
            from .. import __version__

            sys.stdout.write(f"mapeq v{__version__}\n")
            return 0
        return run(args, argv)
    except (MapEqError, OSError) as exc:
        sys.stderr.write(f"mapeq: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130
