import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckup, buildChildCheckup, vitals } from "../../test/factories/checkup.ts";
import { createTestHub, envelope, push, pushBody, type PushReply, type TestHub } from "../../test/hub.ts";
import { buildPush } from "./push-client.ts";

// The same pushes through a hub that reads in line and one that reads on a worker thread
// (HOSO_READ_THREADS): a facility must not be able to tell them apart.
let inline: TestHub;
let threaded: TestHub;
beforeAll(async () => {
  [inline, threaded] = await Promise.all([createTestHub({ HOSO_READ_THREADS: "0" }), createTestHub({ HOSO_READ_THREADS: "1" })]);
});
afterAll(async () => Promise.all([inline.close(), threaded.close()]));

const mixed = () => envelope([
  buildCheckup({ maLk: "RT-1" }),
  buildCheckup({ maLk: "RT-2", observations: vitals("170", "65", "22.5").map((o) => (o.localCode === "CAN_NANG" ? { ...o, valueRaw: "6500" } : o)) }),
  buildChildCheckup({ maLk: "RT-3" }),
]);

/** What a facility sees of an answer, without what differs by nature (ids, times, signatures). */
const seen = (r: PushReply) => ({ status: r.status, resCode: r.receipt.res_code, records: r.data.records, findings: r.data.findings });

async function stored(hub: TestHub) {
  return hub.deps.db.query<{ ma_lk: string; record: unknown; findings: unknown; n: number }>({
    text: `SELECT c.ma_lk, c.record, c.findings, (SELECT count(*) FROM observations o WHERE o.checkup_id = c.checkup_id) AS n
      FROM checkups c WHERE c.ma_lk LIKE 'RT-%' ORDER BY c.ma_lk`,
    values: [],
  });
}

/** A push as the reader is given it, read straight from the hub's reader. */
function readJob(hub: TestHub, maLk: string) {
  const now = hub.deps.clock();
  return {
    channel: "ksk-push",
    body: Buffer.from(buildPush({ senderId: hub.facility.facility.gln!, xml: envelope([buildCheckup({ maLk })]), key: hub.facility.privateKey, now }).body),
    meta: null,
    facility: { code: hub.facility.facility.code, gln: hub.facility.facility.gln },
    now,
    receivedAt: now,
  };
}

describe("read threads: parsing and checking off the event loop", () => {
  it("reads in line until its thread has started, so no push waits for a thread to come up", async () => {
    const first = await push(threaded, envelope([buildCheckup({ maLk: "EARLY-1" })]));
    expect(first.data.records.map((r) => r.outcome)).toEqual(["accepted"]);
    expect(threaded.pipeline.reader.stats()).toMatchObject({ completed: 0, inLine: 1 });
    await threaded.pipeline.reader.start();
    expect(threaded.pipeline.reader.stats()).toMatchObject({ threads: 1, completed: 0, reading: 0, inLine: 1 });
  });

  it("answers and stores exactly as reading in line does", async () => {
    const a = await push(inline, mixed());
    const b = await push(threaded, mixed());
    expect(seen(b)).toEqual(seen(a));
    expect(b.data.records.map((r) => r.outcome)).toEqual(["accepted", "rejected", "accepted"]);
    expect(threaded.pipeline.reader.stats()).toEqual({ threads: 1, completed: 1, reading: 0, inLine: 1 });
    expect(inline.pipeline.reader.stats().threads).toBe(0);

    const [rowsA, rowsB] = await Promise.all([stored(inline), stored(threaded)]);
    expect(rowsB.map((r) => r.ma_lk)).toEqual(["RT-1", "RT-3"]);
    expect(rowsB).toEqual(rowsA);
    // The record is kept as the text that was hashed: re-sending it changes nothing.
    const again = await push(threaded, mixed());
    expect(again.data.records.map((r) => r.outcome)).toEqual(["unchanged", "rejected", "unchanged"]);
  });

  it("reads in line when its thread is busy, with the same outcome", async () => {
    const before = threaded.pipeline.reader.stats();
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => push(threaded, envelope([buildCheckup({ maLk: `RT-BUSY-${i}` })]))));
    expect(replies.map((r) => r.data.records.map((x) => x.outcome))).toEqual(Array.from({ length: 6 }, () => ["accepted"]));
    const after = threaded.pipeline.reader.stats();
    // Every push was read exactly once: by the thread, or by the event loop while the thread was busy.
    expect(after.completed - before.completed + (after.inLine - before.inLine)).toBe(6);
    // An operator sees the same split in the metrics.
    const metrics = (await threaded.app.inject({ url: "/metrics" })).body;
    expect(metrics).toContain(`hoso_submissions_read_total{where="thread"} ${after.completed}`);
    expect(metrics).toContain(`hoso_submissions_read_total{where="event_loop"} ${after.inLine}`);
  });

  it("gives a thread the next submission as soon as it is free, before the event loop has taken its last answer", async () => {
    const reader = threaded.pipeline.reader;
    const job = (maLk: string) => readJob(threaded, maLk);
    const before = reader.stats();
    const first = reader.read(job("RT-FREE-1"));
    // The event loop stays busy until the thread has read the first one, so that answer still
    // waits in the loop's queue when the second submission comes: the thread takes it anyway.
    const until = Date.now() + 10_000;
    while (reader.stats().reading > 0 && Date.now() < until);
    const second = reader.read(job("RT-FREE-2"));
    const read = await Promise.all([first, second]);
    expect(read.map((r) => r.checked.map((c) => c.record.maLk))).toEqual([["RT-FREE-1"], ["RT-FREE-2"]]);
    const after = reader.stats();
    expect({ onThread: after.completed - before.completed, inLine: after.inLine - before.inLine, reading: after.reading }).toEqual({ onThread: 2, inLine: 0, reading: 0 });
  });

  it("keeps what it read in line as a thread hands it over: the bulk only as the text to store, back from it when asked", async () => {
    const { checked } = await inline.pipeline.reader.read(readJob(inline, "RT-LEAN-1"));
    const record = checked[0]!.record;
    // Held as a getter over the rendered JSON, not as objects that every young-generation GC
    // copies while the push waits for its transaction.
    for (const bulk of ["observations", "blocks", "exams", "history", "signatures"]) {
      expect(Object.getOwnPropertyDescriptor(record, bulk)?.get, bulk).toBeTypeOf("function");
    }
    const whole = JSON.parse(checked[0]!.text!.json) as typeof record;
    expect(record.observations).toEqual(whole.observations);
    expect(record.observations.length).toBeGreaterThan(5);
    expect(record.blocks).toEqual(whole.blocks);
    expect(JSON.stringify(record)).toBe(checked[0]!.text!.json);
  });

  it("refuses a hostile document on the thread with the same finding", async () => {
    const hostile = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><GIAMDINHHS>&a;</GIAMDINHHS>`;
    const send = (hub: TestHub) =>
      pushBody(hub, buildPush({ senderId: hub.facility.facility.gln!, xml: hostile, key: hub.facility.privateKey, now: hub.deps.clock() }).body);
    const [a, b] = await Promise.all([send(inline), send(threaded)]);
    expect(seen(b)).toEqual(seen(a));
    expect(b.status).toBe(400);
    expect(b.data.findings.map((f) => f.code)).toContain("XML-DOCTYPE");
  });
});
