// The page: read a network, run it through the API, show the modules.

import { ApiError, capabilities, post, runJob } from "./api.js";
import { NETWORK_EXAMPLES, VECTOR_EXAMPLES } from "./examples.generated.js";
import { FORMATS, fmtG } from "./formats.js";
import { forceView } from "./graph.js";
import { buildTree, linkFlows, moduleNetwork, topLeaves } from "./model.js";
import { InputError, detectFormat, parseNetwork, parseVectors } from "./parse.js";

// Above these, "auto" runs as a job (the server's synchronous limits are larger; a
// 413 too_large_for_sync also falls back to a job).
const JOB_LINKS = 50_000;
const JOB_TRIALS = 20;
const JOB_VECTORS = 5_000;
const DRAW_MAX_NODES = 20_000;
const TABLE_MAX_ROWS = 2_000;

const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
  "#9c755f", "#bab0ac", "#1f77b4", "#aec7e8", "#ff7f0e", "#98df8a", "#d62728", "#c5b0d5", "#8c564b", "#e377c2",
  "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"];
const colorOf = (topRank) => PALETTE[(topRank - 1 + PALETTE.length) % PALETTE.length];

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

const state = {
  caps: { jobs: false, jobResult: false, vectors: false },
  source: "network", // file stem or example key, for download names
  run: null, // {request, response, tree, flows, directed, flowModel, job}
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

function networkRequest() {
  const form = $("#network-form");
  const parsed = parseNetwork($("#network-text").value, $("#format").value, state.fileName ?? "");
  const request = {
    edges: parsed.edges,
    ...(parsed.nodes.length ? { nodes: parsed.nodes } : {}),
    directed: $("#directed").checked,
    two_level: $("#two-level").checked,
    num_trials: value("#num_trials"),
    seed: value("#seed"),
    markov_time: value("#markov_time"),
    teleportation_probability: value("#teleportation_probability"),
    include_tree: true,
    include_flow: true,
  };
  if ($("#flow_model").value) request.flow_model = $("#flow_model").value;
  form.dataset.format = parsed.format;
  return { request, parsed };
}

async function runNetwork(event) {
  event?.preventDefault();
  const form = $("#network-form");
  clearErrors(form);
  let request;
  let parsed;
  try {
    ({ request, parsed } = networkRequest());
  } catch (err) {
    if (err instanceof InputError) return showError(form, err.field, err.message);
    throw err;
  }
  const mode = $("#run-mode").value;
  const large = request.edges.length > JOB_LINKS || Number(request.num_trials) > JOB_TRIALS;
  let useJob = state.caps.jobs && (mode === "job" || (mode === "auto" && large));
  const started = performance.now();
  busy("", true, useJob ? "submitting job…" : "running…");
  progress("", null);
  $("#progress-text").textContent = "";
  try {
    let response;
    let job = null;
    if (!useJob) {
      try {
        response = await post("/v1/infomap", request);
      } catch (err) {
        if (!(err instanceof ApiError && err.code === "too_large_for_sync" && state.caps.jobs)) throw err;
        useJob = true;
      }
    }
    if (useJob) {
      busy("", true, "job running…");
      ({ job, result: response } = await runJob("infomap", request, (j) => progress("", j)));
    }
    showNetworkResult({ request, response, parsed, job, seconds: (performance.now() - started) / 1000 });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    showError(form, err.field, err.message);
  } finally {
    busy("", false);
  }
}

let networkView;
let moduleView;

function showNetworkResult({ request, response, parsed, job, seconds }) {
  const flowModel = request.flow_model ?? (request.directed ? "directed" : "undirected");
  const directed = flowModel !== "undirected";
  const tree = buildTree(response, parsed.names);
  const flows = linkFlows(request.edges, { model: flowModel, tau: Number(request.teleportation_probability),
    markovTime: Number(request.markov_time) });
  state.run = { request, response, tree, flows, directed, flowModel, job };
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
  const trials = response.trial_codelengths?.length ?? request.num_trials;
  set("#run-info", `${job ? `job ${job.id.slice(0, 8)}` : "synchronous"}, ${trials} trial${trials === 1 ? "" : "s"}, `
    + `seed ${request.seed}, ${flowModel}, ${seconds.toFixed(2)} s`, job ? "job" : "sync");
  $("#results").hidden = false;

  drawNetwork();
  drawModules(false);
  renderTable();
  renderDownloads();
}

function topRankOf(t) {
  while (t.parent && t.parent.parent) t = t.parent;
  return t.rank;
}

function drawNetwork() {
  const { tree, request } = state.run;
  const leaves = tree.root.leaves;
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
  const nodes = leaves.map((t) => ({
    id: String(t.node),
    r: (big ? 1.5 : 3) + (big ? 6 : 12) * Math.sqrt(t.flow / maxFlow),
    color: colorOf(topRankOf(t)),
    label: t.name,
    showLabel: leaves.length <= 80,
    leaf: t,
  }));
  const known = new Set(nodes.map((n) => n.id));
  const links = [];
  for (const e of request.edges) {
    const s = String(e[0]);
    const t = String(e[1]);
    if (s !== t && known.has(s) && known.has(t)) links.push({ source: s, target: t, width: 1 });
  }
  networkView.setData(nodes, links);
}

function drawModules(keep = true) {
  const { tree, flows, directed } = state.run;
  const { units, links } = moduleNetwork(tree, flows, state.expanded, directed);
  const maxFlow = Math.max(...units.map((u) => u.flow), 1e-300);
  const maxLink = Math.max(...links.map((l) => l.flow), 1e-300);
  const nodes = units.map((u) => {
    const top = topLeaves(u, 1)[0];
    const r = 4 + (28 * Math.sqrt(u.flow / maxFlow)) / Math.max(1, Math.sqrt(units.length / 12));
    return {
      id: u.path,
      r,
      color: colorOf(topRankOf(u)),
      outline: Boolean(u.children),
      label: u.children ? `${u.path} ${top?.name ?? ""}` : u.name,
      showLabel: units.length <= 60,
      unit: u,
    };
  });
  const radius = new Map(nodes.map((n) => [n.id, n.r]));
  const edgeList = links.map((l) => ({
    source: units[l.a].path,
    target: units[l.b].path,
    width: 0.5 + 10 * (l.flow / maxLink),
    strength: 0.2 + 0.8 * (l.flow / maxLink),
    distance: radius.get(units[l.a].path) + radius.get(units[l.b].path) + 25,
    flow: l.flow,
  }));
  if (keep) placeNear(nodes, moduleView.positions());
  moduleView.setData(nodes, edgeList, { keepPositions: keep ? new Map() : null });
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
  const t = state.run.tree.all.find((x) => x.path === path);
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

function renderDownloads() {
  const box = $("#downloads");
  const { job } = state.run;
  box.innerHTML = "";
  if (!state.caps.jobs || !state.caps.jobResult) {
    box.textContent = "downloads need the server's jobs (/v1/jobs)";
    return;
  }
  for (const f of FORMATS) {
    const a = document.createElement("a");
    a.id = `download-${f.name}`;
    a.className = "button";
    a.textContent = f.extension;
    a.title = `${f.what} (written by the server)`;
    a.download = `${state.source}${f.extension}`;
    if (job) {
      a.href = `/v1/jobs/${job.id}/result?format=${f.name}`;
    } else {
      // A synchronous answer: the server writes the files of the same request run as a job
      // (same seed, same result); the page saves them under the network's name.
      a.href = "#";
      a.addEventListener("click", async (event) => {
        event.preventDefault();
        const run = state.run;
        a.setAttribute("aria-busy", "true");
        try {
          run.serverJob ??= runJob("infomap", run.request, () => {}).then(({ job: j }) => j);
          const serverJob = await run.serverJob;
          const response = await fetch(`/v1/jobs/${serverJob.id}/result?format=${f.name}`);
          if (!response.ok) throw new ApiError(response.status, "http_error", `${response.status}`, null);
          const blob = new Blob([await response.text()], { type: f.media });
          const save = document.createElement("a");
          save.href = URL.createObjectURL(blob);
          save.download = a.download;
          document.body.append(save);
          save.click();
          save.remove();
          setTimeout(() => URL.revokeObjectURL(save.href), 60000);
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          run.serverJob = undefined;
          a.title = `download failed: ${err.message}`;
        } finally {
          a.removeAttribute("aria-busy");
        }
      });
    }
    box.append(a);
  }
}

function loadExample(key) {
  const ex = NETWORK_EXAMPLES.find((e) => e.key === key);
  if (!ex) return;
  $("#network-text").value = ex.text;
  $("#format").value = ex.format;
  state.source = ex.key;
  state.fileName = ex.file;
  clearErrors($("#network-form"));
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
  let useJob = state.caps.jobs && request.vectors.length > JOB_VECTORS;
  busy("vectors-", true);
  progress("vectors-", null);
  try {
    let response;
    if (!useJob) {
      try {
        response = await post("/v1/cluster/vectors", request);
      } catch (err) {
        if (!(err instanceof ApiError && err.code === "too_large_for_sync" && state.caps.jobs)) throw err;
        useJob = true;
      }
    }
    if (useJob) ({ result: response } = await runJob("cluster_vectors", request, (j) => progress("vectors-", j)));
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
      + `Cluster ${c.module} · ${c.size} member${c.size === 1 ? "" : "s"} · flow ${fmtG(c.flow, 4)}</h4>`
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
  $("#network-file").addEventListener("change", (e) => readFile(e.target, (text, name) => {
    $("#network-text").value = text;
    $("#format").value = detectFormat(text, name);
    state.source = name.replace(/\.[^.]+$/, "") || "network";
    state.fileName = name;
    select.value = "";
  }));
  $("#network-text").addEventListener("input", () => {
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
    describe: (n) => `${n.label} · module ${n.leaf.path.split(":").slice(0, -1).join(":")} · flow ${fmtG(n.leaf.flow, 4)}`,
  });
  moduleView = forceView($("#module-canvas"), {
    tooltip: $("#module-tooltip"),
    describe: (n) => (n.unit.children
      ? `module ${n.unit.path} · flow ${fmtG(n.unit.flow, 4)} · ${n.unit.size} nodes · ${topLeaves(n.unit, 3).map((x) => x.name).join(", ")}`
      : `${n.unit.name} · flow ${fmtG(n.unit.flow, 4)}`),
    onClick: (n) => toggle(n.unit.path),
    collide: true,
  });
  $("#fit-network").addEventListener("click", () => networkView.fit());
  $("#fit-modules").addEventListener("click", () => moduleView.fit());

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

window.mapeq = { state };
start();
