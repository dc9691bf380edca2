/**
 * The adult paraclinical panel (XML11 `CHI_TIET_CLS`, standards.md §5.2 item 5): blood count,
 * biochemistry, urine dipstick, chest X-ray and ECG, written the way lab software writes them.
 * Every `TEN_CHI_SO` below is an alias of its catalogue entry and every unit one of its accepted
 * units (checked when the panel is built), so a correct normaliser maps all of them.
 */
import type { Observation } from "../checkup/model.ts";
import type { CatalogueEntry } from "../reference/data.ts";
import type { FacilityStyle, Variant } from "./facility-style.ts";
import { fmt, observation, type ObservationBase, type ObservationResult } from "./observation.ts";
import type { AdultMeasures } from "./physiology.ts";

type Three<T> = readonly [T, T, T];

// Shaped like MoH technical-service codes (`MA_DICH_VU`); invented for the demo. Urine rows share
// one service so a normaliser can tell urine glucose from blood glucose (catalogue contextRequired).
export const DEMO_SERVICE_CODES = {
  bloodCount: "22.0121.1370",
  glucose: "23.0075.1494",
  urea: "23.0166.1494",
  creatinine: "23.0051.1494",
  uricAcid: "23.0020.1494",
  ast: "23.0019.1493",
  alt: "23.0020.1493",
  cholesterol: "23.0041.1506",
  hdl: "23.0112.1506",
  ldl: "23.0158.1506",
  triglycerides: "23.0206.1506",
  urinalysis: "23.0206.1596",
  chestXray: "18.0119.0028",
  ecg: "02.0085.1798",
} as const;

interface NumericTest {
  key: string;
  abbr: string;
  service: string;
  names: Three<string>;
  units: Three<string>;
  decimals: Three<number>;
  lipid?: boolean;
  value: (m: AdultMeasures) => number;
}

