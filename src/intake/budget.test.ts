import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckup } from "../../test/factories/checkup.ts";
import { count, createTestHub, envelope, push, type TestHub } from "../../test/hub.ts";
import { embeddedRegistry } from "../identity/registry.ts";

// A push that cannot finish within HOSO_SYNC_BUDGET_MS (here: the registry is slow) is answered
// "received" at the budget, and the work goes on and is recorded when it finishes.
let hub: TestHub;
let release: () => void = () => {};
beforeAll(async () => {
  hub = await createTestHub({ HOSO_SYNC_BUDGET_MS: "300" });
  const real = embeddedRegistry(hub.deps.db);
  const slow = new Promise<void>((resolve) => (release = resolve));
  hub.pipeline.registry = { lookup: async (ids) => (await slow, real.lookup(ids)) };
});
afterAll(async () => hub.close());

describe("the latency budget", () => {
  it("answers 202 received at the budget, then finishes the push and records its answer", async () => {
    const msgId = "BUDGET-MSG-1";
    const r = await push(hub, envelope([buildCheckup({ maLk: "SLOW-1" })]), { msgId });
    expect(r.status).toBe(202);
    expect(r.receipt.res_code).toBe("CM_SUCCESS");
    expect(r.data.status).toBe("received");
    expect(await count(hub, "checkups", "ma_lk = 'SLOW-1'")).toBe(0);

    release();
    const auth = { authorization: `Bearer ${hub.token}` };
    let status = "received";
    for (let i = 0; i < 200 && status !== "done"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      status = (await hub.app.inject({ url: r.data.status_url!, headers: auth })).json<{ status: string }>().status;
    }
    expect(status).toBe("done");
    expect(await count(hub, "checkups", "ma_lk = 'SLOW-1'")).toBe(1);

    // The facility sending the same msg_id again gets the finished answer, and nothing is stored twice.
    const again = await push(hub, envelope([buildCheckup({ maLk: "SLOW-1" })]), { msgId });
    expect(again.status).toBe(200);
    expect(again.data.records.map((x) => x.outcome)).toEqual(["accepted"]);
    expect(await count(hub, "checkups", "ma_lk = 'SLOW-1'")).toBe(1);
  });
});
