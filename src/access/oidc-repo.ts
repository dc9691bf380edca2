import { sql, type Queryable } from "../db/port.ts";

export async function insertOidcLogin(db: Queryable, l: { state: string; codeVerifier: string; nonce: string; expiresAt: Date }): Promise<void> {
  await db.query(sql`
    INSERT INTO oidc_logins (state, code_verifier, nonce, expires_at)
    VALUES (${l.state}, ${l.codeVerifier}, ${l.nonce}, ${l.expiresAt.toISOString()})`);
}

/** Takes a sign-in in flight once: null when unknown, already used or expired. */
export async function takeOidcLogin(db: Queryable, state: string, now: Date): Promise<{ code_verifier: string; nonce: string } | null> {
  const rows = await db.query<{ code_verifier: string; nonce: string }>(sql`
    UPDATE oidc_logins SET used_at = ${now.toISOString()}
    WHERE state = ${state} AND used_at IS NULL AND expires_at > ${now.toISOString()}
    RETURNING code_verifier, nonce`);
  return rows[0] ?? null;
}

/** Forgets sign-ins that can no longer finish. */
export async function purgeOidcLogins(db: Queryable, now: Date): Promise<void> {
  await db.query(sql`DELETE FROM oidc_logins WHERE expires_at < ${now.toISOString()}`);
}
