/**
 * Reference data shipped in `reference/` (copied from shared/data with their source notes): the
 * 2025 administrative units, ID prefixes, ethnicities, the check-up catalogue and the population
 * profile. Read once on first use and frozen: immutable, so safe to share across requests.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DIR = fileURLToPath(new URL("../../reference/", import.meta.url));

export interface Province {
  code: string;
  name: string;
  fullName: string;
  nameAscii: string;
  type: string;
  altNames?: string[];
}
export interface Commune extends Province {
  provinceCode: string;
}
export interface AdminUnits {
  provinces: Province[];
  communes: Commune[];
}
export interface IdPrefix {
  prefix: string;
  province: string;
  provinceAscii: string;
  oldProvinceCode: string;
  currentProvinceCode: string;
}
export interface Ethnicity {
  code: string;
  name: string;
  nameAscii: string;
  kind: string;
  aliases?: string[];
}
export interface AcceptedUnit {
  unit: string;
  ucum: string;
  factor: number | null;
  note?: string;
}
export interface AbnormalRule {
  id: string;
  condition: string;
  interpretation: string;
  meaningVi: string;
  meaningEn: string;
  appliesTo?: { sex?: "male" | "female"; ageMin?: number; ageMax?: number };
}
export interface CatalogueEntry {
  key: string;
  loinc: string | null;
  loincDisplay?: string;
  category: string;
  nameVi: string;
  nameEn: string;
  aliasesVi: string[];
  valueType: string;
  ucum: string;
  acceptedUnits: AcceptedUnit[];
  plausibleRange: { min: number; max: number; unit: string; note?: string } | null;
  referenceRange: Record<string, unknown> | null;
  abnormalRules: AbnormalRule[];
  contextRequired?: unknown;
  [extra: string]: unknown;
}

const cache = new Map<string, unknown>();
function load<T>(file: string): T {
  if (!cache.has(file)) cache.set(file, Object.freeze(JSON.parse(readFileSync(DIR + file, "utf8")) as T));
  return cache.get(file) as T;
}

export const adminUnits = (): AdminUnits => load<AdminUnits>("admin-units-2025.json");
export const idPrefixes = (): IdPrefix[] => load<{ prefixes: IdPrefix[] }>("id-province-prefixes.json").prefixes;
export const ethnicities = (): Ethnicity[] => load<{ ethnicities: Ethnicity[] }>("ethnicities.json").ethnicities;
export const catalogue = (): CatalogueEntry[] => load<CatalogueEntry[]>("checkup-catalogue.json");
// The profile's shape is documented in reference/population-profile.md; callers narrow what they read.
export const populationProfile = (): Record<string, unknown> => load<Record<string, unknown>>("population-profile.json");
