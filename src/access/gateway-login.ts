/**
 * The Social Security gateway's sign-in, for facility software that already talks to it
 * (standards.md §3.4): `POST /api/token/take` with form fields `username` and `password` =
 * upper-case MD5 hex of the password. Answers `{maKetQua, APIKey{access_token, id_token,
 * token_type, username, expires_in}}`. The access token is the hub's ordinary JWT; `id_token` is an
 * HMAC of it, which the submit calls echo back as `tokenId`.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Deps } from "../deps.ts";
import { unauthorized } from "../outcome.ts";
import { findAccountByUsername } from "./accounts-repo.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { accessTokenFor } from "./auth.ts";

export const md5Upper = (password: string): string => createHash("md5").update(password, "utf8").digest("hex").toUpperCase();

export const idTokenFor = (deps: Pick<Deps, "secrets">, accessToken: string): string =>
  createHmac("sha256", deps.secrets.jwtKey).update(accessToken).digest("hex").slice(0, 48);

export function idTokenMatches(deps: Pick<Deps, "secrets">, accessToken: string, tokenId: string): boolean {
  const expected = Buffer.from(idTokenFor(deps, accessToken));
  const given = Buffer.from(tokenId);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const DUMMY = hashPassword("not-a-real-password");

export async function gatewayLogin(deps: Deps, input: { username: string; password: string }) {
  const account = await findAccountByUsername(deps.db, input.username);
  const stored = account?.gateway_password_hash ?? (await DUMMY);
  const ok = await verifyPassword(input.password.toUpperCase(), stored);
  if (!account || !ok || !account.active || account.role !== "facility") {
    return unauthorized("AUTH-LOGIN-FAILED", { vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "Wrong username or password." });
  }
  const { token, ttl, now } = await accessTokenFor(deps, account);
  return {
    maKetQua: "200",
    APIKey: {
      access_token: token,
      id_token: idTokenFor(deps, token),
      token_type: "bearer",
      username: account.username,
      expires_in: new Date(now.getTime() + ttl * 1000).toISOString(),
    },
  };
}
