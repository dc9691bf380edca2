import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHub, type TestHub } from "../../test/hub.ts";
import { AN, checkupOn, pushAll } from "./test-kit.ts";
import { readCheckup, readCheckups } from "./book-repo.ts";

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
  // Two envelopes: an envelope's CHUKYDONVI signs every record in it.
  await pushAll(hub, [checkupOn("2026-11-19", { maLk: "SIGNED", overrides: { signatures: { CKS_NGUOI_KET_LUAN: "MIIBsigned" } } })]);
  await pushAll(hub, [checkupOn("2025-11-18", { maLk: "UNSIGNED" })]);
});
afterAll(async () => hub.close());

describe("the book's check-ups as read from the stored records", () => {
  it("keeps only what the book shows, and whether the concluding doctor signed", async () => {
    const rows = await readCheckups(hub.deps.db, AN);
    expect(rows.map((r) => [r.exam_date, r.doctor_signed])).toEqual([["2026-11-19", true], ["2025-11-18", false]]);
    for (const r of rows) {
      expect(Object.keys(r.record).sort()).toEqual(
        ["conclusion", "conditions", "examTime", "exams", "formType", "guardians", "observations", "patient", "reason", "visitType"]);
      // The raw blocks and the signatures themselves stay in the database.
      expect(JSON.stringify(r)).not.toMatch(/MIIBsigned|"blocks"|"signatures"/);
    }
    expect(rows[0]!.record.patient.fullName).toBe("Nguyễn Văn An");
    expect(rows[0]!.record.observations.length).toBeGreaterThan(5);
    const one = await readCheckup(hub.deps.db, AN, rows[1]!.checkup_id);
    expect(one).toEqual(rows[1]);
  });
});
