/**
 * "Đúng" for dates: the parser turns `yyyymmddHHMM` (with `0000` parts), `yyyymmdd` and
 * `YYYY-MM-DD` into a `Moment` (standards.md §1 item 7, §5.7 row 7); a null Moment next to a
 * non-blank raw value in `record.blocks` means the format was wrong. Also: `NGAY_VAO` should be
 * the 12 digits validators require (§5.9), the birth date must come before the exam and within
 * 120 years, and the declared form (`TYPE`) should fit the age.
 */
import { finding } from "../finding.ts";
import type { AgeGroup } from "../model.ts";
import { ageGroupOf } from "../age.ts";
import { fieldPath, rawField, type Check } from "./context.ts";

const GROUP_VI: Readonly<Record<AgeGroup, string>> = {
  child_under_6: "trẻ dưới 6 tuổi",
  minor_6_18: "người từ 6 đến dưới 18 tuổi",
  adult: "người từ 18 tuổi",
};
const GROUP_EN: Readonly<Record<AgeGroup, string>> = {
  child_under_6: "child under 6",
  minor_6_18: "person aged 6 to under 18",
  adult: "adult",
};
const ID_ISSUE_DATE = /^(\d{8}|\d{12}|\d{4}-\d{2}-\d{2})$/;

export const checkDates: Check = ({ record, age }, out) => {
  const bad = (field: string, vi: string, en: string) =>
    out.push(finding("KSK-DATE-FORMAT", "error", fieldPath(record, field), vi, en));
  if (record.patient.birthDate === null && rawField(record, "NGAY_SINH") !== null) {
    bad("NGAY_SINH", "NGAY_SINH không đúng định dạng yyyymmddHHMM, yyyymmdd hoặc YYYY-MM-DD.", "NGAY_SINH is not in yyyymmddHHMM, yyyymmdd or YYYY-MM-DD format.");
  }
  const examRaw = rawField(record, "NGAY_VAO");
  if (record.examTime === null && examRaw !== null) {
    bad("NGAY_VAO", "NGAY_VAO không đúng định dạng yyyymmddHHMM.", "NGAY_VAO is not in yyyymmddHHMM format.");
  } else if (record.examTime && (record.format === "ksk" || record.format === "vss") && !/^\d{12}$/.test(record.examTime.raw)) {
    out.push(
      finding("KSK-DATE-FORMAT", "warning", fieldPath(record, "NGAY_VAO"),
        "NGAY_VAO nên gồm đủ 12 chữ số yyyymmddHHMM; đã đọc được nhưng bộ kiểm tra của cổng có thể từ chối.",
        "NGAY_VAO should be the 12 digits yyyymmddHHMM; it was read, but gateway validators may refuse it."),
    );
  }
  const issued = record.patient.idIssueDate?.trim();
  if (issued && !ID_ISSUE_DATE.test(issued)) {
    out.push(
      finding("KSK-DATE-FORMAT", "warning", fieldPath(record, "NGAYCAP_CCCD"),
        "NGAYCAP_CCCD không đúng định dạng yyyymmdd.", "NGAYCAP_CCCD is not in yyyymmdd format."),
    );
  }
  const birth = record.patient.birthDate;
  if (birth && record.examTime && (age === null || age > 120)) {
    out.push(
      finding("KSK-BIRTHDATE-IMPLAUSIBLE", "error", fieldPath(record, "NGAY_SINH"),
        "Ngày sinh sau ngày khám hoặc cách ngày khám hơn 120 năm.",
        "The date of birth is after the exam or more than 120 years before it."),
    );
  }
};

/**
 * The declared form (`TYPE` → ageGroup) should fit the age at the exam (QĐ 2062 §5.8). Only with a
 * full birth date: a year-only birth cannot place a child near a boundary. Driver forms are
 * adult forms and are not compared.
 */
export const checkAgeGroup: Check = ({ record, age }, out) => {
  const declared = record.ageGroup;
  const precise = record.patient.birthDate?.precision === "day" || record.patient.birthDate?.precision === "minute";
  if (!declared || age === null || !precise || record.formType === "Driver") return;
  const actual = ageGroupOf(age);
  if (actual === declared) return;
  out.push(
    finding("KSK-AGE-GROUP-MISMATCH", "warning", fieldPath(record, "TYPE"),
      `Mẫu khám dành cho ${GROUP_VI[declared]} nhưng tuổi tại ngày khám thuộc nhóm ${GROUP_VI[actual]}.`,
      `The form is for a ${GROUP_EN[declared]}, but the age at the exam makes this a ${GROUP_EN[actual]}.`),
  );
};
