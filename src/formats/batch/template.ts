/**
 * The template the hub serves (issue 3): a CSV (UTF-8 with BOM, so Excel shows the diacritics)
 * and an XLSX with the "Dữ liệu" sheet (headers, one example row, code columns formatted as Text),
 * "Hướng dẫn" (every column explained in Vietnamese and English) and "Mã" (code lists).
 */
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import { INPUT_COLUMNS, type Column } from "./columns.ts";
import { CODES_SHEET, DATA_SHEET, HELP_SHEET } from "./xlsx-source.ts";
import { codeRows, exampleRow, helpRows, type TextRow } from "./template-sheets.ts";

export interface TemplateCsvOptions {
  /** `,` by default; `;` opens straight into columns in a Vietnamese-locale Excel. */
  delimiter?: "," | ";";
}

export function writeTemplateCsv(options: TemplateCsvOptions = {}): string {
  const rows = [INPUT_COLUMNS.map((c) => c.header), exampleRow().map((v) => (v === null ? "" : String(v)))];
  return stringify(rows, { bom: true, delimiter: options.delimiter ?? ",", record_delimiter: "windows" });
}

export async function writeTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  formatDataSheet(data, INPUT_COLUMNS);
  data.addRow(INPUT_COLUMNS.map((c) => c.header));
  data.addRow([...exampleRow()]).font = { italic: true, color: { argb: "FF808080" } };
  styleHeader(data.getRow(1), INPUT_COLUMNS);
  addTextSheet(wb.addWorksheet(HELP_SHEET), helpRows(), [28, 22, 14, 50, 45, 50, 45, 18]);
  addTextSheet(wb.addWorksheet(CODES_SHEET), codeRows(), [34, 8, 36, 12, 26]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Text columns get the Text format (`@`) for the whole column, so typed codes stay as typed. */
function formatDataSheet(ws: ExcelJS.Worksheet, columns: readonly Column[]): void {
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.min(40, Math.max(10, c.header.length + 2));
    if (c.text) column.numFmt = "@";
  });
}

/** Required headers in red: the ones a file cannot do without. */
function styleHeader(row: ExcelJS.Row, columns: readonly Column[]): void {
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "middle" };
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.output ? "FFFCE4D6" : "FFDDEBF7" } };
    if (c.required) cell.font = { bold: true, color: { argb: "FFC00000" } };
  });
}

export function addTextSheet(ws: ExcelJS.Worksheet, rows: readonly TextRow[], widths: readonly number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const row of rows) ws.addRow([...row]).alignment = { wrapText: true, vertical: "top" };
}
