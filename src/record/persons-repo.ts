import { randomUUID } from "node:crypto";
import { insertMany, sql, type Queryable } from "../db/port.ts";
import type { RegistryPerson } from "../identity/registry.ts";

/**
 * Person rows for registry-linked citizens, created on first sight; returns personal ID →
 * person_id. One statement inserts the new ones and reads the others; a person another
 * transaction inserted meanwhile (invisible to that statement's snapshot) is read after.
 */
export async function ensureRegistryPersons(tx: Queryable, people: readonly RegistryPerson[]): Promise<Map<string, string>> {
  const unique = [...new Map(people.map((p) => [p.personalId, p])).values()].sort((a, b) => (a.personalId < b.personalId ? -1 : 1));
  if (unique.length === 0) return new Map();
  const col = <K extends keyof RegistryPerson>(k: K) => unique.map((p) => p[k]);
  const rows = await tx.query<{ person_id: string; personal_id: string }>(sql`
    WITH input AS (
      SELECT * FROM unnest(${unique.map(() => randomUUID())}::uuid[], ${col("personalId")}::text[], ${col("fullName")}::text[],
        ${col("birthDate")}::date[], ${col("sex")}::text[], ${col("provinceCode")}::text[], ${col("communeCode")}::text[])
        AS t(person_id, personal_id, full_name, birth_date, sex, province_code, commune_code)),
    added AS (
      INSERT INTO persons (person_id, personal_id, kind, full_name, birth_date, sex, province_code, commune_code)
      SELECT person_id, personal_id, 'registry', full_name, birth_date, sex, province_code, commune_code FROM input
      ON CONFLICT (personal_id) DO NOTHING
      RETURNING person_id, personal_id)
    SELECT person_id, personal_id FROM added
    UNION ALL
    SELECT p.person_id, p.personal_id FROM persons p JOIN input i ON p.personal_id = i.personal_id`);
  const found = new Map(rows.map((r) => [r.personal_id, r.person_id]));
  const missing = unique.filter((p) => !found.has(p.personalId)).map((p) => p.personalId);
  if (missing.length > 0) {
    const late = await tx.query<{ person_id: string; personal_id: string }>(sql`
      SELECT person_id, personal_id FROM persons WHERE personal_id = ANY(${missing}::text[])`);
    for (const r of late) found.set(r.personal_id, r.person_id);
  }
  return found;
}

export interface ProvisionalPerson {
  personId: string;
  fullName: string | null;
  birthDate: string | null;
  sex: string | null;
  provinceCode: string | null;
  communeCode: string | null;
}

/** A provisional person holds a record that waits for identity review (merged later, issue 4). */
export async function insertProvisionalPersons(tx: Queryable, people: readonly ProvisionalPerson[]): Promise<void> {
  if (people.length === 0) return;
  await insertMany(
    tx,
    "persons",
    ["person_id", "kind", "full_name", "birth_date", "sex", "province_code", "commune_code"],
    people.map((p) => [p.personId, "provisional", p.fullName, p.birthDate, p.sex, p.provinceCode, p.communeCode]),
  );
}

export interface WaitingCheckup {
  person_id: string;
  checkup_id: string;
  record: unknown;
}

/** Current check-ups waiting for the registry to answer again (oldest first). */
export async function waitingForRegistry(db: Queryable, limit: number): Promise<WaitingCheckup[]> {
  return db.query<WaitingCheckup>(sql`
    SELECT person_id, checkup_id, record FROM checkups
    WHERE identity_status = 'review' AND status = 'current' AND identity_reason = 'registry-unavailable'
    ORDER BY created_at LIMIT ${limit}`);
}

export async function setIdentityReason(tx: Queryable, personId: string, checkupId: string, reason: string): Promise<void> {
  await tx.query(sql`UPDATE checkups SET identity_reason = ${reason} WHERE person_id = ${personId} AND checkup_id = ${checkupId}`);
}