const NUMERIC: readonly NumericTest[] = [
  { key: "wbc", abbr: "WBC", service: DEMO_SERVICE_CODES.bloodCount, names: ["WBC (Số lượng bạch cầu)", "Số lượng bạch cầu", "WBC"], units: ["G/L", "10^9/L", "K/µL"], decimals: [1, 1, 1], value: (m) => m.wbc },
  { key: "rbc", abbr: "RBC", service: DEMO_SERVICE_CODES.bloodCount, names: ["RBC (Số lượng hồng cầu)", "Số lượng hồng cầu", "RBC"], units: ["T/L", "10^12/L", "M/µL"], decimals: [2, 2, 2], value: (m) => m.rbc },
  { key: "hemoglobin", abbr: "HGB", service: DEMO_SERVICE_CODES.bloodCount, names: ["Huyết sắc tố (HGB)", "Lượng huyết sắc tố", "HGB"], units: ["g/L", "g/L", "g/dL"], decimals: [0, 0, 1], value: (m) => m.hb },
  { key: "hematocrit", abbr: "HCT", service: DEMO_SERVICE_CODES.bloodCount, names: ["Hematocrit", "Thể tích khối hồng cầu", "HCT"], units: ["%", "L/L", "%"], decimals: [1, 3, 1], value: (m) => m.hct },
  { key: "mcv", abbr: "MCV", service: DEMO_SERVICE_CODES.bloodCount, names: ["MCV", "Thể tích trung bình hồng cầu", "MCV"], units: ["fL", "fl", "fL"], decimals: [1, 1, 1], value: (m) => m.mcv },
  { key: "mch", abbr: "MCH", service: DEMO_SERVICE_CODES.bloodCount, names: ["MCH", "Lượng HST trung bình hồng cầu", "MCH"], units: ["pg", "pg", "pg"], decimals: [1, 1, 1], value: (m) => m.mch },
  { key: "mchc", abbr: "MCHC", service: DEMO_SERVICE_CODES.bloodCount, names: ["MCHC", "Nồng độ HST trung bình hồng cầu", "MCHC"], units: ["g/L", "g/L", "g/dL"], decimals: [0, 0, 1], value: (m) => m.mchc },
  { key: "platelets", abbr: "PLT", service: DEMO_SERVICE_CODES.bloodCount, names: ["PLT (Số lượng tiểu cầu)", "Số lượng tiểu cầu", "PLT"], units: ["G/L", "10^9/L", "K/µL"], decimals: [0, 0, 0], value: (m) => m.platelets },
  { key: "neutrophils_pct", abbr: "NEU%", service: DEMO_SERVICE_CODES.bloodCount, names: ["NEU%", "Tỷ lệ bạch cầu trung tính", "NEUT%"], units: ["%", "%", "%"], decimals: [1, 1, 1], value: (m) => m.neutrophils },
  { key: "lymphocytes_pct", abbr: "LYM%", service: DEMO_SERVICE_CODES.bloodCount, names: ["LYM%", "Tỷ lệ bạch cầu lympho", "LYMPH%"], units: ["%", "%", "%"], decimals: [1, 1, 1], value: (m) => m.lymphocytes },
  { key: "glucose_fasting", abbr: "GLU", service: DEMO_SERVICE_CODES.glucose, names: ["Glucose", "Định lượng Glucose", "Đường huyết lúc đói"], units: ["mmol/L", "mmol/l", "mmol/L"], decimals: [1, 1, 2], value: (m) => m.glucose },
  { key: "urea", abbr: "URE", service: DEMO_SERVICE_CODES.urea, names: ["Urê", "Định lượng Urê", "Urea"], units: ["mmol/L", "mmol/L", "mmol/L"], decimals: [1, 1, 2], value: (m) => m.urea },
  { key: "creatinine", abbr: "CRE", service: DEMO_SERVICE_CODES.creatinine, names: ["Creatinin", "Định lượng Creatinin", "Creatinine"], units: ["µmol/L", "umol/L", "µmol/L"], decimals: [0, 0, 1], value: (m) => m.creatinine },
  { key: "uric_acid", abbr: "URIC", service: DEMO_SERVICE_CODES.uricAcid, names: ["Acid Uric", "Định lượng Acid Uric", "Axit uric"], units: ["µmol/L", "umol/L", "µmol/L"], decimals: [0, 0, 0], lipid: true, value: (m) => m.uricAcid },
  { key: "ast", abbr: "AST", service: DEMO_SERVICE_CODES.ast, names: ["AST (GOT)", "Đo hoạt độ AST (GOT)", "GOT"], units: ["U/L", "U/L", "UI/L"], decimals: [0, 0, 0], value: (m) => m.ast },
  { key: "alt", abbr: "ALT", service: DEMO_SERVICE_CODES.alt, names: ["ALT (GPT)", "Đo hoạt độ ALT (GPT)", "GPT"], units: ["U/L", "U/L", "UI/L"], decimals: [0, 0, 0], value: (m) => m.alt },
  { key: "cholesterol_total", abbr: "CHOL", service: DEMO_SERVICE_CODES.cholesterol, names: ["Cholesterol", "Định lượng Cholesterol toàn phần", "Cholesterol toàn phần"], units: ["mmol/L", "mmol/L", "mmol/L"], decimals: [2, 2, 2], lipid: true, value: (m) => m.tc },
  { key: "hdl_c", abbr: "HDL", service: DEMO_SERVICE_CODES.hdl, names: ["HDL-C", "Định lượng HDL-C", "HDL-Cholesterol"], units: ["mmol/L", "mmol/L", "mmol/L"], decimals: [2, 2, 2], lipid: true, value: (m) => m.hdl },
  { key: "ldl_c", abbr: "LDL", service: DEMO_SERVICE_CODES.ldl, names: ["LDL-C", "Định lượng LDL-C", "LDL-Cholesterol"], units: ["mmol/L", "mmol/L", "mmol/L"], decimals: [2, 2, 2], lipid: true, value: (m) => m.ldl },
  { key: "triglycerides", abbr: "TG", service: DEMO_SERVICE_CODES.triglycerides, names: ["Triglycerid", "Định lượng Triglycerid", "Triglyceride"], units: ["mmol/L", "mmol/L", "mmol/L"], decimals: [2, 2, 2], lipid: true, value: (m) => m.tg },
];

