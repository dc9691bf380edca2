/**
 * Who is calling: the bearer token's principal, checked on every protected route, server-side.
 * Routes say which roles may call them; everything else is refused before any work.
 */
import type { FastifyRequest } from "fastify";
import type { Deps } from "../deps.ts";
import { forbidden, unauthorized } from "../outcome.ts";
import type { Principal, Role, VerifiedToken } from "./tokens.ts";

/** The verified token (principal and scopes) of a caller whose role is one of `roles`; throws a refusal otherwise. */
export async function authenticateToken(deps: Pick<Deps, "secrets" | "clock">, req: FastifyRequest, roles: readonly Role[]): Promise<VerifiedToken> {
  const header = req.headers.authorization;
  const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
  const verified = token ? await deps.secrets.verifyToken(token, deps.clock()) : null;
  if (!verified) {
    return unauthorized("AUTH-TOKEN-INVALID", {
      vi: "Thiếu mã truy cập, mã không hợp lệ hoặc đã hết hạn.",
      en: "Access token missing, invalid or expired.",
    });
  }
  if (!roles.includes(verified.principal.role)) {
    return forbidden("ACCESS-ROLE", { vi: "Vai trò của bạn không được phép thực hiện thao tác này.", en: "Your role may not do this." });
  }
  return verified;
}

export async function authenticate(deps: Deps, req: FastifyRequest, roles: readonly Role[]): Promise<Principal> {
  return (await authenticateToken(deps, req, roles)).principal;
}
