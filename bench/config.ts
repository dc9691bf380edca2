/**
 * Benchmark settings from the environment, checked once (every problem reported at once, as the
 * hub's own config does). Defaults keep `npm run bench` under about five minutes on two cores.
 */
import { z } from "zod";

export const DB_KINDS = ["pglite", "postgres"] as const;
export type DbKind = (typeof DB_KINDS)[number];

/** The issue's targets (check-ups per second at saturation; the rate the latency is judged at). */
export const TARGETS = {
  postgres: { perSecond: 400 },
  pglite: { perSecond: 150 },
  p99Ms: 50,
  baselineRatio: 0.5,
} as const;

const DEFAULT_CHECKUPS: Record<DbKind, number> = { postgres: 5000, pglite: 3000 };

const int = (min: number) => z.coerce.number().int().min(min);
const schema = z.object({
  BENCH_DB: z.enum(["pglite", "postgres", "both"]).default("both"),
  BENCH_CHECKUPS: int(100).optional(),
  BENCH_FACILITIES: int(1).max(200).default(50),
  BENCH_PERSONS: int(100).default(20_000),
  BENCH_SEED: int(0).default(20260701),
  /** Untimed pushes per facility before the measured phases (JIT, caches, connection pools). */
  BENCH_WARMUP: int(0).default(10),
  /**
   * The paced phases: open-loop arrivals for this long, at this rate (default: the target) when
   * the hub sustains it, and at half the measured saturation rate.
   */
  BENCH_RATE: int(1).optional(),
  BENCH_PACED_SECONDS: int(1).default(10),
  BENCH_PG_URL: z.string().url().default("postgres://postgres@127.0.0.1:5432/postgres"),
  /** The hub's own log level during the run; `info` is what an operator runs (a line per request). */
  BENCH_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info"),
  /** Keep the bench databases / data folders for inspection instead of dropping them. */
  BENCH_KEEP: z.enum(["0", "1"]).default("0"),
  /** Check-ups per INSERT transaction in the baseline (1: one transaction per check-up, as a push has). */
  BENCH_BASELINE_BATCH: int(1).default(100),
  /**
   * Hub processes on PostgreSQL (HOSO_PROCESSES). Default 1: with PostgreSQL on the same two cores,
   * two hub processes cost more CPU per push (smaller groups) and sustained less. PGlite is always one.
   */
  BENCH_PROCESSES: int(1).max(16).optional(),
  /** Write a V8 CPU profile of the hub (`--cpu-prof`) into bench/results/ when it stops. */
  BENCH_CPU_PROF: z.enum(["0", "1"]).default("0"),
});

export interface BenchConfig {
  dbs: DbKind[];
  checkups: (db: DbKind) => number;
  facilities: number;
  persons: number;
  seed: number;
  warmupPerFacility: number;
  rate: (db: DbKind) => number;
  pacedSeconds: number;
  pgUrl: string;
  logLevel: string;
  keep: boolean;
  cpuProfile: boolean;
  baselineBatch: number;
  processes: (db: DbKind) => number;
}

export function loadBenchConfig(env: Record<string, string | undefined> = process.env): BenchConfig {
  const known = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] === "" ? undefined : env[k]]));
  const parsed = schema.safeParse(known);
  if (!parsed.success) {
    throw new Error(`Invalid bench settings:\n${parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  const c = parsed.data;
  return {
    dbs: c.BENCH_DB === "both" ? [...DB_KINDS] : [c.BENCH_DB],
    checkups: (db) => c.BENCH_CHECKUPS ?? DEFAULT_CHECKUPS[db],
    facilities: c.BENCH_FACILITIES,
    persons: c.BENCH_PERSONS,
    seed: c.BENCH_SEED,
    warmupPerFacility: c.BENCH_WARMUP,
    rate: (db) => c.BENCH_RATE ?? TARGETS[db].perSecond,
    pacedSeconds: c.BENCH_PACED_SECONDS,
    pgUrl: c.BENCH_PG_URL,
    logLevel: c.BENCH_LOG_LEVEL,
    keep: c.BENCH_KEEP === "1",
    cpuProfile: c.BENCH_CPU_PROF === "1",
    baselineBatch: c.BENCH_BASELINE_BATCH,
    processes: (db) => (db === "pglite" ? 1 : c.BENCH_PROCESSES ?? 1),
  };
}
