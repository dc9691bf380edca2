/**
 * Numbers and units for people: a decimal comma in Vietnamese (22,5), a point in English, and the
 * UCUM units the API sends (`mm[Hg]`, `kg/m2`) written the way a report prints them.
 */
import type { Lang } from "../i18n/lang.ts";

export function formatNumber(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

const UNITS: Record<string, string> = {
  "mm[Hg]": "mmHg",
  "kg/m2": "kg/m²",
  "Cel": "°C",
  "10*9/L": "G/L",
  "10*12/L": "T/L",
};

/** `mm[Hg]` → `mmHg`; units without a special spelling are shown as sent. */
export function displayUnit(ucum: string | null | undefined): string {
  if (!ucum) return "";
  return UNITS[ucum] ?? ucum.replace(/\[|\]/g, "");
}

/** `90–139 mmHg`, `≤ 5,2 mmol/L`, `≥ 60 mL/min`: a normal band as words and numbers. */
export function formatBand(low: number | null, high: number | null, unit: string | null, lang: Lang): string {
  const u = displayUnit(unit);
  const tail = u ? ` ${u}` : "";
  if (low !== null && high !== null) return `${formatNumber(low, lang)}–${formatNumber(high, lang)}${tail}`;
  if (high !== null) return `≤ ${formatNumber(high, lang)}${tail}`;
  if (low !== null) return `≥ ${formatNumber(low, lang)}${tail}`;
  return "";
}