type Grade = (m: AdultMeasures) => number;
interface DipstickTest {
  key: string;
  abbr: string;
  names: Three<string>;
  grade: Grade;
}

const DIPSTICK: readonly DipstickTest[] = [
  { key: "urine_protein", abbr: "PRO", names: ["Protein (nước tiểu)", "Protein niệu", "PRO"], grade: (m) => m.urine.protein },
  { key: "urine_glucose", abbr: "GLU-U", names: ["Glucose (nước tiểu)", "Glucose niệu", "GLU"], grade: (m) => m.urine.glucose },
  { key: "urine_leukocytes", abbr: "LEU", names: ["Bạch cầu (nước tiểu)", "Bạch cầu niệu", "LEU"], grade: (m) => m.urine.leukocytes },
  { key: "urine_nitrite", abbr: "NIT", names: ["Nitrit (nước tiểu)", "Nitrit niệu", "NIT"], grade: (m) => (m.urine.nitrite ? 1 : 0) },
  { key: "urine_blood", abbr: "BLD", names: ["Hồng cầu (nước tiểu)", "Hồng cầu niệu", "BLD"], grade: (m) => m.urine.blood },
  { key: "urine_ketones", abbr: "KET", names: ["Thể ceton", "Ceton niệu", "KET"], grade: (m) => m.urine.ketones },
];

const NEGATIVE: Three<string> = ["Âm tính", "neg", "(-)"];
const TRACE: Three<string> = ["Vết", "trace", "(±)"];
const POSITIVE: Three<string> = ["Dương tính", "Positive", "(+)"];

function dipstickText(key: string, grade: number, v: Variant): string {
  if (grade === 0) return NEGATIVE[v];
  if (key === "urine_nitrite") return POSITIVE[v];
  return grade < 1 ? TRACE[v] : `${grade}+`;
}

export interface LabPanel {
  numeric: readonly (NumericTest & { factors: Three<number> })[];
}

/** Resolves each unit's factor from the catalogue once per generator call (raw = canonical ÷ factor). */
export function labPanel(catalogue: readonly CatalogueEntry[]): LabPanel {
  const byKey = new Map(catalogue.map((e) => [e.key, e]));
  const factorOf = (key: string, unit: string): number => {
    const accepted = byKey.get(key)?.acceptedUnits.find((u) => u.unit === unit);
    if (!accepted || accepted.factor === null) throw new Error(`unit ${unit} is not an accepted unit of ${key}`);
    return accepted.factor;
  };
  return {
    numeric: NUMERIC.map((t) => ({
      ...t,
      factors: [factorOf(t.key, t.units[0]), factorOf(t.key, t.units[1]), factorOf(t.key, t.units[2])] as const,
    })),
  };
}

const XRAY = {
  normal: {
    description: "Hai phế trường sáng, không thấy tổn thương nhu mô. Bóng tim không to. Góc sườn hoành hai bên nhọn.",
    conclusions: ["Tim phổi bình thường", "Hiện tại chưa phát hiện bất thường", "Không phát hiện bất thường trên phim"],
  },
  fibrosis: {
    description: "Đỉnh phổi phải có vài dải mờ xơ nhỏ. Bóng tim không to.",
    conclusions: ["Tổn thương xơ hóa đỉnh phổi phải, đề nghị khám chuyên khoa hô hấp"],
  },
  cardiomegaly: {
    description: "Bóng tim to, chỉ số tim - ngực khoảng 0,55. Hai phế trường sáng.",
    conclusions: ["Bóng tim to"],
  },
} as const;

// Abnormal conclusions avoid the catalogue's normal phrases ("bình thường", "nhịp xoang").
const ECG = {
  normal: { description: "Nhịp xoang đều, trục trung gian, không thấy biến đổi ST-T.", conclusion: "Nhịp xoang, điện tâm đồ bình thường" },
  lvh: { description: "Chỉ số Sokolow-Lyon tăng, biến đổi ST-T thứ phát ở V5, V6.", conclusion: "Dày thất trái" },
  tachycardia: { description: "Tần số tim trên 100 ck/phút, sóng P đồng dạng.", conclusion: "Nhịp nhanh xoang" },
  rbbb: { description: "QRS dạng rSR' ở V1, thời gian QRS 0,10 giây.", conclusion: "Block nhánh phải không hoàn toàn" },
} as const;

