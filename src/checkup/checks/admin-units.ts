/**
 * Residence codes against the administrative units in force since 2025-07-01 (standards.md §6.3,
 * reference/README.md "admin-units-2025.json"): `MATINH_CU_TRU` one of the 34 provinces,
 * `MAXA_CU_TRU` one of the 3,321 communes and inside that province. A failing code may be a
 * pre-2025 one (facilities with old catalogues): a warning, the code is kept and no new unit is
 * guessed. A blank commune is allowed (3176: "leave the commune blank if it has no code");
 * `MAHUYEN_CU_TRU` is never checked.
 */
import { finding } from "../finding.ts";
import { fieldPath, type Check } from "./context.ts";

/** The NSO conversion table's 06970 is a synonym of 06978 (Xã Ba Chẽ): meta.knownDiscrepancies. */
const SYNONYMS: Readonly<Record<string, string>> = { "06970": "06978" };

export const checkAdminUnits: Check = ({ record, idx }, out) => {
  const province = record.patient.provinceCode?.trim() || null;
  const communeRaw = record.patient.communeCode?.trim() || null;
  const provincePath = fieldPath(record, "MATINH_CU_TRU");
  const communePath = fieldPath(record, "MAXA_CU_TRU");

  if (province !== null && !idx.provinces.has(province)) {
    const padded = /^\d$/.test(province) && idx.provinces.has(province.padStart(2, "0"));
    out.push(
      finding("KSK-PROVINCE-UNKNOWN", "warning", provincePath,
        padded
          ? "MATINH_CU_TRU thiếu số 0 đầu; mã phải giữ dạng chuỗi 2 chữ số (ví dụ \"01\")."
          : "MATINH_CU_TRU không có trong danh mục tỉnh từ 01/07/2025 (có thể là mã cũ); mã được giữ nguyên.",
        padded
          ? "MATINH_CU_TRU lost its leading zero; codes are 2-digit strings (e.g. \"01\")."
          : "MATINH_CU_TRU is not a province in force since 2025-07-01 (perhaps a pre-2025 code); the code is kept."),
    );
  }
  if (communeRaw === null) return;
  const commune = SYNONYMS[communeRaw] ?? communeRaw;
  const communeProvince = idx.communes.get(commune);
  if (communeProvince === undefined) {
    out.push(
      finding("KSK-COMMUNE-UNKNOWN", "warning", communePath,
        "MAXA_CU_TRU không có trong danh mục xã từ 01/07/2025 (có thể là mã cũ); mã được giữ nguyên.",
        "MAXA_CU_TRU is not a commune in force since 2025-07-01 (perhaps a pre-2025 code); the code is kept."),
    );
  } else if (province !== null && idx.provinces.has(province) && communeProvince !== province) {
    out.push(
      finding("KSK-COMMUNE-PROVINCE-MISMATCH", "warning", communePath,
        "MAXA_CU_TRU không thuộc tỉnh ghi ở MATINH_CU_TRU.",
        "MAXA_CU_TRU does not belong to the province in MATINH_CU_TRU."),
    );
  }
};
