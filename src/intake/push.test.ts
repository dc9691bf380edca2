import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublicKey } from "node:crypto";
import { buildCheckup, buildChildCheckup, buildMinorCheckup, buildObservation, vitals } from "../../test/factories/checkup.ts";
import { count, createTestHub, envelope, push, pushBody, type TestHub } from "../../test/hub.ts";
import { buildPush } from "./push-client.ts";
import { signingString } from "./signature.ts";
import { createVerify } from "node:crypto";
import { INTAKE_STAGES } from "../metrics.ts";

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => hub.close());

describe("push: a facility sends check-ups the Ministry's way", () => {
  it("accepts a valid adult check-up, answers msg_type 102 signed by the hub, and stores it", async () => {
    const r = await push(hub, envelope([buildCheckup({ maLk: "OK-1" })]));
    expect(r.status).toBe(200);
    expect(r.receipt.res_code).toBe("CM_SUCCESS");
    expect(r.receipt.header.msg_type).toBe("102");
    expect(r.receipt.header.ref_msg_id).toMatch(/^8930000000017\d{6}[0-9a-f]{32}$/);
    expect(r.data.records).toHaveLength(1);
    expect(r.data.records[0]).toMatchObject({ ma_lk: "OK-1", outcome: "accepted", version: 1 });

    const pem = (await hub.app.inject({ url: "/api/platform/public-key" })).body;
    const verified = createVerify("RSA-SHA256")
      .update(signingString(JSON.stringify(r.receipt.header), r.receipt.data))
      .verify(createPublicKey(pem), r.receipt.signature, "base64");
    expect(verified).toBe(true);

    const obs = await hub.deps.db.query<{ key: string; loinc: string; value: number; unit: string }>({
      text: "SELECT o.key, o.loinc, o.value, o.unit FROM observations o JOIN checkups c USING (person_id, checkup_id) WHERE c.ma_lk = 'OK-1' AND o.key = 'glucose_fasting'",
      values: [],
    });
    expect(obs[0]).toMatchObject({ key: "glucose_fasting", loinc: expect.any(String), value: 5.2, unit: "mmol/L" });
    expect(await count(hub, "persons", "personal_id = '001090012345'")).toBe(1);
  });

  it("reads all three age groups", async () => {
    const r = await push(hub, envelope([
      buildCheckup({ maLk: "AGE-A" }),
      buildMinorCheckup({ maLk: "AGE-M" }),
      buildChildCheckup({ maLk: "AGE-C" }),
    ]));
    expect(r.data.records.map((x) => [x.ma_lk, x.outcome])).toEqual([
      ["AGE-A", "accepted"],
      ["AGE-M", "accepted"],
      ["AGE-C", "accepted"],
    ]);
    const groups = await hub.deps.db.query<{ ma_lk: string; age_group: string }>({
      text: "SELECT ma_lk, age_group FROM checkups WHERE ma_lk LIKE 'AGE-%' ORDER BY ma_lk",
      values: [],
    });
    expect(groups.map((g) => g.age_group)).toEqual(["adult", "child_under_6", "minor_6_18"]);
  });

  it("keeps the good records when one record of the envelope is bad", async () => {
    const implausible = buildCheckup({
      maLk: "BAD-2",
      observations: vitals("170", "65", "22.5").map((o) => (o.localCode === "CAN_NANG" ? { ...o, valueRaw: "6500" } : o)),
    });
    const r = await push(hub, envelope([buildCheckup({ maLk: "GOOD-1" }), implausible, buildCheckup({ maLk: "GOOD-3" })]));
    expect(r.receipt.res_code).toBe("CM_SUCCESS");
    expect(r.data.records.map((x) => x.outcome)).toEqual(["accepted", "rejected", "accepted"]);
    const bad = r.data.records[1]!.findings.find((f) => f.severity === "error")!;
    expect(bad.path).toMatch(/^HOSO\[1\]\/XML10\/CAN_NANG/);
    expect(bad.message.vi.length).toBeGreaterThan(0);
    expect(bad.message.en.length).toBeGreaterThan(0);
    expect(await count(hub, "checkups", "ma_lk = 'BAD-2'")).toBe(0);
  });

  it("sends a record whose personal ID is not in the registry to identity review", async () => {
    const stranger = { personalId: "001070099999", fullName: "Hoàng Văn Mới", birthDate: { raw: "197003040000", iso: "1970-03-04", precision: "day" as const } };
    const r = await push(hub, envelope([buildCheckup({ maLk: "REV-1", patient: stranger })]));
    expect(r.data.records[0]!.outcome).toBe("review");
    expect(r.data.records[0]!.findings.map((f) => f.code)).toContain("ID-REVIEW-NOT-IN-REGISTRY");
    const rows = await hub.deps.db.query<{ identity_status: string; kind: string }>({
      text: "SELECT c.identity_status, p.kind FROM checkups c JOIN persons p USING (person_id) WHERE c.ma_lk = 'REV-1'",
      values: [],
    });
    expect(rows).toEqual([{ identity_status: "review", kind: "provisional" }]);
  });

  it("never links a record whose ID belongs to someone else; the matcher finds the right person", async () => {
    // Nguyễn Văn An's check-up carrying Trần Thị Bình's personal ID.
    const r = await push(hub, envelope([buildCheckup({ maLk: "WRONG-1", patient: { personalId: "001316004321" } })]));
    const codes = r.data.records[0]!.findings.map((f) => f.code);
    const owner = await hub.deps.db.query<{ personal_id: string | null }>({
      text: "SELECT p.personal_id FROM checkups c JOIN persons p USING (person_id) WHERE c.ma_lk = 'WRONG-1'",
      values: [],
    });
    expect(owner[0]!.personal_id).not.toBe("001316004321");
    if (r.data.records[0]!.outcome === "accepted") {
      expect(codes).toContain("ID-LINKED-BY-MATCH");
      expect(owner[0]!.personal_id).toBe("001090012345");
    } else {
      expect(r.data.records[0]!.outcome).toBe("review");
      expect(codes).toContain("ID-REVIEW-MISMATCH");
    }
  });

  it("rejects a record carrying another facility's code", async () => {
    const r = await push(hub, envelope([buildCheckup({ maLk: "OTHER-1", facilityCode: "79001", facilityGln: null })]));
    expect(r.data.records[0]!.outcome).toBe("rejected");
    expect(r.data.records[0]!.findings.map((f) => f.code)).toContain("KSK-FACILITY-MISMATCH");
    expect(r.receipt.res_code).toBe("PS_DS_VERIFY_FAIL");
  });

  it("flags a push later than 24 hours after the exam, and keeps it", async () => {
    const r = await push(hub, envelope([buildCheckup({ maLk: "LATE-1", examTime: { raw: "202611150830", iso: "2026-11-15T08:30", precision: "minute" } })]));
    expect(r.data.records[0]!.outcome).toBe("accepted");
    expect(r.data.records[0]!.findings.map((f) => f.code)).toContain("KSK-LATE-PUSH");
    expect(await count(hub, "checkups", "ma_lk = 'LATE-1' AND late")).toBe(1);
  });
});

