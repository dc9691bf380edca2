/**
 * The browser tests run against the real built app: build web/dist when it is missing or older
 * than any source file of the app (a stale build would test yesterday's code).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WEB = join(ROOT, "web");
const MANIFEST = join(WEB, "dist", ".vite", "manifest.json");

function newestSource(): number {
  const files = [join(WEB, "index.html"), join(WEB, "vite.config.ts"), ...walk(join(WEB, "src"))];
  return Math.max(...files.filter((f) => !f.endsWith(".test.ts")).map((f) => statSync(f).mtimeMs));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function webBuildIsStale(): boolean {
  return !existsSync(MANIFEST) || statSync(MANIFEST).mtimeMs < newestSource();
}

export function ensureWebBuilt(): void {
  if (!webBuildIsStale()) return;
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const r = spawnSync(process.execPath, [vite, "build", "--config", join(WEB, "vite.config.ts"), "--logLevel", "warn"], {
    cwd: ROOT,
    encoding: "utf8",
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}
