/**
 * Shapes shared by the spreadsheet readers and writers: the programme a team uploads for, the
 * cells of one sheet row as either reader sees them, and what a parse yields — records (each a
 * `ParsedRecord` with its sheet row) and file-level findings, in file order.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { ParsedRecord } from "../types.ts";

export const PROGRAMME_KINDS = ["school", "company", "office", "other"] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** The screening programme a file belongs to, given with the upload (issue 3). */
export interface Programme {
  /** Organisation screened: school, company, office. */
  organisation: string;
  kind: ProgrammeKind;
  /** Campaign round, e.g. `2026-D1`. */
  round: string;
  team: string;
  place: string;
  /** Exam date used when a row leaves NGAY_KHAM blank (dd/mm/yyyy or YYYY-MM-DD). */
  date: string;
  /** DOI_TUONG codes for rows that leave the column blank (QĐ 2062 requires it). */
  targetGroups?: readonly string[];
  /** NGUON_CHI_TRA for rows that leave the column blank (QĐ 2062 requires it). */
  fundingSource?: string;
  /** LY_DO_VV for rows that leave LY_DO_KHAM blank; a default by `kind` otherwise. */
  reason?: string;
}

export interface BatchContext {
  programme: Programme;
  /** The team's facility (5-character MA_CSKCB), the owner of every record. */
  facilityCode: string;
}

/** A cell as the readers hand it over: CSV gives text; XLSX numbers, booleans and dates too. */
export type CellValue = string | number | boolean | Date | null;

/** Something the XLSX reader noticed about one cell (formula, merge, Excel error). */
export type CellNote = "formula" | "formula-no-result" | "cell-error" | "merged" | "merged-across";

export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  /** By 0-based column position. */
  values: readonly CellValue[];
  notes: readonly { col: number; note: CellNote }[];
  /** The reader could not read this row at all (CSV unclosed quote). */
  unreadable?: boolean;
}

export interface BatchRecord extends ParsedRecord {
  kind: "record";
  /** Sheet row the record came from (header = row 1 in the template). */
  row: number;
}

export interface BatchFileFinding {
  kind: "file";
  finding: Finding;
}

export type BatchItem = BatchRecord | BatchFileFinding;
