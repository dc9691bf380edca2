import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkRecord, createChecker } from "./check.ts";
import { hasErrors } from "./finding.ts";
import { buildCheckup, buildChildCheckup, buildMinorCheckup, buildObservation, CHECK_CTX } from "../../test/factories/checkup.ts";

const check = createChecker();

describe("createChecker", () => {
  it.each([
    ["adult", buildCheckup],
    ["minor", buildMinorCheckup],
    ["child under 6", buildChildCheckup],
  ])("finds nothing wrong with a valid %s check-up", (_label, build) => {
    expect(check(build(), CHECK_CTX).findings).toEqual([]);
  });

  it("returns the record normalised, with interpretations and flags", () => {
    const r = buildCheckup({
      observations: [
        buildObservation({ name: "Glucose", valueRaw: "140", unitRaw: "mg/dL", path: "HOSO[0]/XML11/CHI_TIET_CLS[0]" }),
        buildObservation({ name: "Huyết áp", valueRaw: "150/95", path: "HOSO[0]/XML10/HUYET_AP" }),
      ],
    });
    const [glucose, bp] = check(r, CHECK_CTX).record.observations;
    expect(glucose).toMatchObject({ key: "glucose_fasting", unit: "mmol/L", interpretation: "H", flags: ["diabetes_fpg"] });
    expect(glucose?.value).toBeCloseTo(7.77, 2);
    expect(bp).toMatchObject({ key: "bp_panel", interpretation: "H" });
    expect(bp?.flags).toEqual(expect.arrayContaining(["hypertension", "hypertension_sbp", "hypertension_dbp"]));
  });

  it("does not interpret a value it rejected as a data-entry error", () => {
    const r = buildCheckup({ observations: [buildObservation({ name: "Glucose", valueRaw: "95", unitRaw: "mmol/L" })] });
    const { record, findings } = check(r, CHECK_CTX);
    expect(hasErrors(findings)).toBe(true);
    expect(record.observations[0]).toMatchObject({ interpretation: null, flags: [] });
  });

  it("applies adult rules by the age at the exam, and pregnancy from the urine test", () => {
    const hb = buildObservation({ name: "Hemoglobin", valueRaw: "115", unitRaw: "g/L", path: "HOSO[0]/XML11/CHI_TIET_CLS[0]" });
    const hcg = buildObservation({ name: "Test thử thai", valueRaw: "Dương tính", path: "HOSO[0]/XML11/CHI_TIET_CLS[1]" });
    const woman = { sex: "2", personalId: "001190012345" };
    expect(check(buildCheckup({ patient: woman, observations: [hb] }), CHECK_CTX).record.observations[0]?.flags).toEqual(["anaemia_female"]);
    const pregnant = check(buildCheckup({ patient: woman, observations: [hb, hcg] }), CHECK_CTX).record.observations;
    expect(pregnant.map((o) => o.flags)).toEqual([[], ["pregnant"]]);
  });

  it("leaves its input alone", () => {
    const r = buildCheckup({ conclusion: { healthClass: "9" } });
    const snapshot = structuredClone(r);
    check(r, CHECK_CTX);
    expect(r).toEqual(snapshot);
  });

  it("checkRecord gives the same answer as a checker of one's own", () => {
    const r = buildCheckup({ patient: { sex: "2" } });
    expect(checkRecord(r, CHECK_CTX)).toEqual(check(r, CHECK_CTX));
  });

  it("never throws, and never puts name, ID or phone in a finding, whatever the facility types", () => {
    const text = fc.option(fc.string({ maxLength: 30 }), { nil: null });
    fc.assert(
      fc.property(text, text, fc.string({ maxLength: 20 }), text, text, (valueRaw, unitRaw, name, sex, ethnicity) => {
        const r = buildCheckup({
          patient: { fullName: "Phạm Thị Zyx", personalId: "079188765432", phone: "0987654321", sex, ethnicity },
          observations: [buildObservation({ name, valueRaw, unitRaw }), ...buildCheckup().observations],
        });
        const out = JSON.stringify(check(r, CHECK_CTX).findings);
        return !out.includes("Zyx") && !out.includes("079188765432") && !out.includes("0987654321");
      }),
      { numRuns: 300 },
    );
  });

  it("does not echo free text the facility typed into units or codes", () => {
    const r = buildCheckup({
      targetGroups: ["Zyx Qwv"],
      observations: [buildObservation({ name: "Glucose", valueRaw: "5.1", unitRaw: "Zyx Qwv" })],
    });
    const { findings } = check(r, CHECK_CTX);
    expect(findings.map((f) => f.code).sort()).toEqual(["KSK-TARGET-GROUP-UNKNOWN", "KSK-UNIT-UNKNOWN"]);
    expect(JSON.stringify(findings)).not.toContain("Zyx");
  });
});

describe("required fields depend on the format", () => {
  it("does not ask an encounter file (GIAMDINHHS) for the check-up push's own fields", () => {
    const check = createChecker();
    const bare = { targetGroups: [], fundingSource: null, reason: null, conclusion: { healthClass: null } };
    const vss = check(buildCheckup({ ...bare, format: "vss" }), CHECK_CTX).findings.filter((f) => f.code === "KSK-REQUIRED");
    expect(vss).toEqual([]);
    const ksk = check(buildCheckup({ ...bare, format: "ksk" }), CHECK_CTX).findings.filter((f) => f.code === "KSK-REQUIRED");
    expect(ksk.map((f) => f.path.split("/").at(-1))).toEqual(["DOI_TUONG", "NGUON_CHI_TRA", "LY_DO_VV", "PHAN_LOAI_SK"]);
  });
});
