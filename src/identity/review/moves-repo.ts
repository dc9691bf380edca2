/**
 * Moving check-ups between persons: every person-keyed row of the moved check-ups goes in the same
 * transaction — checkups, observations, conditions, events, PDF verification codes, submission
 * records and the (facility, MA_LK) key row that intake locks. A table that gains a person_id
 * column must be added to PERSON_KEYED here, or a merge would leave its rows behind.
 */
import { sql, type Queryable } from "../../db/port.ts";
import type { CheckupRecord } from "../../checkup/model.ts";

const PERSON_KEYED = ["observations", "conditions", "events", "checkup_verifications", "submission_records"] as const;

export interface HeldCheckup {
  person_id: string;
  checkup_id: string;
  facility_id: string;
  ma_lk: string;
  version: number;
  status: string;
  identity_status: "linked" | "review";
  identity_reason: string | null;
}

/**
 * Locks the key rows of every check-up these persons hold, in (facility, MA_LK) order — the order
 * intake takes them — so a re-push of the same check-up waits for the move instead of deadlocking.
 */
export async function lockKeysOf(tx: Queryable, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx.query(sql`
    SELECT k.facility_id FROM checkup_keys k
    JOIN checkups c ON c.facility_id = k.facility_id AND c.ma_lk = k.ma_lk
    WHERE c.person_id = ANY(${[...personIds]}::uuid[])
    ORDER BY k.facility_id, k.ma_lk
    FOR UPDATE OF k`);
}

/** Every version of every check-up these persons hold. */
export async function heldCheckups(db: Queryable, personIds: readonly string[]): Promise<HeldCheckup[]> {
  if (personIds.length === 0) return [];
  return db.query<HeldCheckup>(sql`
    SELECT person_id, checkup_id, facility_id, ma_lk, version, status, identity_status, identity_reason
    FROM checkups WHERE person_id = ANY(${[...personIds]}::uuid[])
    ORDER BY facility_id, ma_lk, version`);
}

/** Where these check-ups are now, among the persons named (each id → its holder). */
export async function holdersOf(db: Queryable, personIds: readonly string[], checkupIds: readonly string[]): Promise<HeldCheckup[]> {
  if (checkupIds.length === 0) return [];
  return db.query<HeldCheckup>(sql`
    SELECT person_id, checkup_id, facility_id, ma_lk, version, status, identity_status, identity_reason
    FROM checkups WHERE person_id = ANY(${[...new Set(personIds)]}::uuid[]) AND checkup_id = ANY(${[...checkupIds]}::uuid[])`);
}

export async function moveCheckups(tx: Queryable, checkupIds: readonly string[], from: string, to: string): Promise<void> {
  if (checkupIds.length === 0 || from === to) return;
  const ids = [...checkupIds];
  await tx.query(sql`UPDATE checkups SET person_id = ${to} WHERE person_id = ${from} AND checkup_id = ANY(${ids}::uuid[])`);
  for (const table of PERSON_KEYED) {
    await tx.query({
      text: `UPDATE ${table} SET person_id = $1 WHERE person_id = $2 AND checkup_id = ANY($3::uuid[])`,
      values: [to, from, ids],
    });
  }
  // The key row names the current version's person: it follows its check-up.
  await tx.query(sql`
    UPDATE checkup_keys k SET person_id = ${to}
    FROM checkups c
    WHERE c.person_id = ${to} AND c.checkup_id = ANY(${ids}::uuid[])
      AND k.facility_id = c.facility_id AND k.ma_lk = c.ma_lk AND k.person_id = ${from}`);
}

export interface IdentityUpdate {
  personId: string;
  checkupId: string;
  status: "linked" | "review";
  reason: string | null;
}

export async function setIdentity(tx: Queryable, rows: readonly IdentityUpdate[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(sql`
    UPDATE checkups c SET identity_status = u.status, identity_reason = u.reason
    FROM unnest(${rows.map((r) => r.personId)}::uuid[], ${rows.map((r) => r.checkupId)}::uuid[],
                ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.reason)}::text[]) AS u(person_id, checkup_id, status, reason)
    WHERE c.person_id = u.person_id AND c.checkup_id = u.checkup_id`);
}

/** Change events, so the health book, indicators and follow-ups restate (vneid feed, §invariant 2). */
export async function insertChangeEvents(tx: Queryable, rows: readonly { personId: string; checkupId: string | null; kind: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(sql`
    INSERT INTO events (person_id, checkup_id, kind)
    SELECT * FROM unnest(${rows.map((r) => r.personId)}::uuid[], ${rows.map((r) => r.checkupId)}::uuid[], ${rows.map((r) => r.kind)}::text[])`);
}

export interface MovedRecord {
  checkup_id: string;
  record: CheckupRecord;
  facility_id: string;
  facility_province: string;
}

/** The latest current one of these check-ups, with what a new provisional person takes from it. */
export async function latestRecord(db: Queryable, personId: string, checkupIds: readonly string[]): Promise<MovedRecord | null> {
  const rows = await db.query<MovedRecord>(sql`
    SELECT c.checkup_id, c.record, c.facility_id, f.province_code AS facility_province
    FROM checkups c JOIN facilities f ON f.facility_id = c.facility_id
    WHERE c.person_id = ${personId} AND c.checkup_id = ANY(${[...checkupIds]}::uuid[])
    ORDER BY (c.status = 'current') DESC, c.exam_time DESC NULLS LAST, c.created_at DESC
    LIMIT 1`);
  return rows[0] ?? null;
}
