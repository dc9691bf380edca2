/**
 * Specialty exams (XML7, classes 1–5), the conclusion (XML12 / XML8) and ICD-10 diagnoses of a
 * demo check-up, derived from its measures. The overall class is the worst specialty class, as
 * QĐ 1613 prescribes (standards.md §5.3); diagnoses follow the catalogue's abnormal rules.
 */
import type { Condition, Conclusion, SpecialtyExam } from "../checkup/model.ts";
import { emptyConclusion } from "../checkup/model.ts";
import type { FacilityStyle } from "./facility-style.ts";
import type { InfantMeasures, SchoolMeasures } from "./growth.ts";
import type { AdultMeasures } from "./physiology.ts";
import type { Rng } from "./rng.ts";
import type { Sex } from "./types.ts";

export interface Clinical {
  exams: SpecialtyExam[];
  conclusion: Conclusion;
  conditions: Condition[];
}

/** Vietnamese ICD-10 titles (QĐ 4469/QĐ-BYT wording, shortened). */
const ICD = {
  I10: "Tăng huyết áp vô căn (nguyên phát)",
  E11: "Bệnh đái tháo đường không phụ thuộc insulin",
  E78: "Rối loạn chuyển hóa lipoprotein và tình trạng tăng lipid máu khác",
  E66: "Béo phì",
  "D64.9": "Thiếu máu, không đặc hiệu",
  "H52.1": "Cận thị",
  E44: "Suy dinh dưỡng protein - năng lượng mức độ vừa và nhẹ",
  E45: "Chậm phát triển do suy dinh dưỡng protein - năng lượng",
} as const;
type Icd = keyof typeof ICD;

// Specialty key, XML7 tag, normal wording.
const SPECIALTIES = [
  ["noi_tuan_hoan", "NOI_KHOA_TUAN_HOAN", "Tuần hoàn: bình thường"],
  ["noi_ho_hap", "NOI_KHOA_HO_HAP", "Hô hấp: bình thường"],
  ["noi_tieu_hoa", "NOI_KHOA_TIEU_HOA", "Tiêu hóa: bình thường"],
  ["noi_than_tiet_nieu", "NOI_KHOA_THAN_TN_SD", "Thận - tiết niệu: bình thường"],
  ["noi_noi_tiet", "NOI_KHOA_NOI_TIET", "Nội tiết: bình thường"],
  ["noi_co_xuong_khop", "NOI_KHOA_CO_XUONG_KHOP", "Cơ xương khớp: bình thường"],
  ["noi_than_kinh", "NOI_KHOA_THAN_KINH", "Thần kinh: bình thường"],
  ["noi_tam_than", "NOI_KHOA_TAM_THAN", "Tâm thần: bình thường"],
  ["ngoai_khoa", "KET_QUA_KHAM_NGOAI_KHOA", "Chưa phát hiện bệnh lý ngoại khoa"],
  ["da_lieu", "KET_QUA_KHAM_DA_LIEU", "Da liễu: bình thường"],
  ["san_phu_khoa", "KET_QUA_KHAM_SAN_PHU_KHOA", "Sản phụ khoa: chưa phát hiện bất thường"],
  ["mat", "KET_QUA_KHAM_MAT", "Mắt: bình thường"],
  ["tai_mui_hong", "KET_QUA_KHAM_TAI_MUI_HONG", "Tai mũi họng: bình thường"],
  ["rang_ham_mat", "KET_QUA_KHAM_RANG_HAM_MAT", "Răng hàm mặt: bình thường"],
] as const;
type Specialty = (typeof SPECIALTIES)[number][0];

interface Finding {
  result: string;
  healthClass: number;
}

export interface Findings {
  found: Map<Specialty, Finding>;
  icd: Icd[];
  problems: string[];
}

const newFindings = (): Findings => ({ found: new Map(), icd: [], problems: [] });

