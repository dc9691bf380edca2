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
  type SubmissionRow,
} from "./inbox-repo.ts";

const NOT_FOUND = { vi: "Không tìm thấy.", en: "Not found." };

/** Another facility's submission answers exactly like a missing one: its existence is not told. */
function visible(who: Principal, row: SubmissionRow | null): row is SubmissionRow {
  if (!row) return false;
  if (who.role === "facility") return row.facility_id === who.facilityId;
  return who.role === "steward";
}

export async function submissionStatus(deps: Deps, who: Principal, id: string) {
  const row = await findSubmission(deps.db, id);
  if (!visible(who, row)) return notFound("SUBMISSION-NOT-FOUND", NOT_FOUND);
  const records = await listSubmissionRecords(deps.db, id);
  return {
    submission_id: row.submission_id,
    msg_id: row.msg_id,
    status: row.status,
    received_at: row.received_at,
    finished_at: row.finished_at,
    sha256: row.sha256,
    size_bytes: row.size_bytes,
    counts: { records: row.record_count, accepted: row.accepted_count, rejected: row.rejected_count, review: row.review_count },
    records: records.map((r) => ({
      index: r.idx,
      ma_lk: r.ma_lk,
      outcome: r.outcome,
      version: r.version,
      // A later version or a retraction changes what this record's check-up is now.
      current_status: r.checkup_status,
      findings: r.findings,
    })),
    response: row.response,
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
