/**
 * Shapes the demo generator hands out: registry persons (what the population-registry adapter
 * serves), facilities (what the facility registry and intake accounts are seeded with) and
 * labelled check-ups (a canonical record plus the truth behind it, for tests and benchmarks).
 */
import type { CheckupRecord } from "../checkup/model.ts";

/** `GIOI_TINH`: 1 male, 2 female (standards.md §4.7). */
export type Sex = "1" | "2";

export interface DemoPerson {
  /** 12-digit personal ID, consistent with sex, birth year and birth province (standards.md §6.1). */
  personalId: string;
  fullName: string;
  familyName: string;
  /** Whole middle part; empty for two-syllable names. */
  middleName: string;
  givenName: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: Sex;
  /** 2025 province code (admin-units-2025.json). */
  provinceCode: string;
  /** 2025 commune code inside `provinceCode`. */
  communeCode: string;
  address: string;
  /** `MA_DAN_TOC`, 2 digits (standards.md §7.4). */
  ethnicity: string;
  /** Mobile number; null for young children. */
  phone: string | null;
  /** Members of one household share the address. */
  householdId: string;
  /** Parent in the same population, set for everyone under 18. */
  guardianPersonalId?: string;
}

export const FACILITY_KINDS = ["hospital", "commune_station", "clinic", "mobile_team"] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export interface DemoFacility {
  /** 5 characters: 2-digit province code + 3-digit serial (standards.md §7.1). */
  code: string;
  /** 13 digits, GS1 Vietnam prefix 893 and a valid GS1 check digit. */
  gln: string;
  name: string;
  provinceCode: string;
  communeCode: string;
  kind: FacilityKind;
  username: string;
}

export const DEFECTS = [
  "wrong_id",
  "missing_id",
  "name_typo",
  "unit_mixup_glucose",
  "unit_mixup_height",
  "out_of_range",
  "duplicate",
  "late_push",
] as const;
export type Defect = (typeof DEFECTS)[number];

/** Probability per record (0–1). A rate applies to records where the defect is possible. */
export type DefectRates = Record<Defect, number>;

export interface CheckupLabel {
  /** The true identity, whatever the record says. */
  personalId: string;
  defects: Defect[];
}

export interface DemoCheckup {
  record: CheckupRecord;
  label: CheckupLabel;
  receivedAt: Date;
}
