/**
 * Prometheus metrics, one registry per hub process (no global default registry). Labels are
 * route patterns, codes and outcomes only — never anything about a person (invariant 4).
 */
import { Counter, Histogram, Registry } from "prom-client";
import type { Reader } from "./intake/read-pool.ts";

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  pushes: Counter<"res_code">;
  records: Counter<"outcome">;
  /** Where a submission's processing time goes, step by step (`IntakeStage`). */
  intakeStages: Histogram<"stage">;
}

/**
 * The steps of taking a submission in: its raw request stored (`store_raw`, pushes processed on
 * arrival only), read and checked (`read`), tied to persons (`link`), waiting for its group commit
 * (`group_wait`), then the group's transaction with the answers signed (`store`).
 */
export const INTAKE_STAGES = ["store_raw", "read", "link", "group_wait", "store"] as const;
export type IntakeStage = (typeof INTAKE_STAGES)[number];

/** Seconds since `startedMs` (a `performance.now()` reading) into the step's histogram. */
export function timeStage(metrics: Metrics, stage: IntakeStage, startedMs: number): void {
  metrics.intakeStages.observe({ stage }, (performance.now() - startedMs) / 1000);
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  return {
    registry,
    httpDuration: new Histogram({
      name: "hoso_http_request_duration_seconds",
      help: "HTTP answer time by route pattern",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    pushes: new Counter({ name: "hoso_pushes_total", help: "Check-up pushes answered, by res_code", labelNames: ["res_code"], registers: [registry] }),
    records: new Counter({ name: "hoso_records_total", help: "Records processed, by outcome", labelNames: ["outcome"], registers: [registry] }),
    intakeStages: new Histogram({
      name: "hoso_intake_stage_seconds",
      help: "Time a submission spends in each step of intake: store_raw, read, link, group_wait, store",
      labelNames: ["stage"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}

/** Where submissions were read (intake/read-pool.ts): on a read thread or on the event loop. */
export function countReads(metrics: Metrics, reader: Reader): void {
  const name = "hoso_submissions_read_total";
  if (metrics.registry.getSingleMetric(name)) return;
  new Counter({
    name,
    help: "Submissions read and checked, by where: a read thread or the event loop",
    labelNames: ["where"],
    registers: [metrics.registry],
    collect() {
      const s = reader.stats();
      this.reset();
      this.inc({ where: "thread" }, s.completed);
      this.inc({ where: "event_loop" }, s.inLine);
    },
  });
}
