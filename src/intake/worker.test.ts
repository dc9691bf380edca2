import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckup } from "../../test/factories/checkup.ts";
import { count, createTestHub, envelope, push, type TestHub } from "../../test/hub.ts";
import { buildPush } from "./push-client.ts";
import { claimSubmission, insertSubmission } from "./inbox-repo.ts";
import { createWorker } from "./worker.ts";
import { createHash, randomUUID } from "node:crypto";

let hub: TestHub;
beforeAll(async () => {
  // Anything over 1 kB of data is "large": answered as received, finished by the worker.
  hub = await createTestHub({ HOSO_SYNC_MAX_BYTES: "1024" });
});
afterAll(async () => hub.close());

describe("large envelopes and the worker", () => {
  it("answers a large envelope 202 with a status URL, and the worker finishes it", async () => {
    const many = Array.from({ length: 8 }, (_, i) => buildCheckup({ maLk: `BIG-${i}` }));
    const r = await push(hub, envelope(many));
    expect(r.status).toBe(202);
    expect(r.receipt.res_code).toBe("CM_SUCCESS");
    expect(r.data.status).toBe("received");
    const auth = { authorization: `Bearer ${hub.token}` };
    const before = (await hub.app.inject({ url: r.data.status_url!, headers: auth })).json<{ status: string }>();
    expect(before.status).toBe("received");

    const worker = createWorker(hub.deps, hub.pipeline, { pollMs: 10 });
    expect(await worker.drain()).toBe(1);
    await worker.stop();
    const after = (await hub.app.inject({ url: r.data.status_url!, headers: auth })).json<{ status: string; counts: { accepted: number } }>();
    expect(after.status).toBe("done");
    expect(after.counts.accepted).toBe(8);
    expect(await count(hub, "checkups", "ma_lk LIKE 'BIG-%'")).toBe(8);
  });

  it("resumes a submission whose processor died, once its lease has run out", async () => {
    const { body } = buildPush({ senderId: "8930000000017", xml: envelope([buildCheckup({ maLk: "DIED-1" })]), key: hub.facility.privateKey });
    const id = randomUUID();
    const bytes = Buffer.from(body);
    await insertSubmission(hub.deps.db, {
      submissionId: id,
      facilityId: hub.facility.facility.facility_id,
      channel: "ksk-push",
      msgId: JSON.parse(body).header.msg_id,
      body: bytes,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      status: "received",
      receivedAt: hub.deps.clock(),
    });
    // A processor claims it and dies without finishing.
    expect(await claimSubmission(hub.deps.db, id, hub.deps.clock(), 30_000)).toBe(true);
    const worker = createWorker(hub.deps, hub.pipeline, { pollMs: 10 });
    expect(await worker.drain()).toBe(0); // lease still live: nobody steals it
    hub.deps.setNow(new Date(hub.deps.clock().getTime() + 31_000));
    expect(await worker.drain()).toBe(1);
    await worker.stop();
    expect(await count(hub, "checkups", "ma_lk = 'DIED-1'")).toBe(1);
    expect(await count(hub, "submissions", `submission_id = '${id}' AND status = 'done'`)).toBe(1);
  });
});
