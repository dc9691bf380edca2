import { describe, expect, it } from "vitest";
import { createChecker } from "../check.ts";
import { buildCheckup, buildMinorCheckup, CHECK_CTX, moment } from "../../../test/factories/checkup.ts";

const check = createChecker();
const found = (r: Parameters<typeof check>[0]) => check(r, CHECK_CTX).findings.map((f) => `${f.severity} ${f.code} ${f.path}`);

describe("dates", () => {
  it("rejects a birth date the parser could not read", () => {
    const r = buildCheckup({ patient: { birthDate: null }, blocks: { XML1: { NGAY_SINH: "12/05/1990" } } });
    expect(found(r)).toContain("error KSK-DATE-FORMAT HOSO[0]/XML1/NGAY_SINH");
  });

  it("rejects an exam time the parser could not read", () => {
    const r = buildCheckup({ examTime: null, blocks: { XML2: { NGAY_VAO: "2026-13-45 25:00" } } });
    expect(found(r)).toContain("error KSK-DATE-FORMAT HOSO[0]/XML2/NGAY_VAO");
  });

  it("warns when NGAY_VAO was read but is not the 12 digits validators require", () => {
    const r = buildCheckup({ examTime: moment("2026-11-20", "2026-11-20") });
    expect(found(r)).toContain("warning KSK-DATE-FORMAT HOSO[0]/XML2/NGAY_VAO");
  });

  it("warns on an unreadable ID issue date", () => {
    expect(found(buildCheckup({ patient: { idIssueDate: "5/6/2021" } }))).toContain("warning KSK-DATE-FORMAT HOSO[0]/XML1/NGAYCAP_CCCD");
    expect(found(buildCheckup({ patient: { idIssueDate: "20210605" } }))).toEqual([]);
  });

  it("rejects a birth after the exam or more than 120 years before it", () => {
    expect(found(buildCheckup({ patient: { birthDate: moment("2027-01-01") } }))).toContain(
      "error KSK-BIRTHDATE-IMPLAUSIBLE HOSO[0]/XML1/NGAY_SINH",
    );
    expect(found(buildCheckup({ patient: { birthDate: moment("1890-01-01") } }))).toContain(
      "error KSK-BIRTHDATE-IMPLAUSIBLE HOSO[0]/XML1/NGAY_SINH",
    );
  });

  it("warns when the form does not fit the age", () => {
    expect(found(buildMinorCheckup({ patient: { birthDate: moment("1990-05-12") } }))).toContain(
      "warning KSK-AGE-GROUP-MISMATCH HOSO[0]/XML2/TYPE",
    );
  });

  it("does not compare the form with a year-only birth date or a driver form", () => {
    const yearOnly = { raw: "199000000000", iso: "1990-01-01", precision: "year" as const };
    expect(found(buildMinorCheckup({ patient: { birthDate: yearOnly } }))).not.toContainEqual(expect.stringContaining("AGE-GROUP"));
    expect(found(buildCheckup({ formType: "Driver", ageGroup: "minor_6_18" }))).not.toContainEqual(expect.stringContaining("AGE-GROUP"));
  });
});
