import { sql, type Queryable } from "../db/port.ts";

export interface AuditRow {
  at: Date;
  actorAccountId: string | null;
  actorRole: string;
  actorFacilityId: string | null;
  /** The person read, by personal ID: resolved to `persons.person_id` inside the INSERT. */
  personalId: string | null;
  action: string;
  purpose: string;
  outcome: "allowed" | "refused";
  requestId: string | null;
  grantId: string | null;
  reason: string | null;
}

/**
 * Appends rows in one statement of eleven array parameters, whatever the number of rows (a group
 * commit of many reads, a page of the change feed): one short text to parse and plan, rows kept
 * in the order given. The person is looked up inside the INSERT, so auditing costs one round trip.
 */
export async function insertAudit(db: Queryable, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(f: (r: AuditRow) => T) => rows.map(f);
  await db.query(sql`
    INSERT INTO audit_log (at, actor_account_id, actor_role, actor_facility_id, person_id, action, purpose, outcome, request_id, grant_id, reason)
    SELECT v.at::timestamptz, v.actor::uuid, v.role, v.fac::uuid, p.person_id, v.action, v.purpose, v.outcome, v.req, v.grant_id::uuid, v.reason
    FROM unnest(${column((r) => r.at.toISOString())}::text[], ${column((r) => r.actorAccountId)}::text[], ${column((r) => r.actorRole)}::text[],
      ${column((r) => r.actorFacilityId)}::text[], ${column((r) => r.personalId)}::text[], ${column((r) => r.action)}::text[],
      ${column((r) => r.purpose)}::text[], ${column((r) => r.outcome)}::text[], ${column((r) => r.requestId)}::text[],
      ${column((r) => r.grantId)}::text[], ${column((r) => r.reason)}::text[])
      WITH ORDINALITY AS v (at, actor, role, fac, personal_id, action, purpose, outcome, req, grant_id, reason, n)
    LEFT JOIN persons p ON p.personal_id = v.personal_id
    ORDER BY v.n`);
}

export interface AuditListRow {
  id: number;
  at: string;
  actor_role: string;
  action: string;
  purpose: string | null;
  outcome: "allowed" | "refused";
  request_id: string | null;
  reason: string | null;
  facility_code: string | null;
  facility_name: string | null;
  display_name: string | null;
  client_name: string | null;
  username: string | null;
  citizen_name: string | null;
}

/** A person's entries, newest first, with what names the actor (staff profile, client, citizen). */
export async function listPersonAudit(db: Queryable, personalId: string, limit: number, before: number | null): Promise<AuditListRow[]> {
  return db.query<AuditListRow>(sql`
    SELECT a.audit_id AS id, a.at, a.actor_role, a.action, a.purpose, a.outcome, a.request_id, a.reason,
      f.code AS facility_code, f.name AS facility_name, sp.display_name, sc.name AS client_name, acc.username,
      rp.full_name AS citizen_name
    FROM persons p
    JOIN audit_log a ON a.person_id = p.person_id
    LEFT JOIN facilities f ON f.facility_id = a.actor_facility_id
    LEFT JOIN accounts acc ON acc.account_id = a.actor_account_id
    LEFT JOIN staff_profiles sp ON sp.account_id = a.actor_account_id
    LEFT JOIN system_clients sc ON sc.account_id = a.actor_account_id
    LEFT JOIN citizen_accounts ca ON ca.account_id = a.actor_account_id
    LEFT JOIN registry_persons rp ON rp.personal_id = ca.personal_id
    WHERE p.personal_id = ${personalId} AND (${before}::bigint IS NULL OR a.audit_id < ${before}::bigint)
    ORDER BY a.audit_id DESC
    LIMIT ${limit}`);
}
