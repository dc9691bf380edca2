import { describe, expect, it } from "vitest";
import { createChecker } from "../check.ts";
import { buildCheckup, buildObservation, CHECK_CTX, vitals } from "../../../test/factories/checkup.ts";

const check = createChecker();
const found = (r: Parameters<typeof check>[0]) => check(r, CHECK_CTX).findings.map((f) => `${f.severity} ${f.code} ${f.path}`);

describe("BMI against height and weight", () => {
  it("accepts a BMI within 0.5 of weight / height²", () => {
    expect(found(buildCheckup({ observations: vitals("170", "65", "22.9") }))).toEqual([]);
  });

  it("warns when it is further off", () => {
    expect(found(buildCheckup({ observations: vitals("170", "65", "23.1") }))).toEqual([
      "warning KSK-BMI-INCONSISTENT HOSO[0]/XML10/CHI_SO_BMI",
    ]);
  });

  it("does not compare with an implausible height", () => {
    const codes = found(buildCheckup({ observations: vitals("1.7", "65", "30") }));
    expect(codes.some((c) => c.includes("BMI-INCONSISTENT"))).toBe(false);
  });
});

describe("systolic above diastolic", () => {
  it("rejects a panel read the wrong way round", () => {
    const obs = buildObservation({ name: "Huyết áp", valueRaw: "80/120", path: "HOSO[0]/XML10/HUYET_AP" });
    expect(found(buildCheckup({ observations: [obs] }))).toEqual(["error KSK-BP-ORDER HOSO[0]/XML10/HUYET_AP"]);
  });

  it("rejects separate readings the wrong way round", () => {
    const observations = [
      buildObservation({ name: "HA tâm thu", valueRaw: "70", path: "HOSO[0]/XML11/CHI_TIET_CLS[0]" }),
      buildObservation({ name: "HA tâm trương", valueRaw: "90", path: "HOSO[0]/XML11/CHI_TIET_CLS[1]" }),
    ];
    expect(found(buildCheckup({ observations }))).toEqual(["error KSK-BP-ORDER HOSO[0]/XML11/CHI_TIET_CLS[0]"]);
  });
});
