/**
 * Where the machine's CPU went during a phase, read from /proc (Linux): the hub process, the
 * PostgreSQL server processes (all of them: this bench assumes nothing else uses that server),
 * this load generator, and idle. Read-only; elsewhere it reports nothing.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc accounting (USER_HZ; 100 on every mainstream Linux build). */
const HZ = 100;

export interface CpuSnapshot {
  /** Per hub process (the hub and the processes it forked). */
  hub: Map<string, number>;
  /** The main thread (the event loop) of each hub process; the rest are V8's GC and compiler threads and libuv's pool. */
  hubMain: Map<string, number>;
  /** Per PostgreSQL process: backends come and go between two snapshots. */
  postgres: Map<string, number>;
  bench: number;
  idle: number;
  total: number;
}

export interface CpuShares {
  hub: number;
  /** Of `hub`, the event loops' own thread(s). */
  hubMain: number;
  /** The busiest single event loop: what bounds the rate when one loop is the bottleneck. */
  hubMainBusiest: number;
  postgres: number;
  bench: number;
  idle: number;
  total: number;
  /** Everything else on the machine: other users' load, which makes a run unreliable. */
  other: number;
}

function procTicks(pid: number | string, file = `/proc/${pid}/stat`): number {
  try {
    const stat = readFileSync(file, "utf8");
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Ticks per process of those that `pick` chooses (by command name and parent pid). */
function ticksOf(pick: (comm: string, ppid: number, pid: number) => boolean): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (pick(comm, ppid, Number(pid))) ticks.set(pid, procTicks(pid));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks;
}

const postgresTicks = () => ticksOf((comm) => comm === "postgres");
/** The hub and the processes it forked (HOSO_PROCESSES > 1). */
const hubTicks = (hubPid: number) => ticksOf((_comm, ppid, pid) => pid === hubPid || ppid === hubPid);

function machineTicks(): { idle: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const n = line.trim().split(/\s+/).slice(1).map(Number);
  return { idle: (n[3] ?? 0) + (n[4] ?? 0), total: n.reduce((a, b) => a + b, 0) };
}

/** `hubPid` null: no hub process (the baseline writes from this process). */
export function cpuSnapshot(hubPid: number | null): CpuSnapshot | null {
  if (process.platform !== "linux") return null;
  const bench = process.cpuUsage();
  const m = machineTicks();
  const hub = hubPid === null ? new Map<string, number>() : hubTicks(hubPid);
  // A process's main thread has the process's own id as its thread id.
  const hubMain = new Map([...hub.keys()].map((pid) => [pid, procTicks(pid, `/proc/${pid}/task/${pid}/stat`)]));
  return { hub, hubMain, postgres: postgresTicks(), bench: ((bench.user + bench.system) / 1e6) * HZ, idle: m.idle, total: m.total };
}

/** CPU-seconds spent by each between two snapshots (a backend that ended in between is not counted). */
export function cpuBetween(a: CpuSnapshot | null, b: CpuSnapshot | null): CpuShares | null {
  if (!a || !b) return null;
  const sec = (ticks: number) => Math.round((ticks / HZ) * 10) / 10;
  const deltas = (after: Map<string, number>, before: Map<string, number>) => [...after].map(([pid, t]) => t - (before.get(pid) ?? 0));
  const total = (ticks: number[]) => ticks.reduce((sum, t) => sum + t, 0);
  const loops = deltas(b.hubMain, a.hubMain);
  const shares = { hub: sec(total(deltas(b.hub, a.hub))), hubMain: sec(total(loops)), hubMainBusiest: sec(Math.max(0, ...loops)), postgres: sec(total(deltas(b.postgres, a.postgres))), bench: sec(b.bench - a.bench), idle: sec(b.idle - a.idle), total: sec(b.total - a.total) };
  const other = shares.total - shares.hub - shares.postgres - shares.bench - shares.idle;
  return { ...shares, other: Math.max(0, Math.round(other * 10) / 10) };
}
