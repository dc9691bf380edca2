/**
 * Access tokens: short-lived HS256 JWTs signed with the hub's key (jose). Only HS256 is accepted,
 * so `alg: none` and algorithm swaps are refused; issuer and audience are checked.
 */
import { SignJWT, jwtVerify } from "jose";

export const ISSUER = "hoso";
export const AUDIENCE = "hoso-api";

export type Role = "facility" | "steward" | "analyst" | "clinician" | "commune" | "citizen" | "system";

export interface Principal {
  accountId: string;
  role: Role;
  facilityId: string | null;
  scopeProvince: string | null;
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
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
    });
    if (typeof payload.sub !== "string" || typeof payload.role !== "string") return null;
    return {
      accountId: payload.sub,
      role: payload.role as Role,
      facilityId: typeof payload.fac === "string" ? payload.fac : null,
      scopeProvince: typeof payload.prov === "string" ? payload.prov : null,
    };
  } catch {
    return null;
  }
}
