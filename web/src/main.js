// The page: upload a network to the API, show the server's answer. The page parses no
// network and computes no flow: the file goes to POST /v1/infomap/file as it is, the
// tree, the links and the module links drawn are the server's, and every download is a
// file the server writes.

import { ApiError, apiKey, capabilities, download, post, runJob, setApiKey } from "./api.js";
import { NETWORK_EXAMPLES, VECTOR_EXAMPLES } from "./examples.generated.js";
import { forceView } from "./graph.js";
import { buildTree, moduleView as visibleModules, topLeaves } from "./model.js";
import { InputError, parseVectors } from "./vectors.js";

// Above this many vectors "auto" runs as a job (a 413 too_large_for_sync also falls back to one).
const JOB_VECTORS = 5_000;
const DRAW_MAX_NODES = 20_000;
const TABLE_MAX_ROWS = 2_000;

const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
  "#9c755f", "#bab0ac", "#1f77b4", "#aec7e8", "#ff7f0e", "#98df8a", "#d62728", "#c5b0d5", "#8c564b", "#e377c2",
  "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"];
const colorOf = (topRank) => PALETTE[(topRank - 1 + PALETTE.length) % PALETTE.length];

const fmt4 = (x) => Number(x).toPrecision(4);

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

const state = {
  caps: { jobs: false, jobResult: false, vectors: false, formats: [] },
  source: "network", // file stem or example key, for download names
  fileName: "", // the name the pasted text or example is uploaded under
  upload: null, // the File chosen, sent as it is (until the text box is edited)
  run: null, // {form, response, tree, job}
  expanded: new Set(),
  sort: { key: "flow", dir: -1 },
};

// ------------------------------------------------------------------ errors

/** The form field an API error names: "edges.3.2" -> "edges"; unknown -> general. */
function fieldKey(form, field) {
  if (!field) return "_general";
  const head = String(field).split(".")[0];
  const alias = { links: "edges", nodes: "edges", sparse: "edges", adjacency: "edges", body: "edges", file: "edges" };
  const key = form.id === "network-form" ? alias[head] ?? head : head === "body" ? "vectors" : head;
  return $(`.field-error[data-for="${key}"]`, form) ? key : "_general";
}

function showError(form, field, message) {
  const key = fieldKey(form, field);
  const box = $(`.field-error[data-for="${key}"]`, form);
  box.textContent = message;
  box.classList.add("shown");
  const input = box.previousElementSibling?.matches?.("textarea, input, label, select, div")
    ? box.previousElementSibling : null;
  input?.classList.add("invalid");
}

function clearErrors(form) {
  for (const box of $$(".field-error", form)) {
    box.textContent = "";
    box.classList.remove("shown");
  }
  for (const el of $$(".invalid", form)) el.classList.remove("invalid");
}

/** A number when the text is one (the API checks ranges and types), else the text itself. */
function value(id) {
  const raw = $(id).value.trim();
  const n = Number(raw);
  return raw !== "" && Number.isFinite(n) ? n : raw;
}

/** A form field as typed: the API checks it (multipart fields are text). */
const text = (id) => $(id).value.trim();

// ------------------------------------------------------------------ busy / progress

function busy(prefix, on, text = "running…") {
  $(`#${prefix}busy`).hidden = !on;
  const t = $(`#${prefix}busy-text`);
  if (t) t.textContent = text;
  $(prefix ? "#vectors-run" : "#run").disabled = on;
}

function progress(prefix, job) {
  const bar = $(`#${prefix}progress`);
  bar.hidden = !job;
  if (!job) return;
  bar.max = Math.max(1, job.progress?.total ?? 1);
  bar.value = job.progress?.done ?? 0;
  bar.dataset.status = job.status;
  const text = $("#progress-text");
  if (!prefix && text) text.textContent = `job ${job.id.slice(0, 8)}: ${job.status}, ${bar.value}/${bar.max} trials`;
}

// ------------------------------------------------------------------ network tab

