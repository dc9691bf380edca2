import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckup } from "../../test/factories/checkup.ts";
import { count, createTestHub, type TestHub } from "../../test/hub.ts";
import type { RegistryPerson } from "../identity/registry.ts";
import { storeMany, type StoreEntry } from "./store.ts";

// Storing records that all link to a registry person claims their versions in the first
// statement (store.ts beginStore). Two transactions adding the same new person at once: the one
// that waits cannot see the person in that statement, and claims its version afterwards instead.
let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => hub.close());

const person: RegistryPerson = { personalId: "079185000777", fullName: "Phạm Thị Hoa", birthDate: "1985-04-01", sex: "2", provinceCode: "79", communeCode: null };

function entry(maLk: string): StoreEntry {
  const now = hub.deps.clock();
  const record = hub.pipeline.check(buildCheckup({ maLk, patient: { personalId: person.personalId, fullName: person.fullName } }), { now, receivedAt: now }).record;
  return { record, linkedTo: person, kind: "checkup", identityReason: null, findings: [], late: false, facilityId: hub.facility.facility.facility_id, submissionId: randomUUID() };
}

describe("storing records linked to the registry", () => {
  it("stores two check-ups of one new person sent at once, on one person, each at version 1", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = hub.deps.db.transaction(async (tx) => {
      const stored = await storeMany(tx, [entry("SAME-PERSON-1")]);
      await held; // the person is added, not yet committed
      return stored;
    });
    await new Promise((r) => setTimeout(r, 100));
    const second = hub.deps.db.transaction((tx) => storeMany(tx, [entry("SAME-PERSON-2")]));
    await new Promise((r) => setTimeout(r, 200));
    release();
    const [[a], [b]] = await Promise.all([first, second]);

    expect([a!.outcome, b!.outcome]).toEqual(["accepted", "accepted"]);
    expect([a!.version, b!.version]).toEqual([1, 1]);
    expect(b!.personId).toBe(a!.personId);
    expect(await count(hub, "persons", `personal_id = '${person.personalId}'`)).toBe(1);
    const keys = await hub.deps.db.query<{ ma_lk: string; person_id: string; checkup_id: string }>({
      text: "SELECT ma_lk, person_id, checkup_id FROM checkup_keys WHERE ma_lk LIKE 'SAME-PERSON-%' ORDER BY ma_lk",
      values: [],
    });
    expect(keys).toEqual([
      { ma_lk: "SAME-PERSON-1", person_id: a!.personId, checkup_id: a!.checkupId },
      { ma_lk: "SAME-PERSON-2", person_id: a!.personId, checkup_id: b!.checkupId },
    ]);
  });

  it("keeps a re-sent unchanged check-up as it is, and makes a retracted one current again as a new version", async () => {
    const [v1] = await hub.deps.db.transaction((tx) => storeMany(tx, [entry("RESENT-1")]));
    const [same] = await hub.deps.db.transaction((tx) => storeMany(tx, [entry("RESENT-1")]));
    expect(same).toMatchObject({ outcome: "unchanged", version: null, checkupId: v1!.checkupId, personId: v1!.personId });

    await hub.deps.db.query({ text: "UPDATE checkup_keys SET retracted = true WHERE ma_lk = 'RESENT-1'", values: [] });
    const [again] = await hub.deps.db.transaction((tx) => storeMany(tx, [entry("RESENT-1")]));
    expect(again).toMatchObject({ outcome: "accepted", version: 2 });
    const [key] = await hub.deps.db.query<{ version: number; retracted: boolean; checkup_id: string }>({
      text: "SELECT version, retracted, checkup_id FROM checkup_keys WHERE ma_lk = 'RESENT-1'",
      values: [],
    });
    expect(key).toEqual({ version: 2, retracted: false, checkup_id: again!.checkupId });
  });

  it("claims after the first statement for a record waiting for identity review, with the same outcomes", async () => {
    const waiting = (): StoreEntry => ({ ...entry("WAITING-1"), linkedTo: null, identityReason: "not-in-registry" });
    const [v1] = await hub.deps.db.transaction((tx) => storeMany(tx, [waiting()]));
    expect(v1).toMatchObject({ outcome: "review", version: 1 });
    const [same] = await hub.deps.db.transaction((tx) => storeMany(tx, [waiting()]));
    expect(same).toMatchObject({ outcome: "unchanged", version: null, checkupId: v1!.checkupId, personId: v1!.personId });
  });
});
