import { describe, expect, it } from "vitest";
import { createChecker } from "../check.ts";
import { emptyPerson } from "../model.ts";
import { buildCheckup, buildChildCheckup, buildMinorCheckup, CHECK_CTX, type CheckupOverrides } from "../../../test/factories/checkup.ts";

const check = createChecker();
const required = (r: Parameters<typeof check>[0]) =>
  check(r, CHECK_CTX).findings.filter((f) => f.code === "KSK-REQUIRED").map((f) => `${f.severity} ${f.path}`);

describe("required fields", () => {
  it.each<[string, CheckupOverrides]>([
    ["HOSO[0]/XML1/HO_TEN", { patient: { fullName: " " } }],
    ["HOSO[0]/XML1/NGAY_SINH", { patient: { birthDate: null }, blocks: {} }],
    ["HOSO[0]/XML1/GIOI_TINH", { patient: { sex: null } }],
    ["HOSO[0]/XML2/MA_LK", { maLk: null }],
    ["HOSO[0]/XML2/NGAY_VAO", { examTime: null, blocks: {} }],
    ["HOSO[0]/XML2/MA_CSKCB", { facilityCode: null, facilityGln: "" }],
    ["HOSO[0]/XML2/DOI_TUONG", { targetGroups: [""] }],
    ["HOSO[0]/XML2/NGUON_CHI_TRA", { fundingSource: null }],
    ["HOSO[0]/XML1/LY_DO_VV", { reason: null }],
    ["HOSO[0]/XML12/PHAN_LOAI_SK", { conclusion: { healthClass: null } }],
  ])("an adult without %s is rejected", (path, overrides) => {
    expect(required(buildCheckup(overrides))).toEqual([`error ${path}`]);
  });

  it("accepts the GLN alone as the facility", () => {
    expect(required(buildCheckup({ facilityCode: null }))).toEqual([]);
  });

  it("a minor needs PHAN_LOAI_SK but no guardian", () => {
    expect(required(buildMinorCheckup({ guardians: [] }))).toEqual([]);
    expect(required(buildMinorCheckup({ conclusion: { healthClass: null } }))).toEqual(["error HOSO[0]/XML12/PHAN_LOAI_SK"]);
  });

  it("a child under 6 needs a guardian's name but no PHAN_LOAI_SK", () => {
    expect(required(buildChildCheckup())).toEqual([]);
    expect(required(buildChildCheckup({ guardians: [{ kind: "guardian", fullName: null, personalId: null, relationship: null, phone: null }] }))).toEqual([
      "error HOSO[0]/XML1/HO_TEN_NGUOI_DI_CUNG",
    ]);
  });

  it("derives the age group from the birth date when TYPE is missing", () => {
    expect(required(buildChildCheckup({ ageGroup: null, formType: null, guardians: [] }))).toEqual(["error HOSO[0]/XML1/HO_TEN_NGUOI_DI_CUNG"]);
  });

  it("reports a badly formatted date as a format error, not as missing", () => {
    const r = buildCheckup({ patient: { birthDate: null }, blocks: { XML1: { NGAY_SINH: "12/05/1990" } } });
    expect(required(r)).toEqual([]);
  });

  it("reports every missing field at once", () => {
    const r = buildCheckup({ patient: emptyPerson(), maLk: null, reason: null, blocks: {} });
    expect(required(r)).toHaveLength(5);
  });
});
