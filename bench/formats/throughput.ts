/**
 * Records per second for each way in, end to end, with the raw-insert baseline of the same run
 * (issue 3). The hub runs as a child process (bench/hub-process.ts) on a fresh database seeded with
 * the demo registry and the bench facilities; N clients, one per facility, each on its own
 * loopback address, send in a closed loop, one format after the other:
 *   KHAMSUCKHOE  signed push, `POST /api/platform/data-sync/push`, one check-up per push;
 *   GIAMDINHHS   `POST /api/token/take`, then `POST /api/qd130/guiHoSoXmlQD3176`, one visit (type 15) per file;
 *   FHIR         `POST /fhir`, a transaction Bundle per check-up;
 *   CSV          `POST /api/batches?…`, a mobile team's sheet of BENCH_FORMATS_CSV_ROWS rows.
 * A record counts when its request was answered 200 with every record accepted (or 202 and then
 * finished by the worker, which the clock waits for). The baseline (bench/baseline.ts) writes the
 * rows of as many check-ups straight into a fresh schema, batched, in the same run.
 *
 *   npx tsx bench/formats/throughput.ts            # PostgreSQL (BENCH_DB=pglite|both for PGlite)
 *   BENCH_FORMATS=1 npm run bench                  # the same after the push bench
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type http from "node:http";
import { md5Upper } from "../../src/access/gateway-login.ts";
import { receiptData, type Receipt } from "../../src/intake/receipt.ts";
import { benchBaseline, type BaselineResult } from "../baseline.ts";
import { facilityAgent, login, PUSH_PATH, pushHeaders, send } from "../client.ts";
import { loadBenchConfig, type BenchConfig, type DbKind } from "../config.ts";
import { cpuBetween, cpuSnapshot, type CpuShares } from "../cpu.ts";
import { freshDb, postgresProblem, type BenchDb } from "../databases.ts";
import { startHub } from "../hub-process.ts";
import { progress } from "../push.ts";
import { describeMachine, writeJson } from "../report.ts";
import { seedHub } from "../setup.ts";
import { BENCH_PASSWORD, createWorkload, share, type BenchFacility, type Workload } from "../workload.ts";
import { bodiesFor, formatCheckups, FORMATS, type Body, type Format } from "./bodies.ts";

export interface FormatsConfig {
  records: number;
  clients: number;
  csvRows: number;
  /** Untimed requests per client per format first (CSV: one sheet). */
  warmup: number;
}

export interface FormatResult {
  format: Format;
  requests: number;
  records: number;
  seconds: number;
  perSecond: number;
  errors: number;
  errorSamples: string[];
  /** Answered 202 and finished by the worker before the clock stopped. */
  queued: number;
  cpu: CpuShares | null;
}

export interface FormatsDbResult {
  db: DbKind;
  /** Hub processes (HOSO_PROCESSES). */
  processes: number;
  formats: FormatResult[];
  baseline: BaselineResult;
  /** Per channel: check-ups and observation rows stored (warm-up included). */
  stored: { channel: string; checkups: number; observations: number }[];
}

export function formatsConfig(env: NodeJS.ProcessEnv = process.env): FormatsConfig {
  const int = (name: string, fallback: number) => {
    const v = Number(env[name] ?? fallback);
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
    return v;
  };
  return { records: int("BENCH_FORMATS_RECORDS", 1000), clients: int("BENCH_FORMATS_CLIENTS", 20), csvRows: int("BENCH_FORMATS_CSV_ROWS", 100), warmup: int("BENCH_FORMATS_WARMUP", 3) };
}

interface Client {
  facility: BenchFacility;
  agent: http.Agent;
  token: string;
  gateway: { accessToken: string; tokenId: string };
}

type Answer = { kind: "stored" } | { kind: "queued"; statusUrl: string } | { kind: "error"; message: string };

export async function benchFormats(cfg: BenchConfig, fc: FormatsConfig, w: Workload, kind: DbKind, runId: string, resultsDir: string): Promise<FormatsDbResult> {
  const db = await freshDb(kind, cfg.pgUrl, "formats");
  try {
    progress(`${kind}: seeding (registry ${w.population.length} persons, ${w.facilities.length} facilities)`);
    await seedHub(db, w);
    const bodies = generate(w, fc);
    // As the push bench: one hub process per core on PostgreSQL (BENCH_PROCESSES), one on PGlite.
    const processes = cfg.processes(kind);
    const hub = await startHub({ ...db.env, LOG_LEVEL: cfg.logLevel, HOSO_PROCESSES: String(processes) }, join(resultsDir, `${runId}-formats-${kind}-hub.log`));
    const formats: FormatResult[] = [];
    try {
      const clients = await signIn(w, hub.url);
      for (const format of FORMATS) {
        await closedLoop(hub.url, clients, bodies[format].warmup, format);
        progress(`${kind}: ${format}, ${fc.records} records from ${clients.length} clients at once`);
        const before = cpuSnapshot(hub.pid);
        const t0 = performance.now();
        const r = await closedLoop(hub.url, clients, bodies[format].timed, format);
        const seconds = (performance.now() - t0) / 1000;
        const perSecond = r.records / seconds;
        formats.push({ format, ...r, seconds: round(seconds), perSecond: round(perSecond), cpu: cpuBetween(before, cpuSnapshot(hub.pid)) });
        progress(`  ${format}: ${round(perSecond)} records/s, ${r.errors} errors`);
      }
      for (const c of clients) c.agent.destroy();
    } finally {
      await hub.stop();
    }
    const stored = await storedByChannel(db);
    const baseline = await benchBaseline({ ...cfg, checkups: () => fc.records, warmupPerFacility: 0 }, w, kind);
    return { db: kind, processes, formats, baseline, stored };
  } finally {
    if (!cfg.keep) await db.drop();
  }
}