/** Keeps the worse of two findings for one specialty. */
function set(b: Findings, specialty: Specialty, result: string, healthClass: number): void {
  const prior = b.found.get(specialty);
  if (!prior || prior.healthClass < healthClass) b.found.set(specialty, { result, healthClass });
}

function diagnose(b: Findings, code: Icd): void {
  if (!b.icd.includes(code)) b.icd.push(code);
}

// Myopia is classed on corrected acuity, so short sight alone rarely costs more than one class.
const visionClass = (worst: number): number => (worst >= 0.8 ? 1 : worst >= 0.2 ? 2 : 3);

function commonFindings(rng: Rng, b: Findings, age: number, vaRight: number, vaLeft: number): void {
  const worst = Math.min(vaRight, vaLeft);
  const tenths = (v: number): string => `${Math.round(v * 10)}/10`;
  if (worst < 0.8) {
    set(b, "mat", `MP ${tenths(vaRight)}, MT ${tenths(vaLeft)} (không kính); cận thị`, visionClass(worst));
    diagnose(b, "H52.1");
  }
  if (rng.chance(age < 18 ? 0.45 : 0.3)) {
    set(b, "rang_ham_mat", "Sâu răng", 2);
    b.problems.push("Sâu răng");
  }
  if (rng.chance(0.08)) set(b, "tai_mui_hong", "Viêm mũi dị ứng", 2);
  if (rng.chance(0.05)) set(b, "da_lieu", "Viêm da cơ địa", 2);
}

export function adultClinical(rng: Rng, m: AdultMeasures, sex: Sex, age: number): Findings {
  const b = newFindings();
  const grade2 = m.sbp >= 160 || m.dbp >= 100;
  if (m.sbp >= 140 || m.dbp >= 90) {
    set(b, "noi_tuan_hoan", grade2 ? "Tăng huyết áp độ 2" : "Tăng huyết áp độ 1", grade2 ? 4 : 3);
    diagnose(b, "I10");
  }
  if (m.ecg !== "normal") set(b, "noi_tuan_hoan", "Bất thường điện tâm đồ, đề nghị khám tim mạch", 3);
  if (m.xray === "fibrosis") set(b, "noi_ho_hap", "Xơ hóa đỉnh phổi phải trên X-quang", 3);
  if (m.glucose >= 7) {
    set(b, "noi_noi_tiet", "Đái tháo đường", m.glucose >= 13 ? 4 : 3);
    diagnose(b, "E11");
  }
  if (m.tc >= 6.2 || m.ldl >= 4.1 || m.tg >= 2.3) {
    set(b, "noi_noi_tiet", "Rối loạn lipid máu", 2);
    diagnose(b, "E78");
  }
  if (m.bmi >= 25) {
    set(b, "noi_noi_tiet", "Béo phì", m.bmi >= 30 ? 3 : 2);
    diagnose(b, "E66");
  } else if (m.bmi >= 23) b.problems.push("Thừa cân");
  if (m.hb < 110) {
    set(b, "noi_tieu_hoa", "Thiếu máu", 3);
    diagnose(b, "D64.9");
  }
  if (m.alt > 80) set(b, "noi_tieu_hoa", "Tăng men gan", 3);
  else if (m.alt > 40) set(b, "noi_tieu_hoa", "Tăng nhẹ men gan", 2);
  if (m.creatinine > (sex === "1" ? 120 : 95)) set(b, "noi_than_tiet_nieu", "Tăng creatinin máu", 3);
  if (age > 55 && rng.chance(0.2)) set(b, "noi_co_xuong_khop", "Thoái hóa cột sống", 2);
  if (sex === "2" && rng.chance(0.1)) set(b, "san_phu_khoa", "Viêm âm đạo", 2);
  commonFindings(rng, b, age, m.vaRight, m.vaLeft);
  return b;
}

