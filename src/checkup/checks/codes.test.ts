import { describe, expect, it } from "vitest";
import { createChecker } from "../check.ts";
import { buildCheckup, CHECK_CTX, type CheckupOverrides } from "../../../test/factories/checkup.ts";

const check = createChecker();
const found = (o: CheckupOverrides) => check(buildCheckup(o), CHECK_CTX).findings.map((f) => `${f.severity} ${f.code} ${f.path}`);

describe("coded fields", () => {
  it("rejects GIOI_TINH outside 1, 2, 3", () => {
    expect(found({ patient: { sex: "0", personalId: null } })).toContain("error KSK-SEX-INVALID HOSO[0]/XML1/GIOI_TINH");
    expect(found({ patient: { sex: "3" } })).toEqual([]);
  });

  it("accepts DOI_TUONG codes 1–20 and keeps others with a warning", () => {
    expect(found({ targetGroups: ["13", "17", "20"] })).toEqual([]);
    expect(found({ targetGroups: ["13", "21"] })).toEqual(["warning KSK-TARGET-GROUP-UNKNOWN HOSO[0]/XML2/DOI_TUONG"]);
  });

  it("rejects NGUON_CHI_TRA outside 1–5, 9", () => {
    expect(found({ fundingSource: "9" })).toEqual([]);
    expect(found({ fundingSource: "6" })).toEqual(["error KSK-FUNDING-SOURCE-UNKNOWN HOSO[0]/XML2/NGUON_CHI_TRA"]);
  });

  it.each([null, "00", "1", "57", "Kinh"])("warns on ethnicity %j", (ethnicity) => {
    expect(found({ patient: { ethnicity } })).toEqual(["warning KSK-ETHNICITY-UNKNOWN HOSO[0]/XML1/MA_DAN_TOC"]);
  });

  it("accepts 55 (foreigner) and 56 (unknown)", () => {
    expect(found({ patient: { ethnicity: "56" } })).toEqual([]);
  });

  it("warns on an unknown blood group", () => {
    expect(found({ patient: { bloodGroup: "AB−" } })).toEqual([]);
    expect(found({ patient: { bloodGroup: "C" } })).toEqual(["warning KSK-BLOOD-GROUP-UNKNOWN HOSO[0]/XML1/NHOM_MAU"]);
  });
});
