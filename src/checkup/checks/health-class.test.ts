import { describe, expect, it } from "vitest";
import { createChecker } from "../check.ts";
import { buildCheckup, CHECK_CTX, type CheckupOverrides } from "../../../test/factories/checkup.ts";

const check = createChecker();
const found = (o: CheckupOverrides) => check(buildCheckup(o), CHECK_CTX).findings.map((f) => `${f.severity} ${f.code} ${f.path}`);
const exam = (healthClass: string) => ({ specialty: "mat", result: null, healthClass, doctor: null, path: "HOSO[0]/XML7/MAT_PL" });

describe("health class", () => {
  it.each(["0", "6", "II", "1.5"])("rejects PHAN_LOAI_SK %j", (healthClass) => {
    expect(found({ conclusion: { healthClass } })).toEqual(["error KSK-HEALTH-CLASS-INVALID HOSO[0]/XML12/PHAN_LOAI_SK"]);
  });

  it("rejects a specialty class outside 1–5", () => {
    expect(found({ exams: [exam("7")] })).toEqual(["error KSK-HEALTH-CLASS-INVALID HOSO[0]/XML7/MAT_PL"]);
  });

  it("warns when the overall class is better than the worst specialty class", () => {
    expect(found({ exams: [exam("3")], conclusion: { healthClass: "2" } })).toEqual(["warning KSK-HEALTH-CLASS HOSO[0]/XML12/PHAN_LOAI_SK"]);
    expect(found({ exams: [exam("3")], conclusion: { healthClass: "3" } })).toEqual([]);
  });
});
