import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { sql } from "./port.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.exec("CREATE TABLE blobs (id int, b bytea)");
});
afterAll(async () => t.drop());

describe("bytes in and out of the database", () => {
  it("come back exactly as stored: every byte value, empty, and a 1 MB body", async () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const big = randomBytes(1024 * 1024);
    const sub = big.subarray(1000, 5000); // a view into a larger buffer: only its own bytes go
    for (const [id, b] of [[1, all], [2, Buffer.alloc(0)], [3, big], [4, sub]] as const) {
      await t.db.query(sql`INSERT INTO blobs VALUES (${id}, ${b}::bytea)`);
    }
    const rows = await t.db.query<{ id: number; b: Buffer; n: number }>(sql`SELECT id, b, length(b) AS n FROM blobs ORDER BY id`);
    expect(rows.map((r) => r.n)).toEqual([256, 0, big.length, 4000]);
    expect(Buffer.compare(rows[0]!.b, all)).toBe(0);
    expect(Buffer.compare(rows[2]!.b, big)).toBe(0);
    expect(Buffer.compare(rows[3]!.b, sub)).toBe(0);
  });
});
