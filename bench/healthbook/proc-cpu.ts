/**
 * CPU-seconds from /proc (Linux) that bench/cpu.ts does not split out: the PostgreSQL backends
 * serving one database (the hub's own queries, apart from what other databases on the same server
 * cost meanwhile; WAL writer and checkpointer are shared and left out), and a hub with its child
 * processes (HOSO_PROCESSES > 1 forks them).
 */
import { readdirSync, readFileSync } from "node:fs";

const HZ = 100;

function ticks(pid: string): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(f[11]) + Number(f[12]);
}

const pids = () => (process.platform === "linux" ? readdirSync("/proc").filter((d) => /^\d+$/.test(d)) : []);

export function backendTicks(database: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of pids()) {
    try {
      // A backend's title: "postgres: 15/main: <user> <database> <client> <state>".
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").split(" ").includes(database)) out.set(pid, ticks(pid));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return out;
}

/** The process and every descendant. */
export function treeTicks(root: number): Map<string, number> {
  const parents = new Map<string, string>();
  for (const pid of pids()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      parents.set(pid, stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]!);
    } catch {
      // Ended meanwhile.
    }
  }
  const out = new Map<string, number>();
  const inTree = (pid: string): boolean => pid === String(root) || (parents.has(pid) && pid !== "1" && inTree(parents.get(pid)!));
  for (const pid of parents.keys()) {
    try {
      if (inTree(pid)) out.set(pid, ticks(pid));
    } catch {
      // Ended meanwhile.
    }
  }
  return out;
}

/** CPU-seconds between two readings (a process that ended in between is not counted). */
export function secondsBetween(a: Map<string, number>, b: Map<string, number>): number {
  let t = 0;
  for (const [pid, v] of b) t += v - (a.get(pid) ?? 0);
  return t / HZ;
}
