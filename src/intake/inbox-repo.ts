/**
 * The inbox: raw submissions, durable before any answer (design.md invariant 1), and the work
 * queue workers share through `FOR UPDATE SKIP LOCKED`.
 */
import { join, sql, type Queryable, type ReadPart, type Row, type SqlQuery } from "../db/port.ts";

export type SubmissionStatus = "received" | "processing" | "done" | "refused";

export interface SubmissionRow {
  submission_id: string;
  facility_id: string;
  channel: string;
  msg_id: string | null;
  received_at: string;
  meta: unknown;
  sha256: string;
  size_bytes: number;
  status: SubmissionStatus;
  attempts: number;
  lease_until: string | null;
  http_status: number | null;
  response: unknown;
  record_count: number | null;
  accepted_count: number | null;
  rejected_count: number | null;
  review_count: number | null;
  finished_at: string | null;
}

const COLUMNS = sql`submission_id, facility_id, channel, msg_id, received_at, meta, sha256, size_bytes, status, attempts,
  lease_until, http_status, response, record_count, accepted_count, rejected_count, review_count, finished_at`;

export interface NewSubmission {
  submissionId: string;
  facilityId: string;
  channel: string;
  msgId: string | null;
  body: Uint8Array;
  sha256: string;
  /** `processing` with `leaseUntil`: stored already claimed by the request that will process it. */
  status: "received" | "processing" | "refused";
  receivedAt: Date;
  leaseUntil?: Date;
  meta?: unknown;
  httpStatus?: number;
  response?: unknown;
}

/** Inserts; with a `msgId` already taken, inserts nothing and returns null (idempotency). */
export async function insertSubmission(db: Queryable, s: NewSubmission): Promise<string | null> {
  return (await insertSubmissions(db, [s]))[0] ? s.submissionId : null;
}

/**
 * Inserts several in one statement; per submission, whether it was inserted (false: its
 * `msgId` was taken — by an earlier submission or by one before it in the same list).
 */
export async function insertSubmissions(db: Queryable, subs: readonly NewSubmission[]): Promise<boolean[]> {
  const tuples = subs.map((s) => sql`(${s.submissionId}::uuid, ${s.facilityId}::uuid, ${s.channel}, ${s.msgId}, ${s.receivedAt.toISOString()}::timestamptz,
      ${s.meta === undefined ? null : JSON.stringify(s.meta)}::jsonb, ${s.body}::bytea, ${s.sha256}, ${s.body.length}::int, ${s.status},
      ${s.status === "processing" ? 1 : 0}::int, ${s.leaseUntil?.toISOString() ?? null}::timestamptz, ${s.httpStatus ?? null}::int,
      ${s.response === undefined ? null : JSON.stringify(s.response)}::json,
      ${s.status === "refused" ? s.receivedAt.toISOString() : null}::timestamptz)`);
  const rows = await db.query<{ submission_id: string }>(sql`
    INSERT INTO submissions (submission_id, facility_id, channel, msg_id, received_at, meta, body, sha256, size_bytes,
      status, attempts, lease_until, http_status, response, finished_at)
    VALUES ${join(tuples)}
    ON CONFLICT (msg_id) DO NOTHING
    RETURNING submission_id`);
  const inserted = new Set(rows.map((r) => r.submission_id));
  return subs.map((s) => inserted.has(s.submissionId));
}

export async function findSubmission(db: Queryable, id: string): Promise<SubmissionRow | null> {
  const rows = await db.query<SubmissionRow>(sql`SELECT ${COLUMNS} FROM submissions WHERE submission_id = ${id}`);
  return rows[0] ?? null;
}

export async function findSubmissionByMsgId(db: Queryable, msgId: string): Promise<SubmissionRow | null> {
  const rows = await db.query<SubmissionRow>(sql`SELECT ${COLUMNS} FROM submissions WHERE msg_id = ${msgId}`);
  return rows[0] ?? null;
}

export async function readBody(db: Queryable, id: string): Promise<Uint8Array> {
  const rows = await db.query<{ body: Uint8Array }>(sql`SELECT body FROM submissions WHERE submission_id = ${id}`);
  return rows[0]!.body;
}

/** Takes one submission for processing if nobody holds a live lease on it. */
export async function claimSubmission(db: Queryable, id: string, now: Date, leaseMs: number): Promise<boolean> {
  const rows = await db.query(sql`
    UPDATE submissions SET status = 'processing', attempts = attempts + 1,
      lease_until = ${new Date(now.getTime() + leaseMs).toISOString()}
    WHERE submission_id = ${id}
      AND (status = 'received' OR (status = 'processing' AND lease_until < ${now.toISOString()}))
    RETURNING submission_id`);
  return rows.length > 0;
}

