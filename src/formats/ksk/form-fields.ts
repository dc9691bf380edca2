/**
 * Measurements the QĐ 2062 forms carry as fixed fields, with the catalogue key each maps to
 * (data/checkup-catalogue.json) and the unit the form prints beside it. The parser sets `valueRaw`
 * and `unitRaw` only; the normaliser fills `value`, `unit` and `loinc`. The writer uses the same
 * table in reverse.
 */
import type { ObservationCategory } from "../../checkup/model.ts";

export type FormBlock = "XML3" | "XML4" | "XML7" | "XML10";

export interface FormField {
  block: FormBlock;
  tag: string;
  key: string;
  /** Form label, kept as the observation name. */
  name: string;
  /** Unit printed on the form (`unitRaw`); null for visual acuity, written as `x/10`. */
  unit: string | null;
  /** UCUM of the form unit, so a canonical `value` can be written back into the field. */
  ucum: string | null;
  category: ObservationCategory;
  /** Assessment field printed beside the measurement (XML3 `DGDHST_*`, XML4 z-score bands) → `conclusion`. */
  assessment?: string;
  /** Keep the text as `valueText` too (acuity `10/10`). */
  keepText?: boolean;
}

const vital = (block: FormBlock, tag: string, key: string, name: string, unit: string, ucum: string, assessment?: string): FormField => ({
  block, tag, key, name, unit, ucum, category: "vital-signs", ...(assessment ? { assessment } : {}),
});

const acuity = (tag: string, key: string, name: string): FormField => ({
  block: "XML7", tag, key, name, unit: null, ucum: null, category: "exam", keepText: true,
});

const hearing = (tag: string, key: string, name: string): FormField => ({
  block: "XML7", tag, key, name, unit: "m", ucum: "m", category: "exam",
});

/** In reading order: child vitals and growth, adult physical exam, eyes, ears. */
export const FORM_FIELDS: readonly FormField[] = [
  // QĐ 2062 XML3 DANH_GIA_DAU_HIEU_SINH_TON (< 6 y)
  vital("XML3", "NHIET_DO", "body_temperature", "Nhiệt độ", "°C", "Cel", "DGDHST_NHIET_DO"),
  vital("XML3", "MACH", "pulse", "Mạch", "lần/phút", "/min", "DGDHST_MACH"),
  vital("XML3", "NHIP_THO", "respiratory_rate", "Nhịp thở", "lần/phút", "/min", "DGDHST_NHIP_THO"),
  // QĐ 2062 XML4 DANH_GIA_DINH_DUONG (< 6 y)
  vital("XML4", "CHIEU_DAI", "body_height", "Chiều dài", "cm", "cm", "CHIEU_DAI_TUOI_SD"),
  vital("XML4", "CAN_NANG", "body_weight", "Cân nặng", "kg", "kg", "CAN_NANG_TUOI_SD"),
  vital("XML4", "VONG_DAU", "head_circumference", "Vòng đầu", "cm", "cm", "DG_VONG_DAU"),
  // QĐ 2062 XML10 KHAM_THE_LUC (≥ 6 y); HUYET_AP is split in observations.ts
  vital("XML10", "CHIEU_CAO", "body_height", "Chiều cao", "cm", "cm"),
  vital("XML10", "CAN_NANG", "body_weight", "Cân nặng", "kg", "kg"),
  vital("XML10", "CHI_SO_BMI", "bmi", "Chỉ số BMI", "kg/m2", "kg/m2"),
  vital("XML10", "MACH", "pulse", "Mạch", "lần/phút", "/min"),
  // QĐ 2062 XML7 KHAM_LAM_SANG, eyes and ears
  acuity("KHONG_KINH_MAT_PHAI", "visual_acuity_right_uncorrected", "Thị lực mắt phải không kính"),
  acuity("KHONG_KINH_MAT_TRAI", "visual_acuity_left_uncorrected", "Thị lực mắt trái không kính"),
  acuity("CO_KINH_MAT_PHAI", "visual_acuity_right_corrected", "Thị lực mắt phải có kính"),
  acuity("CO_KINH_MAT_TRAI", "visual_acuity_left_corrected", "Thị lực mắt trái có kính"),
  acuity("KHONG_KINH_HAI_MAT", "visual_acuity_both_uncorrected", "Thị lực hai mắt không kính"),
  acuity("CO_KINH_HAI_MAT", "visual_acuity_both_corrected", "Thị lực hai mắt có kính"),
  hearing("TAI_PHAI_NOI_THUONG", "hearing_right_normal_voice", "Tai phải nói thường"),
  hearing("TAI_PHAI_NOI_THAM", "hearing_right_whisper", "Tai phải nói thầm"),
  hearing("TAI_TRAI_NOI_THUONG", "hearing_left_normal_voice", "Tai trái nói thường"),
  hearing("TAI_TRAI_NOI_THAM", "hearing_left_whisper", "Tai trái nói thầm"),
];

/** XML10 HUYET_AP "sys/dia" (mmHg) → two observations (QĐ 2062 XML10; catalogue bp_systolic/bp_diastolic). */
export const BLOOD_PRESSURE = {
  block: "XML10",
  tag: "HUYET_AP",
  systolic: { key: "bp_systolic", name: "Huyết áp tâm thu" },
  diastolic: { key: "bp_diastolic", name: "Huyết áp tâm trương" },
  unit: "mmHg",
  ucum: "mm[Hg]",
} as const;

/** Which block a form measurement goes to when writing: child forms use XML3/XML4, others XML10. */
export const FORM_ORDER: readonly FormBlock[] = ["XML3", "XML4", "XML10", "XML7"];
