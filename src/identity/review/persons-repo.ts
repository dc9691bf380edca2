/**
 * Persons as the review queue changes them: registry persons created on first link, provisional
 * persons for an unmerge, kind and merged_into, and the scope facts a provincial steward needs.
 * (record/persons-repo.ts owns intake's side; this file owns identity's.)
 */
import { randomUUID } from "node:crypto";
import { sql, type Queryable } from "../../db/port.ts";
import type { RegistryPerson } from "../registry.ts";

export type PersonKind = "registry" | "provisional" | "unregistered";

export interface PersonRow {
  person_id: string;
  personal_id: string | null;
  kind: PersonKind;
  full_name: string | null;
  birth_date: string | null;
  sex: string | null;
  province_code: string | null;
  commune_code: string | null;
  merged_into: string | null;
}

const COLUMNS = sql`person_id, personal_id, kind, full_name, birth_date, sex, province_code, commune_code, merged_into`;

export async function findPerson(db: Queryable, personId: string): Promise<PersonRow | null> {
  const rows = await db.query<PersonRow>(sql`SELECT ${COLUMNS} FROM persons WHERE person_id = ${personId}`);
  return rows[0] ?? null;
}

/** Locks the persons' rows (in id order, so two decisions never wait on each other in a circle). */
export async function lockPersons(tx: Queryable, personIds: readonly string[]): Promise<Map<string, PersonRow>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx.query<PersonRow>(sql`
    SELECT ${COLUMNS} FROM persons WHERE person_id = ANY(${ids}::uuid[]) ORDER BY person_id FOR UPDATE`);
  return new Map(rows.map((r) => [r.person_id, r]));
}

/** The persons row of a registry citizen, created on first sight (as intake does). */
export async function ensureRegistryPerson(tx: Queryable, p: RegistryPerson): Promise<PersonRow> {
  await tx.query(sql`
    INSERT INTO persons (person_id, personal_id, kind, full_name, birth_date, sex, province_code, commune_code)
    VALUES (${randomUUID()}, ${p.personalId}, 'registry', ${p.fullName}, ${p.birthDate}, ${p.sex}, ${p.provinceCode}, ${p.communeCode})
    ON CONFLICT (personal_id) DO NOTHING`);
  const rows = await tx.query<PersonRow>(sql`SELECT ${COLUMNS} FROM persons WHERE personal_id = ${p.personalId} FOR UPDATE`);
  return rows[0]!;
}

export interface NewProvisional {
  personId: string;
  fullName: string | null;
  birthDate: string | null;
  sex: string | null;
  provinceCode: string | null;
  communeCode: string | null;
}

export async function insertProvisional(tx: Queryable, p: NewProvisional): Promise<void> {
  await tx.query(sql`
    INSERT INTO persons (person_id, kind, full_name, birth_date, sex, province_code, commune_code)
    VALUES (${p.personId}, 'provisional', ${p.fullName}, ${p.birthDate}, ${p.sex}, ${p.provinceCode}, ${p.communeCode})`);
}

export async function setPersonState(tx: Queryable, personId: string, s: { kind: PersonKind; mergedInto: string | null }, at: Date): Promise<void> {
  await tx.query(sql`
    UPDATE persons SET kind = ${s.kind}, merged_into = ${s.mergedInto}, updated_at = ${at.toISOString()}
    WHERE person_id = ${personId}`);
}

/** Removes a provisional person an undone unmerge created, once it holds nothing. */
export async function deleteEmptyProvisional(tx: Queryable, personId: string): Promise<void> {
  await tx.query(sql`
    DELETE FROM persons p WHERE p.person_id = ${personId} AND p.kind = 'provisional'
      AND NOT EXISTS (SELECT 1 FROM checkups c WHERE c.person_id = p.person_id)`);
}

/**
 * A person is within a province when they live there (the province on their person row) or hold a
 * check-up made by a facility there.
 */
export async function personInProvince(db: Queryable, personId: string, province: string): Promise<boolean> {
  const rows = await db.query<{ yes: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM persons WHERE person_id = ${personId} AND province_code = ${province})
        OR EXISTS (SELECT 1 FROM checkups c JOIN facilities f ON f.facility_id = c.facility_id
                   WHERE c.person_id = ${personId} AND f.province_code = ${province}) AS yes`);
  return rows[0]?.yes === true;
}

/** Provisional persons the matcher called new: the registry does not know them. */
export async function makeUnregistered(tx: Queryable, personIds: readonly string[]): Promise<void> {
  await tx.query(sql`UPDATE persons SET kind = 'unregistered', updated_at = now() WHERE person_id = ANY(${[...personIds]}::uuid[]) AND kind = 'provisional'`);
}
