/**
 * The personal ID against the record (standards.md §1 item 11, §6.1): always warnings, never
 * rejections — there is no check digit, numbers are re-issued and data-entry errors are common.
 * Messages never repeat the number.
 */
import { finding } from "../finding.ts";
import type { Guardian } from "../model.ts";
import { classifyPersonalId, type PersonalIdProblem } from "../../identity/personal-id.ts";
import { fieldPath, type Check } from "./context.ts";

const PROBLEMS: Readonly<Record<PersonalIdProblem, { code: string; vi: string; en: string }>> = {
  "prefix-unknown": {
    code: "KSK-ID-PREFIX-UNKNOWN",
    vi: "Ba chữ số đầu của số định danh không thuộc danh sách mã tỉnh nơi đăng ký khai sinh (TT 07/2016/TT-BCA).",
    en: "The first three digits of the personal ID are not a birth-registration province code (TT 07/2016/TT-BCA).",
  },
  "sex-mismatch": {
    code: "KSK-ID-SEX-MISMATCH",
    vi: "Chữ số thứ 4 của số định danh không khớp với GIOI_TINH (chẵn = nam, lẻ = nữ).",
    en: "Digit 4 of the personal ID disagrees with GIOI_TINH (even = male, odd = female).",
  },
  "birth-year-mismatch": {
    code: "KSK-ID-BIRTHYEAR-MISMATCH",
    vi: "Thế kỷ (chữ số thứ 4) hoặc năm sinh (chữ số 5–6) của số định danh không khớp với NGAY_SINH.",
    en: "The century (digit 4) or birth year (digits 5–6) of the personal ID disagrees with NGAY_SINH.",
  },
};

const GUARDIAN_ID_FIELD: Readonly<Record<Guardian["kind"], string>> = {
  accompanying: "SO_CCCD_NGUOI_DI_CUNG",
  guardian: "SO_CCCD_NGH",
};

export const checkPersonalId: Check = ({ record, idx }, out) => {
  const p = record.patient;
  const path = fieldPath(record, "SO_CCCD");
  const birthYear = p.birthDate ? Number(p.birthDate.iso.slice(0, 4)) : null;
  const info = classifyPersonalId(p.personalId, { birthYear, sex: p.sex }, idx.prefixes);
  if (info.kind === "blank") {
    out.push(finding("KSK-ID-MISSING", "warning", path,
      "Không có SO_CCCD; hồ sơ sẽ cần xác minh danh tính.", "SO_CCCD is blank; the record will need identity review."));
  } else if (info.kind === "other") {
    out.push(finding("KSK-ID-FORMAT", "warning", path,
      "SO_CCCD không phải số định danh 12 chữ số, CMND 9 chữ số hay số hộ chiếu.",
      "SO_CCCD is neither a 12-digit personal ID, a 9-digit ID card nor a passport number."));
  }
  for (const problem of info.problems) {
    const m = PROBLEMS[problem];
    out.push(finding(m.code, "warning", path, m.vi, m.en));
  }
  for (const g of record.guardians) {
    if (classifyPersonalId(g.personalId, {}, idx.prefixes).kind !== "other") continue;
    const field = GUARDIAN_ID_FIELD[g.kind];
    out.push(finding("KSK-ID-FORMAT", "warning", fieldPath(record, field),
      `${field} không phải số định danh 12 chữ số, CMND 9 chữ số hay số hộ chiếu.`,
      `${field} is neither a 12-digit personal ID, a 9-digit ID card nor a passport number.`));
  }
};
