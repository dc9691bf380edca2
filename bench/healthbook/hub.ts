/**
 * The hub under test in its own process (the server bundle, `node dist/server/main.mjs`, as
 * `npm start` runs it, demo off, no background worker), so its event loop and CPU are its own and
 * every request crosses a real loopback socket. Node flags as in package.json `start`
 * (bench/start-command.ts).
 */
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { freePort } from "../../test/crash/hub-process.ts";
import { buildServer, SERVER_BUNDLE, startFlags } from "../start-command.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));


export interface Hub {
  url: URL;
  pid: number;
  stop(): Promise<void>;
}

/** `nodeFlags`: e.g. `--cpu-prof …` (the profile is written when the hub exits on SIGTERM). */
export async function startHub(env: Record<string, string>, logFile: string, nodeFlags: readonly string[] = []): Promise<Hub> {
  const port = await freePort();
  const log = openSync(logFile, "a");
  buildServer(ROOT);
  const child = spawn(process.execPath, [...startFlags(ROOT), ...nodeFlags, SERVER_BUNDLE], {
    cwd: ROOT,
    env: { ...process.env, ...env, HOSO_DEMO: "false", HOSO_WORKERS: "0", HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const url = new URL(`http://127.0.0.1:${port}`);
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`hub exited (${child.exitCode}); see ${logFile}`);
    const ok = await fetch(new URL("/readyz", url)).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 600) {
      child.kill("SIGKILL");
      throw new Error(`hub did not start; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        const kill = setTimeout(() => child.kill("SIGKILL"), 30_000);
        child.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
