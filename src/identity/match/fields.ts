/**
 * Normal forms of the non-name fields, shared by the registry side and the record side so both
 * compare the same text: phone digits, folded address text, birth dates as parts.
 */
import { foldName } from "../fold.ts";
import type { BirthPrecision } from "./types.ts";

/**
 * Digits only; the country code +84/84 becomes the trunk 0 (Vietnamese numbers are 10 digits for
 * mobiles, 11 for landlines). Fewer than 9 digits is not a number anyone can be reached on: null.
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  let digits = (raw ?? "").replace(/\D/g, "");
  if (digits.startsWith("84") && digits.length >= 11) digits = `0${digits.slice(2)}`;
  return digits.length >= 9 ? digits : null;
}

/** Folded (no diacritics), lower case, letters and digits only: "Số 72, Thôn 12" ≡ "so 72 thon 12". */
export function normalizeAddress(raw: string | null | undefined): string | null {
  const text = foldName((raw ?? "").normalize("NFC")).replace(/[^a-z0-9]+/g, " ").trim();
  return text === "" ? null : text;
}

export interface BirthParts {
  year: number;
  /** 0 when unknown. */
  month: number;
  /** 0 when unknown. */
  day: number;
  precision: BirthPrecision;
}

/** Reads `YYYY-MM-DD` with its precision; unknown parts become 0. Null for text that is no date. */
export function birthParts(iso: string, precision: BirthPrecision = "day"): BirthParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = precision === "year" ? 0 : Number(m[2]);
  const day = precision === "day" ? Number(m[3]) : 0;
  if (year < 1800 || month > 12 || day > 31) return null;
  return { year, month, day, precision };
}

/** `yyyymmdd` as one integer (0 parts when unknown), for a compact registry column. */
export const birthNumber = (b: BirthParts): number => b.year * 10_000 + b.month * 100 + b.day;

export function birthFromNumber(n: number): BirthParts {
  const year = Math.floor(n / 10_000);
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  return { year, month, day, precision: day > 0 ? "day" : month > 0 ? "month" : "year" };
}
