/**
 * XML1 TONG_HOP (QĐ 3176 Bảng 1; standards.md §4.3): the official field order and which model field
 * each tag feeds. The reader and the writer share these tables, so what one reads the other writes.
 */
import type { Person } from "../../checkup/model.ts";
import type { VssEncounter } from "./types.ts";

export const XML1_ORDER = [
  "MA_LK", "STT", "MA_BN", "HO_TEN", "SO_CCCD", "NGAY_SINH", "GIOI_TINH", "NHOM_MAU", "MA_QUOCTICH",
  "MA_DANTOC", "MA_NGHE_NGHIEP", "DIA_CHI", "MATINH_CU_TRU", "MAHUYEN_CU_TRU", "MAXA_CU_TRU",
  "DIEN_THOAI", "MA_THE_BHYT", "MA_DKBD", "GT_THE_TU", "GT_THE_DEN", "NGAY_MIEN_CCT", "LY_DO_VV",
  "LY_DO_VNT", "MA_LY_DO_VNT", "CHAN_DOAN_VAO", "CHAN_DOAN_RV", "MA_BENH_CHINH", "MA_BENH_KT",
  "MA_BENH_YHCT", "MA_PTTT_QT", "MA_DOITUONG_KCB", "MA_NOI_DI", "MA_NOI_DEN", "MA_TAI_NAN", "NGAY_VAO",
  "NGAY_VAO_NOI_TRU", "NGAY_RA", "GIAY_CHUYEN_TUYEN", "SO_NGAY_DTRI", "PP_DIEU_TRI", "KET_QUA_DTRI",
  "MA_LOAI_RV", "GHI_CHU", "NGAY_TTOAN", "T_THUOC", "T_VTYT", "T_TONGCHI_BV", "T_TONGCHI_BH", "T_BNTT",
  "T_BNCCT", "T_BHTT", "T_NGUONKHAC", "T_BHTT_GDV", "NAM_QT", "THANG_QT", "MA_LOAI_KCB", "MA_KHOA",
  "MA_CSKCB", "MA_KHUVUC", "CAN_NANG", "CAN_NANG_CON", "NAM_NAM_LIEN_TUC", "NGAY_TAI_KHAM", "MA_HSBA",
  "MA_TTDV", "DU_PHONG",
] as const;

type PersonText = Exclude<keyof Person, "birthDate">;

/** Person fields XML1 carries; the others (ID issue, workplace, pregnancy) are KSK-only. */
export const PATIENT_TAGS: Readonly<Partial<Record<PersonText, string>>> = {
  fullName: "HO_TEN",
  personalId: "SO_CCCD",
  sex: "GIOI_TINH",
  bloodGroup: "NHOM_MAU",
  nationality: "MA_QUOCTICH",
  ethnicity: "MA_DANTOC",
  occupation: "MA_NGHE_NGHIEP",
  address: "DIA_CHI",
  provinceCode: "MATINH_CU_TRU",
  // MAHUYEN_CU_TRU: districts were abolished on 01/07/2025; stored verbatim (§1 item 12).
  districtCode: "MAHUYEN_CU_TRU",
  communeCode: "MAXA_CU_TRU",
  phone: "DIEN_THOAI",
};

type EncounterKey<T> = { [K in keyof VssEncounter]: VssEncounter[K] extends T ? K : never }[keyof VssEncounter];

export const ENCOUNTER_TEXT: Readonly<Record<EncounterKey<string | null>, string>> = {
  patientNumber: "MA_BN",
  caseNumber: "MA_HSBA",
  outcome: "KET_QUA_DTRI",
  dischargeType: "MA_LOAI_RV",
  treatmentDays: "SO_NGAY_DTRI",
  inpatientReason: "LY_DO_VNT",
  inpatientReasonCode: "MA_LY_DO_VNT",
  admissionDiagnosis: "CHAN_DOAN_VAO",
  dischargeDiagnosis: "CHAN_DOAN_RV",
  treatment: "PP_DIEU_TRI",
  beneficiaryType: "MA_DOITUONG_KCB",
  accident: "MA_TAI_NAN",
  referralFrom: "MA_NOI_DI",
  referralTo: "MA_NOI_DEN",
  referralPaper: "GIAY_CHUYEN_TUYEN",
  livingArea: "MA_KHUVUC",
  note: "GHI_CHU",
  headOfFacility: "MA_TTDV",
};

export const ENCOUNTER_MOMENTS = {
  admitted: "NGAY_VAO",
  admittedInpatient: "NGAY_VAO_NOI_TRU",
  discharged: "NGAY_RA",
} as const satisfies Partial<Record<keyof VssEncounter, string>>;

/** `;`-lists (standards.md §1 item 9). */
export const ENCOUNTER_LISTS = {
  departments: "MA_KHOA",
  traditionalDiagnoses: "MA_BENH_YHCT",
  procedureCodes: "MA_PTTT_QT",
  newbornWeights: "CAN_NANG_CON",
} as const satisfies Partial<Record<keyof VssEncounter, string>>;

/** Positional `;`-lists, one item per insurance card (standards.md §4.3 fields 17–20). */
export const CARD_TAGS = { number: "MA_THE_BHYT", firstRegistration: "MA_DKBD", validFrom: "GT_THE_TU", validTo: "GT_THE_DEN" } as const;

export const COST_TAGS = [
  "T_THUOC", "T_VTYT", "T_TONGCHI_BV", "T_TONGCHI_BH", "T_BNTT", "T_BNCCT", "T_BHTT", "T_NGUONKHAC", "T_BHTT_GDV",
] as const;

export const RECORD_TAGS = {
  maLk: "MA_LK",
  facilityCode: "MA_CSKCB",
  visitType: "MA_LOAI_KCB",
  examTime: "NGAY_VAO",
  reason: "LY_DO_VV",
  birthDate: "NGAY_SINH",
  mainDiagnosis: "MA_BENH_CHINH",
  otherDiagnoses: "MA_BENH_KT",
  followUps: "NGAY_TAI_KHAM",
  settlementYear: "NAM_QT",
  settlementMonth: "THANG_QT",
  paidAt: "NGAY_TTOAN",
  /** QĐ 3176 Bảng 1 field 60: kg, `.` decimal. */
  weight: "CAN_NANG",
  /** QĐ 3176 Bảng 1 field 66: DU_PHONG re-purposed to carry the height in cm. */
  height: "DU_PHONG",
} as const;
