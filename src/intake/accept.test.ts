import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckup } from "../../test/factories/checkup.ts";
import { count, createTestHub, envelope, push, type TestHub } from "../../test/hub.ts";
import type { SqlQuery } from "../db/port.ts";

// The raw request is stored first. A push is read and checked while its INSERT is on its way
// (accept.ts), but nothing is written and nothing answered before that INSERT has committed.
let hub: TestHub;
let query: TestHub["deps"]["db"]["query"];
beforeAll(async () => {
  hub = await createTestHub();
  query = hub.deps.db.query.bind(hub.deps.db);
});
afterAll(async () => hub.close());

/** Runs `fn` with the raw request's INSERT passed through `around` (delayed, failed). */
async function withInsert<T>(around: (run: () => Promise<unknown[]>) => Promise<unknown[]>, fn: () => Promise<T>): Promise<T> {
  const db = hub.deps.db as { query: (q: SqlQuery) => Promise<unknown[]> };
  db.query = (q) => (q.text.includes("INSERT INTO submissions") ? around(() => query(q)) : query(q));
  try {
    return await fn();
  } finally {
    db.query = query;
  }
}

describe("taking a push in: the raw request first", () => {
  it("answers only once the raw request is stored, having read it meanwhile", async () => {
    const events: string[] = [];
    const reader = hub.pipeline.reader;
    const read = reader.read.bind(reader);
    reader.read = async (job) => {
      const out = await read(job);
      events.push("read");
      return out;
    };
    const reply = await withInsert(
      async (run) => {
        await new Promise((r) => setTimeout(r, 300));
        const rows = await run();
        events.push("stored");
        return rows;
      },
      () => push(hub, envelope([buildCheckup({ maLk: "FIRST-1" })])),
    );
    reader.read = read;
    events.push("answered");
    expect(reply.data.records.map((r) => r.outcome)).toEqual(["accepted"]);
    expect(events).toEqual(["read", "stored", "answered"]);
  });

  it("stores nothing else when the raw request cannot be stored, and the facility can push again", async () => {
    const before = { checkups: await count(hub, "checkups"), persons: await count(hub, "persons"), submissions: await count(hub, "submissions") };
    const xml = envelope([buildCheckup({ maLk: "FIRST-2" })]);
    const failed = await withInsert(() => Promise.reject(new Error("disk full")), () => push(hub, xml));
    expect(failed.status).toBe(500);
    expect(failed.raw).not.toContain("disk full"); // no internals in the answer
    expect({ checkups: await count(hub, "checkups"), persons: await count(hub, "persons"), submissions: await count(hub, "submissions") }).toEqual(before);

    const again = await push(hub, xml);
    expect(again.data.records.map((r) => r.outcome)).toEqual(["accepted"]);
    expect(await count(hub, "checkups", "ma_lk = 'FIRST-2'")).toBe(1);
  });
});
