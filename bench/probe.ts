/**
 * Preloaded into the hub process by the bench (`node --import tsx --import ./bench/probe.ts
 * src/main.ts`): reports the process's memory over the IPC channel, and on request a reading
 * right after a full GC (needs `--expose-gc`), so heap growth is told apart from garbage not yet
 * collected. It changes nothing else in the hub; without an IPC channel it does nothing.
 */
import type { MemorySample, ProbeRequest } from "./memory.ts";

const send = process.send?.bind(process);

function sample(afterGc: boolean): MemorySample {
  const m = process.memoryUsage();
  return { at: Date.now(), afterGc, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers };
}

if (send) {
  setInterval(() => send(sample(false)), 250).unref();
  process.on("message", (msg: ProbeRequest) => {
    if (msg.type !== "gc") return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    send(sample(gc !== undefined));
  });
  process.channel?.unref();
  // The bench died: do not leave a hub running on a port and a database.
  process.on("disconnect", () => process.exit(0));
}
