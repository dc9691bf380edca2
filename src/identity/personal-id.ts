/**
 * What a `SO_CCCD` value is, and whether a 12-digit personal ID agrees with the birth year and sex
 * sent next to it. `SO_CCCD` has no "ID type" field: it may hold a 12-digit personal ID, a 9-digit
 * old ID card, a passport, something else, or nothing (standards.md §6.1). Disagreements are
 * reported as problems for the checks to turn into warnings, never rejections: there is no check
 * digit, numbers are re-issued and prefixes for births abroad are unknown (reference/README.md).
 */
import { idPrefixes, type IdPrefix } from "../reference/data.ts";

export type PersonalIdKind = "personal-id" | "old-id-card" | "passport" | "other" | "blank";
export type PersonalIdProblem = "prefix-unknown" | "sex-mismatch" | "birth-year-mismatch";
export type IdSex = "male" | "female";

export interface PersonalIdInfo {
  kind: PersonalIdKind;
  /** Digits 1–3 (12-digit IDs only). */
  prefix?: string;
  /** 2025 province code covering the prefix's old province (statistics only: the ID never changes). */
  prefixProvince?: string;
  sexFromId?: IdSex;
  /** First year of the century encoded by digit 4: 1900, 2000, 2100… */
  birthCentury?: number;
  /** Digits 5–6, the last two digits of the birth year. */
  yearDigits?: string;
  problems: PersonalIdProblem[];
}

/** What the record says about the person, to compare with the number. */
export interface IdContext {
  birthYear?: number | null;
  /** `GIOI_TINH` as sent: 1 male, 2 female, 3 undetermined (not compared). */
  sex?: string | null;
}

export type PrefixIndex = ReadonlyMap<string, IdPrefix>;

/** Index of the 63 prefixes (TT 07/2016/TT-BCA annex 1); build it once, not per record. */
export function prefixIndex(prefixes: readonly IdPrefix[] = idPrefixes()): PrefixIndex {
  return new Map(prefixes.map((p) => [p.prefix, p]));
}

// Memo of an index built from immutable reference data: the only module-level value, never
// changed once set, so sharing it across requests is safe.
let memo: PrefixIndex | undefined;
const defaultPrefixes = (): PrefixIndex => (memo ??= prefixIndex());

const TWELVE = /^\d{12}$/;
const NINE = /^\d{9}$/;
// Vietnamese passports are one letter + 7 digits; foreign ones vary, so allow 1–2 letters and
// 6–8 digits (standards.md §4.3 row SO_CCCD: "1 upper-case letter + 7 digits").
const PASSPORT = /^[A-Z]{1,2}\d{6,8}$/;

/** Classifies a `SO_CCCD` value and checks a 12-digit ID against the record. Pure. */
export function classifyPersonalId(
  raw: string | null | undefined,
  ctx: IdContext = {},
  prefixes: PrefixIndex = defaultPrefixes(),
): PersonalIdInfo {
  const id = raw?.trim() ?? "";
  if (id === "") return { kind: "blank", problems: [] };
  if (NINE.test(id)) return { kind: "old-id-card", problems: [] };
  if (PASSPORT.test(id)) return { kind: "passport", problems: [] };
  if (!TWELVE.test(id)) return { kind: "other", problems: [] };

  // Decree 137/2015/NĐ-CP art. 13: digits 1–3 province of birth registration, digit 4 century and
  // sex (even = male), digits 5–6 birth year, 7–12 random.
  const prefix = id.slice(0, 3);
  const digit4 = Number(id[3]);
  const yearDigits = id.slice(4, 6);
  const birthCentury = 1900 + Math.floor(digit4 / 2) * 100;
  const sexFromId: IdSex = digit4 % 2 === 0 ? "male" : "female";
  const known = prefixes.get(prefix);
  const problems: PersonalIdProblem[] = [];
  if (!known) problems.push("prefix-unknown");
  const sex = ctx.sex?.trim();
  if ((sex === "1" && sexFromId !== "male") || (sex === "2" && sexFromId !== "female")) problems.push("sex-mismatch");
  if (ctx.birthYear != null && ctx.birthYear !== birthCentury + Number(yearDigits)) problems.push("birth-year-mismatch");
  return {
    kind: "personal-id",
    prefix,
    ...(known ? { prefixProvince: known.currentProvinceCode } : {}),
    sexFromId,
    birthCentury,
    yearDigits,
    problems,
  };
}

/** `male`/`female` or `GIOI_TINH` 1/2. */
export type EncodeSex = IdSex | "1" | "2";

/**
 * Builds a 12-digit personal ID with the structure above, for the demo generator. Throws a
 * RangeError on impossible input (a programming error, not data).
 */
export function encodePersonalId(prefix: string, sex: EncodeSex, birthYear: number, serial: number): string {
  if (!/^\d{3}$/.test(prefix)) throw new RangeError("prefix must be 3 digits");
  if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > 2399) throw new RangeError("birth year must be 1900–2399");
  if (!Number.isInteger(serial) || serial < 0 || serial > 999_999) throw new RangeError("serial must be 0–999999");
  const female = sex === "female" || sex === "2";
  const digit4 = Math.floor((birthYear - 1900) / 100) * 2 + (female ? 1 : 0);
  return `${prefix}${digit4}${String(birthYear % 100).padStart(2, "0")}${String(serial).padStart(6, "0")}`;
}