type Queues = Record<Format, { warmup: Body[][]; timed: Body[][] }>;

function generate(w: Workload, fc: FormatsConfig): Queues {
  const t0 = performance.now();
  const out = {} as Queues;
  for (const format of FORMATS) {
    const per = format === "CSV" ? fc.csvRows : 1;
    const warm = format === "CSV" ? Math.min(10, fc.csvRows) : fc.warmup;
    out[format] = { warmup: [], timed: [] };
    w.facilities.forEach((f, i) => {
      const timed = share(fc.records, w.facilities.length, i);
      const checkups = formatCheckups(w, f, format, warm + timed);
      out[format].warmup.push(bodiesFor(format, f, checkups.slice(0, warm), warm >= per ? per : warm, w.now));
      out[format].timed.push(bodiesFor(format, f, checkups.slice(warm), per, w.now));
    });
  }
  progress(`bodies generated in ${((performance.now() - t0) / 1000).toFixed(1)} s (not timed)`);
  return out;
}

async function signIn(w: Workload, url: URL): Promise<Client[]> {
  return Promise.all(
    w.facilities.map(async (f) => {
      const agent = facilityAgent(f.localAddress, 2);
      const token = await login(agent, url, f.username, BENCH_PASSWORD);
      const res = await send(agent, url, "POST", "/api/token/take", { "content-type": "application/x-www-form-urlencoded" },
        Buffer.from(`username=${encodeURIComponent(f.username)}&password=${md5Upper(BENCH_PASSWORD)}`));
      if (res.status !== 200) throw new Error(`gateway sign-in of ${f.username}: HTTP ${res.status}`);
      const key = (JSON.parse(res.body.toString()) as { APIKey: { access_token: string; id_token: string } }).APIKey;
      return { facility: f, agent, token, gateway: { accessToken: key.access_token, tokenId: key.id_token } };
    }),
  );
}

const BATCH_QUERY = new URLSearchParams({ organisation: "Công ty TNHH Ví Dụ", kind: "company", round: "2026-D1", team: "Đội 1", place: "Hà Nội", date: "20/11/2026" });

async function sendOne(base: URL, c: Client, format: Format, body: Body): Promise<Answer> {
  switch (format) {
    case "KHAMSUCKHOE": {
      const res = await send(c.agent, base, "POST", PUSH_PATH, pushHeaders(c.token), body.bytes);
      return judge(res, (j) => {
        const receipt = j as Receipt;
        const outcomes = receiptData(receipt).records.map((r) => r.outcome);
        return receipt.res_code === "CM_SUCCESS" && outcomes.length === body.records && outcomes.every((o) => o === "accepted");
      }, (j) => receiptData(j as Receipt).status_url);
    }
    case "GIAMDINHHS": {
      const res = await send(c.agent, base, "POST", "/api/qd130/guiHoSoXmlQD3176", { "content-type": "application/json", ...c.gateway }, body.bytes);
      return judge(res, (j) => {
        const a = j as { maKetQua?: string; chiTiet?: { outcome: string }[] };
        return a.maKetQua === "200" && a.chiTiet?.length === body.records && a.chiTiet.every((r) => r.outcome === "accepted");
      });
    }
    case "FHIR": {
      const res = await send(c.agent, base, "POST", "/fhir", { authorization: `Bearer ${c.token}`, "content-type": "application/fhir+json" }, body.bytes);
      return judge(res, (j) => {
        const entries = (j as { entry?: { response?: { status?: string } }[] }).entry ?? [];
        return entries.length > 0 && entries.every((e) => /^20[01]/.test(e.response?.status ?? ""));
      });
    }
    case "CSV": {
      const res = await send(c.agent, base, "POST", `/api/batches?${BATCH_QUERY.toString()}`, { authorization: `Bearer ${c.token}`, "content-type": "text/csv" }, body.bytes);
      return judge(res, (j) => (j as { counts?: Record<string, number> }).counts?.["accepted"] === body.records);
    }
  }
}

function judge(res: { status: number; body: Buffer }, stored: (json: unknown) => boolean, statusUrl?: (json: unknown) => string | null): Answer {
  const text = res.body.toString();
  if (res.status === 202) {
    const json = JSON.parse(text) as { status_url?: string };
    return { kind: "queued", statusUrl: (statusUrl ? statusUrl(json) : json.status_url) ?? "" };
  }
  if (res.status === 200 && stored(JSON.parse(text) as unknown)) return { kind: "stored" };
  return { kind: "error", message: `HTTP ${res.status} ${text.slice(0, 300)}` };
}

