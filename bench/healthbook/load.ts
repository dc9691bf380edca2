/**
 * The load generator: a closed loop of N concurrent clients on keep-alive sockets, each sending
 * its next request as soon as the last is answered, for a fixed time; latency per request from
 * the first byte sent to the last byte received. It asks for gzip, as a server-to-server client
 * does, and counts the bytes as received (not inflated). Two clients: `node:http`, or `raw` — a
 * minimal HTTP/1.1 client on plain sockets (request bytes written once, answers framed by
 * Content-Length), which costs the shared CPUs about a third of node:http per request, so more
 * of the machine is left to the hub and PostgreSQL being measured.
 */
import http from "node:http";
import net from "node:net";

export interface RunResult {
  requests: number;
  errors: number;
  seconds: number;
  latenciesMs: Float64Array;
  bytes: number;
}

export interface LoopOptions {
  base: URL;
  token: string;
  concurrency: number;
  seconds: number;
  path: (i: number) => string;
  /** Stop after this many requests (else after `seconds`). */
  requests?: number;
  client?: "http" | "raw";
}

/** Runs for `seconds`, or until `requests` have been sent when given. */
export async function closedLoop(o: LoopOptions): Promise<RunResult> {
  if (o.client === "raw") return closedLoopRaw(o);
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
      while (process.hrtime.bigint() < deadline && (o.requests === undefined || sent < o.requests)) await one(o.path(sent++));
    }),
  );
  agent.destroy();
  return { requests: latencies.length, errors, seconds: Number(process.hrtime.bigint() - start) / 1e9, latenciesMs: Float64Array.from(latencies), bytes };
}

async function closedLoopRaw(o: LoopOptions): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let sent = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(o.seconds * 1e9));
  const more = () => process.hrtime.bigint() < deadline && (o.requests === undefined || sent < o.requests);
  const head = (path: string) =>
    Buffer.from(`GET ${path} HTTP/1.1\r\nhost: ${o.base.host}\r\nauthorization: Bearer ${o.token}\r\naccept-encoding: gzip\r\n\r\n`, "latin1");

  const client = () =>
    new Promise<void>((resolve) => {
      const socket = net.connect({ host: o.base.hostname, port: Number(o.base.port), noDelay: true });
      let t0 = 0n;
      let pending: Buffer = Buffer.alloc(0);
      /** Body bytes still to come for the answer being read; -1 while its head is incomplete. */
      let remaining = -1;
      let status = 0;
      const next = () => {
        if (!more()) {
          socket.end();
          return resolve();
        }
        t0 = process.hrtime.bigint();
        socket.write(head(o.path(sent++)));
      };
      const done = () => {
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (status !== 200) errors++;
        remaining = -1;
        next();
      };
      socket.on("connect", next);
      socket.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (remaining >= 0) {
          remaining -= chunk.length;
          if (remaining <= 0) done();
          return;
        }
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        const end = pending.indexOf("\r\n\r\n");
        if (end < 0) return;
        const headText = pending.subarray(0, end).toString("latin1");
        status = Number(headText.slice(9, 12));
        const length = /\r\ncontent-length: *(\d+)/i.exec(headText);
        // Answers here are framed by Content-Length (a 304 has no body); anything else is an error.
        remaining = (length ? Number(length[1]) : status === 304 ? 0 : NaN) - (pending.length - end - 4);
        bytes -= end + 4;
        pending = Buffer.alloc(0);
        if (Number.isNaN(remaining)) {
          errors++;
          socket.destroy();
          return resolve();
        }
        if (remaining <= 0) done();
      });
      socket.on("error", () => {
        errors++;
        resolve();
      });
    });

  await Promise.all(Array.from({ length: o.concurrency }, client));
  return { requests: latencies.length, errors, seconds: Number(process.hrtime.bigint() - start) / 1e9, latenciesMs: Float64Array.from(latencies), bytes };
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
