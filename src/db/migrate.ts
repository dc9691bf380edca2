/**
 * Forward-only numbered migrations (`migrations/NNN_name.sql`), recorded in `schema_migrations`.
 * Pending migrations run in one transaction (all or none). On PostgreSQL a transaction-scoped
 * advisory lock makes a second starting process wait, then find nothing left to do.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql, type Db } from "./port.ts";

const DIR = fileURLToPath(new URL("../../src/db/migrations/", import.meta.url));
const LOCK_ID = 4_717_001;

export function migrationFiles(): { version: number; name: string; text: string }[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, text: readFileSync(DIR + f, "utf8") }));
}

export async function migrate(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    if (db.kind === "postgres") await tx.query(sql`SELECT pg_advisory_xact_lock(${LOCK_ID})`);
    await tx.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const rows = await tx.query<{ version: number }>(sql`SELECT version FROM schema_migrations`);
    const done = new Set(rows.map((r) => r.version));
    const applied: string[] = [];
    for (const m of migrationFiles()) {
      if (done.has(m.version)) continue;
      await tx.exec(m.text);
      await tx.query(sql`INSERT INTO schema_migrations (version, name) VALUES (${m.version}, ${m.name})`);
      applied.push(m.name);
    }
    return applied;
  });
}