export function schoolClinical(rng: Rng, s: SchoolMeasures, age: number, vaRight: number, vaLeft: number): Findings {
  const b = newFindings();
  if (s.overweight) {
    set(b, "noi_noi_tiet", "Thừa cân", 2);
    b.problems.push("Thừa cân");
  }
  if (s.thin) b.problems.push("Gầy");
  commonFindings(rng, b, age, vaRight, vaLeft);
  return b;
}

export function infantClinical(rng: Rng, m: InfantMeasures): Findings {
  const b = newFindings();
  if (m.stunted) {
    b.problems.push("Suy dinh dưỡng thể thấp còi");
    diagnose(b, "E45");
  }
  if (m.underweight) {
    b.problems.push("Suy dinh dưỡng thể nhẹ cân");
    diagnose(b, "E44");
  }
  if (m.overweight) b.problems.push("Thừa cân");
  if (rng.chance(0.15)) {
    set(b, "rang_ham_mat", "Sâu răng sữa", 2);
    b.problems.push("Sâu răng");
  }
  return b;
}

/**
 * Physical class (XML10 `KHAM_THE_LUC_PL`) approximated from BMI: QĐ 1613 scores height, weight and
 * chest circumference by tables that are not shipped (standards.md §5.3).
 */
export function physicalClass(bmi: number): number {
  if (bmi >= 18.5 && bmi < 25) return 1;
  if ((bmi >= 17 && bmi < 18.5) || (bmi >= 25 && bmi < 30)) return 2;
  if ((bmi >= 16 && bmi < 17) || bmi >= 30) return 3;
  return 4;
}

export interface FinishInput {
  prefix: string;
  style: FacilityStyle;
  rng: Rng;
  sex: Sex;
  /** Children under 6 conclude in XML8 (normal / problems), without a health class. */
  infant: boolean;
  physical: number | null;
}

/** Every specialty gets a line; the conclusion class is the worst class (standards.md §5.3). */
export function finishClinical(b: Findings, f: FinishInput): Clinical {
  const doctor = (): string => f.rng.pick(f.style.doctors);
  const exams: SpecialtyExam[] = [];
  let worst = f.physical ?? 1;
  for (const [specialty, tag, normal] of SPECIALTIES) {
    if (specialty === "san_phu_khoa" && (f.sex === "1" || f.infant)) continue;
    // A few minor findings nobody codes (a scar, a mild deviation) leave a healthy person in class 2.
    const found = b.found.get(specialty) ?? { result: normal, healthClass: f.rng.chance(0.04) ? 2 : 1 };
    worst = Math.max(worst, found.healthClass);
    exams.push({ specialty, result: found.result, healthClass: String(found.healthClass), doctor: doctor(), path: `${f.prefix}/XML7/${tag}` });
  }
  if (f.physical !== null) {
    exams.push({ specialty: "the_luc", result: null, healthClass: String(f.physical), doctor: doctor(), path: `${f.prefix}/XML10/KHAM_THE_LUC_PL` });
  }
  const conditionPath = `${f.prefix}/${f.infant ? "XML8" : "XML12"}/KET_LUAN_BENH`;
  const conditions: Condition[] = b.icd.map((icd10) => ({ icd10, text: ICD[icd10], kind: "diagnosis", path: conditionPath }));
  const conclusion = emptyConclusion();
  conclusion.diseasesText = b.icd.length === 0 ? null : b.icd.map((c) => `${c} - ${ICD[c]}`).join("; ");
  conclusion.problems = b.problems.length === 0 ? null : b.problems.join("; ");
  conclusion.concludingDoctor = doctor();
  if (f.infant) {
    conclusion.normal = b.problems.length === 0 ? "1" : "0";
    conclusion.tbRisk = "0";
  } else {
    conclusion.healthClass = String(worst);
    conclusion.advice = worst >= 3 ? "Khám chuyên khoa và điều trị theo hướng dẫn" : "Duy trì lối sống lành mạnh, khám sức khỏe định kỳ";
  }
  return { exams, conclusion, conditions };
}
