import { sql, type Queryable } from "../db/port.ts";
import type { JSONWebKeySet } from "jose";

export interface SystemClientRow {
  account_id: string;
  client_id: string;
  name: string;
  scopes: string[];
  jwks: JSONWebKeySet;
  active: boolean;
  created_at: string;
}

export async function insertSystemClient(
  db: Queryable,
  c: { accountId: string; clientId: string; name: string; scopes: readonly string[]; jwks: JSONWebKeySet },
): Promise<void> {
  await db.query(sql`
    INSERT INTO system_clients (account_id, client_id, name, scopes, jwks)
    VALUES (${c.accountId}, ${c.clientId}, ${c.name}, ${[...c.scopes]}::text[], ${JSON.stringify(c.jwks)}::jsonb)`);
}

export async function findSystemClient(db: Queryable, clientId: string): Promise<SystemClientRow | null> {
  const rows = await db.query<SystemClientRow>(sql`
    SELECT s.account_id, s.client_id, s.name, s.scopes, s.jwks, s.active AND a.active AS active, s.created_at
    FROM system_clients s JOIN accounts a USING (account_id) WHERE s.client_id = ${clientId}`);
  return rows[0] ?? null;
}

export async function listSystemClients(db: Queryable): Promise<SystemClientRow[]> {
  return db.query<SystemClientRow>(sql`
    SELECT account_id, client_id, name, scopes, jwks, active, created_at FROM system_clients ORDER BY client_id`);
}

export async function setSystemClientActive(db: Queryable, clientId: string, active: boolean): Promise<boolean> {
  const rows = await db.query(sql`UPDATE system_clients SET active = ${active} WHERE client_id = ${clientId} RETURNING client_id`);
  return rows.length > 0;
}

export async function setSystemClientKeys(db: Queryable, clientId: string, jwks: JSONWebKeySet): Promise<boolean> {
  const rows = await db.query(sql`UPDATE system_clients SET jwks = ${JSON.stringify(jwks)}::jsonb WHERE client_id = ${clientId} RETURNING client_id`);
  return rows.length > 0;
}

/** Records an assertion id; false when it was seen before (a replay). Expired ids are dropped. */
export async function rememberJti(db: Queryable, clientId: string, jti: string, expiresAt: Date, now: Date): Promise<boolean> {
  await db.query(sql`DELETE FROM client_assertion_jtis WHERE client_id = ${clientId} AND expires_at < ${now.toISOString()}`);
  const rows = await db.query(sql`
    INSERT INTO client_assertion_jtis (client_id, jti, expires_at) VALUES (${clientId}, ${jti}, ${expiresAt.toISOString()})
    ON CONFLICT DO NOTHING RETURNING jti`);
  return rows.length > 0;
}
