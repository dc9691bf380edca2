/**
 * `npm run bench`: demo adult check-ups pushed end to end (signed push → answer → stored) by 50
 * concurrent facilities, on PGlite and on PostgreSQL, against the raw batched-INSERT baseline of the
 * same rows. Settings: bench/config.ts (BENCH_DB, BENCH_CHECKUPS, …); how to read the figures:
 * docs/benchmarks.md. Timings live here, never in unit tests.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { benchBaseline } from "./baseline.ts";
import { loadBenchConfig, type DbKind } from "./config.ts";
import { postgresProblem } from "./databases.ts";
import { benchPush, progress } from "./push.ts";
import { contention, describeMachine, stagesTable, table, verdicts, writeJson, type DbResult } from "./report.ts";
import { measureStages } from "./stages.ts";
import { createWorkload } from "./workload.ts";

const cfg = loadBenchConfig();
const resultsDir = fileURLToPath(new URL("./results/", import.meta.url));
mkdirSync(resultsDir, { recursive: true });
const runId = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);

const dbs: DbKind[] = [];
const skipped: string[] = [];
for (const kind of cfg.dbs) {
  const problem = kind === "postgres" ? await postgresProblem(cfg.pgUrl) : null;
  if (problem) skipped.push(`PostgreSQL skipped: ${cfg.pgUrl} is unreachable (${problem}); set BENCH_PG_URL`);
  else dbs.push(kind);
}
skipped.forEach((s) => progress(s));

progress(`generating the workload: ${cfg.persons} persons, ${cfg.facilities} facilities with RSA keys`);
const workload = createWorkload(cfg);
const results: DbResult[] = [];
for (const kind of dbs) {
  const push = await benchPush(cfg, workload, kind, runId, resultsDir);
  const baseline = await benchBaseline(cfg, workload, kind);
  results.push({ push, baseline, ratio: push.saturation.perSecond / baseline.perSecond });
}

// Per-format records/s end to end (issue 3), after the push bench: BENCH_FORMATS=1.
const formats = process.env["BENCH_FORMATS"] === "1" ? await import("./formats/throughput.ts") : null;
const formatResults = formats ? await formats.runFormatsBench(cfg, formats.formatsConfig(), runId, resultsDir) : [];

progress("timing the pure stages of a push in-process");
const stages = await measureStages(workload, 300);
const machine = await describeMachine(dbs.includes("postgres") ? cfg.pgUrl : null);
const out = [
  "",
  `hoso bench — ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}` +
    (machine.postgres ? `, PostgreSQL ${machine.postgres}` : ""),
  `${cfg.facilities} facilities, one adult check-up per push, hub log level ${cfg.logLevel}; ` +
    `baseline ${cfg.baselineBatch} check-up(s) per INSERT transaction`,
  "",
  table(results),
  "",
  stagesTable(stages),
  "",
  ...verdicts(results),
  ...contention(results),
  ...skipped,
  ...(formats ? ["", formats.formatsTable(formatResults)] : []),
];
const file = writeJson(resultsDir, runId, { runId, machine, config: { ...cfg, checkups: Object.fromEntries(dbs.map((d) => [d, cfg.checkups(d)])), rate: Object.fromEntries(dbs.map((d) => [d, cfg.rate(d)])) }, results, stages, skipped, formats: formatResults });
process.stdout.write(`${out.join("\n")}\n\nresult: ${file}\n`);
