import { insertMany, sql, type Queryable } from "../db/port.ts";
import type { RegistryPerson } from "./registry.ts";

interface Row {
  personal_id: string;
  full_name: string;
  birth_date: string;
  sex: string;
  province_code: string | null;
  commune_code: string | null;
}

export async function lookupRegistry(db: Queryable, ids: readonly string[]): Promise<Map<string, RegistryPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<Row>(sql`
    SELECT personal_id, full_name, birth_date, sex, province_code, commune_code
    FROM registry_persons WHERE personal_id = ANY(${[...ids]}::text[])`);
  return new Map(
    rows.map((r) => [
      r.personal_id,
      {
        personalId: r.personal_id,
        fullName: r.full_name,
        birthDate: r.birth_date,
        sex: r.sex,
        provinceCode: r.province_code,
        communeCode: r.commune_code,
      },
    ]),
  );
}

export interface RegistryImportRow extends RegistryPerson {
  address: string | null;
  ethnicity: string | null;
  phone: string | null;
  guardianPersonalId: string | null;
}

export async function upsertRegistryPersons(db: Queryable, rows: readonly RegistryImportRow[]): Promise<void> {
  await insertMany(
    db,
    "registry_persons",
    ["personal_id", "full_name", "birth_date", "sex", "province_code", "commune_code", "address", "ethnicity", "phone", "guardian_personal_id"],
    rows.map((r) => [r.personalId, r.fullName, r.birthDate, r.sex, r.provinceCode, r.communeCode, r.address, r.ethnicity, r.phone, r.guardianPersonalId]),
    `ON CONFLICT (personal_id) DO UPDATE SET full_name = EXCLUDED.full_name, birth_date = EXCLUDED.birth_date,
      sex = EXCLUDED.sex, province_code = EXCLUDED.province_code, commune_code = EXCLUDED.commune_code,
      address = EXCLUDED.address, ethnicity = EXCLUDED.ethnicity, phone = EXCLUDED.phone,
      guardian_personal_id = EXCLUDED.guardian_personal_id, updated_at = now()`,
  );
}

export async function countRegistry(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM registry_persons`);
  return rows[0]?.n ?? 0;
}
