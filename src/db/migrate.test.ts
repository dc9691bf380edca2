import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { migrate } from "./migrate.ts";
import { sql } from "./port.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.drop());

describe("migrations", () => {
  it("run again as a no-op", async () => {
    const before = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM schema_migrations`);
    await migrate(t.db);
    const after = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM schema_migrations`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("compress raw bodies and records with lz4 on PostgreSQL, and keep pglz where lz4 is not built in (PGlite)", async () => {
    const rows = await t.db.query<{ col: string; compression: string }>(sql`
      SELECT a.attrelid::regclass::text || '.' || a.attname AS col, a.attcompression::text AS compression
      FROM pg_attribute a
      WHERE (a.attrelid::regclass::text, a.attname) IN (('submissions', 'body'), ('checkups', 'record'))
      ORDER BY 1`);
    const expected = t.db.kind === "postgres" ? "l" : "";
    expect(rows).toEqual([
      { col: "checkups.record", compression: expected },
      { col: "submissions.body", compression: expected },
    ]);
  });
});
