/**
 * A large spreadsheet upload end to end (issue 3: "a 1 GB CSV is processed in constant memory",
 * target under 300 MB resident): writes a CSV of invented people (src/formats/batch/bench-csv.ts's
 * writer, in a child process), starts the hub as a child process on a fresh PostgreSQL database
 * (bench/hub-process.ts, bench/databases.ts), uploads the file over HTTP, polls the status until
 * done (or for `--minutes` of processing), and reports the hub's peak resident size per phase
 * (VmHWM from /proc, reset between the phases through clear_refs) and rows per second.
 *
 *   npx tsx bench/large-csv.ts [--mb 1024] [--minutes 20] [--chunk 500] [--heap-mb 128] [--keep]
 *
 * The rows' personal IDs are not in the (empty) registry, so every row takes the identity-review
 * path (provisional person + review case), the most writing a row can cause.
 */
import { generateKeyPairSync } from "node:crypto";
import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDeps } from "../src/boot.ts";
import { loadConfig } from "../src/config.ts";
import { addFacility } from "../src/facility/facility-service.ts";
import { benchContext } from "../src/formats/batch/bench-rows.ts";
import { login, send } from "./client.ts";
import { freshDb, postgresProblem } from "./databases.ts";
import { startHub } from "./hub-process.ts";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => Number(args[args.indexOf(`--${name}`) + 1] ?? dflt) || dflt;
const has = (name: string) => args.includes(`--${name}`);
const megabytes = has("mb") ? opt("mb", 1024) : 1024;
const minutes = has("minutes") ? opt("minutes", 20) : Infinity;
const chunkRows = has("chunk") ? opt("chunk", 500) : 500;
/** `--heap-mb N`: the hub runs with `--max-old-space-size=N` (V8 otherwise lets garbage pile up far past what is live). */
const heapMb = has("heap-mb") ? opt("heap-mb", 0) : 0;
const pgUrl = process.env["BENCH_PG_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres";
const WRITER = fileURLToPath(new URL("../src/formats/batch/bench-csv.ts", import.meta.url));
const MiB = 2 ** 20;
const mib = (n: number) => `${(n / MiB).toFixed(0)} MiB`;

/** VmHWM / VmRSS of a process, in bytes. */
function procMemory(pid: number): { hwm: number; rss: number } {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0) * 1024;
  return { hwm: kb("VmHWM"), rss: kb("VmRSS") };
}

/** Resets the peak (VmHWM) to the current RSS, so each phase's peak is its own (Linux, root or owner). */
const resetPeak = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, "5");

function uploadFile(base: URL, token: string, path: string, query: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: "POST",
        path: `/api/batches?${query}`,
        headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", "content-length": String(statSync(path).size) },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c)).on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() })).on("error", reject);
      },
    );
    req.on("error", reject);
    createReadStream(path).pipe(req);
  });
}

interface Status {
  status: string;
  progress: { rows_processed: number; counts: Record<string, number> };
  manifest?: { extension: { counts: Record<string, number> } };
}

