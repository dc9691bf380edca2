/**
 * Health-book latency of the VNeID API (issue 5 "Speed"): PostgreSQL, a fresh database holding
 * 1,000,000 persons and 3,000,000 check-ups (load-data.ts: 1,000 citizens with 20 full check-ups
 * each, ~37 measures per check-up with their observation rows; the other check-ups small), and
 * closed-loop clients calling `GET /api/vneid/health-books/:personalId` over loopback HTTP with a
 * real system-client token. For each book-cache size (a hub each: warm reads, then `0` = every
 * read built from the rows, as after a change) and each client count: one citizen, then the
 * 1,000 at random (with a cache, each of their books read once first). Reports p50/p90/p99/max,
 * throughput, and CPU per request of the hub, PostgreSQL (all of it, and this database's backends
 * alone) and the load generator, with what else the machine ran meanwhile ("other", CPU-seconds)
 * and the load average. Target: p99 ≤ 30 ms at 100 clients.
 *
 *   npx tsx bench/healthbook/latency.ts                          (load ~5 min, then ~5 min of runs)
 *   HB_KEEP=1 …, then HB_DB=hoso_hb_xxxxxxxx npx tsx bench/healthbook/latency.ts   (reuse the data)
 *   HB_PERSONS=100000 HB_CHECKUPS=300000 HB_MEASURED=100 …       (a quick, small run)
 *   HB_CONCURRENCY=100 HB_CACHE_MB=64 HB_SECONDS=30 …            (one configuration, longer)
 *   HB_SCENARIOS=one …                                           (only the one-citizen scenario; `random`: only the other)
 *   HB_CPU_PROF=1 …                                              (the hub writes V8 CPU profiles to bench/results/; see bench/profile.ts)
 *   HB_CLIENT=http …                                             (node:http load generator instead of the lighter raw-socket one)
 *   HB_PROCESSES=2 …                                             (the hub as 2 processes, HOSO_PROCESSES; their CPU is added up)
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { z } from "zod";
import { loadConfig } from "../../src/config.ts";
import { openDeps } from "../../src/boot.ts";
import { registerSystemClient, JWT_BEARER } from "../../src/access/system-clients.ts";
import { buildTemplates } from "./templates.ts";
import { loadData, personalIdOf } from "./load-data.ts";
import { startHub } from "./hub.ts";
import { closedLoop, percentile } from "./load.ts";
import { cpuBetween, cpuSnapshot, type CpuShares } from "../cpu.ts";
import { backendTicks, secondsBetween, treeTicks } from "./proc-cpu.ts";

const int = (min: number) => z.coerce.number().int().min(min);
const settings = z
  .object({
    BENCH_PG_URL: z.string().url().default("postgres://postgres@127.0.0.1:5432/postgres"),
    HB_PERSONS: int(1000).default(1_000_000),
    HB_CHECKUPS: int(1000).default(3_000_000),
    HB_MEASURED: int(1).default(1000),
    HB_PER_MEASURED: int(1).default(20),
    /** Concurrent clients, one run per value: "100" or "1,10,100". */
    HB_CONCURRENCY: z.string().regex(/^\d+(,\d+)*$/).default("1,10,100").transform((v) => v.split(",").map(Number)),
    /** Book cache sizes to run with (MiB, one hub each): "64,0" measures warm reads and cold ones. */
    HB_CACHE_MB: z.string().regex(/^\d+(,\d+)*$/).default("64,0").transform((v) => v.split(",").map(Number)),
    HB_SECONDS: int(1).default(20),
    HB_WARMUP_SECONDS: int(0).default(5),
    HB_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info"]).default("warn"),
    HB_DB: z.string().regex(/^hoso_hb_[a-z0-9_]+$/).optional(),
    HB_KEEP: z.enum(["0", "1"]).default("0"),
    HB_SCENARIOS: z.enum(["one", "random", "both"]).default("both"),
    HB_CPU_PROF: z.enum(["0", "1"]).default("0"),
    /** The load generator's HTTP client (load.ts): `raw` sockets, or `http` (node:http, as before 2026-11-25). */
    HB_CLIENT: z.enum(["raw", "http"]).default("raw"),
    /** Hub processes (HOSO_PROCESSES: node:cluster, one per core). */
    HB_PROCESSES: int(1).max(64).default(1),
  })
  .parse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));

