"""Output formats of a result: the official Infomap's files and mapeq's JSON.

``FORMATS`` is the one table of every format: name -> (extension, media type).
``render(result, name, clu_level=1, info=None)`` returns the text of a format.
``.tree``, ``.ftree`` and ``.clu`` start with the official header lines (:mod:`.header`),
so the official parser and viewers open them; ``info`` (:class:`RunInfo`) carries what the
result does not know (the command line, the input file). ``render_official_json`` is the
official ``-o json`` document (the drop-in command line writes it for ``-o json``).

Examples
--------
>>> from infomap_core import Network, run_infomap
>>> result = run_infomap(Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]))
>>> render(result, "tree").splitlines()[0]
'# v0.1.0'
>>> render(result, "clu").splitlines()[-1]
'6 2 0.142857143'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import OptionError
from .header import FileInfo, RunInfo, header_lines
from .json_formats import official_json, render_json, render_official_json, tree_to_json
from .levels import modules_at_level
from .text import path_string_of, render_clu, render_csv, render_ftree, render_newick, render_tree

if TYPE_CHECKING:  # pragma: no cover
    from ..infomap import InfomapResult

__all__ = ["FORMATS", "Format", "FileInfo", "RunInfo", "render", "tree_to_json", "path_string_of", "format_for",
           "header_lines", "official_json", "render_official_json", "modules_at_level"]


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str
    description: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", ".json", "application/json", "our documented JSON schema (also the REST API's)"),
        Format("clu", ".clu", "text/plain", "node_id module flow, at --clu-level (1 top, -1 leaf modules)"),
        Format("tree", ".tree", "text/plain", "path flow name node_id, the official hierarchy file"),
        Format("ftree", ".ftree", "text/plain", "the tree plus the links between modules with their flow"),
        Format("csv", ".csv", "text/csv", "path,flow,name,node_id"),
        Format("newick", ".nwk", "text/plain", "the hierarchy as a Newick tree with flows as lengths"),
    )
}


def format_for(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise OptionError(f"unknown output format {name!r}; expected one of {', '.join(FORMATS)}", field="format")


def render(result: "InfomapResult", name: str, *, clu_level: int = 1, info: RunInfo | None = None,
           hide_bipartite_nodes: bool = False) -> str:
    """The text of ``result`` in format ``name`` (see :data:`FORMATS`); ``hide_bipartite_nodes``
    leaves the feature nodes of a bipartite network out of the node rows (the official
    ``--hide-bipartite-nodes``, :func:`.text.hidden_nodes`)."""
    format_for(name)
    if name == "clu":
        return render_clu(result, clu_level, info, hide_bipartite_nodes=hide_bipartite_nodes)
    if name in ("json", "tree", "csv"):
        return {"json": render_json, "tree": render_tree, "csv": render_csv}[name](
            result, info, hide_bipartite_nodes=hide_bipartite_nodes)
    return {"ftree": render_ftree, "newick": render_newick}[name](result, info)
