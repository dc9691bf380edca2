/**
 * End to end on one database: a fresh hub database seeded with the registry and the facilities,
 * the hub started as `npm start` runs it, every push body generated and signed before any timing,
 * then warm-up, the saturation phase (closed loop, N check-ups) and the paced phases (open loop at
 * the target rate when the hub sustains it, at ½ and at ¼ of the saturation rate). Afterwards the
 * database is read to confirm what was stored.
 */
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { BenchConfig, DbKind } from "./config.ts";
import { cpuBetween, cpuSnapshot, type CpuShares } from "./cpu.ts";
import { countStored, freshDb, type StoredCounts } from "./databases.ts";
import { startHub, type HubProcess } from "./hub-process.ts";
import { awaitQueued, runClosedLoop, runPaced, type Client, type PhaseResult } from "./load.ts";
import { facilityAgent, login } from "./client.ts";
import type { MemorySample, MemorySummary } from "./memory.ts";
import { seedHub } from "./setup.ts";
import { summarise, summariseMemory, type PacedSummary, type PhaseSummary } from "./summary.ts";
import { BENCH_PASSWORD, facilityCheckups, share, signedBody, type Workload } from "./workload.ts";
import { INTAKE_STAGES, type IntakeStage } from "../src/metrics.ts";

export interface PushBenchResult {
  db: DbKind;
  checkups: number;
  generationSeconds: number;
  saturation: PhaseSummary;
  /**
   * Open-loop phases: at the target rate (only when saturation reaches it: past capacity an open
   * loop only grows a queue), then at ½ and ¼ of the saturation rate (capped at the target).
   */
  paced: PacedSummary[];
  memory: MemorySummary;
  stored: StoredCounts;
  /** Pushes answered 202 that the worker had not finished after waiting. */
  unfinished: number;
  hubLog: string;
  /** Hub processes (HOSO_PROCESSES); memory is read from the first process only when 1. */
  processes: number;
}

interface Queues {
  warmup: Buffer[][];
  saturation: Buffer[][];
  /** One pool per paced phase, each big enough for the target rate. */
  paced: Buffer[][][];
}

const PACED_PHASES = 3;

export async function benchPush(cfg: BenchConfig, w: Workload, kind: DbKind, runId: string, resultsDir: string): Promise<PushBenchResult> {
  const n = cfg.checkups(kind);
  const rate = cfg.rate(kind);
  const db = await freshDb(kind, cfg.pgUrl, "e2e");
  try {
    progress(`${kind}: seeding the hub database (registry ${w.population.length} persons, ${w.facilities.length} facilities)`);
    await seedHub(db, w);
    const genStart = performance.now();
    const queues = generateQueues(w, cfg.warmupPerFacility, n, rate * cfg.pacedSeconds);
    const generationSeconds = (performance.now() - genStart) / 1000;
    progress(`${kind}: push bodies generated and signed in ${generationSeconds.toFixed(1)} s (not timed)`);

    const hubLog = join(resultsDir, `${runId}-${kind}-hub.log`);
    const processes = cfg.processes(kind);
    const hub = await startHub({ ...db.env, LOG_LEVEL: cfg.logLevel, HOSO_PROCESSES: String(processes) }, hubLog, cfg.cpuProfile ? resultsDir : undefined);
    try {
      const clients = await signIn(w, hub.url);
      await runClosedLoop(hub.url, clients, queues.warmup);

      progress(`${kind}: saturation, ${n} check-ups from ${clients.length} facilities at once`);
      const { result: sat, memory } = await saturate(hub, clients, queues.saturation, n);
      const saturation = sat.summary;
      const rates = [
        ...(saturation.perSecond >= rate ? [{ label: "target", perSecond: rate }] : []),
        { label: "½ saturation", perSecond: Math.min(rate, Math.max(1, Math.floor(saturation.perSecond / 2))) },
        { label: "¼ saturation", perSecond: Math.min(rate, Math.max(1, Math.floor(saturation.perSecond / 4))) },
      ];
      const pacedRuns = [];
      for (const [i, r] of rates.entries()) pacedRuns.push(await paced(hub, clients, queues.paced[i]!, r, cfg.pacedSeconds, kind));
      const queued = [...sat.raw.queuedUrls, ...pacedRuns.flatMap((p) => p.queuedUrls)];
      const unfinished = await awaitQueued(hub.url, queued, 120_000);
      for (const c of clients) c.agent.destroy();
      await hub.stop();
      return {
        db: kind,
        checkups: n,
        generationSeconds,
        saturation,
        paced: pacedRuns.map((p) => p.summary),
        memory,
        stored: await countStored(db),
        unfinished,
        hubLog,
        processes,
      };
    } finally {
      await hub.stop();
    }
  } finally {
    if (!cfg.keep) await db.drop();
  }
}

