/**
 * Where submissions are read and checked (read-checked.ts): on HOSO_READ_THREADS worker threads
 * (piscina), so that parsing XML and checking records — most of a push's CPU — never holds up the
 * event loop that serves requests, waits on the database and groups commits; or in line with 0.
 * The threads start with `start()` (the hub calls it as it starts serving) or on the first
 * submission, and stop with the hub (close). Until a thread has started (it loads the parser and
 * the checker's indexes, seconds on a busy machine) the event loop reads: no submission waits for
 * a thread to come up.
 */
import { Piscina } from "piscina";
import type { Config } from "../config.ts";
import { readChecked, takeOver, type HandedOver, type ReadChecked, type ReadJob, type ReadTools } from "./read-checked.ts";

export interface Reader {
  read(job: ReadJob): Promise<ReadChecked>;
  /** Starts the threads (once); resolves when they can take submissions. */
  start(): Promise<void>;
  /** Threads running now, submissions they have read, and submissions the event loop read. */
  stats(): { threads: number; completed: number; inLine: number };
  close(): Promise<void>;
}

export function createReader(config: Config, tools: ReadTools): Reader {
  const threads = config.HOSO_READ_THREADS;
  let inLine = 0;
  const inLineRead = (job: ReadJob) => (inLine++, readChecked(config, tools, job));
  if (threads === 0) return { read: inLineRead, start: async () => {}, stats: () => ({ threads: 0, completed: 0, inLine }), close: async () => {} };
  let pool: Piscina<ReadJob | null, HandedOver> | null = null;
  let starting: Promise<void> | null = null;
  let ready = false;
  let warmUps = 0;
  let onThreads = 0;
  const start = () =>
    (starting ??= (async () => {
      const p = (pool = new Piscina({ filename: workerFile.href, minThreads: threads, maxThreads: threads, idleTimeout: Number.MAX_SAFE_INTEGER, workerData: config, ...loaderArgs() }));
      // One empty task per thread: answered once the thread has loaded read-worker.ts.
      await Promise.all(Array.from({ length: threads }, () => p.run(null, { name: "ready" })));
      warmUps = p.completed;
      ready = true;
    })());
  const offThread = async (job: ReadJob) => {
    onThreads++;
    try {
      return takeOver(await pool!.run(job));
    } finally {
      onThreads--;
    }
  };
  return {
    // A thread that is free takes the job; when every thread is busy (or none has started yet)
    // the event loop reads it itself rather than queue it (a busy hub then uses its threads and
    // its loop at once). Queueing a second one to a busy thread was measured: it cost the event
    // loop more than it saved (docs/benchmarks.md).
    read: (job) => {
      if (!ready) {
        start().catch(() => {});
        return inLineRead(job);
      }
      return onThreads < threads ? offThread(job) : inLineRead(job);
    },
    start,
    stats: () => ({ threads: pool?.threads.length ?? 0, completed: (pool?.completed ?? 0) - warmUps, inLine }),
    async close() {
      const [p, s] = [pool, starting];
      pool = null;
      ready = false;
      await s?.catch(() => {});
      await p?.close();
    },
  };
}

// Next to this module: src/intake/read-worker.ts from source, dist/server/read-worker.mjs in the
// bundle (package.json build:server builds both entry points into one folder).
const fromSource = import.meta.url.endsWith(".ts");
const workerFile = new URL(fromSource ? "./read-worker.ts" : "./read-worker.mjs", import.meta.url);

/**
 * From source the thread needs tsx to load TypeScript: inherited when the hub runs under it
 * (`node --import tsx`, `tsx watch`), added when it does not (the test runner transforms files itself).
 */
function loaderArgs(): { execArgv?: string[] } {
  if (!fromSource || process.execArgv.some((a) => a.includes("tsx"))) return {};
  return { execArgv: ["--import", "tsx"] };
}
