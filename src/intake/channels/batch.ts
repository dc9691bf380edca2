/**
 * Spreadsheets from mobile screening teams (issue 3): a CSV or XLSX file with the programme's
 * details (organisation, kind, round, team, place, date) kept beside it. Every row goes through
 * the same checks; rows are keyed (MA_LK, else round-team-organisation-STT), so a corrected
 * re-upload replaces rather than duplicates. The team downloads the same sheet back with status
 * and findings columns (`GET /api/batches/:id/result`).
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { finding, type Finding } from "../../checkup/finding.ts";
import { parseCsvStream } from "../../formats/batch/parse-csv.ts";
import { parseXlsx } from "../../formats/batch/parse-xlsx.ts";
import type { BatchContext, BatchItem, Programme } from "../../formats/batch/types.ts";
import type { ParsedRecord } from "../../formats/types.ts";
import type { Channel, ChannelRead } from "./channel.ts";
import { statusUrl } from "./ksk-push.ts";

export interface BatchMeta {
  programme: Programme;
  facilityCode: string;
  /** The upload's own request (path and query), for the bulk-submit status manifest. */
  request?: string;
}

/** XLSX files are zip archives: they start with `PK`. */
export const isXlsx = (body: Uint8Array) => body[0] === 0x50 && body[1] === 0x4b;

export function batchItems(body: Uint8Array, ctx: BatchContext): AsyncGenerator<BatchItem> {
  return isXlsx(body) ? parseXlsx(() => Readable.from([Buffer.from(body)]), ctx) : parseCsvStream(Readable.from([Buffer.from(body)]), ctx);
}

/** The same reading from an upload kept as a file (large uploads): streamed, never read whole. */
export async function* batchItemsOfFile(path: string, ctx: BatchContext): AsyncGenerator<BatchItem> {
  yield* (await isXlsxFile(path)) ? parseXlsx(path, ctx) : parseCsvStream(createReadStream(path, { highWaterMark: 256 * 1024 }), ctx);
}

export async function isXlsxFile(path: string): Promise<boolean> {
  const head = Buffer.alloc(2);
  const file = await open(path, "r");
  try {
    await file.read(head, 0, 2, 0);
  } finally {
    await file.close();
  }
  return isXlsx(head);
}

export const batchUpload: Channel = {
  name: "batch",
  async read(body, _deps, _tools, meta): Promise<ChannelRead> {
    const m = meta as BatchMeta;
    const records: ParsedRecord[] = [];
    const findings: Finding[] = [];
    for await (const item of batchItems(body, { programme: m.programme, facilityCode: m.facilityCode })) {
      if (item.kind === "file") findings.push(item.finding);
      else records.push(item);
    }
    if (records.length === 0 && !findings.some((f) => f.severity === "error")) {
      findings.push(finding("BATCH-NO-ROWS", "error", "/", "Tệp không có dòng dữ liệu nào.", "The file has no data rows."));
    }
    return { facilityId: m.facilityCode, records, findings };
  },
  answer(_deps, ctx, outcome) {
    const base = { submission_id: ctx.submissionId, status_url: statusUrl(ctx.submissionId) };
    const results = { result_url: `/api/batches/${ctx.submissionId}/result` };
    switch (outcome.kind) {
      case "received":
        return { httpStatus: 202, body: { ...base, status: "received" } };
      case "gave-up":
        return { httpStatus: 500, body: { ...base, status: "failed" } };
      case "invalid":
        return { httpStatus: 400, body: { ...base, status: "refused", findings: outcome.findings } };
      case "done": {
        const counts: Record<string, number> = {};
        for (const r of outcome.results) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
        return { httpStatus: 200, body: { ...base, status: "done", counts, ...results, findings: outcome.findings, records: outcome.results } };
      }
    }
  },
};
