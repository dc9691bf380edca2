/**
 * System clients (the VNeID backend, later others): OAuth 2.0 client credentials where the client
 * authenticates with a JWT signed by its registered key (RFC 6749 §4.4, RFC 7523 §2.2/§3, as SMART
 * Backend Services do). Only RS256 and ES256; `iss` = `sub` = client id; `aud` = this token
 * endpoint; short expiry; each `jti` once. The answer is a short-lived hub access token with the
 * granted `system/*` scopes.
 */
import { createPublicKey } from "node:crypto";
import { calculateJwkThumbprint, createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet, type JWK } from "jose";
import type { Deps } from "../deps.ts";
import { conflict, fail, invalid, notFound } from "../outcome.ts";
import { tokenEndpointUrl } from "../healthbook/public-url.ts";
import { insertAccount } from "./accounts-repo.ts";
import {
  findSystemClient,
  insertSystemClient,
  listSystemClients,
  rememberJti,
  setSystemClientActive,
  setSystemClientKeys,
  type SystemClientRow,
} from "./system-clients-repo.ts";
import { issueSystemToken, SYSTEM_SCOPES, type SystemScope } from "./system-clients-token.ts";

export const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const ALGORITHMS = ["RS256", "ES256"];
/** Longest assertion lifetime accepted, and the clock skew allowed (seconds). */
const MAX_ASSERTION_SECONDS = 300;
const SKEW_SECONDS = 30;

const ASSERTION_INVALID = { vi: "Xác thực ứng dụng (client assertion) không hợp lệ.", en: "Client assertion invalid." };

export interface TokenRequest {
  grant_type?: string | undefined;
  client_assertion_type?: string | undefined;
  client_assertion?: string | undefined;
  client_id?: string | undefined;
  scope?: string | undefined;
}

export interface TokenAnswer {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
}

export async function clientCredentialsToken(deps: Deps, req: TokenRequest): Promise<TokenAnswer> {
  if (req.grant_type !== "client_credentials") {
    fail("invalid", "OAUTH-GRANT-TYPE", { vi: "Chỉ hỗ trợ grant_type=client_credentials.", en: "Only grant_type=client_credentials is supported." });
  }
  if (req.client_assertion_type !== JWT_BEARER || !req.client_assertion) {
    fail("invalid", "OAUTH-REQUEST-INVALID", { vi: "Thiếu client_assertion kiểu jwt-bearer.", en: "A jwt-bearer client_assertion is required." });
  }
  const client = await clientOf(deps, req.client_assertion!, req.client_id);
  const now = deps.clock();
  const { payload } = await jwtVerify(req.client_assertion!, createLocalJWKSet(client.jwks), {
    algorithms: ALGORITHMS,
    issuer: client.client_id,
    subject: client.client_id,
    audience: tokenEndpointUrl(deps.config),
    currentDate: now,
    clockTolerance: SKEW_SECONDS,
    requiredClaims: ["exp", "jti"],
  }).catch(() => fail("login", "OAUTH-ASSERTION-INVALID", ASSERTION_INVALID));
  const exp = payload.exp!;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const lifetime = exp - (typeof payload.iat === "number" ? payload.iat : nowSeconds);
  if (exp - nowSeconds > MAX_ASSERTION_SECONDS + SKEW_SECONDS || lifetime > MAX_ASSERTION_SECONDS + SKEW_SECONDS) {
    fail("login", "OAUTH-ASSERTION-INVALID", { vi: "Client assertion có thời hạn quá dài (tối đa 5 phút).", en: "Client assertion lives too long (5 minutes at most)." });
  }
  const scopes = grantedScopes(client, req.scope);
  if (!(await rememberJti(deps.db, client.client_id, payload.jti!, new Date((exp + 2 * SKEW_SECONDS) * 1000), now))) {
    fail("login", "OAUTH-ASSERTION-REPLAY", { vi: "Client assertion đã được dùng (jti trùng).", en: "Client assertion already used (jti seen)." });
  }
  const ttl = deps.config.HOSO_SYSTEM_TOKEN_TTL_SECONDS;
  const token = await issueSystemToken(deps.secrets.jwtKey, { accountId: client.account_id, clientId: client.client_id, scopes }, ttl, now);
  return { access_token: token, token_type: "Bearer", expires_in: ttl, scope: scopes.join(" ") };
}

/** The client the assertion names, before its signature is checked (to pick the keys). */
async function clientOf(deps: Deps, assertion: string, formClientId: string | undefined): Promise<SystemClientRow> {
  let iss: unknown;
  try {
    iss = decodeJwt(assertion).iss;
  } catch {
    iss = undefined;
  }
  const client = typeof iss === "string" && iss.length <= 200 ? await findSystemClient(deps.db, iss) : null;
  if (!client || !client.active || (formClientId !== undefined && formClientId !== iss)) {
    return fail("login", "OAUTH-ASSERTION-INVALID", ASSERTION_INVALID);
  }
  return client;
}

