/**
 * The audit log (design invariant 5; standards.md §8.1–8.2): every read of a person's data by
 * anyone but that person is appended — who, role, facility, purpose, action, outcome, request id —
 * refused attempts included. The person reads their own entries. Nothing here updates or deletes
 * a row, and the database's trigger refuses it anyway.
 */
import type { Deps } from "../deps.ts";
import type { Principal } from "../access/tokens.ts";
import { insertAudit, listPersonAudit, type AuditListRow, type AuditRow } from "./audit-repo.ts";
import type { AuditWriter } from "./audit-writer.ts";
import { AUDIT_ACTIONS, PURPOSES, isAuditAction, isPurpose, type AuditAction, type Purpose } from "./labels.ts";

export type { AuditAction, Purpose };

export interface AuditEvent {
  /** Null: an anonymous caller (a PDF's verification code checked by anyone). */
  who: Principal | null;
  personalId: string | null;
  action: AuditAction;
  purpose: Purpose;
  outcome: "allowed" | "refused";
  requestId: string | null;
  grantId?: string | null;
  reason?: string | null;
}

/** Appends the events; through a group-commit writer on busy paths (audit-writer.ts). */
export async function audit(deps: Deps, events: AuditEvent | readonly AuditEvent[], writer?: AuditWriter): Promise<void> {
  const list = Array.isArray(events) ? (events as readonly AuditEvent[]) : [events as AuditEvent];
  const at = deps.clock();
  const rows = list.map(
    (e): AuditRow => ({
      at,
      actorAccountId: e.who?.accountId ?? null,
      actorRole: e.who?.role ?? "public",
      actorFacilityId: e.who?.facilityId ?? null,
      personalId: e.personalId,
      action: e.action,
      purpose: e.purpose,
      outcome: e.outcome,
      requestId: e.requestId,
      grantId: e.grantId ?? null,
      reason: e.reason ?? null,
    }),
  );
  await (writer ? writer.write(rows) : insertAudit(deps.db, rows));
}

export interface AccessLogEntry {
  id: number;
  at: string;
  actor: { kind: string; name: string | null };
  role: string;
  facility: { code: string; name: string } | null;
  action: { code: string; vi: string; en: string };
  purpose: { code: string; vi: string; en: string };
  reason: string | null;
  break_glass: boolean;
  outcome: "allowed" | "refused";
  request_id: string | null;
}

export interface AccessLog {
  entries: AccessLogEntry[];
  next_before: number | null;
}

/** A person's log, newest first. The caller has already decided the reader may see it. */
export async function accessLog(deps: Deps, personalId: string, page: { limit: number; before: number | null }): Promise<AccessLog> {
  const rows = await listPersonAudit(deps.db, personalId, page.limit, page.before);
  return {
    entries: rows.map(toEntry),
    next_before: rows.length === page.limit ? (rows[rows.length - 1]?.id ?? null) : null,
  };
}

function toEntry(r: AuditListRow): AccessLogEntry {
  const purpose = r.purpose !== null && isPurpose(r.purpose) ? r.purpose : "none";
  return {
    id: r.id,
    at: r.at,
    actor: actorOf(r, purpose),
    role: r.actor_role,
    facility: r.facility_code && r.facility_name ? { code: r.facility_code, name: r.facility_name } : null,
    action: { code: r.action, ...(isAuditAction(r.action) ? AUDIT_ACTIONS[r.action] : { vi: r.action, en: r.action }) },
    purpose: { code: purpose, ...PURPOSES[purpose] },
    reason: r.reason,
    break_glass: purpose === "break-glass",
    outcome: r.outcome,
    request_id: r.request_id,
  };
}

/**
 * A guardian is named; another citizen's refused attempt is shown without a name (their own
 * privacy: the attempt is what matters); staff by their profile name, clients by their name.
 */
function actorOf(r: AuditListRow, purpose: Purpose): AccessLogEntry["actor"] {
  switch (r.actor_role) {
    case "citizen":
      return purpose === "guardian" ? { kind: "guardian", name: r.citizen_name } : { kind: "citizen", name: null };
    case "system":
      return { kind: "system", name: r.client_name ?? r.username };
    case "public":
      return { kind: "public", name: null };
    default:
      return { kind: r.actor_role, name: r.display_name ?? r.username };
  }
}
