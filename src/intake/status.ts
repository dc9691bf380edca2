/**
 * What a facility can read about its own pushes: each submission with each record's outcome and
 * findings, and each check-up's versions (accepted, waiting for review, superseded, retracted).
 */
import type { Deps } from "../deps.ts";
import type { Principal } from "../access/tokens.ts";
import { notFound } from "../outcome.ts";
import { listVersions, retract, insertEvents } from "../record/checkups-repo.ts";
import {
  findSubmission,
  findSubmissionByMsgId,
  listFacilitySubmissions,
  listSubmissionRecords,
  type SubmissionRecordRow,
  type SubmissionRow,
} from "./inbox-repo.ts";
import type { Finding } from "../checkup/finding.ts";
import { countOutcomes, findBodyPath, findProgress } from "./large-batch-repo.ts";
import type { BatchMeta } from "./channels/batch.ts";

const NOT_FOUND = { vi: "Không tìm thấy.", en: "Not found." };

/** Another facility's submission answers exactly like a missing one: its existence is not told. */
export function visible(who: Principal, row: SubmissionRow | null): row is SubmissionRow {
  if (!row) return false;
  if (who.role === "facility") return row.facility_id === who.facilityId;
  return who.role === "steward";
}

export async function submissionStatus(deps: Deps, who: Principal, id: string) {
  const row = await findSubmission(deps.db, id);
  if (!visible(who, row)) return notFound("SUBMISSION-NOT-FOUND", NOT_FOUND);
  const base = {
    submission_id: row.submission_id,
    msg_id: row.msg_id,
    status: row.status,
    received_at: row.received_at,
    finished_at: row.finished_at,
    sha256: row.sha256,
    size_bytes: row.size_bytes,
    counts: { records: row.record_count, accepted: row.accepted_count, rejected: row.rejected_count, review: row.review_count },
  };
  // A large upload kept as a file: progress while it runs, the manifest when done, and the
  // per-record results behind the manifest's URLs rather than inline (there may be millions).
  if (row.channel === "batch" && (await findBodyPath(deps.db, id)) !== null) {
    const p = await findProgress(deps.db, id);
    const counts = { accepted: p?.accepted ?? 0, unchanged: p?.unchanged ?? 0, review: p?.review ?? 0, rejected: p?.rejected ?? 0 };
    const progress = { rows_processed: p?.next_index ?? 0, counts, updated_at: p?.updated_at ?? null };
    return { ...base, progress, ...doneParts(row, counts, p?.file_findings ?? []), response: row.response };
  }
  const records = await listSubmissionRecords(deps.db, id);
  const batch = row.channel === "batch" ? doneParts(row, await batchCounts(deps, id), []) : {};
  return {
    ...base,
    records: records.map(recordView),
    ...batch,
    response: row.response,
  };
}

async function batchCounts(deps: Deps, id: string): Promise<OutcomeCounts> {
  const c = await countOutcomes(deps.db, id);
  return { accepted: c["accepted"] ?? 0, unchanged: c["unchanged"] ?? 0, review: c["review"] ?? 0, rejected: c["rejected"] ?? 0 };
}

/** The manifest of a finished batch, refused ones excepted (their answer says why). */
function doneParts(row: SubmissionRow, counts: OutcomeCounts, fileFindings: readonly Finding[]) {
  if (row.status !== "done" || row.http_status !== 200) return {};
  return { manifest: batchManifest(row, counts, fileFindings) };
}

type OutcomeCounts = { accepted: number; unchanged: number; review: number; rejected: number };

/**
 * Modelled on FHIR Bulk Data's status manifest (`transactionTime`, `request`, `requiresAccessToken`,
 * `output`, `error`, `extension`) as the bulk-submit status extends it (`submissionId`, error
 * `countSeverity`): each output is an NDJSON file of hoso's per-record results for one outcome;
 * the error file holds an OperationOutcome per rejected row. URLs are the hub's own, and need the
 * same access token as this status.
 */
function batchManifest(row: SubmissionRow, counts: OutcomeCounts, fileFindings: readonly Finding[]) {
  const id = row.submission_id;
  const meta = row.meta as BatchMeta | null;
  const output = (["accepted", "unchanged", "review"] as const)
    .filter((o) => counts[o] > 0)
    .map((o) => ({ type: "RecordResult", outcome: o, url: `/api/batches/${id}/results.ndjson?outcome=${o}`, count: counts[o] }));
  const error = counts.rejected > 0
    ? [{ type: "OperationOutcome", url: `/api/batches/${id}/errors.ndjson`, count: counts.rejected, countSeverity: [{ code: "error", count: counts.rejected }] }]
    : [];
  return {
    submissionId: id,
    transactionTime: row.finished_at,
    request: meta?.request ?? "/api/batches",
    requiresAccessToken: true,
    outputFormat: "application/x-ndjson",
    output,
    error,
    extension: {
      counts: { records: counts.accepted + counts.unchanged + counts.review + counts.rejected, ...counts },
      fileFindings,
      resultSheet: `/api/batches/${id}/result`,
    },
  };
}

export async function submissionByMsgId(deps: Deps, who: Principal, msgId: string) {
  const row = await findSubmissionByMsgId(deps.db, msgId);
  if (!visible(who, row)) return notFound("SUBMISSION-NOT-FOUND", NOT_FOUND);
  return submissionStatus(deps, who, row.submission_id);
}

export async function recentSubmissions(deps: Deps, who: Principal, limit: number) {
  const rows = await listFacilitySubmissions(deps.db, who.facilityId!, limit);
  return rows.map(({ response: _r, ...row }) => row);
}

export async function checkupStatus(deps: Deps, who: Principal, maLk: string) {
  const versions = await listVersions(deps.db, who.facilityId!, maLk);
  if (versions.length === 0) return notFound("CHECKUP-NOT-FOUND", NOT_FOUND);
  return { ma_lk: maLk, versions };
}

export async function retractCheckup(deps: Deps, who: Principal, maLk: string, reason: string) {
  const done = await deps.db.transaction(async (tx) => {
    const r = await retract(tx, who.facilityId!, maLk, reason);
    if (r) await insertEvents(tx, [{ personId: r.personId, checkupId: r.checkupId, kind: "checkup.retracted" }]);
    return r;
  });
  if (!done) {
    return notFound("CHECKUP-NOT-FOUND", { vi: "Không có phiên bản hiện hành để thu hồi.", en: "No current version to retract." });
  }
  return { ma_lk: maLk, status: "entered-in-error" };
}

/** One record's result as the status and the NDJSON results show it. */
export function recordView(r: Pick<SubmissionRecordRow, "idx" | "ma_lk" | "outcome" | "version" | "checkup_status" | "findings">) {
  return {
    index: r.idx,
    ma_lk: r.ma_lk,
    outcome: r.outcome,
    version: r.version,
    // A later version or a retraction changes what this record's check-up is now.
    current_status: r.checkup_status,
    findings: r.findings,
  };
}