async function saturate(hub: HubProcess, clients: Client[], queues: Buffer[][], n: number) {
  // A GC'd heap reading when the first tenth is done, and another at the end.
  const gc: { firstTenth: Promise<MemorySample> | null } = { firstTenth: null };
  const before = cpuSnapshot(hub.pid);
  const tenth = Math.ceil(n / 10);
  const started = Date.now();
  const steps = stepTimes(await hubMetrics(hub.url));
  const raw = await runClosedLoop(hub.url, clients, queues, (done) => {
    if (done === tenth) gc.firstTenth = hub.gcSample();
    if (done % tenth === 0) progress(`  ${done}/${n} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
  const summary = summarise(raw, cpuBetween(before, cpuSnapshot(hub.pid)));
  const metrics = await hubMetrics(hub.url);
  progress(`  hub: event loop busy ${loopBusy(hub, raw)} % of the time${onCore(summary.cpu, raw)}; ${readSplit(metrics)}`);
  progress(`  hub: ${stepLine(steps, stepTimes(metrics))}`);
  const gcEnd = await hub.gcSample();
  const memory = summariseMemory(hub.memory, raw, gc.firstTenth ? await gc.firstTenth : null, gcEnd);
  return { result: { raw, summary }, memory };
}

/** How busy the hub's event loop was during a phase, in percent (the probe's 250 ms readings). */
function loopBusy(hub: HubProcess, phase: PhaseResult): string {
  const inside = hub.memory.filter((m) => !m.afterGc && m.loopBusy !== undefined && m.at >= phase.startedAt && m.at <= phase.endedAt);
  return ((inside.reduce((a, m) => a + m.loopBusy!, 0) / Math.max(1, inside.length)) * 100).toFixed(0);
}

/**
 * How much of the phase the busiest event loop's thread was on a core. Below "busy", the rest of
 * its busy time it was ready but waiting for a core (PostgreSQL, the load generator and the hub's
 * other threads share them).
 */
function onCore(cpu: CpuShares | null, phase: PhaseResult): string {
  const seconds = (phase.endedAt - phase.startedAt) / 1000;
  return cpu && cpu.hubMainBusiest > 0 && seconds > 0 ? `, its thread on a core ${((100 * cpu.hubMainBusiest) / seconds).toFixed(0)} %` : "";
}

/** The hub's /metrics text (with several processes: one process's). */
async function hubMetrics(url: URL): Promise<string> {
  return (await fetch(new URL("/metrics", url))).text();
}

/** Where the hub read submissions so far (its /metrics): on read threads or on the event loop. */
function readSplit(text: string): string {
  const count = (where: string) => Number(new RegExp(`hoso_submissions_read_total\\{where="${where}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  const [thread, loop] = [count("thread"), count("event_loop")];
  return `read on a thread ${thread} of ${thread + loop} submissions`;
}

type StepTimes = Record<IntakeStage, { sum: number; count: number }>;

/** The hub's intake step histograms so far (its /metrics `hoso_intake_stage_seconds`). */
function stepTimes(text: string): StepTimes {
  const read = (s: string, part: "sum" | "count") => Number(new RegExp(`hoso_intake_stage_seconds_${part}\\{stage="${s}"\\} ([\\d.e+-]+)`).exec(text)?.[1] ?? 0);
  return Object.fromEntries(INTAKE_STAGES.map((s) => [s, { sum: read(s, "sum"), count: read(s, "count") }])) as StepTimes;
}

/** Mean time per submission in each step between two readings (with several processes: one process's). */
function stepLine(before: StepTimes, after: StepTimes): string {
  const mean = (s: IntakeStage) => {
    const n = after[s].count - before[s].count;
    return n > 0 ? (((after[s].sum - before[s].sum) / n) * 1000).toFixed(1) : "–";
  };
  return `mean ms per submission: ${INTAKE_STAGES.map((s) => `${s} ${mean(s)}`).join(" · ")}`;
}

async function paced(hub: HubProcess, clients: Client[], pool: Buffer[][], rate: { label: string; perSecond: number }, seconds: number, kind: DbKind) {
  progress(`${kind}: paced at ${rate.label}, ${rate.perSecond}/s for ${seconds} s`);
  const total = rate.perSecond * seconds;
  const queues = pool.map((q, i) => q.slice(0, share(total, pool.length, i)));
  const before = cpuSnapshot(hub.pid);
  const steps = stepTimes(await hubMetrics(hub.url));
  // The load generator's own stalls (its GC over the pre-signed bodies) would count as the hub's latency.
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const raw: PhaseResult = await runPaced(hub.url, clients, queues, rate.perSecond);
  loop.disable();
  progress(`  load generator event-loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`);
  const inside = hub.memory.filter((m) => !m.afterGc && m.at >= raw.startedAt && m.at <= raw.endedAt);
  const worst = (f: (m: MemorySample) => number | undefined) => Math.max(0, ...inside.map((m) => f(m) ?? 0)).toFixed(1);
  progress(`  hub: longest event-loop delay ${worst((m) => m.loopMaxMs)} ms, longest GC pause ${worst((m) => m.gcMaxMs)} ms, event loop busy ${loopBusy(hub, raw)} %`);
  progress(`  hub: ${stepLine(steps, stepTimes(await hubMetrics(hub.url)))}`);
  const summary: PacedSummary = { ...summarise(raw, cpuBetween(before, cpuSnapshot(hub.pid))), label: rate.label, ratePerSecond: rate.perSecond };
  return { summary, queuedUrls: raw.queuedUrls };
}

/** Every body built and signed up front, per facility, in stream order. */
function generateQueues(w: Workload, warmup: number, n: number, pacedMax: number): Queues {
  const q: Queues = { warmup: [], saturation: [], paced: Array.from({ length: PACED_PHASES }, () => []) };
  const F = w.facilities.length;
  w.facilities.forEach((f, i) => {
    const counts = [warmup, share(n, F, i), ...Array<number>(PACED_PHASES).fill(share(pacedMax, F, i))];
    const bodies = Array.from(facilityCheckups(w, f, counts.reduce((a, b) => a + b, 0)), (c) => signedBody(f, c));
    let at = 0;
    const take = (k: number) => bodies.slice(at, (at += counts[k]!));
    q.warmup.push(take(0));
    q.saturation.push(take(1));
    q.paced.forEach((pool, p) => pool.push(take(2 + p)));
  });
  return q;
}

async function signIn(w: Workload, url: URL): Promise<Client[]> {
  return Promise.all(
    w.facilities.map(async (f) => {
      const agent = facilityAgent(f.localAddress, 4);
      return { code: f.code, agent, token: await login(agent, url, f.username, BENCH_PASSWORD) };
    }),
  );
}

export function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}
