import { sql, type Queryable } from "../db/port.ts";
import type { CheckupRecord } from "../checkup/model.ts";

export interface PersonRow {
  personal_id: string;
  person_id: string | null;
  full_name: string | null;
  birth_date: string | null;
  sex: string | null;
  province_code: string | null;
  commune_code: string | null;
  address: string | null;
  ethnicity: string | null;
  phone: string | null;
  guardian_personal_id: string | null;
  guardian_name: string | null;
  in_registry: boolean;
  /**
   * What the book is built from, as one hash: the registry rows (person, guardian), the person
   * row, and each shown check-up with its facility. A check-up's record never changes in place (a
   * correction is a new version with a new id), so this changes whenever the book would.
   */
  fingerprint: string;
}

/** Registry data first (the population database is the authority), else the hub's person row. */
export async function readPerson(db: Queryable, personalId: string): Promise<PersonRow | null> {
  return (await readPersons(db, [personalId]))[0] ?? null;
}

/**
 * `readPerson` for several personal IDs in one statement (the VNeID API reads them in groups:
 * person-reader.ts); IDs with no registry row nor person row are left out.
 */
export async function readPersons(db: Queryable, personalIds: readonly string[]): Promise<PersonRow[]> {
  return db.query<PersonRow>(sql`
    SELECT x.personal_id, p.person_id, coalesce(r.full_name, p.full_name) AS full_name,
      coalesce(r.birth_date, p.birth_date) AS birth_date, coalesce(r.sex, p.sex) AS sex,
      coalesce(r.province_code, p.province_code) AS province_code, coalesce(r.commune_code, p.commune_code) AS commune_code,
      r.address, r.ethnicity, r.phone, r.guardian_personal_id, g.full_name AS guardian_name, r.personal_id IS NOT NULL AS in_registry,
      md5(concat_ws('|', r.updated_at, g.updated_at, p.updated_at, p.person_id,
        (SELECT string_agg(c.checkup_id::text || ':' || f.code || ':' || f.name, ',' ORDER BY c.checkup_id)
         FROM checkups c JOIN facilities f ON f.facility_id = c.facility_id
         WHERE c.person_id = p.person_id AND c.status = 'current' AND c.identity_status = 'linked'))) AS fingerprint
    FROM (SELECT DISTINCT unnest(${[...personalIds]}::text[]) AS personal_id) x
    LEFT JOIN registry_persons r ON r.personal_id = x.personal_id
    LEFT JOIN persons p ON p.personal_id = x.personal_id
    LEFT JOIN registry_persons g ON g.personal_id = r.guardian_personal_id
    WHERE r.personal_id IS NOT NULL OR p.person_id IS NOT NULL`);
}

/** The parts of the stored record the book shows (the raw blocks and signatures stay behind). */
export type BookRecord = Pick<
  CheckupRecord,
  "examTime" | "formType" | "visitType" | "reason" | "patient" | "guardians" | "observations" | "exams" | "conclusion" | "conditions"
>;

export interface CheckupRow {
  checkup_id: string;
  version: number;
  exam_date: string | null;
  facility_code: string;
  facility_name: string;
  doctor_signed: boolean;
  record: BookRecord;
}

// The stored record goes out as the text it is kept in (`json`, migration 012): PostgreSQL does no
// work on it beyond reading it, and the hub keeps only what the book shows (bookRow). Taking
// the keys apart in SQL cost PostgreSQL six times as much per record, with json or jsonb alike.
const CHECKUP_SELECT = sql`
  SELECT c.checkup_id, c.version, c.exam_date, f.code AS facility_code, f.name AS facility_name, c.record
  FROM persons p
  JOIN checkups c ON c.person_id = p.person_id AND c.status = 'current' AND c.identity_status = 'linked'
  JOIN facilities f ON f.facility_id = c.facility_id`;

type StoredRow = Omit<CheckupRow, "record" | "doctor_signed"> & { record: CheckupRecord };

const BOOK_KEYS = ["examTime", "formType", "visitType", "reason", "patient", "guardians", "observations", "exams", "conclusion",
  "conditions"] as const satisfies readonly (keyof BookRecord)[];

/** What the book shows of a stored record (a key the record lacks is null): no raw blocks, signatures or history. */
function bookRow({ record, ...row }: StoredRow): CheckupRow {
  return {
    ...row,
    doctor_signed: Object.hasOwn(record.signatures ?? {}, "CKS_NGUOI_KET_LUAN"),
    record: Object.fromEntries(BOOK_KEYS.map((k) => [k, record[k] ?? null])) as BookRecord,
  };
}

/**
 * Current, linked versions only, newest first: superseded versions and retracted (entered in
 * error) check-ups never reach the book, nor records still in identity review.
 */
export async function readCheckups(db: Queryable, personalId: string): Promise<CheckupRow[]> {
  const rows = await db.query<StoredRow>(sql`${CHECKUP_SELECT}
    WHERE p.personal_id = ${personalId}
    ORDER BY c.exam_date DESC NULLS LAST, c.exam_time DESC NULLS LAST, c.created_at DESC`);
  return rows.map(bookRow);
}

export async function readCheckup(db: Queryable, personalId: string, checkupId: string): Promise<CheckupRow | null> {
  const rows = await db.query<StoredRow>(sql`${CHECKUP_SELECT} WHERE p.personal_id = ${personalId} AND c.checkup_id = ${checkupId}`);
  return rows[0] ? bookRow(rows[0]) : null;
}

export interface TrendRow {
  key: string;
  date: string;
  value: number;
  interpretation: string | null;
  checkup_id: string;
}

export async function readTrend(db: Queryable, personalId: string, keys: readonly string[]): Promise<TrendRow[]> {
  return db.query<TrendRow>(sql`
    SELECT o.key, o.effective_date AS date, o.value, o.interpretation, o.checkup_id
    FROM persons p
    JOIN observations o ON o.person_id = p.person_id AND o.key = ANY(${[...keys]}::text[])
    JOIN checkups c ON c.person_id = o.person_id AND c.checkup_id = o.checkup_id
      AND c.status = 'current' AND c.identity_status = 'linked'
    WHERE p.personal_id = ${personalId} AND o.value IS NOT NULL AND o.effective_date IS NOT NULL
    ORDER BY o.effective_date, c.exam_time NULLS FIRST, o.checkup_id`);
}

