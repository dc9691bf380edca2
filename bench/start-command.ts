/**
 * The hub's command line as `npm start` runs it (package.json `start`: `node [flags] dist/server/main.mjs`),
 * so the benches start the same server with the same Node flags. `BENCH_NODE_FLAGS` replaces the
 * flags for an experiment (`BENCH_NODE_FLAGS=" "`: none).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export const SERVER_BUNDLE = "dist/server/main.mjs";
let built = false;

/** The server bundle, built from the current source once per bench run. */
export function buildServer(root: string): void {
  if (built) return;
  execFileSync("npm", ["run", "--silent", "build:server"], { cwd: root, stdio: "inherit" });
  built = true;
}

export function startFlags(root: string): string[] {
  const override = process.env["BENCH_NODE_FLAGS"];
  if (override !== undefined) return override.split(" ").filter(Boolean);
  const start = (JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as { scripts: Record<string, string> }).scripts["start"] ?? "";
  const words = start.split(/\s+/).filter(Boolean);
  if (words[0] !== "node" || words[words.length - 1] !== SERVER_BUNDLE) throw new Error(`package.json start is not "node [flags] ${SERVER_BUNDLE}": ${start}`);
  return words.slice(1, -1);
}
