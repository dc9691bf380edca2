/**
 * Who is calling: the bearer token's principal, checked on every protected route, server-side.
 * Routes say which roles may call them; everything else is refused before any work.
 */
import type { FastifyRequest } from "fastify";
import type { Deps } from "../deps.ts";
import { forbidden, unauthorized } from "../outcome.ts";
import { verifyAccessToken, type Principal, type Role } from "./tokens.ts";

export async function authenticate(deps: Deps, req: FastifyRequest, roles: readonly Role[]): Promise<Principal> {
  const header = req.headers.authorization;
  const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
  const principal = token ? await verifyAccessToken(deps.secrets.jwtKey, token, deps.clock()) : null;
  if (!principal) {
    return unauthorized("AUTH-TOKEN-INVALID", {
      vi: "Thiếu mã truy cập, mã không hợp lệ hoặc đã hết hạn.",
      en: "Access token missing, invalid or expired.",
    });
  }
  if (!roles.includes(principal.role)) {
    return forbidden("ACCESS-ROLE", { vi: "Vai trò của bạn không được phép thực hiện thao tác này.", en: "Your role may not do this." });
  }
  return principal;
}