async function closedLoop(base: URL, clients: readonly Client[], queues: readonly Body[][], format: Format) {
  const t = { requests: 0, records: 0, errors: 0, errorSamples: [] as string[], queued: 0 };
  const queued: { client: Client; statusUrl: string; records: number }[] = [];
  const fail = (message: string) => {
    t.errors++;
    if (t.errorSamples.length < 5) t.errorSamples.push(`${format}: ${message}`);
  };
  await Promise.all(
    clients.map(async (c, i) => {
      for (const body of queues[i]!) {
        t.requests++;
        try {
          const a = await sendOne(base, c, format, body);
          if (a.kind === "stored") t.records += body.records;
          else if (a.kind === "queued") queued.push({ client: c, statusUrl: a.statusUrl, records: body.records });
          else fail(a.message);
        } catch (err) {
          fail(err instanceof Error ? err.message : String(err));
        }
      }
    }),
  );
  // A 202 is not stored yet: the clock runs until the worker has finished it.
  for (const q of queued) {
    if (await finished(base, q.client, q.statusUrl)) {
      t.records += q.records;
      t.queued++;
    } else fail(`${q.statusUrl} not done after 120 s`);
  }
  return t;
}

async function finished(base: URL, c: Client, statusUrl: string): Promise<boolean> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const res = await send(c.agent, base, "GET", statusUrl, { authorization: `Bearer ${c.token}` });
    if ((JSON.parse(res.body.toString()) as { status?: string }).status === "done") return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function storedByChannel(bench: BenchDb): Promise<FormatsDbResult["stored"]> {
  const db = await bench.open();
  try {
    const rows = await db.query<{ channel: string; checkups: number; observations: number }>({
      text: `SELECT s.channel, count(DISTINCT c.checkup_id)::int AS checkups, count(o.checkup_id)::int AS observations
               FROM checkups c JOIN submissions s ON s.submission_id = c.submission_id
               LEFT JOIN observations o ON o.checkup_id = c.checkup_id
              GROUP BY s.channel ORDER BY s.channel`,
      values: [],
    });
    return rows;
  } finally {
    await db.close();
  }
}

const round = (v: number) => Math.round(v * 10) / 10;

export function formatsTable(results: readonly FormatsDbResult[]): string {
  const lines = ["Formats end to end (issue 3): records/s, closed loop; ratio = records/s ÷ baseline check-ups/s"];
  for (const r of results) {
    lines.push(`  ${r.db}, ${r.processes} hub process(es): baseline ${r.baseline.perSecond} check-ups/s (batched INSERT, ${r.baseline.batch} per transaction)`);
    for (const f of r.formats) {
      const cpu = f.cpu && f.records > 0 ? `hub ${((1000 * f.cpu.hub) / f.records).toFixed(1)} ms, db ${((1000 * f.cpu.postgres) / f.records).toFixed(1)} ms CPU/record, other ${f.cpu.total > 0 ? Math.round((100 * f.cpu.other) / f.cpu.total) : 0}%` : "";
      lines.push(
        `    ${f.format.padEnd(12)} ${String(f.perSecond).padStart(7)} records/s  ratio ${(f.perSecond / r.baseline.perSecond).toFixed(2)}  ` +
          `${f.records} records in ${f.requests} requests, ${f.seconds} s, ${f.errors} errors, ${f.queued} answered 202  ${cpu}`,
      );
      for (const s of f.errorSamples) lines.push(`      ${s}`);
    }
    lines.push(`    stored: ${r.stored.map((s) => `${s.channel} ${s.checkups} check-ups (${(s.observations / Math.max(1, s.checkups)).toFixed(0)} obs. each)`).join(", ")}`);
  }
  return lines.join("\n");
}

/** The whole bench: every database of BENCH_DB that answers (PostgreSQL unless BENCH_DB says otherwise). */
export async function runFormatsBench(cfg: BenchConfig, fc: FormatsConfig, runId: string, resultsDir: string): Promise<FormatsDbResult[]> {
  const w = createWorkload({ ...cfg, facilities: fc.clients });
  const results: FormatsDbResult[] = [];
  for (const kind of cfg.dbs) {
    const problem = kind === "postgres" ? await postgresProblem(cfg.pgUrl) : null;
    if (problem) progress(`PostgreSQL skipped: ${cfg.pgUrl} is unreachable (${problem})`);
    else results.push(await benchFormats(cfg, fc, w, kind, runId, resultsDir));
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env["BENCH_DB"] ??= "postgres";
  const cfg = loadBenchConfig();
  const fc = formatsConfig();
  const resultsDir = fileURLToPath(new URL("../results/", import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  const runId = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const results = await runFormatsBench(cfg, fc, runId, resultsDir);
  const machine = await describeMachine(cfg.dbs.includes("postgres") ? cfg.pgUrl : null);
  const file = writeJson(resultsDir, `${runId}-formats`, { runId, machine, config: fc, results });
  process.stdout.write(`\n${formatsTable(results)}\n\nresult: ${file}\n`);
}
