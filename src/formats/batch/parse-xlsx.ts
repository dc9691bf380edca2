/**
 * Streaming XLSX reader for the mobile teams' spreadsheets (issue 3), the same records and
 * findings as the CSV reader. Decisions, each answered per row so no good row is lost:
 * - the sheet named "Dữ liệu", else the first visible sheet; other sheets ignored (a warning for
 *   sheets the template does not have);
 * - formulas: the cached result, with `BATCH-FORMULA`; never calculated → empty, a warning;
 * - merged cells: merged down a column, every row gets the first cell's value (`BATCH-MERGED`);
 *   merged across columns, the other columns are empty (`BATCH-MERGED-ACROSS`), see merges.ts;
 * - dates: Date cells, Excel serials and text alike (dates.ts).
 * The file is read twice (xlsx-source.ts), so it takes a path or a function that opens it.
 */
import { batchFinding } from "./findings.ts";
import { readBatchRows } from "./rows.ts";
import type { BatchContext, BatchItem } from "./types.ts";
import { planXlsx, xlsxRows, XlsxUnreadableError, type XlsxSource } from "./xlsx-source.ts";

export type { XlsxSource } from "./xlsx-source.ts";

export async function* parseXlsx(source: XlsxSource, ctx: BatchContext): AsyncGenerator<BatchItem> {
  let failed = false;
  try {
    const plan = await planXlsx(source);
    if (plan.extraSheets > 0) {
      yield { kind: "file", finding: batchFinding("BATCH-EXTRA-SHEETS", "WORKBOOK", { vi: `${plan.extraSheets} trang`, en: `${plan.extraSheets} sheet(s)` }) };
    }
    yield* readBatchRows(xlsxRows(source, plan), ctx);
  } catch (error) {
    if (!(error instanceof XlsxUnreadableError)) throw error;
    failed = true;
  }
  // After the rows read before the damage: a file-level error refuses the whole upload.
  if (failed) yield { kind: "file", finding: batchFinding("BATCH-FILE-UNREADABLE", "FILE") };
}
