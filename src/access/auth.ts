/**
 * Sign-in for accounts (facilities, stewards, …) as the Ministry's check-up API expects
 * (standards.md §5.5): `POST /api/auth/login` → `{token, refresh_token, duration, role}`.
 * Refresh tokens are opaque, stored hashed, and rotate on use.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Deps } from "../deps.ts";
import { unauthorized } from "../outcome.ts";
import { findAccountById, findAccountByUsername, insertRefreshToken, useRefreshToken, type AccountRow } from "./accounts-repo.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { issueAccessToken, type Role } from "./tokens.ts";

export interface LoginAnswer {
  token: string;
  refresh_token: string;
  duration: number;
  role: Role;
}

const LOGIN_FAILED = {
  vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
  en: "Wrong username or password.",
};

// Compared against when the username is unknown, so both cases take the same time.
const DUMMY_HASH = hashPassword("not-a-real-password");

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export async function login(deps: Deps, input: { username: string; password: string }): Promise<LoginAnswer> {
  const account = await findAccountByUsername(deps.db, input.username);
  const ok = await verifyPassword(input.password, account?.password_hash ?? (await DUMMY_HASH));
  if (!account || !ok || !account.active) return unauthorized("AUTH-LOGIN-FAILED", LOGIN_FAILED);
  return answerFor(deps, account);
}

export async function refresh(deps: Deps, input: { refresh_token: string }): Promise<LoginAnswer> {
  const accountId = await useRefreshToken(deps.db, sha256(input.refresh_token), deps.clock());
  const account = accountId ? await findAccountById(deps.db, accountId) : null;
  if (!account || !account.active) {
    return unauthorized("AUTH-REFRESH-INVALID", {
      vi: "Mã làm mới không hợp lệ hoặc đã hết hạn.",
      en: "Refresh token invalid or expired.",
    });
  }
  return answerFor(deps, account);
}

/** An access token for an account, valid `HOSO_TOKEN_TTL_SECONDS` from now. */
export async function accessTokenFor(deps: Deps, account: AccountRow): Promise<{ token: string; ttl: number; now: Date }> {
  const now = deps.clock();
  const ttl = deps.config.HOSO_TOKEN_TTL_SECONDS;
  const principal = { accountId: account.account_id, role: account.role, facilityId: account.facility_id, scopeProvince: account.scope_province };
  return { token: await issueAccessToken(deps.secrets.jwtKey, principal, ttl, now), ttl, now };
}

async function answerFor(deps: Deps, account: AccountRow): Promise<LoginAnswer> {
  const { token, ttl, now } = await accessTokenFor(deps, account);
  const refreshToken = randomBytes(32).toString("base64url");
  const expires = new Date(now.getTime() + deps.config.HOSO_REFRESH_TTL_SECONDS * 1000);
  await insertRefreshToken(deps.db, sha256(refreshToken), account.account_id, expires);
  return { token, refresh_token: refreshToken, duration: ttl, role: account.role };
}
