/**
 * The load generator: a closed loop of N concurrent clients on keep-alive sockets, each sending
 * its next request as soon as the last is answered, for a fixed time; latency per request from
 * the first byte sent to the last byte received (node:http, no extra client library). It asks for
 * gzip, as a server-to-server client does, and counts the bytes as received (not inflated).
 */
import http from "node:http";

export interface RunResult {
  requests: number;
  errors: number;
  seconds: number;
  latenciesMs: Float64Array;
  bytes: number;
}

export async function closedLoop(o: { base: URL; token: string; concurrency: number; seconds: number; path: (i: number) => string }): Promise<RunResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let sent = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(o.seconds * 1e9));
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const t0 = process.hrtime.bigint();
      const req = http.request({ host: o.base.hostname, port: o.base.port, path, agent, headers: { authorization: `Bearer ${o.token}`, "accept-encoding": "gzip" } }, (res) => {
        let n = 0;
        res.on("data", (c: Buffer) => (n += c.length));
        res.on("end", () => {
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (res.statusCode !== 200) errors++;
          bytes += n;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end();
    });
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (process.hrtime.bigint() < deadline) await one(o.path(sent++));
    }),
  );
  agent.destroy();
  return { requests: latencies.length, errors, seconds: Number(process.hrtime.bigint() - start) / 1e9, latenciesMs: Float64Array.from(latencies), bytes };
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
