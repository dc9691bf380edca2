/**
 * The canonical check-up record. Every intake format (KHAMSUCKHOE, GIAMDINHHS, FHIR, spreadsheets)
 * is parsed into `CheckupRecord`; every output is built from what is stored. Codes stay strings
 * (leading zeros and dots matter: standards.md §1 item 8); every value keeps its raw text next to
 * what the hub derived from it.
 */

/** Age groups of the QĐ 2062 templates (standards.md §5.8). */
export const AGE_GROUPS = ["child_under_6", "minor_6_18", "adult"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export type MomentPrecision = "minute" | "day" | "month" | "year";

/**
 * A date or date-time as facilities send it: `yyyymmddHHMM`, `yyyymmdd`, `YYYY-MM-DD` or with
 * `0000` for unknown parts (standards.md §1 item 7). `iso` fills unknown parts with their lowest
 * value so it can be compared; `precision` says how much of it is real.
 */
export interface Moment {
  raw: string;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (local time, Asia/Ho_Chi_Minh). */
  iso: string;
  precision: MomentPrecision;
}

export interface Person {
  fullName: string | null;
  birthDate: Moment | null;
  /** `GIOI_TINH`: 1 male, 2 female, 3 undetermined (standards.md §4.7), kept as sent. */
  sex: string | null;
  /** `SO_CCCD` as sent (trimmed): a 12-digit personal ID, a 9-digit old ID card, a passport, or null. */
  personalId: string | null;
  idIssueDate: string | null;
  idIssuePlace: string | null;
  ethnicity: string | null;
  nationality: string | null;
  bloodGroup: string | null;
  address: string | null;
  provinceCode: string | null;
  communeCode: string | null;
  /** `MAHUYEN_CU_TRU`: no meaning after 2025, stored verbatim. */
  districtCode: string | null;
  occupation: string | null;
  workplace: string | null;
  phone: string | null;
  gestationWeeks: string | null;
  preterm: string | null;
}

export interface Guardian {
  /** `accompanying` = NGUOI_DI_CUNG, `guardian` = NGUOI_GIAM_HO. */
  kind: "accompanying" | "guardian";
  fullName: string | null;
  personalId: string | null;
  relationship: string | null;
  phone: string | null;
}

export type ObservationCategory = "vital-signs" | "laboratory" | "imaging" | "exam" | "other";

export interface Observation {
  /** Catalogue key (`body_height`, `glucose_fasting`…) when the name or code maps; null otherwise. */
  key: string | null;
  loinc: string | null;
  category: ObservationCategory;
  /** `MA_DICH_VU`. */
  serviceCode: string | null;
  /** `MA_CHI_SO` (local or MoH index code), always kept. */
  localCode: string | null;
  /** `TEN_CHI_SO` or the form label, as sent. */
  name: string;
  valueRaw: string | null;
  unitRaw: string | null;
  /** Numeric value in the canonical unit, when the value is a number and the unit converts. */
  value: number | null;
  /** Canonical UCUM unit of `value`. */
  unit: string | null;
  /** Coded or narrative result (urine dipstick `(+)`, imaging text). */
  valueText: string | null;
  description: string | null;
  conclusion: string | null;
  /** FHIR interpretation: N, L, LL, H, HH, A, POS, NEG. Set by the checks from the catalogue. */
  interpretation: string | null;
  /** Catalogue rule ids that fired (e.g. `hypertension_sbp`), for follow-up and the health book. */
  flags: string[];
  resultTime: Moment | null;
  performer: string | null;
  /** Where it came from in the submission, e.g. `XML11/CHI_TIET_CLS[3]`. */
  path: string;
}

export interface SpecialtyExam {
  /** Stable key, e.g. `noi_tuan_hoan`, `mat`, `tai_mui_hong`. */
  specialty: string;
  result: string | null;
  /** `…_PL`: 1–5. */
  healthClass: string | null;
  doctor: string | null;
  path: string;
}

export interface Condition {
  /** ICD-10 code as sent (upper-cased, trimmed). */
  icd10: string;
  text: string | null;
  /** `diagnosis` from the conclusion, `family-history` / `personal-history` from XML9/XML1. */
  kind: "diagnosis" | "family-history" | "personal-history";
  path: string;
}

export interface Conclusion {
  /** `PHAN_LOAI_SK`: 1–5 (Loại I–V). */
  healthClass: string | null;
  diseasesText: string | null;
  problems: string | null;
  otherDiseases: string | null;
  /** Children (XML8): normal / TB contact risk / next appointment / referral. */
  normal: string | null;
  tbRisk: string | null;
  nextAppointment: string | null;
  referral: string | null;
  advice: string | null;
  concludingDoctor: string | null;
}

export type SourceFormat = "ksk" | "vss" | "fhir" | "batch";

export interface CheckupRecord {
  format: SourceFormat;
  /** Position of the record in its submission (0-based), for per-record answers. */
  index: number;
  /** Path prefix of the record in the submission, e.g. `HOSO[2]`. */
  path: string;
  /** `MA_LK`: the check-up key, unique inside one facility. */
  maLk: string | null;
  facilityCode: string | null;
  facilityGln: string | null;
  /** `TYPE` of XML2 as sent (`ChildUnder`, `Minor`, `Adult`, `Driver`). */
  formType: string | null;
  ageGroup: AgeGroup | null;
  examTime: Moment | null;
  /** `MA_LOAI_KCB`. */
  visitType: string | null;
  /** `DOI_TUONG` split on `;`. */
  targetGroups: string[];
  /** `NGUON_CHI_TRA`. */
  fundingSource: string | null;
  /** `LY_DO_VV`. */
  reason: string | null;
  patient: Person;
  guardians: Guardian[];
  /** XML9 / history checklist as sent: field name → value. */
  history: Record<string, string>;
  observations: Observation[];
  exams: SpecialtyExam[];
  conclusion: Conclusion;
  conditions: Condition[];
  /** Inner signatures kept with the record (`CKS_NGUOI_KET_LUAN`, `CKS_BENH_VIEN`, `CKDT_*`). */
  signatures: Record<string, string>;
  /** Every block as received (LOAIHOSO → flat field map), for fidelity and replay. */
  blocks: Record<string, unknown>;
}

export function emptyPerson(): Person {
  return {
    fullName: null,
    birthDate: null,
    sex: null,
    personalId: null,
    idIssueDate: null,
    idIssuePlace: null,
    ethnicity: null,
    nationality: null,
    bloodGroup: null,
    address: null,
    provinceCode: null,
    communeCode: null,
    districtCode: null,
    occupation: null,
    workplace: null,
    phone: null,
    gestationWeeks: null,
    preterm: null,
  };
}

export function emptyConclusion(): Conclusion {
  return {
    healthClass: null,
    diseasesText: null,
    problems: null,
    otherDiseases: null,
    normal: null,
    tbRisk: null,
    nextAppointment: null,
    referral: null,
    advice: null,
    concludingDoctor: null,
  };
}
