/**
 * A fresh database per test file: in-memory PGlite by default; with TEST_DATABASE_URL, a new
 * PostgreSQL database created for the file and dropped after. The same suite runs on both.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPglite } from "../src/db/pglite.ts";
import { openPostgres } from "../src/db/postgres.ts";
import { migrate } from "../src/db/migrate.ts";
import type { Db } from "../src/db/port.ts";

export interface TestDb {
  db: Db;
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const db = await openPglite("memory://");
    await migrate(db);
    return { db, url: null, drop: () => db.close() };
  }
  const name = `hoso_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString());
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
