/**
 * Audit entries of the review queue and of who-is-this (design invariant 5): a steward opening a
 * case reads the record and each candidate's registry data; a facility's who-is-this that resolves
 * to a person reads that person; a refusal for scope is written too.
 *
 * The words for these actions and purposes live here until audit/labels.ts takes them in
 * (`...IDENTITY_AUDIT_ACTIONS`, `...IDENTITY_PURPOSES`); until then the access log shows their
 * codes. `identityAudit` is the one place that narrows the codes to audit.ts's types.
 */
import type { Deps } from "../../deps.ts";
import type { LocalText } from "../../outcome.ts";
import type { Principal } from "../../access/tokens.ts";
import { audit, type AuditAction, type Purpose } from "../../audit/audit.ts";

export const IDENTITY_AUDIT_ACTIONS = {
  "identity.case.read": { vi: "Xem hồ sơ chờ xác minh danh tính", en: "Read an identity review case" },
  "identity.decision": { vi: "Quyết định về danh tính (liên kết, gộp, tách)", en: "Identity decision (link, merge, unmerge)" },
  "identity.match": { vi: "Đối chiếu danh tính tại cơ sở khám", en: "Identity check at a facility's front desk" },
} as const satisfies Record<string, LocalText>;
export type IdentityAuditAction = keyof typeof IDENTITY_AUDIT_ACTIONS;

export const IDENTITY_PURPOSES = {
  "identity-review": { vi: "Xác minh danh tính hồ sơ", en: "Identity review" },
  "identity-check": { vi: "Xác định đúng người trước khi gửi hồ sơ", en: "Finding the right person before sending a record" },
} as const satisfies Record<string, LocalText>;
export type IdentityPurpose = keyof typeof IDENTITY_PURPOSES;

export interface IdentityAuditEvent {
  who: Principal;
  /** Null: a person without a personal ID (a provisional person), kept unattached. */
  personalId: string | null;
  action: IdentityAuditAction;
  purpose: IdentityPurpose;
  outcome: "allowed" | "refused";
  requestId: string;
  reason?: string | null;
}

export async function identityAudit(deps: Deps, events: readonly IdentityAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await audit(
    deps,
    events.map((e) => ({
      who: e.who,
      personalId: e.personalId,
      // Widened to string, then narrowed: see the module comment.
      action: e.action as string as AuditAction,
      purpose: e.purpose as string as Purpose,
      outcome: e.outcome,
      requestId: e.requestId,
      reason: e.reason ?? null,
    })),
  );
}
