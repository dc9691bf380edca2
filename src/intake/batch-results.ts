/**
 * The spreadsheet a team gets back: its own upload with TRANG_THAI (status) and LOI (findings)
 * columns, so it can fix rows and upload again. Outcomes come from what was stored for each row.
 */
import { PassThrough, Readable } from "node:stream";
import type { Deps } from "../deps.ts";
import type { Principal } from "../access/tokens.ts";
import { notFound } from "../outcome.ts";
import { writeResultCsv, writeResultXlsx } from "../formats/batch/result.ts";
import type { RowOutcome } from "../formats/batch/result-rows.ts";
import type { Finding } from "../checkup/finding.ts";
import { findSubmission, listSubmissionRecords, readBody } from "./inbox-repo.ts";
import { batchItems, isXlsx, type BatchMeta } from "./channels/batch.ts";

/** The result in the upload's own format (CSV in, CSV out; XLSX in, XLSX out). */
export async function batchResult(deps: Deps, who: Principal, id: string): Promise<{ stream: Readable; type: string; name: string }> {
  const sub = await findSubmission(deps.db, id);
  if (!sub || sub.channel !== "batch" || sub.facility_id !== who.facilityId || sub.status !== "done") {
    return notFound("BATCH-NOT-FOUND", { vi: "Không có kết quả cho lần tải lên này.", en: "No result for this upload." });
  }
  const body = Buffer.from(await readBody(deps.db, id));
  const meta = sub.meta as BatchMeta;
  const stored = new Map((await listSubmissionRecords(deps.db, id)).map((r) => [r.idx, r]));
  // Which sheet row each record came from: read the upload again (records keep their `row`).
  const outcomes: RowOutcome[] = [];
  for await (const item of batchItems(body, { programme: meta.programme, facilityCode: meta.facilityCode })) {
    if (item.kind !== "record") continue;
    const r = stored.get(item.record.index);
    if (r) outcomes.push({ row: item.row, status: r.outcome, findings: r.findings as Finding[] });
  }
  outcomes.sort((a, b) => a.row - b.row);
  const out = new PassThrough();
  const xlsx = isXlsx(body);
  const write = xlsx ? writeResultXlsx(() => Readable.from([body]), outcomes, out) : writeResultCsv(Readable.from([body]), outcomes, out);
  write.catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return xlsx
    ? { stream: out, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: `ket-qua-${id}.xlsx` }
    : { stream: out, type: "text/csv; charset=utf-8", name: `ket-qua-${id}.csv` };
}
