/**
 * What the GIAMDINHHS parser returns beyond the canonical record: one `VssVisit` per XML1, keyed by
 * (MA_CSKCB, MA_LK), with what the health book shows of an encounter (times, outcome, departments,
 * drugs, procedures, clinical notes). Codes, quantities and money stay strings as sent
 * (standards.md §4.1: decimal, never binary floats).
 */
import type { Moment } from "../../checkup/model.ts";
import type { ParsedRecord, ParseResult } from "../types.ts";

/** MA_LOAI_KCB 15/16 → a check-up; anything else → an encounter (QĐ 1804/2026). */
export type VisitKind = "checkup" | "encounter";

export interface InsuranceCard {
  /** MA_THE_BHYT item. */
  number: string;
  /** MA_DKBD item at the same position. */
  firstRegistration: string | null;
  validFrom: Moment | null;
  validTo: Moment | null;
}

/** XML1 fields of the episode that `CheckupRecord` has no place for (QĐ 3176 Bảng 1). */
export interface VssEncounter {
  patientNumber: string | null;
  caseNumber: string | null;
  admitted: Moment | null;
  admittedInpatient: Moment | null;
  discharged: Moment | null;
  /** KET_QUA_DTRI: 1 khỏi … 7 chưa xác định, 8 tử vong ngoại viện. */
  outcome: string | null;
  /** MA_LOAI_RV: 1 ra viện … 5 chuyển theo yêu cầu. */
  dischargeType: string | null;
  /** MA_KHOA split on `;`. */
  departments: string[];
  treatmentDays: string | null;
  inpatientReason: string | null;
  inpatientReasonCode: string | null;
  /** CHAN_DOAN_VAO as sent (often several `- (ICD) text` lines). */
  admissionDiagnosis: string | null;
  dischargeDiagnosis: string | null;
  /** MA_BENH_YHCT split on `;`. */
  traditionalDiagnoses: string[];
  /** MA_PTTT_QT (ICD-9-CM) split on `;`. */
  procedureCodes: string[];
  treatment: string | null;
  /** MA_DOITUONG_KCB, dotted code as sent (`1.12`, `3.3`). */
  beneficiaryType: string | null;
  accident: string | null;
  referralFrom: string | null;
  referralTo: string | null;
  referralPaper: string | null;
  insuranceCards: InsuranceCard[];
  livingArea: string | null;
  followUps: Moment[];
  /** CAN_NANG_CON in grams, one per baby. */
  newbornWeights: string[];
  note: string | null;
  headOfFacility: string | null;
  settlement: { year: string | null; month: string | null; period: string | null; paidAt: Moment | null };
  /** T_THUOC, T_VTYT, T_TONGCHI_BV… as sent (`19275432.00` or `19275432`). */
  costs: Record<string, string>;
}

/** XML2 CHI_TIET_THUOC. */
export interface VssMedication {
  path: string;
  code: string | null;
  name: string | null;
  strength: string | null;
  unit: string | null;
  dosageForm: string | null;
  route: string | null;
  dose: string | null;
  usage: string | null;
  quantity: string | null;
  unitPrice: string | null;
  amount: string | null;
  registrationNumber: string | null;
  department: string | null;
  prescriber: string | null;
  ordered: Moment | null;
  given: Moment | null;
}

/** XML3 CHI_TIET_DVKT: a technical service, or a medical supply when only MA_VAT_TU is set. */
export interface VssProcedure {
  path: string;
  kind: "service" | "supply";
  serviceCode: string | null;
  /** MA_PTTT_QT (ICD-9-CM) split on `;`. */
  procedureCodes: string[];
  supplyCode: string | null;
  name: string | null;
  supplyName: string | null;
  group: string | null;
  unit: string | null;
  quantity: string | null;
  unitPrice: string | null;
  amount: string | null;
  department: string | null;
  doctor: string | null;
  /** NGUOI_THUC_HIEN split on `;`. */
  performers: string[];
  diagnosis: string | null;
  ordered: Moment | null;
  performed: Moment | null;
  resulted: Moment | null;
}

/** XML5 CHI_TIET_DIEN_BIEN_BENH. */
export interface VssClinicalNote {
  path: string;
  time: Moment | null;
  text: string | null;
  stage: string | null;
  consultation: string | null;
  surgery: string | null;
  performers: string[];
  /** Parts of every `CSST<…>` token as sent: `{ M: "75", T: "37", HA: "120/70", NT: "18", HL: "2" }`. */
  vitals: Record<string, string>;
}

export interface VssVisit extends ParsedRecord {
  kind: VisitKind;
  /** (MA_CSKCB, MA_LK): a later XML1 with the same key replaces the whole visit. */
  key: { facility: string | null; maLk: string | null };
  encounter: VssEncounter;
  medications: VssMedication[];
  procedures: VssProcedure[];
  notes: VssClinicalNote[];
  /** The XML1 the visit was read from, e.g. `HOSO[2]/XML1`. */
  xml1Path: string;
  /** `xml1Path` of the later XML1 of this file that replaces this visit, else null. */
  replacedBy: string | null;
}

export interface VssParseResult extends ParseResult {
  /** The same objects as `records`, with the encounter parts. */
  visits: VssVisit[];
  /** NGAYLAP (`yyyymmdd`) as sent. */
  preparedOn: string | null;
  /** CHUKYDONVI holds something (its XMLDSig is verified on the archived raw file, not here). */
  signed: boolean;
}
