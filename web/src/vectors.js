// Vector text (CSV or JSON, pasted or uploaded) -> the fields of POST /v1/cluster/vectors.
//
// The server reads vectors from JSON and from binary files (.npy, .npz, Arrow, Parquet),
// not from CSV text: this turns the text into JSON and refuses what JSON cannot carry
// (NaN, Infinity), naming the line. Everything else is the server's to check.

export class InputError extends Error {
  constructor(message, field) {
    super(message);
    this.field = field;
  }
}

function number(token, what, lineNo, field) {
  const value = Number(token);
  if (token === undefined || token === "" || !Number.isFinite(value)) {
    throw new InputError(`line ${lineNo}: ${what} '${token}' is not a finite number`, field);
  }
  return value;
}

const lines = (text) => text.split(/\r?\n/);

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
