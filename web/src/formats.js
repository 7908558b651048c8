// The output formats the page offers. Every file is written by the server
// (infomap_core/formats), downloaded from GET /v1/jobs/{id}/result?format=: after a
// synchronous run the page submits the same request as a job on the first download.

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
