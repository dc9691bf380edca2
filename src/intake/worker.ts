/**
 * The worker: finishes submissions that were answered "received" or whose processor died. Any
 * number of workers (in any number of processes) share the queue through SKIP LOCKED claims.
 */
import type { Deps } from "../deps.ts";
import { claimNext } from "./inbox-repo.ts";
import { processSubmission, type Pipeline } from "./process.ts";
import { LEASE_MS } from "./push.ts";
import { relinkWaiting } from "../identity/relink.ts";
import { isFileSubmission, processLargeBatch } from "./large-batch.ts";

export interface Worker {
  /** Processes everything waiting now; resolves with how many it finished (tests, CLI). */
  drain(): Promise<number>;
  /** Polls the queue until `stop()`. */
  start(): void;
  stop(): Promise<void>;
}

export function createWorker(
  deps: Deps,
  pipeline: Pipeline,
  opts: { pollMs?: number; leaseMs?: number; relinkEveryMs?: number } = {},
): Worker {
  const pollMs = opts.pollMs ?? 500;
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  const relinkEveryMs = opts.relinkEveryMs ?? 30_000;
  let lastRelink = 0;
  let running = false;
  let loop: Promise<void> = Promise.resolve();
  let wake: (() => void) | null = null;

  const once = async (): Promise<boolean> => {
    const id = await claimNext(deps.db, deps.clock(), leaseMs);
    if (!id) return false;
    try {
      // A large upload kept as a file is stored in chunks with a checkpoint (large-batch.ts).
      if (await isFileSubmission(deps, id)) await processLargeBatch(deps, pipeline, id, { leaseMs });
      else await processSubmission(deps, pipeline, id);
    } catch (err) {
      deps.log.error({ err, submissionId: id }, "worker: processing failed; will retry after the lease");
    }
    return true;
  };

  return {
    async drain() {
      let n = 0;
      while (await once()) n++;
      return n;
    },
    start() {
      running = true;
      loop = (async () => {
        while (running) {
          const worked = await once().catch((err: unknown) => {
            deps.log.error({ err }, "worker: claim failed");
            return false;
          });
          if (!worked && Date.now() - lastRelink > relinkEveryMs) {
            // Idle: link records that waited for the registry, if it answers again.
            lastRelink = Date.now();
            await relinkWaiting(deps, pipeline.registry).catch((err: unknown) => deps.log.error({ err }, "worker: relink failed"));
          }
          if (!worked && running) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, pollMs);
            });
          }
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
