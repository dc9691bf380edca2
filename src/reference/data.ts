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
  appliesTo?: { sex?: "male" | "female"; ageMin?: number; ageMax?: number; pregnant?: boolean };
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
  /** Canonical UCUM unit; null for coded, ordinal and narrative entries. */
  ucum: string | null;
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

// Parts of population-profile.json (reference/population-profile.md) that code reads. The loader
// above stays untyped so each reader narrows only what it uses: `populationProfile() as unknown as PopulationProfile`.
export interface ProfileProvince {
  code: string;
  name: string;
  /** Reorganisation "quy mô dân số" figure: a relative weight, not a statistics-office population. */
  population: number;
  areaKm2: number;
  year: number;
  mergedFrom: string[] | null;
  source: string;
}
export interface PyramidGroup {
  /** `0-4` … `95-99`, `100+`. */
  age: string;
  male: number;
  female: number;
}
export interface FamilyNameShare {
  name: string;
  /** Spellings counted together with `name` (Hoàng/Huỳnh, Vũ/Võ). */
  variants: string[];
  sharePublished: number | null;
  shareSample: number;
}
export interface NameShare {
  name: string;
  share: number;
}
export interface MiddleFullShare {
  middle: string;
  share: number;
}
export interface ProfileNames {
  familyShares: FamilyNameShare[];
  familyOtherInSample: FamilyNameShare[];
  middleMale: NameShare[];
  middleFemale: NameShare[];
  middleFullMale: MiddleFullShare[];
  middleFullFemale: MiddleFullShare[];
  syllableCount: { male: Record<string, number>; female: Record<string, number> };
  givenMale: NameShare[];
  givenFemale: NameShare[];
}
export interface NcdIndicator {
  value?: number | null;
  male?: number;
  female?: number;
  unit?: string;
  population?: string;
  year?: number | null;
  source?: string;
  note?: string;
}
export interface PopulationProfile {
  provinces: ProfileProvince[];
  provincesTotal: { population: number };
  pyramid: { year: number; referenceDate: string; groups: PyramidGroup[] };
  names: ProfileNames;
  ncd: Record<string, NcdIndicator>;
}
