// Network and vector text -> API request fields.
//
// The API is the authority on what a valid network is: these parsers only turn text
// into JSON (edges, nodes) and refuse what JSON cannot carry (NaN, Infinity), naming
// the line. Everything else (negative weights, unknown options, sizes) is left to the
// server, whose {"error": {"field"}} answer is shown next to the field.

export class InputError extends Error {
  constructor(message, field) {
    super(message);
    this.field = field;
  }
}

const INT = /^[+-]?\d+$/;

/** "link list" | "pajek" | "json", guessed from the text (or a file name). */
export function detectFormat(text, fileName = "") {
  const name = fileName.toLowerCase();
  if (name.endsWith(".net") || name.endsWith(".pajek")) return "pajek";
  if (name.endsWith(".json")) return "json";
  const head = text.trimStart();
  if (head.startsWith("{") || head.startsWith("[")) return "json";
  if (/^\s*\*(vertices|edges|arcs|edgeslist|arcslist)\b/im.test(text)) return "pajek";
  return "linklist";
}

function number(token, what, lineNo, field) {
  const value = Number(token);
  if (token === undefined || token === "" || !Number.isFinite(value)) {
    throw new InputError(`line ${lineNo}: ${what} '${token}' is not a finite number`, field);
  }
  return value;
}

/** Ids as integers when every id is an integer (JSON numbers), else all as strings. */
function normaliseIds(rawEdges, rawNodes) {
  const tokens = [];
  for (const [s, t] of rawEdges) tokens.push(s, t);
  for (const n of rawNodes) tokens.push(n.id);
  const allInt = tokens.every((t) => typeof t === "number" ? Number.isSafeInteger(t)
    : INT.test(String(t)) && Number.isSafeInteger(Number(t)));
  const id = allInt ? (t) => Number(t) : (t) => String(t);
  const edges = rawEdges.map((e) => (e.length > 2 ? [id(e[0]), id(e[1]), e[2]] : [id(e[0]), id(e[1])]));
  const nodes = rawNodes.map((n) => ({ ...n, id: id(n.id) }));
  return { edges, nodes };
}

function lines(text) {
  return text.split(/\r?\n/);
}

function splitTokens(line) {
  // whitespace-separated, with "quoted names" kept together
  const out = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m;
  while ((m = re.exec(line)) !== null) out.push(m[1] !== undefined ? { q: m[1] } : m[2]);
  return out;
}

function parseLinkList(text) {
  const edges = [];
  lines(text).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("%")) return;
    const parts = line.split(/[\s,;]+/);
    if (parts.length < 2) throw new InputError(`line ${i + 1}: expected 'source target [weight]'`, "edges");
    if (parts.length >= 3) edges.push([parts[0], parts[1], number(parts[2], "weight", i + 1, "edges")]);
    else edges.push([parts[0], parts[1]]);
  });
  return { ...normaliseIds(edges, []), directedHint: null };
}

function parsePajek(text) {
  const edges = [];
  const nodes = [];
  let section = null;
  let directedHint = null;
  lines(text).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("%")) return;
    if (line.startsWith("*")) {
      const word = line.slice(1).split(/\s+/)[0].toLowerCase();
      if (word === "vertices") section = "vertices";
      else if (word === "edges" || word === "arcs") section = word;
      else if (word === "edgeslist" || word === "arcslist") section = word;
      else throw new InputError(`line ${i + 1}: unknown Pajek section '*${word}'`, "edges");
      if (word.startsWith("arcs")) directedHint = true;
      else if (word.startsWith("edges") && directedHint === null) directedHint = false;
      return;
    }
    const tokens = splitTokens(line);
    const plain = (t) => (typeof t === "string" ? t : t.q);
    if (section === "vertices") {
      const node = { id: plain(tokens[0]) };
      if (tokens.length > 1) node.name = plain(tokens[1]);
      nodes.push(node);
    } else if (section === "edges" || section === "arcs") {
      if (tokens.length < 2) throw new InputError(`line ${i + 1}: expected 'source target [weight]'`, "edges");
      const [s, t, w] = tokens.map(plain);
      edges.push(w !== undefined ? [s, t, number(w, "weight", i + 1, "edges")] : [s, t]);
    } else if (section === "edgeslist" || section === "arcslist") {
      const [s, ...targets] = tokens.map(plain);
      for (const t of targets) edges.push([s, t]);
    } else {
      throw new InputError(`line ${i + 1}: data before a *Vertices or *Edges line`, "edges");
    }
  });
  return { ...normaliseIds(edges, nodes), directedHint };
}

