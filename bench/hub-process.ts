/**
 * The hub under test, as a child process running the server bundle exactly as `npm start` does
 * (`node [flags] dist/server/main.mjs` with the flags of package.json `start`, demo off). A separate process keeps the hub's event loop, heap and
 * CPU apart from the load generator's, so latency includes a real socket and memory readings are
 * the hub's alone. No tsx loader in the hub: its hooks thread and transpiled sources cost ~100 MB.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { send } from "./client.ts";
import type { MemorySample, ProbeRequest } from "./memory.ts";
import { freePort } from "../test/crash/hub-process.ts";
import { buildServer, SERVER_BUNDLE, startFlags } from "./start-command.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PROBE = fileURLToPath(new URL("./probe.mjs", import.meta.url));
export interface HubProcess {
  url: URL;
  pid: number;
  memory: MemorySample[];
  /** A memory reading right after a full GC in the hub. */
  gcSample(): Promise<MemorySample>;
  /** SIGTERM (graceful: finishes in-flight work), SIGKILL after 30 s. */
  stop(): Promise<void>;
}


export async function startHub(env: Record<string, string>, logFile: string, profileDir?: string): Promise<HubProcess> {
  const port = await freePort();
  const log = openSync(logFile, "a");
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  buildServer(ROOT);
  const child = spawn(process.execPath, [...startFlags(ROOT), ...profile, "--expose-gc", "--import", PROBE, SERVER_BUNDLE], {
    cwd: ROOT,
    // Only the settings given here: a DATABASE_URL in the caller's shell must not leak into a PGlite run.
    env: { ...process.env, DATABASE_URL: undefined, ...env, HOSO_DEMO: "false", HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", log, log, "ipc"],
  });
  closeSync(log);
  const memory: MemorySample[] = [];
  const gcWaiters: ((s: MemorySample) => void)[] = [];
  child.on("message", (m: MemorySample) => {
    if (m.afterGc) gcWaiters.shift()?.(m);
    memory.push(m);
  });
  const url = new URL(`http://127.0.0.1:${port}`);
  await waitReady(child, url, logFile);
  return {
    url,
    pid: child.pid!,
    memory,
    gcSample: () =>
      new Promise((resolve) => {
        gcWaiters.push(resolve);
        child.send({ type: "gc" } satisfies ProbeRequest);
      }),
    stop: () => stopChild(child),
  };
}

async function waitReady(child: ChildProcess, url: URL, logFile: string): Promise<void> {
  let exited: number | null | undefined;
  child.once("exit", (code) => (exited = code));
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (exited !== undefined) throw new Error(`the hub exited (code ${exited}) before it listened; see ${logFile}`);
    const ok = await send(undefined, url, "GET", "/readyz", {}).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`the hub was not ready (/readyz) within 120 s; see ${logFile}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  await exited;
  clearTimeout(timer);
}
