/**
 * Vietnamese personal names for matching. Two forms: `normalizeName` keeps the tones (for scoring:
 * Hùng and Hưng are different names), `foldForBlocking` drops them (for blocking keys: a record
 * typed without diacritics must still meet its person). `splitFullName` reads one full-name string
 * as family, middle and given names, in the Vietnamese order.
 */
import { foldName } from "../fold.ts";

export interface NameParts {
  family: string;
  /** Everything between family and given name; empty for two-syllable names. */
  middle: string;
  given: string;
}

// Tone marks (huyền, sắc, ngã, hỏi, nặng) in NFD.
const TONE = "[\u0300\u0301\u0303\u0309\u0323]";
// reference/README.md "Matching names": oà/òa, oá/óa, oả/ỏa, oã/õa, oạ/ọa, oè/òe, uỳ/ùy, uý/úy, uỷ/ủy,
// uỹ/ũy, uỵ/ụy. One canonical placement, on the second vowel (Hoà, Thuý), as written before a final
// consonant anyway (hoàng, quỳnh). The look-ahead leaves a vowel that carries its own mark alone.
const OLD_O = new RegExp(`([oO])(${TONE})([aAeE])(?![\u0300-\u036f])`, "g");
const OLD_U = new RegExp(`([uU])(${TONE})([yY])(?![\u0300-\u036f])`, "g");
// Letters, combining marks, apostrophes and hyphens (ethnic-minority names: H'Hen, Y-Moan) stay.
const NOT_NAME = /[^\p{L}\p{M}'\-\s]/gu;

/** NFC, one tone placement, lower case, punctuation and digits out, single spaces. Keeps tones. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(OLD_O, "$1$3$2")
    .replace(OLD_U, "$1$3$2")
    .normalize("NFC")
    .toLowerCase()
    .replace(NOT_NAME, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Tones and other diacritics off, đ→d (identity/fold.ts), after `normalizeName`. Idempotent. */
export function foldForBlocking(name: string): string {
  return foldName(normalizeName(name));
}

/** True when the text carries any diacritic: a name typed without any has lost its tones, not changed them. */
export function hasDiacritics(name: string): boolean {
  return foldName(name) !== name.toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Two-syllable family names (folded). Kept short on purpose: only names that are never a family
 * name followed by a common middle name. Nguyễn Phúc is left out (Phúc is a common middle name).
 */
export const COMPOUND_FAMILY_NAMES: ReadonlySet<string> = new Set(["ton that", "ton nu", "au duong", "tu ma", "gia cat"]);

/**
 * Family name first, given name last, the rest is the middle name. One syllable is a given name;
 * a compound family name takes two syllables when a given name is left after it.
 */
export function splitFullName(fullName: string, compounds: ReadonlySet<string> = COMPOUND_FAMILY_NAMES): NameParts {
  const syllables = fullName.split(" ").filter((s) => s !== "");
  if (syllables.length === 0) return { family: "", middle: "", given: "" };
  if (syllables.length === 1) return { family: "", middle: "", given: syllables[0] as string };
  const familyLength = syllables.length >= 3 && compounds.has(foldName(syllables.slice(0, 2).join(" "))) ? 2 : 1;
  return {
    family: syllables.slice(0, familyLength).join(" "),
    middle: syllables.slice(familyLength, -1).join(" "),
    given: syllables.at(-1) as string,
  };
}

export function joinNameParts(parts: NameParts): string {
  return [parts.family, parts.middle, parts.given].filter((p) => p !== "").join(" ");
}
