import { sql, type Queryable } from "../db/port.ts";
import type { Role } from "./tokens.ts";

export interface AccountRow {
  account_id: string;
  username: string;
  password_hash: string;
  role: Role;
  facility_id: string | null;
  scope_province: string | null;
  active: boolean;
  gateway_password_hash: string | null;
}

export async function findAccountByUsername(db: Queryable, username: string): Promise<AccountRow | null> {
  const rows = await db.query<AccountRow>(sql`SELECT * FROM accounts WHERE username = ${username}`);
  return rows[0] ?? null;
}

export async function findAccountById(db: Queryable, id: string): Promise<AccountRow | null> {
  const rows = await db.query<AccountRow>(sql`SELECT * FROM accounts WHERE account_id = ${id}`);
  return rows[0] ?? null;
}

export async function insertAccount(
  db: Queryable,
  a: { username: string; passwordHash: string; role: Role; facilityId?: string | null; scopeProvince?: string | null; gatewayPasswordHash?: string | null },
): Promise<string> {
  const rows = await db.query<{ account_id: string }>(sql`
    INSERT INTO accounts (username, password_hash, role, facility_id, scope_province, gateway_password_hash)
    VALUES (${a.username}, ${a.passwordHash}, ${a.role}, ${a.facilityId ?? null}, ${a.scopeProvince ?? null}, ${a.gatewayPasswordHash ?? null})
    RETURNING account_id`);
  return rows[0]!.account_id;
}

export async function insertRefreshToken(db: Queryable, hash: string, accountId: string, expiresAt: Date): Promise<void> {
  await db.query(sql`INSERT INTO refresh_tokens (token_hash, account_id, expires_at)
    VALUES (${hash}, ${accountId}, ${expiresAt.toISOString()})`);
}

/** Marks a refresh token used (rotation): returns its account only the first time, while valid. */
export async function useRefreshToken(db: Queryable, hash: string, now: Date): Promise<string | null> {
  const rows = await db.query<{ account_id: string }>(sql`
    UPDATE refresh_tokens SET used_at = ${now.toISOString()}
    WHERE token_hash = ${hash} AND used_at IS NULL AND expires_at > ${now.toISOString()}
    RETURNING account_id`);
  return rows[0]?.account_id ?? null;
}
