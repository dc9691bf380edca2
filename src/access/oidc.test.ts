/**
 * Citizen sign-in against a real OpenID Connect provider (`oidc-provider`) on a loopback port:
 * authorization code + PKCE, the personal ID from a claim, refusals for a replayed state, a
 * forged code and an identity without a personal ID.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHub, type TestHub } from "../../test/hub.ts";
import { bearer } from "../healthbook/test-kit.ts";

const REDIRECT = "http://127.0.0.1:5173/callback";
const PEOPLE: Record<string, string | undefined> = { "vneid-an": "001090012345", "vneid-nobody": undefined };

let server: http.Server;
let issuer: string;
let hub: TestHub;

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: "hoso", client_secret: "hoso-test-secret-0123456789", redirect_uris: [REDIRECT], token_endpoint_auth_method: "client_secret_post" }],
    claims: { openid: ["sub"], vneid: ["personal_id"] },
    scopes: ["openid", "vneid"],
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...(PEOPLE[sub] ? { personal_id: PEOPLE[sub] } : {}) }) }),
    cookies: { keys: ["test-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: true } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
  });
  server.on("request", provider.callback());
  hub = await createTestHub({
    HOSO_OIDC_ISSUER: issuer,
    HOSO_OIDC_CLIENT_ID: "hoso",
    HOSO_OIDC_CLIENT_SECRET: "hoso-test-secret-0123456789",
    HOSO_OIDC_REDIRECT_URL: REDIRECT,
    HOSO_OIDC_SCOPE: "openid vneid",
  });
});
afterAll(async () => {
  await hub.close();
  await new Promise((resolve) => server.close(resolve));
});

/** A browser's part: follow the provider's redirects, sign in as `login`, consent; the callback's query. */
async function signInAtProvider(authorizationUrl: string, login: string): Promise<URLSearchParams> {
  const jar = new Map<string, string>();
  const go = async (url: string, body?: Record<string, string>): Promise<string> => {
    const res = await fetch(new URL(url, issuer), {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      ...(body ? { body: new URLSearchParams(body).toString() } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get("location");
    if (!location) throw new Error(`provider stopped at ${url} with ${res.status}`);
    return new URL(location, issuer).href;
  };
  let url = await go(authorizationUrl);
  for (let step = 0; step < 10 && !url.startsWith(REDIRECT); step++) {
    if (url.includes("/interaction/")) {
      const page = await (await fetch(url, { headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } })).text();
      url = await go(url, page.includes('value="login"') ? { prompt: "login", login, password: "any" } : { prompt: "consent" });
    } else url = await go(url);
  }
  return new URL(url).searchParams;
}

const start = async () => {
  const res = await hub.app.inject({ method: "POST", url: "/api/citizen/oidc/start" });
  expect(res.statusCode).toBe(200);
  return res.json<{ authorization_url: string }>().authorization_url;
};
const callback = (q: URLSearchParams, override: Record<string, string> = {}) =>
  hub.app.inject({
    method: "POST",
    url: "/api/citizen/oidc/callback",
    payload: { code: q.get("code"), state: q.get("state"), iss: q.get("iss") ?? undefined, ...override },
  });

describe("citizen sign-in with OIDC", () => {
  it("offers OIDC, and asks for a code with PKCE S256, state and nonce", async () => {
    expect((await hub.app.inject({ url: "/api/citizen/sign-in-options" })).json()).toEqual({ demo: false, oidc: true });
    const url = new URL(await start());
    expect(url.origin).toBe(issuer);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("state")).toEqual(expect.any(String));
    expect(url.searchParams.get("nonce")).toEqual(expect.any(String));
    expect(url.searchParams.get("redirect_uri")).toBe(REDIRECT);
  });

  it("signs the citizen in with the personal ID from the provider's claim", async () => {
    const q = await signInAtProvider(await start(), "vneid-an");
    expect(q.get("iss")).toBe(issuer);
    const res = await callback(q);
    expect(res.statusCode).toBe(200);
    const answer = res.json();
    expect(answer).toMatchObject({ role: "citizen", token: expect.any(String), refresh_token: expect.any(String) });
    const me = await hub.app.inject({ url: "/api/me", headers: bearer(answer.token) });
    expect(me.json()).toMatchObject({ personal_id: "001090012345", full_name: "Nguyễn Văn An" });

    // The same state twice: refused (one sign-in per state).
    const again = await callback(q);
    expect(again.statusCode).toBe(400);
    expect(again.json().issue[0].details.coding[0].code).toBe("CITIZEN-OIDC-STATE");
  });

  it("refuses a forged code", async () => {
    const q = await signInAtProvider(await start(), "vneid-an");
    const res = await callback(q, { code: "forged-code" });
    expect(res.statusCode).toBe(401);
    expect(res.json().issue[0].details.coding[0].code).toBe("CITIZEN-OIDC-FAILED");
  });

  it("refuses an identity without a personal ID", async () => {
    const q = await signInAtProvider(await start(), "vneid-nobody");
    const res = await callback(q);
    expect(res.statusCode).toBe(403);
    expect(res.json().issue[0].details.coding[0].code).toBe("CITIZEN-OIDC-NO-PERSONAL-ID");
  });

  it("refuses a state it never issued", async () => {
    const res = await hub.app.inject({ method: "POST", url: "/api/citizen/oidc/callback", payload: { code: "x", state: "never-issued" } });
    expect(res.statusCode).toBe(400);
  });
});
