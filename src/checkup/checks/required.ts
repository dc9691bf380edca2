/**
 * "Đủ" (complete): fields a check-up must carry, by QĐ 2062 age group. An absent field is an
 * error (`KSK-REQUIRED`). A date sent in a bad format is not "absent": dates.ts reports it.
 *
 * | field | what | child < 6 | minor 6–18 | adult | basis |
 * |---|---|---|---|---|---|
 * | HO_TEN | full name | ✓ | ✓ | ✓ | QĐ 2062 XML1 |
 * | NGAY_SINH | birth date | ✓ | ✓ | ✓ | QĐ 2062 XML1; 3176 XML1 #6 |
 * | GIOI_TINH | sex | ✓ | ✓ | ✓ | 3176 XML1 #7 |
 * | MA_LK | check-up key | ✓ | ✓ | ✓ | QĐ 2062 XML2; standards.md §1 item 6 |
 * | NGAY_VAO | exam time | ✓ | ✓ | ✓ | validators require it (standards.md §5.9) |
 * | MA_CSKCB or MA_GTIN_CSKCB | facility | ✓ | ✓ | ✓ | QĐ 2062 XML2; §5.7 row 1 |
 * | DOI_TUONG | target group | ✓ | ✓ | ✓ | QĐ 2062 annex (standards.md §5.9) |
 * | NGUON_CHI_TRA | funding source | ✓ | ✓ | ✓ | QĐ 2062 annex (standards.md §5.9) |
 * | LY_DO_VV | reason for exam | ✓ | ✓ | ✓ | provincial hub rule (standards.md §5.9) |
 * | PHAN_LOAI_SK | health class | – | ✓ | ✓ | XML12, ≥ 6 y (standards.md §5.8) |
 * | HO_TEN_NGUOI_DI_CUNG or NGUOI_GIAM_HO | guardian's name | ✓ | – | – | XML1 for < 6 y (§5.2 item 1) |
 *
 * `SO_CCCD` is not here: a blank ID is a warning (`KSK-ID-MISSING`, identity.ts).
 */
import { finding } from "../finding.ts";
import type { AgeGroup, CheckupRecord, SourceFormat } from "../model.ts";
import { blank, fieldPath, rawField, type Check } from "./context.ts";

interface Requirement {
  field: string;
  vi: string;
  en: string;
  groups: readonly AgeGroup[];
  /** Formats whose standard has the field; absent = every format. */
  formats?: readonly SourceFormat[];
  present: (r: CheckupRecord) => boolean;
}

// GIAMDINHHS (VSS) and FHIR carry no target group, funding source or health class: those are the
// check-up push's own fields (QĐ 2062 annex), required there only.
const KSK: readonly SourceFormat[] = ["ksk"];
const KSK_AND_BATCH: readonly SourceFormat[] = ["ksk", "batch"];

const ALL: readonly AgeGroup[] = ["child_under_6", "minor_6_18", "adult"];
const SIX_PLUS: readonly AgeGroup[] = ["minor_6_18", "adult"];
const has = (s: string | null): boolean => !blank(s);

export const REQUIRED: readonly Requirement[] = [
  { field: "HO_TEN", vi: "họ tên", en: "full name", groups: ALL, present: (r) => has(r.patient.fullName) },
  {
    field: "NGAY_SINH",
    vi: "ngày sinh",
    en: "date of birth",
    groups: ALL,
    present: (r) => r.patient.birthDate !== null || rawField(r, "NGAY_SINH") !== null,
  },
  { field: "GIOI_TINH", vi: "giới tính", en: "sex", groups: ALL, present: (r) => has(r.patient.sex) },
  { field: "MA_LK", vi: "mã lượt khám", en: "check-up key", groups: ALL, present: (r) => has(r.maLk) },
  {
    field: "NGAY_VAO",
    vi: "thời gian khám",
    en: "exam time",
    groups: ALL,
    present: (r) => r.examTime !== null || rawField(r, "NGAY_VAO") !== null,
  },
  {
    field: "MA_CSKCB",
    vi: "mã cơ sở khám (MA_CSKCB hoặc MA_GTIN_CSKCB)",
    en: "facility code (MA_CSKCB or MA_GTIN_CSKCB)",
    groups: ALL,
    present: (r) => has(r.facilityCode) || has(r.facilityGln),
  },
  { field: "DOI_TUONG", vi: "đối tượng", en: "target group", groups: ALL, formats: KSK, present: (r) => r.targetGroups.some(has) },
  { field: "NGUON_CHI_TRA", vi: "nguồn chi trả", en: "funding source", groups: ALL, formats: KSK, present: (r) => has(r.fundingSource) },
  { field: "LY_DO_VV", vi: "lý do khám", en: "reason for the exam", groups: ALL, formats: KSK, present: (r) => has(r.reason) },
  {
    field: "PHAN_LOAI_SK",
    vi: "phân loại sức khỏe",
    en: "health class",
    groups: SIX_PLUS,
    formats: KSK_AND_BATCH,
    present: (r) => has(r.conclusion.healthClass),
  },
  {
    field: "HO_TEN_NGUOI_DI_CUNG",
    vi: "họ tên người đi cùng hoặc người giám hộ",
    en: "name of the accompanying person or guardian",
    groups: ["child_under_6"],
    formats: KSK,
    present: (r) => r.guardians.some((g) => has(g.fullName)),
  },
];

export const checkRequired: Check = ({ record, ageGroup }, out) => {
  for (const req of REQUIRED) {
    if (!req.groups.includes(ageGroup) || (req.formats && !req.formats.includes(record.format)) || req.present(record)) continue;
    out.push(
      finding(
        "KSK-REQUIRED",
        "error",
        fieldPath(record, req.field),
        `Thiếu trường bắt buộc ${req.field} (${req.vi}).`,
        `Required field ${req.field} (${req.en}) is missing.`,
      ),
    );
  }
};