async function main(): Promise<void> {
  const problem = await postgresProblem(pgUrl);
  if (problem) throw new Error(`PostgreSQL at ${pgUrl} does not answer: ${problem}`);
  const dir = mkdtempSync(join(tmpdir(), "hoso-bench-large-"));
  const csv = join(dir, "batch.csv");
  const db = await freshDb("postgres", pgUrl, "largecsv");
  let hub: Awaited<ReturnType<typeof startHub>> | undefined;
  try {
    let t = performance.now();
    const w = spawnSync(process.execPath, [...process.execArgv, WRITER, "--mb", String(megabytes), "--write", csv], { stdio: "inherit" });
    if (w.status !== 0) throw new Error(`CSV writer exited with ${String(w.status)}`);
    const size = statSync(csv).size;
    console.log(`wrote ${mib(size)} of CSV in ${((performance.now() - t) / 1000).toFixed(0)} s`);

    const ctx = benchContext();
    const username = "bench-large";
    const password = "bench large csv password";
    const deps = await openDeps(loadConfig({ ...db.env, LOG_LEVEL: "warn", HOSO_DEMO: "false" }));
    try {
      const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      await addFacility(deps, {
        code: ctx.facilityCode, gln: "8930000001001", name: "Đội khám lưu động", provinceCode: "01", kind: "clinic",
        username, password, publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      });
    } finally {
      await deps.db.close();
    }

    hub = await startHub(
      { ...db.env, HOSO_DATA_DIR: join(dir, "data"), HOSO_WORKERS: "1", LOG_LEVEL: "warn", HOSO_BATCH_CHUNK_ROWS: String(chunkRows), HOSO_BATCH_MAX_BYTES: String(2 ** 31 - 1),
        ...(heapMb > 0 ? { NODE_OPTIONS: `${process.env["NODE_OPTIONS"] ?? ""} --max-old-space-size=${heapMb}`.trim() } : {}) },
      join(dir, "hub.log"),
    );
    const idle = procMemory(hub.pid);
    console.log(`hub started (pid ${hub.pid}), RSS idle ${mib(idle.rss)}`);
    const token = await login(new http.Agent({ keepAlive: true }), hub.url, username, password);
    const p = ctx.programme;
    const query = new URLSearchParams({ organisation: p.organisation, kind: p.kind, round: p.round, team: p.team, place: p.place, date: p.date, doi_tuong: "6", nguon_chi_tra: "1" }).toString();

    // Phase 1: the upload, streamed to a file in the data folder.
    resetPeak(hub.pid);
    t = performance.now();
    const up = await uploadFile(hub.url, token, csv, query);
    const uploadSeconds = (performance.now() - t) / 1000;
    if (up.status !== 202) throw new Error(`upload answered ${up.status}: ${up.body.slice(0, 500)}`);
    const uploadPeak = procMemory(hub.pid).hwm;
    const { submission_id: id } = JSON.parse(up.body) as { submission_id: string };
    console.log(`upload: 202 after ${uploadSeconds.toFixed(1)} s (${(size / MiB / uploadSeconds).toFixed(0)} MiB/s), hub peak RSS ${mib(uploadPeak)}`);

    // Phase 2: the worker stores it in chunks; poll the status.
    resetPeak(hub.pid);
    const start = performance.now();
    const cpu0 = cpuSeconds(hub.pid);
    let last: Status | undefined;
    let rssMax = 0;
    const loads: number[] = [];
    for (;;) {
      await new Promise((r) => setTimeout(r, 5000));
      const res = await send(undefined, hub.url, "GET", `/api/submissions/${id}`, { authorization: `Bearer ${token}` });
      last = JSON.parse(res.body.toString()) as Status;
      const m = procMemory(hub.pid);
      rssMax = Math.max(rssMax, m.rss);
      loads.push(loadavg()[0] ?? 0);
      const elapsed = (performance.now() - start) / 1000;
      if (Math.round(elapsed) % 60 < 5) {
        console.log(`  ${(elapsed / 60).toFixed(1)} min: ${last.progress.rows_processed.toLocaleString("en")} rows, RSS ${mib(m.rss)} (peak ${mib(m.hwm)}), load ${loadavg()[0]?.toFixed(1)}`);
      }
      if (last.status === "done" || elapsed > minutes * 60) break;
    }
    const seconds = (performance.now() - start) / 1000;
    const cpu = cpuSeconds(hub.pid) - cpu0;
    const processPeak = procMemory(hub.pid).hwm;
    const rows = last.progress.rows_processed;
    const probePeak = Math.max(...hub.memory.map((s) => s.rss));
    const during = hub.memory.filter((s) => s.at >= Date.now() - seconds * 1000);
    const heapMax = Math.max(...during.map((s) => s.heapUsed));
    const heapTotalMax = Math.max(...during.map((s) => s.heapTotal));
    const externalMax = Math.max(...during.map((s) => s.external));
    const afterGc = await hub.gcSample();
    console.log(`processing: ${last.status === "done" ? "finished" : `stopped after ${minutes} min (not finished)`}: ${rows.toLocaleString("en")} rows in ${seconds.toFixed(0)} s = ${(rows / seconds).toFixed(0)} rows/s`);
    console.log(`  counts ${JSON.stringify(last.progress.counts)}; hub CPU ${cpu.toFixed(0)} s (${(cpu / seconds * 100).toFixed(0)} % of one core)`);
    console.log(`  hub peak RSS while processing ${mib(processPeak)} (VmHWM); max sampled ${mib(rssMax)}; whole run (probe, 250 ms) ${mib(probePeak)}`);
    console.log(`  heap used max ${mib(heapMax)}, heap total max ${mib(heapTotalMax)}, external max ${mib(externalMax)}; after a full GC at the end: RSS ${mib(afterGc.rss)}, heap used ${mib(afterGc.heapUsed)}`);
    console.log(`  load average over the run: mean ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1)}, max ${Math.max(...loads).toFixed(1)} on ${cpus().length} cores (${cpus()[0]?.model ?? "?"}); node ${process.version}`);
  } finally {
    await hub?.stop();
    if (has("keep")) console.log(`kept ${dir} and the database`);
    else {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  }
}

/** utime + stime of a process, from /proc/<pid>/stat (clock ticks, 100 per second on Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

await main();