describe("push: idempotency and versions", () => {
  it("answers a repeated msg_id with the same answer and stores nothing twice", async () => {
    const { body } = buildPush({ senderId: "8930000000017", xml: envelope([buildCheckup({ maLk: "IDEM-1" })]), key: hub.facility.privateKey, now: hub.deps.clock() });
    const first = await pushBody(hub, body);
    const again = await pushBody(hub, body);
    expect(again.raw).toBe(first.raw);
    expect(await count(hub, "checkups", "ma_lk = 'IDEM-1'")).toBe(1);
  });

  it("gives simultaneous copies of one msg_id one answer and one stored check-up", async () => {
    const { body, msgId } = buildPush({ senderId: "8930000000017", xml: envelope([buildCheckup({ maLk: "SIMUL-1" })]), key: hub.facility.privateKey, now: hub.deps.clock() });
    const replies = await Promise.all(Array.from({ length: 6 }, () => pushBody(hub, body)));
    expect(new Set(replies.map((r) => r.raw)).size).toBe(1);
    expect(replies[0]!.data.records[0]!.outcome).toBe("accepted");
    expect(await count(hub, "checkups", "ma_lk = 'SIMUL-1'")).toBe(1);
    expect(await count(hub, "submissions", `msg_id = '${msgId}'`)).toBe(1);
  });

  it("supersedes the previous version when a changed check-up is re-pushed; an unchanged one stores nothing", async () => {
    await push(hub, envelope([buildCheckup({ maLk: "VER-1" })]));
    const changed = await push(hub, envelope([buildCheckup({ maLk: "VER-1", conclusion: { healthClass: "3" } })]));
    expect(changed.data.records[0]).toMatchObject({ outcome: "accepted", version: 2 });
    const same = await push(hub, envelope([buildCheckup({ maLk: "VER-1", conclusion: { healthClass: "3" } })]));
    expect(same.data.records[0]).toMatchObject({ outcome: "unchanged", version: null });
    const versions = await hub.app.inject({ url: "/api/checkups/VER-1", headers: { authorization: `Bearer ${hub.token}` } });
    expect(versions.json<{ versions: { version: number; status: string }[] }>().versions.map((v) => [v.version, v.status])).toEqual([
      [1, "superseded"],
      [2, "current"],
    ]);
  });

  it("ends concurrent re-pushes of one MA_LK with exactly one current version", async () => {
    const variants = ["1", "2", "3", "4", "5"].map((c) => envelope([buildCheckup({ maLk: "RACE-1", conclusion: { healthClass: c } })]));
    await Promise.all(variants.map((xml) => push(hub, xml)));
    expect(await count(hub, "checkups", "ma_lk = 'RACE-1'")).toBe(5);
    expect(await count(hub, "checkups", "ma_lk = 'RACE-1' AND status = 'current'")).toBe(1);
    const versions = await hub.deps.db.query<{ version: number }>({ text: "SELECT version FROM checkups WHERE ma_lk = 'RACE-1' ORDER BY version", values: [] });
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it("gives each of many pushes arriving together its own outcome: good, bad, unchanged, same person twice", async () => {
    const good = Array.from({ length: 12 }, (_, i) => envelope([buildCheckup({ maLk: `TOGETHER-${i}` })]));
    const bad = envelope([buildCheckup({ maLk: "TOGETHER-BAD", facilityCode: "79001", facilityGln: null })]);
    await push(hub, envelope([buildCheckup({ maLk: "TOGETHER-SAME" })]));
    const same = envelope([buildCheckup({ maLk: "TOGETHER-SAME" })]);
    const replies = await Promise.all([...good, bad, same].map((xml) => push(hub, xml)));
    expect(replies.slice(0, 12).map((r) => r.data.records[0]!.outcome)).toEqual(Array(12).fill("accepted"));
    expect(replies.slice(0, 12).map((r) => r.data.records[0]!.ma_lk)).toEqual(good.map((_, i) => `TOGETHER-${i}`));
    expect(replies[12]!.data.records[0]).toMatchObject({ ma_lk: "TOGETHER-BAD", outcome: "rejected" });
    expect(replies[13]!.data.records[0]).toMatchObject({ ma_lk: "TOGETHER-SAME", outcome: "unchanged" });
    // The same registry person in twelve pushes at once: one person row, twelve check-ups.
    expect(await count(hub, "checkups", "ma_lk LIKE 'TOGETHER-%' AND person_id = (SELECT person_id FROM persons WHERE personal_id = '001090012345')")).toBe(13);
    expect(await count(hub, "submissions", "status <> 'done'")).toBe(0);
  });

  it("retracts a check-up: entered-in-error, kept in history", async () => {
    await push(hub, envelope([buildCheckup({ maLk: "RETRACT-1" })]));
    const auth = { authorization: `Bearer ${hub.token}` };
    const res = await hub.app.inject({ method: "POST", url: "/api/checkups/RETRACT-1/retract", headers: auth, payload: { reason: "nhầm bệnh nhân" } });
    expect(res.statusCode).toBe(200);
    expect(await count(hub, "checkups", "ma_lk = 'RETRACT-1' AND status = 'entered-in-error'")).toBe(1);
    const again = await hub.app.inject({ method: "POST", url: "/api/checkups/RETRACT-1/retract", headers: auth, payload: { reason: "x" } });
    expect(again.statusCode).toBe(404);
  });
});

describe("push: status a facility can read", () => {
  it("shows each record's outcome and findings, and hides other facilities' submissions", async () => {
    const r = await push(hub, envelope([buildCheckup({ maLk: "ST-1" }), buildCheckup({ maLk: "ST-2", patient: { sex: "9" } })]));
    const url = `/api/submissions/${r.data.submission_id}`;
    const res = await hub.app.inject({ url, headers: { authorization: `Bearer ${hub.token}` } });
    const status = res.json<{ status: string; counts: Record<string, number>; records: { outcome: string; current_status: string | null }[] }>();
    expect(status.status).toBe("done");
    expect(status.counts).toMatchObject({ records: 2, accepted: 1, rejected: 1 });
    expect(status.records.map((x) => x.outcome)).toEqual(["accepted", "rejected"]);
    expect(status.records[0]!.current_status).toBe("current");

    const { createFacility } = await import("../../test/factories/facility.ts");
    const other = await createFacility(hub.deps, { code: "79002", gln: "8930000000024" });
    const { loginAs } = await import("../../test/hub.ts");
    const otherToken = await loginAs(hub.app, other.username, other.password);
    const peek = await hub.app.inject({ url, headers: { authorization: `Bearer ${otherToken}` } });
    expect(peek.statusCode).toBe(404);
  });
});

describe("push: observations with units facilities actually type", () => {
  it("stores canonical values with the local code kept", async () => {
    const obs = buildObservation({ name: "Cholesterol TP", localCode: "003CHOL", valueRaw: "5.1", unitRaw: "mmol/l", serviceCode: "SH02", path: "HOSO[0]/XML11/CHI_TIET_CLS[9]" });
    const r = await push(hub, envelope([buildCheckup({ maLk: "UNIT-1", observations: [...vitals(), obs] })]));
    expect(r.data.records[0]!.outcome).toBe("accepted");
    const rows = await hub.deps.db.query<{ key: string; local_code: string; value: number }>({
      text: "SELECT o.key, o.local_code, o.value FROM observations o JOIN checkups c USING (person_id, checkup_id) WHERE c.ma_lk = 'UNIT-1' AND o.local_code = '003CHOL'",
      values: [],
    });
    expect(rows[0]).toEqual({ key: "cholesterol_total", local_code: "003CHOL", value: 5.1 });
  });
});

describe("metrics", () => {
  it("counts pushes and records by code and outcome, with no personal data in labels", async () => {
    const res = await hub.app.inject({ url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/hoso_pushes_total\{res_code="CM_SUCCESS"\} \d+/);
    expect(res.body).toMatch(/hoso_records_total\{outcome="rejected"\} \d+/);
    expect(res.body).toMatch(/route="\/api\/platform\/data-sync\/push"/);
    expect(res.body).not.toMatch(/001090012345|Nguyễn/);
  });

  it("shows where a push's time goes, step by step, for each push processed", async () => {
    const counts = async () => {
      const text = (await hub.app.inject({ url: "/metrics" })).body;
      return Object.fromEntries(INTAKE_STAGES.map((s) => [s, Number(new RegExp(`hoso_intake_stage_seconds_count\\{stage="${s}"\\} (\\d+)`).exec(text)?.[1] ?? 0)]));
    };
    const before = await counts();
    await Promise.all([1, 2, 3].map((i) => push(hub, envelope([buildCheckup({ maLk: `STAGES-${i}` })]))));
    const after = await counts();
    expect(Object.fromEntries(Object.entries(after).map(([s, n]) => [s, n - before[s]!]))).toEqual({ store_raw: 3, read: 3, link: 3, group_wait: 3, store: 3 });
  });
});

describe("identity at intake: the matcher and the review queue", () => {
  it("links a record with no ID by its demographics, with the reason stated", async () => {
    const r = await push(hub, envelope([buildCheckup({ maLk: "NOID-AN", patient: { personalId: null } })]));
    expect(r.data.records[0]!.outcome).toBe("accepted");
    expect(r.data.records[0]!.findings.map((f) => f.code)).toContain("ID-LINKED-BY-MATCH");
    const owner = await hub.deps.db.query<{ personal_id: string }>({
      text: "SELECT p.personal_id FROM checkups c JOIN persons p USING (person_id) WHERE c.ma_lk = 'NOID-AN'",
      values: [],
    });
    expect(owner[0]!.personal_id).toBe("001090012345");
  });

  it("opens a review case for a record nobody matches", async () => {
    const stranger = { personalId: "001085012399", fullName: "Đinh Thị Lạ", sex: "2", birthDate: { raw: "198502020000", iso: "1985-02-02", precision: "day" as const } };
    const r = await push(hub, envelope([buildCheckup({ maLk: "CASE-1", patient: stranger })]));
    expect(r.data.records[0]!.outcome).toBe("review");
    expect(await count(hub, "identity_cases c JOIN checkups k ON k.checkup_id = c.checkup_id", "k.ma_lk = 'CASE-1' AND c.status = 'open'")).toBe(1);
  });
});
