import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckup } from "../../test/factories/checkup.ts";
import { count, createTestHub, envelope, push, type TestHub } from "../../test/hub.ts";
import { embeddedRegistry, type Registry } from "./registry.ts";
import { RegistryUnavailableError } from "./registry-http.ts";
import { relinkWaiting } from "./relink.ts";

let hub: TestHub;
let registryUp = false;
beforeAll(async () => {
  hub = await createTestHub();
  const real = embeddedRegistry(hub.deps.db);
  // A registry that is down until the test brings it back.
  const flaky: Registry = {
    lookup: async (ids) => {
      if (!registryUp) throw new RegistryUnavailableError("timeout");
      return real.lookup(ids);
    },
  };
  hub.pipeline.registry = flaky;
});
afterAll(async () => hub.close());

describe("a registry outage never blocks intake", () => {
  it("answers at once with the record waiting, then links it when the registry is back", async () => {
    const r = await push(hub, envelope([buildCheckup({ maLk: "OUTAGE-1" })]));
    expect(r.status).toBe(200);
    expect(r.data.records[0]!.outcome).toBe("review");
    expect(r.data.records[0]!.findings.map((f) => f.code)).toContain("ID-REGISTRY-UNAVAILABLE");

    expect(await relinkWaiting(hub.deps, hub.pipeline.registry)).toMatchObject({ linked: 0, stillWaiting: 1 });
    registryUp = true;
    expect(await relinkWaiting(hub.deps, hub.pipeline.registry)).toMatchObject({ linked: 1 });

    const rows = await hub.deps.db.query<{ identity_status: string; personal_id: string; n: number }>({
      text: `SELECT c.identity_status, p.personal_id,
               (SELECT count(*) FROM observations o WHERE o.person_id = c.person_id AND o.checkup_id = c.checkup_id) AS n
             FROM checkups c JOIN persons p USING (person_id) WHERE c.ma_lk = 'OUTAGE-1'`,
      values: [],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ identity_status: "linked", personal_id: "001090012345" });
    expect(rows[0]!.n).toBeGreaterThan(5);
    expect(await count(hub, "persons", "kind = 'provisional'")).toBe(0);
  });
});
