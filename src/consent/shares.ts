/**
 * Shares (issue 5 §3): the citizen (or a guardian, for a ward) makes a short code and a QR for a
 * scope (`summary` or `everything`) and a time (15 minutes to 7 days), sees the active ones and
 * revokes any. A clinician redeems the code into a grant that ends with the share.
 */
import QRCode from "qrcode";
import type { Deps } from "../deps.ts";
import type { Principal } from "../access/tokens.ts";
import { fail, notFound } from "../outcome.ts";
import { patientSummary } from "../access/citizen.ts";
import { audit } from "../audit/audit.ts";
import { publicUrl } from "../healthbook/public-url.ts";
import { findShareByHash, insertGrant, insertShare, listActiveShares, revokeShare, type BookScope, type ShareRow } from "./consent-repo.ts";
import { citizenAccess, type ReadRequest } from "./person-access.ts";
import { codeHash, displayCode, newShareCode, normalizeCode, SHARE_CODE_LENGTH } from "./share-code.ts";
import { describeGrant, type GrantView } from "./grants.ts";

export const SHARE_MINUTES = { min: 15, max: 7 * 24 * 60 } as const;

export interface NewShare {
  scope: BookScope;
  durationMinutes: number;
}

export async function createShare(deps: Deps, r: ReadRequest, personalId: string, input: NewShare) {
  await citizenAccess(deps, { ...r, action: "share.create" }, personalId);
  const createdAt = deps.clock();
  const expiresAt = new Date(createdAt.getTime() + input.durationMinutes * 60_000);
  const { code, shareId } = await insertFreshShare(deps, { personalId, createdBy: r.caller.who.accountId, scope: input.scope, createdAt, expiresAt });
  const qrText = `${publicUrl(deps.config)}/doctor?code=${code}`;
  return {
    share_id: shareId,
    code,
    code_display: displayCode(code),
    qr_text: qrText,
    qr_svg: await QRCode.toString(qrText, { type: "svg", errorCorrectionLevel: "M", margin: 1 }),
    scope: input.scope,
    created_at: createdAt.toISOString(),
    expires_at: expiresAt.toISOString(),
  };
}

/** A new random code; on the (2⁻⁴⁰-rare) clash with a stored one, another. */
async function insertFreshShare(deps: Deps, s: { personalId: string; createdBy: string; scope: BookScope; createdAt: Date; expiresAt: Date }) {
  for (let attempt = 0; ; attempt++) {
    const code = newShareCode();
    try {
      return { code, shareId: await insertShare(deps.db, { ...s, codeHash: codeHash(deps.secrets.jwtKey, "share", code) }) };
    } catch (err) {
      const clash = typeof err === "object" && err !== null && (err as { code?: unknown }).code === "23505";
      if (!clash || attempt >= 3) throw err;
    }
  }
}

const shareView = (s: ShareRow) => ({ share_id: s.share_id, scope: s.scope, created_at: s.created_at, expires_at: s.expires_at, redemptions: s.redemptions });

export async function activeShares(deps: Deps, r: ReadRequest, personalId: string) {
  await citizenAccess(deps, { ...r, action: "share.list" }, personalId);
  return { shares: (await listActiveShares(deps.db, personalId, deps.clock())).map(shareView) };
}

export async function revoke(deps: Deps, r: ReadRequest, personalId: string, shareId: string) {
  await citizenAccess(deps, { ...r, action: "share.revoke" }, personalId);
  const revokedAt = await revokeShare(deps.db, shareId, personalId, deps.clock());
  if (revokedAt === null) return notFound("CONSENT-SHARE-NOT-FOUND", { vi: "Không có mã chia sẻ này.", en: "No such share." });
  return { share_id: shareId, revoked_at: revokedAt };
}

const CODE_INVALID = { vi: "Mã chia sẻ không đúng.", en: "Unknown share code." };

export async function redeemShare(deps: Deps, who: Principal, input: { code: string; requestId: string }): Promise<GrantView> {
  const code = normalizeCode(input.code, SHARE_CODE_LENGTH);
  const share = code ? await findShareByHash(deps.db, codeHash(deps.secrets.jwtKey, "share", code)) : null;
  if (!share) return notFound("CONSENT-CODE-INVALID", CODE_INVALID);
  const now = deps.clock();
  const base = { who, personalId: share.personal_id, action: "share.redeem" as const, requestId: input.requestId };
  if (share.revoked_at !== null || new Date(share.expires_at) <= now) {
    await audit(deps, { ...base, purpose: "none", outcome: "refused" });
    return fail("forbidden", "CONSENT-CODE-EXPIRED", { vi: "Mã chia sẻ đã hết hạn hoặc đã bị thu hồi.", en: "The share code has expired or was revoked." });
  }
  const expiresAt = new Date(share.expires_at);
  const grantId = await insertGrant(deps.db, {
    kind: "share",
    shareId: share.share_id,
    personalId: share.personal_id,
    accountId: who.accountId,
    facilityId: who.facilityId,
    scope: share.scope,
    reason: null,
    createdAt: now,
    expiresAt,
  });
  await audit(deps, { ...base, purpose: "share", outcome: "allowed", grantId });
  return describeGrant(
    { grant_id: grantId, kind: "share", scope: share.scope, created_at: now.toISOString(), expires_at: expiresAt.toISOString(), reason: null },
    await patientSummary(deps, share.personal_id),
  );
}
