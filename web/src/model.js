// The server's answer as the page draws it: the tree with parent links, and the module
// links of the visible modules. Every number (flows, module links) is the server's; this
// file only joins paths to tree nodes.

/**
 * Tree nodes: {path, rank, flow, enter, exit, depth, parent, children, node?, name?}.
 * Leaves carry ``node`` (the id) and ``name``. ``byPath`` maps a path to its tree node.
 */
export function buildTree(response) {
  const all = [];
  const byPath = new Map();
  const walk = (src, parent, rank) => {
    const t = { path: src.path, flow: src.flow, enter: src.enter ?? 0, exit: src.exit ?? 0, parent, rank,
      depth: parent ? parent.depth + 1 : 0, children: null };
    all.push(t);
    byPath.set(t.path, t);
    if (src.children) {
      t.children = src.children.map((c) => walk(c, t, Number(String(c.path).split(":").pop())));
    } else {
      t.node = src.node;
      t.name = src.name;
    }
    return t;
  };
  const root = walk(response.tree, null, 0);
  const summarise = (t) => {
    if (!t.children) {
      t.size = 1;
      t.leaves = [t];
      return;
    }
    t.children.forEach(summarise);
    t.size = t.children.reduce((s, c) => s + c.size, 0);
    t.leaves = t.children.flatMap((c) => c.leaves);
  };
  summarise(root);
  return { root, all, byPath };
}

/** Top nodes of a module by flow. */
export function topLeaves(t, k = 5) {
  return [...t.leaves].sort((a, b) => b.flow - a.flow).slice(0, k);
}

/** The path of child ``rank`` of the module at ``path`` ("root" for the top level). */
export const childPath = (path, rank) => (path === "root" ? String(rank) : `${path}:${rank}`);

/**
 * The visible module network: the root and every expanded module (a Set of paths) open,
 * the rest closed. Returns {units, groups, links}: ``units`` the closed tree nodes drawn
 * as discs, ``groups`` the open modules but the root (drawn around their children), and
 * ``links`` [{source, target, flow, module}] the server's module links (``module_links``,
 * the ``.ftree`` sections) of the root and of every open module, by child path.
 */
export function moduleView(tree, moduleLinks, expanded) {
  const units = [];
  const groups = [];
  const open = [];
  const visit = (t) => {
    if (t.children && (t === tree.root || expanded.has(t.path))) {
      open.push(t);
      if (t !== tree.root) groups.push(t);
      t.children.forEach(visit);
      return;
    }
    units.push(t);
  };
  visit(tree.root);
  const sections = new Map(moduleLinks.modules.map((m) => [m.path, m.links]));
  const links = [];
  for (const m of open) {
    for (const [a, b, flow] of sections.get(m.path) ?? []) {
      links.push({ source: childPath(m.path, a), target: childPath(m.path, b), flow, module: m.path });
    }
  }
  return { units, groups, links };
}
