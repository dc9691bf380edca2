/**
 * Fixed form fields as observations: XML10 `KHAM_THE_LUC` (≥ 6 y), XML3/XML4 vital signs and
 * growth (< 6 y) and the XML7 visual-acuity fields (standards.md §5.8). The form fixes the unit, so
 * a parser knows both the catalogue key and the unit from the tag.
 */
import type { Observation } from "../checkup/model.ts";
import type { InfantMeasures } from "./growth.ts";
import { fmt, observation } from "./observation.ts";

/** Ways a facility gets a form value wrong (defects `unit_mixup_height`, `out_of_range`). */
export interface Distortions {
  heightInMetres: boolean;
  /** Which field gets an extra digit (value × 10), beyond the catalogue's plausible range. */
  outOfRange: "height" | "sbp" | "pulse" | null;
}

interface Field {
  tag: string;
  key: string;
  name: string;
  unit: string | null;
  value: string;
}

const vital = (prefix: string, block: string, f: Field): Observation =>
  observation(
    {
      key: f.key,
      category: f.key.startsWith("visual_acuity") ? "exam" : "vital-signs",
      localCode: f.tag,
      name: f.name,
      unitRaw: f.unit,
      path: `${prefix}/${block}/${f.tag}`,
    },
    { valueRaw: f.value },
  );

function heightText(cm: number, decimals: number, d: Distortions): string {
  if (d.outOfRange === "height") return fmt(cm * 10, 0);
  return d.heightInMetres ? fmt(cm / 100, 2) : fmt(cm, decimals);
}

const extraDigit = (value: number, field: Distortions["outOfRange"], d: Distortions): string =>
  String(d.outOfRange === field ? value * 10 : value);

export interface BodyMeasures {
  height: number;
  weight: number;
  bmi: number;
  pulse: number;
  sbp: number;
  dbp: number;
}

/** XML10: height, weight, BMI, pulse and blood pressure (`HUYET_AP` "sys/dia", split in two). */
export function physicalRows(prefix: string, m: BodyMeasures, d: Distortions): Observation[] {
  const b = "XML10";
  return [
    vital(prefix, b, { tag: "CHIEU_CAO", key: "body_height", name: "Chiều cao", unit: "cm", value: heightText(m.height, 0, d) }),
    vital(prefix, b, { tag: "CAN_NANG", key: "body_weight", name: "Cân nặng", unit: "kg", value: fmt(m.weight, 1) }),
    vital(prefix, b, { tag: "CHI_SO_BMI", key: "bmi", name: "Chỉ số BMI", unit: "kg/m2", value: fmt(m.bmi, 1) }),
    vital(prefix, b, { tag: "MACH", key: "pulse", name: "Mạch", unit: "lần/phút", value: extraDigit(m.pulse, "pulse", d) }),
    vital(prefix, b, { tag: "HUYET_AP", key: "bp_systolic", name: "Huyết áp tâm thu", unit: "mmHg", value: extraDigit(m.sbp, "sbp", d) }),
    vital(prefix, b, { tag: "HUYET_AP", key: "bp_diastolic", name: "Huyết áp tâm trương", unit: "mmHg", value: String(m.dbp) }),
  ];
}

/** XML3 vital signs and XML4 growth of a child under 6. */
export function infantRows(prefix: string, m: InfantMeasures, d: Distortions): Observation[] {
  return [
    vital(prefix, "XML3", { tag: "NHIET_DO", key: "body_temperature", name: "Nhiệt độ", unit: "°C", value: fmt(m.temperature, 1) }),
    vital(prefix, "XML3", { tag: "MACH", key: "pulse", name: "Mạch", unit: "lần/phút", value: extraDigit(m.pulse, "pulse", d) }),
    vital(prefix, "XML3", { tag: "NHIP_THO", key: "respiratory_rate", name: "Nhịp thở", unit: "lần/phút", value: String(m.respiratoryRate) }),
    vital(prefix, "XML4", { tag: "CHIEU_DAI", key: "body_height", name: "Chiều dài/chiều cao", unit: "cm", value: heightText(m.length, 1, d) }),
    vital(prefix, "XML4", { tag: "CAN_NANG", key: "body_weight", name: "Cân nặng", unit: "kg", value: fmt(m.weight, 1) }),
    vital(prefix, "XML4", { tag: "VONG_DAU", key: "head_circumference", name: "Vòng đầu", unit: "cm", value: fmt(m.head, 1) }),
  ];
}

/** Acuity as the "x/10" notation Vietnamese eye charts use. */
export function acuityRows(prefix: string, right: number, left: number): Observation[] {
  const tenths = (v: number): string => `${Math.round(v * 10)}/10`;
  return [
    vital(prefix, "XML7", { tag: "KHONG_KINH_MAT_PHAI", key: "visual_acuity_right_uncorrected", name: "Thị lực mắt phải không kính", unit: null, value: tenths(right) }),
    vital(prefix, "XML7", { tag: "KHONG_KINH_MAT_TRAI", key: "visual_acuity_left_uncorrected", name: "Thị lực mắt trái không kính", unit: null, value: tenths(left) }),
  ];
}
