/**
 * Streaming CSV reader for the mobile teams' spreadsheets (issue 3): bytes in, records and file
 * findings out as they are read, never collecting the rows, so a 1 GB file is read in constant
 * memory (bench-csv.ts). Each row becomes a CheckupRecord (`format: "batch"`, path `ROW[n]`);
 * a bad cell is a finding on its row only.
 */
import type { Readable } from "node:stream";
import { CsvRowTooLongError, openCsv } from "./csv-source.ts";
import { batchFinding, rowPath } from "./findings.ts";
import { readBatchRows } from "./rows.ts";
import type { BatchContext, BatchItem } from "./types.ts";

export async function* parseCsvStream(input: Readable | AsyncIterable<Buffer | string>, ctx: BatchContext): AsyncGenerator<BatchItem> {
  try {
    const csv = await openCsv(input);
    yield* readBatchRows(csv.rows, ctx);
  } catch (error) {
    if (error instanceof CsvRowTooLongError) {
      yield { kind: "file", finding: batchFinding("BATCH-ROW-TOO-LONG", rowPath(error.row)) };
    } else if (isCsvError(error)) {
      yield { kind: "file", finding: batchFinding("BATCH-FILE-UNREADABLE", "FILE") };
    } else {
      throw error;
    }
  }
}

/** csv-parse's own errors carry a `CSV_…` code; anything else (the upload stream failing) is rethrown. */
const isCsvError = (error: unknown): boolean =>
  error instanceof Error && typeof Reflect.get(error, "code") === "string" && String(Reflect.get(error, "code")).startsWith("CSV_");
