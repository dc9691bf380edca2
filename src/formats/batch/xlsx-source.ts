/**
 * XLSX → sheet rows with exceljs' streaming reader. The data sheet is the one named "Dữ liệu"
 * (any case, with or without diacritics), else the first visible sheet; other sheets are ignored,
 * with a warning for any the template does not have. Two passes over the file: the first finds the
 * data sheet and its merged ranges (merges.ts) without reading a cell, the second reads the rows.
 * Neither holds the rows. The shared-strings table must be held (cells point into it) and grows
 * with the number of distinct texts — an XLSX property, not a row buffer; it is kept compact.
 *
 * exceljs 4.4 sets `model` on its workbook reader and `name` and `iterator` (the sheet's raw XML)
 * on its sheet readers at runtime but leaves them out of its types; they are read with
 * `Reflect.get` here only, and parse-xlsx.test.ts fails if a new exceljs drops them.
 */
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { foldedKey } from "../../checkup/text.ts";
import { createMergeFill, scanMerges, type MergeRange } from "./merges.ts";
import type { CellNote, CellValue, SheetRow } from "./types.ts";
import { createSharedStrings, type SharedStrings } from "./shared-strings.ts";
import { readCell, sharedText } from "./xlsx-cells.ts";

/** A file path, or a function opening the upload afresh (the reader reads it twice). */
export type XlsxSource = string | (() => Readable);

export const DATA_SHEET = "Dữ liệu";
export const HELP_SHEET = "Hướng dẫn";
export const CODES_SHEET = "Mã";
const DATA_NAMES = new Set(["du lieu", "dulieu", "data"]);
const TEMPLATE_NAMES = new Set([HELP_SHEET, CODES_SHEET].map((n) => foldedKey(n)));

export interface XlsxPlan {
  sheet: string | null;
  /** Sheets neither the data sheet nor the template's help and code sheets. */
  extraSheets: number;
  merges: MergeRange[];
}

interface SheetInfo {
  name: string;
  state?: string;
}

const open = (source: XlsxSource): Readable => (typeof source === "string" ? createReadStream(source) : source());

function workbookSheets(reader: ExcelJS.stream.xlsx.WorkbookReader): SheetInfo[] {
  const model: unknown = Reflect.get(reader, "model");
  const sheets: unknown = typeof model === "object" && model !== null ? Reflect.get(model, "sheets") : undefined;
  return Array.isArray(sheets) ? sheets.filter((s): s is SheetInfo => typeof s === "object" && s !== null && typeof Reflect.get(s, "name") === "string") : [];
}

/** Sheets in tab order (workbook.xml), read once the reader has seen it. */
function chooseSheet(sheets: readonly SheetInfo[]): string | null {
  const named = sheets.find((s) => DATA_NAMES.has(foldedKey(s.name)));
  return (named ?? sheets.find((s) => s.state !== "hidden" && s.state !== "veryHidden") ?? sheets[0])?.name ?? null;
}

/** Pass 1: which sheet, how many extra sheets, which merged ranges. */
export async function planXlsx(source: XlsxSource): Promise<XlsxPlan> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await planOnce(source);
    } catch (error) {
      if (!(error instanceof XlsxUnreadableError && isReaderRace(error.cause) && attempt < ATTEMPTS)) throw error;
    }
  }
}

async function planOnce(source: XlsxSource): Promise<XlsxPlan> {
  const input = open(source);
  // With shared strings ignored exceljs parks every sheet in a temp file until the zip is read,
  // so the workbook's tab order is known when the first sheet comes out.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "ignore", styles: "ignore", hyperlinks: "ignore", worksheets: "emit" });
  const parked = guardSheets(reader);
  try {
    const plan: XlsxPlan = { sheet: null, extraSheets: 0, merges: [] };
    for await (const ws of reader) {
      const sheets = workbookSheets(reader);
      plan.sheet ??= chooseSheet(sheets);
      plan.extraSheets = sheets.filter((s) => s.name !== plan.sheet && !TEMPLATE_NAMES.has(foldedKey(s.name))).length;
      const raw: unknown = Reflect.get(ws, "iterator");
      if (sheetName(ws) === plan.sheet && isAsyncIterable(raw)) plan.merges = await scanMerges(raw);
      else destroy(raw);
    }
    if (parked.raced()) throw new ReaderRaceError();
    return plan;
  } catch (error) {
    throw unreadable(error);
  } finally {
    input.destroy();
    await parked.remove();
  }
}

