/**
 * The result the team downloads (issue 3): the same spreadsheet as uploaded, streamed back with
 * "Trạng thái" (Đã nhận / Không đổi / Cần xem lại / Bị từ chối) and "Lỗi" (code, message, column)
 * added, so it can fix the rejected rows and upload the file again. Both writers re-read the upload
 * and walk the outcomes in row order; neither holds the rows. In the XLSX result, formulas are
 * replaced by their values and merged ranges by the value each cell was read with, so the
 * re-upload reads exactly what this upload read.
 */
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify";
import { cellText } from "./cells.ts";
import { openCsv } from "./csv-source.ts";
import { resultRows, type ResultSummary, type RowOutcome } from "./result-rows.ts";
import type { RowStatus } from "./result-text.ts";
import { addTextSheet } from "./template.ts";
import { codeRows, helpRows } from "./template-sheets.ts";
import { CODES_SHEET, DATA_SHEET, HELP_SHEET, planXlsx, xlsxRows, type XlsxSource } from "./xlsx-source.ts";

export type { RowOutcome, ResultSummary } from "./result-rows.ts";
export type { RowStatus } from "./result-text.ts";

type Outcomes = AsyncIterable<RowOutcome> | Iterable<RowOutcome>;
const emptySummary = (): ResultSummary => ({ rows: 0, withOutcome: 0, unmatched: 0 });

/** CSV in, CSV out with the same delimiter, UTF-8 with BOM. */
export async function writeResultCsv(input: Readable | AsyncIterable<Buffer | string>, outcomes: Outcomes, out: Writable): Promise<ResultSummary> {
  const csv = await openCsv(input);
  const summary = emptySummary();
  async function* lines(): AsyncGenerator<string[]> {
    for await (const row of resultRows(csv.rows, outcomes, summary)) yield row.values.map((v) => cellText(v) ?? "");
  }
  await pipeline(Readable.from(lines()), stringify({ bom: true, delimiter: csv.delimiter, record_delimiter: "windows" }), out);
  return summary;
}

const STATUS_FILL: Readonly<Record<RowStatus, string>> = {
  accepted: "FFC6EFCE",
  unchanged: "FFE2EFDA",
  review: "FFFFEB9C",
  rejected: "FFFFC7CE",
};

/** XLSX in (path or opener), XLSX out: the data sheet with its result, then the help and code sheets. */
export async function writeResultXlsx(source: XlsxSource, outcomes: Outcomes, out: Writable): Promise<ResultSummary> {
  const plan = await planXlsx(source);
  const summary = emptySummary();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  for await (const row of resultRows(xlsxRows(source, plan), outcomes, summary)) {
    const added = ws.getRow(row.row);
    added.values = row.values;
    if (row.kind === "header") added.font = { bold: true };
    styleDates(added, row.values);
    if (row.status && row.slots) {
      added.getCell(row.slots.status + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: STATUS_FILL[row.status] } };
      added.getCell(row.slots.errors + 1).alignment = { wrapText: true, vertical: "top" };
    }
    added.commit();
  }
  ws.commit();
  writeTextSheet(wb, HELP_SHEET, helpRows());
  writeTextSheet(wb, CODES_SHEET, codeRows());
  await wb.commit();
  return summary;
}

function styleDates(row: ExcelJS.Row, values: readonly unknown[]): void {
  values.forEach((v, i) => {
    if (v instanceof Date) row.getCell(i + 1).numFmt = "dd/mm/yyyy";
  });
}

function writeTextSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, rows: ReturnType<typeof helpRows>): void {
  const ws = wb.addWorksheet(name);
  addTextSheet(ws, rows, name === HELP_SHEET ? [28, 22, 14, 50, 45, 50, 45, 18] : [34, 8, 36, 12, 26]);
  ws.commit();
}
