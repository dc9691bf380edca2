/**
 * Cell values as text. XLSX numbers are doubles: a formula's result like 22.857142857142858 or
 * 0.1+0.2 is cut to the 15 significant digits Excel itself shows, so what is stored is what the
 * team saw. Dates read back as ISO text; `dates.ts` reads them as dates where a date belongs.
 */
import type { CellValue } from "./types.ts";

/** Trimmed text of a cell; null when blank. */
export function cellText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const text = value.trim();
    return text === "" ? null : text;
  }
  if (typeof value === "number") return Number.isFinite(value) ? numberText(value) : null;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return dateText(value);
}

export const numberText = (n: number): string => String(Number(n.toPrecision(15)));

/** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when the cell has a time: the wall-clock parts Excel holds. */
export function dateText(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const date = d.toISOString().slice(0, 10);
  const time = d.toISOString().slice(11, 16);
  return time === "00:00" ? date : `${date}T${time}`;
}

/** U+FFFD: bytes that were not UTF-8 (a CSV saved in Windows-1258 or another code page). */
export const hasReplacementChar = (value: CellValue | undefined): boolean =>
  typeof value === "string" && value.includes("\uFFFD");
