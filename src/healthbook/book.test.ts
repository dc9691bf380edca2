import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHub, envelope, push, type TestHub } from "../../test/hub.ts";
import { buildMinorCheckup, moment } from "../../test/factories/checkup.ts";
import { AN, BINH, bearer, checkupOn, citizenToken, pushAll } from "./test-kit.ts";
import type { HealthBook } from "./book.ts";

let hub: TestHub;
let token: string;
const book = async (query = "") => {
  const res = await hub.app.inject({ url: `/api/citizen/books/${AN}${query}`, headers: bearer(token) });
  expect(res.statusCode).toBe(200);
  return res.json<HealthBook>();
};
const retract = (maLk: string) =>
  hub.app.inject({ method: "POST", url: `/api/checkups/${maLk}/retract`, headers: bearer(hub.token), payload: { reason: "nhầm người bệnh" } });

beforeAll(async () => {
  hub = await createTestHub();
  token = await citizenToken(hub, AN);
  await pushAll(hub, [
    checkupOn("2024-11-12", { sbp: "128" }),
    checkupOn("2025-11-18", {
      sbp: "165",
      dbp: "95",
      glucose: "6.3",
      cholesterol: "6.5",
      overrides: {
        conditions: [
          { icd10: "I10", text: "Tăng huyết áp vô căn", kind: "diagnosis", path: "HOSO[0]/XML12/KET_LUAN_BENH" },
          { icd10: "Z88.0", text: "Dị ứng penicillin", kind: "personal-history", path: "HOSO[0]/XML9/TSBT_MA_BENH" },
          { icd10: "E11", text: "Đái tháo đường típ 2", kind: "family-history", path: "HOSO[0]/XML9/TSGD_MA_BENH" },
        ],
      },
    }),
    checkupOn("2026-11-19", { sbp: "135" }),
  ]);
});
afterAll(async () => hub.close());

describe("the health book", () => {
  it("lists every check-up newest first, with facility, date, type, health class", async () => {
    const b = await book();
    expect(b.checkups.map((c) => c.exam_date)).toEqual(["2026-11-19", "2025-11-18", "2024-11-12"]);
    const latest = b.checkups[0]!;
    expect(latest.facility).toEqual({ code: "01013", name: expect.stringContaining("01013") });
    expect(latest.exam_time_vi).toBe("19/11/2026 08:30");
    expect(latest.type).toMatchObject({ form: "Adult", vi: expect.any(String), en: "Adult check-up" });
    expect(latest.conclusion.health_class).toMatchObject({ code: "2", roman: "II", vi: "Loại II – Khỏe" });
    expect(b.person).toMatchObject({ personal_id: AN, full_name: "Nguyễn Văn An", birth_date_vi: "12/05/1990", sex: { vi: "Nam" } });
  });

  it("gives each measure in its canonical unit with the person's reference range and flags", async () => {
    const b = await book();
    const y2025 = b.checkups[1]!;
    const sbp = y2025.measures.find((m) => m.key === "bp_systolic")!;
    expect(sbp).toMatchObject({ value: 165, unit: "mm[Hg]", unit_display: "mmHg", interpretation: "HH", abnormal: true });
    expect(sbp.flags).toEqual(expect.arrayContaining(["hypertension_sbp", "hypertension_grade2_sbp"]));
    expect(sbp.reference_range).toEqual({ low: 90, high: 139, unit: "mm[Hg]", text: "90–139 mmHg" });
    const chol = y2025.measures.find((m) => m.key === "cholesterol_total")!;
    expect(chol.reference_range).toMatchObject({ low: null, high: 5.17, text: "≤ 5.17 mmol/L" });
  });

  it("explains what is abnormal in plain words, in Vietnamese and English, one sentence per result", async () => {
    const b = await book();
    const texts = b.checkups[1]!.abnormal;
    const glucose = texts.find((t) => t.key === "glucose_fasting")!;
    expect(glucose.vi).toBe("Glucose máu lúc đói 6,3 mmol/L: Rối loạn glucose máu lúc đói / tiền đái tháo đường (ADA). Mức bình thường: 3,9–5,5 mmol/L.");
    expect(glucose.en).toMatch(/^Fasting plasma glucose 6.3 mmol\/L: Impaired fasting glucose.*Normal: 3.9–5.5 mmol\/L\.$/);
    expect(texts.find((t) => t.key === "bp_systolic")!.vi).toMatch(/Tăng huyết áp độ 2/);
    expect(b.checkups[2]!.abnormal).toEqual([]);
  });

  it("puts the latest check-up at a glance", async () => {
    const b = await book();
    expect(b.at_a_glance).toMatchObject({ exam_date: "2026-11-19", exam_date_vi: "19/11/2026", health_class: { code: "2" } });
    expect(b.at_a_glance!.key_measures.map((m) => m.key)).toEqual(expect.arrayContaining(["bp_systolic", "bmi", "glucose_fasting", "cholesterol_total"]));
  });

  it("keeps history: diseases, allergies where an ICD-10 code says so, and active problems", async () => {
    const b = await book();
    expect(b.history.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ icd10: "Z88.0", kind: "personal-history", first_seen: "2025-11-18" }),
        expect.objectContaining({ icd10: "E11", kind: "family-history" }),
      ]),
    );
    expect(b.history.allergies).toEqual([expect.objectContaining({ icd10: "Z88.0", text: "Dị ứng penicillin" })]);
    // I10 was diagnosed in 2025, not in the latest check-up: not active; the allergy history is.
    expect(b.active_problems.map((p) => p.icd10)).toEqual(["Z88.0"]);
    expect(b.checkups[1]!.diagnoses).toEqual([{ icd10: "I10", text: "Tăng huyết áp vô căn" }]);
  });

  it("summary holds only the latest check-up", async () => {
    const b = await book("?scope=summary");
    expect(b.scope).toBe("summary");
    expect(b.checkups.map((c) => c.exam_date)).toEqual(["2026-11-19"]);
  });

  it("draws trends oldest first with the normal band", async () => {
    const res = await hub.app.inject({ url: `/api/citizen/books/${AN}/trends/bp`, headers: bearer(token) });
    const t = res.json<{ series: { key: string; band: unknown; points: { date: string; value: number }[] }[] }>();
    expect(t.series.map((s) => s.key)).toEqual(["bp_systolic", "bp_diastolic"]);
    expect(t.series[0]!.points.map((p) => [p.date, p.value])).toEqual([["2024-11-12", 128], ["2025-11-18", 165], ["2026-11-19", 135]]);
    expect(t.series[0]!.band).toEqual({ low: 90, high: 139, unit: "mm[Hg]" });
    for (const key of ["bmi", "glucose_fasting", "cholesterol_total"]) {
      const r = await hub.app.inject({ url: `/api/citizen/books/${AN}/trends/${key}`, headers: bearer(token) });
      expect(r.json<{ series: { points: unknown[] }[] }>().series[0]!.points).toHaveLength(3);
    }
    const bad = await hub.app.inject({ url: `/api/citizen/books/${AN}/trends/weight_of_soul`, headers: bearer(token) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issue[0].details.coding[0].code).toBe("HEALTHBOOK-TREND-KEY");
  });
});

