/**
 * Where submissions are read and checked (read-checked.ts): on HOSO_READ_THREADS worker threads
 * (piscina), so that parsing XML and checking records — most of a push's CPU — never holds up the
 * event loop that serves requests, waits on the database and groups commits; or in line with 0.
 * The threads start on the first submission and stop with the hub (close).
 */
import { Piscina } from "piscina";
import type { Config } from "../config.ts";
import { readChecked, type ReadChecked, type ReadJob, type ReadTools } from "./read-checked.ts";

export interface Reader {
  read(job: ReadJob): Promise<ReadChecked>;
  /** Threads running now and submissions they have read (0 and 0 in line). */
  stats(): { threads: number; completed: number; inLine: number };
  close(): Promise<void>;
}

export function createReader(config: Config, tools: ReadTools): Reader {
  const threads = config.HOSO_READ_THREADS;
  if (threads === 0) return { read: (job) => readChecked(config, tools, job), stats: () => ({ threads: 0, completed: 0, inLine: 0 }), close: async () => {} };
  let pool: Piscina<ReadJob, ReadChecked> | null = null;
  const poolOf = () =>
    (pool ??= new Piscina({ filename: workerFile.href, minThreads: threads, maxThreads: threads, idleTimeout: Number.MAX_SAFE_INTEGER, workerData: config, ...loaderArgs() }));
  let onThreads = 0;
  let inLine = 0;
  const offThread = async (job: ReadJob) => {
    onThreads++;
    try {
      return await poolOf().run(job);
    } finally {
      onThreads--;
    }
  };
  return {
    // A thread that is free takes the job; when every thread is busy the event loop reads it
    // itself rather than queue it (a busy hub then uses its threads and its loop at once).
    read: (job) => (onThreads < threads ? offThread(job) : (inLine++, readChecked(config, tools, job))),
    stats: () => ({ threads: pool?.threads.length ?? 0, completed: pool?.completed ?? 0, inLine }),
    async close() {
      const p = pool;
      pool = null;
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
