"""Module ids at one level of the hierarchy, numbered as the official ``.clu`` files number them.

At level 0 every node belongs to the root (module 1). At level ``L >= 1`` a node belongs to its ancestor at depth ``L``; a node whose own module
is shallower (a ragged tree) belongs to that module, its parent. At level ``-1`` every node
belongs to its parent (the bottom modules). The modules of a level are numbered 1, 2, ...
in depth-first order of the tree (children by decreasing flow).
"""

from __future__ import annotations

__all__ = ["modules_at_level"]


def modules_at_level(tree, level: int):
    """1-based module id of every network node (node index order) at ``level``.

    Examples
    --------
    >>> from infomap_core import Network, compute_codelength
    >>> net = Network.from_edges([(1, 2), (2, 3), (3, 4), (4, 1), (4, 5)])
    >>> tree = compute_codelength(net, {1: "1:1:1", 2: "1:1:2", 3: "1:2:1", 4: "1:2:2", 5: "2:1"}).tree
    >>> [":".join(map(str, p)) for p in tree.paths()]  # ranked by flow: {3, 4} comes first
    ['1:2:1', '1:2:2', '1:1:2', '1:1:1', '2:1']
    >>> modules_at_level(tree, 2).tolist()  # node 5 sits in a top module: that is its level-2 module
    [2, 2, 1, 1, 3]
    """
    if level < -1:
        from ..errors import OptionError

        raise OptionError(f"the module level must be >= -1 (-1: bottom modules), got {level}", field="clu_level")
    return tree.modules_at_level(level) + 1  # the rule is the tree's (the official's get_modules)
