import { randomUUID } from "node:crypto";
import { insertMany, join, sql, type Queryable, type ReadPart, type Row } from "../db/port.ts";
import type { RegistryPerson } from "../identity/registry.ts";

/**
 * Person rows for registry-linked citizens, created on first sight; returns personal ID →
 * person_id. One statement inserts the new ones and reads the others (`registryPersonsPart`,
 * which store.ts runs together with its other first reads); a person another transaction
 * inserted meanwhile (invisible to that statement's snapshot) is read after (`personIdsOf`).
 */
export async function ensureRegistryPersons(tx: Queryable, people: readonly RegistryPerson[]): Promise<Map<string, string>> {
  const part = registryPersonsPart(people);
  if (!part) return new Map();
  return personIdsOf(tx, people, await tx.query(sql`WITH ${join(part.with!, ",\n")}\n${part.select}`));
}

const uniquePeople = (people: readonly RegistryPerson[]) =>
  [...new Map(people.map((p) => [p.personalId, p])).values()].sort((a, b) => (a.personalId < b.personalId ? -1 : 1));

/** The statement of `ensureRegistryPersons` as a `readTogether` part; null for nobody. */
export function registryPersonsPart(people: readonly RegistryPerson[]): ReadPart | null {
  const unique = uniquePeople(people);
  if (unique.length === 0) return null;
  const col = <K extends keyof RegistryPerson>(k: K) => unique.map((p) => p[k]);
  return {
    with: [
      sql`persons_input AS (
        SELECT * FROM unnest(${unique.map(() => randomUUID())}::uuid[], ${col("personalId")}::text[], ${col("fullName")}::text[],
          ${col("birthDate")}::date[], ${col("sex")}::text[], ${col("provinceCode")}::text[], ${col("communeCode")}::text[])
          AS t(person_id, personal_id, full_name, birth_date, sex, province_code, commune_code))`,
      sql`persons_added AS (
        INSERT INTO persons (person_id, personal_id, kind, full_name, birth_date, sex, province_code, commune_code)
        SELECT person_id, personal_id, 'registry', full_name, birth_date, sex, province_code, commune_code FROM persons_input
        ON CONFLICT (personal_id) DO NOTHING
        RETURNING person_id, personal_id)`,
    ],
    select: sql`
      SELECT person_id, personal_id FROM persons_added
      UNION ALL
      SELECT p.person_id, p.personal_id FROM persons p JOIN persons_input i ON p.personal_id = i.personal_id`,
  };
}

/** The part's rows as personal ID → person_id, with anyone it could not see read after. */
export async function personIdsOf(tx: Queryable, people: readonly RegistryPerson[], rows: readonly Row[]): Promise<Map<string, string>> {
  const found = new Map((rows as readonly unknown[] as readonly { person_id: string; personal_id: string }[]).map((r) => [r.personal_id, r.person_id]));
  const missing = uniquePeople(people).filter((p) => !found.has(p.personalId)).map((p) => p.personalId);
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
