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
import { handOver, readChecked, takeOver, type HandedOver, type ReadChecked, type ReadJob, type ReadTools } from "./read-checked.ts";

/** What each read thread is started with (read-worker.ts). */
export interface ReadWorkerData {
  config: Config;
  /** [0]: submissions handed to the threads and not yet read. */
  reading: Int32Array;
}

export interface Reader {
  read(job: ReadJob): Promise<ReadChecked>;
  /** Starts the threads (once); resolves when they can take submissions. */
  start(): Promise<void>;
  /** Threads running now, submissions they have read, are reading now, and the event loop read. */
  stats(): { threads: number; completed: number; reading: number; inLine: number };
  close(): Promise<void>;
}

export function createReader(config: Config, tools: ReadTools): Reader {
  const threads = config.HOSO_READ_THREADS;
  let inLine = 0;
  // Read in line, a record is kept as a thread hands it over: without its bulk (takeOver), which
  // the storing needs only as the JSON text already rendered. A push waits tens of milliseconds
  // for its group's transaction under load; what it holds meanwhile is copied by every young-
  // generation GC it lives through, and the bulk is most of it (docs/benchmarks.md).
  const inLineRead = async (job: ReadJob) => (inLine++, takeOver(handOver(await readChecked(config, tools, job))));
  if (threads === 0) return { read: inLineRead, start: async () => {}, stats: () => ({ threads: 0, completed: 0, reading: 0, inLine }), close: async () => {} };
  let pool: Piscina<ReadJob | null, HandedOver> | null = null;
  let starting: Promise<void> | null = null;
  let ready = false;
  let warmUps = 0;
  // Submissions handed to a thread and not yet read: the thread lowers it as it finishes, before
  // its answer waits in the event loop's queue, so a thread is known to be free the moment it is.
  // (A thread that died mid-read would leave it high: the event loop then reads every submission
  // itself — slower, never wrong.)
  const reading = new Int32Array(new SharedArrayBuffer(4));
  const workerData: ReadWorkerData = { config, reading };
  const start = () =>
    (starting ??= (async () => {
      const p = (pool = new Piscina({
        filename: workerFile.href,
        minThreads: threads,
        maxThreads: threads,
        idleTimeout: Number.MAX_SAFE_INTEGER,
        // Piscina counts a task until the event loop has taken its answer; past that point the
        // thread is already free (reading above), so it may be handed the next one meanwhile.
        concurrentTasksPerWorker: 2,
        workerData,
        ...loaderArgs(),
      }));
      // One empty task per thread: answered once the thread has loaded read-worker.ts.
      await Promise.all(Array.from({ length: threads }, () => p.run(null, { name: "ready" })));
      warmUps = p.completed;
      ready = true;
    })());
  const offThread = async (job: ReadJob) => {
    Atomics.add(reading, 0, 1);
    return takeOver(await pool!.run(job));
  };
  return {
    // A thread that is free takes the job; when every thread is busy (or none has started yet)
    // the event loop reads it itself rather than queue it (a busy hub then uses its threads and
    // its loop at once). Queueing a second one behind a thread still reading was measured: it
    // cost the event loop more than it saved (docs/benchmarks.md).
    read: (job) => {
      if (!ready) {
        start().catch(() => {});
        return inLineRead(job);
      }
      return Atomics.load(reading, 0) < threads ? offThread(job) : inLineRead(job);
    },
    start,
    stats: () => ({ threads: pool?.threads.length ?? 0, completed: (pool?.completed ?? 0) - warmUps, reading: Atomics.load(reading, 0), inLine }),
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