/** The multipart form of POST /v1/infomap/file (and /v1/jobs/infomap/file): the file and the options. */
function networkForm() {
  const form = new FormData();
  if (state.upload) {
    form.append("file", state.upload, state.upload.name);
  } else {
    const typed = $("#network-text").value;
    if (!typed.trim()) throw new InputError("paste a network, upload a file or pick an example", "edges");
    form.append("file", new Blob([typed], { type: "text/plain" }), state.fileName || "network.txt");
  }
  const fields = {
    directed: $("#directed").checked,
    two_level: $("#two-level").checked,
    num_trials: text("#num_trials"),
    seed: text("#seed"),
    markov_time: text("#markov_time"),
    teleportation_probability: text("#teleportation_probability"),
    include_tree: true,
    include_module_links: true,
    include_links: true,
  };
  if ($("#flow_model").value) fields.flow_model = $("#flow_model").value;
  for (const [key, v] of Object.entries(fields)) form.append(key, String(v));
  return form;
}

async function runNetwork(event) {
  event?.preventDefault();
  const form = $("#network-form");
  clearErrors(form);
  let body;
  try {
    body = networkForm();
  } catch (err) {
    if (err instanceof InputError) return showError(form, err.field, err.message);
    throw err;
  }
  const mode = $("#run-mode").value;
  let useJob = state.caps.jobs && mode === "job";
  const started = performance.now();
  busy("", true, useJob ? "submitting job…" : "running…");
  progress("", null);
  $("#progress-text").textContent = "";
  try {
    let response;
    let job = null;
    if (!useJob) {
      try {
        response = await post("/v1/infomap/file", body);
      } catch (err) {
        if (!(err instanceof ApiError && err.code === "too_large_for_sync" && state.caps.jobs && mode === "auto")) {
          throw err;
        }
        useJob = true;
      }
    }
    if (useJob) {
      busy("", true, "job running…");
      ({ job, result: response } = await runJob("/v1/jobs/infomap/file", body, (j) => progress("", j)));
    }
    showNetworkResult({ form: body, response, job, seconds: (performance.now() - started) / 1000 });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    showError(form, err.field, err.message);
  } finally {
    busy("", false);
  }
}

let networkView;
let moduleView;

function showNetworkResult({ form, response, job, seconds }) {
  const tree = buildTree(response);
  state.run = { form, response, tree, job, physical: physicalView(response, tree) };
  state.expanded = new Set();

  const set = (id, text, raw) => {
    const el = $(id);
    el.textContent = text;
    if (raw !== undefined) el.dataset.value = String(raw);
  };
  set("#codelength", response.codelength.toFixed(6), response.codelength);
  set("#one-level-codelength", response.one_level_codelength.toFixed(6), response.one_level_codelength);
  set("#savings", `${(100 * response.relative_codelength_savings).toFixed(2)} %`, response.relative_codelength_savings);
  set("#num-levels", String(response.num_levels), response.num_levels);
  set("#num-modules", String(response.num_modules), response.num_modules);
  set("#num-nodes", String(response.num_nodes), response.num_nodes);
  set("#num-links", String(response.num_links), response.num_links);
  const perLevel = [];
  const count = (t, depth) => {
    if (!t.children) return;
    if (depth > 0) perLevel[depth - 1] = (perLevel[depth - 1] ?? 0) + 1;
    t.children.forEach((c) => count(c, depth + 1));
  };
  count(tree.root, 0);
  set("#modules-per-level", perLevel.join(" / ") || "0");
  const trials = response.trial_codelengths?.length ?? Number(form.get("num_trials"));
  const flow = response.module_links.directed ? "directed flow" : "undirected flow";
  set("#run-info", `${job ? `job ${job.id.slice(0, 8)}` : "synchronous"}, ${trials} trial${trials === 1 ? "" : "s"}, `
    + `seed ${response.metadata?.seed ?? form.get("seed")}, ${flow}, ${seconds.toFixed(2)} s`, job ? "job" : "sync");
  $("#results").hidden = false;

  drawNetwork();
  drawModules(false);
  renderTable();
  renderOverlap();
  renderDownloads();
}

// ------------------------------------------------------------------ higher-order networks

