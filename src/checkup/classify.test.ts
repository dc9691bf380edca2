import { describe, expect, it } from "vitest";
import { abnormalFindings } from "./classify.ts";
import { createChecker } from "./check.ts";
import { buildCheckup, buildObservation, CHECK_CTX } from "../../test/factories/checkup.ts";

const check = createChecker();

describe("abnormalFindings", () => {
  it("lists each fired rule with its meaning, for follow-up", () => {
    const r = buildCheckup({
      observations: [
        buildObservation({ name: "Glucose", valueRaw: "7.5", unitRaw: "mmol/L", path: "HOSO[0]/XML11/CHI_TIET_CLS[0]" }),
        buildObservation({ name: "Huyết áp", valueRaw: "165/85", path: "HOSO[0]/XML10/HUYET_AP" }),
        buildObservation({ name: "HDL-C", valueRaw: "1.7", unitRaw: "mmol/L", path: "HOSO[0]/XML11/CHI_TIET_CLS[1]" }),
      ],
    });
    const found = abnormalFindings(check(r, CHECK_CTX).record);
    expect(found.map((f) => `${f.key}|${f.ruleId}|${f.interpretation}`)).toEqual([
      "glucose_fasting|diabetes_fpg|H",
      "bp_panel|hypertension|H",
      "bp_panel|hypertension_sbp|H",
      "bp_panel|hypertension_grade2_sbp|HH",
    ]);
    expect(found[0]).toMatchObject({ path: "HOSO[0]/XML11/CHI_TIET_CLS[0]" });
    expect(found[0]?.meaningVi).not.toBe("");
    expect(found[0]?.meaningEn).not.toBe("");
  });

  it("is empty for a check-up without abnormal results", () => {
    expect(abnormalFindings(check(buildCheckup(), CHECK_CTX).record)).toEqual([]);
  });
});
