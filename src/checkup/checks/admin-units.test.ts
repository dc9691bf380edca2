import { describe, expect, it } from "vitest";
import { createChecker } from "../check.ts";
import { buildCheckup, CHECK_CTX } from "../../../test/factories/checkup.ts";

const check = createChecker();
const found = (r: Parameters<typeof check>[0]) => check(r, CHECK_CTX).findings.map((f) => `${f.severity} ${f.code} ${f.path}`);

describe("administrative units (2025 list, warnings)", () => {
  it("warns on a province that is not in force since 2025-07-01, keeping the code", () => {
    const r = buildCheckup({ patient: { provinceCode: "30", communeCode: null } }); // Hải Dương, merged into 31
    const { record, findings } = check(r, CHECK_CTX);
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(["warning KSK-PROVINCE-UNKNOWN"]);
    expect(record.patient.provinceCode).toBe("30");
  });

  it("says when a province code lost its leading zero", () => {
    const [f] = check(buildCheckup({ patient: { provinceCode: "1", communeCode: null } }), CHECK_CTX).findings;
    expect(f?.message.en).toContain("leading zero");
  });

  it("warns on an unknown commune", () => {
    expect(found(buildCheckup({ patient: { communeCode: "99999" } }))).toEqual(["warning KSK-COMMUNE-UNKNOWN HOSO[0]/XML1/MAXA_CU_TRU"]);
  });

  it("warns when the commune belongs to another province", () => {
    expect(found(buildCheckup({ patient: { provinceCode: "79" } }))).toEqual([
      "warning KSK-COMMUNE-PROVINCE-MISMATCH HOSO[0]/XML1/MAXA_CU_TRU",
    ]);
  });

  it("accepts a blank commune and the 06970 synonym of 06978 (Ba Chẽ)", () => {
    expect(found(buildCheckup({ patient: { communeCode: null } }))).toEqual([]);
    expect(found(buildCheckup({ patient: { provinceCode: "22", communeCode: "06970" } }))).toEqual([]);
  });
});
