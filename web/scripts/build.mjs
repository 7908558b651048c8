// Build the page's script into app/static/app.js: the bundled examples and one minified
// ES module (esbuild). The HTML and the CSS are written in app/static directly. The
// bundle's first line records a sha256 of web/src and package-lock.json, which
// tests/web checks against the committed sources.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(web, "..", "app", "static");

await import("./examples.mjs");

export function sourceHash() {
  const hash = createHash("sha256");
  const files = readdirSync(join(web, "src")).sort().map((f) => join("src", f)).concat(["package-lock.json"]);
  for (const f of files) {
    hash.update(f.replaceAll("\\", "/") + "\0");
    hash.update(readFileSync(join(web, f)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

mkdirSync(out, { recursive: true });
const digest = sourceHash();
await build({
  entryPoints: [join(web, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  outfile: join(out, "app.js"),
  banner: { js: `// mapeq web page, built from web/ (sources sha256 ${digest})` },
  legalComments: "eof",
});
console.log(`app/static/app.js built (sources sha256 ${digest})`);
