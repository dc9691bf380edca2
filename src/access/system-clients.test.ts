import { generateKeyPairSync, randomUUID } from "node:crypto";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHub, type TestHub } from "../../test/hub.ts";
import { requestToken, systemClient, type TestClient } from "../healthbook/test-kit.ts";
import { tokenEndpointUrl } from "../healthbook/public-url.ts";
import { registerSystemClient, setClientActive } from "./system-clients.ts";
import { verifyAccessToken } from "./tokens.ts";

let hub: TestHub;
let client: TestClient;
beforeAll(async () => {
  hub = await createTestHub();
  client = await systemClient(hub, ["system/HealthBook.read", "system/HealthBookChanges.read"], "vneid");
});
afterAll(async () => hub.close());

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
const now = () => Math.floor(hub.deps.clock().getTime() / 1000);
const refused = async (assertion: string, status = 401, code = "OAUTH-ASSERTION-INVALID") => {
  const res = await requestToken(hub, assertion);
  expect(res.statusCode).toBe(status);
  expect(res.json()).toMatchObject({ hoso_code: code, text: { vi: expect.any(String), en: expect.any(String) } });
  return res;
};

describe("POST /oauth/token (client credentials, RFC 7523 assertion)", () => {
  it("gives a short-lived hub token with the registered scopes", async () => {
    const res = await requestToken(hub, await client.assertion());
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const body = res.json();
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 300, scope: "system/HealthBook.read system/HealthBookChanges.read" });
    const principal = await verifyAccessToken(hub.deps.secrets.jwtKey, body.access_token, hub.deps.clock());
    expect(principal).toMatchObject({ role: "system" });
  });

  it("narrows to the scope asked for, and refuses a scope not registered", async () => {
    const res = await requestToken(hub, await client.assertion(), "system/HealthBook.read");
    expect(res.json().scope).toBe("system/HealthBook.read");
    const narrow = await systemClient(hub, ["system/HealthBookChanges.read"]);
    const wide = await requestToken(hub, await narrow.assertion(), "system/HealthBook.read");
    expect(wide.statusCode).toBe(400);
    expect(wide.json()).toMatchObject({ error: "invalid_scope", hoso_code: "OAUTH-SCOPE" });
  });

  it("refuses a replayed assertion (same jti)", async () => {
    const jti = randomUUID();
    expect((await requestToken(hub, await client.assertion({ jti }))).statusCode).toBe(200);
    const again = await refused(await client.assertion({ jti }), 401, "OAUTH-ASSERTION-REPLAY");
    expect(again.json().error).toBe("invalid_client");
  });

  it("refuses the wrong audience, issuer or subject, an unknown client, and no jti", async () => {
    await refused(await client.assertion({ aud: "https://other.example/oauth/token" }));
    await refused(await client.assertion({ iss: "someone-else" }));
    await refused(await client.assertion({ sub: "someone-else" }));
    await refused(await client.assertion({ jti: null }));
  });

  it("refuses an expired assertion and one that lives longer than 5 minutes", async () => {
    await refused(await client.assertion({ iat: now() - 600, exp: now() - 300 }));
    await refused(await client.assertion({ exp: now() + 3600 }));
  });

  it("refuses alg none, HS256, and a key the client never registered", async () => {
    const claims = { iss: "vneid", sub: "vneid", aud: tokenEndpointUrl(hub.deps.config), jti: randomUUID(), iat: now(), exp: now() + 60 };
    await refused(`${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`);
    const hs = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode("x".repeat(32)));
    await refused(hs);
    const { privateKey } = await generateKeyPair("RS256");
    await refused(await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: client.kid }).sign(privateKey));
    await refused("not.a.jwt");
  });

  it("accepts ES256 (P-256) clients", async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
    await registerSystemClient(hub.deps, { clientId: "ec-client", name: "EC", scopes: ["system/HealthBook.read"], keys: JSON.stringify({ keys: [await exportJWK(publicKey)] }) });
    const assertion = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: "ES256" })
      .setIssuer("ec-client").setSubject("ec-client").setAudience(tokenEndpointUrl(hub.deps.config))
      .setIssuedAt(now()).setExpirationTime(now() + 60)
      .sign(privateKey);
    expect((await requestToken(hub, assertion)).statusCode).toBe(200);
  });

  it("stops issuing to a disabled client", async () => {
    const c = await systemClient(hub);
    await setClientActive(hub.deps, c.clientId, false);
    await refused(await c.assertion());
    await setClientActive(hub.deps, c.clientId, true);
    expect((await requestToken(hub, await c.assertion())).statusCode).toBe(200);
  });

  it("answers OAuth errors for a wrong grant type or a missing assertion", async () => {
    const wrong = await requestToken(hub, await client.assertion(), undefined, { grant_type: "password" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toBe("unsupported_grant_type");
    const missing = await hub.app.inject({ method: "POST", url: "/oauth/token", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "grant_type=client_credentials" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe("invalid_request");
  });
});

describe("registering a system client", () => {
  it("takes a PEM public key, and refuses private, weak or unknown keys and unknown scopes", async () => {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const c = await registerSystemClient(hub.deps, { clientId: "pem-client", name: "PEM", scopes: ["system/HealthBook.read"], keys: pem });
    expect(c.keys).toEqual([{ kid: expect.any(String), kty: "RSA", alg: "RS256" }]);

    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    const priv = JSON.stringify({ keys: [await exportJWK(privateKey)] });
    await expect(registerSystemClient(hub.deps, { clientId: "p1", name: "x", scopes: ["system/HealthBook.read"], keys: priv })).rejects.toThrow("CLIENT-KEYS");
    const weak = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    await expect(registerSystemClient(hub.deps, { clientId: "p2", name: "x", scopes: ["system/HealthBook.read"], keys: weak })).rejects.toThrow("CLIENT-KEYS");
    await expect(registerSystemClient(hub.deps, { clientId: "p3", name: "x", scopes: ["system/Everything.write"], keys: pem })).rejects.toThrow("CLIENT-SCOPES");
    await expect(registerSystemClient(hub.deps, { clientId: "pem-client", name: "x", scopes: ["system/HealthBook.read"], keys: pem })).rejects.toThrow("CLIENT-EXISTS");
  });
});
