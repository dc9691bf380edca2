import { sql, type Queryable } from "../db/port.ts";

/** Records the code of one check-up version (the first issue time is kept). */
export async function insertVerification(db: Queryable, v: { codeHash: string; personalId: string; checkupId: string; version: number; at: Date }): Promise<void> {
  await db.query(sql`
    INSERT INTO checkup_verifications (code_hash, person_id, checkup_id, version, issued_at)
    SELECT ${v.codeHash}, p.person_id, ${v.checkupId}::uuid, ${v.version}::int, ${v.at.toISOString()}::timestamptz
    FROM persons p WHERE p.personal_id = ${v.personalId}
    ON CONFLICT (code_hash) DO NOTHING`);
}

export interface VerificationRow {
  personal_id: string | null;
  status: "current" | "superseded" | "entered-in-error";
  version: number;
  exam_date: string | null;
  health_class: string | null;
  facility_code: string;
  facility_name: string;
  full_name: string | null;
  birth_date: string | null;
  issued_at: string;
}

/** What a printed code certifies, and what became of that check-up version since. */
export async function findVerification(db: Queryable, codeHash: string): Promise<VerificationRow | null> {
  const rows = await db.query<VerificationRow>(sql`
    SELECT p.personal_id, c.status, c.version, c.exam_date, c.health_class, f.code AS facility_code, f.name AS facility_name,
      p.full_name, p.birth_date, v.issued_at
    FROM checkup_verifications v
    JOIN checkups c ON c.person_id = v.person_id AND c.checkup_id = v.checkup_id
    JOIN facilities f ON f.facility_id = c.facility_id
    JOIN persons p ON p.person_id = v.person_id
    WHERE v.code_hash = ${codeHash}`);
  return rows[0] ?? null;
}
