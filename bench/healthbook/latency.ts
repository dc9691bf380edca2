/**
 * Health-book latency of the VNeID API (issue 5 "Speed"): PostgreSQL, a fresh database holding
 * 1,000,000 persons and 3,000,000 check-ups (load-data.ts: 1,000 citizens with 20 full check-ups
 * each, ~37 measures per check-up with their observation rows; the other check-ups small), and
 * closed-loop clients calling `GET /api/vneid/health-books/:personalId` over loopback HTTP with a
 * real system-client token. For each book-cache size (a hub each: warm reads, then `0` = every
 * read built from the rows, as after a change) and each client count: one citizen, then the
 * 1,000 at random. Reports p50/p90/p99/max and throughput. Target: p99 ≤ 30 ms at 100 clients.
 *
 *   npx tsx bench/healthbook/latency.ts                          (load ~5 min, then ~5 min of runs)
 *   HB_KEEP=1 …, then HB_DB=hoso_hb_xxxxxxxx npx tsx bench/healthbook/latency.ts   (reuse the data)
 *   HB_PERSONS=100000 HB_CHECKUPS=300000 HB_MEASURED=100 …       (a quick, small run)
 *   HB_CONCURRENCY=100 HB_CACHE_MB=64 HB_SECONDS=30 …            (one configuration, longer)
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
}

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
  const env = `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, PostgreSQL 15 on 127.0.0.1 (same machine), ${settings.HB_SECONDS} s per run after ${settings.HB_WARMUP_SECONDS} s warm-up, hub log level ${settings.HB_LOG_LEVEL}, client asks for gzip`;
  const table = [
    `Health-book latency, VNeID API — ${plan.persons.toLocaleString("en")} persons, ${plan.checkups.toLocaleString("en")} check-ups. ${env}.`,
    "",
    "| book cache | scenario | clients | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms | KiB/answer | load avg before → after |",
    "| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- |",
    ...rows.map((r) => `| ${r.cache} | ${r.scenario} | ${r.concurrency} | ${r.requests} | ${r.errors} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p90.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.kbPerAnswer.toFixed(0)} | ${r.load1Before.toFixed(1)} → ${r.load1After.toFixed(1)} |`),
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
    { DATABASE_URL: dbUrl(name), LOG_LEVEL: settings.HB_LOG_LEVEL, HOSO_SYSTEM_TOKEN_TTL_SECONDS: "3600", HOSO_BOOK_CACHE_MB: String(cacheMb) },
    `${RESULTS}healthbook-hub-${stamp}.log`,
  );
  const rows: Row[] = [];
  try {
    const token = await systemToken(name, hub.url);
    const sample = await fetch(new URL(`/api/vneid/health-books/${personalIdOf(1)}`, hub.url), { headers: { authorization: `Bearer ${token}` } });
    const book = (await sample.json()) as { checkups?: { measures: unknown[] }[] };
    if (!sample.ok || book.checkups?.length !== plan.perMeasured) throw new Error(`unexpected book: HTTP ${sample.status}`);
    log(`book cache ${cache}; book of citizen 1: ${book.checkups.length} check-ups, ${book.checkups.reduce((a, c) => a + c.measures.length, 0)} measures`);
    const scenarios: [string, (i: number) => string][] = [
      [`one citizen, ${plan.perMeasured} check-ups`, () => `/api/vneid/health-books/${personalIdOf(1)}`],
      [`${plan.measured} citizens at random, ${plan.perMeasured} check-ups each`, () => `/api/vneid/health-books/${personalIdOf(1 + Math.floor(Math.random() * plan.measured))}`],
    ];
    for (const [scenario, path] of scenarios) {
      for (const concurrency of settings.HB_CONCURRENCY) {
        if (settings.HB_WARMUP_SECONDS > 0) await closedLoop({ base: hub.url, token, concurrency, seconds: settings.HB_WARMUP_SECONDS, path });
        const load1Before = os.loadavg()[0]!;
        const r = await closedLoop({ base: hub.url, token, concurrency, seconds: settings.HB_SECONDS, path });
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
        };
        rows.push(row);
        log(`  ${scenario}, ${concurrency} clients: ${row.requests} requests, ${row.errors} errors, ${row.perSecond.toFixed(0)}/s, p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms (load ${load1Before.toFixed(1)})`);
      }
    }
  } finally {
    await hub.stop();
  }
  return rows;
}

await main();
