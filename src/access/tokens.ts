/**
 * Access tokens: short-lived HS256 JWTs signed with the hub's key, issued and verified with jose
 * (HS256 only, so `alg: none` and algorithm swaps are refused; issuer, audience, expiry and
 * not-before checked). Verification runs on every request and jose's WebCrypto path costs ~60 µs,
 * so a verifier remembers the tokens it has verified and only re-checks their times.
 */
import { jwtVerify, SignJWT } from "jose";

export const ISSUER = "hoso";
export const AUDIENCE = "hoso-api";

export const ROLES = ["facility", "steward", "analyst", "clinician", "commune", "citizen", "system"] as const;
export type Role = (typeof ROLES)[number];
const isRole = (v: unknown): v is Role => (ROLES as readonly unknown[]).includes(v);

export interface Principal {
  accountId: string;
  role: Role;
  facilityId: string | null;
  scopeProvince: string | null;
}

/** A verified token: who, and the scopes a system client's token carries (`scope`, space-separated). */
export interface VerifiedToken {
  principal: Principal;
  scopes: ReadonlySet<string>;
}

export async function issueAccessToken(key: Uint8Array, p: Principal, ttlSeconds: number, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: p.role, fac: p.facilityId, prov: p.scopeProvince })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(p.accountId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}

/** Returns the principal, or null for any token that is not ours, expired or malformed. */
export async function verifyAccessToken(key: Uint8Array, token: string, now: Date): Promise<Principal | null> {
  return (await verifyToken(key, token, now))?.principal ?? null;
}

export type TokenVerifier = (token: string, now: Date) => Promise<VerifiedToken | null>;

/** Tokens remembered by a verifier; when full it starts again (a token is re-verified, never trusted longer). */
const MEMO_MAX = 10_000;

/**
 * `verifyToken` with the key bound, remembering tokens it has verified: the same bytes verify the
 * same way, so a repeat only has its expiry and not-before checked again (each read of a busy
 * client carries the same token). One per hub key (secrets.ts), never module-level.
 */
export function createTokenVerifier(key: Uint8Array): TokenVerifier {
  const memo = new Map<string, { verified: VerifiedToken; exp: number; nbf: number }>();
  return async (token, now) => {
    const seconds = Math.floor(now.getTime() / 1000);
    const held = memo.get(token);
    if (held) return held.exp > seconds && held.nbf <= seconds ? held.verified : null;
    const checked = await check(key, token, now);
    if (!checked) return null;
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(token, checked);
    return checked.verified;
  };
}

/** The principal and scopes, or null (never throws). */
export async function verifyToken(key: Uint8Array, token: string, now: Date): Promise<VerifiedToken | null> {
  return (await check(key, token, now))?.verified ?? null;
}

async function check(key: Uint8Array, token: string, now: Date): Promise<{ verified: VerifiedToken; exp: number; nbf: number } | null> {
  let c: Record<string, unknown>;
  try {
    ({ payload: c } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      requiredClaims: ["exp", "sub"],
      currentDate: now,
      clockTolerance: 0,
    }));
  } catch {
    return null;
  }
  if (typeof c.exp !== "number" || typeof c.sub !== "string" || !isRole(c.role)) return null;
  const verified: VerifiedToken = {
    principal: {
      accountId: c.sub,
      role: c.role,
      facilityId: typeof c.fac === "string" ? c.fac : null,
      scopeProvince: typeof c.prov === "string" ? c.prov : null,
    },
    scopes: new Set(typeof c.scope === "string" ? c.scope.split(" ").filter(Boolean) : []),
  };
  return { verified, exp: c.exp, nbf: typeof c.nbf === "number" ? c.nbf : -Infinity };
}
