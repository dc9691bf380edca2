import { sql, type Queryable } from "../db/port.ts";

export const FACILITY_KINDS = ["hospital", "commune_station", "clinic", "mobile_team"] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export interface FacilityRow {
  facility_id: string;
  code: string;
  gln: string | null;
  name: string;
  province_code: string;
  kind: FacilityKind;
  active: boolean;
}

export async function insertFacility(
  db: Queryable,
  f: { code: string; gln: string | null; name: string; provinceCode: string; kind: FacilityKind },
): Promise<FacilityRow> {
  const rows = await db.query<FacilityRow>(sql`
    INSERT INTO facilities (code, gln, name, province_code, kind)
    VALUES (${f.code}, ${f.gln}, ${f.name}, ${f.provinceCode}, ${f.kind})
    RETURNING facility_id, code, gln, name, province_code, kind, active`);
  return rows[0]!;
}

export async function findFacilityById(db: Queryable, id: string): Promise<FacilityRow | null> {
  const rows = await db.query<FacilityRow>(sql`
    SELECT facility_id, code, gln, name, province_code, kind, active FROM facilities WHERE facility_id = ${id}`);
  return rows[0] ?? null;
}

/** By 5-char code or 13-digit GLN: facilities name themselves either way (standards.md §5.7 row 1). */
export async function findFacilityByCodeOrGln(db: Queryable, id: string): Promise<FacilityRow | null> {
  const rows = await db.query<FacilityRow>(sql`
    SELECT facility_id, code, gln, name, province_code, kind, active FROM facilities
    WHERE code = ${id} OR gln = ${id}`);
  return rows[0] ?? null;
}

export async function listFacilities(db: Queryable, province: string | null): Promise<FacilityRow[]> {
  return db.query<FacilityRow>(sql`
    SELECT facility_id, code, gln, name, province_code, kind, active FROM facilities
    WHERE ${province}::text IS NULL OR province_code = ${province} ORDER BY code`);
}

export async function insertKey(db: Queryable, facilityId: string, pem: string, fingerprint: string): Promise<string> {
  const rows = await db.query<{ key_id: string }>(sql`
    INSERT INTO facility_keys (facility_id, public_key_pem, fingerprint)
    VALUES (${facilityId}, ${pem}, ${fingerprint}) RETURNING key_id`);
  remembered.delete(facilityId);
  return rows[0]!.key_id;
}

export async function revokeKey(db: Queryable, facilityId: string, keyId: string, at: Date): Promise<boolean> {
  const rows = await db.query(sql`
    UPDATE facility_keys SET status = 'revoked', revoked_at = ${at.toISOString()}
    WHERE facility_id = ${facilityId} AND key_id = ${keyId} AND status = 'active' RETURNING key_id`);
  remembered.delete(facilityId);
  return rows.length > 0;
}

export interface KeyRow {
  key_id: string;
  public_key_pem: string;
  fingerprint: string;
  status: "active" | "revoked";
  created_at: string;
  revoked_at: string | null;
}

export async function listKeys(db: Queryable, facilityId: string, activeOnly: boolean): Promise<KeyRow[]> {
  return db.query<KeyRow>(sql`
    SELECT key_id, public_key_pem, fingerprint, status, created_at, revoked_at FROM facility_keys
    WHERE facility_id = ${facilityId} AND (NOT ${activeOnly} OR status = 'active') ORDER BY created_at`);
}

export type FacilityWithKeys = FacilityRow & { keys: string[] };

/** The facility with its active public keys, in one round trip (every push needs both). */
export async function findFacilityWithKeys(db: Queryable, id: string): Promise<FacilityWithKeys | null> {
  const rows = await db.query<FacilityRow & { keys: string[] | null }>(sql`
    SELECT f.facility_id, f.code, f.gln, f.name, f.province_code, f.kind, f.active,
      (SELECT array_agg(k.public_key_pem ORDER BY k.created_at) FROM facility_keys k
       WHERE k.facility_id = f.facility_id AND k.status = 'active') AS keys
    FROM facilities f WHERE f.facility_id = ${id}`);
  const row = rows[0];
  return row ? { ...row, keys: row.keys ?? [] } : null;
}

/**
 * How long a hub process trusts what it read of a facility and its keys. Every push needs them, and
 * reading them was a round trip per push, not shared with other pushes: a quarter of PostgreSQL's
 * CPU per push at saturation (docs/benchmarks.md). A key added or revoked through this process is
 * seen at once (insertKey, revokeKey forget the facility); one changed by another process (the CLI,
 * another hub process) within this many seconds.
 */
export const FACILITY_TRUST_MS = 5_000;
const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, { facility: FacilityWithKeys | null; until: number }>();

/** findFacilityWithKeys, remembered for FACILITY_TRUST_MS (by the hub's clock). */
export async function facilityWithKeys(db: Queryable, id: string, now: Date): Promise<FacilityWithKeys | null> {
  const known = remembered.get(id);
  if (known && known.until > now.getTime()) return known.facility;
  const facility = await findFacilityWithKeys(db, id);
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(id, { facility, until: now.getTime() + FACILITY_TRUST_MS });
  return facility;
}
