/**
 * Memory and speed of the XLSX reader (issue 3 lists "1,000,000 rows" among the inputs to
 * survive). Writes an XLSX of invented people with shared strings, as Excel does, then parses it
 * (both passes, xlsx-source.ts), sampling RSS every 100 ms:
 *
 *   npx tsx src/formats/batch/bench-xlsx.ts [--rows 100000] [--keep]
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { benchContext, benchRow, random, writeInChild } from "./bench-rows.ts";
import { INPUT_COLUMNS } from "./columns.ts";
import { parseXlsx } from "./parse-xlsx.ts";

const args = process.argv.slice(2);
const rows = Number(args[args.indexOf("--rows") + 1] ?? 100_000) || 100_000;
const keep = args.includes("--keep");
const writeTo = args.includes("--write") ? args[args.indexOf("--write") + 1] : undefined;

async function writeXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path), useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet("Dữ liệu");
  ws.addRow(INPUT_COLUMNS.map((c) => c.header)).commit();
  const rnd = random(20261120);
  for (let n = 1; n <= rows; n++) {
    const values = benchRow(n, rnd);
    ws.addRow(INPUT_COLUMNS.map((c) => values[c.key] ?? null)).commit();
  }
  ws.commit();
  await wb.commit();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hoso-bench-xlsx-"));
  const path = join(dir, "batch.xlsx");
  try {
    let t = performance.now();
    writeInChild(path, ["--rows", String(rows)]);
    const size = statSync(path).size;
    console.log(`wrote ${rows.toLocaleString("en")} rows, ${(size / 2 ** 20).toFixed(0)} MiB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    t = performance.now();
    const cpu0 = process.cpuUsage();
    let records = 0;
    for await (const item of parseXlsx(path, benchContext())) if (item.kind === "record") records++;
    clearInterval(sampler);
    const seconds = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
    console.log(`parsed ${records.toLocaleString("en")} records in ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU (${Math.round(records / cpuSeconds).toLocaleString("en")} rows per CPU-second), load average ${loadavg()[0]?.toFixed(1) ?? "?"}`);
    console.log(`RSS before parsing ${mib(baseline)}, peak ${mib(peak)}`);
  } finally {
    if (keep) console.log(`kept ${path}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await (writeTo === undefined ? main() : writeXlsx(writeTo));
