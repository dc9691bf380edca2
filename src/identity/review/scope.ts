/**
 * A steward's province scope (design.md, "Who uses it"): a national steward (no province) acts
 * anywhere; a provincial one on cases whose facility or whose person is in the province, and on
 * persons living there or holding a check-up from there. A refusal is audited before it is answered.
 */
import type { Deps } from "../../deps.ts";
import type { Principal } from "../../access/tokens.ts";
import { identityAudit, type IdentityAuditAction } from "./identity-audit.ts";
import { personInProvince } from "./persons-repo.ts";
import { refuse } from "./refusals.ts";

/** Who acts and under which request id: what every steward action is given. */
export interface Steward {
  who: Principal;
  requestId: string;
}

export const inScope = (who: Principal, provinces: readonly (string | null)[]): boolean =>
  who.scopeProvince === null || provinces.includes(who.scopeProvince);

export async function personInScope(deps: Deps, who: Principal, personId: string): Promise<boolean> {
  return who.scopeProvince === null || personInProvince(deps.db, personId, who.scopeProvince);
}

/**
 * Refuses (403 ACCESS-SCOPE) after writing one refused audit entry per person concerned — by
 * personal ID where they have one, unattached otherwise — with `subject` (a case or decision id)
 * as the entry's reason.
 */
export async function refuseOutsideScope(
  deps: Deps,
  s: Steward,
  action: IdentityAuditAction,
  personalIds: readonly (string | null)[],
  subject: string,
): Promise<never> {
  const ids = personalIds.some((id) => id !== null) ? [...new Set(personalIds.filter((id) => id !== null))] : [null];
  await identityAudit(
    deps,
    ids.map((personalId) => ({ who: s.who, personalId, action, purpose: "identity-review", outcome: "refused", requestId: s.requestId, reason: subject })),
  );
  return refuse.outsideScope();
}