// Kept out of git with the other benchmarks' results (.gitignore: /bench/results/).
const RESULTS = fileURLToPath(new URL("../results/", import.meta.url));
const log = (s: string) => process.stdout.write(`${s}\n`);

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: settings.BENCH_PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function dbUrl(name: string): string {
  const u = new URL(settings.BENCH_PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

interface Plan {
  persons: number;
  checkups: number;
  measured: number;
  perMeasured: number;
  facilities: number;
}

/** The plan a kept database was loaded with (stored in it by `prepare`). */
async function keptPlan(name: string): Promise<Plan> {
  const c = new pg.Client({ connectionString: dbUrl(name) });
  await c.connect();
  try {
    return (await c.query<{ plan: Plan }>("SELECT plan FROM hb_bench")).rows[0]!.plan;
  } finally {
    await c.end();
  }
}

async function prepare(): Promise<{ name: string; fresh: boolean; plan: Plan }> {
  if (settings.HB_DB) return { name: settings.HB_DB, fresh: false, plan: await keptPlan(settings.HB_DB) };
  const name = `hoso_hb_${randomUUID().slice(0, 8)}`;
  await admin(`CREATE DATABASE ${name}`);
  const deps = await openDeps(loadConfig({ DATABASE_URL: dbUrl(name), LOG_LEVEL: "warn", HOSO_DEMO: "false" }));
  await deps.db.close();
  const plan: Plan = { persons: settings.HB_PERSONS, checkups: settings.HB_CHECKUPS, measured: settings.HB_MEASURED, perMeasured: settings.HB_PER_MEASURED, facilities: 50 };
  log(`loading ${plan.persons.toLocaleString("en")} persons, ${plan.checkups.toLocaleString("en")} check-ups (${plan.measured} citizens × ${plan.perMeasured} full check-ups) into ${name}`);
  const templates = buildTemplates(plan.perMeasured);
  log(`  templates: ${templates.length} adult check-ups, ${Math.round(templates.reduce((a, t) => a + t.observations, 0) / templates.length)} measures each on average`);
  const c = new pg.Client({ connectionString: dbUrl(name) });
  await c.connect();
  const t = Date.now();
  try {
    await loadData(c, plan, templates, log);
    await c.query("CREATE TABLE hb_bench (plan jsonb)");
    await c.query("INSERT INTO hb_bench VALUES ($1)", [JSON.stringify(plan)]);
  } finally {
    await c.end();
  }
  log(`  loaded in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  return { name, fresh: true, plan };
}

async function systemToken(name: string, base: URL): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const deps = await openDeps(loadConfig({ DATABASE_URL: dbUrl(name), LOG_LEVEL: "warn", HOSO_DEMO: "false" }));
  const clientId = `bench-${randomUUID().slice(0, 8)}`;
  try {
    await registerSystemClient(deps, { clientId, name: "VNeID (bench)", scopes: ["system/HealthBook.read"], keys: JSON.stringify({ keys: [await exportJWK(publicKey)] }) });
  } finally {
    await deps.db.close();
  }
  const now = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(clientId).setSubject(clientId).setAudience(new URL("/oauth/token", base).href)
    .setIssuedAt(now).setExpirationTime(now + 120)
    .sign(privateKey);
  const res = await fetch(new URL("/oauth/token", base), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_assertion_type: JWT_BEARER, client_assertion: assertion }).toString(),
  });
  if (!res.ok) throw new Error(`token refused: ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

interface Row {
  cache: string;
  scenario: string;
  concurrency: number;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  kbPerAnswer: number;
  load1Before: number;
  load1After: number;
  /** CPU-seconds of the run by process (hub, PostgreSQL, this load generator, everything else). */
  cpu: CpuShares | null;
  /** CPU-seconds of the PostgreSQL backends of this database alone (the hub's queries). */
  pgBackends: number;
}

/** CPU per answered request, µs: where the time goes whatever else the machine is doing. */
const perRequest = (r: Row, s: number | undefined) => (s === undefined ? "–" : ((s * 1e6) / Math.max(1, r.requests)).toFixed(0));

async function main(): Promise<void> {
  const { name, fresh, plan } = await prepare();
  mkdirSync(RESULTS, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const rows: Row[] = [];
  try {
    for (const cacheMb of settings.HB_CACHE_MB) rows.push(...(await runHub(name, plan, cacheMb, stamp)));
  } finally {
    if (fresh && settings.HB_KEEP === "0") await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    else log(`database kept: HB_DB=${name}`);
  }
  const env = `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, PostgreSQL 15 on 127.0.0.1 (same machine), ${settings.HB_SECONDS} s per run after ${settings.HB_WARMUP_SECONDS} s warm-up, hub log level ${settings.HB_LOG_LEVEL}, client asks for gzip (${settings.HB_CLIENT === "raw" ? "raw-socket HTTP/1.1 client" : "node:http client"}), ${settings.HB_PROCESSES} hub process${settings.HB_PROCESSES > 1 ? "es" : ""}`;
  const table = [
    `Health-book latency, VNeID API — ${plan.persons.toLocaleString("en")} persons, ${plan.checkups.toLocaleString("en")} check-ups. ${env}.`,
    "",
    "| book cache | scenario | clients | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms | KiB/answer | CPU µs/request: hub, PostgreSQL (its backends), load generator | other load (CPU-s) | load avg before → after |",
    "| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- | --: | --- |",
    ...rows.map((r) => `| ${r.cache} | ${r.scenario} | ${r.concurrency} | ${r.requests} | ${r.errors} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p90.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.kbPerAnswer.toFixed(0)} | ${perRequest(r, r.cpu?.hub)}, ${perRequest(r, r.cpu?.postgres)} (${perRequest(r, r.pgBackends)}), ${perRequest(r, r.cpu?.bench)} | ${r.cpu?.other ?? "–"} | ${r.load1Before.toFixed(1)} → ${r.load1After.toFixed(1)} |`),
    "",
    `Target: p99 ≤ 30 ms at 100 concurrent requests — ${verdict(rows.filter((r) => r.concurrency === 100))}.`,
  ].join("\n");
  log(`\n${table}`);
  writeFileSync(`${RESULTS}healthbook-latency-${stamp}.json`, JSON.stringify({ settings, plan, env, rows }, null, 2));
  writeFileSync(`${RESULTS}healthbook-latency-${stamp}.md`, `${table}\n`);
}

const verdict = (at100: readonly Row[]): string =>
  at100.length === 0 ? "not measured (no run with 100 clients)" : at100.every((r) => r.p99 <= 30) ? "met" : "not met";

async function runHub(name: string, plan: Plan, cacheMb: number, stamp: string): Promise<Row[]> {
  const cache = cacheMb > 0 ? `${cacheMb} MiB` : "off";
  const hub = await startHub(
    { DATABASE_URL: dbUrl(name), LOG_LEVEL: settings.HB_LOG_LEVEL, HOSO_SYSTEM_TOKEN_TTL_SECONDS: "3600", HOSO_BOOK_CACHE_MB: String(cacheMb), HOSO_PROCESSES: String(settings.HB_PROCESSES) },
    `${RESULTS}healthbook-hub-${stamp}.log`,
    // One profile per thread (tsx's loader runs in its own); the main thread's is the largest.
    settings.HB_CPU_PROF === "1" ? ["--cpu-prof", "--cpu-prof-dir", `${RESULTS}healthbook-hub-${stamp}-${cacheMb}-cpuprofile`] : [],
  );
  const rows: Row[] = [];
  try {
    const token = await systemToken(name, hub.url);
    const sample = await fetch(new URL(`/api/vneid/health-books/${personalIdOf(1)}`, hub.url), { headers: { authorization: `Bearer ${token}` } });
    const book = (await sample.json()) as { checkups?: { measures: unknown[] }[] };
    if (!sample.ok || book.checkups?.length !== plan.perMeasured) throw new Error(`unexpected book: HTTP ${sample.status}`);
    log(`book cache ${cache}; book of citizen 1: ${book.checkups.length} check-ups, ${book.checkups.reduce((a, c) => a + c.measures.length, 0)} measures`);
    const scenarios: [string, (i: number) => string][] = [];
    if (settings.HB_SCENARIOS !== "random") scenarios.push([`one citizen, ${plan.perMeasured} check-ups`, () => `/api/vneid/health-books/${personalIdOf(1)}`]);
    if (settings.HB_SCENARIOS !== "one") {
      const random = () => `/api/vneid/health-books/${personalIdOf(1 + Math.floor(Math.random() * plan.measured))}`;
      // Every book read once first, so a warm cache is measured warm (not the first reads filling it).
      if (cacheMb > 0) await closedLoop({ base: hub.url, token, concurrency: 10, seconds: 60, path: (i) => `/api/vneid/health-books/${personalIdOf(1 + (i % plan.measured))}`, requests: plan.measured, client: settings.HB_CLIENT });
      scenarios.push([`${plan.measured} citizens at random, ${plan.perMeasured} check-ups each`, random]);
    }
    for (const [scenario, path] of scenarios) {
      for (const concurrency of settings.HB_CONCURRENCY) {
        if (settings.HB_WARMUP_SECONDS > 0) await closedLoop({ base: hub.url, token, concurrency, seconds: settings.HB_WARMUP_SECONDS, path, client: settings.HB_CLIENT });
        const load1Before = os.loadavg()[0]!;
        const cpuBefore = cpuSnapshot(hub.pid);
        const pgBefore = backendTicks(name);
        const hubBefore = treeTicks(hub.pid);
        const r = await closedLoop({ base: hub.url, token, concurrency, seconds: settings.HB_SECONDS, path, client: settings.HB_CLIENT });
        const cpu = cpuBetween(cpuBefore, cpuSnapshot(hub.pid));
        const pgBackends = secondsBetween(pgBefore, backendTicks(name));
        // The hub's processes: one, or HOSO_PROCESSES forked by the first.
        if (cpu) {
          const hubSeconds = secondsBetween(hubBefore, treeTicks(hub.pid));
          cpu.other = Math.max(0, Math.round((cpu.other - (hubSeconds - cpu.hub)) * 10) / 10);
          cpu.hub = hubSeconds;
        }
        const sorted = r.latenciesMs.slice().sort();
        const row: Row = {
          cache,
          scenario,
          concurrency,
          requests: r.requests,
          errors: r.errors,
          perSecond: r.requests / r.seconds,
          p50: percentile(sorted, 50),
          p90: percentile(sorted, 90),
          p99: percentile(sorted, 99),
          max: sorted[sorted.length - 1] ?? NaN,
          kbPerAnswer: r.bytes / Math.max(1, r.requests) / 1024,
          load1Before,
          load1After: os.loadavg()[0]!,
          cpu,
          pgBackends,
        };
        rows.push(row);
        log(`  ${scenario}, ${concurrency} clients: ${row.requests} requests, ${row.errors} errors, ${row.perSecond.toFixed(0)}/s, p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, CPU µs/request hub ${perRequest(row, cpu?.hub)} PostgreSQL ${perRequest(row, cpu?.postgres)} (backends ${perRequest(row, pgBackends)}) bench ${perRequest(row, cpu?.bench)}, other ${cpu?.other ?? "–"} CPU-s (load ${load1Before.toFixed(1)})`);
      }
    }
  } finally {
    await hub.stop();
  }
  return rows;
}

await main();
