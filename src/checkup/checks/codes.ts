/**
 * Coded fields against their lists ("đúng"):
 * - `GIOI_TINH` 1, 2, 3 (standards.md §4.7) — error;
 * - `DOI_TUONG` codes 1–20: QĐ 1551 has 14, codes up to 20 are seen since QĐ 2062 (§5.7 row 8);
 *   others are kept with a warning;
 * - `NGUON_CHI_TRA` 1–5 or 9, the list a validator accepts (§5.9) — error;
 * - `MA_DAN_TOC` a 2-character code of ethnicities.json; blank, `0`/`00` or unknown are reported
 *   as warnings (reference/README.md "ethnicities.json");
 * - `NHOM_MAU` one of the vendor catalogue values (§4.7) — warning.
 */
import { finding } from "../finding.ts";
import { fieldPath, type Check } from "./context.ts";

const SEXES = new Set(["1", "2", "3"]);
const FUNDING = new Set(["1", "2", "3", "4", "5", "9"]);
const TARGET_GROUP = /^0?([1-9]|1\d|20)$/;
const BLOOD_GROUPS = new Set(
  ["A", "B", "AB", "O"].flatMap((g) => [g, `${g}+`, `${g}-`]).concat(["Rh", "Rh+", "Rh-"]),
);

export const checkCodes: Check = ({ record, idx }, out) => {
  const p = record.patient;
  const sex = p.sex?.trim();
  if (sex && !SEXES.has(sex)) {
    out.push(finding("KSK-SEX-INVALID", "error", fieldPath(record, "GIOI_TINH"),
      "GIOI_TINH phải là 1 (nam), 2 (nữ) hoặc 3 (chưa xác định).",
      "GIOI_TINH must be 1 (male), 2 (female) or 3 (undetermined)."));
  }
  const unknownGroups = record.targetGroups.map((g) => g.trim()).filter((g) => g !== "" && !TARGET_GROUP.test(g));
  if (unknownGroups.length > 0) {
    out.push(finding("KSK-TARGET-GROUP-UNKNOWN", "warning", fieldPath(record, "DOI_TUONG"),
      `DOI_TUONG có ${unknownGroups.length} mã ngoài danh mục 1–20; mã được giữ nguyên.`,
      `DOI_TUONG holds ${unknownGroups.length} code(s) outside the 1–20 list; they are kept.`));
  }
  const funding = record.fundingSource?.trim();
  if (funding && !FUNDING.has(funding)) {
    out.push(finding("KSK-FUNDING-SOURCE-UNKNOWN", "error", fieldPath(record, "NGUON_CHI_TRA"),
      "NGUON_CHI_TRA phải là một trong các mã 1, 2, 3, 4, 5, 9.",
      "NGUON_CHI_TRA must be one of 1, 2, 3, 4, 5, 9."));
  }
  checkEthnicity(p.ethnicity?.trim() ?? "", idx.ethnicities, fieldPath(record, "MA_DAN_TOC"), out);
  const blood = p.bloodGroup?.trim().replace(/\u2212/g, "-");
  if (blood && !BLOOD_GROUPS.has(blood)) {
    out.push(finding("KSK-BLOOD-GROUP-UNKNOWN", "warning", fieldPath(record, "NHOM_MAU"),
      "NHOM_MAU không thuộc danh mục (A, B, AB, O, có thể kèm Rh +/−).",
      "NHOM_MAU is not in the list (A, B, AB, O, optionally with Rh +/−)."));
  }
};

function checkEthnicity(code: string, known: ReadonlySet<string>, path: string, out: Parameters<Check>[1]): void {
  if (known.has(code)) return;
  const [vi, en] =
    code === "" || /^0+$/.test(code)
      ? ["Thiếu MA_DAN_TOC; dùng 56 (không rõ) khi chưa biết.", "MA_DAN_TOC is missing; send 56 (unknown) when not known."]
      : /^\d$/.test(code) && known.has(`0${code}`)
        ? ["MA_DAN_TOC thiếu số 0 đầu; mã là chuỗi 2 chữ số (ví dụ \"01\").", "MA_DAN_TOC lost its leading zero; codes are 2-digit strings (e.g. \"01\")."]
        : ["MA_DAN_TOC không có trong danh mục dân tộc 01–56.", "MA_DAN_TOC is not in the ethnicity list 01–56."];
  out.push(finding("KSK-ETHNICITY-UNKNOWN", "warning", path, vi, en));
}
