/**
 * The load generator: one client per facility, each pushing its own pre-signed bodies. Two shapes:
 * - closed loop: every facility pushes its next body as soon as it has the answer (saturation:
 *   the most the hub sustains with 50 facilities pushing at once);
 * - paced (open loop): pushes arrive at a fixed total rate, at random times, and latency is
 *   counted from the moment a push was due, so a slow hub cannot hide its queue (no coordinated
 *   omission). With 50 clients in a closed loop, latency is just 50 ÷ throughput (Little's law),
 *   so the latency target is judged on the paced phase.
 */
import { performance } from "node:perf_hooks";
import type http from "node:http";
import { receiptData, type Receipt } from "../src/intake/receipt.ts";
import { PUSH_PATH, pushHeaders, send } from "./client.ts";

export interface Client {
  code: string;
  agent: http.Agent;
  token: string;
}

export interface PhaseResult {
  pushes: number;
  startedAt: number;
  endedAt: number;
  latenciesMs: Float64Array;
  /** Epoch ms of each completion, in completion order (to cut the run into tenths). */
  completedAt: number[];
  /** Answered 200 with every record accepted (stored before the answer). */
  stored: number;
  /** Answered 202: kept, finished later by the worker; `queuedUrls` are their status URLs. */
  queued: number;
  queuedUrls: { client: Client; statusUrl: string }[];
  errors: number;
  errorSamples: string[];
}

type Tally = Omit<PhaseResult, "pushes" | "startedAt" | "endedAt" | "latenciesMs"> & {
  latencies: number[];
  onComplete: (done: number) => void;
};

async function pushOne(base: URL, c: Client, body: Buffer, since: number, t: Tally): Promise<void> {
  try {
    const res = await send(c.agent, base, "POST", PUSH_PATH, pushHeaders(c.token), body);
    done(t, since);
    const outcome = classify(res.status, res.body);
    if (outcome === "stored") t.stored++;
    else if (outcome === "queued") {
      t.queued++;
      t.queuedUrls.push({ client: c, statusUrl: receiptData(JSON.parse(res.body.toString()) as Receipt).status_url ?? "" });
    } else fail(t, `${c.code}: ${outcome}`);
  } catch (err) {
    done(t, since);
    fail(t, `${c.code}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function done(t: Tally, since: number): void {
  t.latencies.push(performance.now() - since);
  t.completedAt.push(Date.now());
  t.onComplete(t.latencies.length);
}

function classify(status: number, body: Buffer): "stored" | "queued" | string {
  if (status === 202) return "queued";
  if (status !== 200) return `HTTP ${status} ${body.toString().slice(0, 200)}`;
  const receipt = JSON.parse(body.toString()) as Receipt;
  const outcomes = receiptData(receipt).records.map((r) => r.outcome);
  if (receipt.res_code === "CM_SUCCESS" && outcomes.length > 0 && outcomes.every((o) => o === "accepted")) return "stored";
  return `${receipt.res_code} [${outcomes.join(",")}]`;
}

function fail(t: Tally, message: string): void {
  t.errors++;
  if (t.errorSamples.length < 5) t.errorSamples.push(message);
}

const newTally = (onComplete: (done: number) => void = () => undefined): Tally => ({
  latencies: [], completedAt: [], stored: 0, queued: 0, queuedUrls: [], errors: 0, errorSamples: [], onComplete,
});

function result({ latencies, onComplete: _, ...t }: Tally, startedAt: number, endedAt: number): PhaseResult {
  return { ...t, pushes: latencies.length, startedAt, endedAt, latenciesMs: Float64Array.from(latencies) };
}

export async function runClosedLoop(
  base: URL,
  clients: readonly Client[],
  queues: readonly Buffer[][],
  onComplete?: (done: number) => void,
): Promise<PhaseResult> {
  const t = newTally(onComplete);
  const startedAt = Date.now();
  await Promise.all(
    clients.map(async (c, i) => {
      for (const body of queues[i]!) await pushOne(base, c, body, performance.now(), t);
    }),
  );
  return result(t, startedAt, Date.now());
}

export async function runPaced(base: URL, clients: readonly Client[], queues: readonly Buffer[][], perSecond: number): Promise<PhaseResult> {
  const t = newTally();
  const total = queues.reduce((a, q) => a + q.length, 0);
  const spanMs = (1000 * total) / perSecond;
  const start = performance.now();
  const startedAt = Date.now();
  await Promise.all(
    clients.map(async (c, i) => {
      const queue = queues[i]!;
      // Sorted uniform times over the span: Poisson arrivals given their count, so the total rate
      // is exactly `perSecond` and no facility's tail stretches the phase.
      const due = Array.from(queue, () => start + Math.random() * spanMs).sort((a, b) => a - b);
      const inFlight: Promise<void>[] = [];
      for (const [k, body] of queue.entries()) {
        const wait = due[k]! - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        inFlight.push(pushOne(base, c, body, due[k]!, t));
      }
      await Promise.all(inFlight);
    }),
  );
  return result(t, startedAt, Date.now());
}

export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Waits until every push answered 202 is finished by the hub's worker; returns those still open. */
export async function awaitQueued(base: URL, queued: PhaseResult["queuedUrls"], timeoutMs: number): Promise<number> {
  let open = [...queued];
  const until = Date.now() + timeoutMs;
  while (open.length > 0 && Date.now() < until) {
    const still: typeof open = [];
    for (const q of open) {
      const res = await send(q.client.agent, base, "GET", q.statusUrl, { authorization: `Bearer ${q.client.token}` });
      if ((JSON.parse(res.body.toString()) as { status?: string }).status !== "done") still.push(q);
    }
    open = still;
    if (open.length > 0) await new Promise((r) => setTimeout(r, 500));
  }
  return open.length;
}
