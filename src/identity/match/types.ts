/**
 * The shapes the matcher reads: what an incoming record says about its person (`MatchInput`) and
 * what the population registry holds (`MatchPerson`). Both are plain data; everything else in this
 * folder is pure functions over them.
 */

/** `day` for a full date; `month`/`year` when NGAY_SINH had `0000` parts (standards.md §4.1). */
export type BirthPrecision = "day" | "month" | "year";

export interface MatchBirthDate {
  /** As sent, for the review screen. */
  raw: string;
  /** `YYYY-MM-DD`; unknown parts filled with `01` (checkup/model.ts `Moment.iso`). */
  iso: string;
  precision: BirthPrecision;
}

/** `GIOI_TINH` 1 male, 2 female; 3 (undetermined) and blanks are `null`: not compared. */
export type MatchSex = "1" | "2";

/** What one check-up record says about its person, as sent. */
export interface MatchInput {
  fullName: string | null;
  birthDate: MatchBirthDate | null;
  sex: MatchSex | null;
  /** `SO_CCCD` as sent: 12-digit personal ID, 9-digit old ID card, passport, or blank. */
  personalIdRaw: string | null;
  communeCode: string | null;
  provinceCode: string | null;
  address: string | null;
  phone: string | null;
  /** `MA_THE_BHYT`, 15 characters (standards.md §7.2), or the 10-digit BHXH number alone. */
  insuranceNumber: string | null;
  /** The guardian's or accompanying adult's personal ID (NGUOI_GIAM_HO / NGUOI_DI_CUNG). */
  guardianPersonalId: string | null;
}

/** A registry person. `RegistryPerson` (identity/registry.ts) and the demo's people fit it. */
export interface MatchPerson {
  personalId: string;
  fullName: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: string;
  provinceCode: string | null;
  communeCode: string | null;
  address?: string | null;
  phone?: string | null;
  guardianPersonalId?: string | null;
}

/**
 * Identifier crosswalks the registry side supplies: old 9-digit ID-card numbers and cancelled
 * 12-digit numbers (Decree 70/2024 arts. 11–12: never reused, kept in the new card's QR) to the
 * current personal ID, and 10-digit BHXH numbers to the personal ID (standards.md §7.2: a mapping
 * table, not equality).
 */
export interface Crosswalks {
  formerIds?: ReadonlyMap<string, string>;
  insurance?: ReadonlyMap<string, string>;
}
