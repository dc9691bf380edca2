import { describe, expect, it } from "vitest";
import { createChecker } from "../check.ts";
import { buildCheckup, buildMinorCheckup, CHECK_CTX } from "../../../test/factories/checkup.ts";

const check = createChecker();
const found = (r: Parameters<typeof check>[0]) => check(r, CHECK_CTX).findings.map((f) => `${f.severity} ${f.code} ${f.path}`);
const ID = "HOSO[0]/XML1/SO_CCCD";

describe("personal ID (warnings only)", () => {
  it("warns on a blank ID", () => {
    expect(found(buildCheckup({ patient: { personalId: null } }))).toEqual([`warning KSK-ID-MISSING ${ID}`]);
  });

  it("warns when digit 4 disagrees with GIOI_TINH", () => {
    expect(found(buildCheckup({ patient: { sex: "2" } }))).toEqual([`warning KSK-ID-SEX-MISMATCH ${ID}`]);
  });

  it("warns when the birth year disagrees", () => {
    expect(found(buildCheckup({ patient: { personalId: "001091012345" } }))).toEqual([`warning KSK-ID-BIRTHYEAR-MISMATCH ${ID}`]);
  });

  it("warns on an unknown prefix", () => {
    expect(found(buildCheckup({ patient: { personalId: "003090012345" } }))).toEqual([`warning KSK-ID-PREFIX-UNKNOWN ${ID}`]);
  });

  it("accepts an old ID card or a passport without comment", () => {
    expect(found(buildCheckup({ patient: { personalId: "123456789" } }))).toEqual([]);
    expect(found(buildCheckup({ patient: { personalId: "C1234567" } }))).toEqual([]);
  });

  it("warns on something that is no ID at all, and on a guardian's", () => {
    expect(found(buildCheckup({ patient: { personalId: "12-34" } }))).toEqual([`warning KSK-ID-FORMAT ${ID}`]);
    const minor = buildMinorCheckup({ guardians: [{ kind: "guardian", fullName: "X", personalId: "abc", relationship: null, phone: null }] });
    expect(found(minor)).toEqual(["warning KSK-ID-FORMAT HOSO[0]/XML1/SO_CCCD_NGH"]);
  });

  it("never puts the number in the message", () => {
    const { findings } = check(buildCheckup({ patient: { sex: "2" } }), CHECK_CTX);
    expect(JSON.stringify(findings)).not.toContain("001090012345");
  });
});
