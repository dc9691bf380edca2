/**
 * CSV bytes → sheet rows, streaming. The delimiter is found from the first lines (`,` as saved by
 * an English-locale Excel, `;` by a Vietnamese-locale one, tab by "Unicode Text", which is
 * UTF-16LE); an Excel `sep=;` line is honoured and not counted as a row. Rows are numbered as
 * Excel shows them, blank lines included. Quoting is relaxed (a stray `"` inside a cell is text).
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse, type CsvError } from "csv-parse";
import type { SheetRow } from "./types.ts";

export type Delimiter = "," | ";" | "\t";
const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];
const HEAD_BYTES = 64 * 1024;
const HEAD_LINES = 20;
/** A template row is under 2 KB; a megabyte without a line break is not a spreadsheet row. */
export const MAX_ROW_BYTES = 1 << 20;

export interface CsvSource {
  delimiter: Delimiter;
  rows: AsyncGenerator<SheetRow>;
}

/** Thrown (once rows before it were yielded) when a row passes MAX_ROW_BYTES. */
export class CsvRowTooLongError extends Error {
  constructor(readonly row: number) {
    super(`CSV row ${row} is longer than ${MAX_ROW_BYTES} bytes`);
  }
}

export async function openCsv(input: AsyncIterable<Buffer | string>): Promise<CsvSource> {
  const it = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size < HEAD_BYTES) {
    const next = await it.next();
    if (next.done) break;
    const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    size += chunk.length;
    if (countLines(chunk) >= HEAD_LINES) break;
  }
  const first = Buffer.concat(head);
  const utf16 = first[0] === 0xff && first[1] === 0xfe;
  const text = utf16 ? first.subarray(2).toString("utf16le") : first.toString("utf8").replace(/^\uFEFF/, "");
  const sep = /^sep=(.)\r?\n/i.exec(text);
  const delimiter = sep ? asDelimiter(sep[1]) : detectDelimiter(text);
  const skip = sep ? Buffer.byteLength(sep[0], utf16 ? "utf16le" : "utf8") + (utf16 ? 2 : first[0] === 0xef ? 3 : 0) : 0;
  const rest = async function* (): AsyncGenerator<Buffer> {
    try {
      yield first.subarray(skip);
      for (;;) {
        const next = await it.next();
        if (next.done) return;
        yield typeof next.value === "string" ? Buffer.from(next.value) : next.value;
      }
    } finally {
      await it.return?.(); // a reader that stops early closes the upload stream
    }
  };
  return { delimiter, rows: csvRows(rest(), delimiter, utf16 && skip > 0) };
}

const countLines = (b: Buffer): number => b.reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 0);
const asDelimiter = (c: string | undefined): Delimiter => DELIMITERS.find((d) => d === c) ?? ",";

/** The dominant delimiter of the line richest in delimiters (the header, or a full data row). */
function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ",";
  let bestCount = 0;
  for (const line of text.split(/\r?\n/).slice(0, HEAD_LINES)) {
    const unquoted = line.replace(/"[^"]*"/g, "");
    for (const d of DELIMITERS) {
      const n = unquoted.split(d).length - 1;
      if (n > bestCount) [best, bestCount] = [d, n];
    }
  }
  return best;
}

async function* csvRows(bytes: AsyncIterable<Buffer>, delimiter: Delimiter, utf16NoBom: boolean): AsyncGenerator<SheetRow> {
  const parser = parse({
    bom: true,
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    info: true,
    skip_records_with_error: true,
    max_record_size: MAX_ROW_BYTES,
    ...(utf16NoBom ? { encoding: "utf16le" as const } : {}),
  });
  const skipped: { row: number; error: CsvError }[] = [];
  parser.on("skip", (error: CsvError) => skipped.push({ row: recordsOf(error) + 1, error }));
  const feeding = pipeline(Readable.from(bytes, { objectMode: false }), parser);
  feeding.catch(() => undefined); // the same error surfaces through the iteration below
  const flush = function* (before: number): Generator<SheetRow> {
    while (skipped.length > 0 && (skipped[0]?.row ?? Infinity) < before) {
      const s = skipped.shift();
      if (!s) break;
      if (s.error.code === "CSV_MAX_RECORD_SIZE") throw new CsvRowTooLongError(s.row);
      yield { row: s.row, values: [], notes: [], unreadable: true };
    }
  };
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
    yield* flush(info.records);
    yield { row: info.records, values: record, notes: [] };
  }
  yield* flush(Infinity);
  await feeding;
}

function recordsOf(error: CsvError): number {
  const records: unknown = Reflect.get(error, "records");
  return typeof records === "number" ? records : 0;
}
