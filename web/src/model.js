// The result of POST /v1/infomap as a tree with parent links, plus the link flow of
// the input network (the same formulas as infomap_core/flow.py), so the page can draw
// the module network and write every output format without another request.

/**
 * Tree nodes: {path, rank, flow, enter, exit, depth, parent, children, node?, name?}.
 * Leaves carry ``node`` (the id) and ``name``. ``byNode`` maps String(id) -> leaf.
 */
export function buildTree(response, names = new Map()) {
  const all = [];
  const byNode = new Map();
  const add = (t, parent, rank) => {
    t.parent = parent;
    t.rank = rank;
    t.depth = parent ? parent.depth + 1 : 0;
    t.index = all.length;
    all.push(t);
    if (t.node !== undefined) byNode.set(String(t.node), t);
    return t;
  };
  let root;
  if (response.tree) {
    const walk = (src, parent, rank) => {
      const t = add({ path: src.path, flow: src.flow, enter: src.enter ?? 0, exit: src.exit ?? 0, children: [] },
        parent, rank);
      if (src.children) {
        src.children.forEach((c) => {
          const r = Number(String(c.path).split(":").pop());
          t.children.push(walk(c, t, r));
        });
      } else {
        t.node = src.node;
        t.name = src.name;
        t.children = null;
        byNode.set(String(t.node), t);
      }
      return t;
    };
    root = walk(response.tree, null, 0);
  } else {
    // two-level runs carry no tree: modules -> nodes, ordered by flow
    const flow = response.node_flow || {};
    const groups = new Map();
    for (const [id, m] of Object.entries(response.modules)) {
      if (!groups.has(m)) groups.set(m, []);
      groups.get(m).push(id);
    }
    root = add({ path: "root", flow: 0, enter: 0, exit: 0, children: [] }, null, 0);
    for (const m of [...groups.keys()].sort((a, b) => a - b)) {
      const mod = add({ path: String(m), flow: 0, enter: NaN, exit: NaN, children: [] }, root, m);
      root.children.push(mod);
      const ids = groups.get(m).sort((a, b) => (flow[b] ?? 0) - (flow[a] ?? 0));
      ids.forEach((id, k) => {
        const f = flow[id] ?? 0;
        const node = /^-?\d+$/.test(id) ? Number(id) : id;
        mod.children.push(add({ path: `${m}:${k + 1}`, flow: f, node, name: names.get(id) ?? id, children: null },
          mod, k + 1));
        mod.flow += f;
      });
      root.flow += mod.flow;
    }
  }
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
  return { root, all, byNode };
}

/** Top nodes of a module by flow. */
export function topLeaves(t, k = 5) {
  return [...t.leaves].sort((a, b) => b.flow - a.flow).slice(0, k);
}

/**
 * Flow on each input link, as infomap_core.flow.compute_flow computes it.
 * Returns [{s, t, flow}] with String ids (self-links kept, flow 0 for other models'
 * missing cases). ``model``: undirected | directed | undirdir | outdirdir | rawdir.
 */
