/**
 * "Sạch" (clean): field sizes and code shapes. The QĐ 2062 annex sizes are not public yet
 * (standards.md §10 item 2), so sizes follow the 3176 tables the KSK blocks mirror (§4.3 XML1,
 * §4.4 XML4 for `CHI_TIET_CLS`), plus `MA_LOAI_KCB` ≤ 2 that a provincial hub enforces (§5.9) and
 * the facility identifiers of §7.1. Too long is an error (the receiving database and the
 * national hub refuse it); a code that lost a leading zero or has the wrong shape is a warning.
 */
import { finding } from "../finding.ts";
import type { CheckupRecord, Observation } from "../model.ts";
import { fieldPath, itemPath, type Check } from "./context.ts";

const RECORD_SIZES: readonly [field: string, max: number, get: (r: CheckupRecord) => string | null][] = [
  ["MA_LK", 100, (r) => r.maLk],
  ["HO_TEN", 255, (r) => r.patient.fullName],
  ["DIA_CHI", 1024, (r) => r.patient.address],
  ["DIEN_THOAI", 15, (r) => r.patient.phone],
  ["NHOM_MAU", 5, (r) => r.patient.bloodGroup],
  ["MATINH_CU_TRU", 3, (r) => r.patient.provinceCode],
  ["MAXA_CU_TRU", 5, (r) => r.patient.communeCode],
  ["MA_CSKCB", 5, (r) => r.facilityCode],
  ["MA_GTIN_CSKCB", 13, (r) => r.facilityGln],
  ["MA_LOAI_KCB", 2, (r) => r.visitType],
];

const OBSERVATION_SIZES: readonly [field: string, max: number, get: (o: Observation) => string | null][] = [
  ["MA_DICH_VU", 50, (o) => o.serviceCode],
  ["MA_CHI_SO", 255, (o) => o.localCode],
  ["TEN_CHI_SO", 255, (o) => o.name],
  ["GIA_TRI", 255, (o) => o.valueRaw],
  ["DON_VI_DO", 50, (o) => o.unitRaw],
];

const tooLong = (path: string, field: string, length: number, max: number) =>
  finding("KSK-FIELD-TOO-LONG", "error", path,
    `${field} dài ${length} ký tự, vượt quá tối đa ${max}.`, `${field} is ${length} characters long, more than the maximum ${max}.`);

const codeFormat = (path: string, field: string, vi: string, en: string) =>
  finding("KSK-CODE-FORMAT", "warning", path, `${field} ${vi}`, `${field} ${en}`);

export const checkSizes: Check = ({ record }, out) => {
  for (const [field, max, get] of RECORD_SIZES) {
    const v = get(record);
    if (v !== null && v.length > max) out.push(tooLong(fieldPath(record, field), field, v.length, max));
  }
  for (const o of record.observations) {
    for (const [field, max, get] of OBSERVATION_SIZES) {
      const v = get(o);
      if (v !== null && v.length > max) out.push(tooLong(itemPath(record, o), field, v.length, max));
    }
  }
  // Codes are strings that keep their leading zeros (standards.md §1 item 8, §4.1).
  const visit = record.visitType?.trim();
  if (visit && /^\d$/.test(visit)) {
    out.push(codeFormat(fieldPath(record, "MA_LOAI_KCB"), "MA_LOAI_KCB",
      "thiếu số 0 đầu; mã là chuỗi 2 chữ số (ví dụ \"01\", \"15\").", "lost its leading zero; codes are 2-digit strings (e.g. \"01\", \"15\")."));
  }
  const code = record.facilityCode?.trim();
  if (code && code.length <= 5 && !/^[0-9A-Z]{5}$/.test(code)) {
    out.push(codeFormat(fieldPath(record, "MA_CSKCB"), "MA_CSKCB",
      "phải gồm 5 ký tự (2 chữ số mã tỉnh + 3 ký tự).", "must be 5 characters (2-digit province code + 3)."));
  }
  const gln = record.facilityGln?.trim();
  if (gln && gln.length <= 13 && !/^\d{13}$/.test(gln)) {
    out.push(codeFormat(fieldPath(record, "MA_GTIN_CSKCB"), "MA_GTIN_CSKCB", "phải gồm 13 chữ số.", "must be 13 digits."));
  }
};
