/**
 * Figures from a phase's raw measurements: throughput, latency percentiles, outcomes, CPU, and the
 * hub's memory over the first and last tenth of the pushes.
 */
import type { CpuShares } from "./cpu.ts";
import { percentile, type PhaseResult } from "./load.ts";
import { memoryWindow, type MemorySample, type MemorySummary } from "./memory.ts";

export interface PhaseSummary {
  pushes: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  stored: number;
  queued: number;
  errors: number;
  errorSamples: string[];
  /** CPU-seconds spent during the phase (hub, PostgreSQL, load generator, idle). */
  cpu: CpuShares | null;
}

export interface PacedSummary extends PhaseSummary {
  label: string;
  ratePerSecond: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

export function summarise(r: PhaseResult, cpu: CpuShares | null): PhaseSummary {
  const sorted = Float64Array.from(r.latenciesMs).sort();
  const seconds = (r.endedAt - r.startedAt) / 1000;
  return {
    pushes: r.pushes,
    seconds: round(seconds),
    perSecond: round(r.pushes / seconds),
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    p99Ms: round(percentile(sorted, 0.99)),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
    stored: r.stored,
    queued: r.queued,
    errors: r.errors,
    errorSamples: r.errorSamples,
    cpu,
  };
}

export function summariseMemory(samples: readonly MemorySample[], r: PhaseResult, gcFirstTenth: MemorySample | null, gcEnd: MemorySample): MemorySummary {
  const tenth = Math.max(1, Math.ceil(r.completedAt.length / 10));
  const firstEnd = r.completedAt[tenth - 1] ?? r.endedAt;
  const lastStart = r.completedAt[r.completedAt.length - tenth] ?? r.startedAt;
  return {
    firstTenth: memoryWindow(samples, r.startedAt, firstEnd),
    lastTenth: memoryWindow(samples, lastStart, r.endedAt),
    gcFirstTenth,
    gcEnd,
  };
}
