"""The header lines of the official Infomap's ``.tree``, ``.ftree`` and ``.clu`` files.

The official Infomap (2.16) starts each of these files with::

    # v2.16.0
    # ./Infomap network.net out -N 10
    # started at 2026-01-01 12:00:00
    # completed in 0.0123 s
    # trials 10 of 10
    # seed 123
    # partitioned into 3 levels with 5 top modules
    # codelength 3.37188 bits
    # relative codelength savings 28.9465%
    # flow model undirected
    # input fingerprint 46c8f6779428f3fa (297 bytes)
    # config fingerprint 741507a27cc3f2e9

and the official parser (``@mapequation/infomap-parser``) reads the version from the first
line (``^# (v\\d+\\.\\d+\\.\\d+)``) and the command line from the second. mapeq writes the same
lines in the same order with its own version and ``mapeq`` as the program:
:func:`header_lines`. ``trials k of N`` is the number of trials run of those asked for.
The input fingerprint line is written when the network came from a file (the first 16 hex
digits of the SHA-256 of its bytes), the cluster data (meta data) fingerprint when a ``--cluster-data``
(``--meta-data``) file was read, the config fingerprint always (SHA-256 of the options);
a bipartite network adds ``# bipartite start id N`` (the start id as read), as the official does.

The parser's strict mode also needs non-zero ``completed in``, ``codelength`` and
``relative codelength savings`` values. A result with one module has savings 0 (and a
network whose flow is certain, such as one arc, codelength 0): the official Infomap then
writes ``0%`` (``0 bits``) and its own files fail the strict parser exactly as ours do; the
non-strict parser reads both.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import time
from dataclasses import dataclass
from collections.abc import Iterable
from typing import TYPE_CHECKING

import orjson

if TYPE_CHECKING:  # pragma: no cover
    from ..infomap import InfomapResult

__all__ = ["RunInfo", "FileInfo", "header_lines", "config_fingerprint", "file_fingerprint", "version_line", "started_at_text"]


@dataclass(frozen=True)
class FileInfo:
    """A file a run read: its path as given, size in bytes, modification time and fingerprint."""

    path: str
    size: int
    mtime: int
    hash: str

    @classmethod
    def of(cls, path: str, data: bytes | None = None) -> "FileInfo":
        """``data``: the file's content when already read (a ``.gz`` is fingerprinted decompressed)."""
        stat = os.stat(path)
        if data is None:  # read in blocks: the whole file is never in memory at once
            with open(path, "rb") as fh:
                fingerprint = file_fingerprint(iter(lambda: fh.read(1 << 20), b""))
        else:
            fingerprint = file_fingerprint(data)
        return cls(path=path, size=stat.st_size, mtime=int(stat.st_mtime), hash=fingerprint)

    def to_dict(self) -> dict:
        return {"path": self.path, "size": self.size, "mtime": self.mtime, "hash": self.hash}


@dataclass(frozen=True)
class RunInfo:
    """What a result does not know about how it was asked for.

    ``command_line``: the arguments as typed (``["net.txt", "out", "-N", "10"]``); None
    writes the flags equivalent to the result's options. ``input`` and ``cluster_data``: the
    network file and the ``--cluster-data`` file. ``trials_done`` overrides the number of
    trials run (a single trial's files from ``--print-all-trials``).
    """

    command_line: tuple[str, ...] | None = None
    input: FileInfo | None = None
    cluster_data: FileInfo | None = None
    meta_data: FileInfo | None = None  # the --meta-data file
    meta_labels: tuple[str, ...] | None = None  # its category of each node (index order), for the JSON
    trials_done: int | None = None


def _version() -> str:
    from .. import __version__

    return __version__


def version_line() -> str:
    return f"# v{_version()}"


def file_fingerprint(data: bytes | Iterable[bytes]) -> str:
    """The 16-hex-digit fingerprint of a network file's bytes (the first 16 hex digits of their
    SHA-256), given at once or as successive blocks."""
    digest = hashlib.sha256()
    for block in (data,) if isinstance(data, (bytes, bytearray, memoryview)) else data:
        digest.update(block)
    return digest.hexdigest()[:16]


def config_fingerprint(result: "InfomapResult") -> str:
    """16 hex digits of the SHA-256 of the options (sorted JSON)."""
    return hashlib.sha256(orjson.dumps(result.options.to_dict(), option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]


def command_text(result: "InfomapResult", info: RunInfo) -> str:
    from ..official_options import equivalent_flags

    args = info.command_line if info.command_line is not None else equivalent_flags(result.options)
    return shlex.join(["mapeq", *args])


def started_at_text(result: "InfomapResult") -> str:
    started = result.started_at if result.started_at is not None else time.time() - result.elapsed
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(started))


def trials_done(result: "InfomapResult", info: RunInfo) -> int:
    return info.trials_done if info.trials_done is not None else len(result.trial_codelengths)


def header_lines(result: "InfomapResult", info: RunInfo | None = None) -> list[str]:
    """The official header lines (without the column line), in the official order."""
    info = info or RunInfo()
    lines = [
        version_line(),
        f"# {command_text(result, info)}".replace("\n", "\\n").replace("\r", "\\r"),
        f"# started at {started_at_text(result)}",
        f"# completed in {result.elapsed:g} s",
        f"# trials {trials_done(result, info)} of {result.options.num_trials}",
        f"# seed {result.options.seed}",
        f"# partitioned into {result.num_levels} levels with {result.num_modules} top modules",
        f"# codelength {result.codelength:.9g} bits",
        f"# relative codelength savings {100 * result.relative_codelength_savings:g}%",
        f"# flow model {result.flow.flow_model}",
    ]
    if info.input is not None:
        lines.append(f"# input fingerprint {info.input.hash} ({info.input.size} bytes)")
    if info.cluster_data is not None:
        lines.append(f"# cluster data fingerprint {info.cluster_data.hash}")
    if info.meta_data is not None:
        lines.append(f"# meta data fingerprint {info.meta_data.hash}")
    lines.append(f"# config fingerprint {config_fingerprint(result)}")
    if result.network.bipartite_start_id is not None:
        lines.append(f"# bipartite start id {result.network.bipartite_start_id}")
    return lines
