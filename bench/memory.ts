/**
 * The hub's memory over a run: samples from the probe, summarised over the first and the last
 * tenth of the measured pushes (by completions, not by time), so "flat" can be read off two rows.
 */

export interface MemorySample {
  at: number;
  afterGc: boolean;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Longest event-loop delay and longest GC pause in the hub since the previous sample (ms). */
  loopMaxMs?: number;
  gcMaxMs?: number;
  /** Share of the time since the previous sample the hub's event loop was busy (0–1). */
  loopBusy?: number;
}

export type ProbeRequest = { type: "gc" };

export interface MemoryWindow {
  samples: number;
  rssMeanMb: number;
  rssMaxMb: number;
  heapUsedMeanMb: number;
  heapUsedMaxMb: number;
  externalMaxMb: number;
}

export interface MemorySummary {
  firstTenth: MemoryWindow | null;
  lastTenth: MemoryWindow | null;
  /** After a forced full GC at the end of the first tenth and at the end of the run. */
  gcFirstTenth: MemorySample | null;
  gcEnd: MemorySample | null;
}

const MB = 1024 * 1024;
const mb = (n: number) => Math.round((n / MB) * 10) / 10;

export function memoryWindow(samples: readonly MemorySample[], from: number, to: number): MemoryWindow | null {
  const inside = samples.filter((s) => !s.afterGc && s.at >= from && s.at <= to);
  if (inside.length === 0) return null;
  const mean = (f: (s: MemorySample) => number) => mb(inside.reduce((a, s) => a + f(s), 0) / inside.length);
  const max = (f: (s: MemorySample) => number) => mb(Math.max(...inside.map(f)));
  return {
    samples: inside.length,
    rssMeanMb: mean((s) => s.rss),
    rssMaxMb: max((s) => s.rss),
    heapUsedMeanMb: mean((s) => s.heapUsed),
    heapUsedMaxMb: max((s) => s.heapUsed),
    externalMaxMb: max((s) => s.external),
  };
}

export const toMb = mb;
