/** identity_cases: the review queue. One query per function. */
import { insertMany, sql, type Queryable } from "../../db/port.ts";
import type { CheckupRecord } from "../../checkup/model.ts";
import type { MatchResult } from "../match/index.ts";

export const CASE_STATUSES = ["open", "linked", "new-person", "withdrawn"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_REASONS = ["no-id", "not-in-registry", "mismatch", "registry-unavailable", "unmerged"] as const;
export type CaseReason = (typeof CASE_REASONS)[number];

export interface CaseRow {
  case_id: string;
  seq: number;
  person_id: string;
  checkup_id: string;
  facility_id: string;
  province_code: string;
  person_province_code: string | null;
  reason: CaseReason;
  match: MatchResult | null;
  evidence_key: string | null;
  rejected: string[];
  status: CaseStatus;
  resolved_person_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  decided_by: string | null;
}

export interface NewCaseRow {
  caseId: string;
  personId: string;
  checkupId: string;
  facilityId: string;
  provinceCode: string;
  personProvinceCode: string | null;
  reason: CaseReason;
  match: MatchResult | null;
  evidenceKey: string | null;
}

/**
 * Opens cases; a person that already has an open case (a re-sent record still waiting) keeps it,
 * now showing the newer version — and its version moves, so a decision made on the old one conflicts.
 */
export async function upsertOpenCases(tx: Queryable, rows: readonly NewCaseRow[], at: Date): Promise<void> {
  await insertMany(
    tx,
    "identity_cases",
    ["case_id", "person_id", "checkup_id", "facility_id", "province_code", "person_province_code", "reason", "match", "evidence_key", "created_at", "updated_at"],
    rows.map((r) => [r.caseId, r.personId, r.checkupId, r.facilityId, r.provinceCode, r.personProvinceCode, r.reason,
      r.match === null ? null : JSON.stringify(r.match), r.evidenceKey, at.toISOString(), at.toISOString()]),
    `ON CONFLICT (person_id) WHERE status = 'open' DO UPDATE SET checkup_id = EXCLUDED.checkup_id, facility_id = EXCLUDED.facility_id,
      province_code = EXCLUDED.province_code, person_province_code = EXCLUDED.person_province_code, reason = EXCLUDED.reason,
      match = EXCLUDED.match, evidence_key = EXCLUDED.evidence_key, version = identity_cases.version + 1, updated_at = EXCLUDED.updated_at`,
  );
}

export async function findCase(db: Queryable, caseId: string): Promise<CaseRow | null> {
  const rows = await db.query<CaseRow>(sql`SELECT * FROM identity_cases WHERE case_id = ${caseId}`);
  return rows[0] ?? null;
}

export async function findCases(db: Queryable, caseIds: readonly string[]): Promise<CaseRow[]> {
  if (caseIds.length === 0) return [];
  return db.query<CaseRow>(sql`SELECT * FROM identity_cases WHERE case_id = ANY(${[...caseIds]}::uuid[]) ORDER BY case_id`);
}

/** The open case of each of these persons. */
export async function openCasesOf(db: Queryable, personIds: readonly string[]): Promise<CaseRow[]> {
  if (personIds.length === 0) return [];
  return db.query<CaseRow>(sql`SELECT * FROM identity_cases WHERE person_id = ANY(${[...personIds]}::uuid[]) AND status = 'open' ORDER BY case_id`);
}

/** Other open cases saying the same about their person, within a province (null: anywhere). */
export async function openSiblings(db: Queryable, c: Pick<CaseRow, "case_id" | "evidence_key">, scope: string | null): Promise<CaseRow[]> {
  if (c.evidence_key === null) return [];
  return db.query<CaseRow>(sql`
    SELECT * FROM identity_cases
    WHERE evidence_key = ${c.evidence_key} AND status = 'open' AND case_id <> ${c.case_id}
      AND (${scope}::text IS NULL OR province_code = ${scope} OR person_province_code = ${scope})
    ORDER BY seq LIMIT 500`);
}

export interface CaseState {
  status: CaseStatus;
  resolvedPersonId: string | null;
  rejected: string[];
}

/**
 * Sets a case's state and moves its version, only if it is still at `expect.version` (when given)
 * and still open (when asked). Null: someone else changed it first — the caller answers 409.
 */
export async function updateCase(
  tx: Queryable,
  caseId: string,
  expect: { version?: number; open?: boolean },
  state: CaseState,
  by: { accountId: string | null; at: Date },
): Promise<CaseRow | null> {
  const at = by.at.toISOString();
  const decided = state.status !== "open";
  const rows = await tx.query<CaseRow>(sql`
    UPDATE identity_cases SET status = ${state.status}, resolved_person_id = ${state.resolvedPersonId}, rejected = ${state.rejected}::text[],
      version = version + 1, updated_at = ${at},
      decided_at = ${decided ? at : null}, decided_by = ${decided ? by.accountId : null}
    WHERE case_id = ${caseId}
      AND (${expect.version ?? null}::int IS NULL OR version = ${expect.version ?? null}::int)
      AND (${expect.open === true} = false OR status = 'open')
    RETURNING *`);
  return rows[0] ?? null;
}

export interface CaseListRow {
  case_id: string;
  seq: number;
  status: CaseStatus;
  reason: CaseReason;
  version: number;
  province_code: string;
  person_province_code: string | null;
  created_at: string;
  decided_at: string | null;
  facility_code: string;
  facility_name: string;
  exam_date: string | null;
  match_decision: string | null;
  match_score: number | null;
  match_reasons: string[] | null;
  candidate_count: number;
}

export interface CaseFilter {
  status: CaseStatus;
  /** The steward's province (null: the nation). */
  scope: string | null;
  /** A narrower province a national steward asked for. */
  province: string | null;
  reason: CaseReason | null;
  after: number;
  limit: number;
}

/** A page of the queue, oldest first. No personal data: a steward opens a case to see it (audited). */
export async function listCases(db: Queryable, f: CaseFilter): Promise<CaseListRow[]> {
  return db.query<CaseListRow>(sql`
    SELECT ic.case_id, ic.seq, ic.status, ic.reason, ic.version, ic.province_code, ic.person_province_code, ic.created_at, ic.decided_at,
      f.code AS facility_code, f.name AS facility_name, c.exam_date,
      ic.match->>'decision' AS match_decision, (ic.match->>'score')::float8 AS match_score, ic.match->'reasons' AS match_reasons,
      coalesce(jsonb_array_length(ic.match->'candidates'), 0) AS candidate_count
    FROM identity_cases ic
    JOIN facilities f ON f.facility_id = ic.facility_id
    LEFT JOIN checkups c ON c.person_id = coalesce(ic.resolved_person_id, ic.person_id) AND c.checkup_id = ic.checkup_id
    WHERE ic.status = ${f.status} AND ic.seq > ${f.after}
      AND (${f.scope}::text IS NULL OR ic.province_code = ${f.scope} OR ic.person_province_code = ${f.scope})
      AND (${f.province}::text IS NULL OR ic.province_code = ${f.province} OR ic.person_province_code = ${f.province})
      AND (${f.reason}::text IS NULL OR ic.reason = ${f.reason})
      AND (ic.status <> 'open' OR c.checkup_id IS NOT NULL)
    ORDER BY ic.seq
    LIMIT ${f.limit}`);
}

export interface CaseRecordRow {
  record: CheckupRecord;
  ma_lk: string;
  exam_date: string | null;
  status: string;
  identity_status: string;
}

/** The check-up a case shows, wherever it is now (still waiting, or with the person it was linked to). */
export async function caseRecord(db: Queryable, c: Pick<CaseRow, "person_id" | "resolved_person_id" | "checkup_id">): Promise<CaseRecordRow | null> {
  const holders = [c.person_id, ...(c.resolved_person_id ? [c.resolved_person_id] : [])];
  const rows = await db.query<CaseRecordRow>(sql`
    SELECT c.record, c.ma_lk, c.exam_date, c.status, c.identity_status FROM checkups c
    WHERE c.person_id = ANY(${holders}::uuid[]) AND c.checkup_id = ${c.checkup_id}`);
  return rows[0] ?? null;
}

export interface WaitingFacts {
  person_id: string;
  checkup_id: string;
  patient: CheckupRecord["patient"];
  person_province_code: string | null;
}

/** What a new case needs to know about the records it opens for (same transaction as intake). */
export async function waitingFacts(tx: Queryable, personIds: readonly string[], checkupIds: readonly string[]): Promise<WaitingFacts[]> {
  return tx.query<WaitingFacts>(sql`
    SELECT c.person_id, c.checkup_id, c.record->'patient' AS patient, p.province_code AS person_province_code
    FROM checkups c JOIN persons p ON p.person_id = c.person_id
    WHERE c.person_id = ANY(${[...personIds]}::uuid[]) AND c.checkup_id = ANY(${[...checkupIds]}::uuid[])`);
}

/** Cases of persons that no longer wait (linked by the registry coming back, merged away). */
export async function withdrawOpenCases(tx: Queryable, personIds: readonly string[], at: Date): Promise<number> {
  if (personIds.length === 0) return 0;
  const rows = await tx.query<{ case_id: string }>(sql`
    UPDATE identity_cases SET status = 'withdrawn', version = version + 1, updated_at = ${at.toISOString()}, decided_at = ${at.toISOString()}
    WHERE person_id = ANY(${[...personIds]}::uuid[]) AND status = 'open' RETURNING case_id`);
  return rows.length;
}

export async function facilityOf(db: Queryable, facilityId: string): Promise<{ code: string; name: string; province_code: string } | null> {
  const rows = await db.query<{ code: string; name: string; province_code: string }>(sql`
    SELECT code, name, province_code FROM facilities WHERE facility_id = ${facilityId}`);
  return rows[0] ?? null;
}