describe("corrections, retractions and identity review", () => {
  it("shows a corrected check-up once, as its newest version, and forgets the old id", async () => {
    const before = await book();
    const oldId = before.checkups[0]!.checkup_id;
    await pushAll(hub, [checkupOn("2026-11-19", { sbp: "142" })]);
    const after = await book();
    expect(after.checkups).toHaveLength(3);
    const fixed = after.checkups[0]!;
    expect(fixed).toMatchObject({ exam_date: "2026-11-19", version: 2, corrected: true });
    expect(fixed.measures.find((m) => m.key === "bp_systolic")!.value).toBe(142);
    const old = await hub.app.inject({ url: `/api/citizen/books/${AN}/checkups/${oldId}`, headers: bearer(token) });
    expect(old.statusCode).toBe(404);
    const now = await hub.app.inject({ url: `/api/citizen/books/${AN}/checkups/${fixed.checkup_id}`, headers: bearer(token) });
    expect(now.json()).toMatchObject({ checkup_id: fixed.checkup_id, corrected: true });
    const trend = await hub.app.inject({ url: `/api/citizen/books/${AN}/trends/bp_systolic`, headers: bearer(token) });
    expect(trend.json().series[0].points.map((p: { value: number }) => p.value)).toEqual([128, 165, 142]);
  });

  it("drops a retracted check-up from the book and its trends", async () => {
    expect((await retract("LK20241112")).statusCode).toBe(200);
    const b = await book();
    expect(b.checkups.map((c) => c.exam_date)).toEqual(["2026-11-19", "2025-11-18"]);
    const trend = await hub.app.inject({ url: `/api/citizen/books/${AN}/trends/bp_systolic`, headers: bearer(token) });
    expect(trend.json().series[0].points).toHaveLength(2);
  });

  it("does not show a record waiting for identity review, even with the citizen's ID on it", async () => {
    const reply = await push(hub, envelope([checkupOn("2026-11-10", { maLk: "LK-REVIEW", overrides: { patient: { fullName: "Phạm Thị Hoa", sex: "2" } } })]));
    expect(reply.data.records[0]!.outcome).toBe("review");
    const b = await book();
    expect(b.checkups.map((c) => c.exam_date)).not.toContain("2026-11-10");
  });
});

describe("a book read again", () => {
  it("shows a registry change at once (the cached copy is checked on every read)", async () => {
    expect((await book()).person.address).toMatch(/^Số 1 phố Mẫu/);
    await hub.deps.db.query({ text: "UPDATE registry_persons SET address = 'Số 9 phố Khác', updated_at = now() + interval '1 second' WHERE personal_id = $1", values: [AN] });
    expect((await book()).person.address).toBe("Số 9 phố Khác");
  });
});

describe("a child's book", () => {
  it("leaves adult reference ranges out", async () => {
    await pushAll(hub, [buildMinorCheckup({ maLk: "LK-BINH-1", examTime: moment("2026-11-18T09:00") })]);
    const res = await hub.app.inject({ url: `/api/citizen/books/${BINH}`, headers: bearer(await citizenToken(hub, BINH)) });
    const b = res.json<HealthBook>();
    const bmi = b.checkups[0]!.measures.find((m) => m.key === "bmi")!;
    expect(bmi.reference_range).toBeNull();
    expect(b.checkups[0]!.type.form).toBe("Minor");
    expect(b.person.legal_representative).toMatchObject({ full_name: "Trần Văn Cường" });
  });
});
