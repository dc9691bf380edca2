import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SignJWT, UnsecuredJWT } from "jose";
import { AUDIENCE, ISSUER, createTokenVerifier, issueAccessToken, verifyAccessToken, verifyToken, type Principal } from "./tokens.ts";
import { issueSystemToken } from "./system-clients-token.ts";

const key = new TextEncoder().encode("k".repeat(48));
const now = new Date("2026-11-20T03:00:00Z");
const iat = Math.floor(now.getTime() / 1000);
const who: Principal = { accountId: "3f6e0a2c-5b1d-4c8e-9f00-0a1b2c3d4e5f", role: "facility", facilityId: "f-1", scopeProvince: null };
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

/** A token signed with `key` (or another), with the claims and header given. */
const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: "HS256" }, k = key) =>
  new SignJWT({ role: "facility", ...claims }).setProtectedHeader(header as { alg: string }).sign(k);
/** Signed by hand, for headers jose will not write. */
const handSigned = (header: unknown, claims: unknown) => {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac("sha256", key).update(input).digest("base64url")}`;
};
const good = { sub: who.accountId, iss: ISSUER, aud: AUDIENCE, iat, exp: iat + 60 };

describe("access tokens", () => {
  it("accepts its own tokens and answers the principal, and a system token's scopes", async () => {
    expect(await verifyAccessToken(key, await issueAccessToken(key, who, 60, now), now)).toEqual(who);
    const sys = await issueSystemToken(key, { accountId: who.accountId, clientId: "vneid", scopes: ["system/HealthBook.read"] }, 60, now);
    expect(await verifyToken(key, sys, now)).toEqual({
      principal: { accountId: who.accountId, role: "system", facilityId: null, scopeProvince: null },
      scopes: new Set(["system/HealthBook.read"]),
    });
  });

  it("refuses the wrong issuer or audience, an expired or not-yet-valid token", async () => {
    for (const claims of [
      { ...good, iss: "someone-else" },
      { ...good, iss: undefined },
      { ...good, aud: "another-api" },
      { ...good, aud: undefined },
      { ...good, exp: iat },
      { ...good, exp: iat - 1 },
      { ...good, exp: undefined },
      { ...good, exp: "9999999999" },
      { ...good, nbf: iat + 10 },
      { ...good, sub: undefined },
      { ...good, role: "superuser" },
    ]) {
      expect(await verifyToken(key, await sign(claims), now), JSON.stringify(claims)).toBeNull();
    }
    expect((await verifyToken(key, await sign({ ...good, aud: ["x", AUDIENCE] }), now))?.principal.accountId).toBe(who.accountId);
  });

  it("refuses alg none, another algorithm, another key, a changed payload, an unknown crit header", async () => {
    const none = new UnsecuredJWT({ ...good, role: "steward" }).encode();
    const hs512 = await new SignJWT({ ...good, role: "steward" }).setProtectedHeader({ alg: "HS512" }).sign(new TextEncoder().encode("k".repeat(64)));
    const otherKey = await sign(good, { alg: "HS256" }, new TextEncoder().encode("x".repeat(48)));
    const [h, , s] = (await sign(good)).split(".");
    const tampered = `${h}.${b64({ ...good, role: "steward" })}.${s}`;
    const crit = handSigned({ alg: "HS256", crit: ["x-hoso"], "x-hoso": 1 }, { ...good, role: "facility" });
    expect(await verifyToken(key, handSigned({ alg: "HS256" }, { ...good, role: "facility" }), now)).not.toBeNull();
    // The same signature with an `alg: none` header: the header is signed, so it no longer verifies.
    const swapped = `${b64({ alg: "none" })}.${(await sign(good)).split(".")[1]}.${s}`;
    for (const t of [none, hs512, otherKey, tampered, crit, swapped, `${h}.${b64(good)}`, "", "a.b.c", "...", `${h}.${b64(good)}.${s}.x`]) {
      expect(await verifyToken(key, t, now), t).toBeNull();
      expect(await verifyAccessToken(key, t, now)).toBeNull();
    }
  });

  it("a verifier that remembers tokens still refuses them once expired, and never remembers a bad one", async () => {
    const verify = createTokenVerifier(key);
    const token = await sign({ ...good, nbf: iat + 5 });
    expect(await verify(token, now)).toBeNull();
    const later = new Date(now.getTime() + 10_000);
    expect((await verify(token, later))?.principal.accountId).toBe(who.accountId);
    expect((await verify(token, later))?.principal.accountId).toBe(who.accountId);
    expect(await verify(token, new Date(now.getTime() + 60_000))).toBeNull();
    expect(await verify(token, new Date(now.getTime() + 61_000))).toBeNull();
    const forged = `${token.slice(0, -5)}${token.at(-5) === "A" ? "B" : "A"}${token.slice(-4)}`;
    expect(await verify(forged, later)).toBeNull();
    expect(await verify(forged, later)).toBeNull();
    expect(await createTokenVerifier(new TextEncoder().encode("x".repeat(48)))(token, later)).toBeNull();
  });
});
