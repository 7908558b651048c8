// Reads files with the official Infomap parser (@mapequation/infomap-parser, the one Infomap
// Online, Network Navigator and Alluvial use) and prints what it reads, for the Python tests.
//
// stdin: a JSON array of {"text": "...", "strict": true}; stdout: a JSON array with, for each
// file, {"ok": true, "result": {...}} or {"ok": false, "error": "message"}. Strict mode is
// parse(text, undefined, true, true): links parsed, strict header.
import { parse } from "@mapequation/infomap-parser";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const files = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const answers = files.map(({ text, strict = true }) => {
  try {
    return { ok: true, result: parse(text, undefined, true, strict) };
  } catch (error) {
    return { ok: false, error: String(error.message ?? error) };
  }
});
// NaN (a node id that is not a number) is not JSON: say so explicitly.
process.stdout.write(JSON.stringify(answers, (_, v) => (Number.isNaN(v) ? "NaN" : v)));