/**
 * A state (memory, multilayer) network's physical level as the server answers it: each
 * physical node once in every top module holding one of its state nodes, with the server's
 * flow there (``physical_modules``), and the links between these units (the server's state
 * links, by the unit of each end; their weights summed). Null for a first-order network.
 */
function physicalView(response, tree) {
  if (!response.states || !response.physical_modules) return null;
  const nameOf = new Map();
  for (const leaf of tree.root.leaves) {
    const s = response.states[String(leaf.node)];
    if (s && !nameOf.has(String(s.physical_id))) nameOf.set(String(s.physical_id), leaf.name);
  }
  const units = [];
  for (const [pid, modules] of Object.entries(response.physical_modules)) {
    for (const { module, flow } of modules) {
      units.push({ id: `${pid}@${module}`, physical: pid, module, flow, name: nameOf.get(pid) ?? pid,
        overlap: modules.length > 1, modules });
    }
  }
  const unitOf = (stateId) => {
    const s = response.states[String(stateId)];
    return s ? `${s.physical_id}@${s.module}` : null;
  };
  const summed = new Map();
  const { source, target, weight } = response.links;
  for (let k = 0; k < source.length; k++) {
    const a = unitOf(source[k]);
    const b = unitOf(target[k]);
    if (!a || !b || a === b) continue;
    const key = `${a}\u0000${b}`;
    summed.set(key, (summed.get(key) ?? 0) + weight[k]);
  }
  const links = [...summed].map(([key, w]) => {
    const [a, b] = key.split("\u0000");
    return { source: a, target: b, weight: w };
  });
  return { units, links };
}

/** A pie of a physical node's module flows (CSS conic gradient, one slice per module). */
function pie(modules) {
  const total = modules.reduce((s, m) => s + m.flow, 0) || 1;
  let at = 0;
  const slices = modules.map((m) => {
    const from = at;
    at += (100 * m.flow) / total;
    return `${colorOf(m.module)} ${from.toFixed(2)}% ${at.toFixed(2)}%`;
  });
  return `<span class="pie" style="background:conic-gradient(${slices.join(", ")})"></span>`;
}

/** The physical nodes in more than one top module, each module with the node's flow there. */
function renderOverlap() {
  const { response, physical } = state.run;
  const box = $("#overlap");
  const shared = physical ? [...new Map(physical.units.filter((u) => u.overlap).map((u) => [u.physical, u])).values()]
    : [];
  box.hidden = !physical;
  if (!physical) return;
  const layered = Object.values(response.states).some((s) => s.layer_id !== undefined);
  $("#overlap-note").textContent = `${Object.keys(response.states).length} state nodes of `
    + `${Object.keys(response.physical_modules).length} physical nodes${layered ? " (one per layer and node)" : ""}; `
    + `${shared.length} physical node${shared.length === 1 ? " is" : "s are"} in more than one module, `
    + "drawn once in each with its flow there.";
  $("#overlap-table tbody").innerHTML = shared.map((u) => `<tr data-physical="${escapeHtml(u.physical)}">`
    + `<td>${pie(u.modules)} ${escapeHtml(u.physical)}</td><td>${escapeHtml(u.name)}</td>`
    + `<td>${u.modules.map((m) => `<span class="membership" data-module="${m.module}" data-flow="${m.flow}">`
      + `<span class="swatch" style="background:${colorOf(m.module)}"></span>${m.module}: ${fmt4(m.flow)}</span>`)
      .join(" ")}</td></tr>`).join("");
}

function topRankOf(t) {
  while (t.parent && t.parent.parent) t = t.parent;
  return t.rank;
}

/** Ranks by decreasing flow (0 for the largest): the order labels are placed in. */
function flowRanks(items) {
  const order = items.map((x, i) => [x.flow, i]).sort((a, b) => b[0] - a[0]);
  const rank = new Array(items.length);
  order.forEach(([, i], k) => { rank[i] = k; });
  return rank;
}

