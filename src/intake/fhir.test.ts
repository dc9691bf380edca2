import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckup } from "../../test/factories/checkup.ts";
import { count, createTestHub, type TestHub } from "../../test/hub.ts";
import { writeFhirBundle } from "../formats/fhir/write.ts";
import type { CheckupRecord } from "../checkup/model.ts";

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => hub.close());

const bundle = (records: CheckupRecord[], type: "transaction" | "batch" | "collection" = "transaction") =>
  writeFhirBundle(records.map((r, i) => ({ ...r, format: "fhir" as const, index: i })), { type });

async function post(url: string, body: unknown) {
  const res = await hub.app.inject({
    method: "POST",
    url,
    headers: { authorization: `Bearer ${hub.token}`, "content-type": "application/fhir+json" },
    payload: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.statusCode, body: res.json<{ resourceType: string; type?: string; entry?: { response: { status: string; outcome?: { issue: { details: { coding: { code: string }[] } }[] } } }[]; issue?: unknown[] }>() };
}

describe("FHIR R4 bundles", () => {
  it("stores the check-ups of a transaction Bundle and answers a transaction-response per entry", async () => {
    const r = await post("/fhir", bundle([buildCheckup({ maLk: "FHIR-1" }), buildCheckup({ maLk: "FHIR-2" })]));
    expect(r.status).toBe(200);
    expect(r.body.resourceType).toBe("Bundle");
    expect(r.body.type).toBe("transaction-response");
    expect(r.body.entry!.every((e) => e.response.status.startsWith("201") || e.response.status.startsWith("200"))).toBe(true);
    expect(await count(hub, "checkups", "ma_lk IN ('FHIR-1', 'FHIR-2')")).toBe(2);
    const obs = await count(hub, "observations o JOIN checkups c USING (person_id, checkup_id)", "c.ma_lk = 'FHIR-1' AND o.loinc IS NOT NULL");
    expect(obs).toBeGreaterThan(3);
  });

  it("re-sending the same Bundle stores nothing new", async () => {
    const b = bundle([buildCheckup({ maLk: "FHIR-SAME" })]);
    await post("/fhir", b);
    const again = await post("/fhir", b);
    expect(again.status).toBe(200);
    expect(await count(hub, "checkups", "ma_lk = 'FHIR-SAME'")).toBe(1);
  });

  it("rejects only the check-up with an invalid resource; the other is stored", async () => {
    const b = bundle([buildCheckup({ maLk: "FHIR-GOOD" }), buildCheckup({ maLk: "FHIR-BAD" })]) as unknown as { entry: { resource: Record<string, unknown> }[] };
    // Break one Observation of the second check-up: value as a string is not R4.
    const bad = b.entry.filter((e) => e.resource.resourceType === "Observation").at(-1)!;
    bad.resource.valueQuantity = { value: "lots", unit: "kg" };
    const r = await post("/fhir", b);
    expect(r.status).toBe(200);
    const codes = r.body.entry!.flatMap((e) => e.response.outcome?.issue.map((i) => i.details.coding[0]!.code) ?? []);
    expect(codes).toContain("FHIR-INVALID");
    expect(await count(hub, "checkups", "ma_lk = 'FHIR-GOOD'")).toBe(1);
    expect(await count(hub, "checkups", "ma_lk = 'FHIR-BAD'")).toBe(0);
  });

  it("refuses what is not a Bundle, the wrong Bundle type for the endpoint, and bad JSON", async () => {
    expect((await post("/fhir", { resourceType: "Patient" })).status).toBe(400);
    expect((await post("/fhir/Bundle", bundle([buildCheckup({ maLk: "FHIR-T" })], "transaction"))).status).toBe(400);
    const malformed = await post("/fhir", "{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.body.resourceType).toBe("OperationOutcome");
  });

  it("takes a collection Bundle at /fhir/Bundle", async () => {
    const r = await post("/fhir/Bundle", bundle([buildCheckup({ maLk: "FHIR-COLL" })], "collection"));
    expect(r.status).toBe(200);
    expect(await count(hub, "checkups", "ma_lk = 'FHIR-COLL'")).toBe(1);
  });
});
