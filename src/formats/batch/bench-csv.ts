/**
 * Memory and speed of the streaming CSV reader on a large upload (issue 3: "a 1 GB CSV is
 * processed in constant memory", target < 300 MB resident). Writes a CSV of invented people in a
 * temp folder (streamed, never held), then parses it, sampling RSS every 100 ms:
 *
 *   npx tsx src/formats/batch/bench-csv.ts [--mb 1024] [--keep]
 *
 * Not a unit test: speed is measured here, never asserted (house style).
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseCsvStream } from "./parse-csv.ts";
import { INPUT_COLUMNS } from "./columns.ts";
import { benchContext, benchRow, random, writeInChild } from "./bench-rows.ts";

const args = process.argv.slice(2);
const megabytes = Number(args[args.indexOf("--mb") + 1] ?? 1024) || 1024;
const keep = args.includes("--keep");
const writeTo = args.includes("--write") ? args[args.indexOf("--write") + 1] : undefined;

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

async function writeCsv(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const rnd = random(20261120);
  out.write("\uFEFF" + INPUT_COLUMNS.map((c) => csvCell(c.header)).join(",") + "\r\n");
  let rows = 0;
  let written = 0;
  while (written < bytes) {
    let chunk = "";
    for (let i = 0; i < 1000; i++) {
      const values = benchRow(++rows, rnd);
      chunk += INPUT_COLUMNS.map((c) => csvCell(values[c.key] ?? "")).join(",") + "\r\n";
    }
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hoso-bench-csv-"));
  const path = join(dir, "batch.csv");
  try {
    let t = performance.now();
    writeInChild(path, ["--mb", String(megabytes)]);
    const size = statSync(path).size;
    console.log(`wrote ${(size / 2 ** 20).toFixed(0)} MiB in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const ctx = benchContext();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let peakHeap = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 100);
    t = performance.now();
    const cpu0 = process.cpuUsage();
    let records = 0;
    let rejected = 0;
    let fileFindings = 0;
    for await (const item of parseCsvStream(createReadStream(path), ctx)) {
      if (item.kind === "file") fileFindings++;
      else {
        records++;
        if (item.findings.some((f) => f.severity === "error")) rejected++;
      }
    }
    clearInterval(sampler);
    const seconds = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
    console.log(`parsed ${records.toLocaleString("en")} records (${rejected} with errors, ${fileFindings} file findings) in ${seconds.toFixed(1)} s`);
    console.log(`${Math.round(records / seconds).toLocaleString("en")} rows/s, ${(size / 2 ** 20 / seconds).toFixed(1)} MiB/s wall-clock`);
    // On a shared machine the wall clock includes waiting for a core; CPU time is the reader's own cost.
    console.log(`${cpuSeconds.toFixed(1)} s CPU: ${Math.round(records / cpuSeconds).toLocaleString("en")} rows per CPU-second, load average ${loadavg()[0]?.toFixed(1) ?? "?"}`);
    console.log(`RSS before parsing ${mib(baseline)}, peak ${mib(peak)}; peak heap used ${mib(peakHeap)}`);
    console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  } finally {
    if (keep) console.log(`kept ${path}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await (writeTo === undefined ? main() : writeCsv(writeTo, megabytes * 1024 * 1024));