function drawPhysical() {
  const { physical, response } = state.run;
  const maxFlow = Math.max(...physical.units.map((u) => u.flow), 1e-300);
  const rank = flowRanks(physical.units);
  const nodes = physical.units.map((u, i) => ({
    id: u.id,
    r: 3 + 12 * Math.sqrt(u.flow / maxFlow),
    color: colorOf(u.module),
    outline: u.overlap,
    label: u.name,
    labelRank: rank[i],
    unit: u,
  }));
  const maxW = Math.max(...physical.links.map((l) => l.weight), 1e-300);
  const links = physical.links.map((l) => ({ ...l, width: 0.4 + 3.6 * (l.weight / maxW),
    distance: 40 + 2 * Math.max(...nodes.map((n) => n.r)) }));
  networkView.setData(nodes, links, { directed: response.links.directed, separate: true });
  $("#network-canvas").dataset.level = "physical";
}

function drawNetwork() {
  const { tree, response } = state.run;
  const leaves = tree.root.leaves;
  $("#network-canvas").dataset.level = "nodes";
  if (state.run.physical) {
    $("#network-too-large").hidden = true;
    drawPhysical();
    return;
  }
  const note = $("#network-too-large");
  if (leaves.length > DRAW_MAX_NODES) {
    networkView.clear();
    note.hidden = false;
    note.textContent = `${leaves.length} nodes: too many to draw here; see the module network.`;
    return;
  }
  note.hidden = true;
  const maxFlow = Math.max(...leaves.map((t) => t.flow), 1e-300);
  const big = leaves.length > 2000;
  const rank = flowRanks(leaves);
  const nodes = leaves.map((t, i) => ({
    id: String(t.node),
    r: (big ? 1.5 : 3) + (big ? 6 : 12) * Math.sqrt(t.flow / maxFlow),
    color: colorOf(topRankOf(t)),
    label: t.name,
    labelRank: rank[i],
    leaf: t,
  }));
  // The links as the server stored them (response.links), width by weight.
  const { source, target, weight, directed } = response.links;
  const maxW = Math.max(...weight, 1e-300);
  const uniform = weight.every((w) => w === weight[0]);
  const links = [];
  for (let k = 0; k < source.length; k++) {
    const s = String(source[k]);
    const t = String(target[k]);
    if (s === t) continue;
    links.push({ source: s, target: t, weight: weight[k], width: uniform ? 1 : 0.4 + 3.6 * (weight[k] / maxW) });
  }
  networkView.setData(nodes, links, { directed });
}

function drawModules(keep = true) {
  const { tree, response } = state.run;
  const { units, groups, links } = visibleModules(tree, response.module_links, state.expanded);
  const maxFlow = Math.max(...units.map((u) => u.flow), 1e-300);
  const maxLink = Math.max(...links.map((l) => l.flow), 1e-300);
  const rank = flowRanks(units);
  const scale = Math.max(1, Math.sqrt(units.length / 12));
  const nodes = units.map((u, i) => {
    const top = topLeaves(u, 1)[0];
    return {
      id: u.path,
      r: 4 + (28 * Math.sqrt(u.flow / maxFlow)) / scale,
      color: colorOf(topRankOf(u)),
      outline: Boolean(u.children),
      label: u.children ? `${u.path} ${top?.name ?? ""}` : u.name,
      labelRank: rank[i],
      unit: u,
    };
  });
  // An expanded module: a ring around its children, tied to them by springs that are not drawn.
  const springs = [];
  for (const g of groups) {
    const members = g.children.map((c) => c.path);
    nodes.push({ id: g.path, r: 6, color: colorOf(topRankOf(g)), group: members, label: g.path, unit: g });
    for (const m of members) springs.push({ source: g.path, target: m, hidden: true, distance: 12, strength: 0.6 });
  }
  const radius = new Map(nodes.map((n) => [n.id, n.r]));
  const edgeList = links.map((l) => ({
    source: l.source,
    target: l.target,
    width: 0.5 + 8 * (l.flow / maxLink),
    strength: 0.2 + 0.8 * (l.flow / maxLink),
    distance: radius.get(l.source) + radius.get(l.target) + 25,
    flow: l.flow,
  }));
  if (keep) placeNear(nodes, moduleView.positions());
  moduleView.setData(nodes, edgeList.concat(springs), { keepPositions: keep ? new Map() : null,
    directed: response.module_links.directed });
  $("#module-canvas").dataset.units = units.map((u) => u.path).join(" ");
}

