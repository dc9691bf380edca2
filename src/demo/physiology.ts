/**
 * Adult measures for demo check-ups. Each person has fixed latent traits (drawn from their personal
 * ID, so the same person looks the same in every run and every visit); a visit adds age, sex and
 * measurement noise. Means and spreads are tuned so the adult shares land near the profile's NCD
 * figures (population-profile.md §4): raised BP ≈ 19–25 %, fasting glucose ≥ 7 ≈ 6–7 %, BMI ≥ 25
 * ≈ 16–20 %, total cholesterol ≥ 6.2 ≈ 15 %, anaemia in women ≈ 20–29 %, mean height at 18 from GNS 2020.
 * Illustrative, not epidemiology.
 */
import { createRng, deriveSeed, type Rng } from "./rng.ts";
import type { Sex } from "./types.ts";

export interface Traits {
  heightZ: number;
  bmiZ: number;
  bpZ: number;
  /** Uniform draw: diabetic once the age-dependent risk exceeds it, so status only ever switches on. */
  diabetesU: number;
  glucoseZ: number;
  cholZ: number;
  hdlZ: number;
  tgZ: number;
  liverZ: number;
  hbZ: number;
  kidneyZ: number;
  /** Uniform draws for conditions whose risk rises with age. */
  myopiaU: number;
  lungU: number;
  heartU: number;
}

export function traitsOf(personalId: string): Traits {
  const rng = createRng(deriveSeed(0x7a17, personalId));
  const z = (): number => rng.normal(0, 1);
  return {
    heightZ: z(),
    bmiZ: z(),
    bpZ: z(),
    diabetesU: rng.float(),
    glucoseZ: z(),
    cholZ: z(),
    hdlZ: z(),
    tgZ: z(),
    liverZ: z(),
    hbZ: z(),
    kidneyZ: z(),
    myopiaU: rng.float(),
    lungU: rng.float(),
    heartU: rng.float(),
  };
}

