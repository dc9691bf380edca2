/**
 * Who may read whose record, decided server-side on every request (issue 5 §5; standards.md
 * §8.1: health data is sensitive, access role-limited, clinicians only while treating):
 *
 * - a citizen: their own book; a ward's (registry guardian link, minor) as guardian;
 * - a clinician: only through a live grant — a redeemed share, or break-glass with a reason;
 * - a system client: with the scope its token carries;
 * - facility, steward, analyst, commune: never a person's book here.
 *
 * Every decision about someone else's data is audited, refusals included; a person reading their
 * own book is not (invariant 5 is about others).
 */
import type { Deps } from "../deps.ts";
import { fail, type IssueCode, type LocalText } from "../outcome.ts";
import type { Caller } from "../access/system-clients-guard.ts";
import type { SystemScope } from "../access/system-clients-token.ts";
import { citizenPersonalId, relationTo } from "../access/citizen.ts";
import { audit, type AuditAction, type Purpose } from "../audit/audit.ts";
import type { AuditWriter } from "../audit/audit-writer.ts";
import { findGrant, type BookScope } from "./consent-repo.ts";

export type { BookScope };

export interface BookAccess {
  personalId: string;
  /** What the reader may see: `everything`, or the `summary` a share allows. */
  scope: BookScope;
  /** How access was had; null for the person themself. */
  purpose: Purpose | null;
  grantId: string | null;
}

export interface ReadRequest {
  caller: Caller;
  requestId: string;
  action: AuditAction;
  /** `everything` for reads a summary share does not cover (trends). */
  needs?: BookScope;
}

const WRONG_ROLE: LocalText = { vi: "Vai trò của bạn không được xem hồ sơ sức khỏe cá nhân theo cách này.", en: "Your role may not read a person's record this way." };

async function refuse(
  deps: Deps,
  r: ReadRequest,
  personalId: string | null,
  refusal: { issue: IssueCode; code: string; text: LocalText; grantId?: string | null },
): Promise<never> {
  await audit(deps, { who: r.caller.who, personalId, action: r.action, purpose: "none", outcome: "refused", requestId: r.requestId, grantId: refusal.grantId ?? null });
  return fail(refusal.issue, refusal.code, refusal.text);
}

export async function citizenAccess(deps: Deps, r: ReadRequest, personalId: string): Promise<BookAccess> {
  if (r.caller.who.role !== "citizen") return refuse(deps, r, personalId, { issue: "forbidden", code: "ACCESS-ROLE", text: WRONG_ROLE });
  const me = await citizenPersonalId(deps, r.caller.who);
  const relation = await relationTo(deps, me, personalId);
  if (relation === "self") return { personalId, scope: "everything", purpose: null, grantId: null };
  if (relation === null) {
    return refuse(deps, r, personalId, {
      issue: "forbidden",
      code: "ACCESS-NOT-YOURS",
      text: { vi: "Bạn không có quyền xem hồ sơ này.", en: "You may not read this record." },
    });
  }
  await audit(deps, { who: r.caller.who, personalId, action: r.action, purpose: "guardian", outcome: "allowed", requestId: r.requestId });
  return { personalId, scope: "everything", purpose: "guardian", grantId: null };
}

export async function grantAccess(deps: Deps, r: ReadRequest, grantId: string): Promise<BookAccess> {
  const grant = await findGrant(deps.db, grantId);
  const target = grant?.personal_id ?? null;
  if (r.caller.who.role !== "clinician") return refuse(deps, r, target, { issue: "forbidden", code: "ACCESS-ROLE", text: WRONG_ROLE, grantId: grant?.grant_id ?? null });
  if (!grant || grant.account_id !== r.caller.who.accountId) {
    const text = { vi: "Không có quyền truy cập này.", en: "No such grant." };
    if (!grant) return fail("not-found", "CONSENT-GRANT-NOT-FOUND", text);
    return refuse(deps, r, target, { issue: "not-found", code: "CONSENT-GRANT-NOT-FOUND", text, grantId: grant.grant_id });
  }
  if (new Date(grant.expires_at) <= deps.clock()) {
    return refuse(deps, r, target, { issue: "forbidden", code: "CONSENT-GRANT-EXPIRED", text: { vi: "Quyền truy cập đã hết hạn.", en: "The grant has expired." }, grantId });
  }
  if (grant.share_revoked_at !== null) {
    return refuse(deps, r, target, { issue: "forbidden", code: "CONSENT-SHARE-REVOKED", text: { vi: "Người bệnh đã thu hồi mã chia sẻ.", en: "The patient revoked the share." }, grantId });
  }
  if (r.needs === "everything" && grant.scope !== "everything") {
    return refuse(deps, r, target, {
      issue: "forbidden",
      code: "CONSENT-SCOPE",
      text: { vi: "Mã chia sẻ chỉ cho xem bản tóm tắt.", en: "The share covers the summary only." },
      grantId,
    });
  }
  await audit(deps, { who: r.caller.who, personalId: grant.personal_id, action: r.action, purpose: grant.kind, outcome: "allowed", requestId: r.requestId, grantId, reason: grant.reason });
  return { personalId: grant.personal_id, scope: grant.scope, purpose: grant.kind, grantId };
}

/**
 * A system client's read needs no database to decide (role and scope are in its token), so the
 * caller can audit and read at once: `decideSystem` refuses (audited) or answers the access.
 */
export async function decideSystem(deps: Deps, r: ReadRequest, personalId: string | null, scope: SystemScope): Promise<void> {
  if (r.caller.who.role !== "system") return refuse(deps, r, personalId, { issue: "forbidden", code: "ACCESS-ROLE", text: WRONG_ROLE });
  if (!r.caller.scopes.has(scope)) {
    return refuse(deps, r, personalId, { issue: "forbidden", code: "ACCESS-SCOPE", text: { vi: `Mã truy cập thiếu phạm vi ${scope}.`, en: `The token lacks the scope ${scope}.` } });
  }
}

/** The audit rows of an allowed system read (written alongside the read itself). */
export const auditSystemRead = (deps: Deps, r: ReadRequest, personalIds: readonly string[], writer?: AuditWriter): Promise<void> =>
  audit(
    deps,
    personalIds.map((personalId) => ({ who: r.caller.who, personalId, action: r.action, purpose: "vneid" as const, outcome: "allowed" as const, requestId: r.requestId })),
    writer,
  );
