/**
 * A read thread (read-pool.ts): the hub's settings arrive as workerData; the parser and the
 * checker's indexes are built once per thread, as pipeline.ts builds them once per hub.
 */
import { workerData } from "piscina";
import type { Config } from "../config.ts";
import { createChecks } from "./pipeline.ts";
import { handOver, readChecked, type HandedOver, type ReadJob } from "./read-checked.ts";

const config = workerData as Config;
const tools = createChecks();

export default async function read(job: ReadJob): Promise<HandedOver> {
  return handOver(await readChecked(config, tools, job));
}

/** The pool's start-up task (read-pool.ts): answering it says this thread has loaded. */
export function ready(): true {
  return true;
}