/** Pass 2: the data sheet's rows, merges filled, exceljs values turned into cell values. */
export async function* xlsxRows(source: XlsxSource, plan: XlsxPlan): AsyncGenerator<SheetRow> {
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const row of rowsOnce(source, plan)) {
        yielded = true;
        yield row;
      }
      return;
    } catch (error) {
      const retry = !yielded && error instanceof XlsxUnreadableError && isReaderRace(error.cause) && attempt < ATTEMPTS;
      if (!retry) throw error;
    }
  }
}

/**
 * exceljs 4.4's streaming reader now and then finishes the zip without its workbook model (about
 * one read in 150 on an idle machine, small files or large; far more often on a loaded one, with
 * workbooks exceljs wrote, whose workbook.xml is the zip's last part) and then fails on its first
 * sheet with a TypeError on `sheets`, before any row. Nothing is wrong with the file: it is read again.
 */
const ATTEMPTS = 5;
const isReaderRace = (error: unknown): boolean =>
  error instanceof ReaderRaceError || (error instanceof TypeError && error.message.includes("'sheets'"));

/** The workbook model was missing when a sheet came out (see above): the read is retried. */
class ReaderRaceError extends Error {
  constructor() {
    super("exceljs gave a sheet before the workbook model");
  }
}

/**
 * exceljs parks sheets in temp files (os.tmpdir) and deletes each only when its walk moves past
 * it, asynchronously and without telling when; if it throws on a sheet (the race above) the
 * remaining files stay until the process exits. So each sheet reader is wrapped: a sheet that
 * comes out while the model is missing gets an empty model instead of throwing (the walk can go
 * on, and the read is retried), and each parked file's path is kept so the read removes it itself
 * before it finishes — when a read returns, its temp files are gone.
 */
function guardSheets(reader: ExcelJS.stream.xlsx.WorkbookReader): { raced(): boolean; remove(): Promise<void> } {
  const original: unknown = Reflect.get(reader, "_parseWorksheet");
  if (typeof original !== "function") throw new Error("exceljs: no _parseWorksheet on the workbook reader");
  const paths: string[] = [];
  let raced = false;
  Reflect.set(reader, "_parseWorksheet", function* (iterator: unknown, sheetNo: unknown): Generator<unknown> {
    const path: unknown = isObject(iterator) ? Reflect.get(iterator, "path") : undefined;
    if (typeof path === "string") paths.push(path);
    if (Reflect.get(reader, "model") === undefined) {
      raced = true;
      Reflect.set(reader, "model", { sheets: [] });
    }
    yield* (original as (it: unknown, no: unknown) => Generator<unknown>).call(reader, iterator, sheetNo);
  });
  return {
    raced: () => raced,
    remove: async () => {
      await Promise.all(paths.map((p) => rm(p, { force: true })));
    },
  };
}

async function* rowsOnce(source: XlsxSource, plan: XlsxPlan): AsyncGenerator<SheetRow> {
  if (plan.sheet === null) return;
  const input = open(source);
  // Styles are read so that date-formatted cells come out as dates rather than serial numbers.
  // Shared strings are emitted, not cached, and kept compact (shared-strings.ts); exceljs then
  // parks the sheets in temp files and reads them after the table, so it is complete by then.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "emit", styles: "cache", hyperlinks: "ignore", worksheets: "emit" });
  const parked = guardSheets(reader);
  const events: AsyncIterator<unknown> = reader.parse();
  const strings = createSharedStrings();
  let reading: unknown = null;
  try {
    for (let next = await events.next(); !next.done; next = await events.next()) {
      const sheet = sheetOf(next.value, strings);
      if (sheet === null) continue;
      // Sheets come out only once the whole zip was read: a model missing now is missing for good.
      if (parked.raced()) {
        destroy(Reflect.get(sheet, "iterator"));
        throw new ReaderRaceError();
      }
      if (sheetName(sheet) !== plan.sheet) {
        destroy(Reflect.get(sheet, "iterator"));
        continue;
      }
      reading = Reflect.get(sheet, "iterator");
      const fill = createMergeFill(plan.merges);
      let last = 0;
      for await (const row of sheet) {
        const number = Number.isInteger(row.number) && row.number > last ? row.number : last + 1;
        last = number;
        yield toSheetRow(number, row, fill, strings);
      }
    }
    if (parked.raced()) throw new ReaderRaceError();
  } catch (error) {
    throw unreadable(error);
  } finally {
    destroy(reading); // stopped halfway (a refused header): the data sheet's temp file is closed too
    await skipRest(events);
    input.destroy();
    await parked.remove();
  }
}

