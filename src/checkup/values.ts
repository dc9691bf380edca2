/**
 * Reading `GIA_TRI`: a number (with `.` or, tolerated, `,` as decimal separator and maybe the unit
 * typed after it), a fraction (`8/10` visual acuity, `120/80` blood pressure), or a qualitative
 * result (`Âm tính`, `(+)`, `2+`, `Vết`). The catalogue's condition language names qualitative
 * results `negative`, `trace`, `1+`…`4+`, `positive` (checkup-catalogue.md "Condition mini-language").
 */
import { foldedKey } from "./text.ts";

export interface ParsedNumber {
  value: number;
  /** `5,6` was read as 5.6: a warning, `.` is the separator (standards.md §1 item 8). */
  decimalComma: boolean;
  /** Text typed after the number (`5.6 mmol/L`), used when `DON_VI_DO` is blank. */
  unit: string;
}

const NUMBER = /^([+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+))\s*(.*)$/s;
// What may follow a number as a unit: a letter, %, µ, °, ‰ — not `/80` or `- 5`.
const UNIT_START = /^[\p{L}%\u00b5\u00b0\u2030]/u;

export function parseNumber(raw: string): ParsedNumber | null {
  const m = NUMBER.exec(raw.trim());
  if (!m) return null;
  const [, num = "", rest = ""] = m;
  if (rest !== "" && !UNIT_START.test(rest)) return null;
  const decimalComma = num.includes(",");
  const value = Number(decimalComma ? num.replace(",", ".") : num);
  return Number.isFinite(value) ? { value, decimalComma, unit: rest.trim() } : null;
}

const FRACTION = /^(\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)\s*(.*)$/s;

/** `a/b` with an optional unit after it: `8/10`, `120 / 80 mmHg`. */
export function parseFraction(raw: string): { top: number; bottom: number; unit: string } | null {
  const m = FRACTION.exec(raw.trim());
  if (!m) return null;
  const top = Number((m[1] ?? "").replace(",", "."));
  const bottom = Number((m[2] ?? "").replace(",", "."));
  const unit = (m[3] ?? "").trim();
  if (unit !== "" && !UNIT_START.test(unit)) return null;
  return { top, bottom, unit };
}

export const QUALITATIVE = ["negative", "trace", "positive", "1+", "2+", "3+", "4+"] as const;
export type Qualitative = (typeof QUALITATIVE)[number];

/**
 * Dipstick order for `grade >= '1+'`. A bare `positive` counts as 1+: a strip read as "Dương tính"
 * without a grade is at least 1+.
 */
export const GRADE_RANK: Readonly<Record<Qualitative, number>> = Object.freeze({
  negative: 0,
  trace: 0.5,
  positive: 1,
  "1+": 1,
  "2+": 2,
  "3+": 3,
  "4+": 4,
});

// Folded text (no diacritics): âm tính → am tinh, vết → vet, bình thường → binh thuong.
// "Bình thường" / "normal" (urobilinogen) reads as negative for the rules.
const NEGATIVE = /^\(?\s*-\s*\)?$|\b(am tinh|neg|negative|binh thuong|normal|khong phat hien)\b/;
const TRACE = /\b(vet|trace)\b|\u00b1|\+\s*\/?\s*-/;
const GRADE = /([1-4])\s*\+/;
const GRADES: Readonly<Record<string, Qualitative>> = { "1": "1+", "2": "2+", "3": "3+", "4": "4+" };
const PLUSES = /^\(?\s*(\+{1,4})\s*\)?$/;
const POSITIVE = /\b(duong tinh|pos|positive)\b|\(\s*\+\s*\)/;

export function parseQualitative(raw: string): Qualitative | null {
  const f = foldedKey(raw);
  if (f === "") return null;
  if (NEGATIVE.test(f)) return "negative";
  if (TRACE.test(f)) return "trace";
  const grade = GRADES[GRADE.exec(f)?.[1] ?? ""];
  if (grade) return grade;
  const pluses = PLUSES.exec(f)?.[1]?.length;
  if (pluses !== undefined) return pluses === 1 ? "positive" : (GRADES[String(pluses)] ?? null);
  return POSITIVE.test(f) ? "positive" : null;
}

export const isQualitative = (v: unknown): v is Qualitative =>
  typeof v === "string" && (QUALITATIVE as readonly string[]).includes(v);
