/**
 * A read thread (read-pool.ts): the hub's settings and the shared count of submissions being read
 * arrive as workerData; the parser and the checker's indexes are built once per thread, as
 * pipeline.ts builds them once per hub.
 */
import { workerData } from "piscina";
import { createChecks } from "./pipeline.ts";
import { handOver, readChecked, type HandedOver, type ReadJob } from "./read-checked.ts";
import type { ReadWorkerData } from "./read-pool.ts";

const { config, reading } = workerData as ReadWorkerData;
const tools = createChecks();

export default async function read(job: ReadJob): Promise<HandedOver> {
  try {
    return handOver(await readChecked(config, tools, job));
  } finally {
    Atomics.sub(reading, 0, 1); // free for the next one before the answer reaches the event loop
  }
}

/** The pool's start-up task (read-pool.ts): answering it says this thread has loaded. */
export function ready(): true {
  return true;
}