/**
 * exceljs 4.4 emits table entries bare, `{ index, text }` (added to the table here), and sheets as
 * `{ eventType: "worksheet", value }` (returned).
 */
function sheetOf(event: unknown, strings: SharedStrings): ExcelJS.stream.xlsx.WorksheetReader | null {
  if (!isObject(event)) return null;
  if (typeof Reflect.get(event, "index") === "number") {
    strings.add(sharedText(Reflect.get(event, "text")));
    return null;
  }
  const value: unknown = Reflect.get(event, "value");
  return Reflect.get(event, "eventType") === "worksheet" && isSheetReader(value) ? value : null;
}

/**
 * Walks the sheets left when the reader stopped early (a refused header): exceljs deletes a
 * sheet's temp file only when the walk passes it, and a server must not keep one per upload.
 */
async function skipRest(events: AsyncIterator<unknown>): Promise<void> {
  try {
    for (let next = await events.next(); !next.done; next = await events.next()) {
      const value: unknown = isObject(next.value) ? Reflect.get(next.value, "value") : undefined;
      if (isObject(value)) destroy(Reflect.get(value, "iterator"));
    }
  } catch {
    // The file was damaged: there is nothing left to walk.
  }
}

/** The upload is not a readable XLSX (not a zip, cut short, broken XML). */
export class XlsxUnreadableError extends Error {
  constructor(cause: unknown) {
    super("the file is not a readable XLSX", { cause });
  }
}

/** exceljs and unzipper throw plain errors for a bad file; an I/O failure of the upload itself is passed on as is. */
const unreadable = (error: unknown): unknown =>
  error instanceof Error && typeof Reflect.get(error, "syscall") === "string" ? error : new XlsxUnreadableError(error);

function toSheetRow(number: number, row: ExcelJS.Row, fill: ReturnType<typeof createMergeFill>, strings: SharedStrings): SheetRow {
  const raw = row.values;
  const cells = Array.isArray(raw) ? raw : [];
  const values: CellValue[] = [];
  const notes: { col: number; note: CellNote }[] = [];
  for (let i = 1; i < cells.length; i++) {
    const cell = readCell(cells[i], strings);
    values.push(cell.value);
    if (cell.note) notes.push({ col: i - 1, note: cell.note });
  }
  fill(number, values, notes);
  return { row: number, values, notes };
}

/** exceljs sets the sheet's name on its reader at runtime; its types leave it out. */
const sheetName = (ws: ExcelJS.stream.xlsx.WorksheetReader): unknown => Reflect.get(ws, "name");

const isObject = (v: unknown): v is object => typeof v === "object" && v !== null;

/** exceljs does not export its sheet reader class at runtime: recognised by shape. */
const isSheetReader = (v: unknown): v is ExcelJS.stream.xlsx.WorksheetReader =>
  isObject(v) && Symbol.asyncIterator in v && typeof Reflect.get(v, "parse") === "function";

const isAsyncIterable = (v: unknown): v is AsyncIterable<Buffer | string> =>
  typeof v === "object" && v !== null && Symbol.asyncIterator in v;

/**
 * A skipped sheet's temp-file stream is closed rather than left open. exceljs deletes the file as
 * soon as the walk moves on, which can beat the stream's own open: that late ENOENT is expected,
 * and without a listener it would be an uncaught 'error' event that ends the process.
 */
function destroy(v: unknown): void {
  if (typeof v !== "object" || v === null) return;
  const on: unknown = Reflect.get(v, "on");
  if (typeof on === "function") on.call(v, "error", () => undefined);
  const d: unknown = Reflect.get(v, "destroy");
  if (typeof d === "function") d.call(v);
}