function parseJson(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not valid JSON: ${err.message}`, "edges");
  }
  let rawEdges;
  let rawNodes = [];
  let directedHint = null;
  const pick = (o, ...keys) => keys.map((k) => o[k]).find((v) => v !== undefined);
  if (Array.isArray(data)) {
    rawEdges = data;
  } else if (data && typeof data === "object") {
    rawEdges = pick(data, "edges", "links");
    rawNodes = Array.isArray(data.nodes) ? data.nodes : [];
    if (typeof data.directed === "boolean") directedHint = data.directed;
  }
  if (!Array.isArray(rawEdges)) {
    throw new InputError("JSON: expected [[source, target, weight?], ...] or {\"edges\"|\"links\": [...], \"nodes\": [...]}",
      "edges");
  }
  const edges = rawEdges.map((e, i) => {
    if (Array.isArray(e)) return e.length > 2 ? [e[0], e[1], e[2]] : [e[0], e[1]];
    if (e && typeof e === "object") {
      const w = pick(e, "weight", "value");
      return w !== undefined ? [e.source, e.target, w] : [e.source, e.target];
    }
    throw new InputError(`JSON: link ${i} is neither [source, target] nor {source, target}`, "edges");
  });
  const nodes = rawNodes.map((n) => (typeof n === "object" && n !== null
    ? { id: n.id, ...(pick(n, "name", "label") !== undefined ? { name: String(pick(n, "name", "label")) } : {}) }
    : { id: n }));
  return { ...normaliseIds(edges, nodes), directedHint };
}

/**
 * Parse ``text`` in ``format`` ("auto", "linklist", "pajek", "json").
 * Returns {edges, nodes, names: Map(id -> name), format, directedHint}.
 */
export function parseNetwork(text, format = "auto", fileName = "") {
  if (!text.trim()) throw new InputError("paste a network, upload a file or pick an example", "edges");
  const fmt = format === "auto" ? detectFormat(text, fileName) : format;
  const parsed = fmt === "pajek" ? parsePajek(text) : fmt === "json" ? parseJson(text) : parseLinkList(text);
  const names = new Map();
  for (const n of parsed.nodes) if (n.name !== undefined) names.set(String(n.id), n.name);
  return { ...parsed, names, format: fmt };
}

/** Vectors as CSV (optional header, optional leading label column) or JSON. */
export function parseVectors(text) {
  const head = text.trimStart();
  if (!head) throw new InputError("paste or upload vectors (CSV or JSON)", "vectors");
  if (head.startsWith("{") || head.startsWith("[")) {
    let data;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new InputError(`not valid JSON: ${err.message}`, "vectors");
    }
    if (Array.isArray(data) && data.length && !Array.isArray(data[0]) && typeof data[0] === "object") {
      return { vectors: data.map((d) => d.vector ?? d.embedding), labels: data.map((d, i) => String(d.label ?? i)) };
    }
    if (Array.isArray(data)) return { vectors: data, labels: null };
    if (data && Array.isArray(data.vectors)) {
      return { vectors: data.vectors, labels: Array.isArray(data.labels) ? data.labels.map(String) : null };
    }
    throw new InputError("JSON: expected [[...], ...], {\"vectors\", \"labels\"} or [{\"label\", \"vector\"}]",
      "vectors");
  }
  const rows = lines(text).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const cells = rows.map((r) => r.split(/\s*[,;\t]\s*|\s+/));
  const numeric = (c) => c !== "" && Number.isFinite(Number(c));
  let start = 0;
  if (cells.length && cells[0].slice(1).some((c) => !numeric(c))) start = 1; // a header line
  const body = cells.slice(start);
  const labelled = body.some((r) => !numeric(r[0]));
  const vectors = [];
  const labels = [];
  body.forEach((r, i) => {
    const values = labelled ? r.slice(1) : r;
    vectors.push(values.map((c) => number(c, "value", i + start + 1, "vectors")));
    labels.push(labelled ? r[0] : String(i));
  });
  return { vectors, labels: labelled ? labels : null };
}
