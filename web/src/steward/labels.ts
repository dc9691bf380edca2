/**
 * Words for codes the API sends (a reason, a status, a breakdown field): an unknown code is shown
 * as sent rather than as a missing-key placeholder. (No import of the dictionary here: it lives in
 * the first-load chunk, and importing it from this lazy chunk would split it out of there.)
 */
import type { TFunction } from "i18next";

type Table = "reason" | "status" | "action" | "bf";
const word = (t: TFunction, table: Table, code: string): string =>
  // The key is built from data: i18next's defaultValue covers a code the dictionary lacks.
  t(`steward.${table}.${code}` as never, { defaultValue: code }) as string;

export const reasonLabel = (t: TFunction, code: string) => word(t, "reason", code);
export const statusLabel = (t: TFunction, code: string) => word(t, "status", code);
export const actionLabel = (t: TFunction, code: string) => word(t, "action", code);
export const breakdownLabel = (t: TFunction, code: string) => word(t, "bf", code);

/** A score in bits, one decimal, the reader's decimal mark. */
export function formatScore(score: number, lang: string, signed = false): string {
  return score.toLocaleString(lang === "en" ? "en-US" : "vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: signed ? "exceptZero" : "auto" });
}