export interface AdultMeasures {
  height: number;
  weight: number;
  bmi: number;
  pulse: number;
  sbp: number;
  dbp: number;
  glucose: number;
  tc: number;
  hdl: number;
  ldl: number;
  tg: number;
  urea: number;
  creatinine: number;
  uricAcid: number;
  ast: number;
  alt: number;
  wbc: number;
  rbc: number;
  hb: number;
  hct: number;
  mcv: number;
  mch: number;
  mchc: number;
  platelets: number;
  neutrophils: number;
  lymphocytes: number;
  /** Dipstick grades: 0 negative, 0.5 trace, 1–4 = 1+…4+. */
  urine: { protein: number; glucose: number; leukocytes: number; nitrite: boolean; blood: number; ketones: number; ph: number; sg: number };
  xray: "normal" | "fibrosis" | "cardiomegaly";
  ecg: "normal" | "lvh" | "tachycardia" | "rbbb";
  /** Decimal visual acuity without glasses, right and left. */
  vaRight: number;
  vaLeft: number;
  known: { diabetic: boolean };
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const round = (v: number, decimals: number): number => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** Mean adult height: GNS 2020 mean at 18 (168.1 / 156.2 cm), about 1.2 cm less per decade born earlier, shrinking after 60. */
function meanHeight(sex: Sex, age: number, examYear: number): number {
  const at18 = sex === "1" ? 168.1 : 156.2;
  const cohortGap = Math.max(0, 2020 - (examYear - age + 18)) * 0.12;
  return at18 - cohortGap - Math.max(0, age - 60) * 0.1;
}

function dipstick(rng: Rng, pTrace: number, pPositive: number): number {
  const u = rng.float();
  if (u < pPositive) return rng.chance(0.75) ? 1 : 2;
  return u < pPositive + pTrace ? 0.5 : 0;
}

export function adultMeasures(rng: Rng, t: Traits, sex: Sex, age: number, examYear: number): AdultMeasures {
  const male = sex === "1";
  const height = round(meanHeight(sex, age, examYear) + t.heightZ * (male ? 6 : 5.5), 0);
  const bmiTrue = clamp(21.4 + 0.045 * clamp(age - 25, 0, 35) + t.bmiZ * 3 + rng.normal(0, 0.25), 14, 45);
  const weight = round(bmiTrue * (height / 100) ** 2, 1);
  const bmi = round(weight / (height / 100) ** 2, 1);
  const sbp = Math.round(
    clamp(108 + (male ? 6 : 0) + 0.6 * (age - 18) + 0.9 * (bmi - 22) + t.bpZ * 13 + rng.normal(0, 5), 85, 230),
  );
  const dbp = Math.round(
    clamp(64 + (male ? 3 : 0) + 0.25 * clamp(age - 18, 0, 45) + 0.5 * (bmi - 22) + t.bpZ * 7.5 + rng.normal(0, 4), 45, sbp - 20),
  );
  const diabetic = t.diabetesU < 0.012 + 0.0045 * Math.max(0, age - 30) + 0.01 * Math.max(0, bmi - 24);
  const glucose = round(
    diabetic
      ? rng.chance(0.2)
        ? rng.normal(6.4, 0.4) // treated and controlled
        : 7 + Math.abs(rng.normal(0, 2.4))
      : clamp(4.8 + 0.008 * (age - 30) + 0.04 * (bmi - 22) + t.glucoseZ * 0.42 + rng.normal(0, 0.15), 3.4, 6.9),
    1,
  );
  const tc = round(clamp(4.75 + 0.018 * (age - 20) + (!male && age > 50 ? 0.3 : 0) + t.cholZ * 0.9 + rng.normal(0, 0.15), 2.5, 11), 2);
  const hdl = round(clamp((male ? 1.15 : 1.4) - 0.03 * (bmi - 22) + t.hdlZ * 0.27 + rng.normal(0, 0.05), 0.5, 2.8), 2);
  const tg = round(clamp((male ? 1.5 : 1.25) * Math.exp(0.04 * (bmi - 22) + t.tgZ * 0.45 + rng.normal(0, 0.1)), 0.3, 15), 2);
  const ldl = round(clamp(tc - hdl - tg / 2.2, 0.5, 9), 2); // Friedewald, mmol/L
  const kidneyAge = Math.max(0, age - 50) * 0.3;
  const creatinine = Math.round(clamp((male ? 82 : 62) * (1 + 0.12 * t.kidneyZ) + kidneyAge + rng.normal(0, 3), 35, 300));
  const hb = Math.round(clamp((male ? 148 : 128) + t.hbZ * 12 + rng.normal(0, 3), 70, 190));
  const rbc = round(clamp((hb / (male ? 148 : 128)) * (male ? 5.0 : 4.5) * (1 + rng.normal(0, 0.04)), 2.5, 7), 2);
  const hct = round(hb * clamp(rng.normal(0.3, 0.008), 0.27, 0.33), 1);
  const liver = Math.exp(t.liverZ * 0.4 + 0.03 * (bmi - 22));
  const neutrophils = round(clamp(rng.normal(58, 8), 35, 80), 1);
  const ecgAbnormal = t.heartU < 0.03 + (sbp >= 160 ? 0.1 : 0);
  return {
    height,
    weight,
    bmi,
    pulse: Math.round(clamp(rng.normal(78, 9), 50, 125)),
    sbp,
    dbp,
    glucose,
    tc,
    hdl,
    ldl,
    tg,
    urea: round(clamp(4.8 + 0.02 * (age - 40) + rng.normal(0, 1.1), 1.5, 15), 1),
    creatinine,
    uricAcid: Math.round(clamp((male ? 360 : 270) + 4 * (bmi - 22) + rng.normal(0, 65), 120, 700)),
    ast: Math.round(clamp(24 * Math.exp(t.liverZ * 0.3) + rng.normal(0, 3), 8, 400)),
    alt: Math.round(clamp((male ? 26 : 19) * liver + rng.normal(0, 3), 5, 500)),
    wbc: round(clamp(7 * Math.exp(rng.normal(0, 0.2)), 2.5, 20), 1),
    rbc,
    hb,
    hct,
    mcv: round((hct / rbc) * 10, 1),
    mch: round(hb / rbc, 1),
    mchc: Math.round((hb / hct) * 100),
    platelets: Math.round(clamp(255 * Math.exp(rng.normal(0, 0.2)), 60, 700)),
    neutrophils,
    lymphocytes: round(clamp(100 - neutrophils - rng.normal(8, 2), 10, 55), 1),
    urine: {
      protein: dipstick(rng, 0.03, sbp >= 160 || glucose >= 10 ? 0.15 : 0.02),
      glucose: glucose >= 10 ? (glucose >= 13 ? 3 : 2) : glucose >= 8.5 && rng.chance(0.3) ? 1 : 0,
      leukocytes: dipstick(rng, 0.04, male ? 0.02 : 0.08),
      nitrite: rng.chance(male ? 0.01 : 0.04),
      blood: dipstick(rng, 0.03, 0.03),
      ketones: dipstick(rng, 0.02, 0.01),
      ph: rng.pick([5, 5.5, 6, 6, 6.5, 6.5, 7, 7.5]),
      sg: rng.pick([1.005, 1.01, 1.015, 1.015, 1.02, 1.02, 1.025, 1.03]),
    },
    xray: t.lungU < 0.015 + 0.0006 * Math.max(0, age - 40) ? "fibrosis" : sbp >= 170 && t.heartU < 0.3 ? "cardiomegaly" : "normal",
    ecg: !ecgAbnormal ? "normal" : sbp >= 160 ? "lvh" : t.heartU < 0.015 ? "rbbb" : "tachycardia",
    ...visualAcuity(rng, t, age),
    known: { diabetic },
  };
}

/** Decimal acuity without glasses; myopia in roughly a quarter of adults, presbyopia not modelled. */
export function visualAcuity(rng: Rng, t: Traits, age: number): { vaRight: number; vaLeft: number } {
  const myopic = t.myopiaU < (age < 18 ? 0.04 + 0.012 * Math.max(0, age - 6) : 0.25);
  const eye = (): number => (myopic ? rng.pick([0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) : rng.pick([0.8, 0.9, 1, 1, 1, 1]));
  return { vaRight: eye(), vaLeft: eye() };
}
