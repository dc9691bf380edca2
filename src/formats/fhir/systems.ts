/**
 * Every URI the FHIR side of hoso reads or writes, in one place (standards.md §9.1: national code
 * lists become CodeSystems of the hub). `https://hoso.vn/fhir/…` URIs are hoso's own; they name
 * things, nothing is served there yet. README.md beside this file explains each choice.
 */

const HOSO = "https://hoso.vn/fhir";

/** Identifier systems (FHIR R4 §2.24.0.1 Identifier.system). */
export const SID = {
  /** `MA_LK`: the check-up key, unique inside one facility (Encounter.identifier). */
  maLk: `${HOSO}/sid/ma-lk`,
  /** `MA_CSKCB`: the 5-character facility code (Organization.identifier). */
  maCskcb: `${HOSO}/sid/ma-cskcb`,
  /** `MA_GTIN_CSKCB`: the facility's 13-digit GS1 GLN (Organization.identifier). */
  gln: `${HOSO}/sid/gln`,
  /** `SO_CCCD`: the 12-digit personal ID number (Patient.identifier). */
  cccd: `${HOSO}/sid/cccd`,
  /** Practising-licence number (GPHN) of a doctor (Practitioner.identifier, standards.md §9.1). */
  gphn: `${HOSO}/sid/gphn`,
} as const;

/** Other spellings of the GLN accepted on input: HL7 THO NamingSystem GLN and the GS1 OID. */
export const GLN_ALIASES: readonly string[] = ["https://www.gs1.org/gln", "urn:oid:1.3.160"];

/** hoso CodeSystems. */
export const CS = {
  /** `MA_LOAI_KCB`: 15 periodic check-up, 16 screening (Encounter.type). */
  maLoaiKcb: `${HOSO}/CodeSystem/ma-loai-kcb`,
  doiTuong: `${HOSO}/CodeSystem/doi-tuong`,
  nguonChiTra: `${HOSO}/CodeSystem/nguon-chi-tra`,
  danToc: `${HOSO}/CodeSystem/dan-toc`,
  quocTich: `${HOSO}/CodeSystem/quoc-tich`,
  ngheNghiep: `${HOSO}/CodeSystem/nghe-nghiep`,
  /** Health class 1–5 (Loại I–V). */
  phanLoaiSk: `${HOSO}/CodeSystem/phan-loai-sk`,
  /** Check-up items with no LOINC: `PHAN_LOAI_SK` (overall health class). */
  kskItem: `${HOSO}/CodeSystem/ksk-item`,
  /** Specialty exams of the form (`noi_tuan_hoan`, `mat`, …: SpecialtyExam.specialty). */
  kskSpecialty: `${HOSO}/CodeSystem/ksk-specialty`,
  /**
   * Keys of reference/checkup-catalogue.json (`body_height`, `hearing_right_whisper`) as codes:
   * names a measure exactly, and is the only code of measures with no LOINC.
   */
  catalogue: `${HOSO}/CodeSystem/checkup-catalogue`,
  /** `MA_CHI_SO`: local or MoH index code of a result. */
  maChiSo: `${HOSO}/CodeSystem/ma-chi-so`,
  /** `MA_DICH_VU`: service code (DiagnosticReport.code). */
  maDichVu: `${HOSO}/CodeSystem/ma-dich-vu`,
  /** Role of a Patient.contact: `accompanying` (NGUOI_DI_CUNG) or `guardian` (NGUOI_GIAM_HO). */
  contactRole: `${HOSO}/CodeSystem/contact-role`,
  /** Document type of a check-up Composition: `KHAMSUCKHOE`. */
  documentType: `${HOSO}/CodeSystem/document-type`,
} as const;

/** hoso extensions (FHIR R4 §2.17 Extensibility). */
export const EXT = {
  doiTuong: `${HOSO}/StructureDefinition/doi-tuong`,
  nguonChiTra: `${HOSO}/StructureDefinition/nguon-chi-tra`,
  /** `TYPE` of XML2: ChildUnder, Minor, Adult, Driver (valueCode). */
  formType: `${HOSO}/StructureDefinition/ksk-form-type`,
  danToc: `${HOSO}/StructureDefinition/dan-toc`,
  quocTich: `${HOSO}/StructureDefinition/quoc-tich`,
  ngheNghiep: `${HOSO}/StructureDefinition/nghe-nghiep`,
  noiLamViec: `${HOSO}/StructureDefinition/noi-lam-viec`,
  /** On Address: 2-digit province, 5-digit commune, pre-2025 district code (valueCode). */
  maTinh: `${HOSO}/StructureDefinition/ma-tinh`,
  maXa: `${HOSO}/StructureDefinition/ma-xa`,
  maHuyen: `${HOSO}/StructureDefinition/ma-huyen`,
} as const;

/** Systems defined by HL7 and others. */
export const STD = {
  loinc: "http://loinc.org",
  ucum: "http://unitsofmeasure.org",
  icd10: "http://hl7.org/fhir/sid/icd-10",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  conditionCategory: "http://terminology.hl7.org/CodeSystem/condition-category",
  conditionVerification: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
  diagnosticServiceSection: "http://terminology.hl7.org/CodeSystem/v2-0074",
  identifierType: "http://terminology.hl7.org/CodeSystem/v2-0203",
  actCode: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  roleCode: "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
  translation: "http://hl7.org/fhir/StructureDefinition/translation",
  birthTime: "http://hl7.org/fhir/StructureDefinition/patient-birthTime",
} as const;

/**
 * Identifier types (HL7 v2 table 0203) that mark a national person ID when the system is not
 * hoso's: `NNVNM` (National Person Identifier, Viet Nam, ISO 3166 alpha-3) and `NI`.
 */
export const NATIONAL_ID_TYPES: readonly string[] = ["NNVNM", "NI"];
export const PASSPORT_TYPE = "PPN";
