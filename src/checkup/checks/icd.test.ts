import { describe, expect, it } from "vitest";
import { createChecker } from "../check.ts";
import type { Condition } from "../model.ts";
import { buildCheckup, CHECK_CTX } from "../../../test/factories/checkup.ts";

const check = createChecker();
const found = (...conditions: Condition[]) =>
  check(buildCheckup({ conditions }), CHECK_CTX).findings.map((f) => `${f.severity} ${f.code} ${f.path}`);
const dx = (icd10: string, kind: Condition["kind"] = "diagnosis"): Condition => ({ icd10, text: null, kind, path: "HOSO[0]/XML12/KET_LUAN_BENH[0]" });

describe("ICD-10 shape", () => {
  it.each(["E11", "E11.9", "E119", "I10", "J45.909", "U07.1"])("accepts %s", (code) => {
    expect(found(dx(code))).toEqual([]);
  });

  it.each(["tiểu đường", "E1", "11.9", "E11.", "E11.12345"])("rejects the diagnosis %j", (code) => {
    expect(found(dx(code))).toEqual(["error KSK-ICD-FORMAT HOSO[0]/XML12/KET_LUAN_BENH[0]"]);
  });

  it("only warns on a malformed history code", () => {
    expect(found(dx("tăng huyết áp", "family-history"))).toEqual(["warning KSK-ICD-FORMAT HOSO[0]/XML12/KET_LUAN_BENH[0]"]);
  });
});
