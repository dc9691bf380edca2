/**
 * The real hub as a separate process (`src/main.ts`, demo off) for tests that kill it. Run with
 * `node --import tsx`, not `npx tsx`: the tsx CLI is a wrapper process, and SIGKILL on the wrapper
 * would leave the hub itself running, holding its port and its database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface HubProcess {
  url: string;
  pid: number;
  /** SIGKILL: no shutdown hook runs, in-flight requests die with the socket. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful stop `npm start` handles. */
  stop(): Promise<void>;
  logTail(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Settings for a hub or CLI child: the store's, never a DATABASE_URL inherited from the shell. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: undefined, HOSO_DEMO: "false", LOG_LEVEL: "warn", ...env };
}

export async function startHub(env: Record<string, string>, logFile: string): Promise<HubProcess> {
  const port = await freePort();
  const log = openSync(logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: childEnv({ ...env, HOST: "127.0.0.1", PORT: String(port) }),
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const logTail = () => readFileSync(logFile, "utf8").slice(-3000);
  await waitReady(child, url, logTail);
  return {
    url,
    pid: child.pid!,
    kill: () => signal(child, "SIGKILL"),
    stop: () => signal(child, "SIGTERM"),
    logTail,
  };
}

async function waitReady(child: ChildProcess, url: string, logTail: () => string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the hub exited with ${child.exitCode}:\n${logTail()}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`the hub did not answer /healthz within 30 s:\n${logTail()}`);
}

async function signal(child: ChildProcess, sig: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(sig);
  await exited;
}
