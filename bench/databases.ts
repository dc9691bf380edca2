/**
 * A fresh database per measurement: a new PostgreSQL database on the bench server, or a new PGlite
 * data folder in the temp directory. `env` is what the hub process needs to open the same one.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDb } from "../src/db/open.ts";
import { openPostgres } from "../src/db/postgres.ts";
import { migrate } from "../src/db/migrate.ts";
import type { Db } from "../src/db/port.ts";
import type { DbKind } from "./config.ts";

export interface BenchDb {
  kind: DbKind;
  /** Settings for the hub: `DATABASE_URL`, or `HOSO_DATA_DIR` (which also holds nothing else). */
  env: Record<string, string>;
  /** Opens it in this process (migrated). PGlite: only while no hub process has it open. */
  open(): Promise<Db>;
  drop(): Promise<void>;
}

/** Null with the reason when PostgreSQL does not answer, so the run can skip it and say why. */
export async function postgresProblem(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function freshDb(kind: DbKind, pgUrl: string, label: string): Promise<BenchDb> {
  return kind === "postgres" ? freshPostgres(pgUrl, label) : freshPglite(label);
}

async function freshPostgres(base: string, label: string): Promise<BenchDb> {
  // Identifier from code only: a label and hex digits.
  const name = `hoso_bench_${label}_${randomBytes(4).toString("hex")}`;
  await adminQuery(base, `CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    env: { DATABASE_URL: url.toString() },
    async open() {
      const db = openPostgres(url.toString());
      await migrate(db);
      return db;
    },
    drop: () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

function freshPglite(label: string): BenchDb {
  const dir = mkdtempSync(join(tmpdir(), `hoso-bench-${label}-`));
  return {
    kind: "pglite",
    env: { HOSO_DATA_DIR: dir },
    async open() {
      const db = await openDb({ dataDir: dir });
      await migrate(db);
      return db;
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface StoredCounts {
  checkups: number;
  observations: number;
  conditions: number;
  submissionsDone: number;
  submissionsNotDone: number;
}

/** What the hub stored, read after it stopped (PGlite: only one process may have the folder open). */
export async function countStored(bench: BenchDb): Promise<StoredCounts> {
  const db = await bench.open();
  try {
    const one = async (text: string) => (await db.query<{ n: number }>({ text, values: [] }))[0]!.n;
    return {
      checkups: await one("SELECT count(*) AS n FROM checkups"),
      observations: await one("SELECT count(*) AS n FROM observations"),
      conditions: await one("SELECT count(*) AS n FROM conditions"),
      submissionsDone: await one("SELECT count(*) AS n FROM submissions WHERE status = 'done'"),
      submissionsNotDone: await one("SELECT count(*) AS n FROM submissions WHERE status <> 'done'"),
    };
  } finally {
    await db.close();
  }
}
