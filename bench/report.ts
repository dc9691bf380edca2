/**
 * The bench's output: one table (a column per database, a row per figure, the target beside it),
 * the verdict on each target, and the whole result as JSON in `bench/results/` (gitignored).
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import pg from "pg";
import { TARGETS, type DbKind } from "./config.ts";
import type { BaselineResult } from "./baseline.ts";
import type { PushBenchResult } from "./push.ts";
import type { PacedSummary, PhaseSummary } from "./summary.ts";
import type { StageCost } from "./stages.ts";

export interface DbResult {
  push: PushBenchResult;
  baseline: BaselineResult;
  ratio: number;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  postgres: string | null;
}

export async function describeMachine(pgUrl: string | null): Promise<Machine> {
  let postgres: string | null = null;
  if (pgUrl) {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    postgres = (await c.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? null;
    await c.end();
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgres,
  };
}

const NAMES: Record<DbKind, string> = { pglite: "PGlite", postgres: "PostgreSQL" };

type Row = [string, (r: DbResult) => string, string];

function pacedRows(results: readonly DbResult[], label: string): Row[] {
  const at = (r: DbResult) => r.push.paced.find((p) => p.label === label) ?? null;
  if (!results.some(at)) return [["paced at " + label, () => "not sustained", ""]];
  return [
    [`paced at ${label}: rate → got /s`, (r) => paced(at(r), (p) => `${p.ratePerSecond} → ${fmt(p.perSecond)}`), ""],
    ["  answer p50 / p95 / p99 ms", (r) => paced(at(r), lat), `p99 ≤ ${TARGETS.p99Ms}`],
    ["  stored / 202 / errors", (r) => paced(at(r), outcomes), ""],
  ];
}

export function table(results: readonly DbResult[]): string {
  const cols = results.map((r) => NAMES[r.push.db]);
  const rows: Row[] = [
    ["hub processes (HOSO_PROCESSES)", (r) => String(r.push.processes), ""],
    ["check-ups (measured)", (r) => String(r.push.saturation.pushes), ""],
    ["saturation: check-ups/s", (r) => fmt(r.push.saturation.perSecond), results.map((r) => `≥ ${TARGETS[r.push.db].perSecond}`).join(" / ")],
    ["  answer p50 / p95 / p99 ms", (r) => lat(r.push.saturation), "(50 in flight)"],
    ["  stored / 202 / errors", (r) => outcomes(r.push.saturation), "errors 0"],
    ...pacedRows(results, "target"),
    ...pacedRows(results, "½ saturation"),
    ...pacedRows(results, "¼ saturation"),
    ["baseline INSERT check-ups/s", (r) => fmt(r.baseline.perSecond), ""],
    ["end to end ÷ baseline", (r) => r.ratio.toFixed(2), `≥ ${TARGETS.baselineRatio}`],
    ["hub RSS MB first → last tenth", (r) => mem(r, "rssMeanMb"), "flat"],
    ["hub heap MB first → last tenth", (r) => mem(r, "heapUsedMeanMb"), "flat"],
    ["hub heap after GC MB 10% → end", (r) => gcHeap(r), "flat"],
    ["stored check-ups / observations", (r) => `${r.push.stored.checkups} / ${r.push.stored.observations}`, ""],
    ["hub (event loop + other threads) / pg CPU ms per check-up", (r) => perCheckup(r), "(saturation)"],
    ["ceiling from CPU cost, check-ups/s", (r) => ceiling(r), "(idle machine)"],
    ["CPU s hub/pg/bench/idle/other", (r) => cpu(r), "(saturation)"],
  ];
  const cells = rows.map(([label, f, target]) => [label, ...results.map(f), target]);
  const header = ["", ...cols, "target"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

export function verdicts(results: readonly DbResult[]): string[] {
  return results.flatMap((r) => {
    const name = NAMES[r.push.db];
    const t = TARGETS[r.push.db].perSecond;
    const s = r.push.saturation;
    const p = r.push.paced.find((x) => x.label === "target");
    const phases = [s, ...r.push.paced];
    const errors = phases.reduce((a, x) => a + x.errors, 0);
    const lower = r.push.paced.filter((x) => x.label !== "target").map((x) => `${x.ratePerSecond}/s: ${fmt(x.p99Ms)} ms`).join(", ");
    return [
      `${name}: ${s.perSecond >= t ? "MET" : "MISSED"} throughput ${fmt(s.perSecond)}/s (target ≥ ${t}/s)`,
      p
        ? `${name}: ${p.p99Ms <= TARGETS.p99Ms ? "MET" : "MISSED"} p99 ${fmt(p.p99Ms)} ms at ${p.ratePerSecond}/s (target ≤ ${TARGETS.p99Ms} ms)`
        : `${name}: MISSED p99 at ${t}/s: the hub does not sustain that rate (p99 at ${lower})`,
      `${name}: ${r.ratio >= TARGETS.baselineRatio ? "MET" : "MISSED"} end to end is ${(r.ratio * 100).toFixed(0)}% of the raw-INSERT baseline (target ≥ 50%)`,
      ...(errors > 0 ? [`${name}: ERRORS ${phases.flatMap((x) => x.errorSamples).join(" | ")}`] : []),
      ...(r.push.unfinished > 0 ? [`${name}: ${r.push.unfinished} pushes answered 202 were still unfinished`] : []),
    ];
  });
}

export function writeJson(dir: string, runId: string, body: unknown): string {
  const file = join(dir, `${runId}.json`);
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}

const fmt = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : "-");
const lat = (p: PhaseSummary) => `${fmt(p.p50Ms)} / ${fmt(p.p95Ms)} / ${fmt(p.p99Ms)}`;
const outcomes = (p: PhaseSummary) => `${p.stored} / ${p.queued} / ${p.errors}`;
const paced = (p: PacedSummary | null, f: (p: PacedSummary) => string) => (p ? f(p) : "not sustained");

/** With several hub processes the probe reads only the supervising one: not the hub's memory. */
const clustered = (r: DbResult) => (r.push.processes > 1 ? `n/a (${r.push.processes} processes)` : null);

