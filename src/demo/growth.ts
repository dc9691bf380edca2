/**
 * Children's measures for demo check-ups: medians interpolated from the WHO Child Growth Standards
 * (0–5 y) and the WHO 2007 growth reference (5–19 y), rounded, with Viet Nam shifts from the
 * profile (population-profile.md §4): under-5 stunting ≈ 19 %, underweight ≈ 14 %, 5–19 overweight
 * ≈ 19 %, mean height at 18 from GNS 2020. Approximate medians, not z-score tables: the hub must
 * not classify real children with them.
 */
import type { Rng } from "./rng.ts";
import type { Traits } from "./physiology.ts";
import type { Sex } from "./types.ts";

type Curve = readonly (readonly [number, number])[];

function interpolate(curve: Curve, x: number): number {
  const first = curve[0] as readonly [number, number];
  if (x <= first[0]) return first[1];
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i] as readonly [number, number];
    const [x0, y0] = curve[i - 1] as readonly [number, number];
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return (curve[curve.length - 1] as readonly [number, number])[1];
}

// x = months for under-6 curves, years for school-age curves.
const LENGTH: Record<Sex, Curve> = {
  "1": [[0, 49.9], [6, 67.6], [12, 75.7], [24, 87.1], [36, 96.1], [48, 103.3], [60, 110], [72, 116]],
  "2": [[0, 49.1], [6, 65.7], [12, 74], [24, 85.7], [36, 95.1], [48, 102.7], [60, 109.4], [72, 115.1]],
};
const WEIGHT: Record<Sex, Curve> = {
  "1": [[0, 3.3], [6, 7.9], [12, 9.6], [24, 12.2], [36, 14.3], [48, 16.3], [60, 18.3], [72, 20.5]],
  "2": [[0, 3.2], [6, 7.3], [12, 8.9], [24, 11.5], [36, 13.9], [48, 16.1], [60, 18.2], [72, 20.2]],
};
const HEAD: Record<Sex, Curve> = {
  "1": [[0, 34.5], [6, 43.3], [12, 46.1], [24, 48.3], [36, 49.5], [48, 50.2], [60, 50.7], [72, 51.2]],
  "2": [[0, 33.9], [6, 42.2], [12, 45], [24, 47.2], [36, 48.5], [48, 49.3], [60, 49.9], [72, 50.4]],
};
const SCHOOL_HEIGHT: Record<Sex, Curve> = {
  "1": [[6, 116], [8, 127.3], [10, 137.8], [12, 149.1], [14, 163.2], [16, 172.9], [18, 176.1]],
  "2": [[6, 115.1], [8, 126.6], [10, 138.6], [12, 151.2], [14, 159.8], [16, 162.5], [18, 163.1]],
};
const SCHOOL_BMI: Record<Sex, Curve> = {
  "1": [[6, 15.3], [8, 15.7], [10, 16.4], [12, 17.5], [14, 19], [16, 20.5], [18, 21.7]],
  "2": [[6, 15.3], [8, 15.7], [10, 16.6], [12, 18], [14, 19.6], [16, 20.7], [18, 21.3]],
};
/** GNS 2020 mean height at 18 over the WHO 2007 median at 18. */
const VN_HEIGHT_AT_18: Record<Sex, number> = { "1": 168.1 / 176.1, "2": 156.2 / 163.1 };

const round = (v: number, decimals: number): number => Math.round(v * 10 ** decimals) / 10 ** decimals;

export interface InfantMeasures {
  length: number;
  weight: number;
  head: number;
  temperature: number;
  pulse: number;
  respiratoryRate: number;
  stunted: boolean;
  underweight: boolean;
  overweight: boolean;
}

export function infantMeasures(rng: Rng, t: Traits, sex: Sex, months: number): InfantMeasures {
  const heightZ = -1 + 1.05 * t.heightZ;
  const weightZ = -0.2 + 0.65 * heightZ + 0.75 * t.bmiZ;
  return {
    length: round(interpolate(LENGTH[sex], months) * (1 + 0.037 * heightZ), 1),
    weight: round(interpolate(WEIGHT[sex], months) * Math.exp(0.12 * weightZ), 1),
    head: round(interpolate(HEAD[sex], months) * (1 + 0.03 * (0.5 * heightZ + rng.normal(0, 0.8))), 1),
    temperature: round(rng.normal(36.8, 0.25), 1),
    pulse: Math.round(rng.normal(months < 12 ? 130 : 105 - months / 3, 10)),
    respiratoryRate: Math.round(rng.normal(months < 12 ? 40 : 28, 4)),
    stunted: heightZ < -2,
    underweight: weightZ < -2,
    overweight: weightZ > 2,
  };
}

export interface SchoolMeasures {
  height: number;
  weight: number;
  bmi: number;
  pulse: number;
  sbp: number;
  dbp: number;
  overweight: boolean;
  thin: boolean;
}

export function schoolMeasures(rng: Rng, t: Traits, sex: Sex, years: number, months: number): SchoolMeasures {
  const age = years + (months % 12) / 12;
  const vn = 1 - (1 - VN_HEIGHT_AT_18[sex]) * Math.min(1, age / 18);
  const height = round(interpolate(SCHOOL_HEIGHT[sex], age) * vn * (1 + 0.045 * t.heightZ), 0);
  const bmiZ = 0.1 + t.bmiZ;
  const bmiTrue = interpolate(SCHOOL_BMI[sex], age) * Math.exp(0.13 * bmiZ);
  const weight = round(bmiTrue * (height / 100) ** 2, 1);
  const sbp = Math.round(94 + 1.6 * (age - 6) + 0.6 * t.bpZ * 10 + rng.normal(0, 4));
  return {
    height,
    weight,
    bmi: round(weight / (height / 100) ** 2, 1),
    pulse: Math.round(rng.normal(92 - 1.2 * (age - 6), 9)),
    sbp,
    dbp: Math.min(sbp - 25, Math.round(56 + 0.9 * (age - 6) + 4 * t.bpZ + rng.normal(0, 4))),
    overweight: bmiZ > 1,
    thin: bmiZ < -2,
  };
}
