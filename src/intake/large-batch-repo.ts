/**
 * SQL of the large-upload path (issue 3): submissions whose bytes are a file in the data folder,
 * their per-chunk checkpoint (`submission_progress`, migration 009) and the per-record results
 * read back page by page for the NDJSON outputs.
 */
import { sql, type Queryable } from "../db/port.ts";
import type { Finding } from "../checkup/finding.ts";

export interface NewFileSubmission {
  submissionId: string;
  facilityId: string;
  channel: string;
  bodyPath: string;
  sha256: string;
  sizeBytes: number;
  receivedAt: Date;
  meta: unknown;
}

/** The submission row and its (empty) checkpoint, in one transaction: the upload is then durable. */
export async function insertFileSubmission(tx: Queryable, s: NewFileSubmission): Promise<void> {
  await tx.query(sql`
    INSERT INTO submissions (submission_id, facility_id, channel, msg_id, received_at, meta, body, body_path, sha256, size_bytes, status)
    VALUES (${s.submissionId}, ${s.facilityId}, ${s.channel}, NULL, ${s.receivedAt.toISOString()}, ${JSON.stringify(s.meta)},
      ${new Uint8Array(0)}, ${s.bodyPath}, ${s.sha256}, ${s.sizeBytes}, 'received')`);
  await tx.query(sql`INSERT INTO submission_progress (submission_id) VALUES (${s.submissionId})`);
}

export async function findBodyPath(db: Queryable, id: string): Promise<string | null> {
  const rows = await db.query<{ body_path: string | null }>(sql`SELECT body_path FROM submissions WHERE submission_id = ${id}`);
  return rows[0]?.body_path ?? null;
}

export interface Progress {
  next_index: number;
  accepted: number;
  unchanged: number;
  review: number;
  rejected: number;
  file_findings: Finding[];
  updated_at: string;
}

export async function findProgress(db: Queryable, id: string): Promise<Progress | null> {
  const rows = await db.query<Progress>(sql`
    SELECT next_index, accepted, unchanged, review, rejected, file_findings, updated_at FROM submission_progress WHERE submission_id = ${id}`);
  return rows[0] ?? null;
}

/**
 * Locks the submission for one chunk and says whether this processor still owns it: the row is
 * `processing` and its attempt count is the one this processor's claim set (a later claim by
 * another worker, after this one's lease ran out, fences this one off).
 */
export async function lockChunk(tx: Queryable, id: string, attempt: number): Promise<{ owned: boolean; nextIndex: number }> {
  const rows = await tx.query<{ status: string; attempts: number; next_index: number }>(sql`
    SELECT s.status, s.attempts, p.next_index FROM submissions s JOIN submission_progress p USING (submission_id)
    WHERE s.submission_id = ${id} FOR UPDATE OF s`);
  const r = rows[0];
  return { owned: r !== undefined && r.status === "processing" && r.attempts === attempt, nextIndex: r?.next_index ?? 0 };
}

export interface ChunkDone {
  nextIndex: number;
  counts: { accepted: number; unchanged: number; review: number; rejected: number };
  fileFindings: readonly Finding[];
}

/** The checkpoint after a chunk, and a fresh lease, in the chunk's transaction. */
export async function advanceProgress(tx: Queryable, id: string, done: ChunkDone, leaseUntil: Date, now: Date): Promise<void> {
  const c = done.counts;
  await tx.query(sql`
    UPDATE submission_progress SET next_index = ${done.nextIndex}, accepted = accepted + ${c.accepted},
      unchanged = unchanged + ${c.unchanged}, review = review + ${c.review}, rejected = rejected + ${c.rejected},
      file_findings = ${JSON.stringify(done.fileFindings)}, updated_at = ${now.toISOString()}
    WHERE submission_id = ${id}`);
  await tx.query(sql`UPDATE submissions SET lease_until = ${leaseUntil.toISOString()} WHERE submission_id = ${id}`);
}

export interface ResultRow {
  idx: number;
  ma_lk: string | null;
  outcome: "accepted" | "unchanged" | "rejected" | "review";
  version: number | null;
  findings: Finding[];
  checkup_status: string | null;
}

/** One page of per-record results in record order, after `afterIdx`, of the given outcomes. */
export async function resultPage(db: Queryable, id: string, outcomes: readonly string[], afterIdx: number, limit: number): Promise<ResultRow[]> {
  return db.query<ResultRow>(sql`
    SELECT r.idx, r.ma_lk, r.outcome, r.version, r.findings, c.status AS checkup_status
    FROM submission_records r
    LEFT JOIN checkups c ON c.person_id = r.person_id AND c.checkup_id = r.checkup_id
    WHERE r.submission_id = ${id} AND r.idx > ${afterIdx} AND r.outcome = ANY(${[...outcomes]}::text[])
    ORDER BY r.idx LIMIT ${limit}`);
}

/** Counts by outcome of what is stored for a submission (the manifest of an upload read whole). */
export async function countOutcomes(db: Queryable, id: string): Promise<Record<string, number>> {
  const rows = await db.query<{ outcome: string; n: number }>(sql`
    SELECT outcome, count(*)::int AS n FROM submission_records WHERE submission_id = ${id} GROUP BY outcome`);
  return Object.fromEntries(rows.map((r) => [r.outcome, r.n]));
}

/** Extends the lease while this processor still owns the submission; false once it does not. */
export async function renewLease(db: Queryable, id: string, attempt: number, until: Date): Promise<boolean> {
  const rows = await db.query(sql`
    UPDATE submissions SET lease_until = ${until.toISOString()}
    WHERE submission_id = ${id} AND status = 'processing' AND attempts = ${attempt}
    RETURNING submission_id`);
  return rows.length > 0;
}
