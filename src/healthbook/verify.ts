/**
 * Verification codes printed on a check-up's PDF: anyone holding the paper checks at
 * `GET /api/verify/:code` that the hub holds that check-up, from that facility, on that date, and
 * whether it has since been corrected or retracted. The code derives from the check-up version
 * (the same PDF twice gets the same code); only its keyed hash is stored. A check is audited as
 * a read by the public; the answer holds initials and birth year, never the name or ID.
 */
import type { Deps } from "../deps.ts";
import { notFound } from "../outcome.ts";
import { audit } from "../audit/audit.ts";
import { codeHash, derivedCode, displayCode, normalizeCode, VERIFY_CODE_LENGTH } from "../consent/share-code.ts";
import { publicUrl } from "./public-url.ts";
import { findVerification, insertVerification } from "./verify-repo.ts";

export async function issueVerification(deps: Deps, c: { personalId: string; checkupId: string; version: number }): Promise<{ code: string; url: string }> {
  const code = derivedCode(deps.secrets.jwtKey, `checkup:${c.checkupId}:${c.version}`, VERIFY_CODE_LENGTH);
  await insertVerification(deps.db, { codeHash: codeHash(deps.secrets.jwtKey, "verify", code), ...c, at: deps.clock() });
  return { code: displayCode(code), url: `${publicUrl(deps.config)}/verify/${displayCode(code)}` };
}

const STATUS = { current: "current", superseded: "corrected", "entered-in-error": "retracted" } as const;
const UNKNOWN = { vi: "Mã xác thực không do hệ thống cấp.", en: "This verification code was not issued here." };

export async function verifyCode(deps: Deps, input: { code: string; requestId: string }) {
  const code = normalizeCode(input.code, VERIFY_CODE_LENGTH);
  const row = code ? await findVerification(deps.db, codeHash(deps.secrets.jwtKey, "verify", code)) : null;
  if (!row) return notFound("VERIFY-CODE-UNKNOWN", UNKNOWN);
  await audit(deps, { who: null, personalId: row.personal_id, action: "checkup.verify", purpose: "verification", outcome: "allowed", requestId: input.requestId });
  return {
    valid: true,
    status: STATUS[row.status],
    facility: { code: row.facility_code, name: row.facility_name },
    exam_date: row.exam_date,
    health_class: row.health_class,
    version: row.version,
    holder: { initials: initials(row.full_name), birth_year: row.birth_date ? Number(row.birth_date.slice(0, 4)) : null },
    issued_at: row.issued_at,
  };
}

/** "Nguyễn Văn An" → "N.V.A." */
export const initials = (name: string | null): string | null =>
  name ? name.split(/\s+/).filter(Boolean).map((w) => `${w.slice(0, 1).toUpperCase()}.`).join("") : null;
