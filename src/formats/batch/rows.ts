/**
 * The reading pipeline both readers share: sheet rows in, records and file findings out, in file
 * order, one row at a time (nothing is collected, so memory does not grow with the file but for
 * the key fingerprints, key-set.ts). Rows above the header are a title and are skipped; empty rows
 * and the template's example row are skipped; every other row becomes a record, good or bad.
 */
import { hasErrors } from "../../checkup/finding.ts";
import { foldedKey } from "../../checkup/text.ts";
import { cellText, hasReplacementChar } from "./cells.ts";
import { createCodeLookups } from "./codes.ts";
import { readDate } from "./dates.ts";
import { batchFinding, rowPath, type BatchCode } from "./findings.ts";
import { buildHeaderIndex, HEADER_SEARCH_ROWS, looksLikeHeader, mapHeader, type HeaderMap } from "./header.ts";
import { createKeySet } from "./key-set.ts";
import { buildRecord, unreadableRecord, type RowEnv } from "./record.ts";
import { programmeKeyPrefix } from "./row-key.ts";
import type { BatchContext, BatchItem, SheetRow } from "./types.ts";

/** Cells that do not make a row "filled": pre-numbered STT and the hub's own result columns. */
const NOT_CONTENT = new Set(["STT", "TRANG_THAI", "LOI"]);
const EXAMPLE_MARKS = new Set(["vi du", "vd", "example", "mau"]);

const fileFinding = (code: BatchCode, path: string): BatchItem => ({ kind: "file", finding: batchFinding(code, path) });

export async function* readBatchRows(rows: AsyncIterable<SheetRow>, ctx: BatchContext): AsyncGenerator<BatchItem> {
  const programmeDate = readDate(ctx.programme.date);
  if (programmeDate === null || !("moment" in programmeDate) || ctx.programme.organisation.trim() === "") {
    yield fileFinding("BATCH-PROGRAMME-INVALID", "PROGRAMME");
    return;
  }
  const it = rows[Symbol.asyncIterator]();
  try {
    const found = await findHeader(it);
    if (!("header" in found)) {
      yield fileFinding(found.problem, "HEADER");
      return;
    }
    const { header } = found;
    for (const finding of header.findings) yield { kind: "file", finding };
    if (hasErrors(header.findings)) return;
    const env: RowEnv = { ctx, header, lookups: createCodeLookups(), programmeDate: programmeDate.moment, keyPrefix: programmeKeyPrefix(ctx.programme), index: 0 };
    yield* readData({ [Symbol.asyncIterator]: () => it }, env);
    if (env.index === 0) yield fileFinding("BATCH-NO-ROWS", rowPath(header.row));
  } finally {
    await it.return?.(); // stopping early closes the upload stream
  }
}

/**
 * The first row, within the first 20, naming three template columns. A header read with U+FFFD
 * in it means the file is not UTF-8 (Excel's "CSV (Comma delimited)" on Windows writes
 * Windows-1258): every name in it would be garbled, so the file is refused as a whole.
 */
async function findHeader(it: AsyncIterator<SheetRow>): Promise<{ header: HeaderMap } | { problem: BatchCode }> {
  const index = buildHeaderIndex();
  for (let seen = 0; seen < HEADER_SEARCH_ROWS; ) {
    const next = await it.next();
    if (next.done) break;
    if (next.value.unreadable) continue;
    seen++;
    const texts = next.value.values.map((v) => cellText(v) ?? "");
    if (texts.some(hasReplacementChar)) return { problem: "BATCH-ENCODING" };
    if (looksLikeHeader(index, texts)) return { header: mapHeader(index, texts, next.value.row) };
  }
  return { problem: "BATCH-HEADER-NOT-FOUND" };
}

async function* readData(rows: AsyncIterable<SheetRow>, env: RowEnv): AsyncGenerator<BatchItem> {
  const { header } = env;
  const keys = createKeySet();
  let exampleSeen = false;
  for await (const row of rows) {
    if (row.unreadable) {
      yield unreadableRecord(row, env);
      env.index++;
      continue;
    }
    if (isEmpty(row, header)) continue;
    if (isExample(row, header)) {
      if (!exampleSeen) yield fileFinding("BATCH-EXAMPLE-SKIPPED", rowPath(row.row));
      exampleSeen = true;
      continue;
    }
    const item = buildRecord(row, env);
    env.index++;
    const earlier = item.record.maLk === null ? null : keys.add(item.record.maLk, row.row);
    if (earlier !== null) {
      const column = header.positions.has("MA_LK") ? "MA_LK" : "STT";
      item.findings.push(batchFinding("BATCH-KEY-DUPLICATE", rowPath(row.row, column), { vi: `dòng ${earlier}`, en: `row ${earlier}` }));
    }
    yield item;
  }
}

/**
 * Blank but for STT and the result columns. Cells the team did not type count as blank: Excel
 * errors of formulas filled down ahead of time, and values merges spread down (merges.ts).
 */
function isEmpty(row: SheetRow, header: HeaderMap): boolean {
  const notTyped = row.notes.length === 0 ? null : new Set(row.notes.filter((n) => n.note !== "formula").map((n) => n.col));
  return row.values.every((v, i) => {
    const key = header.byPosition[i]?.key;
    return cellText(v) === null || notTyped?.has(i) === true || (key !== undefined && NOT_CONTENT.has(key));
  });
}

/** The template's example row says "Ví dụ" in STT (or MA_LK). */
function isExample(row: SheetRow, header: HeaderMap): boolean {
  return ["STT", "MA_LK"].some((key) => {
    const i = header.positions.get(key);
    const text = i === undefined ? null : cellText(row.values[i]);
    return text !== null && EXAMPLE_MARKS.has(foldedKey(text));
  });
}
