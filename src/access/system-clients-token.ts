/**
 * Hub access tokens for system clients: the same HS256 key, issuer and audience as every hub token
 * (so `verifyAccessToken` checks them), role `system`, plus the granted `scope` (space-separated,
 * RFC 8693 §4.2 style) and the `client_id`.
 */
import { SignJWT } from "jose";
import { AUDIENCE, ISSUER } from "./tokens.ts";

export const SYSTEM_SCOPES = ["system/HealthBook.read", "system/HealthBookChanges.read"] as const;
export type SystemScope = (typeof SYSTEM_SCOPES)[number];

export async function issueSystemToken(
  key: Uint8Array,
  c: { accountId: string; clientId: string; scopes: readonly SystemScope[] },
  ttlSeconds: number,
  now: Date,
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: "system", fac: null, prov: null, scope: c.scopes.join(" "), client_id: c.clientId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(c.accountId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}
