/**
 * A clinician's grants: how a doctor comes to read a patient — a redeemed share, or break-glass
 * (emergency access without a code: a reason, a short time, audited and flagged to the patient).
 */
import type { Deps } from "../deps.ts";
import type { Principal } from "../access/tokens.ts";
import { invalid, notFound } from "../outcome.ts";
import { patientSummary, type PatientSummary } from "../access/citizen.ts";
import { audit } from "../audit/audit.ts";
import { insertGrant, listLiveGrants, type BookScope } from "./consent-repo.ts";

export interface GrantView {
  grant_id: string;
  kind: "share" | "break-glass";
  scope: BookScope;
  created_at: string;
  expires_at: string;
  reason: string | null;
  patient: PatientSummary | null;
}

export const describeGrant = (g: Omit<GrantView, "patient">, patient: PatientSummary | null): GrantView => ({
  grant_id: g.grant_id,
  kind: g.kind,
  scope: g.scope,
  created_at: g.created_at,
  expires_at: g.expires_at,
  reason: g.reason,
  patient,
});

export async function liveGrants(deps: Deps, who: Principal): Promise<{ grants: GrantView[] }> {
  const rows = await listLiveGrants(deps.db, who.accountId, deps.clock());
  return {
    grants: rows.map((g) => describeGrant(g, g.full_name && g.birth_date && g.sex ? { full_name: g.full_name, birth_date: g.birth_date, sex: g.sex } : null)),
  };
}

export const BREAK_GLASS_REASON = { min: 10, max: 500 } as const;

export async function breakGlass(deps: Deps, who: Principal, input: { personalId: string; reason: string; requestId: string }): Promise<GrantView> {
  const reason = input.reason.trim();
  if (reason.length < BREAK_GLASS_REASON.min) {
    invalid("CONSENT-REASON-REQUIRED", { vi: "Truy cập khẩn cấp cần ghi rõ lý do (ít nhất 10 ký tự).", en: "Emergency access needs a reason (10 characters at least)." }, "reason");
  }
  const patient = await patientSummary(deps, input.personalId);
  if (!patient) return notFound("HEALTHBOOK-NOT-FOUND", { vi: "Không có người này trong cơ sở dữ liệu dân cư.", en: "No such person in the population registry." });
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + deps.config.HOSO_BREAK_GLASS_MINUTES * 60_000);
  const grantId = await insertGrant(deps.db, {
    kind: "break-glass",
    shareId: null,
    personalId: input.personalId,
    accountId: who.accountId,
    facilityId: who.facilityId,
    scope: "everything",
    reason,
    createdAt: now,
    expiresAt,
  });
  await audit(deps, { who, personalId: input.personalId, action: "break-glass.open", purpose: "break-glass", outcome: "allowed", requestId: input.requestId, grantId, reason });
  return describeGrant({ grant_id: grantId, kind: "break-glass", scope: "everything", created_at: now.toISOString(), expires_at: expiresAt.toISOString(), reason }, patient);
}
