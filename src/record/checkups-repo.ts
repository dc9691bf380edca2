/**
 * Check-ups with versions, their observations and conditions. One row per (facility, MA_LK) in
 * `checkup_keys` is the lock that orders concurrent re-pushes of the same check-up.
 */
import { insertMany, sql, type Queryable } from "../db/port.ts";

export interface KeyClaim {
  /** New version number, or null when the content is unchanged (nothing to store). */
  version: number | null;
  checkupId: string;
  personId: string;
}

/**
 * Claims the next version of (facility, MA_LK) for `checkupId` unless the current content has the
 * same hash. The row lock taken here is held until the transaction ends.
 */
export async function claimVersion(
  tx: Queryable,
  k: { facilityId: string; maLk: string; personId: string; checkupId: string; contentSha256: string },
): Promise<KeyClaim> {
  const rows = await tx.query<{ version: number }>(sql`
    INSERT INTO checkup_keys (facility_id, ma_lk, version, person_id, checkup_id, content_sha256)
    VALUES (${k.facilityId}, ${k.maLk}, 1, ${k.personId}, ${k.checkupId}, ${k.contentSha256})
    ON CONFLICT (facility_id, ma_lk) DO UPDATE
      SET version = checkup_keys.version + 1, person_id = EXCLUDED.person_id, checkup_id = EXCLUDED.checkup_id,
          content_sha256 = EXCLUDED.content_sha256, retracted = false, updated_at = now()
      WHERE checkup_keys.content_sha256 <> EXCLUDED.content_sha256 OR checkup_keys.retracted
    RETURNING version`);
  if (rows[0]) return { version: rows[0].version, checkupId: k.checkupId, personId: k.personId };
  const current = await tx.query<{ version: number; checkup_id: string; person_id: string }>(sql`
    SELECT version, checkup_id, person_id FROM checkup_keys WHERE facility_id = ${k.facilityId} AND ma_lk = ${k.maLk}`);
  const c = current[0]!;
  return { version: null, checkupId: c.checkup_id, personId: c.person_id };
}

export interface CurrentKey {
  ma_lk: string;
  person_id: string;
  person_kind: "registry" | "provisional" | "unregistered";
}

export async function currentKeys(tx: Queryable, facilityId: string, maLks: readonly string[]): Promise<Map<string, CurrentKey>> {
  if (maLks.length === 0) return new Map();
  const rows = await tx.query<CurrentKey>(sql`
    SELECT k.ma_lk, k.person_id, p.kind AS person_kind FROM checkup_keys k JOIN persons p ON p.person_id = k.person_id
    WHERE k.facility_id = ${facilityId} AND k.ma_lk = ANY(${[...maLks]}::text[])
    ORDER BY k.ma_lk
    FOR UPDATE OF k`); // the same lock order as identity moves: the two serialise, never race
  return new Map(rows.map((r) => [r.ma_lk, r]));
}

/** Marks every other current version of the key superseded. */
export async function supersedeOthers(tx: Queryable, facilityId: string, maLk: string, keepCheckupId: string): Promise<void> {
  await tx.query(sql`
    UPDATE checkups SET status = 'superseded', status_changed_at = now()
    WHERE facility_id = ${facilityId} AND ma_lk = ${maLk} AND status = 'current' AND checkup_id <> ${keepCheckupId}`);
}

export interface CheckupInsert {
  personId: string;
  checkupId: string;
  facilityId: string;
  maLk: string;
  version: number;
  identityStatus: "linked" | "review";
  identityReason: string | null;
  kind: "checkup" | "encounter";
  submissionId: string;
  examTime: string | null;
  examDate: string | null;
  ageGroup: string | null;
  formType: string | null;
  healthClass: string | null;
  targetGroups: string[];
  fundingSource: string | null;
  late: boolean;
  record: unknown;
  findings: unknown;
}

export async function insertCheckups(tx: Queryable, rows: readonly CheckupInsert[]): Promise<void> {
  await insertMany(
    tx,
    "checkups",
    ["person_id", "checkup_id", "facility_id", "ma_lk", "version", "status", "identity_status", "identity_reason", "kind", "submission_id", "exam_time",
      "exam_date", "age_group", "form_type", "health_class", "target_groups", "funding_source", "late", "record", "findings"],
    rows.map((r) => [r.personId, r.checkupId, r.facilityId, r.maLk, r.version, "current", r.identityStatus, r.identityReason, r.kind, r.submissionId,
      r.examTime, r.examDate, r.ageGroup, r.formType, r.healthClass, r.targetGroups, r.fundingSource, r.late,
      JSON.stringify(r.record), JSON.stringify(r.findings)]),
  );
}

export const OBSERVATION_COLUMNS = ["person_id", "checkup_id", "seq", "key", "loinc", "category", "service_code", "local_code",
  "name", "value_raw", "unit_raw", "value", "unit", "value_text", "interpretation", "flags", "effective_date"] as const;

export async function insertObservations(tx: Queryable, rows: readonly unknown[][]): Promise<void> {
  if (rows.length > 0) await insertMany(tx, "observations", OBSERVATION_COLUMNS, rows);
}

export const CONDITION_COLUMNS = ["person_id", "checkup_id", "seq", "icd10", "text", "kind"] as const;

export async function insertConditions(tx: Queryable, rows: readonly unknown[][]): Promise<void> {
  if (rows.length > 0) await insertMany(tx, "conditions", CONDITION_COLUMNS, rows);
}

export async function insertEvents(tx: Queryable, rows: readonly { personId: string; checkupId: string; kind: string }[]): Promise<void> {
  if (rows.length > 0) {
    await insertMany(tx, "events", ["person_id", "checkup_id", "kind"], rows.map((r) => [r.personId, r.checkupId, r.kind]));
  }
}

export async function insertSubmissionRecords(tx: Queryable, rows: readonly unknown[][]): Promise<void> {
  if (rows.length > 0) {
    await insertMany(tx, "submission_records", ["submission_id", "idx", "ma_lk", "outcome", "person_id", "checkup_id", "version", "findings"], rows);
  }
}

export interface CheckupVersionRow {
  checkup_id: string;
  version: number;
  status: string;
  identity_status: string;
  submission_id: string;
  exam_date: string | null;
  created_at: string;
  status_changed_at: string | null;
}

export async function listVersions(tx: Queryable, facilityId: string, maLk: string): Promise<CheckupVersionRow[]> {
  return tx.query<CheckupVersionRow>(sql`
    SELECT checkup_id, version, status, identity_status, submission_id, exam_date, created_at, status_changed_at
    FROM checkups WHERE facility_id = ${facilityId} AND ma_lk = ${maLk} ORDER BY version`);
}

/**
 * Retraction: the current version becomes entered-in-error. The key row is locked first, in the
 * same order as a push takes its locks, so a retraction and a re-push cannot deadlock.
 */
export async function retract(tx: Queryable, facilityId: string, maLk: string, reason: string): Promise<{ personId: string; checkupId: string } | null> {
  const keys = await tx.query<{ person_id: string; checkup_id: string }>(sql`
    UPDATE checkup_keys SET retracted = true, updated_at = now()
    WHERE facility_id = ${facilityId} AND ma_lk = ${maLk} AND NOT retracted
    RETURNING person_id, checkup_id`);
  const key = keys[0];
  if (!key) return null;
  await tx.query(sql`
    UPDATE checkups SET status = 'entered-in-error', status_changed_at = now(), retract_reason = ${reason}
    WHERE person_id = ${key.person_id} AND checkup_id = ${key.checkup_id} AND status = 'current'`);
  return { personId: key.person_id, checkupId: key.checkup_id };
}
