import { gunzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHub, envelope, push, type TestHub } from "../../test/hub.ts";
import { buildMinorCheckup, moment } from "../../test/factories/checkup.ts";
import { AN, BINH, bearer, checkupOn, citizenToken, pushAll, systemClient, type TestClient } from "./test-kit.ts";
import type { HealthBook } from "./book.ts";
import type { ChangesPage } from "./vneid.ts";
import type { AccessLog } from "../audit/audit.ts";

let hub: TestHub;
let vneid: TestClient;
let token: string;
const changes = async (query = "") => {
  const res = await hub.app.inject({ url: `/api/vneid/changes${query}`, headers: bearer(token) });
  expect(res.statusCode).toBe(200);
  return res.json<ChangesPage>();
};
/**
 * Events show once every transaction that began before them has finished, cluster-wide (on
 * PostgreSQL other sessions may be mid-transaction): poll until the page holds what we wait for.
 */
const eventually = async (query: string, ready: (p: ChangesPage) => boolean): Promise<ChangesPage> => {
  for (let i = 0; ; i++) {
    const page = await changes(query);
    if (ready(page) || i >= 50) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
};
const all = async (limit: number) => {
  const seen: ChangesPage["changes"] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: ChangesPage = await changes(`?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    seen.push(...page.changes);
    cursor = page.next_cursor;
    if (!page.has_more) return { seen, cursor };
  }
};

beforeAll(async () => {
  hub = await createTestHub();
  vneid = await systemClient(hub);
  token = await vneid.token();
  await pushAll(hub, [checkupOn("2025-11-18"), checkupOn("2026-11-19", { sbp: "150" })]);
  await pushAll(hub, [buildMinorCheckup({ maLk: "LK-BINH", examTime: moment("2026-11-18T09:00") })]);
});
afterAll(async () => hub.close());

describe("GET /api/vneid/health-books/:personalId", () => {
  it("answers the book, audited as a VNeID read in the citizen's log", async () => {
    const res = await hub.app.inject({ url: `/api/vneid/health-books/${AN}`, headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    const b = res.json<HealthBook>();
    expect(b.checkups.map((c) => c.exam_date)).toEqual(["2026-11-19", "2025-11-18"]);
    const log = (await hub.app.inject({ url: "/api/me/access-log", headers: bearer(await citizenToken(hub, AN)) })).json<AccessLog>();
    expect(log.entries[0]).toMatchObject({ actor: { kind: "system", name: "VNeID" }, purpose: { code: "vneid" }, action: { code: "healthbook.read" }, outcome: "allowed" });
  });

  it("gzips the book for a client that takes it", async () => {
    const plain = await hub.app.inject({ url: `/api/vneid/health-books/${AN}`, headers: bearer(token) });
    const gz = await hub.app.inject({ url: `/api/vneid/health-books/${AN}`, headers: { ...bearer(token), "accept-encoding": "gzip, deflate" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const a = JSON.parse(gunzipSync(gz.rawPayload).toString()) as HealthBook;
    expect(a.checkups).toEqual(plain.json<HealthBook>().checkups);
  });

  it("answers the summary when asked, and 404 for a person it does not know", async () => {
    const s = await hub.app.inject({ url: `/api/vneid/health-books/${AN}?scope=summary`, headers: bearer(token) });
    expect(s.json<HealthBook>().checkups).toHaveLength(1);
    const none = await hub.app.inject({ url: "/api/vneid/health-books/001099999999", headers: bearer(token) });
    expect(none.statusCode).toBe(404);
    expect(none.json().issue[0].details.coding[0].code).toBe("HEALTHBOOK-NOT-FOUND");
  });

  it("tags the book (ETag) and answers 304 to a client holding the current one, audited all the same", async () => {
    const url = `/api/vneid/health-books/${AN}`;
    const first = await hub.app.inject({ url, headers: bearer(token) });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(first.headers["cache-control"]).toBe("private, no-cache");
    const entries = async () => (await hub.app.inject({ url: "/api/me/access-log", headers: bearer(await citizenToken(hub, AN)) })).json<AccessLog>().entries.length;
    const before = await entries();
    const again = await hub.app.inject({ url, headers: { ...bearer(token), "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload).toHaveLength(0);
    expect(again.headers.etag).toBe(etag);
    expect(await entries()).toBe(before + 1);
    expect((await hub.app.inject({ url, headers: { ...bearer(token), "if-none-match": 'W/"something-else"' } })).statusCode).toBe(200);
    const summary = await hub.app.inject({ url: `${url}?scope=summary`, headers: { ...bearer(token), "if-none-match": etag } });
    expect(summary.statusCode).toBe(200);
    expect(summary.headers.etag).not.toBe(etag);
  });
});

describe("GET /api/vneid/changes", () => {
  it("lists new, corrected and retracted results in order, paging by an opaque cursor", async () => {
    await eventually("", (p) => p.changes.length >= 3);
    const first = await all(100);
    expect(first.seen.map((c) => [c.personal_id, c.kind])).toEqual([
      [AN, "checkup.created"],
      [AN, "checkup.created"],
      [BINH, "checkup.created"],
    ]);
    const tagBefore = (await hub.app.inject({ url: `/api/vneid/health-books/${AN}`, headers: bearer(token) })).headers.etag as string;
    await pushAll(hub, [checkupOn("2026-11-19", { sbp: "151" })]);
    await hub.app.inject({ method: "POST", url: "/api/checkups/LK20251118/retract", headers: bearer(hub.token), payload: { reason: "nhầm" } });
    // The book changed: the tag the client holds no longer matches.
    const changed = await hub.app.inject({ url: `/api/vneid/health-books/${AN}`, headers: { ...bearer(token), "if-none-match": tagBefore } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(tagBefore);
    const next = await eventually(`?cursor=${first.cursor}`, (p) => p.changes.length >= 2);
    expect(next.changes.map((c) => [c.personal_id, c.kind])).toEqual([
      [AN, "checkup.corrected"],
      [AN, "checkup.retracted"],
    ]);
    expect(next.has_more).toBe(false);
    // Paging one by one sees the same events, in the same order, nothing twice.
    const oneByOne = await all(1);
    expect(oneByOne.seen).toEqual([...first.seen, ...next.changes]);
    // Nothing new: the same cursor comes back.
    const idle = await changes(`?cursor=${next.next_cursor}`);
    expect(idle).toEqual({ changes: [], next_cursor: next.next_cursor, has_more: false });
  });

  it("leaves out records waiting for identity review", async () => {
    await eventually("?limit=1000", (p) => p.changes.length >= 5);
    const { cursor } = await all(100);
    const reply = await push(hub, envelope([checkupOn("2026-11-10", { maLk: "LK-R", overrides: { patient: { fullName: "Phạm Thị Hoa", sex: "2" } } })]));
    expect(reply.data.records[0]!.outcome).toBe("review");
    // Give the review record's transaction every chance to show, then check it did not.
    await new Promise((r) => setTimeout(r, 300));
    expect((await changes(`?cursor=${cursor}`)).changes).toEqual([]);
  });

  it("refuses a malformed cursor", async () => {
    const res = await hub.app.inject({ url: "/api/vneid/changes?cursor=abc", headers: bearer(token) });
    expect(res.statusCode).toBe(400);
  });

  it("audits each person named in a page", async () => {
    await changes("?limit=1000");
    const log = (await hub.app.inject({ url: `/api/citizen/books/${BINH}/access-log`, headers: bearer(await citizenToken(hub, BINH)) })).json<AccessLog>();
    expect(log.entries.some((e) => e.action.code === "changes.read" && e.actor.kind === "system")).toBe(true);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("never skips an event committed late by a slow transaction (PostgreSQL)", async () => {
    const { cursor } = await all(100);
    const slow = new pg.Client({ connectionString: hub.deps.testDb.url! });
    await slow.connect();
    try {
      await slow.query("BEGIN");
      // The slow transaction takes the lower event id, then a fast one commits a higher id.
      await slow.query("INSERT INTO events (person_id, kind) SELECT person_id, 'checkup.created' FROM persons WHERE personal_id = $1", [AN]);
      await pushAll(hub, [checkupOn("2026-11-01", { maLk: "LK-FAST" })]);
      const during = await changes(`?cursor=${cursor}`);
      expect(during.changes).toEqual([]);
      await slow.query("COMMIT");
      const after = await eventually(`?cursor=${cursor}`, (p) => p.changes.length >= 2);
      expect(after.changes).toHaveLength(2);
    } finally {
      await slow.end();
    }
  });
});
