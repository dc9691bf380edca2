/**
 * Preloaded into the hub process by the bench (`node --import ./bench/probe.mjs
 * dist/server/main.mjs`): reports the process's memory over the IPC channel, and on request a
 * reading right after a full GC (needs `--expose-gc`), so heap growth is told apart from garbage
 * not yet collected; and the longest event-loop delay, the longest GC pause and how busy the event
 * loop was, for each 250 ms. It changes nothing else in the hub; without an IPC channel it does nothing.
 * Plain JavaScript, so the hub runs as `npm start` runs it, without tsx's loader.
 *
 * @typedef {import("./memory.ts").MemorySample} MemorySample
 * @typedef {import("./memory.ts").ProbeRequest} ProbeRequest
 */

import { monitorEventLoopDelay, performance, PerformanceObserver } from "node:perf_hooks";

const send = process.send?.bind(process);
const loop = monitorEventLoopDelay({ resolution: 1 });
let gcMaxMs = 0;
let elu = performance.eventLoopUtilization();

/** @param {boolean} afterGc @returns {MemorySample} */
function sample(afterGc) {
  const m = process.memoryUsage();
  const now = performance.eventLoopUtilization();
  const pauses = afterGc ? {} : { loopMaxMs: loop.max / 1e6, gcMaxMs, loopBusy: performance.eventLoopUtilization(now, elu).utilization };
  if (!afterGc) {
    loop.reset();
    gcMaxMs = 0;
    elu = now;
  }
  return { at: Date.now(), afterGc, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, ...pauses };
}

if (send) {
  loop.enable();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, e.duration);
  }).observe({ entryTypes: ["gc"] });
  setInterval(() => send(sample(false)), 250).unref();
  process.on("message", (/** @type {ProbeRequest} */ msg) => {
    if (msg.type !== "gc") return;
    const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
    gc?.();
    send(sample(gc !== undefined));
  });
  process.channel?.unref();
  // The bench died: do not leave a hub running on a port and a database.
  process.on("disconnect", () => process.exit(0));
}
