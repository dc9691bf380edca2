/**
 * Citizen sign-in with any OpenID Connect provider (VNeID in production), configured by issuer
 * URL: authorization code flow with PKCE (S256), state and nonce kept server-side per sign-in and
 * used once (openid-client does discovery, the token exchange and ID-token validation). The
 * personal ID comes from a configurable claim, from the ID token or else from userinfo.
 */
import * as oidc from "openid-client";
import type { Config } from "../config.ts";
import type { Deps } from "../deps.ts";
import { fail, invalid, notFound } from "../outcome.ts";
import type { LoginAnswer } from "./auth.ts";
import { citizenSignIn } from "./citizen.ts";
import { insertOidcLogin, purgeOidcLogins, takeOidcLogin } from "./oidc-repo.ts";

const LOGIN_WINDOW_MS = 10 * 60_000;
const PERSONAL_ID = /^\d{12}$/;

interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string | undefined;
  redirectUrl: string;
  scope: string;
  claim: string;
}

function settings(config: Config): OidcSettings {
  const { HOSO_OIDC_ISSUER: issuer, HOSO_OIDC_CLIENT_ID: clientId, HOSO_OIDC_REDIRECT_URL: redirectUrl } = config;
  if (!issuer || !clientId || !redirectUrl) {
    return notFound("CITIZEN-OIDC-OFF", { vi: "Đăng nhập qua nhà cung cấp định danh chưa được cấu hình.", en: "Sign-in with an identity provider is not configured." });
  }
  return { issuer: new URL(issuer), clientId, clientSecret: config.HOSO_OIDC_CLIENT_SECRET, redirectUrl, scope: config.HOSO_OIDC_SCOPE, claim: config.HOSO_OIDC_PERSONAL_ID_CLAIM };
}

/** Plain HTTP only to a provider on this machine (tests, local development). */
const isLoopback = (u: URL) => u.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);

async function discover(s: OidcSettings): Promise<oidc.Configuration> {
  return oidc.discovery(s.issuer, s.clientId, s.clientSecret, undefined, isLoopback(s.issuer) ? { execute: [oidc.allowInsecureRequests] } : {});
}

export async function oidcStart(deps: Deps): Promise<{ authorization_url: string; expires_in: number }> {
  const s = settings(deps.config);
  const config = await discover(s);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const now = deps.clock();
  await purgeOidcLogins(deps.db, now);
  await insertOidcLogin(deps.db, { state, codeVerifier, nonce, expiresAt: new Date(now.getTime() + LOGIN_WINDOW_MS) });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: s.redirectUrl,
    scope: s.scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { authorization_url: url.href, expires_in: LOGIN_WINDOW_MS / 1000 };
}

export interface OidcCallback {
  code: string;
  state: string;
  iss?: string | undefined;
}

export async function oidcCallback(deps: Deps, input: OidcCallback): Promise<LoginAnswer> {
  const s = settings(deps.config);
  const login = await takeOidcLogin(deps.db, input.state, deps.clock());
  if (!login) {
    return invalid("CITIZEN-OIDC-STATE", { vi: "Phiên đăng nhập không hợp lệ hoặc đã hết hạn; vui lòng đăng nhập lại.", en: "Unknown or expired sign-in; please sign in again." }, "state");
  }
  const back = new URL(s.redirectUrl);
  back.searchParams.set("code", input.code);
  back.searchParams.set("state", input.state);
  if (input.iss !== undefined) back.searchParams.set("iss", input.iss);

  let personalId: unknown;
  let subject: string;
  try {
    const config = await discover(s);
    const tokens = await oidc.authorizationCodeGrant(config, back, {
      pkceCodeVerifier: login.code_verifier,
      expectedState: input.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error("no ID token");
    subject = claims.sub;
    personalId = claims[s.claim];
    if (personalId === undefined) personalId = (await oidc.fetchUserInfo(config, tokens.access_token, claims.sub))[s.claim];
  } catch (err) {
    // The cause names no person (protocol errors only): logged for the operator, not answered.
    deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, "oidc sign-in refused");
    return fail("login", "CITIZEN-OIDC-FAILED", { vi: "Nhà cung cấp định danh từ chối đăng nhập.", en: "The identity provider refused the sign-in." });
  }
  if (typeof personalId !== "string" || !PERSONAL_ID.test(personalId)) {
    return fail("forbidden", "CITIZEN-OIDC-NO-PERSONAL-ID", { vi: "Tài khoản định danh không có số định danh cá nhân hợp lệ.", en: "The identity has no valid personal ID." });
  }
  return citizenSignIn(deps, { personalId, oidc: { issuer: s.issuer.href, subject } });
}

export function signInOptions(config: Config): { demo: boolean; oidc: boolean } {
  return { demo: config.HOSO_DEMO, oidc: Boolean(config.HOSO_OIDC_ISSUER && config.HOSO_OIDC_CLIENT_ID && config.HOSO_OIDC_REDIRECT_URL) };
}