/** Start expanded sub-modules at their parent's place and a collapsed module at its children's. */
function placeNear(nodes, old) {
  for (const n of nodes) {
    let p = old.get(n.id);
    for (let id = n.id; !p && id.includes(":");) {
      id = id.slice(0, id.lastIndexOf(":"));
      p = old.get(id);
    }
    if (!p) p = [...old].find(([id]) => id.startsWith(`${n.id}:`))?.[1];
    if (p) {
      n.x = p.x + (Math.random() - 0.5) * 20;
      n.y = p.y + (Math.random() - 0.5) * 20;
    }
  }
}

function toggle(path) {
  const t = state.run.tree.byPath.get(path);
  if (!t?.children) return;
  if (state.expanded.has(path)) {
    for (const p of [...state.expanded]) if (p === path || p.startsWith(`${path}:`)) state.expanded.delete(p);
  } else {
    state.expanded.add(path);
  }
  drawModules(true);
  renderTable();
}

function sortValue(t, key) {
  if (key === "flow") return t.flow;
  if (key === "size") return t.size;
  if (key === "children") return t.children ? t.children.length : 0;
  return t.rank;
}

function renderTable() {
  const body = $("#modules-table tbody");
  const rows = [];
  const { key, dir } = state.sort;
  const add = (t, depth) => {
    if (rows.length >= TABLE_MAX_ROWS) return;
    rows.push([t, depth]);
    if (t.children && state.expanded.has(t.path)) {
      const kids = [...t.children].sort((a, b) => dir * (sortValue(a, key) - sortValue(b, key)) || a.rank - b.rank);
      kids.forEach((c) => add(c, depth + 1));
    }
  };
  const top = [...state.run.tree.root.children]
    .sort((a, b) => dir * (sortValue(a, key) - sortValue(b, key)) || a.rank - b.rank);
  top.forEach((t) => add(t, 0));
  const html = rows.map(([t, depth]) => {
    const isModule = Boolean(t.children);
    const open = state.expanded.has(t.path);
    const button = isModule
      ? `<button type="button" class="expand" aria-expanded="${open}" title="${open ? "collapse" : "expand"}">${open ? "▾" : "▸"}</button>`
      : `<span class="leaf-dot" style="background:${colorOf(topRankOf(t))}"></span>`;
    const names = isModule ? topLeaves(t, 5).map((x) => escapeHtml(x.name)).join(", ") : escapeHtml(t.name);
    return `<tr data-path="${escapeHtml(t.path)}" class="${isModule ? "module" : "node"}" data-depth="${depth}">`
      + `<td style="padding-left:${0.4 + depth * 1.2}em">${button} <span class="swatch" style="background:${colorOf(topRankOf(t))}"></span>${escapeHtml(t.path)}</td>`
      + `<td class="num">${t.flow.toFixed(5)}</td><td class="num">${t.size}</td>`
      + `<td class="num">${isModule ? t.children.length : ""}</td><td>${names}</td></tr>`;
  });
  body.innerHTML = html.join("");
  $("#table-note").textContent = rows.length >= TABLE_MAX_ROWS ? `showing the first ${TABLE_MAX_ROWS} rows` : "";
  for (const th of $$("#modules-table th[data-sort]")) {
    th.setAttribute("aria-sort", th.dataset.sort === key ? (dir < 0 ? "descending" : "ascending") : "none");
  }
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** Save a Blob under ``name`` (the browser's download). */
function save(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}

/**
 * One button per output format the server offers (the ``format`` values of its OpenAPI
 * document). A click fetches the server's file (a job's result, or the same form posted
 * again with ``?format=``: same seed, same result) and saves its bytes untouched under the
 * network's name and the server's extension.
 */
function renderDownloads() {
  const box = $("#downloads");
  const run = state.run;
  box.innerHTML = "";
  if (!state.caps.formats.length) {
    box.textContent = "this server offers no output formats (no format parameter on /v1/infomap/file)";
    return;
  }
  for (const format of state.caps.formats) {
    const a = document.createElement("button");
    a.type = "button";
    a.id = `download-${format}`;
    a.className = "button";
    a.textContent = format;
    a.title = `the ${format} file, written by the server`;
    a.addEventListener("click", async () => {
      a.setAttribute("aria-busy", "true");
      try {
        const { blob, name } = run.job
          ? await download(`/v1/jobs/${run.job.id}/result?format=${format}`)
          : await download(`/v1/infomap/file?format=${format}`, run.form);
        const dot = name.lastIndexOf(".");
        save(blob, `${state.source}${dot >= 0 ? name.slice(dot) : `.${format}`}`);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        showError($("#network-form"), err.field, `download: ${err.message}`);
      } finally {
        a.removeAttribute("aria-busy");
      }
    });
    box.append(a);
  }
}

function loadExample(key) {
  const ex = NETWORK_EXAMPLES.find((e) => e.key === key);
  if (!ex) return;
  $("#network-text").value = ex.text;
  state.source = ex.key;
  state.fileName = ex.file;
  setUpload(null);
  clearErrors($("#network-form"));
}

/** Upload ``file`` as it is (null: the text box instead). */
function setUpload(file) {
  state.upload = file;
  const note = $("#upload-note");
  note.hidden = !file;
  note.textContent = file ? `${file.name} (${file.size.toLocaleString("en")} bytes) is sent to the server as it is; `
    + "type in the box to send the text instead" : "";
  if (file) $("#network-text").value = "";
}

function readFile(input, onText) {
  const file = input.files?.[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => onText(String(reader.result), file.name);
  reader.readAsText(file);
}

// ------------------------------------------------------------------ vectors tab

async function runVectors(event) {
  event?.preventDefault();
  const form = $("#vectors-form");
  clearErrors(form);
  let request;
  try {
    const { vectors, labels } = parseVectors($("#vectors-text").value);
    request = {
      vectors,
      ...(labels ? { labels } : {}),
      top_k: value("#top_k"),
      min_similarity: value("#min_similarity"),
      directed: $("#v-directed").checked,
      two_level: $("#v-two-level").checked,
      num_trials: value("#v-num_trials"),
      seed: value("#v-seed"),
    };
  } catch (err) {
    if (err instanceof InputError) return showError(form, err.field, err.message);
    throw err;
  }
  let useJob = state.caps.vectorJobs && request.vectors.length > JOB_VECTORS;
  busy("vectors-", true);
  progress("vectors-", null);
  try {
    let response;
    if (!useJob) {
      try {
        response = await post("/v1/cluster/vectors", request);
      } catch (err) {
        if (!(err instanceof ApiError && err.code === "too_large_for_sync" && state.caps.vectorJobs)) throw err;
        useJob = true;
      }
    }
    if (useJob) {
      ({ result: response } = await runJob("/v1/jobs", { kind: "cluster_vectors", ...request },
        (j) => progress("vectors-", j)));
    }
    showClusters(response);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    showError(form, err.field, err.message);
  } finally {
    busy("vectors-", false);
  }
}

function showClusters(response) {
  $("#vectors-results").hidden = false;
  const summary = $("#vectors-summary");
  summary.textContent = `${response.num_clusters} clusters · codelength ${response.codelength.toFixed(6)} bits `
    + `(one level ${response.one_level_codelength.toFixed(6)}, savings `
    + `${(100 * response.relative_codelength_savings).toFixed(2)} %) · kNN graph: ${response.graph.nodes} nodes, `
    + `${response.graph.links} links`;
  summary.dataset.numClusters = String(response.num_clusters);
  const list = $("#clusters");
  list.innerHTML = response.clusters.map((c) => {
    const shown = c.members.slice(0, 200).map((m) => `<li>${escapeHtml(m)}</li>`).join("");
    const more = c.members.length > 200 ? `<li class="muted">… and ${c.members.length - 200} more</li>` : "";
    return `<li class="cluster" data-module="${c.module}"><h4><span class="swatch" style="background:${colorOf(c.module)}"></span>`
      + `Cluster ${c.module} · ${c.size} member${c.size === 1 ? "" : "s"} · flow ${fmt4(c.flow)}</h4>`
      + `<ol class="members">${shown}${more}</ol></li>`;
  }).join("");
}

// ------------------------------------------------------------------ wiring

function selectTab(name) {
  for (const b of $$("nav [data-tab]")) b.setAttribute("aria-selected", String(b.dataset.tab === name));
  $("#tab-network").hidden = name !== "network";
  $("#tab-vectors").hidden = name !== "vectors";
}

async function start() {
  const select = $("#example");
  for (const ex of NETWORK_EXAMPLES) select.add(new Option(ex.title, ex.key));
  select.addEventListener("change", () => loadExample(select.value));
  $("#network-file").addEventListener("change", (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setUpload(file);
    state.source = file.name.replace(/\.[^.]+$/, "") || "network";
    state.fileName = file.name;
    select.value = "";
  });
  $("#network-text").addEventListener("input", () => {
    setUpload(null);
    $("#network-file").value = "";
    state.fileName = "";
    if (select.value) state.source = "network";
    select.value = "";
  });
  $("#network-form").addEventListener("submit", runNetwork);
  $("#vectors-form").addEventListener("submit", runVectors);
  $("#vectors-example").addEventListener("click", () => {
    $("#vectors-text").value = VECTOR_EXAMPLES[0].text;
    $("#top_k").value = "2";
  });
  $("#vectors-file").addEventListener("change", (e) => readFile(e.target, (text) => {
    $("#vectors-text").value = text;
  }));
  for (const b of $$("nav [data-tab]")) b.addEventListener("click", () => selectTab(b.dataset.tab));
  for (const th of $$("#modules-table th[data-sort]")) {
    th.addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : key === "path" ? 1 : -1 };
      renderTable();
    });
  }
  $("#modules-table tbody").addEventListener("click", (event) => {
    const button = event.target.closest("button.expand");
    if (button) toggle(button.closest("tr").dataset.path);
  });
  $("#collapse-all").addEventListener("click", () => {
    state.expanded.clear();
    drawModules(true);
    renderTable();
  });

  networkView = forceView($("#network-canvas"), {
    tooltip: $("#network-tooltip"),
    describe: (n) => (n.unit
      ? `${n.label} (node ${n.unit.physical}) · module ${n.unit.module} · flow ${fmt4(n.unit.flow)}`
        + (n.unit.overlap ? ` · also in ${n.unit.modules.filter((m) => m.module !== n.unit.module)
          .map((m) => `${m.module} (${fmt4(m.flow)})`).join(", ")}` : "")
      : `${n.label} · module ${n.leaf.path.split(":").slice(0, -1).join(":")} · flow ${fmt4(n.leaf.flow)}`),
  });
  moduleView = forceView($("#module-canvas"), {
    tooltip: $("#module-tooltip"),
    describe: (n) => (n.unit.children
      ? `module ${n.unit.path} · flow ${fmt4(n.unit.flow)} · ${n.unit.size} nodes · ${topLeaves(n.unit, 3).map((x) => x.name).join(", ")}`
      : `${n.unit.name} · flow ${fmt4(n.unit.flow)}`),
    onClick: (n) => toggle(n.unit.path),
    collide: true,
  });
  $("#fit-network").addEventListener("click", () => networkView.fit());
  $("#fit-modules").addEventListener("click", () => moduleView.fit());

  $("#api-key").value = apiKey();
  $("#api-key").addEventListener("change", (event) => setApiKey(event.target.value.trim()));

  state.caps = await capabilities();
  $("#server-info").textContent = `server ${state.caps.version}${state.caps.jobs ? " · jobs" : ""}`;
  if (!state.caps.jobs) {
    for (const o of $$("#run-mode option")) if (o.value === "job") o.disabled = true;
  }
  if (!state.caps.vectors) {
    $("#vectors-unavailable").hidden = false;
    $("#vectors-form").hidden = true;
  }
  document.body.dataset.ready = "true";
}

// For the end-to-end tests: what the drawings hold.
window.mapeq = {
  state,
  networkLabels: () => networkView.labels(),
  moduleLinks: () => moduleView.drawnLinks(),
  networkLinks: () => networkView.drawnLinks(),
  networkPosition: (id) => networkView.screenPosition(id),
};
start();
