/**
 * `npm run bench:web`: the web app's JavaScript as a phone receives it, gzip (level 9) and brotli
 * (quality 11), for the first load and for each lazy chunk. Fails (exit 1) when the first load's
 * JavaScript is 250 KB or more compressed (issue 5's budget). Build first: `npm run build:web`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { entryKey, lazyChunks, staticClosure, type Manifest } from "./first-load.ts";

const BUDGET_BYTES = 250 * 1000;
const dist = fileURLToPath(new URL("../../web/dist/", import.meta.url));
const manifestPath = join(dist, ".vite", "manifest.json");
if (!existsSync(manifestPath)) {
  process.stderr.write("web/dist has no manifest: run `npm run build:web` first\n");
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;

interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

function sizeOf(files: string[]): Size {
  return files.reduce<Size>(
    (s, f) => {
      const data = readFileSync(join(dist, f));
      return {
        raw: s.raw + data.length,
        gzip: s.gzip + gzipSync(data, { level: 9 }).length,
        brotli: s.brotli + brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
const row = (label: string, s: Size) => `${label.padEnd(28)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(10)}`;

const first = staticClosure(manifest, entryKey(manifest));
const firstJs = sizeOf(first.js);
const lines = [
  `${"".padEnd(28)} ${"raw".padStart(10)} ${"gzip".padStart(10)} ${"brotli".padStart(10)}`,
  row(`first load JS (${first.js.length} files)`, firstJs),
  row("first load CSS", sizeOf(first.css)),
  ...lazyChunks(manifest).map((c) => row(`  + lazy ${c.name}`, sizeOf(c.js))),
];
const over = Math.max(firstJs.gzip, firstJs.brotli) >= BUDGET_BYTES;
lines.push(
  over
    ? `FAIL: first-load JavaScript ${kb(firstJs.gzip)} gzip / ${kb(firstJs.brotli)} brotli is over the ${kb(BUDGET_BYTES)} budget`
    : `ok: first-load JavaScript ${kb(firstJs.gzip)} gzip / ${kb(firstJs.brotli)} brotli, under the ${kb(BUDGET_BYTES)} budget`,
);
process.stdout.write(`${lines.join("\n")}\n`);
process.exit(over ? 1 : 0);