/** The oldest waiting submission (or one whose worker died), claimed; null when none. */
export async function claimNext(db: Queryable, now: Date, leaseMs: number): Promise<string | null> {
  const rows = await db.query<{ submission_id: string }>(sql`
    UPDATE submissions SET status = 'processing', attempts = attempts + 1,
      lease_until = ${new Date(now.getTime() + leaseMs).toISOString()}
    WHERE submission_id = (
      SELECT submission_id FROM submissions
      WHERE status = 'received' OR (status = 'processing' AND lease_until < ${now.toISOString()})
      ORDER BY received_at
      FOR UPDATE SKIP LOCKED
      LIMIT 1)
    RETURNING submission_id`);
  return rows[0]?.submission_id ?? null;
}

/** Locks the rows inside the storing transaction; returns those no other processor finished. */
/** The submissions' rows locked for finishing, in id order (a `readTogether` part; `liveOf` reads its rows). */
export function lockForFinishPart(ids: readonly string[]): ReadPart {
  return {
    select: sql`
      SELECT submission_id, status FROM submissions WHERE submission_id = ANY(${[...ids].sort()}::uuid[])
      ORDER BY submission_id FOR UPDATE`,
  };
}

/** Statuses of a submission still to finish. */
export const LIVE_STATUSES: readonly SubmissionStatus[] = ["processing", "received"];

/** Of the locked rows, the submissions still to finish. */
export function liveOf(rows: readonly Row[]): Set<string> {
  const live = rows as readonly unknown[] as readonly { submission_id: string; status: SubmissionStatus }[];
  return new Set(live.filter((r) => LIVE_STATUSES.includes(r.status)).map((r) => r.submission_id));
}

export async function lockForFinish(tx: Queryable, ids: readonly string[]): Promise<Set<string>> {
  return liveOf(await tx.query(lockForFinishPart(ids).select));
}

export interface Finish {
  httpStatus: number;
  response: unknown;
  recordCount: number;
  accepted: number;
  rejected: number;
  review: number;
}

export async function finishSubmission(tx: Queryable, id: string, f: Finish, now: Date): Promise<void> {
  await tx.query(finishStatement([{ id, ...f }], now)!);
}

/** The UPDATE that finishes submissions (null for none), to run alone or together (db/port.ts `runTogether`). */
export function finishStatement(done: readonly (Finish & { id: string })[], now: Date): SqlQuery | null {
  if (done.length === 0) return null;
  const col = <K extends keyof (Finish & { id: string })>(k: K) => done.map((d) => d[k]);
  return sql`
    UPDATE submissions s SET status = 'done', lease_until = NULL, http_status = t.http_status, response = t.response::json,
      record_count = t.record_count, accepted_count = t.accepted, rejected_count = t.rejected, review_count = t.review,
      finished_at = ${now.toISOString()}
    FROM unnest(${col("id")}::uuid[], ${col("httpStatus")}::int[], ${done.map((d) => JSON.stringify(d.response))}::text[],
      ${col("recordCount")}::int[], ${col("accepted")}::int[], ${col("rejected")}::int[], ${col("review")}::int[])
      AS t(id, http_status, response, record_count, accepted, rejected, review)
    WHERE s.submission_id = t.id`;
}

export interface SubmissionRecordRow {
  idx: number;
  ma_lk: string | null;
  outcome: "accepted" | "unchanged" | "rejected" | "review";
  checkup_id: string | null;
  version: number | null;
  findings: unknown;
  checkup_status: string | null;
}

export async function listSubmissionRecords(db: Queryable, id: string): Promise<SubmissionRecordRow[]> {
  return db.query<SubmissionRecordRow>(sql`
    SELECT r.idx, r.ma_lk, r.outcome, r.checkup_id, r.version, r.findings, c.status AS checkup_status
    FROM submission_records r
    LEFT JOIN checkups c ON c.person_id = r.person_id AND c.checkup_id = r.checkup_id
    WHERE r.submission_id = ${id} ORDER BY r.idx`);
}

export async function listFacilitySubmissions(db: Queryable, facilityId: string, limit: number): Promise<SubmissionRow[]> {
  return db.query<SubmissionRow>(sql`
    SELECT ${COLUMNS} FROM submissions WHERE facility_id = ${facilityId} ORDER BY received_at DESC LIMIT ${limit}`);
}
