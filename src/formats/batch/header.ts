/**
 * Finding the header row and mapping its cells to template columns. Headers match tolerant of
 * case, diacritics, spacing, punctuation and order: "Họ và tên", "HO VA TEN", "ho_va_ten" and the
 * key `HO_TEN` all map to the same column; a unit in brackets may be there or not ("Chiều cao
 * (cm)" = "Chiều cao"). Teams put a title above the table, so the header is the first row, within
 * the first 20, that names at least three template columns.
 */
import type { Finding } from "../../checkup/finding.ts";
import { foldedKey } from "../../checkup/text.ts";
import { COLUMNS, ROW_KEY_COLUMNS, type Column } from "./columns.ts";
import { batchFinding, rowPath } from "./findings.ts";

export const HEADER_SEARCH_ROWS = 20;
const MIN_MATCHES = 3;

/** Letters and digits of the folded text: `Họ và tên *` → `hovaten`. */
export const headerKey = (text: string): string => foldedKey(text).replace(/[^a-z0-9]/g, "");
export const withoutBrackets = (text: string): string => text.replace(/\([^)]*\)|\[[^\]]*\]/g, " ");

/** Normalised name → column; the first column to claim a name keeps it. */
export function buildHeaderIndex(columns: readonly Column[] = COLUMNS): ReadonlyMap<string, Column> {
  const index = new Map<string, Column>();
  for (const c of columns) {
    for (const name of [c.key, c.header, ...c.aliases]) {
      for (const k of [headerKey(name), headerKey(withoutBrackets(name))]) {
        if (k !== "" && !index.has(k)) index.set(k, c);
      }
    }
  }
  return index;
}

export function columnOf(index: ReadonlyMap<string, Column>, text: string): Column | null {
  return index.get(headerKey(text)) ?? index.get(headerKey(withoutBrackets(text))) ?? null;
}

export interface HeaderMap {
  /** 1-based sheet row of the header. */
  row: number;
  /** Column at each position; null for an ignored position. */
  byPosition: readonly (Column | null)[];
  /** Column key → position. */
  positions: ReadonlyMap<string, number>;
  /** File-level findings: missing (error), unknown and duplicate columns (warnings). */
  findings: Finding[];
}

function countMatches(index: ReadonlyMap<string, Column>, cells: readonly string[]): number {
  return new Set(cells.map((c) => columnOf(index, c)).filter((c) => c !== null)).size;
}

export const looksLikeHeader = (index: ReadonlyMap<string, Column>, cells: readonly string[]): boolean =>
  countMatches(index, cells) >= MIN_MATCHES;

export function mapHeader(index: ReadonlyMap<string, Column>, cells: readonly string[], row: number): HeaderMap {
  const path = rowPath(row);
  const findings: Finding[] = [];
  const positions = new Map<string, number>();
  const unknown: string[] = [];
  const byPosition = cells.map((text, i) => {
    if (text.trim() === "") return null;
    const column = columnOf(index, text);
    if (!column) {
      unknown.push(clip(text));
      return null;
    }
    if (positions.has(column.key)) {
      findings.push(batchFinding("BATCH-COLUMN-DUPLICATE", path, named([column])));
      return null;
    }
    positions.set(column.key, i);
    return column;
  });
  if (unknown.length > 0) findings.push(batchFinding("BATCH-COLUMN-UNKNOWN", path, listed(unknown)));
  const missing = COLUMNS.filter((c) => c.required && !positions.has(c.key));
  const keyColumns = COLUMNS.filter((c) => (ROW_KEY_COLUMNS as readonly string[]).includes(c.key));
  if (!keyColumns.some((c) => positions.has(c.key))) {
    findings.push(batchFinding("BATCH-COLUMN-MISSING", path, {
      vi: `cần cột ${keyColumns.map(quoted).join(" hoặc ")}`,
      en: `a ${keyColumns.map(quoted).join(" or ")} column is needed`,
    }));
  }
  if (missing.length > 0) findings.push(batchFinding("BATCH-COLUMN-MISSING", path, named(missing)));
  return { row, byPosition, positions, findings };
}

const quoted = (c: Column): string => `"${c.header}" (${c.key})`;
const named = (cols: readonly Column[]) => {
  const text = cols.map(quoted).join(", ");
  return { vi: text, en: text };
};
/** Header text is typed by the team; it is shown back clipped, ten at most. */
const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text).trim();
const listed = (names: readonly string[]) => {
  const shown = names.slice(0, 10).map((n) => `"${n}"`).join(", ");
  const more = names.length > 10 ? ` (+${names.length - 10})` : "";
  return { vi: shown + more, en: shown + more };
};