function grantedScopes(client: SystemClientRow, requested: string | undefined): SystemScope[] {
  const asked = requested?.split(" ").filter(Boolean) ?? client.scopes;
  const allowed = new Set(client.scopes);
  if (asked.length === 0 || !asked.every((s) => allowed.has(s))) {
    fail("invalid", "OAUTH-SCOPE", { vi: "Phạm vi (scope) yêu cầu vượt quá phạm vi đã đăng ký.", en: "Requested scope exceeds the registered scopes." });
  }
  return SYSTEM_SCOPES.filter((s) => asked.includes(s));
}

export interface NewSystemClient {
  clientId: string;
  name: string;
  scopes: readonly string[];
  /** A JWKS (`{"keys":[…]}`) or a PEM public key. */
  keys: string;
}

export async function registerSystemClient(deps: Deps, input: NewSystemClient) {
  if (!/^[A-Za-z0-9._-]{2,100}$/.test(input.clientId)) invalid("CLIENT-ID", { vi: "client_id chỉ gồm chữ, số, . _ -", en: "client_id may hold letters, digits, . _ - only." }, "clientId");
  const unknown = input.scopes.filter((s) => !(SYSTEM_SCOPES as readonly string[]).includes(s));
  if (input.scopes.length === 0 || unknown.length > 0) {
    invalid("CLIENT-SCOPES", { vi: `Phạm vi hợp lệ: ${SYSTEM_SCOPES.join(", ")}.`, en: `Valid scopes: ${SYSTEM_SCOPES.join(", ")}.` }, "scopes");
  }
  const jwks = await publicJwks(input.keys);
  if (await findSystemClient(deps.db, input.clientId)) conflict("CLIENT-EXISTS", { vi: "client_id đã tồn tại.", en: "client_id already exists." });
  await deps.db.transaction(async (tx) => {
    const accountId = await insertAccount(tx, { username: `system-${input.clientId}`, passwordHash: "!", role: "system" });
    await insertSystemClient(tx, { accountId, clientId: input.clientId, name: input.name, scopes: input.scopes, jwks });
  });
  return describe((await findSystemClient(deps.db, input.clientId))!);
}

export async function replaceSystemClientKeys(deps: Deps, clientId: string, keys: string) {
  const jwks = await publicJwks(keys);
  if (!(await setSystemClientKeys(deps.db, clientId, jwks))) notFound("CLIENT-NOT-FOUND", { vi: "Không có client này.", en: "No such client." });
  return describe((await findSystemClient(deps.db, clientId))!);
}

export async function setClientActive(deps: Deps, clientId: string, active: boolean) {
  if (!(await setSystemClientActive(deps.db, clientId, active))) notFound("CLIENT-NOT-FOUND", { vi: "Không có client này.", en: "No such client." });
  return describe((await findSystemClient(deps.db, clientId))!);
}

export async function systemClients(deps: Deps) {
  return (await listSystemClients(deps.db)).map(describe);
}

const describe = (c: SystemClientRow) => ({
  client_id: c.client_id,
  name: c.name,
  scopes: c.scopes,
  active: c.active,
  keys: c.jwks.keys.map((k) => ({ kid: k.kid ?? null, kty: k.kty ?? null, alg: k.alg ?? null })),
  created_at: c.created_at,
});

const BAD_KEYS = { vi: "Khóa công khai không hợp lệ (cần JWKS hoặc PEM, RSA ≥ 2048 bit hoặc EC P-256).", en: "Invalid public keys (a JWKS or a PEM; RSA ≥ 2048 bits or EC P-256)." };

/** Public RSA (≥ 2048 bits) or EC P-256 keys only, each with a kid (its RFC 7638 thumbprint). */
export async function publicJwks(text: string): Promise<JSONWebKeySet> {
  let jwks: JWK[];
  try {
    const trimmed = text.trim();
    jwks = trimmed.startsWith("{") ? (JSON.parse(trimmed) as JSONWebKeySet).keys : [createPublicKey(trimmed).export({ format: "jwk" }) as JWK];
  } catch {
    return invalid("CLIENT-KEYS", BAD_KEYS, "keys");
  }
  if (!Array.isArray(jwks) || jwks.length === 0) return invalid("CLIENT-KEYS", BAD_KEYS, "keys");
  const out: JWK[] = [];
  for (const k of jwks) {
    const rsa = k.kty === "RSA" && typeof k.n === "string" && Buffer.from(k.n, "base64url").length >= 256;
    const ec = k.kty === "EC" && k.crv === "P-256";
    if ((!rsa && !ec) || "d" in k) return invalid("CLIENT-KEYS", BAD_KEYS, "keys");
    const pub: JWK = rsa ? { kty: "RSA", n: k.n!, e: k.e! } : { kty: "EC", crv: "P-256", x: k.x!, y: k.y! };
    out.push({ ...pub, alg: rsa ? "RS256" : "ES256", use: "sig", kid: k.kid ?? (await calculateJwkThumbprint(pub)) });
  }
  return { keys: out };
}
