/**
 * Who is calling, for routes open to several roles that decide (and audit) in the service: any
 * valid hub token, plus the scopes a system client's token carries.
 */
import type { FastifyRequest } from "fastify";
import type { Deps } from "../deps.ts";
import { authenticateToken } from "./guard.ts";
import { ROLES, type Principal } from "./tokens.ts";

export const ALL_ROLES = ROLES;

export interface Caller {
  who: Principal;
  scopes: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

export async function authenticateCaller(deps: Deps, req: FastifyRequest): Promise<Caller> {
  const { principal, scopes } = await authenticateToken(deps, req, ALL_ROLES);
  return { who: principal, scopes: principal.role === "system" ? scopes : NONE };
}
