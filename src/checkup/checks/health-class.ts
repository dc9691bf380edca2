/**
 * Health classification (standards.md §5.3; QĐ 1613/BYT-QĐ): `PHAN_LOAI_SK` and every specialty
 * `…_PL` are 1–5 (Loại I–V); anything else is an error. The overall class is the worst of the
 * individual criteria, so an overall class better than the worst specialty class is a warning
 * (the criteria tables themselves are unverified, §10 item 4).
 */
import { finding } from "../finding.ts";
import { fieldPath, itemPath, type Check } from "./context.ts";

const CLASS = /^[1-5]$/;

export const checkHealthClass: Check = ({ record }, out) => {
  const overall = record.conclusion.healthClass?.trim() || null;
  if (overall !== null && !CLASS.test(overall)) {
    out.push(finding("KSK-HEALTH-CLASS-INVALID", "error", fieldPath(record, "PHAN_LOAI_SK"),
      "PHAN_LOAI_SK phải là một chữ số từ 1 (Loại I) đến 5 (Loại V).",
      "PHAN_LOAI_SK must be one digit from 1 (class I) to 5 (class V)."));
  }
  let worst = 0;
  for (const exam of record.exams) {
    const cls = exam.healthClass?.trim() || null;
    if (cls === null) continue;
    if (!CLASS.test(cls)) {
      out.push(finding("KSK-HEALTH-CLASS-INVALID", "error", itemPath(record, exam),
        "Phân loại chuyên khoa phải là một chữ số từ 1 đến 5.", "A specialty class must be one digit from 1 to 5."));
      continue;
    }
    worst = Math.max(worst, Number(cls));
  }
  if (overall !== null && CLASS.test(overall) && Number(overall) < worst) {
    out.push(finding("KSK-HEALTH-CLASS", "warning", fieldPath(record, "PHAN_LOAI_SK"),
      "PHAN_LOAI_SK tốt hơn phân loại chuyên khoa kém nhất; phân loại chung phải là loại kém nhất.",
      "PHAN_LOAI_SK is better than the worst specialty class; the overall class must be the worst one."));
  }
};
