import { sql, type Queryable } from "../db/port.ts";

export interface CitizenRow {
  account_id: string;
  personal_id: string;
  active: boolean;
}

export async function findCitizenByAccount(db: Queryable, accountId: string): Promise<CitizenRow | null> {
  const rows = await db.query<CitizenRow>(sql`
    SELECT c.account_id, c.personal_id, a.active FROM citizen_accounts c JOIN accounts a USING (account_id)
    WHERE c.account_id = ${accountId}`);
  return rows[0] ?? null;
}

export async function findCitizenByPersonalId(db: Queryable, personalId: string): Promise<CitizenRow | null> {
  const rows = await db.query<CitizenRow>(sql`
    SELECT c.account_id, c.personal_id, a.active FROM citizen_accounts c JOIN accounts a USING (account_id)
    WHERE c.personal_id = ${personalId}`);
  return rows[0] ?? null;
}

/** Links an account to a personal ID; null when another sign-in linked one first (unique). */
export async function insertCitizen(
  tx: Queryable,
  c: { accountId: string; personalId: string; oidcIssuer: string | null; oidcSubject: string | null; at: Date },
): Promise<string | null> {
  const rows = await tx.query<{ account_id: string }>(sql`
    INSERT INTO citizen_accounts (account_id, personal_id, oidc_issuer, oidc_subject, created_at, last_sign_in_at)
    VALUES (${c.accountId}, ${c.personalId}, ${c.oidcIssuer}, ${c.oidcSubject}, ${c.at.toISOString()}, ${c.at.toISOString()})
    ON CONFLICT (personal_id) DO NOTHING RETURNING account_id`);
  return rows[0]?.account_id ?? null;
}

export async function touchCitizen(db: Queryable, accountId: string, oidc: { issuer: string; subject: string } | null, at: Date): Promise<void> {
  await db.query(sql`
    UPDATE citizen_accounts SET last_sign_in_at = ${at.toISOString()},
      oidc_issuer = coalesce(${oidc?.issuer ?? null}, oidc_issuer), oidc_subject = coalesce(${oidc?.subject ?? null}, oidc_subject)
    WHERE account_id = ${accountId}`);
}

export interface RegistryEntry {
  personal_id: string;
  full_name: string;
  birth_date: string;
  sex: string;
  guardian_personal_id: string | null;
}

export async function findRegistryEntry(db: Queryable, personalId: string): Promise<RegistryEntry | null> {
  const rows = await db.query<RegistryEntry>(sql`
    SELECT personal_id, full_name, birth_date, sex, guardian_personal_id FROM registry_persons WHERE personal_id = ${personalId}`);
  return rows[0] ?? null;
}

/** Children the registry links to this guardian, youngest first. */
export async function listRegistryWards(db: Queryable, guardianPersonalId: string): Promise<RegistryEntry[]> {
  return db.query<RegistryEntry>(sql`
    SELECT personal_id, full_name, birth_date, sex, guardian_personal_id FROM registry_persons
    WHERE guardian_personal_id = ${guardianPersonalId} ORDER BY birth_date DESC, personal_id`);
}

export interface DemoCitizenRow {
  personal_id: string;
  full_name: string;
  birth_date: string;
  sex: string;
  checkups: number;
  wards: number;
}

/**
 * Demo sign-in candidates: guardians whose children have check-ups first, then the people with
 * the most check-ups. Identity-review records (provisional persons) do not count.
 */
export async function listDemoCitizens(db: Queryable, limit: number): Promise<DemoCitizenRow[]> {
  return db.query<DemoCitizenRow>(sql`
    WITH counted AS (
      SELECT p.personal_id, count(*)::int AS n FROM persons p
      JOIN checkups c ON c.person_id = p.person_id AND c.status = 'current' AND c.identity_status = 'linked'
      WHERE p.kind = 'registry' GROUP BY p.personal_id
    ), guardians AS (
      SELECT r.guardian_personal_id AS personal_id, count(*)::int AS n FROM registry_persons r
      JOIN counted c ON c.personal_id = r.personal_id WHERE r.guardian_personal_id IS NOT NULL
      GROUP BY r.guardian_personal_id
    )
    SELECT r.personal_id, r.full_name, r.birth_date, r.sex, coalesce(c.n, 0) AS checkups, coalesce(g.n, 0) AS wards
    FROM registry_persons r
    LEFT JOIN counted c ON c.personal_id = r.personal_id
    LEFT JOIN guardians g ON g.personal_id = r.personal_id
    WHERE c.n IS NOT NULL OR g.n IS NOT NULL
    ORDER BY (g.n IS NOT NULL AND c.n IS NOT NULL) DESC, coalesce(c.n, 0) DESC, r.personal_id
    LIMIT ${limit}`);
}
