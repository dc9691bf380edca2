/**
 * The typed units one catalogue entry accepts, each with a converter into the entry's canonical
 * UCUM unit (checkup-catalogue.md "How to use it", step 2: `canonical = value × factor`). Where the
 * catalogue's factor is null its note gives a formula; the formulas are written out below. Units
 * the catalogue keeps but does not convert (eGFR in mL/min, promille, S/CO) stay unconverted.
 */
import type { AcceptedUnit, CatalogueEntry } from "../reference/data.ts";
import { unitKey } from "./text.ts";

export interface UnitOption {
  /** The catalogue's label (`mg/dL`, `°F`, `x/10`…). */
  label: string;
  ucum: string;
  /** Into the canonical unit; null when the catalogue keeps the unit but gives no conversion. */
  convert: ((n: number) => number) | null;
}

export interface UnitTable {
  /** Canonical UCUM unit of `Observation.value`; null for coded and narrative entries. */
  canonical: string | null;
  /** Options in catalogue order (most common first): the order mix-up explanations try them. */
  options: readonly UnitOption[];
  byKey: ReadonlyMap<string, UnitOption>;
  /** What a blank `DON_VI_DO` means: the canonical unit. */
  blank: UnitOption | null;
}

// Null-factor notes turned into code (checkup-catalogue.md "Unit conversion table").
const FORMULAS: Readonly<Record<string, (n: number) => number>> = {
  "[degF]": (f) => ((f - 32) * 5) / 9, // Cel = ([degF] − 32) × 5/9
  "mmol/mol": (x) => 0.09148 * x + 2.152, // HbA1c IFCC → NGSP master equation
  "urine_ketones|mg/dL": (x) => x / 10.2, // acetoacetate: mmol/L = mg/dL / 10.2
  "x/10": (n) => n / 10, // Vietnamese visual-acuity notation 8/10 → 0.8
  "6/x": (n) => 6 / n, // Snellen metres
  "20/x": (n) => 20 / n, // Snellen feet
  logMAR: (n) => 10 ** -n, // decimal = 10^(−logMAR)
};

const identity = (n: number): number => n;

function converterOf(entry: CatalogueEntry, u: AcceptedUnit): UnitOption["convert"] {
  if (u.factor !== null) {
    const factor = u.factor;
    return factor === 1 ? identity : (n) => n * factor;
  }
  return FORMULAS[`${entry.key}|${u.ucum}`] ?? FORMULAS[u.unit] ?? FORMULAS[u.ucum] ?? null;
}

/** Keys a label answers to: `S/CO, COI` → two; `mg/dL (urea)` → itself and `mg/dL`. */
function labelKeys(label: string): string[] {
  return label.split(/,\s+/).flatMap((part) => {
    const bare = part.replace(/\s*\([^)]*\)\s*$/, "");
    return bare !== part && bare !== "" ? [unitKey(part), unitKey(bare)] : [unitKey(part)];
  });
}

export function canonicalUnit(entry: CatalogueEntry): string | null {
  return entry.ucum ?? entry.acceptedUnits.find((u) => u.factor === 1 && u.ucum !== "")?.ucum ?? null;
}

export function buildUnitTable(entry: CatalogueEntry): UnitTable {
  const canonical = canonicalUnit(entry);
  const options: UnitOption[] = [];
  const byKey = new Map<string, UnitOption>();
  let blank: UnitOption | null = null;
  for (const u of entry.acceptedUnits) {
    if (u.ucum === "") continue; // qualitative descriptors (`Âm tính / neg / (-)`), not units
    const option: UnitOption = { label: u.unit, ucum: u.ucum, convert: converterOf(entry, u) };
    if (u.unit === "(no unit)") {
      blank = option;
      continue;
    }
    options.push(option);
    for (const k of labelKeys(u.unit)) if (!byKey.has(k)) byKey.set(k, option);
    if (!byKey.has(unitKey(u.ucum))) byKey.set(unitKey(u.ucum), option);
  }
  if (canonical !== null) {
    const same: UnitOption = { label: canonical, ucum: canonical, convert: identity };
    if (!byKey.has(unitKey(canonical))) byKey.set(unitKey(canonical), same);
    blank ??= same;
  }
  return { canonical, options, byKey, blank };
}

/** The option for a typed unit (blank → canonical); undefined when the entry does not accept it. */
export function findUnit(table: UnitTable, typed: string): UnitOption | undefined {
  const k = unitKey(typed);
  return k === "" ? (table.blank ?? undefined) : table.byKey.get(k);
}

/** Rounds away binary noise from conversions (5.550600000000001 → 5.5506). */
export const tidy = (n: number): number => Number(n.toPrecision(10));
