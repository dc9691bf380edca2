/**
 * The uploaded rows joined with their outcomes, for the result writers: every row passes through
 * as read; the header gets "Trạng thái" and "Lỗi" (or keeps them, when the team re-uploads a result
 * file), and each data row its status and findings. Outcomes must come in row order: the join walks
 * both sides once, so a million-row result needs no lookup table.
 */
import type { Finding } from "../../checkup/finding.ts";
import { cellText } from "./cells.ts";
import { columnByKey } from "./columns.ts";
import { buildHeaderIndex, columnOf, HEADER_SEARCH_ROWS, looksLikeHeader } from "./header.ts";
import { createFindingsText, STATUS_LABEL, type RowStatus } from "./result-text.ts";
import type { CellValue, SheetRow } from "./types.ts";

export interface RowOutcome {
  /** Sheet row, as `BatchRecord.row`. */
  row: number;
  status: RowStatus;
  findings: readonly Finding[];
}

export interface ResultRow {
  /** Sheet row it came from: an XLSX result keeps the upload's row numbers (rows skipped as empty stay empty). */
  row: number;
  values: CellValue[];
  kind: "before-header" | "header" | "data";
  status: RowStatus | null;
  /** 0-based positions of the two result columns; null above the header. */
  slots: { status: number; errors: number } | null;
}

export interface ResultSummary {
  rows: number;
  withOutcome: number;
  /** Outcomes whose row never came (out of order, or a row number not in the file). */
  unmatched: number;
}

export async function* resultRows(
  rows: AsyncIterable<SheetRow>,
  outcomes: AsyncIterable<RowOutcome> | Iterable<RowOutcome>,
  summary: ResultSummary,
): AsyncGenerator<ResultRow> {
  const index = buildHeaderIndex();
  const text = createFindingsText();
  const cursor = outcomeCursor(outcomes, summary);
  let slots: { status: number; errors: number } | null = null;
  let seen = 0;
  for await (const row of rows) {
    summary.rows++;
    const values = [...row.values];
    if (slots === null) {
      const texts = values.map((v) => cellText(v) ?? "");
      if (++seen <= HEADER_SEARCH_ROWS && looksLikeHeader(index, texts)) {
        slots = statusSlots(texts, (t) => columnOf(index, t)?.key ?? null);
        put(values, slots.status, columnByKey.get("TRANG_THAI")?.header ?? "TRANG_THAI");
        put(values, slots.errors, columnByKey.get("LOI")?.header ?? "LOI");
        yield { row: row.row, values, kind: "header", status: null, slots };
      } else {
        yield { row: row.row, values, kind: "before-header", status: null, slots: null };
      }
      continue;
    }
    const outcome = await cursor(row.row);
    // A row read as empty keeps the cells a merge spread into it empty, or it would come back filled.
    if (!outcome) for (const n of row.notes) if (n.note === "merged") values[n.col] = null;
    put(values, slots.status, outcome ? STATUS_LABEL[outcome.status] : null);
    put(values, slots.errors, outcome && outcome.findings.length > 0 ? text(outcome.findings) : null);
    yield { row: row.row, values, kind: "data", status: outcome?.status ?? null, slots };
  }
  await cursor(Infinity);
}

/** Where the two result columns go: where the header has them already, else after the last header cell. */
function statusSlots(texts: readonly string[], keyOf: (text: string) => string | null): { status: number; errors: number } {
  const keys = texts.map((t) => (t === "" ? null : keyOf(t)));
  const width = texts.reduce((w, t, i) => (t === "" ? w : i + 1), 0);
  const status = keys.indexOf("TRANG_THAI");
  const errors = keys.indexOf("LOI");
  const s = status >= 0 ? status : errors >= 0 ? Math.max(width, errors + 1) : width;
  return { status: s, errors: errors >= 0 ? errors : Math.max(width, s + 1) };
}

/** Sets a cell; a row too short for it is padded only to hold a value (a blank row stays blank). */
function put(values: CellValue[], at: number, value: CellValue): void {
  if (at >= values.length && value === null) return;
  while (values.length < at) values.push(null);
  values[at] = value;
}

/** Returns the outcome of `row`, skipping (and counting) outcomes for rows already passed. */
function outcomeCursor(outcomes: AsyncIterable<RowOutcome> | Iterable<RowOutcome>, summary: ResultSummary) {
  const it = Symbol.asyncIterator in outcomes ? outcomes[Symbol.asyncIterator]() : outcomes[Symbol.iterator]();
  let head: RowOutcome | null | undefined;
  const peek = async (): Promise<RowOutcome | null> => {
    if (head === undefined) {
      const next = await it.next();
      head = next.done ? null : next.value;
    }
    return head;
  };
  return async (row: number): Promise<RowOutcome | null> => {
    for (let o = await peek(); o !== null && o.row <= row; o = await peek()) {
      head = undefined;
      if (o.row === row) {
        summary.withOutcome++;
        return o;
      }
      summary.unmatched++;
    }
    return null;
  };
}
