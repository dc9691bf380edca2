import { describe, expect, it } from "vitest";
import type { Queryable, SqlQuery } from "../db/port.ts";
import { createPersonReader } from "./person-reader.ts";

/** A database whose reads take a while, answering a row for each known ID asked. */
function slowDb(known: readonly string[], fail = false) {
  const asked: string[][] = [];
  const db: Queryable = {
    async query<T>(q: SqlQuery) {
      const ids = q.values[0] as string[];
      asked.push(ids);
      await new Promise((r) => setTimeout(r, 20));
      if (fail) throw new Error("connection lost");
      return ids.filter((id) => known.includes(id)).map((personal_id) => ({ personal_id, fingerprint: `f-${personal_id}` })) as T[];
    },
    async exec() {},
  };
  return { db, asked };
}

describe("the grouped person reader", () => {
  it("reads the first at once and the ones that came meanwhile together, each ID once", async () => {
    const { db, asked } = slowDb(["001000000001", "001000000002"]);
    const reader = createPersonReader(db);
    const first = reader.read("001000000001");
    await new Promise((resolve) => setImmediate(resolve)); // the first goes on the next turn, alone
    const rest = ["001000000002", "001000000002", "001000000003", "001000000001"].map((id) => reader.read(id));
    const rows = await Promise.all([first, ...rest]);
    expect(asked).toEqual([["001000000001"], ["001000000002", "001000000003", "001000000001"]]);
    expect(rows.map((r) => r?.fingerprint ?? null)).toEqual(["f-001000000001", "f-001000000002", "f-001000000002", null, "f-001000000001"]);
  });

  it("fails every read of a failed query, and reads again afterwards", async () => {
    const { db } = slowDb([], true);
    const reader = createPersonReader(db);
    const results = await Promise.allSettled([reader.read("001000000001"), reader.read("001000000002")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    await expect(reader.read("001000000001")).rejects.toThrow("connection lost");
  });
});
