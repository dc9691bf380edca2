/**
 * What every check receives, and the field paths findings point at. A check is a pure function
 * that appends findings; indexes over the reference data are built once by `createChecker()`.
 */
import type { Finding } from "../finding.ts";
import type { AgeGroup, CheckupRecord } from "../model.ts";
import type { CatalogueIndex } from "../catalogue-index.ts";
import type { ObservationNote } from "../normalize-value.ts";
import type { RuleBook } from "../interpret.ts";
import type { PrefixIndex } from "../../identity/personal-id.ts";
import type { MixupHints } from "./unit-mixup.ts";

export interface CheckContext {
  /** The hub's clock, passed in: checks never read the time themselves. */
  now: Date;
  /** When the submission was durably received. */
  receivedAt: Date;
}

export interface CheckIndexes {
  catalogue: CatalogueIndex;
  rules: RuleBook;
  hints: MixupHints;
  provinces: ReadonlySet<string>;
  /** Commune code → province code (2025 list). */
  communes: ReadonlyMap<string, string>;
  ethnicities: ReadonlySet<string>;
  prefixes: PrefixIndex;
}

export interface CheckInput {
  /** The record after `normalizeObservations`. */
  record: CheckupRecord;
  /** `notes[i]` describes `record.observations[i]`. */
  notes: readonly ObservationNote[];
  ctx: CheckContext;
  /** Age in years at the exam, with fraction; null when a date is missing. */
  age: number | null;
  /** Declared (`TYPE`), else derived from the age, else adult. */
  ageGroup: AgeGroup;
  idx: CheckIndexes;
}

export type Check = (c: CheckInput, out: Finding[]) => void;

// Block holding each tag in QĐ 2062 (standards.md §5.8); used when the record's own blocks
// do not show where a (missing) field would have been.
const KSK_BLOCK: Readonly<Record<string, string>> = {
  MA_LK: "XML2",
  MA_CSKCB: "XML2",
  MA_GTIN_CSKCB: "XML2",
  DOI_TUONG: "XML2",
  NGUON_CHI_TRA: "XML2",
  MA_LOAI_KCB: "XML2",
  NGAY_VAO: "XML2",
  TYPE: "XML2",
  PHAN_LOAI_SK: "XML12",
  KET_LUAN_BENH: "XML12",
};

function blockOf(record: CheckupRecord, field: string): string {
  for (const [name, block] of Object.entries(record.blocks)) {
    if (block !== null && typeof block === "object" && field in block) return name;
  }
  // VSS tables keep the episode fields in XML1 (standards.md §4.3).
  return record.format === "vss" ? "XML1" : (KSK_BLOCK[field] ?? "XML1");
}

/** `HOSO[0]/XML1/SO_CCCD`: where a record-level field is (or should have been). */
export function fieldPath(record: CheckupRecord, field: string): string {
  return join(record.path, `${blockOf(record, field)}/${field}`);
}

/** An observation's, exam's or condition's own path, under the record's path. */
export function itemPath(record: CheckupRecord, item: { path: string }): string {
  return item.path === record.path || item.path.startsWith(`${record.path}/`) ? item.path : join(record.path, item.path);
}

const join = (prefix: string, rest: string): string => (prefix === "" ? rest : `${prefix}/${rest}`);

/** The raw string of a block field as received (`record.blocks`), trimmed; null when absent or blank. */
export function rawField(record: CheckupRecord, field: string): string | null {
  for (const block of Object.values(record.blocks)) {
    if (block === null || typeof block !== "object") continue;
    const v: unknown = Reflect.get(block, field);
    if (typeof v === "string" && v.trim() !== "") return v.trim();
  }
  return null;
}

export const blank = (s: string | null | undefined): boolean => s == null || s.trim() === "";