export function linkFlows(edges, { model, tau = 0.15, markovTime = 1, recorded = false }) {
  const idx = new Map();
  const ids = [];
  const at = (id) => {
    const key = String(id);
    if (!idx.has(key)) {
      idx.set(key, ids.length);
      ids.push(key);
    }
    return idx.get(key);
  };
  const src = [];
  const tgt = [];
  const w = [];
  for (const e of edges) {
    src.push(at(e[0]));
    tgt.push(at(e[1]));
    w.push(e.length > 2 ? Number(e[2]) : 1);
  }
  const n = ids.length;
  const m = src.length;
  let totalW = 0;
  let selfW = 0;
  for (let e = 0; e < m; e++) {
    totalW += w[e];
    if (src[e] === tgt[e]) selfW += w[e];
  }
  const strengthNorm = 2 * totalW - selfW;
  const outW = new Float64Array(n);
  for (let e = 0; e < m; e++) {
    outW[src[e]] += w[e];
    if ((model === "undirected" || model === "undirdir") && src[e] !== tgt[e]) outW[tgt[e]] += w[e];
  }
  const p0 = new Float64Array(n);
  for (let e = 0; e < m; e++) {
    p0[src[e]] += w[e];
    if (model !== "outdirdir" && src[e] !== tgt[e]) p0[tgt[e]] += w[e];
  }
  for (let i = 0; i < n; i++) p0[i] /= strengthNorm;
  const flow = new Float64Array(m);
  if (model === "undirected") {
    for (let e = 0; e < m; e++) flow[e] = (src[e] === tgt[e] ? w[e] : 2 * w[e]) / strengthNorm;
  } else if (model === "directed") {
    const tele = new Float64Array(n);
    for (let e = 0; e < m; e++) tele[recorded ? tgt[e] : src[e]] += w[e] / totalW;
    const trans = w.map((x, e) => (outW[src[e]] > 0 ? x / outW[src[e]] : 0));
    pagerank(n, src, tgt, trans, p0, tele, outW, tau, recorded, flow);
  } else if (model === "undirdir" || model === "outdirdir") {
    let total = 0;
    for (let e = 0; e < m; e++) {
      flow[e] = (p0[src[e]] * w[e]) / outW[src[e]];
      total += flow[e];
    }
    for (let e = 0; e < m; e++) flow[e] /= total;
  } else {
    for (let e = 0; e < m; e++) flow[e] = w[e] / totalW;
  }
  const out = [];
  for (let e = 0; e < m; e++) out.push({ s: ids[src[e]], t: ids[tgt[e]], flow: flow[e] * markovTime });
  return out;
}

// infomap_core.flow._pagerank, on an edge list instead of CSR
function pagerank(n, src, tgt, trans, p0, tele, outW, alpha, recorded, linkFlow) {
  const m = src.length;
  const dangling = Array.from(outW, (x) => x <= 0);
  let p = Float64Array.from(p0);
  const tmp = new Float64Array(n);
  let beta = 1 - alpha;
  let err = 0;
  let it = 0;
  let danglingRank = 0;
  for (;;) {
    const oldErr = err;
    danglingRank = 0;
    for (let i = 0; i < n; i++) if (dangling[i]) danglingRank += p[i];
    const teleFlow = alpha + beta * danglingRank;
    for (let i = 0; i < n; i++) tmp[i] = teleFlow * tele[i];
    for (let e = 0; e < m; e++) tmp[tgt[e]] += trans[e] * (beta * p[src[e]]);
    let total = 0;
    err = 0;
    for (let i = 0; i < n; i++) {
      total += tmp[i];
      err += Math.abs(tmp[i] - p[i]);
    }
    p = Float64Array.from(tmp);
    if (Math.abs(total - 1) > 1e-10 && total > 0) for (let i = 0; i < n; i++) p[i] /= total;
    if (Math.abs(err - oldErr) < 1e-17) {
      alpha += 1e-12;
      beta = 1 - alpha;
    }
    it += 1;
    if (!(it < 400 && (err > 1e-15 || it < 50))) break;
  }
  if (recorded) {
    for (let e = 0; e < m; e++) linkFlow[e] = trans[e] * beta * tmp[src[e]];
    return;
  }
  const norm = 1 - danglingRank;
  for (let e = 0; e < m; e++) linkFlow[e] = (trans[e] * tmp[src[e]]) / norm;
}

/**
 * The visible module network: the tree cut at ``expanded`` (a Set of paths).
 * Returns {units: [tree node], links: [{a, b, flow}]} with flow between units
 * (self-links and links inside a unit dropped).
 */
export function moduleNetwork(tree, flows, expanded, directed) {
  const units = [];
  const unitOf = new Map();
  const visit = (t) => {
    if (t.children && (t === tree.root || expanded.has(t.path))) {
      t.children.forEach(visit);
      return;
    }
    const u = units.length;
    units.push(t);
    for (const leaf of t.leaves) unitOf.set(String(leaf.node), u);
  };
  visit(tree.root);
  const acc = new Map();
  for (const { s, t, flow } of flows) {
    let a = unitOf.get(s);
    let b = unitOf.get(t);
    if (a === undefined || b === undefined || a === b) continue;
    if (!directed && a > b) [a, b] = [b, a];
    const key = a * units.length + b;
    acc.set(key, (acc.get(key) ?? 0) + flow);
  }
  const links = [...acc].map(([key, flow]) => ({ a: Math.floor(key / units.length), b: key % units.length, flow }));
  return { units, links };
}
