/**
 * Measurement columns of the template and the catalogue key each maps to
 * (reference/checkup-catalogue.json), like ksk/form-fields.ts does for the KSK form fields. The
 * parser sets `valueRaw` and `unitRaw` only; the normaliser converts. A lab whose unit varies
 * between laboratories has a unit column beside it; a blank unit cell means the default unit.
 */
import type { ObservationCategory } from "../../checkup/model.ts";

/** `number` any quantity; `bp` "120/80" split in two; `acuity` `x/10`; `qualitative` Âm tính/Dương tính. */
export type MeasureKind = "number" | "bp" | "acuity" | "qualitative";

export interface MeasureColumn {
  column: string;
  /** Catalogue key; for `bp` the systolic key (diastolic in `diastolicKey`). */
  key: string;
  diastolicKey?: string;
  /** Observation name, Vietnamese; English for the help sheet. */
  name: string;
  nameEn: string;
  /** Template header: the name with its unit. */
  header: string;
  aliases: readonly string[];
  /** Default `unitRaw` (null for acuity and qualitative results). */
  unit: string | null;
  /** Column whose cell overrides `unit` (e.g. `DV_GLUCOSE`), and the other unit labs commonly use. */
  unitColumn?: string;
  otherUnit?: string;
  category: ObservationCategory;
  kind: MeasureKind;
  group: "physical" | "eyes" | "lab";
  example: string | number | null;
}

type Spec = Omit<MeasureColumn, "category" | "kind" | "group" | "aliases"> & { aliases?: readonly string[] };

const vital = (s: Spec, kind: MeasureKind = "number"): MeasureColumn => ({ aliases: [], ...s, category: "vital-signs", kind, group: "physical" });
const acuity = (s: Omit<Spec, "unit">): MeasureColumn => ({ aliases: [], ...s, unit: null, category: "exam", kind: "acuity", group: "eyes" });
const lab = (s: Spec, kind: MeasureKind = "number"): MeasureColumn => ({ aliases: [], ...s, category: "laboratory", kind, group: "lab" });

export const MEASURE_COLUMNS: readonly MeasureColumn[] = [
  // QĐ 2062 XML10 KHAM_THE_LUC (standards.md §5.2 item 3) plus waist, a common screening measure
  vital({ column: "CHIEU_CAO", key: "body_height", name: "Chiều cao", nameEn: "Height", header: "Chiều cao (cm)", unit: "cm", example: 158 }),
  vital({ column: "CAN_NANG", key: "body_weight", name: "Cân nặng", nameEn: "Weight", header: "Cân nặng (kg)", unit: "kg", example: 52.5 }),
  vital({ column: "CHI_SO_BMI", key: "bmi", name: "Chỉ số BMI", nameEn: "Body mass index", header: "BMI (kg/m²)", aliases: ["BMI", "chỉ số khối cơ thể"], unit: "kg/m2", example: 21 }),
  vital({ column: "MACH", key: "pulse", name: "Mạch", nameEn: "Pulse", header: "Mạch (lần/phút)", aliases: ["nhịp tim"], unit: "lần/phút", example: 76 }),
  vital(
    { column: "HUYET_AP", key: "bp_systolic", diastolicKey: "bp_diastolic", name: "Huyết áp", nameEn: "Blood pressure", header: "Huyết áp (mmHg)", aliases: ["HA"], unit: "mmHg", example: "118/76" },
    "bp",
  ),
  vital({ column: "VONG_BUNG", key: "waist_circumference", name: "Vòng bụng", nameEn: "Waist circumference", header: "Vòng bụng (cm)", aliases: ["vòng eo"], unit: "cm", example: 72 }),
  // QĐ 2062 XML7 KHAM_LAM_SANG, eyes (standards.md §5.2 item 4)
  acuity({ column: "KHONG_KINH_MAT_PHAI", key: "visual_acuity_right_uncorrected", name: "Thị lực mắt phải không kính", nameEn: "Visual acuity, right eye, without glasses", header: "Thị lực MP không kính", aliases: ["thị lực mắt phải không kính", "mắt phải không kính"], example: "10/10" }),
  acuity({ column: "KHONG_KINH_MAT_TRAI", key: "visual_acuity_left_uncorrected", name: "Thị lực mắt trái không kính", nameEn: "Visual acuity, left eye, without glasses", header: "Thị lực MT không kính", aliases: ["thị lực mắt trái không kính", "mắt trái không kính"], example: "9/10" }),
  acuity({ column: "CO_KINH_MAT_PHAI", key: "visual_acuity_right_corrected", name: "Thị lực mắt phải có kính", nameEn: "Visual acuity, right eye, with glasses", header: "Thị lực MP có kính", aliases: ["thị lực mắt phải có kính", "mắt phải có kính"], example: null }),
  acuity({ column: "CO_KINH_MAT_TRAI", key: "visual_acuity_left_corrected", name: "Thị lực mắt trái có kính", nameEn: "Visual acuity, left eye, with glasses", header: "Thị lực MT có kính", aliases: ["thị lực mắt trái có kính", "mắt trái có kính"], example: null }),
  // Common adult screening labs (standards.md §5.2 item 5, "typical adult panel")
  lab({ column: "GLUCOSE", key: "glucose_fasting", name: "Glucose máu lúc đói", nameEn: "Fasting blood glucose", header: "Glucose máu lúc đói", aliases: ["glucose", "đường huyết", "đường máu"], unit: "mmol/L", unitColumn: "DV_GLUCOSE", otherUnit: "mg/dL", example: 5.2 }),
  lab({ column: "HBA1C", key: "hba1c", name: "HbA1c", nameEn: "HbA1c", header: "HbA1c (%)", unit: "%", example: null }),
  lab({ column: "CHOLESTEROL", key: "cholesterol_total", name: "Cholesterol toàn phần", nameEn: "Total cholesterol", header: "Cholesterol toàn phần", aliases: ["cholesterol"], unit: "mmol/L", unitColumn: "DV_CHOLESTEROL", otherUnit: "mg/dL", example: 4.6 }),
  lab({ column: "TRIGLYCERID", key: "triglycerides", name: "Triglycerid", nameEn: "Triglycerides", header: "Triglycerid", aliases: ["triglyceride"], unit: "mmol/L", unitColumn: "DV_TRIGLYCERID", otherUnit: "mg/dL", example: 1.3 }),
  lab({ column: "CREATININ", key: "creatinine", name: "Creatinin máu", nameEn: "Serum creatinine", header: "Creatinin", aliases: ["creatinine"], unit: "µmol/L", unitColumn: "DV_CREATININ", otherUnit: "mg/dL", example: null }),
  lab({ column: "ALT", key: "alt", name: "ALT (GPT)", nameEn: "ALT (GPT)", header: "ALT (U/L)", aliases: ["GPT", "SGPT"], unit: "U/L", example: null }),
  lab({ column: "HEMOGLOBIN", key: "hemoglobin", name: "Huyết sắc tố (Hemoglobin)", nameEn: "Haemoglobin", header: "Hemoglobin", aliases: ["huyết sắc tố", "HGB", "Hb"], unit: "g/L", unitColumn: "DV_HEMOGLOBIN", otherUnit: "g/dL", example: null }),
  lab({ column: "HBSAG", key: "hbsag", name: "HBsAg", nameEn: "HBsAg", header: "HBsAg", unit: null, example: "Âm tính" }, "qualitative"),
];
