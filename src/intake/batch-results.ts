/**
 * What a team gets back from an upload: the spreadsheet itself with TRANG_THAI (status) and LOI
 * (findings) columns, so it can fix rows and upload again; and the per-record results as NDJSON
 * (the outputs of the status manifest, status.ts): results of stored rows, and an OperationOutcome
 * per rejected row. All are streamed from what was stored, page by page, whatever the upload's size.
 */
import { createReadStream } from "node:fs";
import { PassThrough, Readable } from "node:stream";
import type { Deps } from "../deps.ts";
import type { Principal } from "../access/tokens.ts";
import { issue, notFound, outcome } from "../outcome.ts";
import { writeResultCsv, writeResultXlsx } from "../formats/batch/result.ts";
import type { RowOutcome } from "../formats/batch/result-rows.ts";
import type { BatchItem } from "../formats/batch/types.ts";
import { findSubmission, readBody, type SubmissionRow } from "./inbox-repo.ts";
import { findBodyPath, resultPage, type ResultRow } from "./large-batch-repo.ts";
import { batchItems, batchItemsOfFile, isXlsx, isXlsxFile, type BatchMeta } from "./channels/batch.ts";
import { recordView, visible } from "./status.ts";

export const OUTPUT_OUTCOMES = ["accepted", "unchanged", "review"] as const;
const PAGE = 1000;
const NO_RESULT = { vi: "Không có kết quả cho lần tải lên này.", en: "No result for this upload." };

/** The upload, as bytes in the database or as a file (large uploads). */
interface Upload {
  sub: SubmissionRow;
  meta: BatchMeta;
  xlsx: boolean;
  items(): AsyncGenerator<BatchItem>;
  /** A fresh stream of the upload's bytes. */
  open(): Readable;
}

async function loadUpload(deps: Deps, who: Principal, id: string, needDone: boolean): Promise<Upload> {
  const sub = await findSubmission(deps.db, id);
  if (!visible(who, sub) || sub.channel !== "batch" || (needDone && sub.status !== "done")) return notFound("BATCH-NOT-FOUND", NO_RESULT);
  const meta = sub.meta as BatchMeta;
  const ctx = { programme: meta.programme, facilityCode: meta.facilityCode };
  const path = await findBodyPath(deps.db, id);
  if (path !== null) {
    return { sub, meta, xlsx: await isXlsxFile(path), items: () => batchItemsOfFile(path, ctx), open: () => createReadStream(path) };
  }
  const body = Buffer.from(await readBody(deps.db, id));
  return { sub, meta, xlsx: isXlsx(body), items: () => batchItems(body, ctx), open: () => Readable.from([body]) };
}

/** The result in the upload's own format (CSV in, CSV out; XLSX in, XLSX out). */
export async function batchResult(deps: Deps, who: Principal, id: string): Promise<{ stream: Readable; type: string; name: string }> {
  if (who.role !== "facility") return notFound("BATCH-NOT-FOUND", NO_RESULT);
  const up = await loadUpload(deps, who, id, true);
  const outcomes = rowOutcomes(deps, id, up);
  const out = new PassThrough();
  const write = up.xlsx ? writeResultXlsx(() => up.open(), outcomes, out) : writeResultCsv(up.open(), outcomes, out);
  write.catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return up.xlsx
    ? { stream: out, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: `ket-qua-${id}.xlsx` }
    : { stream: out, type: "text/csv; charset=utf-8", name: `ket-qua-${id}.csv` };
}

/**
 * Which sheet row each stored result belongs to: the upload is read again (records keep their
 * `row`) and walked together with the stored results, both in record order.
 */
async function* rowOutcomes(deps: Deps, id: string, up: Upload): AsyncGenerator<RowOutcome> {
  const stored = storedResults(deps, id, [...OUTPUT_OUTCOMES, "rejected"]);
  let next = await stored.next();
  for await (const item of up.items()) {
    if (item.kind !== "record") continue;
    while (!next.done && next.value.idx < item.record.index) next = await stored.next();
    if (next.done) break;
    if (next.value.idx === item.record.index) yield { row: item.row, status: next.value.outcome, findings: next.value.findings };
  }
  await stored.return(undefined);
}

async function* storedResults(deps: Deps, id: string, outcomes: readonly string[]): AsyncGenerator<ResultRow> {
  for (let after = -1; ; ) {
    const page = await resultPage(deps.db, id, outcomes, after, PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.idx;
  }
}

/** NDJSON: one line per stored record of the given outcomes, in file order. */
export async function batchResultLines(deps: Deps, who: Principal, id: string, outcomes: readonly string[]): Promise<Readable> {
  const { sub } = await loadUpload(deps, who, id, false);
  return ndjson(storedResults(deps, sub.submission_id, outcomes), recordView);
}

/** NDJSON: one OperationOutcome per rejected row, its findings as issues (FHIR Bulk Data's error file). */
export async function batchErrorLines(deps: Deps, who: Principal, id: string): Promise<Readable> {
  const { sub } = await loadUpload(deps, who, id, false);
  return ndjson(storedResults(deps, sub.submission_id, ["rejected"]), (r) => ({
    ...outcome(...r.findings.map((f) => issue("invalid", f.code, f.message, f.path, f.severity))),
    id: `${sub.submission_id}-${r.idx}`,
    extension: [
      { url: "https://hoso.vn/fhir/StructureDefinition/record-index", valueInteger: r.idx },
      ...(r.ma_lk ? [{ url: "https://hoso.vn/fhir/StructureDefinition/ma-lk", valueString: r.ma_lk }] : []),
    ],
  }));
}

function ndjson<T>(rows: AsyncGenerator<T>, line: (r: T) => unknown): Readable {
  return Readable.from(
    (async function* () {
      for await (const r of rows) yield `${JSON.stringify(line(r))}\n`;
    })(),
  );
}