function mem(r: DbResult, k: "rssMeanMb" | "heapUsedMeanMb"): string {
  const c = clustered(r);
  if (c) return c;
  const { firstTenth, lastTenth } = r.push.memory;
  return firstTenth && lastTenth ? `${fmt(firstTenth[k])} → ${fmt(lastTenth[k])}` : "-";
}

function gcHeap(r: DbResult): string {
  const c = clustered(r);
  if (c) return c;
  const { gcFirstTenth: a, gcEnd: b } = r.push.memory;
  const mb = (n: number) => fmt(n / 1024 / 1024);
  return a && b ? `${mb(a.heapUsed)} → ${mb(b.heapUsed)}` : "-";
}

function cpu(r: DbResult): string {
  const c = r.push.saturation.cpu;
  return c ? [c.hub, c.postgres, c.bench, c.idle, c.other].map(fmt).join(" / ") : "-";
}

function perCheckup(r: DbResult): string {
  const c = r.push.saturation.cpu;
  const n = r.push.saturation.pushes;
  const ms = (s: number) => ((1000 * s) / n).toFixed(1);
  return c ? `${ms(c.hub)} (${ms(c.hubMain)} + ${ms(c.hub - c.hubMain)}) / ${ms(c.postgres)}` : "-";
}

/**
 * What the measured CPU cost allows on this machine when nothing else runs: each hub process's
 * event loop is one thread (one core at most), and hub, PostgreSQL and load generator share all
 * the cores.
 * Robust to other users' load, which depresses the measured rate but not the cost per check-up.
 */
export function ceilingPerSecond(r: DbResult): number | null {
  const c = r.push.saturation.cpu;
  if (!c || c.hub === 0) return null;
  const n = r.push.saturation.pushes;
  const all = (c.hub + c.postgres + c.bench) / n;
  return Math.min(n / (c.hubMainBusiest || c.hub), os.availableParallelism() / all);
}

const ceiling = (r: DbResult) => {
  const v = ceilingPerSecond(r);
  return v === null ? "-" : fmt(v);
};

/** Other load on the machine during a saturation phase, when it is large enough to distort the figures. */
export function contention(results: readonly DbResult[]): string[] {
  return results.flatMap((r) => {
    const c = r.push.saturation.cpu;
    if (!c || c.total === 0 || c.other / c.total < 0.1) return [];
    return [`WARNING ${NAMES[r.push.db]}: other processes took ${((100 * c.other) / c.total).toFixed(0)}% of the CPU during saturation; figures are depressed`];
  });
}

export function stagesTable(stages: readonly StageCost[]): string {
  const width = Math.max(...stages.map((s) => s.stage.length));
  const total = stages.reduce((a, s) => a + s.us, 0);
  return [
    "CPU per push of the pure stages (in-process, hot loop, no database):",
    ...stages.map((s) => `  ${s.stage.padEnd(width)}  ${String(s.us).padStart(6)} µs`),
    `  ${"sum".padEnd(width)}  ${String(total).padStart(6)} µs`,
  ].join("\n");
}
