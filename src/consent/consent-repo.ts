import { sql, type Queryable } from "../db/port.ts";

export type BookScope = "summary" | "everything";

export interface ShareRow {
  share_id: string;
  personal_id: string;
  scope: BookScope;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  redemptions: number;
}

export async function insertShare(
  db: Queryable,
  s: { codeHash: string; personalId: string; createdBy: string; scope: BookScope; createdAt: Date; expiresAt: Date },
): Promise<string> {
  const rows = await db.query<{ share_id: string }>(sql`
    INSERT INTO shares (code_hash, personal_id, created_by, scope, created_at, expires_at)
    VALUES (${s.codeHash}, ${s.personalId}, ${s.createdBy}, ${s.scope}, ${s.createdAt.toISOString()}, ${s.expiresAt.toISOString()})
    RETURNING share_id`);
  return rows[0]!.share_id;
}

const SHARE_COLUMNS = sql`s.share_id, s.personal_id, s.scope, s.created_at, s.expires_at, s.revoked_at,
  (SELECT count(*)::int FROM access_grants g WHERE g.share_id = s.share_id) AS redemptions`;

export async function findShareByHash(db: Queryable, codeHash: string): Promise<ShareRow | null> {
  const rows = await db.query<ShareRow>(sql`SELECT ${SHARE_COLUMNS} FROM shares s WHERE s.code_hash = ${codeHash}`);
  return rows[0] ?? null;
}

export async function listActiveShares(db: Queryable, personalId: string, now: Date): Promise<ShareRow[]> {
  return db.query<ShareRow>(sql`
    SELECT ${SHARE_COLUMNS} FROM shares s
    WHERE s.personal_id = ${personalId} AND s.revoked_at IS NULL AND s.expires_at > ${now.toISOString()}
    ORDER BY s.created_at DESC`);
}

/** Revokes once; a second call answers the first revocation time. Null: no such share for the person. */
export async function revokeShare(db: Queryable, shareId: string, personalId: string, now: Date): Promise<string | null> {
  const rows = await db.query<{ revoked_at: string }>(sql`
    UPDATE shares SET revoked_at = coalesce(revoked_at, ${now.toISOString()}::timestamptz)
    WHERE share_id = ${shareId} AND personal_id = ${personalId} RETURNING revoked_at`);
  return rows[0]?.revoked_at ?? null;
}

export interface GrantRow {
  grant_id: string;
  kind: "share" | "break-glass";
  share_id: string | null;
  personal_id: string;
  account_id: string;
  scope: BookScope;
  reason: string | null;
  created_at: string;
  expires_at: string;
  share_revoked_at: string | null;
}

export async function insertGrant(
  db: Queryable,
  g: { kind: GrantRow["kind"]; shareId: string | null; personalId: string; accountId: string; facilityId: string | null; scope: BookScope; reason: string | null; createdAt: Date; expiresAt: Date },
): Promise<string> {
  const rows = await db.query<{ grant_id: string }>(sql`
    INSERT INTO access_grants (kind, share_id, personal_id, account_id, facility_id, scope, reason, created_at, expires_at)
    VALUES (${g.kind}, ${g.shareId}, ${g.personalId}, ${g.accountId}, ${g.facilityId}, ${g.scope}, ${g.reason},
      ${g.createdAt.toISOString()}, ${g.expiresAt.toISOString()})
    RETURNING grant_id`);
  return rows[0]!.grant_id;
}

const GRANT_COLUMNS = sql`g.grant_id, g.kind, g.share_id, g.personal_id, g.account_id, g.scope, g.reason, g.created_at, g.expires_at,
  s.revoked_at AS share_revoked_at`;

export async function findGrant(db: Queryable, grantId: string): Promise<GrantRow | null> {
  const rows = await db.query<GrantRow>(sql`
    SELECT ${GRANT_COLUMNS} FROM access_grants g LEFT JOIN shares s ON s.share_id = g.share_id WHERE g.grant_id = ${grantId}`);
  return rows[0] ?? null;
}

export interface LiveGrantRow extends GrantRow {
  full_name: string | null;
  birth_date: string | null;
  sex: string | null;
}

export async function listLiveGrants(db: Queryable, accountId: string, now: Date): Promise<LiveGrantRow[]> {
  return db.query<LiveGrantRow>(sql`
    SELECT ${GRANT_COLUMNS}, r.full_name, r.birth_date, r.sex
    FROM access_grants g LEFT JOIN shares s ON s.share_id = g.share_id
    LEFT JOIN registry_persons r ON r.personal_id = g.personal_id
    WHERE g.account_id = ${accountId} AND g.expires_at > ${now.toISOString()} AND s.revoked_at IS NULL
    ORDER BY g.created_at DESC`);
}

export async function upsertStaffProfile(db: Queryable, accountId: string, displayName: string): Promise<void> {
  await db.query(sql`
    INSERT INTO staff_profiles (account_id, display_name) VALUES (${accountId}, ${displayName})
    ON CONFLICT (account_id) DO UPDATE SET display_name = EXCLUDED.display_name`);
}

/** The first facility by code: where the demo clinician works. */
export async function firstFacility(db: Queryable): Promise<{ facility_id: string; code: string; name: string } | null> {
  const rows = await db.query<{ facility_id: string; code: string; name: string }>(sql`
    SELECT facility_id, code, name FROM facilities WHERE active ORDER BY code LIMIT 1`);
  return rows[0] ?? null;
}
