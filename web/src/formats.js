// Output files written in the browser from a synchronous result, in the same text as
// infomap_core/formats.py renders them (header lines, "%.9g" numbers, row order).
// Results of jobs are downloaded from GET /v1/jobs/{id}/result?format= instead.

export const FORMATS = [
  { name: "tree", extension: ".tree", media: "text/plain", what: "path flow name node_id (the official hierarchy file)" },
  { name: "ftree", extension: ".ftree", media: "text/plain", what: "the tree plus links between modules" },
  { name: "clu", extension: ".clu", media: "text/plain", what: "node_id module flow (top modules)" },
  { name: "csv", extension: ".csv", media: "text/csv", what: "path,flow,name,node_id" },
  { name: "newick", extension: ".nwk", media: "text/plain", what: "the hierarchy as a Newick tree" },
  { name: "json", extension: ".json", media: "application/json", what: "the API's JSON answer" },
];

/** Python's format(x, f".{p}g"). */
export function fmtG(x, p = 9) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mant, expText] = x.toExponential(p - 1).split("e");
  const exp = Number(expText);
  const strip = (s) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
  if (exp < -4 || exp >= p) {
    const a = Math.abs(exp);
    return `${strip(mant)}e${exp < 0 ? "-" : "+"}${a < 10 ? "0" : ""}${a}`;
  }
  return strip(x.toFixed(Math.max(0, p - 1 - exp)));
}

function header(run, columns) {
  const { response, request } = run;
  const trials = response.trial_codelengths || [response.codelength];
  let best = 0;
  trials.forEach((c, i) => {
    if (c < trials[best]) best = i;
  });
  const lines = [
    `# mapeq ${response.metadata?.engine_version ?? ""}`,
    `# trials ${best + 1} of ${request.num_trials}`,
    `# seed ${request.seed}`,
    `# partitioned into ${response.num_levels} levels with ${response.num_modules} top modules`,
    `# codelength ${fmtG(response.codelength)} bits`,
    `# relative codelength savings ${fmtG(100 * response.relative_codelength_savings, 6)}%`,
    `# flow model ${run.flowModel}`,
  ];
  if (columns) lines.push(`# ${columns}`);
  return lines.join("\n") + "\n";
}

const quote = (name) => `"${String(name).replaceAll('"', "'")}"`;

function leavesInOrder(root) {
  const out = [];
  const walk = (t) => {
    if (!t.children) out.push(t);
    else t.children.forEach(walk);
  };
  walk(root);
  return out;
}

function pathOf(t) {
  return t.parent ? t.path : "root";
}

export function renderTree(run) {
  const body = leavesInOrder(run.tree.root).map((t) => `${t.path} ${fmtG(t.flow)} ${quote(t.name)} ${t.node}\n`);
  return header(run, "path flow name node_id") + body.join("");
}

export function renderCsv(run) {
  const body = leavesInOrder(run.tree.root).map((t) => `${t.path},${fmtG(t.flow)},${quote(t.name)},${t.node}\n`);
  return "path,flow,name,node_id\n" + body.join("");
}

export function renderClu(run) {
  const { modules, node_flow: nodeFlow } = run.response;
  const ids = Object.keys(modules); // the server's (sorted) node order
  const flowOf = (id) => nodeFlow?.[id] ?? run.tree.byNode.get(id)?.flow ?? 0;
  const order = ids.map((id, i) => i).sort((a, b) => modules[ids[a]] - modules[ids[b]] || a - b);
  const rows = order.map((i) => `${run.tree.byNode.get(ids[i])?.node ?? ids[i]} ${modules[ids[i]]} ${fmtG(flowOf(ids[i]))}\n`);
  return header(run, null) + "# module level 1\n# node_id module flow\n" + rows.join("");
}

export function renderNewick(run) {
  const label = (v) => {
    const s = String(v);
    return /^[\p{L}\p{N}_.-]*$/u.test(s) ? s : `'${s.replaceAll("'", "''")}'`;
  };
  const walk = (t) => (t.children
    ? `(${t.children.map(walk).join(",")}):${fmtG(t.flow)}`
    : `${label(t.node)}:${fmtG(t.flow)}`);
  return header(run, null) + walk(run.tree.root) + ";\n";
}

export function renderFtree(run) {
  const { tree, flows, directed } = run;
  const lines = [`*Links ${directed ? "directed" : "undirected"}`, "#*Links path enterFlow exitFlow numEdges numChildren"];
  const own = new Map(); // owner tree node -> Map("x y" -> flow)
  for (const { s, t, flow } of flows) {
    if (s === t) continue;
    let a = tree.byNode.get(s);
    let b = tree.byNode.get(t);
    if (!a || !b) continue;
    while (a.parent !== b.parent) {
      const da = a.depth;
      const db = b.depth;
      if (da >= db) a = a.parent;
      if (db >= da) b = b.parent;
    }
    let [x, y] = [a.rank, b.rank];
    if (!directed && x > y) [x, y] = [y, x];
    if (!own.has(a.parent)) own.set(a.parent, new Map());
    const links = own.get(a.parent);
    const key = `${x} ${y}`;
    links.set(key, (links.get(key) ?? 0) + flow);
  }
  const walk = (t) => {
    if (!t.children) return;
    const links = own.get(t) ?? new Map();
    lines.push(`*Links ${pathOf(t)} ${fmtG(t.enter)} ${fmtG(t.exit)} ${links.size} ${t.children.length}`);
    const sorted = [...links].map(([k, f]) => [...k.split(" ").map(Number), f]).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    for (const [x, y, f] of sorted) lines.push(`${x} ${y} ${fmtG(f)}`);
    t.children.forEach(walk);
  };
  walk(tree.root);
  return renderTree(run) + lines.join("\n") + "\n";
}

export function renderJson(run) {
  return JSON.stringify(run.response, null, 1) + "\n";
}

export function render(run, name) {
  return { tree: renderTree, ftree: renderFtree, clu: renderClu, csv: renderCsv, newick: renderNewick,
    json: renderJson }[name](run);
}