function localCode(style: FacilityStyle, index: number, abbr: string): string {
  if (style.codes === 0) return String(index + 1).padStart(3, "0") + abbr;
  if (style.codes === 1) return `XN${String(index + 1).padStart(4, "0")}`;
  return abbr;
}

/** One row position of a facility's panel: everything but the result is fixed per facility. */
interface RowTemplate {
  base: ObservationBase;
  render: (m: AdultMeasures) => ObservationResult;
}

export interface PanelTemplate {
  rows: readonly RowTemplate[];
  /** Position of the blood-glucose row, for defects that rewrite it. */
  glucoseAt: number;
}

/** Built once per facility: names, codes, units and paths are the same on every record it sends. */
export function panelTemplate(panel: LabPanel, style: FacilityStyle, prefix: string): PanelTemplate {
  const rows: RowTemplate[] = [];
  let glucoseAt = -1;
  const add = (abbr: string, base: Omit<RowTemplate["base"], "localCode" | "path">, render: RowTemplate["render"]): void => {
    rows.push({ base: { ...base, localCode: localCode(style, rows.length, abbr), path: `${prefix}/XML11/CHI_TIET_CLS[${rows.length}]` }, render });
  };
  const u = style.units;
  for (const t of panel.numeric) {
    if (t.lipid && !style.lipids) continue;
    if (t.key === "glucose_fasting") glucoseAt = rows.length;
    const factor = t.factors[u];
    const decimals = t.decimals[u];
    add(t.abbr, { category: "laboratory", serviceCode: t.service, name: t.names[style.names], unitRaw: t.units[u] }, (m) => ({
      valueRaw: fmt(t.value(m) / factor, decimals),
    }));
  }
  const urine = { category: "laboratory", serviceCode: DEMO_SERVICE_CODES.urinalysis, unitRaw: null } as const;
  for (const t of DIPSTICK) {
    add(t.abbr, { ...urine, name: t.names[style.names] }, (m) => ({ valueRaw: dipstickText(t.key, t.grade(m), style.urine) }));
  }
  add("PH", { ...urine, name: (["pH (nước tiểu)", "pH nước tiểu", "pH"] as const)[style.names] }, (m) => ({ valueRaw: fmt(m.urine.ph, 1) }));
  add("SG", { ...urine, name: (["Tỷ trọng nước tiểu", "Tỷ trọng", "SG"] as const)[style.names] }, (m) => ({ valueRaw: fmt(m.urine.sg, 3) }));
  add(
    "XQ",
    {
      category: "imaging",
      serviceCode: DEMO_SERVICE_CODES.chestXray,
      name: (["X-quang tim phổi thẳng", "Chụp X-quang ngực thẳng", "XQ tim phổi thẳng"] as const)[style.names],
      unitRaw: null,
    },
    (m) => {
      const text = XRAY[m.xray];
      // Radiologists word a normal film in several ways; vary it with an arbitrary measure.
      return { valueRaw: null, description: text.description, conclusion: text.conclusions[m.platelets % text.conclusions.length] as string };
    },
  );
  add(
    "ECG",
    { category: "exam", serviceCode: DEMO_SERVICE_CODES.ecg, name: (["Điện tâm đồ", "Điện tim", "ĐTĐ"] as const)[style.names], unitRaw: null },
    (m) => ({ valueRaw: null, ...ECG[m.ecg] }),
  );
  return { rows, glucoseAt };
}

export interface PanelRows {
  rows: Observation[];
  /** The glucose row, for defects that rewrite it. */
  glucose: Observation | null;
}

export function panelRows(template: PanelTemplate, m: AdultMeasures, performer: string): PanelRows {
  const rows = template.rows.map((t) => {
    const result = t.render(m);
    result.performer = performer;
    return observation(t.base, result);
  });
  return { rows, glucose: rows[template.glucoseAt] ?? null };
}
