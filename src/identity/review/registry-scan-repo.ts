/** Reads the embedded registry page by page, in personal-ID order, for the matcher's index. */
import { sql, type Queryable } from "../../db/port.ts";

export interface RegistryScanRow {
  personal_id: string;
  full_name: string;
  birth_date: string;
  sex: string;
  province_code: string | null;
  commune_code: string | null;
  address: string | null;
  phone: string | null;
  guardian_personal_id: string | null;
}

/** The next `limit` persons after `after` (keyset paging: no OFFSET, no long-held cursor). */
export async function scanRegistry(db: Queryable, after: string, limit: number): Promise<RegistryScanRow[]> {
  return db.query<RegistryScanRow>(sql`
    SELECT personal_id, full_name, birth_date, sex, province_code, commune_code, address, phone, guardian_personal_id
    FROM registry_persons WHERE personal_id > ${after}
    ORDER BY personal_id LIMIT ${limit}`);
}
