import { describe, expect, it } from "vitest";
import type { Queryable, SqlQuery } from "../db/port.ts";
import { createAuditWriter } from "./audit-writer.ts";
import type { AuditRow } from "./audit-repo.ts";

const row = (n: number): AuditRow => ({
  at: new Date(0), actorAccountId: null, actorRole: "system", actorFacilityId: null, personalId: String(n),
  action: "healthbook.read", purpose: "vneid", outcome: "allowed", requestId: null, grantId: null, reason: null,
});

/** A database whose INSERTs take a while, counting the rows of each. */
function slowDb(fail = false) {
  const inserts: number[] = [];
  const db: Queryable = {
    async query<T>(q: SqlQuery) {
      // One array parameter per column: the first holds one element per row.
      inserts.push((q.values[0] as unknown[]).length);
      await new Promise((r) => setTimeout(r, 20));
      if (fail) throw new Error("disk full");
      return [] as T[];
    },
    async exec() {},
  };
  return { db, inserts };
}

describe("the audit writer", () => {
  it("writes the first row at once and the rows that came meanwhile together", async () => {
    const { db, inserts } = slowDb();
    const w = createAuditWriter(db);
    const first = w.write([row(0)]);
    await new Promise((resolve) => setImmediate(resolve)); // the first goes on the next turn, alone
    const rest = Array.from({ length: 30 }, (_, i) => w.write([row(i + 1)]));
    await Promise.all([first, ...rest]);
    expect(inserts).toEqual([1, 30]);
  });

  it("answers each caller only once its row is committed, and fails every caller of a failed batch", async () => {
    const { db } = slowDb(true);
    const w = createAuditWriter(db);
    const results = await Promise.allSettled([w.write([row(1)]), w.write([row(2)]), w.write([row(3)])]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
  });

  it("writes at most 1,000 rows in one statement", async () => {
    const { db, inserts } = slowDb();
    const w = createAuditWriter(db);
    const first = w.write([row(0)]);
    await new Promise((resolve) => setImmediate(resolve)); // the first goes on the next turn, alone
    await Promise.all([first, ...Array.from({ length: 2500 }, (_, i) => w.write([row(i)]))]);
    expect(inserts).toEqual([1, 1000, 1000, 500]);
  });
});
